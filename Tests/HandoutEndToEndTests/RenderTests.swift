import Foundation
import HandoutKit
import HandoutLayout
import HandoutRender
import HandoutText
import Testing

@Suite("Rendering the reference plans")
struct RenderTests {
  /// Each test gets its own instance, and so its own folder, removed afterwards.
  let scratch: Scratch

  init() throws {
    scratch = try Scratch()
  }

  @Test func everyReferencePlanRendersIntoAValidPDF() throws {
    let engine = try Engine()
    let plans = try referencePlans()
    #expect(plans.count >= 3)
    for plan in plans {
      let result = try engine.render(try request(plan))
      let path = try scratch.file(result.files[0])
      let check = try run("qpdf", ["--check", path])
      #expect(check.status == 0, "\(plan.lastPathComponent): \(check.stderr)")
      let info = String(decoding: try run("pdfinfo", [path]).stdout, as: UTF8.self)
      #expect(info.contains("Tagged:          yes"), "\(plan.lastPathComponent)")
      #expect(info.contains("Pages:           \(result.pageCount)"))
    }
  }

  @Test func everyGlyphStaysInsideTheMargins() throws {
    let engine = try Engine()
    for plan in try referencePlans() {
      let pages = try engine.layOut(try request(plan)).pages
      for (index, page) in pages.enumerated() {
        let paper = Rect(x: 0, y: 0, width: page.size.width, height: page.size.height)
        for item in page.items {
          guard let bounds = item.bounds else { continue }
          switch item {
          case .text(let text) where text.role == .artifact:
            #expect(paper.inset(by: EdgeInsets(all: 18)).contains(bounds))
          case .rule:
            // Running headers and footers have their rules in the margins.
            #expect(paper.inset(by: EdgeInsets(all: 18)).contains(bounds))
          case .drawing(let drawing, _) where drawing.alternativeText.isEmpty && page.trimBox != nil:
            // A print-shop page's backgrounds run into the bleed, its crop marks beyond it.
            #expect(paper.contains(bounds))
          default:
            #expect(page.body.contains(bounds), "\(plan.lastPathComponent) page \(index + 1): \(item)")
          }
        }
      }
    }
  }

  @Test func noPageEndsWithAHeading() throws {
    let engine = try Engine()
    for plan in try referencePlans() {
      let pages = try engine.layOut(try request(plan)).pages
      for page in pages.dropLast() {
        let last = page.items.last { item in
          if case .text(let text) = item, text.role != .artifact { return true } else { return false }
        }
        if case .text(let text)? = last {
          #expect(!isHeading(text.role), "\(plan.lastPathComponent): a page ends with \"\(text.line.text)\"")
        }
      }
    }
  }

  private func isHeading(_ role: Role) -> Bool {
    if case .heading = role { return true }
    return false
  }

  @Test func renderingTwiceGivesIdenticalBytes() throws {
    let plan = sharedExamples.appendingPathComponent("sciatica-plan.json")
    let first = try Engine().render(try request(plan)).files
    let second = try Engine().render(try request(plan)).files
    #expect(first == second)
    // The info dictionary sits in an object stream: read through qpdf.
    let info = try #require(try PDFObjects(try scratch.file(first[0])).info)
    #expect(info["/CreationDate"] as? String == "u:D:20261120000000Z", "\(info)")
    var withEpoch = try request(plan)
    withEpoch.sourceDateEpoch = 1_700_000_000
    let epoch = try #require(try PDFObjects(try scratch.file(try Engine().render(withEpoch).files[0])).info)
    #expect(epoch["/CreationDate"] as? String == "u:D:20231114221320Z", "\(epoch)")
  }

  @Test func metadataNamesThePlan() throws {
    let result = try Engine().render(try request(sharedExamples.appendingPathComponent("sciatica-plan.json")))
    let info = String(decoding: try run("pdfinfo", [try scratch.file(result.files[0])]).stdout, as: UTF8.self)
    #expect(info.contains("Title:           Your care plan: Jordan Alvarez"))
    #expect(info.contains("Author:          Riverside Medical Massage"))
    #expect(info.contains("Subject:         Sciatica"))
    #expect(info.contains("Creator:         Handout \(handoutVersion)"))
  }

