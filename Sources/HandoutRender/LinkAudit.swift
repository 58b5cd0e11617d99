/// Checks a finished PDF's actions: every `/URI` is one the document meant to write, and no
/// action can run code or open files.
///
/// The check reads the file's tokens outside strings and streams, so plan text inside a string
/// (a title that reads "/JavaScript") is not mistaken for a name.
enum LinkAudit {
  /// Names that must never appear as PDF names: actions that run scripts, launch programs,
  /// submit or import data, or open other files.
  static let forbiddenNames: Set<String> = [
    "JavaScript", "JS", "Launch", "SubmitForm", "ImportData", "GoToR", "GoToE", "RichMedia",
    "Rendition", "Sound", "Movie", "EmbeddedFile", "OpenAction", "AA",
  ]

  /// The first problem found, or `nil` when every `/URI` is in `expected` and no forbidden
  /// name occurs.
  static func problem(in pdf: [UInt8], expected: Set<String>) -> String? {
    var scanner = Scanner(bytes: pdf)
    var previousName: String?
    while let token = scanner.next() {
      switch token {
      case .name(let name):
        if let name, forbiddenNames.contains(name) { return "the PDF holds the name /\(name)" }
        previousName = name
        continue
      case .string(let bytes):
        if previousName == "URI" {
          let uri = String(decoding: bytes, as: UTF8.self)
          if !expected.contains(uri) { return "the PDF links to \(uri.debugDescription), which the document did not ask for" }
        }
      case .other:
        break
      }
      previousName = nil
    }
    return nil
  }

  private enum Token {
    /// A name, decoded when it could be `URI` or a forbidden name (2 to 12 bytes); `nil` for
    /// any other, which the audit does not look at.
    case name(String?)
    case string([UInt8])
    case other
  }

  private struct Scanner {
    static let stream = Array("stream".utf8)
    static let endstream = Array("endstream".utf8)
    let bytes: [UInt8]
    var index = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func next() -> Token? {
      while index < bytes.count {
        let byte = bytes[index]
        switch byte {
        case UInt8(ascii: "/"):
          index += 1
          let start = index
          while index < bytes.count, !isDelimiter(bytes[index]) { index += 1 }
          return .name(decodeName(bytes[start..<index]))
        case UInt8(ascii: "<") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "<"):
          index += 2
          continue
        case UInt8(ascii: "("), UInt8(ascii: "<"):
          // Literal and hex strings are read as the post-pass reads them, escapes resolved.
          var strings = PDFScanner(bytes, at: index)
          guard case .string(let text)? = strings.value() else {
            index = bytes.count
            return nil
          }
          index = strings.position
          return .string(text)
        case UInt8(ascii: "%"):
          while index < bytes.count, bytes[index] != 0x0A, bytes[index] != 0x0D { index += 1 }
        case UInt8(ascii: "s") where bytes[index...].starts(with: Self.stream)
          && (index == 0 || isDelimiter(bytes[index - 1])):
          skipStream()
          return .other
        default:
          index += 1
          if isDelimiter(byte) || byte == 0x20 || byte == 0x0A || byte == 0x0D { continue }
          while index < bytes.count, !isDelimiter(bytes[index]) { index += 1 }
          return .other
        }
      }
      return nil
    }

    /// Skips from `stream` to just after the matching `endstream`.
    mutating func skipStream() {
      let marker = Self.endstream
      index += 6
      while index + marker.count <= bytes.count {
        if bytes[index] == marker[0], bytes[index..<index + marker.count].elementsEqual(marker) {
          index += marker.count
          return
        }
        index += 1
      }
      index = bytes.count
    }

    /// The name's text when it could matter to the audit: no forbidden name, nor `URI`, is
    /// shorter than 2 or longer than 12 bytes, and `#xx` escapes only make a name shorter.
    func decodeName(_ raw: ArraySlice<UInt8>) -> String? {
      guard raw.count >= 2, raw.count <= 12 || raw.contains(UInt8(ascii: "#")) else { return nil }
      var result: [UInt8] = []
      var i = raw.startIndex
      while i < raw.endIndex {
        if raw[i] == UInt8(ascii: "#"), i + 2 < raw.endIndex, let high = hexValue(raw[i + 1]),
          let low = hexValue(raw[i + 2])
        {
          result.append(high << 4 | low)
          i += 3
        } else {
          result.append(raw[i])
          i += 1
        }
      }
      guard result.count >= 2, result.count <= 12 else { return nil }
      return String(decoding: result, as: UTF8.self)
    }

    func hexValue(_ byte: UInt8) -> UInt8? {
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
      default: nil
      }
    }

    func isDelimiter(_ byte: UInt8) -> Bool {
      switch byte {
      case 0x00, 0x09, 0x0A, 0x0C, 0x0D, 0x20: true
      case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "["),
        UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "/"), UInt8(ascii: "%"):
        true
      default: false
      }
    }
  }
}
