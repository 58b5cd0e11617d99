/// Decodes `Decodable` types from the position-aware reader's values, so that layout files and
/// catalogues are read exactly as plans are: strict RFC 8259 with UTF-8 checked, duplicate keys
/// refused, and every problem reported with its line, column and JSON path.
///
/// Keys that the type never asks for are errors (or warnings, when `unknownKeys` says so),
/// each with the nearest known key as a suggestion.
public struct JSONValueDecoder: Sendable {
  /// How keys that no decoder asked for are reported.
  public enum UnknownKeys: Sendable { case error, warning }

  /// The file name used in diagnostics.
  public var file: String?
  public var unknownKeys: UnknownKeys
  /// What kind of file it is: problems of structure (a missing field, a wrong type) point to
  /// where its format is documented.
  public var input: InputKind

  public init(file: String?, unknownKeys: UnknownKeys = .error, input: InputKind) {
    self.file = file
    self.unknownKeys = unknownKeys
    self.input = input
  }

  /// The decoded value, `nil` when any error was found, and every diagnostic.
  public func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) -> (value: T?, diagnostics: [Diagnostic]) {
    let root: JSONValue
    do {
      root = try JSONReader.parse(bytes)
    } catch {
      return (nil, [error.diagnostic(file: file, in: input)])
    }
    return decode(type, from: root)
  }

  /// Decodes an already parsed value.
  public func decode<T: Decodable>(_ type: T.Type, from root: JSONValue) -> (value: T?, diagnostics: [Diagnostic]) {
    let asked = AskedKeys()
    do {
      let value = try T(from: ValueDecoder(value: root, path: [], asked: asked))
      let unknown = unknownKeyDiagnostics(root, path: .root, asked: asked)
      return (unknown.contains { $0.severity == .error } ? nil : value, unknown)
    } catch let error as Mismatch {
      let (path, location) = place(error.codingPath, in: root)
      return (nil, [Diagnostic(.error, error.problem, file: file, at: location, path: path, in: input)])
    } catch let error as DecodingError {
      return (nil, [diagnostic(for: error, root: root)])
    } catch {
      return (nil, [Diagnostic(.error, .invalidValue(reason: "\(error)"), file: file, at: root.location, path: .root, in: input)])
    }
  }

  /// The JSON path and position a coding path leads to, as far as the document has it.
  private func place(_ codingPath: [any CodingKey], in root: JSONValue) -> (JSONPath, SourceLocation) {
    var path = JSONPath.root
    var value = root
    var location = root.location
    for key in codingPath {
      if let index = key.intValue, case .array(let elements) = value.kind, elements.indices.contains(index) {
        path = path.appending(index)
        value = elements[index]
        location = value.location
      } else if let next = value[key.stringValue] {
        path = path.appending(key.stringValue)
        value = next
        location = next.location
      } else {
        path = key.intValue.map { path.appending($0) } ?? path.appending(key.stringValue)
      }
    }
    return (path, location)
  }

  private func diagnostic(for error: DecodingError, root: JSONValue) -> Diagnostic {
    func place(_ codingPath: [any CodingKey]) -> (JSONPath, SourceLocation) { self.place(codingPath, in: root) }
    switch error {
    case .keyNotFound(let key, let context):
      let (path, location) = place(context.codingPath)
      // A misspelt key is the usual reason a field is missing: say which one.
      var typo: Problem.Misspelling?
      if case .object(let members)? = root.value(at: path)?.kind {
        typo = members.first { Suggestion.nearest(to: $0.key, in: [key.stringValue]) != nil }
          .map { Problem.Misspelling(key: $0.key, location: $0.keyLocation) }
      }
      return Diagnostic(
        .error, .missingKey(key.stringValue, misspelling: typo), file: file, at: location,
        path: path.appending(key.stringValue), in: input)
    case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
      let (path, location) = place(context.codingPath)
      return Diagnostic(.error, problem(context.debugDescription), file: file, at: location, path: path, in: input)
    @unknown default:
      return Diagnostic(.error, .invalidValue(reason: "\(error)"), file: file, at: root.location, path: .root, in: input)
    }
  }

  /// The fact in Swift's own words for a value a type refused: an enum value it does not know
  /// ("Cannot initialize Paper from invalid String value A5"), or the type's own reason.
  private func problem(_ description: String) -> Problem {
    let marker = " from invalid String value "
    guard description.hasPrefix("Cannot initialize "), let range = description.firstRange(of: marker) else {
      return .invalidValue(reason: description)
    }
    return .unknownValue(String(description[range.upperBound...]))
  }

  private func unknownKeyDiagnostics(_ value: JSONValue, path: JSONPath, asked: AskedKeys) -> [Diagnostic] {
    var result: [Diagnostic] = []
    switch value.kind {
    case .object(let members):
      if let known = asked.keys[path] {
        for member in members where !known.contains(member.key) {
          result.append(Diagnostic(
            unknownKeys == .error ? .error : .warning,
            .unknownKey(
              member.key, nearest: Suggestion.nearest(to: member.key, in: Array(known)), known: known.sorted(),
              isIgnored: unknownKeys == .warning),
            file: file, at: member.keyLocation, path: path.appending(member.key), in: input))
        }
      }
      for member in members {
        result += unknownKeyDiagnostics(member.value, path: path.appending(member.key), asked: asked)
      }
    case .array(let elements):
      for (index, element) in elements.enumerated() {
        result += unknownKeyDiagnostics(element, path: path.appending(index), asked: asked)
      }
    default: break
    }
    return result
  }
}

