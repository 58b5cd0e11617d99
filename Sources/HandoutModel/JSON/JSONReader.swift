/// Parses JSON text (RFC 8259) into ``JSONValue``s that carry their source positions.
public enum JSONReader {
  /// A syntax error, with the position of the offending character.
  public struct SyntaxError: Error, Sendable, Equatable {
    public var message: String
    public var location: SourceLocation
    /// How to fix it.
    public var hint: String
    /// The value the error is in, when the parser had reached one ("clinic.name").
    public var path: JSONPath?

    public init(message: String, location: SourceLocation, hint: String = SyntaxError.punctuationHint, path: JSONPath? = nil) {
      self.message = message
      self.location = location
      self.hint = hint
      self.path = path
    }

    /// The message as a diagnostic says it: syntax errors are said to be invalid JSON.
    public var statement: String { hint == SyntaxError.punctuationHint ? "invalid JSON: \(message)" : message }

    public static let punctuationHint = "check the punctuation just before this point; a JSON validator shows more"
  }

  /// Parses a complete JSON document.
  public static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> JSONValue {
    var parser = Parser(bytes: bytes)
    return try parser.parseDocument()
  }

  /// Parses a complete JSON document from a string.
  public static func parse(_ text: String) throws(SyntaxError) -> JSONValue {
    try parse(Array(text.utf8))
  }
}

/// How deep arrays and objects may nest; a plan nests four deep.
public let maximumJSONDepth = 64

private struct Parser {
  let bytes: [UInt8]
  var index = 0
  var line = 1
  var lineStart = 0
  var depth = 0
  /// The last column computed on the current line, so that positions on a long line (an
  /// NDJSON record) cost the distance from the previous one, not from the line's start.
  var columnCache: (lineStart: Int, index: Int, column: Int) = (0, 0, 1)

