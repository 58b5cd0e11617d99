import Foundation
import HandoutModel
import Synchronization

/// The built-in texts Handout fills plans with: conditions, techniques, home care, benefits,
/// FAQ answers, red flags and labels, in one language.
public struct Catalog: Sendable, Codable {
  public var language: String
  public var labels: [String: LabelValue]
  public var conditions: [String: ConditionEntry]
  public var techniques: [String: TechniqueEntry]
  public var homeCare: [String: HomeCareEntry]
  public var benefits: [String: BenefitEntry]
  public var faq: [String: FAQEntry]
  public var redFlags: [String: RedFlagEntry]
  /// The keys (`labels.hold`, `homeCare.walking`) whose text is not in ``language``: the
  /// English base shows through there. A plan in that language must not print them.
  public var untranslated: Set<String> = []
  /// Records the keys a composer reads, when set; see ``recordingUse()``.
  public var use: TextUse?

  private enum CodingKeys: String, CodingKey {
    case language, labels, conditions, techniques, homeCare, benefits, faq, redFlags
  }

  /// The languages with a built-in catalogue.
  public static let builtInLanguages = ["en", "es", "ko"]

  /// The built-in catalogue for `language` (`es-MX` uses `es`).
  ///
  /// English is the base: a language file adds or replaces labels and entries. What it lacks
  /// is listed in ``untranslated``, so that a plan printing it can be refused rather than
  /// printed half in English. A language without a file has every key untranslated.
  public static func builtIn(language: String) throws -> Catalog {
    var catalog = try decode(Catalog.self, "en")
    let primary = LanguageTag.primary(language)
    guard primary != "en" else { return catalog }
    catalog.untranslated = catalog.keys
    catalog.language = primary
    guard builtInLanguages.contains(primary) else { return catalog }
    return catalog.merged(with: try decode(CatalogOverrides.self, primary))
  }

  /// Every key of the catalogue: `labels.…`, `homeCare.…` and so on.
  public var keys: Set<String> {
    CatalogOverrides(
      labels: labels, conditions: conditions, techniques: techniques, homeCare: homeCare, benefits: benefits,
      faq: faq, redFlags: redFlags
    ).keys
  }

  /// This catalogue with a fresh record of the keys read through it.
  public func recordingUse() -> Catalog {
    var copy = self
    copy.use = TextUse()
    return copy
  }

  /// Notes that `key` was read, for ``TextUse``; the key is only built when use is recorded.
  func used(_ key: @autoclosure () -> String) {
    use?.insert(key())
  }

  /// The entries of each kind, read through the catalogue so that their use is recorded.
  public func condition(_ id: String) -> ConditionEntry? { used("conditions." + id); return conditions[id] }
  public func technique(_ id: String) -> TechniqueEntry? { used("techniques." + id); return techniques[id] }
  public func homeCareEntry(_ id: String) -> HomeCareEntry? { used("homeCare." + id); return homeCare[id] }
  public func benefit(_ id: String) -> BenefitEntry? { used("benefits." + id); return benefits[id] }
  public func question(_ id: String) -> FAQEntry? { used("faq." + id); return faq[id] }
  public func redFlag(_ id: String) -> RedFlagEntry? { used("redFlags." + id); return redFlags[id] }