  @Test func everyFontIsEmbedded() throws {
    for plan in [sharedExamples.appendingPathComponent("sciatica-plan.json"), try fixture("mixed-scripts")] {
      let result = try Engine().render(try request(plan))
      let fonts = String(decoding: try run("pdffonts", [try scratch.file(result.files[0])]).stdout, as: UTF8.self)
      let rows = fonts.split(separator: "\n").dropFirst(2)
      #expect(!rows.isEmpty)
      for row in rows {
        let columns = row.split(separator: " ", omittingEmptySubsequences: true)
        // name, type (1–2 words), encoding, emb, sub, uni, object, generation
        #expect(columns[columns.count - 5] == "yes", "not embedded: \(row)")
      }
    }
  }

  @Test func mixedScriptsHaveNoMissingGlyphs() throws {
    let engine = try Engine()
    let laidOut = try engine.layOut(try request(try fixture("mixed-scripts")))
    var checked = 0
    for page in laidOut.pages {
      for case .text(let text) in page.items {
        #expect(!text.line.runs.isEmpty, "no glyphs for \"\(text.line.text)\"")
        #expect(text.line.runs.allSatisfy { $0.missingGlyphCount == 0 }, "boxes in \"\(text.line.text)\"")
        checked += 1
      }
    }
    #expect(checked > 20)
    let result = try engine.render(try request(try fixture("mixed-scripts")))
    let fonts = String(decoding: try run("pdffonts", [try scratch.file(result.files[0])]).stdout, as: UTF8.self)
    #expect(fonts.contains("NotoSansCJKkr"))
    #expect(fonts.contains("NotoSansArabic"))
    #expect(fonts.contains("NotoSans-Regular"))
  }

  @Test func koreanTextTakesTheKoreanFace() throws {
    let result = try Engine().render(try request(try fixture("korean")))
    let fonts = String(decoding: try run("pdffonts", [try scratch.file(result.files[0])]).stdout, as: UTF8.self)
    #expect(fonts.contains("NotoSansCJKkr"))
    #expect(!fonts.contains("NotoSansCJKjp"))
  }

  @Test func pdfAndPNGShareTheSameLineBreaks() throws {
    let engine = try Engine()
    var planRequest = try request(sharedExamples.appendingPathComponent("sciatica-plan.json"))
    let laidOut = try engine.layOut(planRequest)
    // The PDF shows the engine's lines as they were broken: each line's text is a line of
    // what pdftotext reads back, in order.
    let pdf = try scratch.file(try Renderer.pdf(laidOut.paged))
    let read = String(decoding: try run("pdftotext", ["-raw", pdf, "-"]).stdout, as: UTF8.self)
    let readLines = read.split(whereSeparator: \.isNewline).map(plain)
    let laidLines = laidOut.pages.flatMap { page in
      page.items.compactMap { item -> String? in
        guard case .text(let text) = item, text.role != .artifact, text.role != .figureLabel else { return nil }
        return plain(text.line.text)
      }
    }.filter { !$0.isEmpty }
    #expect(laidLines.count > 100)
    let missing = laidLines.filter { line in !readLines.contains { $0.contains(line) } }
    #expect(missing.isEmpty, "lines drawn otherwise than laid out: \(missing.prefix(5))")
    // And the PNG pages come from the same layout as the PDF: same page count.
    planRequest.format = .png
    planRequest.dpi = 30
    #expect(try engine.render(planRequest).files.count == laidOut.pages.count)
  }

  /// Text as it is compared: no soft hyphens, single spaces, no surrounding space.
  /// Text as copied: without soft hyphens and word joiners, which are not written as text.
  private func plain(_ text: some StringProtocol) -> String {
    text.replacingOccurrences(of: "\u{AD}", with: "").replacingOccurrences(of: "\u{2060}", with: "")
      .split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }
}
