import Foundation
import HandoutLayout
import HandoutRender
import HandoutText
import Testing

@Suite("Tagged PDF structure")
struct StructureTests {
  let scratch: Scratch

  init() throws {
    scratch = try Scratch()
  }

  private func render(_ blocks: [Block], language: String = "es") throws -> String {
    let style = TextStyle(family: "Noto Sans", size: 12, lineHeight: 1.3)
    let document = Document(
      metadata: Metadata(title: "Structure", language: language),
      page: PageSetup(size: PageSetup.letter, margins: EdgeInsets(all: 72)), blocks: blocks)
    let system = PangoTextSystem(fonts: try FontLibrary.locate())
    return try scratch.file(try Renderer.pdf(layOutDocument(document, textSystem: system)))
  }

  /// The structure tree as `pdfinfo -struct` prints it, without the text lines.
  private func tree(_ path: String) throws -> [String] {
    let output = String(decoding: try run("pdfinfo", ["-struct", path]).stdout, as: UTF8.self)
    return output.split(separator: "\n").map { line in
      String(line.replacingOccurrences(of: " (block)", with: "").replacingOccurrences(of: " (inline)", with: ""))
    }
  }

  @Test func listsAreTaggedAsListItemsWithLabelsAndBodies() throws {
    let style = TextStyle(family: "Noto Sans", size: 12, lineHeight: 1.3)
    let list = ListBlock(
      marker: .number, items: [[.paragraph(Paragraph("Lie on your back.", style: style))],
        [.paragraph(Paragraph("Cross one ankle over the other knee.", style: style))]],
      markerStyle: style)
    let lines = try tree(try render([.heading(Heading(level: 1, Paragraph("Steps", style: style))), .list(list)]))
    #expect(lines == [
      "Document", "  H1", "  L",
      "    LI", "      Lbl", "      LBody", "        P",
      "    LI", "      Lbl", "      LBody", "        P",
    ])
  }

  @Test func tablesAreTaggedByRowAndCellAndRepeatedHeadersAreNotRead() throws {
    let style = TextStyle(family: "Noto Sans", size: 12, lineHeight: 1.3)
    let cell = { (text: String) -> [Block] in [.paragraph(Paragraph(text, style: style))] }
    let table = Table(
      columns: [.automatic, .relative(1)], headerRows: [[cell("Date"), cell("Pain")]],
      rows: (1...60).map { [cell("Day \($0)"), cell("\($0 % 10)")] })
    let path = try render([.table(table)])
    let lines = try tree(path)
    #expect(lines.filter { $0.trimmingCharacters(in: .whitespaces) == "Table" }.count >= 1)
    #expect(lines.filter { $0.hasSuffix("TH") }.count == 2, "the header row is read once")
    #expect(lines.filter { $0.hasSuffix("TR") }.count == 61)
    #expect(lines.filter { $0.hasSuffix("TD") }.count == 120)
    #expect(Array(lines.prefix(5)) == ["Document", "  Table", "    TR", "      TH", "        P"])
    let text = String(decoding: try run("pdftotext", [path, "-"]).stdout, as: UTF8.self)
    #expect(text.components(separatedBy: "Date").count - 1 >= 2, "the header is printed on every page")
  }

  @Test func figuresCarryTheirAlternativeTextAndTheDocumentItsLanguage() throws {
    let drawing = Drawing(
      size: Size(width: 100, height: 60), shapes: [Shape([.ellipse(Rect(x: 0, y: 0, width: 100, height: 60))], fill: .black)],
      alternativeText: "Mapa del cuerpo: zona lumbar marcada")
    let decorative = Drawing(size: Size(width: 100, height: 4), shapes: [Shape([.rectangle(Rect(x: 0, y: 0, width: 100, height: 4))], fill: .black)], alternativeText: "")
    let path = try render([.drawing(decorative), .drawing(drawing)])
    #expect(try tree(path) == ["Document", "  Figure"], "a drawing without alternative text is decoration")
    let json = String(decoding: try run("qpdf", ["--json=2", path]).stdout, as: UTF8.self)
    #expect(json.contains(#""/Alt": "u:Mapa del cuerpo: zona lumbar marcada""#))
    #expect(json.contains(#""/Lang": "u:es""#))
    #expect(try run("qpdf", ["--check", path]).status == 0)
  }
}
