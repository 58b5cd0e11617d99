/// Reads typed fields out of one JSON object, collecting diagnostics instead of stopping.
///
/// Each accessor records the key as known; ``finish()`` then warns about the keys nobody
/// asked for, with the nearest known key as a suggestion.
struct JSONObjectReader {
  let members: [JSONValue.Member]
  let path: JSONPath
  let location: SourceLocation
  let sink: DiagnosticSink
  private(set) var knownKeys: [String] = []

  /// A reader for `value`, or `nil` (with an error) when it is not an object.
  init?(_ value: JSONValue, path: JSONPath, sink: DiagnosticSink, what: String) {
    guard case .object(let members) = value.kind else {
      sink.error(.expectedType(expected: .object(what), found: .value(value.typeDescription)), at: value.location, path: path)
      return nil
    }
    self.members = members
    self.path = path
    self.location = value.location
    self.sink = sink
  }

  /// The value under `key`, marking the key as known; `nil` when absent or `null`.
  mutating func value(_ key: String) -> JSONValue? {
    knownKeys.append(key)
    guard let member = members.last(where: { $0.key == key }) else { return nil }
    if case .null = member.value.kind { return nil }
    return member.value
  }

  /// Marks keys as known without reading them.
  mutating func accept(_ keys: String...) {
    knownKeys += keys
  }

  func has(_ key: String) -> Bool {
    members.contains { $0.key == key }
  }

  mutating func string(_ key: String, required: Bool = false, limit: Int = PlanLimits.textCharacters) -> String? {
    guard let value = value(key) else {
      if required { missing(key) }
      return nil
    }
    guard case .string(let text) = value.kind else {
      typeMismatch(value, key: key, expected: .string)
      return nil
    }
    guard JSONObjectReader.isWithinLimits(text, limit: limit, at: value.location, path: path.appending(key), sink: sink) else {
      return nil
    }
    if text.trimmingWhitespace.isEmpty {
      if required { sink.error(.empty, at: value.location, path: path.appending(key)) }
      return nil
    }
    return text
  }

  mutating func int(_ key: String, in range: ClosedRange<Int>, required: Bool = false) -> Int? {
    guard let value = value(key) else {
      if required { missing(key) }
      return nil
    }
    return JSONObjectReader.int(value, in: range, path: path.appending(key), sink: sink)
  }

  static func int(_ value: JSONValue, in range: ClosedRange<Int>, path: JSONPath, sink: DiagnosticSink) -> Int? {
    guard case .number(let number) = value.kind else {
      sink.error(.expectedType(expected: .wholeNumber(range), found: .value(value.typeDescription)), at: value.location, path: path)
      return nil
    }
    guard number.rounded() == number, let whole = Int(exactly: number), range.contains(whole) else {
      sink.error(.outOfRange(value: number, bounds: .whole(range)), at: value.location, path: path)
      return nil
    }
    return whole
  }

  mutating func bool(_ key: String) -> Bool? {
    guard let value = value(key) else { return nil }
    guard case .bool(let flag) = value.kind else {
      typeMismatch(value, key: key, expected: .bool)
      return nil
    }
    return flag
  }

  mutating func strings(_ key: String, limit: Int = PlanLimits.textCharacters) -> [String] {
    guard let value = value(key) else { return [] }
    guard case .array(let elements) = value.kind else {
      if case .string(let single) = value.kind {
        sink.error(.expectedType(expected: .arrayOfStrings, found: .string(single)), at: value.location, path: path.appending(key))
      } else {
        typeMismatch(value, key: key, expected: .arrayOfStrings)
      }
      return []
    }
    guard JSONObjectReader.isWithinCount(elements.count, at: value.location, path: path.appending(key), sink: sink) else {
      return []
    }
    var result: [String] = []
    for (index, element) in elements.enumerated() {
      guard case .string(let text) = element.kind else {
        sink.error(
          .expectedType(expected: .string, found: .value(element.typeDescription)), at: element.location,
          path: path.appending(key).appending(index))
        continue
      }
      guard JSONObjectReader.isWithinLimits(text, limit: limit, at: element.location, path: path.appending(key).appending(index), sink: sink)
      else { continue }
      result.append(text)
    }
    return result
  }

  /// Whether a list's length is within ``PlanLimits/listItems``; reports it when not.
  static func isWithinCount(_ count: Int, at location: SourceLocation, path: JSONPath, sink: DiagnosticSink) -> Bool {
    guard count > PlanLimits.listItems else { return true }
    sink.error(.tooManyItems(count: count, limit: PlanLimits.listItems), at: location, path: path)
    return false
  }

  /// Whether a text is within its length limit and has no unbroken run longer than
  /// ``PlanLimits/unbrokenCharacters``; reports it when not.
  static func isWithinLimits(_ text: String, limit: Int, at location: SourceLocation, path: JSONPath, sink: DiagnosticSink) -> Bool {
    var count = 0
    var run = 0
    var longestRun = 0
    for scalar in text.unicodeScalars {
      count += 1
      if scalar.properties.isWhitespace { run = 0 } else { run += 1; longestRun = max(longestRun, run) }
    }
    if count > limit {
      sink.error(.tooLong(count: count, limit: limit), at: location, path: path)
      return false
    }
    if longestRun > PlanLimits.unbrokenCharacters {
      sink.error(.unbrokenRun(count: longestRun, limit: PlanLimits.unbrokenCharacters), at: location, path: path)
      return false
    }
    return true
  }

  /// The elements of the array under `key`, each with its path.
  mutating func array(_ key: String) -> [(JSONValue, JSONPath)] {
    guard let value = value(key) else { return [] }
    guard case .array(let elements) = value.kind else {
      typeMismatch(value, key: key, expected: .array)
      return []
    }
    let base = path.appending(key)
    guard JSONObjectReader.isWithinCount(elements.count, at: value.location, path: base, sink: sink) else { return [] }
    return elements.enumerated().map { ($1, base.appending($0)) }
  }

  func missing(_ key: String) {
    sink.error(.missingKey(key), at: location, path: path.appending(key))
  }

  func typeMismatch(_ value: JSONValue, key: String, expected: Problem.Expectation) {
    sink.error(.expectedType(expected: expected, found: .value(value.typeDescription)), at: value.location, path: path.appending(key))
  }

  /// Warns about every key that no accessor asked for.
  func finish() {
    for member in members where !knownKeys.contains(member.key) {
      sink.warning(
        .unknownKey(
          member.key, nearest: Suggestion.nearest(to: member.key, in: knownKeys),
          known: knownKeys.filter { !$0.hasPrefix("$") }, isIgnored: true),
        at: member.keyLocation, path: path.appending(member.key))
    }
  }
}

/// Collects the diagnostics of one read; a reference so that nested readers share it.
final class DiagnosticSink {
  let file: String?
  var diagnostics: [Diagnostic] = []

  init(file: String?) { self.file = file }

  func error(_ problem: Problem, at location: SourceLocation?, path: JSONPath?) {
    diagnostics.append(Diagnostic(.error, problem, file: file, at: location, path: path))
  }

  func warning(_ problem: Problem, at location: SourceLocation?, path: JSONPath?) {
    diagnostics.append(Diagnostic(.warning, problem, file: file, at: location, path: path))
  }

  var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// A number as messages write it: whole numbers without a decimal point.
public func formatNumber(_ number: Double) -> String {
  if number.rounded() == number, abs(number) < 1e15 { return String(Int(number)) }
  return String(number)
}

extension String {
  var trimmingWhitespace: Substring {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    return Substring(scalars[first...last])
  }
}