  /// The SVG bytes of the teaching drawing `name`, from `Resources/illustrations/`.
  public static func illustration(named name: String) -> [UInt8]? {
    guard name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }),
      let url = Bundle.module.url(forResource: name, withExtension: "svg", subdirectory: "Resources/illustrations"),
      let data = try? Data(contentsOf: url)
    else { return nil }
    return [UInt8](data)
  }

  /// A built-in catalogue file, read as strictly as a plan: a mistake in it is found by the
  /// tests, with its line and column, not hidden by a lenient decoder.
  private static func decode<T: Decodable>(_ type: T.Type, _ name: String) throws -> T {
    let decoder = JSONValueDecoder(file: "\(name).json", unknownKeys: .error, input: .builtInCatalogue)
    let decoded = decoder.decode(type, from: [UInt8](try resource(name)))
    guard let value = decoded.value else {
      throw CatalogError(description: DiagnosticFormatter.format(decoded.diagnostics))
    }
    return value
  }

  private static func resource(_ name: String) throws -> Data {
    guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Resources")
    else { throw CatalogError(description: "the built-in catalogue \(name).json is missing from the package") }
    return try Data(contentsOf: url)
  }

  /// This catalogue with the entries of `overrides` added or replacing its own.
  public func merged(with overrides: CatalogOverrides) -> Catalog {
    var result = self
    result.untranslated.subtract(overrides.keys)
    result.labels.merge(overrides.labels ?? [:]) { $1 }
    result.conditions.merge(overrides.conditions ?? [:]) { $1 }
    result.techniques.merge(overrides.techniques ?? [:]) { $1 }
    result.homeCare.merge(overrides.homeCare ?? [:]) { $1 }
    result.benefits.merge(overrides.benefits ?? [:]) { $1 }
    result.faq.merge(overrides.faq ?? [:]) { $1 }
    result.redFlags.merge(overrides.redFlags ?? [:]) { $1 }
    return result
  }

  /// The label `key` with `{name}` placeholders filled; the key itself when unknown.
  public func label(_ key: String, _ values: [String: String] = [:]) -> String {
    used("labels." + key)
    guard case .text(let template)? = labels[key] else { return key }
    guard !values.isEmpty else { return template }
    return Self.filling(template, values)
  }

  /// `template` with each `{name}` of `values` replaced, in one pass: a value's own text is
  /// never read as a placeholder, and an unknown `{name}` stays as it is.
  static func filling(_ template: String, _ values: [String: String]) -> String {
    let utf8 = template.utf8
    guard utf8.contains(UInt8(ascii: "{")) else { return template }
    var result = ""
    result.reserveCapacity(utf8.count + 16)
    var copied = utf8.startIndex
    var index = copied
    while index < utf8.endIndex {
      guard utf8[index] == UInt8(ascii: "{"),
        let close = utf8[utf8.index(after: index)...].firstIndex(of: UInt8(ascii: "}"))
      else {
        index = utf8.index(after: index)
        continue
      }
      let name = String(template[template.index(after: index)..<close])
      if let value = values[name] {
        result += template[copied..<index]
        result += value
        copied = utf8.index(after: close)
        index = copied
      } else {
        index = utf8.index(after: index)
      }
    }
    result += template[copied...]
    return result
  }

  /// The list label `key` (month and weekday names).
  public func labelList(_ key: String) -> [String] {
    used("labels." + key)
    guard case .list(let items)? = labels[key] else { return [] }
    return items
  }
}

/// A clinic's own catalogue file: entries to add or replace, all optional.
public struct CatalogOverrides: Sendable, Codable {
  /// The language the file's text is written in, as `handout catalog --json` writes it.
  public var language: String?
  public var labels: [String: LabelValue]?
  public var conditions: [String: ConditionEntry]?
  public var techniques: [String: TechniqueEntry]?
  public var homeCare: [String: HomeCareEntry]?
  public var benefits: [String: BenefitEntry]?
  public var faq: [String: FAQEntry]?
  public var redFlags: [String: RedFlagEntry]?

  public init(
    labels: [String: LabelValue]? = nil, conditions: [String: ConditionEntry]? = nil,
    techniques: [String: TechniqueEntry]? = nil, homeCare: [String: HomeCareEntry]? = nil,
    benefits: [String: BenefitEntry]? = nil, faq: [String: FAQEntry]? = nil, redFlags: [String: RedFlagEntry]? = nil
  ) {
    self.labels = labels
    self.conditions = conditions
    self.techniques = techniques
    self.homeCare = homeCare
    self.benefits = benefits
    self.faq = faq
    self.redFlags = redFlags
  }

  /// The keys this file gives text for, as `labels.hold` or `homeCare.walking`.
  public var keys: Set<String> {
    func prefixed(_ name: String, _ ids: Dictionary<String, some Any>.Keys?) -> [String] {
      (ids.map(Array.init) ?? []).map { name + "." + $0 }
    }
    return Set(
      prefixed("labels", labels?.keys) + prefixed("conditions", conditions?.keys)
        + prefixed("techniques", techniques?.keys) + prefixed("homeCare", homeCare?.keys)
        + prefixed("benefits", benefits?.keys) + prefixed("faq", faq?.keys) + prefixed("redFlags", redFlags?.keys))
  }
}

/// The catalogue keys a composition read, collected as it goes.
public final class TextUse: Sendable {
  private let keys = Mutex<Set<String>>([])

  public init() {}

  func insert(_ key: String) {
    keys.withLock { _ = $0.insert(key) }
  }

  /// The keys read so far.
  public var read: Set<String> { keys.withLock { $0 } }
}

/// A label: most are one string, month and weekday names are lists.
public enum LabelValue: Sendable, Codable, Hashable {
  case text(String)
  case list([String])

  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if let list = try? container.decode([String].self) {
      self = .list(list)
    } else {
      self = .text(try container.decode(String.self))
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .text(let text): try container.encode(text)
    case .list(let list): try container.encode(list)
    }
  }
}

