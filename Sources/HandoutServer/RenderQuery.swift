import HandoutCompose
import HandoutKit
import Hummingbird
import HummingbirdCore

/// The query of the plan routes: `?layout=`, `?paper=`, `?largePrint=`, `?format=png&page=N&dpi=`.
struct RenderQuery: Sendable {
  var layout: String?
  var paper: LayoutSpec.Paper?
  var largePrint = false
  var format: OutputFormat = .pdf
  var page = 1
  var dpi: Double = 96

  struct Problem: Error {
    var message: String
  }

  /// The largest PNG resolution the server draws: a letter page at 300 dpi is 8.4 megapixels.
  static let dpiRange: ClosedRange<Double> = 18...300

  static func parse(_ parameters: FlatDictionary<Substring, Substring>) -> Result<RenderQuery, Problem> {
    var query = RenderQuery()
    let known: Set<Substring> = ["layout", "paper", "largePrint", "format", "page", "dpi"]
    for (key, _) in parameters where !known.contains(key) {
      return .failure(Problem(message: "unknown query parameter \"\(key)\"; known: layout, paper, largePrint, format, page, dpi"))
    }
    if let layout = parameters["layout"].map(String.init) {
      guard BuiltInLayoutNames.all.contains(layout) else {
        return .failure(Problem(message: "unknown layout \"\(layout)\"; built in: \(BuiltInLayoutNames.all.joined(separator: ", "))"))
      }
      query.layout = layout
    }
    if let paper = parameters["paper"].map(String.init) {
      guard let value = LayoutSpec.Paper(rawValue: paper.lowercased()) else {
        return .failure(Problem(message: "unknown paper \"\(paper)\"; letter or a4"))
      }
      query.paper = value
    }
    if let flag = parameters["largePrint"].map(String.init) {
      switch flag.lowercased() {
      case "true", "1", "yes", "": query.largePrint = true
      case "false", "0", "no": query.largePrint = false
      default: return .failure(Problem(message: "largePrint is true or false, not \"\(flag)\""))
      }
    }
    if let format = parameters["format"].map(String.init) {
      switch format.lowercased() {
      case "pdf": query.format = .pdf
      case "png": query.format = .png
      default: return .failure(Problem(message: "format is pdf or png, not \"\(format)\""))
      }
    }
    if let page = parameters["page"].map(String.init) {
      guard let number = Int(page), number >= 1, number <= 1000 else {
        return .failure(Problem(message: "page is a page number from 1, not \"\(page)\""))
      }
      query.page = number
    }
    if let dpi = parameters["dpi"].map(String.init) {
      guard let number = Double(dpi), number.isFinite, dpiRange.contains(number) else {
        return .failure(Problem(message: "dpi is a number from 18 to 300, not \"\(dpi)\""))
      }
      query.dpi = number
    }
    if query.format == .pdf, parameters["page"] != nil || parameters["dpi"] != nil {
      return .failure(Problem(message: "page and dpi choose a PNG page; add format=png"))
    }
    return .success(query)
  }
}
