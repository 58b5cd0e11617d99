import Foundation
import HandoutLayouts

/// A declarative layout file: paper, margins, type scale and which sections appear in which order.
public struct LayoutSpec: Sendable, Codable, Hashable {
  public var name: String
  public var description: String
  public var paper: Paper
  /// Margins in points.
  public var margins: Margins
  public var type: TypeScale
  /// Section ids in order; see ``Section``.
  public var sections: [SectionEntry]
  /// How many home-care cards sit side by side.
  public var homeCareColumns: Int
  /// Folded print-shop output (the tri-fold brochure); `nil` for flat pages.
  public var fold: Fold?

  /// The paper sizes Handout prints on.
  public enum Paper: String, Sendable, Codable, Hashable, CaseIterable {
    case letter, a4
  }

  public struct Margins: Sendable, Codable, Hashable {
    public var top: Double
    public var right: Double
    public var bottom: Double
    public var left: Double
  }

  public struct TypeScale: Sendable, Codable, Hashable {
    /// The font family; script and emoji fallbacks are added after it.
    public var family: String
    public var body: Double
    public var lineHeight: Double
    public var title: Double
    public var heading: Double
    public var subheading: Double
    public var small: Double
    /// Whether body text is hyphenated; off unless a layout asks (narrow brochure panels).
    public var hyphenation: Bool?
  }

  /// The parts of a take-home sheet, in the order a layout lists them.
  public enum Section: String, Sendable, Codable, Hashable, CaseIterable {
    case header, title, info, keyMessage, condition, symptoms, goals, sessions, techniques
    case homeCare, benefits, precautions, redFlags, faq, notes, booking
    /// The condition's body map, the plan's pain areas highlighted.
    case bodyMap
    /// Pain before and after each session, as a chart.
    case painChart
    /// The session history as a table.
    case history
    /// A brochure's front cover: logo, title, subtitle.
    case cover
    /// A brochure's back cover: contact details and the booking QR code.
    case contact
    /// A 7-day tracker: a tick box per day for each home-care item, and a pain row.
    case tracker
  }

  /// One element of a layout's `sections`: a section, a section in columns, sections side by
  /// side, or a break.
  public enum SectionEntry: Sendable, Codable, Hashable {
    case section(Section, columns: Int)
    case row([Section])
    case pageBreak
    case panelBreak

    private enum Keys: String, CodingKey { case section, columns, row, `break` }

    public init(from decoder: any Decoder) throws {
      if let name = try? decoder.singleValueContainer().decode(Section.self) {
        self = .section(name, columns: 1)
        return
      }
      let container = try decoder.container(keyedBy: Keys.self)
      if let row = try container.decodeIfPresent([Section].self, forKey: .row) {
        self = .row(row)
      } else if let kind = try container.decodeIfPresent(String.self, forKey: .break) {
        guard kind == "page" || kind == "panel" else {
          throw DecodingError.dataCorruptedError(
            forKey: .break, in: container, debugDescription: "a break is \"page\" or \"panel\"")
        }
        self = kind == "page" ? .pageBreak : .panelBreak
      } else {
        let section = try container.decode(Section.self, forKey: .section)
        self = .section(section, columns: try container.decodeIfPresent(Int.self, forKey: .columns) ?? 1)
      }
    }

    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: Keys.self)
      switch self {
      case .section(let section, let columns):
        try container.encode(section, forKey: .section)
        if columns != 1 { try container.encode(columns, forKey: .columns) }
      case .row(let sections): try container.encode(sections, forKey: .row)
      case .pageBreak: try container.encode("page", forKey: .break)
      case .panelBreak: try container.encode("panel", forKey: .break)
      }
    }
  }

  /// A sheet folded in three: panel widths, bleed, safe margin, crop marks. The paper is
  /// turned to landscape.
  public struct Fold: Sendable, Codable, Hashable {
    /// Panel widths in points, left to right on the outside; the inside mirrors them.
    public var panels: [Double]
    /// How far backgrounds run past the trim, in points.
    public var bleed: Double
    /// Space kept free inside each panel's edges, in points.
    public var safeMargin: Double
    /// The order text flows through the outside panels (0 = leftmost).
    public var outsideOrder: [Int]
    public var cropMarks: Bool
  }

  /// A layout that cannot be used, with what is wrong.
  public struct Invalid: Error, CustomStringConvertible {
    public var description: String
  }

  /// The built-in layout `name`, or the layout file at that path.
  public static func load(_ nameOrPath: String) throws(Invalid) -> LayoutSpec {
    let data: Data
    let source: String
    if let builtIn = BuiltInLayouts.data(named: nameOrPath) {
      data = builtIn
      source = "built-in layout \(nameOrPath)"
    } else if nameOrPath.hasSuffix(".json") || nameOrPath.contains("/") {
      guard let file = FileManager.default.contents(atPath: nameOrPath) else {
        throw Invalid(description: "cannot read the layout file \(nameOrPath)")
      }
      data = file
      source = nameOrPath
    } else {
      let known = BuiltInLayouts.names.joined(separator: ", ")
      throw Invalid(description: "no built-in layout is called \"\(nameOrPath)\"; built-in layouts: \(known); or give a path to a layout file")
    }
    do {
      return try JSONDecoder().decode(LayoutSpec.self, from: data)
    } catch {
      throw Invalid(description: "\(source) is not a valid layout: \(describe(error))")
    }
  }
}

private func describe(_ error: any Error) -> String {
  func path(_ codingPath: [any CodingKey]) -> String {
    codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
      .trimmingCharacters(in: CharacterSet(charactersIn: "."))
  }
  switch error as? DecodingError {
  case .keyNotFound(let key, let context)?:
    return "missing field \"\(path(context.codingPath + [key]))\""
  case .typeMismatch(_, let context)?, .valueNotFound(_, let context)?:
    return "\(path(context.codingPath)): \(context.debugDescription)"
  case .dataCorrupted(let context)?:
    return "\(path(context.codingPath)): \(context.debugDescription)"
  default:
    return "\(error)"
  }
}

extension LayoutSpec {
  /// This layout's sections, in the type, margins and single column of `largePrint`: rows
  /// become sections one after another, columns become one column. A folded layout stays
  /// folded only in its sections; its panels are too narrow for large print, so it unfolds.
  public func inLargePrint(_ largePrint: LayoutSpec) -> LayoutSpec {
    var result = self
    result.type = largePrint.type
    result.margins = largePrint.margins
    result.homeCareColumns = 1
    result.fold = nil
    result.sections = sections.flatMap { entry -> [SectionEntry] in
      switch entry {
      case .section(let section, _): [.section(section, columns: 1)]
      case .row(let sections): sections.map { .section($0, columns: 1) }
      case .pageBreak: [.pageBreak]
      case .panelBreak: []
      }
    }
    return result
  }
}