public struct ConditionEntry: Sendable, Codable, Hashable {
  public var name: String
  public var overview: String
  /// What the condition's name means, in a phrase that follows it ("Sciatica: pain that
  /// runs ..."): a sheet that names the condition without its overview defines it with this.
  /// None for a name every reader knows (lower back pain).
  public var definition: String?
  public var symptoms: [String]
  public var causes: [String]
  /// Ids of ``Catalog/redFlags`` that apply.
  public var redFlags: [String]
  /// After how many weeks without getting better the client should see a doctor.
  public var followUpWeeks: Int?
  /// The body-map regions, seen from behind, where the condition is often felt: a
  /// brochure's cover shades them on a figure.
  public var figureAreas: [String]?
}

public struct TechniqueEntry: Sendable, Codable, Hashable {
  public var name: String
  /// What it is.
  public var summary: String
  public var worksOn: String
  /// What the client may feel.
  public var feel: String
  public var aftercare: String
}

public struct HomeCareEntry: Sendable, Codable, Hashable {
  public var name: String
  /// What kind of item it is: which dosage fields it takes.
  public var kind: HomeCareKind?
  /// What it is for: the card's purpose line.
  public var summary: String
  /// The name of its teaching drawing, `Resources/illustrations/NAME.svg`, when there is one.
  public var illustration: String?
  /// What the drawing shows, for readers who cannot see it: the movement from start to end.
  public var illustrationAlt: String?
  public var steps: [String]
  /// The default dosage; times in seconds.
  public var dosage: Dosage?
  /// What you should feel.
  public var feel: String?
  /// When to stop.
  public var stop: String?
  /// Said after the last step when the item is done on both sides, or the plan does not say
  /// which ("Then switch legs."); a plan's one side leaves it out.
  public var bothSides: String?
  /// A safety warning printed in bold on the card ("never on numb skin").
  public var caution: String?
  /// A video of the movement, shown on the card as a QR code; a plan's `videoUrl` replaces it.
  public var videoUrl: String?
  /// Shorter wording of the card's text, for a sheet short of room (the shorter-text
  /// compaction); a field it leaves out keeps the full text.
  public var short: ShortText?

  /// The card's text in fewer words: the same instructions and the same stop rule, said shorter.
  public struct ShortText: Sendable, Codable, Hashable {
    public var steps: [String]?
    public var summary: String?
    public var feel: String?
    public var stop: String?
  }

  /// The steps, purpose, feel and stop lines, in their short wording when `isShort` and the
  /// entry has one.
  public func text(isShort: Bool) -> (steps: [String], summary: String, feel: String?, stop: String?) {
    guard isShort, let short else { return (steps, summary, feel, stop) }
    return (short.steps ?? steps, short.summary ?? summary, short.feel ?? feel, short.stop ?? stop)
  }
}

/// The kinds of home-care item, each dosed its own way.
public enum HomeCareKind: String, Sendable, Codable, Hashable, CaseIterable {
  /// Hold, repeats, sets, rest, times a day, side.
  case stretch
  /// Repeats, sets, times a day, side (a movement done, not held).
  case exercise
  /// Minutes, times a day (walking, swimming).
  case activity
  /// How long, every how many minutes (breaks from sitting).
  case breaks
  /// Minutes, and when (heat and cold packs).
  case heatCold
  /// Minutes or breaths, times a day.
  case breathing
  /// Times a day, or when (posture, supports).
  case habit

  /// The dosage fields, as plans spell them, that this kind takes.
  public var dosageFields: Set<String> {
    switch self {
    case .stretch: ["side", "hold", "repeat", "sets", "rest", "perDay"]
    case .exercise: ["side", "repeat", "sets", "rest", "perDay"]
    case .activity: ["duration", "perDay"]
    case .breaks: ["duration", "every"]
    case .heatCold: ["side", "duration", "when"]
    case .breathing: ["duration", "breaths", "perDay"]
    case .habit: ["perDay", "when"]
    }
  }
}

public struct BenefitEntry: Sendable, Codable, Hashable {
  public var name: String
  public var description: String
}

public struct FAQEntry: Sendable, Codable, Hashable {
  public var question: String
  public var answer: String
}

public struct RedFlagEntry: Sendable, Codable, Hashable {
  public enum Urgency: String, Sendable, Codable, Hashable {
    case emergency, today, soon
  }

  /// The warning sign, as the client would notice it.
  public var sign: String
  /// What to do; the tier's heading says it for built-in flags ("Call 911 … now if:").
  public var action: String?
  public var urgency: Urgency
}

/// A catalogue file that cannot be used.
public struct CatalogError: Error, CustomStringConvertible {
  public var description: String
}
