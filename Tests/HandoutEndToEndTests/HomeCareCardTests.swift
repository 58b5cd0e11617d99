import Foundation
import HandoutKit
import Testing

/// Home-care cards: a dose that reads right for the kind of item, on a line that breaks only
/// between phrases, and a purpose and a "what you should feel" line on every card.
@Suite("Home-care cards")
struct HomeCareCardTests {
  let scratch: Scratch

  init() throws {
    scratch = try Scratch()
  }

  private func pdf(_ request: RenderRequest) throws -> String {
    var request = request
    request.sourceDateEpoch = 0
    return try scratch.file(try Engine().render(request).files[0])
  }

  @Test(arguments: ["take-home", "care-plan-report", "large-print"])
  func everyCardHasAPurposeAFeelAndAStopLine(_ layout: String) throws {
    var request = try HandoutEndToEndTests.request(sharedExamples.appendingPathComponent("sciatica-plan.json"))
    request.layout = layout
    // A dose beside its drawing may wrap after its label: words, not line ends, are counted.
    let text = try HandoutEndToEndTests.text(ofPDF: try pdf(request)).split(whereSeparator: \.isWhitespace)
      .joined(separator: " ")
    let cards = 6
    #expect(text.components(separatedBy: "Why: ").count - 1 == cards, "\(layout)")
    #expect(text.components(separatedBy: "You should feel: ").count - 1 == cards, "\(layout)")
    #expect(text.components(separatedBy: "Stop if: ").count - 1 == cards, "\(layout)")
    #expect(text.components(separatedBy: "How much: ").count - 1 == cards, "\(layout)")
  }

  /// Large print has no grey text, so a therapist's note says whose words it is, and stays
  /// regular: the notes were all bold there, which reads as a warning.
  @Test func aLargePrintNoteIsLabelledAndRegular() throws {
    var request = try HandoutEndToEndTests.request(sharedExamples.appendingPathComponent("sciatica-plan.json"))
    request.layout = "large-print"
    let path = try pdf(request)
    let text = try HandoutEndToEndTests.text(ofPDF: path).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(text.contains("Your therapist: Worked the knots in the left gluteus medius"))
    #expect(text.contains("Your therapist: Two short walks of 10 minutes a day"))
    let script = """
      import sys, pdfplumber
      with pdfplumber.open(sys.argv[1]) as pdf:
          for page in pdf.pages:
              words = page.extract_words(extra_attrs=["fontname"])
              for a, b in zip(words, words[1:]):
                  if a["text"] == "therapist:" and b["text"] in ("Worked", "Two"):
                      print(a["fontname"].split("+")[-1], b["fontname"].split("+")[-1])
      """
    let result = try pdfplumber(script, [path])
    let fonts = String(decoding: result.stdout, as: UTF8.self).split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
    #expect(fonts.count == 2, "\(result.stderr) \(fonts)")
    for pair in fonts {
      #expect(pair.first?.contains("Bold") == true && pair.last?.contains("Bold") == false, "\(pair)")
    }
  }

