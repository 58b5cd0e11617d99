import Foundation
import HandoutModel

/// The diagnostics as the API answers them: the facts `handout validate` prints, one JSON
/// object each (message, line, column, JSON path, hint, severity).
struct DiagnosticJSON: Encodable, Sendable {
  var severity: String
  var message: String
  var line: Int?
  var column: Int?
  /// The JSON path as the CLI prints it: `homeCare[2].hold`.
  var path: String?
  /// The same path as an RFC 6901 JSON pointer: `/homeCare/2/hold`.
  var pointer: String?
  var hint: String?

  init(_ diagnostic: Diagnostic) {
    severity = diagnostic.severity.rawValue
    message = diagnostic.message
    line = diagnostic.location?.line
    column = diagnostic.location?.column
    path = diagnostic.path.map { "\($0)" }
    pointer = diagnostic.path.map(Self.pointer)
    hint = diagnostic.hint
  }

  static func pointer(_ path: JSONPath) -> String {
    path.components.map { component -> String in
      switch component {
      case .key(let key): "/" + key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
      case .index(let index): "/\(index)"
      }
    }.joined()
  }
}

/// The body of every answer that is not the document asked for.
struct ProblemJSON: Encodable, Sendable {
  /// A sentence saying what happened.
  var error: String?
  var ok: Bool?
  var pages: Int?
  var diagnostics: [DiagnosticJSON]?
}

func encodeJSON(_ value: some Encodable) -> [UInt8] {
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
  return Array((try? encoder.encode(value)) ?? Data("{}".utf8))
}
