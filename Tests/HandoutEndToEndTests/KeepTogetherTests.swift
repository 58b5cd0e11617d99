import Foundation
import HandoutKit
import Testing

/// What a page break must never part, read from each page of the PDF as pdftotext reads it:
/// a warning from the signs it is about, a booking code from its words, a side switch from a
/// stretch done on both sides and never from one done on one side.
@Suite("What stays together")
struct KeepTogetherTests {
  let scratch: Scratch

  init() throws {
    scratch = try Scratch()
  }

  /// The text of each page of a render, words joined by single spaces.
  private func pages(_ request: RenderRequest) throws -> [String] {
    var request = request
    request.sourceDateEpoch = 0
    let path = try scratch.file(try Engine().render(request).files[0])
    return try HandoutEndToEndTests.text(ofPDF: path).split(separator: "\u{0C}", omittingEmptySubsequences: false)
      .map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
  }

  private static let plans = ["sciatica-plan.json", "lower-back-plan.json"]
  private static let layouts = ["take-home", "care-plan-report", "large-print"]

  private func request(_ plan: String, layout: String) throws -> RenderRequest {
    let folder = plan == "lower-back-plan.json" ? packageRoot.appendingPathComponent("Examples") : sharedExamples
    var request = try HandoutEndToEndTests.request(folder.appendingPathComponent(plan))
    request.layout = layout
    return request
  }

  /// The red-flag box starts on the page of its first sign: the report used to print its
  /// heading and "These signs are rare…" alone at the foot of page 1, every sign on page 2.
  @Test(arguments: plans, layouts)
  func theRedFlagHeadingIsOnThePageOfTheFirstSign(_ plan: String, _ layout: String) throws {
    let pages = try pages(try request(plan, layout: layout))
    let heading = try #require(pages.firstIndex { $0.contains("When to get medical help") }, "\(plan) \(layout)")
    #expect(pages[heading].contains("You have trouble peeing or pooing."), "\(plan) \(layout): page \(heading + 1)")
  }

  /// The main message comes first under its heading, so no break parts them (large print
  /// printed "What you need to know" on page 1 and the message on page 2).
  @Test(arguments: plans, layouts)
  func theMainMessageIsOnThePageOfItsHeading(_ plan: String, _ layout: String) throws {
    let pages = try pages(try request(plan, layout: layout))
    let heading = try #require(pages.firstIndex { $0.contains("What you need to know") }, "\(plan) \(layout)")
    #expect(pages[heading].contains("What you need to know Do your home program every day."), "\(plan) \(layout)")
  }

  /// In large print the booking box has no frame to hold it: its title, its link and its code
  /// stay on one page (the lower-back plan printed the code alone atop page 9).
  @Test(arguments: plans)
  func theBookingCodeStaysWithItsWordsInLargePrint(_ plan: String) throws {
    let pages = try pages(try request(plan, layout: "large-print"))
    let title = try #require(pages.firstIndex { $0.contains("Book your next visit") })
    #expect(pages[title].contains("Scan to book online"), "\(plan): page \(title + 1)")
  }

  /// A brochure's contact block is a few lines read as one: its heading and the clinic's name
  /// never sit at one panel's foot with the address atop the next. The sciatica plan, too long
  /// for a tri-fold, printed them so.
  @Test func theContactBlockStaysInOnePanel() throws {
    var request = try request("sciatica-plan.json", layout: "trifold-brochure")
    request.sourceDateEpoch = 0
    let pdf = try scratch.file(try Engine().render(request).files[0])
    let script = """
      import sys, pdfplumber
      with pdfplumber.open(sys.argv[1]) as pdf:
          for number, page in enumerate(pdf.pages):
              words = page.extract_words()
              for a, b in zip(words, words[1:]):
                  if a["text"] == "Contact" and b["text"] == "us":
                      print("heading", number, round(a["x0"]))
              for w in words:
                  if w["text"] == "Mill":
                      print("address", number, round(w["x0"]))
      """
    let result = try pdfplumber(script, [pdf])
    #expect(result.status == 0, "\(result.stderr)")
    let rows = String(decoding: result.stdout, as: UTF8.self).split(separator: "\n").map { $0.split(separator: " ") }
    let heading = try #require(rows.first { $0.first == "heading" })
    let address = try #require(rows.first { $0.first == "address" })
    #expect(heading[1] == address[1], "the same page: \(rows)")
    // The address line starts a little right of the heading at most: the same panel.
    let x = (Int(heading[2]) ?? 0, Int(address[2]) ?? 0)
    #expect(abs(x.0 - x.1) < 60, "the same panel: \(rows)")
  }

  /// A stretch done on both sides ends by saying to switch, in its full and its short
  /// wording; one the plan gives one side does not.
  @Test(arguments: ["take-home", "care-plan-report"])
  func aStretchOnBothSidesSaysToSwitchAndOneOnOneSideDoesNot(_ layout: String) throws {
    let url = sharedExamples.appendingPathComponent("sciatica-plan.json")
    var plan = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    var items = try #require(plan["homeCare"] as? [[String: Any]])
    let both = try pages(try request("sciatica-plan.json", layout: layout)).joined(separator: " ")
    #expect(both.contains("Then do the other leg."), "the hamstring stretch, both sides")
    #expect(!both.contains("Then do the other side."), "the piriformis stretch, left side only")
    let hamstring = try #require(items.firstIndex { $0["id"] as? String == "hamstring-stretch" })
    items[hamstring]["side"] = "left"
    plan["homeCare"] = items
    var request = RenderRequest(plan: [UInt8](try JSONSerialization.data(withJSONObject: plan)), planPath: url.path)
    request.layout = layout
    let left = try pages(request).joined(separator: " ")
    #expect(!left.contains("Then do the other leg."))
    #expect(left.contains("Hamstring stretch"))
  }
}
