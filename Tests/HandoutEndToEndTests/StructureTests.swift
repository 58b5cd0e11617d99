import CCairo
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

  private func render(_ blocks: [Block], language: String = "es", footer: RunningText? = nil) throws -> String {
    let document = Document(
      metadata: Metadata(title: "Structure", language: language),
      page: PageSetup(size: PageSetup.letter, margins: EdgeInsets(all: 72)), footer: footer, blocks: blocks)
    let system = PangoTextSystem(fonts: try FontLibrary.locate())
    return try scratch.file(try Renderer.pdf(layOutDocument(document, textSystem: system)))
  }

  /// The structure tree as `pdfinfo -struct` prints it, without the text lines and attributes.
  private func tree(_ path: String) throws -> [String] {
    let output = String(decoding: try run("pdfinfo", ["-struct", path]).stdout, as: UTF8.self)
    return output.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("/") }.map { line in
      var line = String(line.replacingOccurrences(of: " (block)", with: "").replacingOccurrences(of: " (inline)", with: ""))
      if line.hasSuffix(":") { line.removeLast() }
      return line
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

  @Test func aParagraphBrokenByAPageIsOneElementThatResumesAfterTheNextPagesArtifacts() throws {
    let style = TextStyle(family: "Noto Sans", size: 12, lineHeight: 1.3)
    let words = (1...900).map { "word\($0)" }.joined(separator: " ")
    let footer = RunningText(
      leading: [.text("Clinic footer")], trailing: [.text("Page "), .pageNumber, .text(" of "), .pageCount], style: style, rule: .black)
    let path = try render([.paragraph(Paragraph(words, style: style))], footer: footer)
    let pdf = try PDFObjects(path)
    #expect(pdf.pages.count >= 2)
    let paragraphs = pdf.structureElements.filter { $0["/S"] as? String == "/P" }
    #expect(paragraphs.count == 1, "one paragraph, one element")
    let kids = paragraphs.first?["/K"] as? [Any] ?? []
    let onLaterPages = kids.compactMap { $0 as? [String: Any] }.filter { $0["/Type"] as? String == "/MCR" }
    #expect(onLaterPages.count == pdf.pages.count - 1, "its content on the later pages: \(kids)")
    // On page 2 the footer comes first, as an artifact, and the paragraph after it; the
    // paragraph's sequence holds no artifact.
    let second = try pdf.pageContents()[1]
    let artifact = try #require(second.range(of: "/Artifact BMC"))
    let paragraph = try #require(second.range(of: "/P << /MCID"))
    #expect(artifact.lowerBound < paragraph.lowerBound)
    #expect(!second[paragraph.lowerBound...].contains("/Artifact"))
    let read = String(decoding: try run("pdfinfo", ["-struct-text", path]).stdout, as: UTF8.self)
    #expect(!read.contains("Clinic footer") && !read.contains("Page 2 of"))
    #expect(try run("qpdf", ["--check", path]).status == 0)
  }

  /// Why artifacts take a detour: Cairo 1.16's tag stack knows only structure types, and a
  /// tag named `Artifact` fails the page when Cairo replays it (the PDF is not written).
  @Test func cairoRejectsATagNamedArtifact() throws {
    let surface = cairo_pdf_surface_create_for_stream({ _, _, _ in CAIRO_STATUS_SUCCESS }, nil, 100, 100)
    let cr = cairo_create(surface)
    cairo_tag_begin(cr, "Document", "")
    cairo_tag_begin(cr, "Artifact", "")
    cairo_rectangle(cr, 10, 10, 20, 20)
    cairo_fill(cr)
    cairo_tag_end(cr, "Artifact")
    cairo_tag_end(cr, "Document")
    cairo_show_page(cr)
    let status = cairo_status(cr)
    cairo_destroy(cr)
    cairo_surface_finish(surface)
    let finished = cairo_surface_status(surface)
    cairo_surface_destroy(surface)
    #expect(status == CAIRO_STATUS_TAG_ERROR || finished == CAIRO_STATUS_TAG_ERROR, "\(status) \(finished)")
  }
}
