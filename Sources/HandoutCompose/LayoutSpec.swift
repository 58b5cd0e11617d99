import Foundation
import HandoutLayouts
import HandoutModel

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
  /// A page budget and what the engine may do to meet it; `nil`: as many pages as it takes.
  public var fit: Fit?

  /// Whether the layout sets `section` anywhere, alone or in a row.
  public func includes(_ section: Section) -> Bool {
    sections.contains { $0.sections.contains(section) }
  }

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

    /// The sections this entry sets: one, a row's, or none for a break.
    public var sections: [Section] {
      switch self {
      case .section(let section, _): [section]
      case .row(let sections): sections
      case .pageBreak, .panelBreak: []
      }
    }

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

  /// A layout that cannot be used: every problem, with its file, line, column and JSON path.
  public struct Invalid: Error, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public var description: String { diagnostics.map(\.message).joined(separator: "; ") }
  }

  /// The largest layout file read; a layout is a few kilobytes.
  public static let maximumFileBytes = 1_048_576

  /// The built-in layout `name`, or the layout file at that path.
  public static func load(_ nameOrPath: String) throws(Invalid) -> LayoutSpec {
    let data: [UInt8]
    let source: String
    if let builtIn = BuiltInLayouts.data(named: nameOrPath) {
      data = [UInt8](builtIn)
      source = "built-in layout \(nameOrPath)"
    } else if nameOrPath.hasSuffix(".json") || nameOrPath.contains("/") {
      switch InputFile.read(nameOrPath, limit: maximumFileBytes) {
      case .success(let bytes): data = bytes
      case .failure(let problem):
        throw Invalid(diagnostics: [Diagnostic(.error, .file(problem), file: nameOrPath, in: .layout)])
      }
      source = nameOrPath
    } else {
      let problem = Problem.unknownID(
        nameOrPath, kind: .layout, nearest: Suggestion.nearest(to: nameOrPath, in: BuiltInLayouts.names),
        known: BuiltInLayouts.names)
      throw Invalid(diagnostics: [Diagnostic(.error, problem, in: .layout)])
    }
    let root: JSONValue
    do {
      root = try JSONReader.parse(data)
    } catch {
      throw Invalid(diagnostics: [error.diagnostic(file: source, in: .layout)])
    }
    let decoder = JSONValueDecoder(file: source, unknownKeys: .error, input: .layout)
    let decoded = decoder.decode(LayoutSpec.self, from: root)
    guard let spec = decoded.value else { throw Invalid(diagnostics: decoded.diagnostics) }
    let problems = spec.rangeProblems().map { problem in
      Diagnostic(.error, problem.problem, file: source, at: root.location(of: problem.path), path: problem.path, in: .layout)
    }
    guard problems.isEmpty else { throw Invalid(diagnostics: problems) }
    return spec
  }

  /// Every number that lies outside what a page can hold, found before any of it reaches Cairo.
  func rangeProblems() -> [(problem: Problem, path: JSONPath)] {
    var problems: [(problem: Problem, path: JSONPath)] = []
    func check(_ value: Double, _ range: ClosedRange<Double>, _ path: JSONPath) {
      guard !range.contains(value) else { return }
      problems.append((.outOfRange(value: value, bounds: .real(range)), path))
    }
    let margins = JSONPath.root.appending("margins")
    let sides = [("top", self.margins.top), ("right", self.margins.right), ("bottom", self.margins.bottom), ("left", self.margins.left)]
    for (key, value) in sides {
      check(value, 0...216, margins.appending(key))
    }
    let type = JSONPath.root.appending("type")
    let sizes = [("body", self.type.body), ("title", self.type.title), ("heading", self.type.heading), ("subheading", self.type.subheading), ("small", self.type.small)]
    for (key, value) in sizes {
      check(value, 6...96, type.appending(key))
    }
    check(self.type.lineHeight, 0.8...3, type.appending("lineHeight"))
    check(Double(homeCareColumns), 1...4, .root.appending("homeCareColumns"))
    for (index, entry) in sections.enumerated() {
      if case .section(_, let columns) = entry {
        check(Double(columns), 1...4, JSONPath.root.appending("sections").appending(index).appending("columns"))
      }
    }
    if let fold {
      let path = JSONPath.root.appending("fold")
      if fold.panels.count != 3 {
        problems.append((.foldPanelCount(fold.panels.count), path.appending("panels")))
      }
      for (index, width) in fold.panels.enumerated() {
        check(width, 72...720, path.appending("panels").appending(index))
      }
      check(fold.bleed, 0...36, path.appending("bleed"))
      check(fold.safeMargin, 0...72, path.appending("safeMargin"))
      if Set(fold.outsideOrder) != Set(fold.panels.indices) || fold.outsideOrder.count != fold.panels.count {
        problems.append((.foldOrder(panels: fold.panels.count), path.appending("outsideOrder")))
      }
    }
    return problems
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
    // Large print takes the pages it needs, unless the large-print layout sets a budget.
    result.fit = largePrint.fit
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