/// The keys each object was asked for, by the object's JSON path.
private final class AskedKeys {
  var keys: [JSONPath: Set<String>] = [:]
}

private struct IndexKey: CodingKey {
  var stringValue: String { "\(intValue!)" }
  var intValue: Int?
  init(_ index: Int) { intValue = index }
  init?(stringValue: String) { nil }
  init?(intValue: Int) { self.intValue = intValue }
}

private func jsonPath(_ codingPath: [any CodingKey]) -> JSONPath {
  codingPath.reduce(JSONPath.root) { path, key in
    key.intValue.map { path.appending($0) } ?? path.appending(key.stringValue)
  }
}

/// A problem the decoder found itself, at a coding path.
private struct Mismatch: Error {
  var problem: Problem
  var codingPath: [any CodingKey]
}

private func mismatch(_ expected: Problem.Expectation, _ value: JSONValue, _ path: [any CodingKey]) -> Mismatch {
  Mismatch(problem: .expectedType(expected: expected, found: .value(value.typeDescription)), codingPath: path)
}

private struct ValueDecoder: Decoder {
  let value: JSONValue
  let path: [any CodingKey]
  let asked: AskedKeys

  init(value: JSONValue, path: [any CodingKey], asked: AskedKeys) {
    self.value = value
    self.path = path
    self.asked = asked
  }

  var codingPath: [any CodingKey] { path }
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
    guard case .object(let members) = value.kind else { throw mismatch(.object("an object"), value, path) }
    let key = jsonPath(path)
    if asked.keys[key] == nil { asked.keys[key] = [] }
    return KeyedDecodingContainer(Keyed<Key>(members: members, decoder: self))
  }

  func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
    guard case .array(let elements) = value.kind else { throw mismatch(.array, value, path) }
    return Unkeyed(elements: elements, decoder: self)
  }

  func singleValueContainer() throws -> any SingleValueDecodingContainer { Single(decoder: self) }

  func child(_ value: JSONValue, _ key: any CodingKey) -> ValueDecoder {
    ValueDecoder(value: value, path: path + [key], asked: asked)
  }
}

private struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
  let members: [JSONValue.Member]
  let decoder: ValueDecoder

  var codingPath: [any CodingKey] { decoder.path }
  var allKeys: [Key] { members.compactMap { Key(stringValue: $0.key) } }

  func note(_ key: Key) {
    decoder.asked.keys[jsonPath(decoder.path), default: []].insert(key.stringValue)
  }

  func contains(_ key: Key) -> Bool {
    note(key)
    return members.contains { $0.key == key.stringValue }
  }

  func member(_ key: Key) throws -> JSONValue {
    note(key)
    guard let member = members.first(where: { $0.key == key.stringValue }) else {
      throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "missing"))
    }
    return member.value
  }

  func decodeNil(forKey key: Key) throws -> Bool {
    if case .null = try member(key).kind { return true }
    return false
  }

  func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
    try T(from: decoder.child(try member(key), key))
  }

  func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
    note(key)
    guard let value = members.first(where: { $0.key == key.stringValue })?.value else { return nil }
    if case .null = value.kind { return nil }
    return try T(from: decoder.child(value, key))
  }

  func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
    try decoder.child(try member(key), key).container(keyedBy: type)
  }

  func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
    try decoder.child(try member(key), key).unkeyedContainer()
  }

  func superDecoder() throws -> any Decoder { decoder }
  func superDecoder(forKey key: Key) throws -> any Decoder { decoder.child(try member(key), key) }
}

private struct Unkeyed: UnkeyedDecodingContainer {
  let elements: [JSONValue]
  let decoder: ValueDecoder
  var currentIndex = 0

  init(elements: [JSONValue], decoder: ValueDecoder) {
    self.elements = elements
    self.decoder = decoder
  }

  var codingPath: [any CodingKey] { decoder.path }
  var count: Int? { elements.count }
  var isAtEnd: Bool { currentIndex >= elements.count }

  mutating func next() throws -> (JSONValue, IndexKey) {
    guard !isAtEnd else {
      throw DecodingError.valueNotFound(Any.self, .init(codingPath: codingPath, debugDescription: "the array has too few elements"))
    }
    defer { currentIndex += 1 }
    return (elements[currentIndex], IndexKey(currentIndex))
  }

  mutating func decodeNil() throws -> Bool {
    guard !isAtEnd, case .null = elements[currentIndex].kind else { return false }
    currentIndex += 1
    return true
  }

  mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
    let (value, key) = try next()
    return try T(from: decoder.child(value, key))
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
    let (value, key) = try next()
    return try decoder.child(value, key).container(keyedBy: type)
  }

  mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
    let (value, key) = try next()
    return try decoder.child(value, key).unkeyedContainer()
  }

  mutating func superDecoder() throws -> any Decoder {
    let (value, key) = try next()
    return decoder.child(value, key)
  }
}

private struct Single: SingleValueDecodingContainer {
  let decoder: ValueDecoder
  var codingPath: [any CodingKey] { decoder.path }
  var value: JSONValue { decoder.value }

  func decodeNil() -> Bool {
    if case .null = value.kind { return true }
    return false
  }

  func decode(_ type: Bool.Type) throws -> Bool {
    guard case .bool(let flag) = value.kind else { throw mismatch(.bool, value, codingPath) }
    return flag
  }

  func decode(_ type: String.Type) throws -> String {
    guard case .string(let text) = value.kind else { throw mismatch(.string, value, codingPath) }
    return text
  }

  func number() throws -> Double {
    guard case .number(let number) = value.kind else { throw mismatch(.number, value, codingPath) }
    return number
  }

  func decode(_ type: Double.Type) throws -> Double { try number() }
  func decode(_ type: Float.Type) throws -> Float { Float(try number()) }

  func integer<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
    let number = try number()
    guard number.rounded() == number, let whole = T(exactly: number) else {
      let lower = Int(clamping: T.min)
      let upper = Int(clamping: T.max)
      throw Mismatch(problem: .outOfRange(value: number, bounds: .whole(lower...upper)), codingPath: codingPath)
    }
    return whole
  }

  func decode(_ type: Int.Type) throws -> Int { try integer(type) }
  func decode(_ type: Int8.Type) throws -> Int8 { try integer(type) }
  func decode(_ type: Int16.Type) throws -> Int16 { try integer(type) }
  func decode(_ type: Int32.Type) throws -> Int32 { try integer(type) }
  func decode(_ type: Int64.Type) throws -> Int64 { try integer(type) }
  func decode(_ type: UInt.Type) throws -> UInt { try integer(type) }
  func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(type) }
  func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(type) }
  func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(type) }
  func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(type) }

  func decode<T: Decodable>(_ type: T.Type) throws -> T { try T(from: decoder) }
}