  /// Every card of the reference plan has its teaching drawing, at least 1.5 in wide (its floor
  /// line, read from the PDF, is 95 % of its width), with alternative text that tells the movement.
  @Test func everyCardHasADrawingAtLeastOneAndAHalfInchesWideWithAltText() throws {
    let pdf = try pdf(try HandoutEndToEndTests.request(sharedExamples.appendingPathComponent("sciatica-plan.json")))
    let script = """
      import sys, pdfplumber
      with pdfplumber.open(sys.argv[1]) as pdf:
          for page in pdf.pages:
              for l in page.lines:
                  colour = tuple(round(c, 2) for c in (l.get("stroking_color") or ()))
                  if abs(l["top"] - l["bottom"]) < 0.5 and colour == (0.54, 0.59, 0.6) and l["x1"] - l["x0"] > 50:
                      print(round(l["x1"] - l["x0"], 1))
      """
    let result = try pdfplumber(script, [pdf])
    #expect(result.status == 0, "\(result.stderr)")
    let floors = String(decoding: result.stdout, as: UTF8.self).split(separator: "\n").compactMap { Double($0) }
    #expect(floors.count == 6, "\(floors)")
    #expect(try HandoutEndToEndTests.text(ofPDF: pdf, raw: true).replacingOccurrences(of: "\n", with: " ")
      .contains("Grey: start. Dark: end. Lighter: the far arm or leg. Orange arrow: the movement."))
    #expect(floors.allSatisfy { $0 >= 1.5 * 72 * 0.95 }, "\(floors)")
    let json = String(decoding: try run("qpdf", ["--json=2", "--json-key=qpdf", pdf]).stdout, as: UTF8.self)
    for movement in [
      "then one leg straightened up toward the ceiling with a towel around the foot",
      "A person sitting on a chair, then standing up and walking.",
      "A cold pack on a towel first, then a warm pack on a towel later.",
    ] {
      #expect(json.contains(movement), "no alternative text \"\(movement)\"")
    }
  }

  /// A card with a video prints its QR code, at least 0.6 in wide, that zbarimg decodes from a
  /// 200 dpi render, and links the words "Scan to watch" to it.
  @Test func aVideoCardCarriesAQRCodeThatDecodesToItsAddress() throws {
    let video = "https://riverside-massage.example/videos/piriformis"
    let request = try editedExample("sciatica-plan") { plan in
      var items = plan["homeCare"] as! [Any]
      items[0] = ["id": "piriformis-stretch", "side": "left", "videoUrl": video]
      plan["homeCare"] = items
    }
    let pdf = try pdf(request)
    let prefix = scratch.url.appendingPathComponent("page").path
    #expect(try run("pdftoppm", ["-r", "200", "-png", pdf, prefix]).status == 0)
    let pages = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).filter { $0.hasPrefix("page") }.sorted()
    var decoded: [String] = []
    for page in pages {
      let result = try run("zbarimg", ["-q", "--raw", scratch.url.appendingPathComponent(page).path])
      decoded += String(decoding: result.stdout, as: UTF8.self).split(separator: "\n").map(String.init)
    }
    #expect(decoded.contains(video), "\(decoded)")
    #expect(decoded.contains("https://riverside-massage.example/book"))
    let json = String(decoding: try run("qpdf", ["--json=2", "--json-key=qpdf", pdf]).stdout, as: UTF8.self)
    #expect(json.contains("\"u:\(video)\""))
    #expect(try HandoutEndToEndTests.text(ofPDF: pdf).contains("Scan to watch"))
    // The code's white square, quiet zone included, is at least 0.6 in on a side.
    let script = """
      import sys, pdfplumber
      with pdfplumber.open(sys.argv[1]) as pdf:
          for page in pdf.pages:
              for r in page.rects:
                  if r.get("fill") and tuple(r.get("non_stroking_color") or ()) in ((1,), (1, 1, 1)) and abs(r["width"] - r["height"]) < 0.1:
                      print(round(r["width"], 1))
      """
    let sides = String(decoding: try pdfplumber(script, [pdf]).stdout, as: UTF8.self).split(separator: "\n").compactMap { Double($0) }
    #expect(sides.count >= 2 && sides.allSatisfy { $0 >= 0.6 * 72 }, "\(sides)")
  }

  /// The reference plan's doses, each phrase whole on one line of the PDF's text.
  @Test(arguments: ["take-home", "care-plan-report", "large-print"])
  func noDoseBreaksInsideAPhrase(_ layout: String) throws {
    var request = try HandoutEndToEndTests.request(sharedExamples.appendingPathComponent("sciatica-plan.json"))
    request.layout = layout
    let lines = try HandoutEndToEndTests.text(ofPDF: try pdf(request), raw: true).split(separator: "\n").map(String.init)
    let phrases = [
      "Left side only", "Each side", "Hold 30 seconds", "Hold 20 seconds", "3 times", "Twice a day", "Once a day",
      "15 minutes each time", "Cold after a flare-up", "Heat before you stretch", "10 minutes", "2 minutes", "Every 45 minutes",
    ]
    for phrase in phrases {
      #expect(lines.contains { $0.contains(phrase) }, "\(layout): \"\(phrase)\" is broken across lines")
    }
    // Walking is timed, never held; breaks come every so often, not so many times a day.
    let text = lines.joined(separator: " ")
    #expect(!text.contains("Hold 10 minutes") && !text.contains("Hold 600"))
    #expect(!text.contains("8 times a day") && !text.contains("8× a day"))
    for line in lines where line.contains(" · ") || line.hasSuffix(" ·") {
      #expect(!line.hasPrefix("·"), "\(layout): a dose line starts with its separator: \(line)")
    }
  }

  @Test func aClinicianDoseReplacesTheDefaultsWayOfSayingHowOften() throws {
    let request = try editedExample("sciatica-plan") { plan in
      plan["homeCare"] = [
        ["id": "sitting-breaks", "every": "30 min"],
        ["id": "walking", "duration": "20 min"],
        ["id": "mindful-breathing", "breaths": 10],
      ]
    }
    let text = try HandoutEndToEndTests.text(ofPDF: try pdf(request), raw: true).replacingOccurrences(of: "\n", with: " ")
    #expect(text.contains("2 minutes · Every 30 minutes"))
    #expect(text.contains("20 minutes each time · Twice a day"))
    #expect(text.contains("10 slow breaths · Twice a day"))
    #expect(!text.contains("5 minutes · 10 slow breaths"))
  }

  @Test func aDoseThatDoesNotFitItsKindIsAWarning() throws {
    let plan = """
      {"format": 1, "client": {"name": "A"}, "clinic": {"name": "B", "country": "US"},
       "homeCare": [{"id": "walking", "hold": "10 min"}, {"id": "sitting-breaks", "perDay": 8, "every": "45 min"},
                    {"id": "mindful-breathing", "duration": "5 min", "breaths": 10}]}
      """
    let result = try run(handoutBinary, ["validate", "-"], input: Data(plan.utf8))
    #expect(result.status == 0)
    #expect(result.stderr.contains(#"<stdin>:2:41: warning: homeCare[0].hold: Walking is dosed with "duration", "perDay"; "hold" does not apply"#), "\(result.stderr)")
    #expect(result.stderr.contains(#"hint: for example "duration": "10 min", "perDay": 2"#))
    #expect(result.stderr.contains(#"homeCare[1].perDay: Sitting breaks is dosed with "duration", "every"; "perDay" does not apply"#))
    #expect(result.stderr.contains(#"homeCare[1].every: "perDay" and "every" both say how often, and may disagree"#))
    #expect(result.stderr.contains(#"homeCare[2].breaths: "duration" and "breaths" both say how much, and may disagree"#))
    let strict = try run(handoutBinary, ["validate", "--strict", "-"], input: Data(plan.utf8))
    #expect(strict.status == 64)
  }

  @Test func aCardOfTheClinicsOwnNeedsAPurposeAndAFeel() throws {
    let plan = #"{"format": 1, "client": {"name": "A"}, "showRedFlags": false, "homeCare": [{"title": "Foam roller", "steps": ["Roll slowly."]}]}"#
    let result = try run(handoutBinary, ["validate", "-"], input: Data(plan.utf8))
    #expect(result.stderr.contains("homeCare[0].title: a home-care card needs a purpose line"), "\(result.stderr)")
    #expect(result.stderr.contains(#"homeCare[0].title: a home-care card needs a "what you should feel" line"#))
  }
}

