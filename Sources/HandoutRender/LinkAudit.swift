import Foundation

/// Checks a finished PDF's actions: every `/URI` is one the document meant to write, and no
/// action can run code or open files.
///
/// The check reads the file's tokens outside strings and streams, so plan text inside a string
/// (a title that reads "/JavaScript") is not mistaken for a name; object streams (`/Type
/// /ObjStm`, where the post-pass puts the annotations and their actions) are inflated and read
/// the same way, and one that cannot be inflated is a problem.
///
/// It reads only what it needs, from the bytes: a name is compared with the forbidden names
/// as it stands (decoded only when it holds a `#` escape), a string is decoded only after
/// `/URI`, and other strings, numbers, keywords and streams are skipped.
enum LinkAudit {
  /// Names that must never appear as PDF names: actions that run scripts, launch programs,
  /// submit or import data, or open other files.
  static let forbiddenNames: Set<String> = [
    "JavaScript", "JS", "Launch", "SubmitForm", "ImportData", "GoToR", "GoToE", "RichMedia",
    "Rendition", "Sound", "Movie", "EmbeddedFile", "OpenAction", "AA",
  ]

  /// The forbidden names' bytes, by length, for comparing names where they stand.
  private static let forbiddenByLength: [Int: [[UInt8]]] = Dictionary(grouping: forbiddenNames.map { Array($0.utf8) }, by: \.count)

  /// The first problem found, or `nil` when every `/URI` is in `expected` and no forbidden
  /// name occurs.
  static func problem(in pdf: [UInt8], expected: Set<String>) -> String? {
    pdf.withUnsafeBufferPointer { problem(in: $0, expected: expected) }
  }

  /// The names whose place in the file the audit follows.
  private enum Name {
    case type, objectStream, uri, forbidden, other
  }

  private static func classify(_ name: UnsafeBufferPointer<UInt8>, forbidden: [Int: [[UInt8]]]) -> Name {
    switch name.count {
    case 3 where name.elementsEqual("URI".utf8): return .uri
    case 4 where name.elementsEqual("Type".utf8): return .type
    case 6 where name.elementsEqual("ObjStm".utf8): return .objectStream
    default:
      if let candidates = forbidden[name.count], candidates.contains(where: { $0.elementsEqual(name) }) { return .forbidden }
      return .other
    }
  }

  private static func problem(in bytes: UnsafeBufferPointer<UInt8>, expected: Set<String>) -> String? {
    let count = bytes.count
    let forbidden = forbiddenByLength
    var index = 0
    var previous = Name.other
    var objectStream = false
    while index < count {
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: "/"):
        let start = index + 1
        index = start
        while index < count, !isDelimiter(bytes[index]) { index += 1 }
        let name = UnsafeBufferPointer(rebasing: bytes[start..<index])
        let kind: Name
        if name.contains(UInt8(ascii: "#")) {
          let decoded = decodeName(name)
          kind = decoded.withUnsafeBufferPointer { classify($0, forbidden: forbidden) }
        } else {
          kind = classify(name, forbidden: forbidden)
        }
        if case .forbidden = kind {
          let text = name.contains(UInt8(ascii: "#")) ? decodeName(name) : Array(name)
          return "the PDF holds the name /\(String(decoding: text, as: UTF8.self))"
        }
        if kind == .objectStream, previous == .type { objectStream = true }
        previous = kind
        continue
      case UInt8(ascii: "<") where index + 1 < count && bytes[index + 1] == UInt8(ascii: "<"):
        index += 2
        continue
      case UInt8(ascii: "("), UInt8(ascii: "<"):
        let end = byte == UInt8(ascii: "(") ? endOfLiteralString(bytes, from: index) : endOfHex(bytes, from: index)
        if previous == .uri {
          // The post-pass's own reader, escapes resolved.
          var strings = PDFScanner(Array(bytes[index..<end]), at: 0)
          guard case .string(let text)? = strings.value() else { return nil }
          let uri = String(decoding: text, as: UTF8.self)
          if !expected.contains(uri) { return "the PDF links to \(uri.debugDescription), which the document did not ask for" }
        }
        index = end
      case UInt8(ascii: "%"):
        while index < count, bytes[index] != 0x0A, bytes[index] != 0x0D { index += 1 }
        continue
      case UInt8(ascii: "s")
      where index + 6 <= count && (index == 0 || isDelimiter(bytes[index - 1])) && bytes[index + 1] == UInt8(ascii: "t")
        && bytes[index..<index + 6].elementsEqual("stream".utf8):
        let (data, end) = streamData(bytes, keyword: index)
        index = end
        if objectStream {
          guard let objects = inflate(Array(data)) else { return "the PDF holds an object stream that cannot be inflated" }
          if let problem = problem(in: objects, expected: expected) { return problem }
        }
        objectStream = false
      default:
        index += 1
        if isDelimiter(byte) { continue }
        while index < count, !isDelimiter(bytes[index]) { index += 1 }
      }
      previous = .other
    }
    return nil
  }

  /// Just after the hex string that starts at `start`.
  private static func endOfHex(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    var index = start + 1
    while index < bytes.count, bytes[index] != UInt8(ascii: ">") { index += 1 }
    return min(index + 1, bytes.count)
  }

  /// A stream's data, from its `stream` keyword to the next `endstream`, and where reading
  /// goes on after it.
  private static func streamData(_ bytes: UnsafeBufferPointer<UInt8>, keyword: Int) -> (Slice<UnsafeBufferPointer<UInt8>>, Int) {
    var index = keyword + 6
    if index < bytes.count, bytes[index] == 13 { index += 1 }
    if index < bytes.count, bytes[index] == 10 { index += 1 }
    let start = index
    let marker = Array("endstream".utf8)
    guard let base = bytes.baseAddress else { return (bytes[start..<start], bytes.count) }
    while index + marker.count <= bytes.count {
      guard let hit = memchr(base + index, Int32(marker[0]), bytes.count - index - marker.count + 1) else { break }
      index = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self)) - base
      if memcmp(base + index, marker, marker.count) == 0 { return (bytes[start..<index], index + marker.count) }
      index += 1
    }
    return (bytes[start..<bytes.count], bytes.count)
  }

  private static func decodeName(_ raw: UnsafeBufferPointer<UInt8>) -> [UInt8] {
    var result: [UInt8] = []
    var i = 0
    while i < raw.count {
      if raw[i] == UInt8(ascii: "#"), i + 2 < raw.count, let high = hexValue(raw[i + 1]), let low = hexValue(raw[i + 2]) {
        result.append(high << 4 | low)
        i += 3
      } else {
        result.append(raw[i])
        i += 1
      }
    }
    return result
  }

  private static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    default: nil
    }
  }

  private static func isDelimiter(_ byte: UInt8) -> Bool {
    switch byte {
    case 0x00, 0x09, 0x0A, 0x0C, 0x0D, 0x20: true
    case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "["),
      UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "/"), UInt8(ascii: "%"):
      true
    default: false
    }
  }
}
