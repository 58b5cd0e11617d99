/// Parses JSON text (RFC 8259) into ``JSONValue``s that carry their source positions.
public enum JSONReader {
  /// A text that is not JSON, with the position of the offending character.
  public struct SyntaxError: Error, Sendable, Equatable {
    /// What is wrong: a ``Problem/syntax(_:)`` or a problem of the characters (invalid UTF-8,
    /// a duplicate key, nesting too deep).
    public var problem: Problem
    public var location: SourceLocation
    /// The value the error is in, when the parser had reached one ("clinic.name").
    public var path: JSONPath?

    public init(_ problem: Problem, location: SourceLocation, path: JSONPath? = nil) {
      self.problem = problem
      self.location = location
      self.path = path
    }

    /// The error as a diagnostic of `file`.
    public func diagnostic(file: String?, in input: InputKind = .plan) -> Diagnostic {
      Diagnostic(.error, problem, file: file, at: location, path: path, in: input)
    }
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

  mutating func error(_ problem: Problem) -> JSONReader.SyntaxError {
    JSONReader.SyntaxError(problem, location: location, path: path.isEmpty ? nil : JSONPath(path))
  }

  mutating func error(_ syntax: Problem.JSONSyntax) -> JSONReader.SyntaxError {
    error(.syntax(syntax))
  }

  mutating func parseDocument() throws(JSONReader.SyntaxError) -> JSONValue {
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
      throw error(.utf16Text)
    }
    skipWhitespace()
    guard index < bytes.count else { throw error(.emptyFile) }
    let value = try parseValue()
    skipWhitespace()
    if index < bytes.count {
      throw error(.trailingContent(found: describeCurrent()))
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
    guard index < bytes.count else { throw error(.expectedValue(found: describeCurrent())) }
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
      throw error(.singleQuotes)
    default:
      throw error(.expectedValue(found: describeCurrent()))
    }
  }

  mutating func expectWord(_ word: String) throws(JSONReader.SyntaxError) {
    let utf8 = Array(word.utf8)
    guard bytes.count - index >= utf8.count, Array(bytes[index..<index + utf8.count]) == utf8
    else { throw error(.expectedValue(found: describeCurrent())) }
    index += utf8.count
  }