/// The 7-day tracker: a row per home-care item with a box to tick for each time a day it asks
/// for (up to three), and a pain row.
@Suite("The 7-day tracker")
struct TrackerTests {
  @Test func theTrackerHasABoxADayForEachTimeAndAPainRow() throws {
    let scratch = try Scratch()
    var request = try HandoutEndToEndTests.request(sharedExamples.appendingPathComponent("sciatica-plan.json"))
    request.layout = "tracker"
    request.sourceDateEpoch = 0
    let pdf = try scratch.file(try Engine().render(request).files[0])
    let text = try HandoutEndToEndTests.text(ofPDF: pdf).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    for line in ["Your week", "Piriformis stretch", "Sitting breaks", "Pain tonight (0 to 10)", "When to get medical help",
      "Where a row has more than one box a day, tick one each time."] {
      #expect(text.contains(line), "\(line)")
    }
    // On the tracker's own layout, each row says how much, as its card does.
    #expect(text.contains("Piriformis stretch Left side only · Hold 30 seconds · 3 times · Twice a day"), "\(text)")
    // The boxes, read from the PDF: white squares outlined, on the first page. Piriformis,
    // hamstring and walking are done twice a day (two boxes a day), the other three once.
    let script = """
      import sys, pdfplumber
      with pdfplumber.open(sys.argv[1]) as pdf:
          page = pdf.pages[0]
          boxes = [r for r in page.rects if r.get("stroke") and 10 < r["height"] < 16]
          squares = [r for r in boxes if abs(r["width"] - r["height"]) < 0.5]
          wide = [r for r in boxes if r["width"] > 1.5 * r["height"]]
          print(len([r for r in squares if r["height"] < 13]), len([r for r in squares if r["height"] >= 13]), len(wide))
      """
    let counts = String(decoding: try pdfplumber(script, [pdf]).stdout, as: UTF8.self)
      .split(whereSeparator: { $0 == " " || $0 == "\n" }).compactMap { Int($0) }
    #expect(counts == [3 * 2 * 7, 3 * 7, 7], "\(counts)")
  }

