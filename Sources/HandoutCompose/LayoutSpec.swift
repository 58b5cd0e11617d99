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
  public var sections: [Section]
  /// How many home-care cards sit side by side.
  public var homeCareColumns: Int

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
