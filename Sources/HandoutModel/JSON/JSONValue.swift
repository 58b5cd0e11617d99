/// A parsed JSON value that remembers where it stood in its source text.
///
/// Validation reports every problem with a line, a column and a JSON path, so the reader keeps
/// the position of each value, and of each object key, instead of discarding it as
/// `JSONDecoder` does.
public struct JSONValue: Sendable, Equatable {
  /// The kind of value and its contents.
  public enum Kind: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([Member])
  }

  /// One `"key": value` pair of an object, in source order.
  public struct Member: Sendable, Equatable {
    public var key: String
    public var keyLocation: SourceLocation
    public var value: JSONValue
  }

  public var kind: Kind
  public var location: SourceLocation

  public init(_ kind: Kind, at location: SourceLocation) {
    self.kind = kind
    self.location = location
  }

  /// The member named `key`, when this is an object holding one.
  public subscript(key: String) -> JSONValue? {
    guard case .object(let members) = kind else { return nil }
    return members.last { $0.key == key }?.value
  }

  /// The position of the value at `path`, or of its nearest existing parent.
  public func location(of path: JSONPath) -> SourceLocation {
    walk(path).value.location
  }

  /// The value at `path`, when it exists.
  public func value(at path: JSONPath) -> JSONValue? {
    let walked = walk(path)
    return walked.isComplete ? walked.value : nil
  }

  /// Follows `path` as far as it leads: the last value reached, and whether it is the target.
  private func walk(_ path: JSONPath) -> (value: JSONValue, isComplete: Bool) {
    var value = self
    for component in path.components {
      switch (component, value.kind) {
      case (.key(let key), .object):
        guard let next = value[key] else { return (value, false) }
        value = next
      case (.index(let index), .array(let elements)) where elements.indices.contains(index):
        value = elements[index]
      default:
        return (value, false)
      }
    }
    return (value, true)
  }

  /// The characters (Unicode scalars) of every string in this value, keys excluded.
  public var textCharacterCount: Int {
    switch kind {
    case .string(let text): text.unicodeScalars.count
    case .array(let elements): elements.reduce(0) { $0 + $1.textCharacterCount }
    case .object(let members): members.reduce(0) { $0 + $1.value.textCharacterCount }
    default: 0
    }
  }

  /// A word for the kind of value, as error messages use it ("a string", "an array").
  public var typeDescription: String {
    switch kind {
    case .null: "null"
    case .bool: "a boolean"
    case .number: "a number"
    case .string: "a string"
    case .array: "an array"
    case .object: "an object"
    }
  }
}

/// A 1-based line and column in a source text; columns count Unicode scalars.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
  public var line: Int
  public var column: Int

  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  public var description: String { "\(line):\(column)" }
}