  /// On the take-home, where cards fill gaps out of the plan's order, the tracker lists the
  /// home program in the order the cards are printed: read from the PDF, the card titles by
  /// page, then from the top (left before right), against the tracker's rows.
  @Test func theTakeHomeTrackerListsTheCardsInTheirPrintedOrder() throws {
    let scratch = try Scratch()
    var request = try HandoutEndToEndTests.request(sharedExamples.appendingPathComponent("sciatica-plan.json"))
    request.sourceDateEpoch = 0
    let pdf = try scratch.file(try Engine().render(request).files[0])
    let script = """
      import sys, pdfplumber
      names = ["Piriformis stretch", "Hamstring stretch", "Hip flexor stretch", "Cold, then heat", "Walking", "Sitting breaks"]
      cards, rows = [], []
      with pdfplumber.open(sys.argv[1]) as pdf:
          for number, page in enumerate(pdf.pages):
              week = [m["top"] for m in page.search("Your week")]
              for name in names:
                  for m in page.search(name):
                      found = (number, round(m["top"]), m["x0"], name)
                      (rows if week and m["top"] > week[0] else cards).append(found)
      print("|".join(c[3] for c in sorted(cards)))
      print("|".join(r[3] for r in sorted(rows)))
      """
    let result = try pdfplumber(script, [pdf])
    #expect(result.status == 0, "\(result.stderr)")
    let lines = String(decoding: result.stdout, as: UTF8.self).split(separator: "\n").map(String.init)
    try #require(lines.count == 2, "\(lines)")
    #expect(lines[0].split(separator: "|").count == 6, "cards: \(lines[0])")
    #expect(lines[1] == lines[0], "tracker rows \(lines[1]) against cards \(lines[0])")
    // The cards did fill a gap: the plan lists the piriformis stretch first.
    #expect(!lines[0].hasPrefix("Piriformis stretch"), "\(lines[0])")
  }