  mutating func enter() throws(JSONReader.SyntaxError) {
    depth += 1
    if depth > maximumJSONDepth { throw error(.tooDeep(limit: maximumJSONDepth)) }
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
      guard index < bytes.count else { throw error(.unexpectedEnd(inside: .object)) }
      guard bytes[index] == UInt8(ascii: "\"") else {
        if bytes[index] == UInt8(ascii: "}") { throw error(.trailingComma(before: "}")) }
        throw error(.expectedKey(found: describeCurrent()))
      }
      let keyLocation = location
      let key = try parseString()
      if let first = keys[key] {
        throw JSONReader.SyntaxError(.duplicateKey(key, first: first), location: keyLocation, path: JSONPath(path + [.key(key)]))
      }
      keys[key] = keyLocation
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
        throw error(.expectedColon(key: key, found: describeCurrent()))
      }
      index += 1
      skipWhitespace()
      path.append(.key(key))
      let value = try parseValue()
      path.removeLast()
      members.append(JSONValue.Member(key: key, keyLocation: keyLocation, value: value))
      skipWhitespace()
      guard index < bytes.count else { throw error(.unexpectedEnd(inside: .object)) }
      switch bytes[index] {
      case UInt8(ascii: ","): index += 1
      case UInt8(ascii: "}"):
        index += 1
        return JSONValue(.object(members), at: start)
      default:
        throw error(.expectedSeparator(closing: "}", found: describeCurrent()))
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
        throw error(.trailingComma(before: "]"))
      }
      path.append(.index(elements.count))
      elements.append(try parseValue())
      path.removeLast()
      skipWhitespace()
      guard index < bytes.count else { throw error(.unexpectedEnd(inside: .array)) }
      switch bytes[index] {
      case UInt8(ascii: ","): index += 1
      case UInt8(ascii: "]"):
        index += 1
        return JSONValue(.array(elements), at: start)
      default:
        throw error(.expectedSeparator(closing: "]", found: describeCurrent()))
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
        throw error(.unterminatedString)
      case 0x00..<0x20:
        throw error(.controlCharacterInString)
      case 0x80...:
        try checkUTF8Sequence()
      default:
        index += 1
      }
    }
    throw error(.unexpectedEnd(inside: .string))
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
      throw error(.invalidUTF8(.cannotStart(lead)))
    }
    for offset in 1..<length {
      guard index + offset < bytes.count, bytes[index + offset] & 0xC0 == 0x80 else {
        throw error(.invalidUTF8(.cutShort(lead)))
      }
      scalar = scalar << 6 | UInt32(bytes[index + offset] & 0x3F)
    }
    let smallest: UInt32 = [0, 0, 0x80, 0x800, 0x10000][length]
    guard scalar >= smallest, scalar <= 0x10FFFF else {
      throw error(.invalidUTF8(.overlong(lead)))
    }
    guard !(0xD800...0xDFFF).contains(scalar) else {
      throw error(.invalidUTF8(.surrogate(lead, bytes[index + 1])))
    }
    try checkCharacter(scalar)
    index += length
  }

  /// Refuses what is not a character to print: NUL and the Unicode noncharacters.
  mutating func checkCharacter(_ value: UInt32) throws(JSONReader.SyntaxError) {
    if value == 0 { throw error(.nulCharacter) }
    if (0xFDD0...0xFDEF).contains(value) || value & 0xFFFE == 0xFFFE { throw error(.noncharacter(value)) }
  }

  mutating func parseEscape() throws(JSONReader.SyntaxError) -> Unicode.Scalar {
    guard index < bytes.count else { throw error(.unexpectedEnd(inside: .string)) }
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
        else { throw error(.loneSurrogate(high)) }
        index += 2
        let low = try parseHex4()
        guard (0xDC00..<0xE000).contains(low) else { throw error(.invalidSurrogatePair) }
        let value = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
        try checkCharacter(value)
        return Unicode.Scalar(value)!
      }
      guard let scalar = Unicode.Scalar(high) else {
        throw error(.loneSurrogate(high))
      }
      try checkCharacter(high)
      return scalar
    default:
      index -= 1
      throw error(.invalidEscape(describeCurrent().trimmingQuotes))
    }
  }

  mutating func parseHex4() throws(JSONReader.SyntaxError) -> UInt32 {
    var value: UInt32 = 0
    for _ in 0..<4 {
      guard index < bytes.count, let digit = hexValue(bytes[index]) else {
        throw error(.shortUnicodeEscape)
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
    guard isDigit(index) else { throw error(.malformedNumber(.minusWithoutDigits)) }
    if bytes[index] == UInt8(ascii: "0"), isDigit(index + 1) {
      throw error(.malformedNumber(.leadingZero))
    }
    while isDigit(index) { index += 1 }
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      index += 1
      guard isDigit(index) else { throw error(.malformedNumber(.pointWithoutDigits)) }
      while isDigit(index) { index += 1 }
    }
    if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
      index += 1
      if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
        index += 1
      }
      guard isDigit(index) else { throw error(.malformedNumber(.exponentWithoutDigits)) }
      while isDigit(index) { index += 1 }
    }
    let text = String(decoding: bytes[start..<index], as: UTF8.self)
    guard let value = Double(text), value.isFinite else { throw error(.numberTooLarge(text)) }
    return value
  }
}

extension String {
  fileprivate var trimmingQuotes: String {
    hasPrefix("'") && hasSuffix("'") && count >= 2 ? String(dropFirst().dropLast()) : self
  }
}
