/// Writes link targets so that no byte of them can end a PDF string or a Cairo attribute.
///
/// Cairo 1.16 copies a link's `uri` attribute into the PDF's `/URI (…)` string as it is, so an
/// unbalanced `)` from a plan would end the string and turn the rest into keys of the action
/// (`/S /JavaScript`). Every byte outside a conservative subset of RFC 3986 is percent-encoded
/// first: parentheses, backslashes, quotes, spaces, controls and all non-ASCII bytes.
public enum LinkURI {
  /// The form of `uri` written into the PDF: only unreserved and delimiter characters, `%XX` for
  /// the rest. An existing `%XX` escape is kept; a lone `%` becomes `%25`.
  public static func encoded(_ uri: String) -> String {
    let bytes = Array(uri.utf8)
    var result = ""
    result.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "%"), index + 2 < bytes.count, isHex(bytes[index + 1]), isHex(bytes[index + 2]) {
        result.unicodeScalars.append(contentsOf: bytes[index...index + 2].map { Unicode.Scalar($0) })
        index += 3
        continue
      }
      if isKept(byte) {
        result.unicodeScalars.append(Unicode.Scalar(byte))
      } else {
        result += "%" + hexDigits[Int(byte >> 4)] + hexDigits[Int(byte & 0xF)]
      }
      index += 1
    }
    return result
  }

  /// Whether a byte may stand as it is: ALPHA, DIGIT, `-._~`, and `:/?#[]@!$&*+,;=`.
  /// Left out on purpose: `(`, `)`, `\`, `'`, `"`, `<`, `>`, `%` (unless escaping), space.
  static func isKept(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"):
      return true
    default:
      return Array("-._~:/?#[]@!$&*+,;=".utf8).contains(byte)
    }
  }

  private static func isHex(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
      || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
  }

  private static let hexDigits = (0..<16).map { String($0, radix: 16, uppercase: true) }
}
