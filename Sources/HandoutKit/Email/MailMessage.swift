import Foundation

/// A name and an address: `"Jordan Alvarez" <jordan@example.com>`.
struct Mailbox {
  var name: String?
  var address: String
}

/// An email with a plain-text body and one PDF attached, as RFC 5322 and MIME bytes.
///
/// Lines end in CRLF and stay under 78 characters. Non-ASCII names and subjects become RFC 2047
/// encoded words, the body quoted-printable UTF-8, the PDF base64. Header values must already be
/// free of control characters (``EmailChecks`` refuses them); nothing here can break a header.
struct MailMessage {
  var from: Mailbox
  var to: Mailbox
  var subject: String
  /// Seconds since 1970, UTC.
  var date: Int
  var messageID: String
  var body: String
  var attachmentName: String
  var attachment: [UInt8]

  /// The message's bytes.
  func encoded() -> [UInt8] {
    let boundary = "=_handout_" + String(format: "%016llx", fnv1a(attachment + Array(body.utf8)))
    var lines: [String] = []
    lines.append(header("From", mailbox(from)))
    lines.append(header("To", mailbox(to)))
    lines.append(header("Subject", phrase(subject, quoted: false)))
    lines.append("Date: " + rfc5322Date(date))
    lines.append("Message-ID: <\(messageID)>")
    lines.append("MIME-Version: 1.0")
    lines.append("Content-Type: multipart/mixed; boundary=\"\(boundary)\"")
    lines.append("")
    lines.append("This is a message in MIME format: a note and a PDF attachment.")
    lines.append("--" + boundary)
    lines.append("Content-Type: text/plain; charset=utf-8")
    lines.append("Content-Transfer-Encoding: quoted-printable")
    lines.append("")
    lines.append(quotedPrintable(body))
    lines.append("--" + boundary)
    let isASCII = attachmentName.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C }
    if isASCII {
      lines.append("Content-Type: application/pdf; name=\"\(attachmentName)\"")
      lines.append("Content-Disposition: attachment; filename=\"\(attachmentName)\"")
    } else {
      // RFC 2231 for the file name; the encoded word in `name` is what older mail readers show.
      lines.append(header("Content-Type", "application/pdf; name=\"\(encodedWords(attachmentName, room: 40).joined(separator: " "))\""))
      lines.append(header("Content-Disposition", "attachment; filename*=utf-8''" + percentEncoded(attachmentName)))
    }
    lines.append("Content-Transfer-Encoding: base64")
    lines.append("")
    lines.append(base64Lines(attachment))
    lines.append("--" + boundary + "--")
    lines.append("")
    return Array(lines.joined(separator: "\r\n").utf8)
  }

  /// Base64 in lines of 76 characters, as MIME asks.
  private func base64Lines(_ bytes: [UInt8]) -> String {
    let encoded = Array(Data(bytes).base64EncodedString().utf8)
    var out: [UInt8] = []
    out.reserveCapacity(encoded.count + encoded.count / 38 + 2)
    for start in stride(from: 0, to: encoded.count, by: 76) {
      if start > 0 { out += [13, 10] }
      out += encoded[start..<min(start + 76, encoded.count)]
    }
    return String(decoding: out, as: UTF8.self)
  }

  private func mailbox(_ box: Mailbox) -> String {
    guard let name = box.name, !name.isEmpty else { return "<\(box.address)>" }
    return phrase(name, quoted: true) + " <\(box.address)>"
  }

  /// A header, folded at spaces so no line passes 78 characters.
  private func header(_ name: String, _ value: String) -> String {
    var lines: [String] = []
    var current = name + ":"
    for word in value.split(separator: " ", omittingEmptySubsequences: false) {
      if current.count + 1 + word.count > 78, current.count > name.count + 1 {
        lines.append(current)
        current = ""
      }
      current += " " + word
    }
    lines.append(current)
    return lines.joined(separator: "\r\n")
  }

  /// Text for a header: as it is when plain ASCII (quoted for a display name), else as RFC 2047
  /// encoded words. A run of more than 60 characters without a space is encoded too, since
  /// only encoded words can be folded inside it (RFC 5322 limits a line to 998 characters).
  private func phrase(_ text: String, quoted: Bool) -> String {
    let isPrintableASCII = text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    let longestRun = text.split(separator: " ").map(\.utf8.count).max() ?? 0
    if isPrintableASCII, longestRun <= 60 {
      guard quoted else { return text }
      return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
    return encodedWords(text, room: 45).joined(separator: " ")
  }

  /// `=?UTF-8?B?…?=` words, each holding at most `room` bytes of text and never splitting a
  /// character, so every word stays under the 75 characters RFC 2047 allows.
  private func encodedWords(_ text: String, room: Int) -> [String] {
    var words: [String] = []
    var chunk: [UInt8] = []
    for character in text {
      let bytes = Array(String(character).utf8)
      if chunk.count + bytes.count > room, !chunk.isEmpty {
        words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=")
        chunk = []
      }
      chunk += bytes
    }
    if !chunk.isEmpty { words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=") }
    return words
  }

  private func percentEncoded(_ text: String) -> String {
    let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$&+-.^_`|~".utf8)
    return text.utf8.map { allowed.contains($0) ? String(UnicodeScalar($0)) : String(format: "%%%02X", $0) }.joined()
  }

  /// The body as quoted-printable UTF-8 (RFC 2045): lines kept, long lines softly broken.
  private func quotedPrintable(_ text: String) -> String {
    var out: [String] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let bytes = Array(line.utf8)
      var current = ""
      for (index, byte) in bytes.enumerated() {
        let isLast = index == bytes.count - 1
        let plain = (byte >= 33 && byte <= 126 && byte != 61) || (byte == 32 && !isLast)
        let piece = plain ? String(UnicodeScalar(byte)) : String(format: "=%02X", byte)
        if current.count + piece.count > 75 {
          out.append(current + "=")
          current = ""
        }
        current += piece
      }
      out.append(current)
    }
    return out.joined(separator: "\r\n")
  }
}

/// `Sat, 21 Nov 2026 09:30:00 +0000`.
func rfc5322Date(_ seconds: Int) -> String {
  let days = Int((Double(seconds) / 86400).rounded(.down))
  let rest = seconds - days * 86400
  let date = civilDate(daysSinceEpoch: days)
  let weekday = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"][((days % 7) + 7) % 7]
  let month = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][date.month - 1]
  func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
  return "\(weekday), \(pad(date.day)) \(month) \(date.year) \(pad(rest / 3600)):\(pad(rest % 3600 / 60)):\(pad(rest % 60)) +0000"
}

/// FNV-1a, 64 bits, for stable identifiers.
func fnv1a<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
  var value: UInt64 = 0xcbf2_9ce4_8422_2325
  for byte in bytes {
    value ^= UInt64(byte)
    value = value &* 0x100_0000_01b3
  }
  return value
}
