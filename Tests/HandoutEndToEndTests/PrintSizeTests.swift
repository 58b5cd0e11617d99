import Foundation
import HandoutKit
import Testing

/// Type sizes and marks read back from the PDF with pdfplumber: no small print on the take-home,
/// large print to APH guidance, brochures without hyphenation and with fold marks where
/// each side folds.
@Suite("Print sizes, large print and brochure marks")
struct PrintSizeTests {
  let scratch: Scratch

  init() throws {
    scratch = try Scratch()
  }

  private func render(_ plan: String, layout: String? = nil, largePrint: Bool = false) throws -> String {
    var request = try HandoutEndToEndTests.request(sharedExamples.appendingPathComponent("\(plan).json"))
    request.layout = layout
    request.isLargePrint = largePrint
    request.sourceDateEpoch = 0
    return try scratch.file(try Engine().render(request).files[0])
  }

  @Test func noTextOnTheTakeHomeIsUnder12Points() throws {
    let characters = try HandoutEndToEndTests.characters(ofPDF: try render("sciatica-plan"))
    #expect(!characters.isEmpty)
    let small = characters.filter { $0.size < 11.99 && !$0.text.trimmingCharacters(in: .whitespaces).isEmpty }
    #expect(small.isEmpty, "under 12 pt: \(Set(small.map { "\($0.text)@\($0.size)" }).sorted().prefix(20))")
  }

  @Test func largePrintIsAtLeast18PointsBoldNotItalicWithAGapAfterNumbers() throws {
    let pdf = try render("sciatica-plan", largePrint: true)
    let characters = try HandoutEndToEndTests.characters(ofPDF: pdf).filter { !$0.text.trimmingCharacters(in: .whitespaces).isEmpty }
    #expect(!characters.isEmpty)
    let small = characters.filter { $0.size < 17.99 }
    #expect(small.isEmpty, "under 18 pt: \(Set(small.map { "\($0.text)@\($0.size)" }).sorted().prefix(20))")
    let italic = characters.filter { $0.font.lowercased().contains("italic") || $0.font.lowercased().contains("oblique") }
    #expect(italic.isEmpty, "italic text in large print: \(String(italic.prefix(40).map(\.text).joined()))")
    // "1. Lie", never "1.Lie": a number's full stop is at least a third of an em from its text.
    for (index, character) in characters.enumerated().dropLast() where character.text == "." {
      guard index > 0, characters[index - 1].text.first?.isNumber == true else { continue }
      let next = characters[index + 1]
      guard next.page == character.page, abs(next.top - character.top) < 1, next.text.first?.isLetter == true else { continue }
      #expect(next.x0 - character.x1 >= character.size / 3, "\"\(characters[index - 1].text).\(next.text)\" too close")
    }
    let text = try HandoutEndToEndTests.text(ofPDF: pdf)
    #expect(text.range(of: #"(?m)^\d+\.[A-Za-z]"#, options: .regularExpression) == nil)
  }

  /// No boxes or tints behind text in large print: every filled rectangle is white, or too
  /// small to hold a line (QR modules, list markers).
  @Test func largePrintHasNoTintsBehindText() throws {
    let pdf = try render("sciatica-plan", largePrint: true)
    let script = """
      import sys, pdfplumber
      with pdfplumber.open(sys.argv[1]) as pdf:
          for page in pdf.pages:
              for r in page.rects:
                  colour = r.get("non_stroking_color")
                  if r.get("fill") and r["width"] > 30 and r["height"] > 20 and colour not in ((1,), (1, 1, 1), [1], [1, 1, 1], 1):
                      print(page.page_number, round(r["width"]), round(r["height"]), colour)
      """
    let result = try pdfplumber(script, [pdf])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(String(decoding: result.stdout, as: UTF8.self).isEmpty, "tinted boxes: \(String(decoding: result.stdout, as: UTF8.self))")
  }

  @Test func theBrochureIsUnhyphenatedWithBodyTextOf11Points() throws {
    let pdf = try render("sciatica-brochure")
    let characters = try HandoutEndToEndTests.characters(ofPDF: pdf)
    #expect(!characters.contains { $0.text == "\u{00AD}" }, "a soft hyphen in the brochure")
    let text = try HandoutEndToEndTests.text(ofPDF: pdf, raw: true)
    #expect(!text.contains("\u{00AD}"))
    // A line that ends in "letter-" with a lower-case letter next is a broken word.
    #expect(text.range(of: #"\p{Ll}-\n\p{Ll}"#, options: .regularExpression) == nil)
    var sizes: [Double: Int] = [:]
    for character in characters where character.text.first?.isLetter == true { sizes[(character.size * 10).rounded() / 10, default: 0] += 1 }
    let body = try #require(sizes.max { $0.value < $1.value }?.key)
    #expect(body >= 11, "the brochure's body text is \(body) pt")
  }

  /// Each side's fold marks stand where that side's panels meet: the outside's at 3.625 and
  /// 7.3125 in from the left trim, the inside's mirrored at 3.6875 and 7.375 in.
  @Test func foldMarksStandWhereEachSideFolds() throws {
    let pdf = try render("sciatica-brochure")
    let script = """
      import sys, pdfplumber
      with pdfplumber.open(sys.argv[1]) as pdf:
          for page in pdf.pages:
              trim = [float(v) for v in page.page_obj.attrs["TrimBox"]]
              top = page.height - trim[3]
              xs = sorted({round((l["x0"] - trim[0]) / 72, 4) for l in page.lines
                           if abs(l["x0"] - l["x1"]) < 0.01 and l["bottom"] <= top + 0.01})
              print(" ".join(str(x) for x in xs if 0.01 < x < (trim[2] - trim[0]) / 72 - 0.01))
      """
    let result = try pdfplumber(script, [pdf])
    #expect(result.status == 0, "\(result.stderr)")
    let pages = String(decoding: result.stdout, as: UTF8.self).split(separator: "\n").map(String.init)
    #expect(pages == ["3.625 7.3125", "3.6875 7.375"], "\(pages)")
  }
}
