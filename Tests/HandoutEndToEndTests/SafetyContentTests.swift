import Foundation
import HandoutKit
import Testing

/// Red flags in tiers with the emergency number of the clinic's country, and the care-plan
/// report carrying the same safety content as the take-home.
@Suite("Red flags and safety content")
struct SafetyContentTests {
  let scratch: Scratch

  init() throws {
    scratch = try Scratch()
  }

  private func renderText(_ request: RenderRequest) throws -> String {
    var request = request
    request.sourceDateEpoch = 0
    let pdf = try scratch.file(try Engine().render(request).files[0])
    return try text(ofPDF: pdf, raw: true).replacingOccurrences(of: "\n", with: " ")
  }

  @Test(arguments: [("US", "911"), ("GB", "999"), ("UK", "999"), ("KR", "119"), ("DE", "112"), ("AU", "000")])
  func theEmergencyLineNamesTheCountrysNumber(_ country: String, _ number: String) throws {
    for layout in ["take-home", "care-plan-report", "trifold-brochure", "large-print"] {
      var request = try editedExample(layout == "trifold-brochure" ? "sciatica-brochure" : "sciatica-plan") { plan in
        var clinic = plan["clinic"] as! [String: Any]
        clinic["country"] = country
        plan["clinic"] = clinic
      }
      request.layout = layout
      let text = try renderText(request)
      #expect(text.contains("Call \(number) or go to the emergency department now if:"), "\(layout), \(country)")
      #expect(text.contains("See a doctor today if:"), "\(layout)")
      #expect(text.contains("If you are not better in 4 weeks"), "\(layout)")
      // Why the signs matter; in a brochure's narrow panel, and on a take-home short of room
      // (the reference plan's is), in short.
      let isShort = layout == "trifold-brochure" || layout == "take-home"
      let why = isShort ? "Rare, but they can mean a badly squeezed nerve. Get help fast." : "These signs are rare."
      #expect(text.contains(why), "\(layout)")
      #expect(text.contains("Go sooner if the pain gets worse"), "\(layout)")
      // Both legs and bladder or bowel trouble are emergencies: they come before "today".
      let emergency = try #require(text.range(of: "emergency department now if:"))
      let today = try #require(text.range(of: "See a doctor today if:"))
      for sign in ["trouble peeing or pooing", "do not feel the need to go", "in both legs", "numb between your legs", "new problems with sex"] {
        let place = try #require(text.range(of: sign), "\(layout): \(sign)")
        #expect(place.lowerBound > emergency.upperBound && place.lowerBound < today.lowerBound, "\(layout): \(sign)")
      }
    }
  }

  /// Today's pain score says which it is when today's session is in the history: the one before
  /// the session, with the one after ("Pain today: 6" beside the report's 3 read as a mistake).
  /// Without today in the history the score stands alone.
  @Test func theScoreTodaySaysItIsTheOneBeforeTheSession() throws {
    let both = try renderText(try editedExample("sciatica-plan") { _ in })
    #expect(both.contains("Pain today: 6 out of 10 before your session, 3 after (0 is no pain, 10 the worst)"))
    let alone = try renderText(
      try editedExample("sciatica-plan") { plan in
        var sessions = plan["sessions"] as! [String: Any]
        sessions["history"] = (sessions["history"] as! [[String: Any]]).filter { $0["date"] as? String != "2026-11-20" }
        plan["sessions"] = sessions
      })
    #expect(alone.contains("Pain today: 6 out of 10 (0 is no pain, 10 the worst)"))
  }

  @Test func aCountryWithoutAKnownNumberIsAnErrorWithAHint() throws {
    let plan = #"{"format": 1, "client": {"name": "A"}, "clinic": {"name": "B", "country": "ZZ"}}"#
    let result = try run(handoutBinary, ["validate", "-"], input: Data(plan.utf8))
    #expect(result.status == 64)
    #expect(result.stderr.contains(#"<stdin>:1:75: error: clinic.country: no emergency number is known for the country "ZZ""#), "\(result.stderr)")
    #expect(result.stderr.contains("hint: the red flags print the number to call; use an ISO 3166 code with a known number: "))
    let name = #"{"format": 1, "client": {"name": "A"}, "clinic": {"name": "B", "country": "Korea"}}"#
    let named = try run(handoutBinary, ["validate", "-"], input: Data(name.utf8))
    #expect(named.status == 64 && named.stderr.contains(#"clinic.country: "Korea" is not a two-letter country code"#), "\(named.stderr)")
  }

