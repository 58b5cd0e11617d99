import Foundation
import HandoutModel

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

  /// The languages with a built-in catalogue.
  public static let builtInLanguages = ["en", "es", "ko"]

  /// The built-in catalogue for `language` (`es-MX` uses `es`).
  ///
  /// English is the base: a language file adds or replaces labels and entries, so that what it
  /// lacks (the Korean file has labels only) still reads in English rather than as an id.
  public static func builtIn(language: String) throws -> Catalog {
    var catalog = try decode(Catalog.self, "en")
    let primary = LanguageTag.primary(language)
    guard primary != "en", builtInLanguages.contains(primary) else { return catalog }
    catalog = catalog.merged(with: try decode(CatalogOverrides.self, primary))
    catalog.language = primary
    return catalog
  }

  /// A built-in catalogue file, read as strictly as a plan: a mistake in it is found by the
  /// tests, with its line and column, not hidden by a lenient decoder.
  private static func decode<T: Decodable>(_ type: T.Type, _ name: String) throws -> T {
    let decoder = JSONValueDecoder(file: "\(name).json", unknownKeys: .error, hint: "fix the built-in catalogue")
    let decoded = decoder.decode(type, from: [UInt8](try resource(name)))
    guard let value = decoded.value else {
      throw CatalogError(description: decoded.diagnostics.map { "\($0.file ?? ""):\($0.location?.description ?? ""): \($0.path?.description ?? ""): \($0.message)" }.joined(separator: "\n"))
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
    guard case .text(let template)? = labels[key] else { return key }
    var result = template
    for (name, value) in values {
      result = result.replacingOccurrences(of: "{\(name)}", with: value)
    }
    return result
  }

  /// The list label `key` (month and weekday names).
  public func labelList(_ key: String) -> [String] {
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
  public var symptoms: [String]
  public var causes: [String]
  /// Ids of ``Catalog/redFlags`` that apply.
  public var redFlags: [String]
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
  public var summary: String
  /// The id of a built-in line illustration, when there is one.
  public var illustration: String?
  public var steps: [String]
  /// The default dosage; times in seconds.
  public var dosage: Dosage?
  /// What you should feel.
  public var feel: String?
  /// When to stop.
  public var stop: String?
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
  /// What to do.
  public var action: String
  public var urgency: Urgency
}

/// A catalogue file that cannot be used.
public struct CatalogError: Error, CustomStringConvertible {
  public var description: String
}