  /// The report ends with the week's tracker, in one piece: its heading, every item's row and
  /// the pain row on one page, read page by page from the PDF; the questions and answers come
  /// before the home program.
  @Test(arguments: [
    ("sciatica-plan", ["Piriformis stretch", "Hamstring stretch", "Hip flexor stretch", "Cold, then heat", "Walking", "Sitting breaks"]),
    ("sciatica-brochure", ["Piriformis stretch", "Hamstring stretch", "Walking", "Slow breathing"]),
  ])
  func theReportCarriesTheTrackerOnOnePage(_ name: String, _ items: [String]) throws {
    let scratch = try Scratch()
    var request = try HandoutEndToEndTests.request(sharedExamples.appendingPathComponent("\(name).json"))
    request.layout = "care-plan-report"
    request.sourceDateEpoch = 0
    let pdf = try scratch.file(try Engine().render(request).files[0])
    let script = """
      import sys, pdfplumber
      with pdfplumber.open(sys.argv[1]) as pdf:
          for page in pdf.pages:
              print(" ".join((page.extract_text() or "").split()))
      """
    let pages = String(decoding: try pdfplumber(script, [pdf]).stdout, as: UTF8.self).split(separator: "\n")
    let withTracker = pages.indices.filter { pages[$0].contains("Your week") }
    try #require(withTracker.count == 1, "pages with the tracker: \(withTracker)")
    let page = pages[withTracker[0]]
    #expect(page.contains("Pain tonight (0 to 10)") && page.contains("Tick a box on each day"), "\(page)")
    for item in items { #expect(page.contains(item), "\(item) has no row on the tracker's page") }
    #expect(withTracker[0] == pages.count - 1, "the tracker is the report's last page")
    // The questions and answers come before the home program, which ends the report's text.
    let questions = try #require(pages.firstIndex { $0.contains("Questions and answers") })
    let program = try #require(pages.firstIndex { $0.contains("Your home program") })
    #expect(questions <= program && !pages[withTracker[0]].contains("Questions and answers"), "questions from page \(questions + 1), home program from page \(program + 1)")
  }

  /// The tracker's own layout is titled as a tracker, in the plan's language, on the page and
  /// in the PDF's title; a layout with cards stays "Your care plan".
  @Test func theTrackerLayoutIsTitledAsATracker() throws {
    let scratch = try Scratch()
    for (plan, title) in [
      (sharedExamples.appendingPathComponent("sciatica-plan.json"), "Your 7-day tracker"),
      (packageRoot.appendingPathComponent("Tests/HandoutEndToEndTests/Fixtures/korean-plan.json"), "나의 7일 기록표"),
    ] {
      var request = try HandoutEndToEndTests.request(plan)
      request.layout = "tracker"
      request.sourceDateEpoch = 0
      let pdf = try scratch.file(try Engine().render(request).files[0])
      let text = try HandoutEndToEndTests.text(ofPDF: pdf)
      #expect(text.contains(title), "\(text.prefix(300))")
      #expect(!text.contains("Your care plan") && !text.contains("나의 관리 계획"))
      let info = String(decoding: try run("/usr/bin/pdfinfo", [pdf]).stdout, as: UTF8.self)
      let titleLine = info.split(separator: "\n").first { $0.hasPrefix("Title:") }
      #expect(titleLine?.dropFirst(6).trimmingCharacters(in: .whitespaces).hasPrefix(title) == true, "\(info)")
    }
    var takeHome = try HandoutEndToEndTests.request(sharedExamples.appendingPathComponent("sciatica-plan.json"))
    takeHome.sourceDateEpoch = 0
    let pdf = try scratch.file(try Engine().render(takeHome).files[0])
    #expect(try HandoutEndToEndTests.text(ofPDF: pdf).contains("Your care plan"))
  }
}
