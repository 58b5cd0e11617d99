import CCairo
import Foundation
import HandoutKit
import HandoutLayout
@testable import HandoutRender
import HandoutText
import Testing

/// Checks, at compile time, that a type may cross threads.
private func requireSendable<T: Sendable>(_: T.Type) {}

@Suite("Frames as values")
struct FrameTests {
  let scratch: Scratch

  init() throws {
    scratch = try Scratch()
  }

  @Test func pagesAndLaidOutDocumentsAreSendable() async throws {
    requireSendable(Page.self)
    requireSendable(FrameItem.self)
    requireSendable(PagedDocument.self)
    requireSendable(Engine.LaidOut.self)
    // A laid-out document drawn on another thread gives the bytes the engine's own thread
    // gives: the renderer needs nothing but the value.
    let engine = try Engine()
    let plan = try request(try fixture("mixed-scripts"))
    let here = try engine.render(plan).files[0]
    let paged = try engine.layOut(plan).paged
    let there = try await Task.detached { try Renderer.pdf(paged) }.value
    #expect(there == here)
  }

  @Test func theRendererNeverCallsPango() throws {
    let folder = packageRoot.appendingPathComponent("Sources/HandoutRender")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }
    #expect(files.count > 5)
    for file in files {
      let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
      #expect(!text.contains("import HandoutText"), "\(file)")
      #expect(!text.contains("import CPango"), "\(file)")
      #expect(!text.contains("pango_"), "\(file)")
    }
    let manifest = try String(contentsOf: packageRoot.appendingPathComponent("Package.swift"), encoding: .utf8)
    let render = try #require(manifest.split(separator: "\n").first { $0.contains(#"name: "HandoutRender""#) })
    #expect(render.contains(#"dependencies: ["HandoutLayout", "CCairo", "CRsvg", "HandoutDeflate"]"#))
  }

  @Test func aRunIsTaggedFromItsOwnLanguageAndEmojiFlag() {
    func run(_ language: String, emoji: Bool = false) -> GlyphRun {
      GlyphRun(
        font: FontID(0), size: 10, x: 0, glyphs: [Glyph(id: 1, advance: 5)], text: "x",
        clusters: [TextCluster(byteCount: 1, glyphCount: 1)], color: .black, language: language, isColorEmoji: emoji)
    }
    #expect(RunKind(run("ko"), documentLanguage: "en").language == "ko")
    #expect(RunKind(run("ar"), documentLanguage: "en-US").language == "ar")
    #expect(RunKind(run("zh-cn"), documentLanguage: "en").language == "zh")
    #expect(RunKind(run("en"), documentLanguage: "en").language == nil)
    #expect(RunKind(run("ko-KR"), documentLanguage: "ko").language == nil)
    // Han in Korean text, and Latin (no language of its own), are not tagged.
    #expect(RunKind(run("zh-cn"), documentLanguage: "ko").language == nil)
    #expect(RunKind(run("en"), documentLanguage: "ko").language == nil)
    let emoji = RunKind(run("und-zsye", emoji: true), documentLanguage: "en")
    #expect(emoji.needsActualText && emoji.language == nil)
    #expect(!RunKind(run("en"), documentLanguage: "en").needsActualText)
  }

  @Test func theLogoIsDecodedOnceWhateverIsDrawn() throws {
    for plan in ["sciatica-plan", "sciatica-brochure"] {
      let engine = try Engine()
      var planRequest = try request(sharedExamples.appendingPathComponent("\(plan).json"))
      _ = try engine.render(planRequest)
      #expect(engine.imageDecodeCount == 1, "\(plan)")
      let laidOut = try engine.layOut(planRequest)
      #expect(engine.imageDecodeCount == 2, "\(plan): one decode per reading of the plan")
      // The logo once, and each of the catalogue's teaching drawings the plan shows once (those
      // decoded by the engine's own decoder for catalogue drawings, not counted above).
      let drawings = Set(try #require(laidOut.plan.homeCare.compactMap { item in
        item.id.flatMap { try? engine.catalog(language: "en").homeCareEntry($0)?.illustration }
      } as [String]?))
      #expect(laidOut.paged.assets.assets.count == 1 + drawings.count, "\(plan)")
      let logos = laidOut.pages.flatMap(\.items).filter { if case .image = $0 { true } else { false } }
      #expect(!logos.isEmpty)
      let decoder = AssetDecoder()
      _ = try Renderer.pdf(laidOut.paged, decoder: decoder)
      _ = try Renderer.png(laidOut.paged, dpi: 30, decoder: decoder)
      _ = try Renderer.svg(laidOut.paged, decoder: decoder)
      #expect(decoder.decodeCount == 0, "\(plan): the renderer draws the logo as it was decoded")
      planRequest.format = .png
      _ = try engine.render(planRequest)
      #expect(engine.imageDecodeCount == 3)
    }
  }

  @Test func aPNGLogoIsDecodedOnceToo() throws {
    let logo = scratch.url.appendingPathComponent("logo.png").path
    let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 64, 48)
    let cr = cairo_create(surface)
    cairo_set_source_rgb(cr, 0.2, 0.4, 0.6)
    cairo_paint(cr)
    cairo_destroy(cr)
    #expect(cairo_surface_write_to_png(surface, logo) == CAIRO_STATUS_SUCCESS)
    cairo_surface_destroy(surface)
    let shared = sharedExamples.appendingPathComponent("sciatica-plan.json")
    var plan = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: shared)) as? [String: Any])
    var clinic = try #require(plan["clinic"] as? [String: Any])
    clinic["logo"] = "logo.png"
    plan["clinic"] = clinic
    let path = scratch.url.appendingPathComponent("plan.json")
    try JSONSerialization.data(withJSONObject: plan).write(to: path)
    let engine = try Engine()
    let pdf = try scratch.file(try engine.render(try request(path)).files[0])
    #expect(engine.imageDecodeCount == 1)
    let images = String(decoding: try run("pdfimages", ["-list", pdf]).stdout, as: UTF8.self)
    #expect(images.contains("image      64    48"), "\(images)")
  }

  /// A colour emoji is drawn into an image once per document, however often the plan uses it:
  /// an image per use had taken 300 MB and 1.5 MB of PDF for 2,000 emoji in the notes.
  @Test func eachColourEmojiIsOneImageInTheDocument() throws {
    let shared = sharedExamples.appendingPathComponent("sciatica-plan.json")
    var plan = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: shared)) as? [String: Any])
    plan["notes"] = Array(repeating: String(repeating: "😀", count: 20) + " 💪", count: 40).joined(separator: " ")
    var clinic = try #require(plan["clinic"] as? [String: Any])
    clinic["logo"] = nil  // the logo file stays beside the shared plan
    plan["clinic"] = clinic
    let path = scratch.url.appendingPathComponent("emoji-plan.json")
    try JSONSerialization.data(withJSONObject: plan).write(to: path)
    let pdf = try scratch.file(try Engine().render(try request(path)).files[0])
    let images = String(decoding: try run("pdfimages", ["-list", pdf]).stdout, as: UTF8.self)
    let rows = images.split(separator: "\n").dropFirst(2).map { $0.split(separator: " ", omittingEmptySubsequences: true) }
    let emoji = rows.filter { $0[2] == "image" && (Int($0[12]) ?? 0) >= 500 }
    #expect(emoji.count >= 840, "every use is drawn: \(emoji.count)")
    #expect(Set(emoji.map { $0[10] }).count == 2, "one image object per emoji: \(Set(emoji.map { $0[10] }))")
    #expect(try FileManager.default.attributesOfItem(atPath: pdf)[.size] as? Int ?? .max < 200_000)
    // Cairo lists an image in a page's /XObject once per paint; the post-pass keeps one entry.
    let check = try run("qpdf", ["--check", pdf])
    #expect(check.status == 0, "\(String(decoding: check.stdout.prefix(400), as: UTF8.self))")
  }

  @Test func glyphRunsKeepTheirTextAndClusters() throws {
    let laidOut = try Engine().layOut(try request(try fixture("mixed-scripts")))
    let runs = laidOut.pages.flatMap(\.items).flatMap { item -> [GlyphRun] in
      if case .text(let text) = item { return text.line.runs } else { return [] }
    }
    #expect(runs.count > 30)
    for run in runs {
      #expect(run.clusters.reduce(0) { $0 + $1.byteCount } == run.text.utf8.count, "\(run.text)")
      #expect(run.clusters.reduce(0) { $0 + $1.glyphCount } == run.glyphs.filter(\.isDrawn).count, "\(run.text)")
      #expect(laidOut.paged.fonts[run.font] != nil, "\(run.text)")
      #expect(!run.language.isEmpty)
    }
    let emoji = runs.filter(\.isColorEmoji)
    #expect(!emoji.isEmpty)
    #expect(emoji.allSatisfy { laidOut.paged.fonts[$0.font]?.name.contains("Emoji") == true })
    let arabic = try #require(runs.first { $0.text.contains("التدليك") })
    #expect(arabic.hasBackwardClusters)
    #expect(laidOut.paged.fonts[arabic.font]?.name.contains("Arabic") == true)
  }

  @Test func copiedTextKeepsEveryScriptAndEmojiAreSharp() throws {
    let pdf = try scratch.file(try Engine().render(try request(try fixture("mixed-scripts"))).files[0])
    let text = String(decoding: try run("pdftotext", [pdf, "-"]).stdout, as: UTF8.self)
    #expect(text.contains("강남 마사지 치료: walk 30 minutes"))
    #expect(text.contains("Harbor Wellness 하버 웰니스"))
    #expect(text.contains("Min-jun Park 박민준"))
    #expect(text.contains("التدليك"))
    // The summary follows the condition's definition, so it may wrap anywhere in the phrase.
    #expect(text.replacingOccurrences(of: "\n", with: " ").contains("Massage therapy 마사지 치료 and"))
    // Colour emoji are images drawn at 576 ppi, not Cairo's 72 ppi fallback.
    let images = String(decoding: try run("pdfimages", ["-list", pdf]).stdout, as: UTF8.self)
    let rows = images.split(separator: "\n").dropFirst(2).map { $0.split(separator: " ", omittingEmptySubsequences: true) }
    #expect(rows.count >= 3)
    for row in rows where row[2] == "image" {
      #expect(Int(row[12]) ?? 0 >= 500, "\(row.joined(separator: " "))")
    }
  }

  @Test func thePostPassFailsLoudlyWhenItCannotDoItsJob() throws {
    #expect(throws: RenderError.self) {
      try PDFAmendment(language: "en", pageCount: 1).apply(to: Array("%PDF-1.5\nnot really\n".utf8))
    }
    // A PDF of one figure, as Cairo writes it.
    let path = scratch.url.appendingPathComponent("figure.pdf").path
    let surface = cairo_pdf_surface_create(path, 200, 200)
    let cr = cairo_create(surface)
    cairo_tag_begin(cr, "Document", "")
    cairo_tag_begin(cr, "Figure", "")
    cairo_rectangle(cr, 10, 10, 50, 50)
    cairo_fill(cr)
    cairo_tag_end(cr, "Figure")
    cairo_tag_end(cr, "Document")
    cairo_destroy(cr)
    cairo_surface_finish(surface)
    cairo_surface_destroy(surface)
    let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    let one = [StructureLog.Entry(tag: "Document"), StructureLog.Entry(tag: "Figure", alternativeText: "A square")]
    let amended = try PDFAmendment(language: "en", structure: one, pageCount: 1).apply(to: bytes)
    let json = String(decoding: try run("qpdf", ["--json=2", try scratch.file(amended)]).stdout, as: UTF8.self)
    #expect(json.contains(#""/Alt": "u:A square""#))
    let error = #expect(throws: RenderError.self) {
      try PDFAmendment(language: "en", structure: one + one.suffix(1), pageCount: 1).apply(to: bytes)
    }
    #expect(error?.description.contains("structure elements") == true)
    #expect(throws: RenderError.self) {
      try PDFAmendment(language: "en", structure: one, pageCount: 2).apply(to: bytes)
    }
  }
}