  @Test func withoutACountryTheSheetSaysCallAnAmbulanceAndValidationSaysWhy() throws {
    let plan = badPlans.appendingPathComponent("clinic-without-country.json")
    let text = try renderText(try request(plan))
    #expect(text.contains("Call an ambulance or go to the emergency department now if:"))
    let result = try run(handoutBinary, ["validate", plan.path])
    #expect(result.status == 0)
    #expect(result.stderr.contains(#"warning: clinic: the red flags cannot name the emergency number: the clinic has no "country""#), "\(result.stderr)")
  }

  /// The reference plan names no country, but its address ("Springfield, OR 97477") and its
  /// phone (+1) are American: the sheet says "Call 911", and validation says why.
  @Test func anAddressThatShowsTheCountryGivesItsNumber() throws {
    let text = try renderText(try request(sharedExamples.appendingPathComponent("sciatica-plan.json")))
    #expect(text.contains("Call 911 or go to the emergency department now if:"))
    let result = try run(handoutBinary, ["validate", sharedExamples.appendingPathComponent("sciatica-plan.json").path])
    #expect(result.status == 0)
    #expect(
      result.stderr.contains(
        #"sciatica-plan.json:12:16: warning: clinic.address: the clinic has no "country"; the address is in US, so the red flags say to call 911"#),
      "\(result.stderr)")
    for (address, phone, number) in [
      ("1 High St, London SW1A 1AA", "+44 20 7946 0000", "999"), ("200 Bay St, Toronto, ON M5J 2J2", "+1 416 555 0100", "911"),
      ("12 Mill Road, Springfield, OR 97477", "+44 20 7946 0000", "an ambulance"),
    ] {
      let request = try editedExample("sciatica-plan") { plan in
        var clinic = plan["clinic"] as! [String: Any]
        clinic["address"] = address
        clinic["phone"] = phone
        plan["clinic"] = clinic
      }
      #expect(try renderText(request).contains("Call \(number) or go to the emergency department now if:"), "\(address), \(phone)")
    }
  }

  @Test func heatAndColdCardsWarnAgainstNumbSkin() throws {
    let text = try renderText(try request(sharedExamples.appendingPathComponent("sciatica-plan.json")))
    #expect(text.contains("Never use heat or cold on skin that feels numb."))
  }

  @Test func theReportCarriesTheSafetyContent() throws {
    var request = try HandoutEndToEndTests.request(sharedExamples.appendingPathComponent("sciatica-plan.json"))
    request.layout = "care-plan-report"
    let text = try renderText(request)
    for heading in ["What you need to know", "Take care", "When to get medical help", "Notes from your therapist"] {
      #expect(text.contains(heading), "the report lacks \"\(heading)\"")
    }
    #expect(text.contains("Stop any stretch that sends pain or tingling below the knee."))
    // The plan's "lumbar" explained where it is first used (MedicalWordWarningTests).
    #expect(text.contains("A lumbar (lower back) cushion in the car is worth trying."))
  }

  /// The sessions table says what its numbers measure, the chart what to do when they rise,
  /// and a key says what each technique it names is, unless "What we did today" does.
  @Test func theReportsSessionsSayWhatTheyMeasureAndWhatToDo() throws {
    var request = try HandoutEndToEndTests.request(sharedExamples.appendingPathComponent("sciatica-plan.json"))
    request.layout = "care-plan-report"
    let text = try renderText(request)
    #expect(text.contains("Pain before (0–10)") && text.contains("Pain after (0–10)"))
    #expect(text.contains("If your pain score goes up two visits in a row, or you get new numbness or weakness, tell your therapist and your doctor."))
    let key = try #require(text.range(of: "What these techniques are"))
    let after = text[key.upperBound...]
    for name in ["Swedish massage: Long, flowing strokes", "Deep tissue massage: Slow, firm strokes", "Neuromuscular therapy: Focused pressure"] {
      #expect(after.contains(name), "the key lacks \"\(name)\"")
    }
    // Trigger point therapy is today's, explained under "What we did today": not twice.
    #expect(!after.contains("Trigger point therapy:"))
  }
}
