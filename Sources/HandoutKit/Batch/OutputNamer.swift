import Foundation
import HandoutModel

/// Turns a name template such as `{client.name}-{date}` into safe, unique file names.
///
/// A placeholder is a dotted JSON path into the plan (`client.name`, `clinic.name`,
/// `homeCare.0.id`) or one of `{date}` (the plan's date, else today's), `{input}` (the input
/// file's name without extension), `{record}` (the plan's number in its input) and `{n}` (its
/// position in the whole batch, from 1) and `{name}` (the client's name, else the plan's title).
///
/// Names are made safe for every file system: no path separators, no `..`, no control or
/// reserved characters, at most 120 bytes. Names that collide (ignoring case, as macOS and
/// Windows do) are numbered in batch order: `name.pdf`, `name-2.pdf`, `name-3.pdf`. Numbering
/// counts every plan of the batch, also those of other shards, so shards writing into one folder
/// never pick the same name.
public struct OutputNamer {
  public let template: String
  /// The date used where a plan has none: `YYYY-MM-DD`.
  public let today: String
  /// How many times each name was given, by a 64-bit hash of its lower-case form: a few bytes
  /// per distinct name, however long the batch.
  private var uses: [UInt64: Int] = [:]

  /// The name `render` gives too: the client's name, else the plan's title, then the date.
  public static let defaultTemplate = "{name}-{date}"

  /// The placeholders that are not plan fields.
  public static let builtInPlaceholders = ["name", "date", "input", "record", "n"]

  /// What `{name}` stands for: the client's name, else the plan's title, else "handout".
  public static func displayName(client: String?, title: String?) -> String {
    [client, title].compactMap { $0 }.first { !$0.allSatisfy(\.isWhitespace) } ?? "handout"
  }

  /// Plan fields often used in names, for "did you mean" hints.
  public static let commonPlaceholders = [
    "client.name", "client.id", "clinic.name", "therapist.name", "condition.id", "title", "language", "layout",
  ]

  public init(template: String = OutputNamer.defaultTemplate, today: String) {
    self.template = template
    self.today = today
    readsPlan = Self.placeholders(in: template).contains { !["input", "record", "n"].contains($0) }
  }

  /// The placeholders a template names, for checking it before a batch starts.
  public static func placeholders(in template: String) -> [String] {
    var result: [String] = []
    var rest = template[...]
    while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
      result.append(String(rest[rest.index(after: open)..<close]))
      rest = rest[rest.index(after: close)...]
    }
    return result
  }

  /// Whether the template needs the plan's JSON (a path placeholder or `{date}`).
  public let readsPlan: Bool

  /// The next name: the template filled from `plan` (parsed JSON, `nil` if unreadable), made
  /// safe and unique. Without an extension.
  public mutating func name(for record: PlanRecord, plan: JSONValue?, ordinal: Int) -> String {
    var filled = ""
    var rest = template[...]
    while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
      filled += rest[..<open]
      let key = String(rest[rest.index(after: open)..<close])
      filled += value(of: key, record: record, plan: plan, ordinal: ordinal)
      rest = rest[rest.index(after: close)...]
    }
    filled += rest
    return unique(Self.safeName(filled))
  }

  private func value(of key: String, record: PlanRecord, plan: JSONValue?, ordinal: Int) -> String {
    switch key {
    case "input":
      return URL(fileURLWithPath: record.input).deletingPathExtension().lastPathComponent
    case "name":
      func text(_ value: JSONValue?) -> String? {
        if case .string(let text)? = value?.kind { return text }
        return nil
      }
      return Self.displayName(client: text(plan?["client"]?["name"]), title: text(plan?["title"]))
    case "record": return String(record.number)
    case "n": return String(ordinal)
    case "date":
      if case .string(let date)? = plan?["date"]?.kind { return date }
      return today
    default:
      var node = plan
      for component in key.split(separator: ".") {
        if let index = Int(component), case .array(let items)? = node?.kind {
          node = items.indices.contains(index) ? items[index] : nil
        } else {
          node = node?[String(component)]
        }
      }
      switch node?.kind {
      case .string(let text)?: return text
      case .number(let number)?:
        // Int(_:) traps beyond Int.max (a client id of 1e20): only exact small integers.
        if number.rounded() == number, abs(number) < 1e15, let whole = Int(exactly: number) { return String(whole) }
        return String(number)
      case .bool(let flag)?: return String(flag)
      default: return ""
      }
    }
  }

  private mutating func unique(_ name: String) -> String {
    var candidate = name
    while true {
      let key = Self.hash(candidate.lowercased())
      let used = uses[key, default: 0]
      uses[key] = used + 1
      if used == 0 { return candidate }
      // `name-2` may itself be a name some plan asks for; keep counting until one is free.
      candidate = "\(name)-\(used + 1)"
    }
  }

  /// A file name made from `text`: letters, marks and digits of any script and `_` are kept;
  /// every other run (spaces, dots, slashes, control characters) becomes one hyphen; no hyphen
  /// at either end; at most 120 bytes. So no name holds a path separator or `..`.
  public static func safeName(_ text: String) -> String {
    var result = ""
    for scalar in text.precomposedStringWithCanonicalMapping.unicodeScalars {
      let properties = scalar.properties
      let isMark = [.nonspacingMark, .spacingMark, .enclosingMark].contains(properties.generalCategory)
      if properties.isAlphabetic || properties.numericType != nil || scalar == "_" || (isMark && !result.isEmpty) {
        result.unicodeScalars.append(scalar)
      } else if !result.isEmpty, !result.hasSuffix("-") {
        result.append("-")
      }
    }
    while result.utf8.count > 120 { result.removeLast() }
    while result.hasSuffix("-") { result.removeLast() }
    return result.isEmpty ? "handout" : result
  }

  /// FNV-1a, 64 bits: stable across runs and machines, unlike `Hasher`.
  static func hash(_ text: String) -> UInt64 {
    fnv1a(text.utf8)
  }
}