@Suite("Frames as values: fonts")
struct FontTableTests {
  @Test func aFaceThatCannotBeLoadedFailsTheRender() throws {
    let laidOut = try Engine().layOut(try request(try fixture("korean")))
    var paged = laidOut.paged
    let faces = paged.fonts.faces.map { face in
      var face = face
      face.file = "/nonexistent/\(face.name).ttf"
      return face
    }
    paged.fonts = FontTable(faces)
    let error = #expect(throws: RenderError.self) { try Renderer.pdf(paged) }
    #expect(error?.description.hasPrefix("loading a font for drawing: /nonexistent/") == true, "\(String(describing: error))")
    #expect(throws: RenderError.self) { try Renderer.png(paged, dpi: 20) }
  }

  @Test func theFontTableNamesTheFilesThePDFEmbeds() throws {
    let laidOut = try Engine().layOut(try request(try fixture("korean")))
    let names = Set(laidOut.paged.fonts.faces.map { ($0.file as NSString).lastPathComponent })
    #expect(names.contains("NotoSans-Regular.ttf"))
    #expect(names.contains("NotoSansCJK-Regular.ttc"))
    let korean = try #require(laidOut.paged.fonts.faces.first { $0.file.hasSuffix("NotoSansCJK-Regular.ttc") })
    #expect(korean.name.contains("KR"), "the Korean face of the collection: \(korean.name)")
    #expect(korean.transform == [1, 0, 0, 1])
  }
}