  init(bytes: [UInt8]) {
    self.bytes = bytes
    // A UTF-8 byte order mark is tolerated, as editors on some systems write one.
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3; lineStart = 3 }
  }

  var location: SourceLocation {
    mutating get {
      // Columns count scalars, not bytes: skip UTF-8 continuation bytes.
      var (i, column) = (lineStart, 1)
      if columnCache.lineStart == lineStart, columnCache.index <= index { (i, column) = (columnCache.index, columnCache.column) }
      while i < index {
        if bytes[i] & 0xC0 != 0x80 { column += 1 }
        i += 1
      }
      columnCache = (lineStart, index, column)
      return SourceLocation(line: line, column: column)
    }
  }

  /// Where the parser is: the keys and indices of the values it is inside.
  var path: [JSONPath.Component] = []

  mutating func error(_ message: String, hint: String = JSONReader.SyntaxError.punctuationHint) -> JSONReader.SyntaxError {
    JSONReader.SyntaxError(message: message, location: location, hint: hint, path: path.isEmpty ? nil : JSONPath(path))
  }

  mutating func parseDocument() throws(JSONReader.SyntaxError) -> JSONValue {
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
      throw error("the file is UTF-16 text; Handout reads UTF-8", hint: "save the file as UTF-8 (in most editors: Save As, then Encoding: UTF-8)")
    }
    skipWhitespace()
    guard index < bytes.count else { throw error("the file is empty; expected a JSON object") }
    let value = try parseValue()
    skipWhitespace()
    if index < bytes.count {
      throw error("unexpected \(describeCurrent()) after the end of the JSON value")
    }
    return value
  }

  mutating func skipWhitespace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x09, 0x0D: index += 1
      case 0x0A:
        index += 1
        line += 1
        lineStart = index
      default: return
      }
    }
  }

  func describeCurrent() -> String {
    guard index < bytes.count else { return "end of file" }
    let byte = bytes[index]
    if byte >= 0x21 && byte < 0x7F { return "'\(Character(UnicodeScalar(byte)))'" }
    let hex = String(byte, radix: 16, uppercase: true)
    return "byte 0x\(hex.count == 1 ? "0" + hex : hex)"
  }

  mutating func parseValue() throws(JSONReader.SyntaxError) -> JSONValue {
    guard index < bytes.count else { throw error("unexpected end of file; expected a value") }
    let start = location
    switch bytes[index] {
    case UInt8(ascii: "{"): return try parseObject(start)
    case UInt8(ascii: "["): return try parseArray(start)
    case UInt8(ascii: "\""): return JSONValue(.string(try parseString()), at: start)
    case UInt8(ascii: "t"): try expectWord("true"); return JSONValue(.bool(true), at: start)
    case UInt8(ascii: "f"): try expectWord("false"); return JSONValue(.bool(false), at: start)
    case UInt8(ascii: "n"): try expectWord("null"); return JSONValue(.null, at: start)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      return JSONValue(.number(try parseNumber()), at: start)
    case UInt8(ascii: "'"):
      throw error("strings must use double quotes (\"), not single quotes")
    default:
      throw error("unexpected \(describeCurrent()); expected a value")
    }
  }

  mutating func expectWord(_ word: String) throws(JSONReader.SyntaxError) {
    let utf8 = Array(word.utf8)
    guard bytes.count - index >= utf8.count, Array(bytes[index..<index + utf8.count]) == utf8
    else { throw error("unexpected \(describeCurrent()); expected a value") }
    index += utf8.count
  }

  mutating func enter() throws(JSONReader.SyntaxError) {
    depth += 1
    if depth > maximumJSONDepth { throw error("values are nested more than \(maximumJSONDepth) deep") }
  }

  mutating func parseObject(_ start: SourceLocation) throws(JSONReader.SyntaxError) -> JSONValue {
    try enter()
    defer { depth -= 1 }
    index += 1
    var members: [JSONValue.Member] = []
    var keys: [String: SourceLocation] = [:]
    skipWhitespace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
      index += 1
      return JSONValue(.object(members), at: start)
    }
    while true {
      skipWhitespace()
      guard index < bytes.count else { throw error("unexpected end of file inside an object") }
      guard bytes[index] == UInt8(ascii: "\"") else {
        if bytes[index] == UInt8(ascii: "}") { throw error("trailing comma before '}'") }
        throw error("unexpected \(describeCurrent()); expected a key in double quotes")
      }
      let keyLocation = location
      let key = try parseString()
      if let first = keys[key] {
        throw JSONReader.SyntaxError(
          message: "the key \"\(key)\" appears twice in this object (first at \(first))",
          location: keyLocation, hint: "keep one of them: JSON readers differ on which one counts",
          path: JSONPath(path + [.key(key)]))
      }
      keys[key] = keyLocation
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
        throw error("unexpected \(describeCurrent()); expected ':' after the key \"\(key)\"")
      }
      index += 1
      skipWhitespace()
      path.append(.key(key))
      let value = try parseValue()
      path.removeLast()
      members.append(JSONValue.Member(key: key, keyLocation: keyLocation, value: value))
      skipWhitespace()
      guard index < bytes.count else { throw error("unexpected end of file inside an object") }
      switch bytes[index] {
      case UInt8(ascii: ","): index += 1
      case UInt8(ascii: "}"):
        index += 1
        return JSONValue(.object(members), at: start)
      default:
        throw error("unexpected \(describeCurrent()); expected ',' or '}' after a value")
      }
    }
  }

  mutating func parseArray(_ start: SourceLocation) throws(JSONReader.SyntaxError) -> JSONValue {
    try enter()
    defer { depth -= 1 }
    index += 1
    var elements: [JSONValue] = []
    skipWhitespace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
      index += 1
      return JSONValue(.array(elements), at: start)
    }
    while true {
      skipWhitespace()
      if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
        throw error("trailing comma before ']'")
      }
      path.append(.index(elements.count))
      elements.append(try parseValue())
      path.removeLast()
      skipWhitespace()
      guard index < bytes.count else { throw error("unexpected end of file inside an array") }
      switch bytes[index] {
      case UInt8(ascii: ","): index += 1
      case UInt8(ascii: "]"):
        index += 1
        return JSONValue(.array(elements), at: start)
      default:
        throw error("unexpected \(describeCurrent()); expected ',' or ']' after a value")
      }
    }
  }

  mutating func parseString() throws(JSONReader.SyntaxError) -> String {
    index += 1
    var scalars = String.UnicodeScalarView()
    var runStart = index
    func flush(_ end: Int, into scalars: inout String.UnicodeScalarView) {
      if end > runStart {
        scalars.append(contentsOf: String(decoding: bytes[runStart..<end], as: UTF8.self).unicodeScalars)
      }
    }
    while index < bytes.count {
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: "\""):
        flush(index, into: &scalars)
        index += 1
        return String(scalars)
      case UInt8(ascii: "\\"):
        flush(index, into: &scalars)
        index += 1
        scalars.append(try parseEscape())
        runStart = index
      case 0x0A:
        throw error("a string runs to the end of the line; close it with \" or write \\n")
      case 0x00..<0x20:
        throw error("a control character inside a string; write it as an escape such as \\t")
      case 0x80...:
        try checkUTF8Sequence()
      default:
        index += 1
      }
    }
    throw error("unexpected end of file inside a string")
  }

  /// Checks the UTF-8 sequence at `index` (RFC 3629: no overlong forms, no surrogates, nothing
  /// past U+10FFFF) and steps over it; invalid bytes are an error at their own position.
  mutating func checkUTF8Sequence() throws(JSONReader.SyntaxError) {
    let lead = bytes[index]
    let length: Int
    var scalar: UInt32
    switch lead {
    case 0xC2...0xDF: (length, scalar) = (2, UInt32(lead & 0x1F))
    case 0xE0...0xEF: (length, scalar) = (3, UInt32(lead & 0x0F))
    case 0xF0...0xF4: (length, scalar) = (4, UInt32(lead & 0x07))
    default:
      throw error("invalid UTF-8: the byte 0x\(hex(lead)) cannot start a character", hint: "save the file as UTF-8 (in most editors: Save As, then Encoding: UTF-8)")
    }
    for offset in 1..<length {
      guard index + offset < bytes.count, bytes[index + offset] & 0xC0 == 0x80 else {
        throw error("invalid UTF-8: the character starting with byte 0x\(hex(lead)) is cut short", hint: "save the file as UTF-8 (in most editors: Save As, then Encoding: UTF-8)")
      }
      scalar = scalar << 6 | UInt32(bytes[index + offset] & 0x3F)
    }
    let smallest: UInt32 = [0, 0, 0x80, 0x800, 0x10000][length]
    guard scalar >= smallest, scalar <= 0x10FFFF else {
      throw error("invalid UTF-8: an overlong or out-of-range sequence starting with byte 0x\(hex(lead))", hint: "save the file as UTF-8 (in most editors: Save As, then Encoding: UTF-8)")
    }
    guard !(0xD800...0xDFFF).contains(scalar) else {
      throw error("invalid UTF-8: an encoded UTF-16 surrogate (bytes 0x\(hex(lead)) 0x\(hex(bytes[index + 1])) …)", hint: "save the file as UTF-8 (in most editors: Save As, then Encoding: UTF-8)")
    }
    try checkCharacter(scalar)
    index += length
  }

  /// Refuses what is not a character to print: NUL and the Unicode noncharacters.
  mutating func checkCharacter(_ value: UInt32) throws(JSONReader.SyntaxError) {
    let digits = String(value, radix: 16, uppercase: true)
    let name = "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    if value == 0 { throw error("a NUL character (U+0000) inside a string", hint: "remove it: it is not a character that prints") }
    if (0xFDD0...0xFDEF).contains(value) || value & 0xFFFE == 0xFFFE {
      throw error("\(name) is a Unicode noncharacter, which cannot be printed", hint: "remove it; it often comes from a broken copy and paste")
    }
  }

  func hex(_ byte: UInt8) -> String {
    let digits = String(byte, radix: 16, uppercase: true)
    return digits.count == 1 ? "0" + digits : digits
  }

  mutating func parseEscape() throws(JSONReader.SyntaxError) -> Unicode.Scalar {
    guard index < bytes.count else { throw error("unexpected end of file inside a string") }
    let byte = bytes[index]
    index += 1
    switch byte {
    case UInt8(ascii: "\""): return "\""
    case UInt8(ascii: "\\"): return "\\"
    case UInt8(ascii: "/"): return "/"
    case UInt8(ascii: "b"): return "\u{08}"
    case UInt8(ascii: "f"): return "\u{0C}"
    case UInt8(ascii: "n"): return "\n"
    case UInt8(ascii: "r"): return "\r"
    case UInt8(ascii: "t"): return "\t"
    case UInt8(ascii: "u"):
      let high = try parseHex4()
      if (0xD800..<0xDC00).contains(high) {
        guard bytes.count - index >= 6, bytes[index] == UInt8(ascii: "\\"),
          bytes[index + 1] == UInt8(ascii: "u")
        else { throw error("a lone UTF-16 surrogate \\u\(String(high, radix: 16)) in a string") }
        index += 2
        let low = try parseHex4()
        guard (0xDC00..<0xE000).contains(low) else { throw error("an invalid UTF-16 surrogate pair") }
        let value = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
        try checkCharacter(value)
        return Unicode.Scalar(value)!
      }
      guard let scalar = Unicode.Scalar(high) else {
        throw error("a lone UTF-16 surrogate \\u\(String(high, radix: 16)) in a string")
      }
      try checkCharacter(high)
      return scalar
    default:
      index -= 1
      throw error("an invalid escape \\\(describeCurrent().trimmingQuotes) in a string")
    }
  }

  mutating func parseHex4() throws(JSONReader.SyntaxError) -> UInt32 {
    var value: UInt32 = 0
    for _ in 0..<4 {
      guard index < bytes.count, let digit = hexValue(bytes[index]) else {
        throw error("\\u must be followed by four hexadecimal digits")
      }
      value = value << 4 | digit
      index += 1
    }
    return value
  }

  func hexValue(_ byte: UInt8) -> UInt32? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
    default: nil
    }
  }

  mutating func parseNumber() throws(JSONReader.SyntaxError) -> Double {
    let start = index
    func isDigit(_ i: Int) -> Bool {
      i < bytes.count && bytes[i] >= UInt8(ascii: "0") && bytes[i] <= UInt8(ascii: "9")
    }
    if bytes[index] == UInt8(ascii: "-") { index += 1 }
    guard isDigit(index) else { throw error("a '-' must be followed by digits") }
    if bytes[index] == UInt8(ascii: "0"), isDigit(index + 1) {
      throw error("numbers must not have leading zeros")
    }
    while isDigit(index) { index += 1 }
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      index += 1
      guard isDigit(index) else { throw error("a decimal point must be followed by digits") }
      while isDigit(index) { index += 1 }
    }
    if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
      index += 1
      if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
        index += 1
      }
      guard isDigit(index) else { throw error("an exponent must have digits") }
      while isDigit(index) { index += 1 }
    }
    let text = String(decoding: bytes[start..<index], as: UTF8.self)
    guard let value = Double(text), value.isFinite else { throw error("the number \(text) is too large") }
    return value
  }
}

extension String {
  fileprivate var trimmingQuotes: String {
    hasPrefix("'") && hasSuffix("'") && count >= 2 ? String(dropFirst().dropLast()) : self
  }
}
