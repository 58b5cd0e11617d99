import Foundation
import HandoutKit
import HandoutLayout
import Testing

@Suite("Built-in layouts")
struct LayoutsTests {
  let scratch: Scratch

  init() throws {
    scratch = try Scratch()
  }

  static let layouts = ["take-home", "care-plan-report", "trifold-brochure", "faq-sheet", "large-print", "tracker"]

  private func plan(_ name: String) -> URL { sharedExamples.appendingPathComponent("\(name).json") }

  /// A request for a plan edited as JSON first.
  private func request(_ name: String, _ edit: (inout [String: Any]) -> Void) throws -> RenderRequest {
    var json = try JSONSerialization.jsonObject(with: Data(contentsOf: plan(name))) as! [String: Any]
    edit(&json)
    let path = sharedExamples.appendingPathComponent(".edited-\(UUID().uuidString).json").path
    let data = try JSONSerialization.data(withJSONObject: json)
    // Written beside the original, so that the logo's relative path still holds.
    try data.write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    return RenderRequest(plan: [UInt8](data), planPath: path)
  }

  @Test(arguments: layouts)
  func everyLayoutRendersBothExamples(_ layout: String) throws {
    let engine = try Engine()
    for example in ["sciatica-plan", "sciatica-brochure"] {
      var request = try HandoutEndToEndTests.request(plan(example))
      request.layout = layout
      let laid = try engine.layOut(request)
      for (index, page) in laid.pages.enumerated() {
        let regions = laid.document.page.effectiveTemplates[min(index, laid.document.page.effectiveTemplates.count - 1)].regions
        for case .text(let text) in page.items where text.role != .artifact && text.role != .figureLabel {
          #expect(
            regions.contains { $0.contains(text.bounds, tolerance: 0.01) },
            "\(layout) \(example) page \(index + 1): \"\(text.line.text)\" outside its region")
        }
      }
      let pdf = try scratch.file(try engine.render(request).files[0])
      #expect(try run("qpdf", ["--check", pdf]).status == 0)
    }
  }

  @Test func theTriFoldHasBleedTrimAndPanelsWhereThePrintShopWantsThem() throws {
    let engine = try Engine()
    let laid = try engine.layOut(try HandoutEndToEndTests.request(plan("sciatica-brochure")))
    #expect(laid.pages.count == 2, "outside and inside")
    let setup = laid.document.page
    let inch = 72.0
    let trim = try #require(setup.trimBox)
    let bleed = try #require(setup.bleedBox)
    #expect(abs(trim.width - 11 * inch) < 0.01 && abs(trim.height - 8.5 * inch) < 0.01)
    #expect(abs(bleed.width - 11.25 * inch) < 0.01 && abs(bleed.height - 8.75 * inch) < 0.01)
    #expect(setup.size.width > bleed.width && setup.size.height > bleed.height, "room for crop marks")
    // Panel edges: regions are panels less a 0.25 in safe margin.
    func edges(_ template: PageTemplate) -> [Double] {
      template.regions.map { ($0.x - 0.25 * inch - trim.x) / inch }.sorted()
    }
    let outside = edges(setup.templates[0])
    let inside = edges(setup.templates[1])
    for (actual, expected) in zip(outside, [0, 3.625, 7.3125]) { #expect(abs(actual - expected) < 0.01, "outside \(outside)") }
    for (actual, expected) in zip(inside, [0, 3.6875, 7.375]) { #expect(abs(actual - expected) < 0.01, "inside \(inside)") }
    // The front cover (rightmost outside panel) is read first.
    #expect(setup.templates[0].regions[0].x > setup.templates[0].regions[1].x)
    let pdf = try scratch.file(try engine.render(try HandoutEndToEndTests.request(plan("sciatica-brochure"))).files[0])
    let boxes = String(decoding: try run("pdfinfo", ["-box", pdf]).stdout, as: UTF8.self)
    #expect(boxes.contains("TrimBox:            27.00    27.00   819.00   639.00"), "\(boxes)")
    #expect(boxes.contains("BleedBox:           18.00    18.00   828.00   648.00"), "\(boxes)")
  }

  @Test func largePrintSetsTheBodyAt18PointsInOneColumn() throws {
    var request = try HandoutEndToEndTests.request(plan("sciatica-plan"))
    request.isLargePrint = true
    let laid = try Engine().layOut(request)
    #expect(laid.document.page.margins == EdgeInsets(all: 72))
    var sizes: [Double: Int] = [:]
    // The clinic's header keeps its logo beside the address; text never sits in columns.
    func isHeader(_ row: Row) -> Bool {
      if case .image? = row.cells.first?.content.first { return true } else { return false }
    }
    func visit(_ blocks: [Block]) {
      for block in blocks {
        switch block {
        case .paragraph(let paragraph): sizes[paragraph.text.style.size, default: 0] += 1
        case .list(let list): list.items.forEach(visit)
        case .box(let box): visit(box.content)
        case .keepTogether(let inner), .floating(let inner): visit(inner)
        case .columns(let columns): Issue.record("columns in large print: \(columns.count)")
        case .row(let row) where row.cells.count > 1 && !isHeader(row):
          Issue.record("a row of \(row.cells.count) cells in large print")
        default: break
        }
      }
    }
    visit(laid.document.blocks)
    #expect(sizes.max { $0.value < $1.value }?.key == 18, "most paragraphs are 18 pt: \(sizes)")
    #expect(sizes.keys.allSatisfy { $0 >= 14 })
    #expect(laid.document.blocks.allSatisfy { block in
      if case .paragraph(let paragraph) = block { return !paragraph.text.style.hyphenates } else { return true }
    })
  }

  @Test func aTwentySessionReportKeepsTheChartWhole() throws {
    var request = try request("sciatica-plan") { plan in
      var sessions = plan["sessions"] as! [String: Any]
      var history: [[String: Any]] = []
      for day in 1...20 {
        let month: Int = 1 + day / 10
        let dayOfMonth: Int = 1 + (day % 10) * 2
        let date = String(format: "2026-%02d-%02d", month, dayOfMonth)
        let before: Int = 9 - day / 4
        let after: Int = 7 - day / 4
        history.append(["date": date, "painBefore": before, "painAfter": after, "techniques": ["swedish"]])
      }
      sessions["history"] = history
      plan["sessions"] = sessions
    }
    request.layout = "care-plan-report"
    let pages = try Engine().layOut(request).pages
    var charts = 0
    for page in pages {
      for case .drawing(let drawing, let rect) in page.items where drawing.alternativeText.hasPrefix("Pain chart") {
        charts += 1
        #expect(page.body.contains(rect, tolerance: 0.01), "the chart fits its page")
        #expect(drawing.alternativeText.contains("from 9 to 7"), "the alternative text carries the data")
      }
    }
    #expect(charts == 1, "one chart, drawn whole")
    let rows = pages.flatMap { page in
      page.items.compactMap { item -> String? in
        if case .text(let text) = item, text.role != .artifact, text.ancestors.contains(where: { $0.kind == .tableCell }) { return text.line.text }
        return nil
      }
    }
    #expect(rows.filter { $0.hasPrefix("January") || $0.hasPrefix("February") || $0.hasPrefix("March") }.count == 20)
  }

  @Test func theQRCodeDecodesToTheBookingAddress() throws {
    var request = try HandoutEndToEndTests.request(plan("sciatica-plan"))
    request.format = .png
    request.dpi = 200
    let pages = try Engine().render(request).files
    var decoded: [String] = []
    for png in pages {
      let path = try scratch.file(png, suffix: ".png")
      let result = try run("zbarimg", ["--quiet", "--raw", path])
      decoded += String(decoding: result.stdout, as: UTF8.self).split(separator: "\n").map(String.init)
    }
    #expect(decoded == ["https://riverside-massage.example/book"])
  }

  @Test func theBodyMapPutsTheClientsLeftAndRightWhereTheyAre() throws {
    var request = try request("sciatica-plan") { plan in
      var condition = plan["condition"] as! [String: Any]
      condition["painAreas"] = ["left-calf", "right-hip"]
      plan["condition"] = condition
    }
    request.layout = "care-plan-report"
    let pages = try Engine().layOut(request).pages
    let map = try #require(
      pages.flatMap(\.items).compactMap { item -> Drawing? in
        if case .drawing(let drawing, _) = item, drawing.alternativeText.hasPrefix("Body map") { return drawing }
        return nil
      }.first)
    #expect(map.alternativeText.contains("left calf") && map.alternativeText.contains("right hip"))
    // Shapes: two silhouettes (back at x 0–100, front at x 140–240), then the areas in order.
    func centre(_ shape: Shape) -> Double? {
      if case .ellipse(let rect)? = shape.elements.first { return rect.x + rect.width / 2 }
      return nil
    }
    let calf = try #require(centre(map.shapes[2]))
    let hip = try #require(centre(map.shapes[3]))
    #expect(calf < 50, "seen from behind, the client's left is on the viewer's left")
    #expect(hip > 140 && hip < 190, "seen from the front, the client's right is on the viewer's left")
  }

  /// The brochure's front cover shows where the condition is felt: a figure on the cover panel
  /// (the rightmost of the outside page), its caption beside the booking code, its alternative
  /// text in the plan's language; the brochure keeps its two pages.
  @Test(arguments: [
    ("en", "Massage for Sciatica", "Where it is often felt", "A body seen from behind, shaded where the pain is often felt: lower back, left buttock"),
    ("es", "Masaje para la ciática", "Dónde se suele sentir", "Un cuerpo visto de espaldas, sombreado donde se suele sentir el dolor: espalda baja"),
    ("ko", "좌골신경통 마사지", "주로 아픈 곳", "뒤에서 본 몸 그림."),
  ])
  func theBrochureCoverShowsWhereTheConditionIsFelt(
    _ language: String, _ title: String, _ caption: String, _ alternative: String
  ) throws {
    var object = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: plan("sciatica-brochure"))) as? [String: Any])
    object["language"] = language
    if language != "en" {
      // The plan's own English words would make the language check refuse the plan.
      object["title"] = title
      object.removeValue(forKey: "subtitle")
      object.removeValue(forKey: "takeaways")
      // Spanish runs about a quarter longer: the shared plan's lists take 4 pages in it.
      for (key, count) in [("techniques", 4), ("faq", 2), ("benefits", 4)] {
        object[key] = (object[key] as? [Any]).map { Array($0.prefix(count)) }
      }
    }
    let data = try JSONSerialization.data(withJSONObject: object)
    let request = RenderRequest(plan: [UInt8](data), planPath: plan("sciatica-brochure").path)
    let pdf = try scratch.file(try Engine().render(request).files[0])
    let info = String(decoding: try run("pdfinfo", [pdf]).stdout, as: UTF8.self)
    #expect(info.contains("Pages:           2"), "\(info)")
    // The caption sits on the cover panel: right of 7.3125 in from the trim's left edge (27 pt).
    let boxes = try GlyphBoxes(pdf: pdf)
    let placed = boxes.pages[0].lines.filter { caption.contains($0.text) && $0.text.count > 2 }
    #expect(placed.map(\.text).joined(separator: " ") == caption, "\(caption) on page 1: \(placed.map(\.text))")
    for line in placed { #expect(line.minX > 27 + 7.3125 * 72, "\(line.text) at x \(line.minX)") }
    let json = String(decoding: try run("qpdf", ["--json=2", pdf]).stdout, as: UTF8.self)
    #expect(json.contains(#""/Alt": "u:"# + alternative), "the cover figure's alternative text in \(language)")
  }
}
