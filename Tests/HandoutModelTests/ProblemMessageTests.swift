import Testing

@testable import HandoutModel

/// The one renderer: each fact, literal in, the exact lines a person reads out.
@Suite("Problems worded")
struct ProblemMessageTests {
  /// A diagnostic of `plan.json` at 3:7, at a dotted path (`homeCare.1.repeat`: numbers are indices).
  static func at(
    _ dotted: String?, _ problem: Problem, _ severity: Diagnostic.Severity = .error, in input: InputKind = .plan
  ) -> Diagnostic {
    let path = dotted.map { text in
      JSONPath(text.split(separator: ".").map { Int($0).map(JSONPath.Component.index) ?? .key(String($0)) })
    }
    return Diagnostic(severity, problem, file: "plan.json", at: SourceLocation(line: 3, column: 7), path: path, in: input)
  }

  static let cases: [(Diagnostic, String)] = [
    // Files
    (at(nil, .file(.cannotOpen(reason: "No such file or directory"))),
     "plan.json:3:7: error: cannot open the file: No such file or directory\n  hint: check the path and the file's permissions"),
    (at(nil, .file(.notAFile(isFolder: true))), "plan.json:3:7: error: this is a folder, not a file\n  hint: name a JSON file"),
    (at(nil, .file(.tooLarge(bytes: 5_000_000, limit: 4_194_304))),
     "plan.json:3:7: error: the file is 5,000,000 bytes; the limit is 4,194,304\n  hint: a plan, layout or catalogue is a few kilobytes: is this the right file?"),
    (at(nil, .file(.tooLarge(bytes: nil, limit: 4_194_304))),
     "plan.json:3:7: error: the input is more than 4,194,304 bytes, the limit\n  hint: a plan, layout or catalogue is a few kilobytes: is this the right file?"),
    (at(nil, .file(.cannotRead(reason: "Input/output error"))),
     "plan.json:3:7: error: cannot read the file: Input/output error\n  hint: check the file and the disk"),
    (at("layout", .layoutFile("layouts/none.json", .cannotOpen(reason: "No such file or directory"))),
     "plan.json:3:7: error: layout: cannot open the layout file \"layouts/none.json\": No such file or directory\n  hint: a layout file's path is relative to the folder handout runs in; `handout layouts` lists the built-in layouts"),
    (at(nil, .noSuchInput), "plan.json:3:7: error: no such file or folder\n  hint: check the path; a folder's plans end in .json, .ndjson or .jsonl"),
    (at(nil, .folderHoldsNoPlans), "plan.json:3:7: error: the folder holds no plan files\n  hint: plan files end in .json, .ndjson or .jsonl"),
    (at(nil, .standardInputNamedTwice), "plan.json:3:7: error: standard input (-) is named more than once\n  hint: name - once: it can be read only once"),
    (at(nil, .cannotReadFurther(reason: "Input/output error")),
     "plan.json:3:7: error: cannot read further: Input/output error\n  hint: check the file and the disk; the plans before this point were read"),
    // JSON text
    (at("client", .syntax(.trailingComma(before: "}"))),
     "plan.json:3:7: error: client: invalid JSON: trailing comma before '}'\n  hint: check the punctuation just before this point; a JSON validator shows more"),
    (at(nil, .syntax(.expectedColon(key: "name", found: "'\"'"))),
     "plan.json:3:7: error: invalid JSON: unexpected '\"'; expected ':' after the key \"name\"\n  hint: check the punctuation just before this point; a JSON validator shows more"),
    (at(nil, .syntax(.emptyFile)),
     "plan.json:3:7: error: invalid JSON: the file is empty; expected a JSON object\n  hint: is this the right file? A plan starts {\"format\": 1, …}; `handout schema` describes it"),
    (at(nil, .syntax(.emptyFile), in: .layout),
     "plan.json:3:7: error: invalid JSON: the file is empty; expected a JSON object\n  hint: is this the right file? `handout schema --layout` prints every field a layout file can have; Layouts/README.md explains them"),
    (at(nil, .syntax(.malformedNumber(.leadingZero))),
     "plan.json:3:7: error: invalid JSON: numbers must not have leading zeros\n  hint: check the punctuation just before this point; a JSON validator shows more"),
    (at(nil, .syntax(.loneSurrogate(0xD800))),
     "plan.json:3:7: error: invalid JSON: a lone UTF-16 surrogate \\ud800 in a string\n  hint: check the punctuation just before this point; a JSON validator shows more"),
    (at(nil, .utf16Text), "plan.json:3:7: error: the file is UTF-16 text; Handout reads UTF-8\n  hint: save the file as UTF-8 (in most editors: Save As, then Encoding: UTF-8)"),
    (at("client.name", .invalidUTF8(.cutShort(0xC3))),
     "plan.json:3:7: error: client.name: invalid UTF-8: the character starting with byte 0xC3 is cut short\n  hint: save the file as UTF-8 (in most editors: Save As, then Encoding: UTF-8)"),
    (at("client.name", .invalidUTF8(.surrogate(0xED, 0xA0))),
     "plan.json:3:7: error: client.name: invalid UTF-8: an encoded UTF-16 surrogate (bytes 0xED 0xA0 …)\n  hint: save the file as UTF-8 (in most editors: Save As, then Encoding: UTF-8)"),
    (at("notes", .nulCharacter), "plan.json:3:7: error: notes: a NUL character (U+0000) inside a string\n  hint: remove it: it is not a character that prints"),
    (at("notes", .noncharacter(0x1FFFE)),
     "plan.json:3:7: error: notes: U+1FFFE is a Unicode noncharacter, which cannot be printed\n  hint: remove it; it often comes from a broken copy and paste"),
    (at("client.name", .duplicateKey("name", first: SourceLocation(line: 1, column: 13))),
     "plan.json:3:7: error: client.name: the key \"name\" appears twice in this object (first at 1:13)\n  hint: keep one of them: JSON readers differ on which one counts"),
    (at("extra.0.0", .tooDeep(limit: 64)),
     "plan.json:3:7: error: extra[0][0]: invalid JSON: values are nested more than 64 deep\n  hint: a plan nests four deep: look for a bracket that is opened and never closed"),
    // Structure
    (at("client", .expectedType(expected: .object("the client"), found: .value("a string"))),
     "plan.json:3:7: error: client: expected the client (a JSON object in braces), found a string\n  hint: write it as {\"key\": value, …}; Docs/plan-format.md describes every field"),
    (at("goals", .expectedType(expected: .arrayOfStrings, found: .string("Sleep through the night."))),
     "plan.json:3:7: error: goals: expected an array of strings, found a single string\n  hint: put it in brackets: [\"Sleep through the night.…\"]"),
    (at("goals.2", .expectedType(expected: .string, found: .value("a number"))),
     "plan.json:3:7: error: goals[2]: expected a string, found a number\n  hint: write the text in double quotes"),
    (at("showRedFlags", .expectedType(expected: .bool, found: .value("a string"))),
     "plan.json:3:7: error: showRedFlags: expected true or false, found a string\n  hint: write true or false here; Docs/plan-format.md describes every field"),
    (at("condition.side", .expectedType(expected: .oneOf(["left", "right", "both"]), found: .value("a number"))),
     "plan.json:3:7: error: condition.side: expected \"left\", \"right\" or \"both\", found a number\n  hint: write \"left\", \"right\" or \"both\" here; Docs/plan-format.md describes every field"),
    (at("condition.painScore", .expectedType(expected: .wholeNumber(0...10), found: .value("a string"))),
     "plan.json:3:7: error: condition.painScore: expected a whole number from 0 to 10, found a string\n  hint: 0 means no pain, 10 the worst pain imaginable"),
    (at("date", .expectedType(expected: .date, found: .value("a number"))),
     "plan.json:3:7: error: date: expected a date as a string \"YYYY-MM-DD\", found a number\n  hint: for example \"2026-11-20\", in quotes"),
    (at("sessions.next", .expectedType(expected: .appointment, found: .string("next Tuesday"))),
     "plan.json:3:7: error: sessions.next: expected the next appointment as \"YYYY-MM-DDTHH:MM\", found \"next Tuesday\"\n  hint: for example \"2026-11-27T10:30\""),
    (at("homeCare.0.hold", .expectedType(expected: .time, found: .value("true or false"))),
     "plan.json:3:7: error: homeCare[0].hold: expected a time, found true or false\n  hint: write a time such as \"30 s\" or \"2 min\", or a number of seconds"),
    (at("margins.top", .expectedType(expected: .number, found: .value("a string")), in: .layout),
     "plan.json:3:7: error: margins.top: expected a number, found a string\n  hint: `handout schema --layout` prints every field a layout file can have; Layouts/README.md explains them"),
    (at("homeCare.1.repeat", .outOfRange(value: 0, bounds: .whole(1...100))),
     "plan.json:3:7: error: homeCare[1].repeat: expected a whole number from 1 to 100, found 0\n  hint: how many times in a row, for example 3"),
    (at("format", .outOfRange(value: 2, bounds: .whole(1...1))),
     "plan.json:3:7: error: format: expected a whole number from 1 to 1, found 2\n  hint: this version of Handout reads format 1"),
    (at("count", .outOfRange(value: 2.5, bounds: .whole(1...Int.max))),
     "plan.json:3:7: error: count: expected a whole number of at least 1, found 2.5\n  hint: use a whole number in that range"),
    (at("homeCareColumns", .outOfRange(value: 1e10, bounds: .whole(Int.min...Int.max)), in: .layout),
     "plan.json:3:7: error: homeCareColumns: expected a whole number, found 10000000000\n  hint: how many home-care cards sit side by side: 1 to 4"),
    (at("margins.left", .outOfRange(value: -20_000_000, bounds: .real(0...216)), in: .layout),
     "plan.json:3:7: error: margins.left: expected a number from 0 to 216, found -20000000\n  hint: margins are in points (72 to the inch); 36 is half an inch"),
    (at("format", .missingKey("format")), "plan.json:3:7: error: format: missing required field \"format\"\n  hint: add \"format\": 1 at the top of the plan"),
    (at("client.name", .missingKey("name")),
     "plan.json:3:7: error: client.name: missing required field \"name\"\n  hint: the client's name as it should print"),
    (at("clinic.phone", .missingKey("phone")),
     "plan.json:3:7: error: clinic.phone: missing required field \"phone\"\n  hint: add \"phone\"; Docs/plan-format.md describes every field"),
    (at("summary", .missingKey("summary", misspelling: .init(key: "sumary", location: SourceLocation(line: 2, column: 5))), in: .catalogue),
     "plan.json:3:7: error: summary: missing required field \"summary\"\n  hint: \"sumary\" at 2:5 looks like a misspelling of it; a catalogue file has the form `handout catalog --json` prints; Docs/plan-format.md (\"The catalogue\") explains it"),
    (at("homecare", .unknownKey("homecare", nearest: "homeCare", known: ["format", "homeCare"], isIgnored: true), .warning),
     "plan.json:3:7: warning: homecare: unknown field \"homecare\" is ignored\n  hint: did you mean \"homeCare\"?"),
    (at("homecare", .unknownKey("homecare", nearest: "homeCare", known: ["format", "homeCare"], isIgnored: true)),
     "plan.json:3:7: error: homecare: unknown field \"homecare\"\n  hint: did you mean \"homeCare\"?"),
    (at("colour", .unknownKey("colour", nearest: nil, known: ["margins", "type"], isIgnored: false), in: .layout),
     "plan.json:3:7: error: colour: unknown field \"colour\"\n  hint: known fields here: margins, type"),
    (at("paper", .unknownValue("a5"), in: .layout),
     "plan.json:3:7: error: paper: \"a5\" is not a known value here\n  hint: `handout schema --layout` prints every field a layout file can have; Layouts/README.md explains them"),
    (at("sections.2.break", .invalidValue(reason: "a break is \"page\" or \"panel\""), in: .layout),
     "plan.json:3:7: error: sections[2].break: a break is \"page\" or \"panel\"\n  hint: `handout schema --layout` prints every field a layout file can have; Layouts/README.md explains them"),
    (at("clinic.name", .empty), "plan.json:3:7: error: clinic.name: must not be empty\n  hint: the clinic's name as it should print"),
    (at("notes", .tooLong(count: 20_000_000, limit: 50_000)),
     "plan.json:3:7: error: notes: the text is 20,000,000 characters long; the limit is 50,000\n  hint: shorten it: a handout is read in a few minutes"),
    (at("notes", .unbrokenRun(count: 3_000, limit: 2_000)),
     "plan.json:3:7: error: notes: the text holds 3,000 characters without a space; the limit is 2,000\n  hint: break it with spaces, or remove what was pasted by mistake"),
    (at("goals", .tooManyItems(count: 200_000, limit: 200)),
     "plan.json:3:7: error: goals: the list has 200,000 items; the limit is 200\n  hint: a handout lists what one client does at home: keep the few that matter"),
    (at(nil, .tooMuchText(count: 250_000, limit: 200_000)),
     "plan.json:3:7: error: the plan holds 250,000 characters of text; the limit is 200,000\n  hint: a handout is read in a few minutes: shorten the longest texts and lists"),
    // Plan values
    (at("language", .notALanguageTag("english!")),
     "plan.json:3:7: error: language: \"english!\" is not a language tag\n  hint: use a BCP 47 tag such as \"en\", \"es\" or \"ko\""),
    (at("date", .notADate("2026-02-30")), "plan.json:3:7: error: date: \"2026-02-30\" is not a real date\n  hint: write dates as YYYY-MM-DD, for example \"2026-11-20\""),
    (at("client.email", .notAnEmailAddress("sam\nat example")),
     "plan.json:3:7: error: client.email: \"sam\\nat example\" is not an email address\n  hint: write it as name@example.com"),
    (at("clinic.brandColor", .notAColour("teal")),
     "plan.json:3:7: error: clinic.brandColor: \"teal\" is not a colour\n  hint: write it as #RRGGBB, for example \"#2F6F73\""),
    (at("condition.side", .notASide("")), "plan.json:3:7: error: condition.side: \"\" is not a side\n  hint: use \"left\", \"right\" or \"both\""),
    (at("sessions.every.unit", .notAUnitOfTime("fortnight")),
     "plan.json:3:7: error: sessions.every.unit: \"fortnight\" is not a unit of time\n  hint: use \"day\", \"week\" or \"month\""),
    (at("homeCare.0.hold", .notADuration("90 min")),
     "plan.json:3:7: error: homeCare[0].hold: \"90 min\" is not a time from 1 s to 60 min\n  hint: write a time such as \"30 s\" or \"2 min\", or a number of seconds"),
    (at("clinic.website", .webAddressTooLong(count: 2_118, limit: 2_000)),
     "plan.json:3:7: error: clinic.website: the web address is 2,118 characters long; the limit is 2,000\n  hint: link to a shorter address, such as the site's home page"),
    (at("clinic.website", .notAWebAddress("https://x.example/)>>", .character(">", at: 20))),
     "plan.json:3:7: error: clinic.website: \"https://x.example/)>>\" holds \">\" (U+003E) at character 20, which a web address cannot hold\n  hint: percent-encode it (a space is %20), or copy the address again from the browser's address bar"),
    (at("clinic.bookingUrl", .notAWebAddress("javascript:alert(1)", .scheme("javascript"))),
     "plan.json:3:7: error: clinic.bookingUrl: \"javascript:alert(1)\" is a \"javascript:\" address; only https: and http: web addresses are allowed\n  hint: a handout links only to web pages: write an address starting with https://"),
    (at("techniques.0", .incompleteEntry(first: "title", second: "description", missing: "description")),
     "plan.json:3:7: error: techniques[0]: an entry without \"id\" needs \"title\" and \"description\"; \"description\" is missing\n  hint: give a catalogue \"id\", or write your own \"title\" and \"description\""),
    (at(nil, .needsClientOrTitle),
     "plan.json:3:7: error: a plan needs a \"client\" (a personal plan) or a \"title\" (a brochure)\n  hint: add \"client\": {\"name\": \"…\"} or \"title\": \"…\""),
    // Catalogue and layout
    (at("homeCare.0", .unknownID("piriformis-strech", kind: .homeCare, nearest: "piriformis-stretch")),
     "plan.json:3:7: error: homeCare[0]: unknown home-care id \"piriformis-strech\"\n  hint: did you mean \"piriformis-stretch\"? `handout catalog` lists every id"),
    (at("faq.0", .unknownID("zzz", kind: .faq, nearest: nil)),
     "plan.json:3:7: error: faq[0]: unknown FAQ id \"zzz\"\n  hint: `handout catalog` lists the FAQ ids; a clinic's own entries come with --catalog FILE"),
    (at("condition.painAreas.0", .unknownID("right-butt", kind: .bodyMapRegion, nearest: nil, known: ["neck", "lower-back"])),
     "plan.json:3:7: error: condition.painAreas[0]: unknown body-map region id \"right-butt\"\n  hint: the body map draws: neck, lower-back"),
    (at("layout", .unknownID("postr", kind: .layout, nearest: "poster", known: ["poster", "take-home"])),
     "plan.json:3:7: error: layout: no built-in layout is called \"postr\"\n  hint: did you mean \"poster\"? built-in layouts: poster, take-home; or give a path to a layout file"),
    (at("clinic.country", .noEmergencyNumber(country: "XX", known: ["GB", "US"])),
     "plan.json:3:7: error: clinic.country: no emergency number is known for the country \"XX\"\n  hint: the red flags print the number to call; use an ISO 3166 code with a known number: GB, US"),
    (at("clinic.country", .notACountryCode("USA", known: ["GB", "US"])),
     "plan.json:3:7: error: clinic.country: \"USA\" is not a two-letter country code\n  hint: the red flags print the number to call; use an ISO 3166 code with a known number: GB, US"),
    (at("clinic", .noCountry, .warning),
     "plan.json:3:7: warning: clinic: the red flags cannot name the emergency number: the clinic has no \"country\"\n  hint: add \"country\": \"US\" (or GB, KR, DE, …) to \"clinic\"; until then they say \"call an ambulance\""),
    (at("clinic.address", .countryFromAddress(country: "US", number: "911"), .warning),
     "plan.json:3:7: warning: clinic.address: the clinic has no \"country\"; the address is in US, so the red flags say to call 911\n  hint: add \"country\": \"US\" to \"clinic\" to say so"),
    (at("language", .untranslated(language: "fr", layout: "take-home", entries: ["faq.how-often"], builtInLanguages: ["en", "es", "ko"])),
     "plan.json:3:7: error: language: the catalogue has no \"fr\" text for 1 entry the take-home layout prints: faq.how-often\n  hint: built-in languages: en, es, ko; give the \"fr\" text with --catalog FILE"),
    (at("language", .untranslated(language: "ko", layout: "tracker", entries: ["a", "b"], builtInLanguages: ["en", "ko"])),
     "plan.json:3:7: error: language: the catalogue has no \"ko\" text for 2 entries the tracker layout prints: a, b\n  hint: add the missing text to the \"ko\" catalogue, or give it with --catalog FILE"),
    (at("fold.panels", .foldPanelCount(2), in: .layout),
     "plan.json:3:7: error: fold.panels: a fold has 3 panels, found 2\n  hint: list the three panel widths in points, left to right"),
    (at("fold.outsideOrder", .foldOrder(panels: 3), in: .layout),
     "plan.json:3:7: error: fold.outsideOrder: the outside order must name each panel once, from 0 to 2\n  hint: for a tri-fold: [2, 0, 1] puts the cover first"),
    // Prose and doses
    (at("precautions.0", .longSentence(words: 30), .warning),
     "plan.json:3:7: warning: precautions[0]: a sentence of 30 words is hard to follow\n  hint: split it; aim for 20 words or fewer per sentence"),
    (at("notes", .readingGrade(14), .warning),
     "plan.json:3:7: warning: notes: reads at about grade 14; handouts aim for grade 6 to 7\n  hint: use shorter words and sentences"),
    (at("condition.summary", .medicalWord("piriformis", plain: "a muscle deep in your buttock"), .warning),
     "plan.json:3:7: warning: condition.summary: \"piriformis\" is a medical word a client may not know\n  hint: write \"a muscle deep in your buttock\" instead, or explain it: \"piriformis (a muscle deep in your buttock)\""),
    (at("homeCare.0.hold", .doseDoesNotApply(field: "hold", item: "Walking", allowed: ["duration", "perDay"], kind: "activity"), .warning),
     "plan.json:3:7: warning: homeCare[0].hold: Walking is dosed with \"duration\", \"perDay\"; \"hold\" does not apply\n  hint: for example \"duration\": \"10 min\", \"perDay\": 2"),
    (at("homeCare.0.every", .doseSaidTwice("perDay", "every", aspect: .howOften), .warning),
     "plan.json:3:7: warning: homeCare[0].every: \"perDay\" and \"every\" both say how often, and may disagree\n  hint: keep one of them"),
    (at("homeCare.0.title", .missingPurpose, .warning),
     "plan.json:3:7: warning: homeCare[0].title: a home-care card needs a purpose line\n  hint: add \"description\": why the client does it, in one sentence"),
    (at("homeCare.0.title", .missingFeel, .warning),
     "plan.json:3:7: warning: homeCare[0].title: a home-care card needs a \"what you should feel\" line\n  hint: add \"feel\": what the client should feel while doing it"),
    // Images
    (at("clinic.logo", .logo("logo.svg", .outsideFolder)),
     "plan.json:3:7: error: clinic.logo: the logo \"logo.svg\" is outside the plan's folder\n  hint: move the logo next to the plan, or pass --allow-outside-assets if you trust this plan"),
    (at("clinic.logo", .logo("logo.svg", .file(.cannotOpen(reason: "No such file or directory"), resolved: "/plans/logo.svg"))),
     "plan.json:3:7: error: clinic.logo: the logo file \"logo.svg\" cannot be opened (looked for /plans/logo.svg): No such file or directory\n  hint: logo paths are relative to the plan file's folder"),
    (at("clinic.logo", .logo("huge.jpg", .tooManyPixels(format: "jpeg", width: 30_000, height: 30_000, limit: 40_000_000))),
     "plan.json:3:7: error: clinic.logo: the logo \"huge.jpg\" (JPEG) is 30000 × 30000 pixels; the limit is 40,000,000 pixels\n  hint: a logo needs about 600 × 600 pixels: scale it down, or save it as SVG"),
    (at("clinic.logo", .logo("bomb.svg", .entities(format: "svg", reason: "it declares entities"))),
     "plan.json:3:7: error: clinic.logo: the logo \"bomb.svg\" (SVG) is refused: it declares entities\n  hint: save the SVG again without a DOCTYPE (\"Plain SVG\" in Inkscape)"),
    (at("clinic.logo", .logo("notes.txt", .notAnImage)),
     "plan.json:3:7: error: clinic.logo: the logo \"notes.txt\" is not an SVG, PNG or JPEG image\n  hint: save the logo as SVG (best for print), PNG or JPEG"),
    // Pages
    (at(nil, .tooManyPages(count: 61, limit: 60)), "plan.json:3:7: error: the plan needs 61 pages; the limit is 60\n  hint: shorten the longest texts and lists"),
    (at(nil, .foldedTooLong(pages: 3), .warning),
     "plan.json:3:7: warning: the plan needs 3 pages but a folded brochure has 2 (outside and inside)\n  hint: shorten the lists (techniques, home care, FAQ), or use the take-home or care-plan-report layout"),
    (at(nil, .overBudget(layout: "take-home", pages: 5, budget: 3, followOn: 1, compaction: "every compaction", lists: [.init(name: "homeCare", count: 14), .init(name: "faq", count: 1), .init(name: "techniques", count: 4)]), .warning),
     "plan.json:3:7: warning: take-home: the sheet takes 5 pages where its budget is 3 (and a follow-on sheet 1 page more), even with every compaction: the home program has 14 items, the FAQ has 1 item, the list of techniques has 4 items\n  hint: shorten the longest lists, or choose a layout without a page budget (care-plan-report)"),
    // Email
    (at("client.email", .missingAddress(owner: "client")),
     "plan.json:3:7: error: client.email: an email needs the client's address\n  hint: add \"email\" to \"client\", or render this plan without --eml"),
    (at("client.name", .controlCharacter(0x0A)),
     "plan.json:3:7: error: client.name: contains a control character (U+000A), which an email header cannot hold\n  hint: remove line breaks and tabs from this value; they would let the text add email headers"),
    (at("client.email", .notASendableAddress("Sam <sam@example.com>")),
     "plan.json:3:7: error: client.email: \"Sam <sam@example.com>\" is not an email address an email can be sent to\n  hint: write it as name@example.com, in plain ASCII, without spaces or angle brackets"),
    (at(nil, .emailNeedsAddresses), "plan.json:3:7: error: an email needs clinic.email and client.email\n  hint: add both addresses to the plan"),
    (at(nil, .subjectControlCharacter), "plan.json:3:7: error: the email subject holds a control character\n  hint: check the emailSubject label of the --catalog file"),
    (at(nil, .wouldSendAgain(sent: 12, unconfirmed: 1)),
     "plan.json:3:7: error: this output folder's send ledger records 12 emails sent (and 1 handed over without an answer); sending again would send them twice\n  hint: add --resume to send only the plans not sent yet, or --send-again to send every plan again"),
    // Command line
    (Diagnostic(.error, .onePagePerFile(pages: 3, format: "png")),
     "error: the plan has 3 pages and PNG writes one file per page\n  hint: give -o a file name instead of -"),
    (Diagnostic(.error, .failure("no fonts found in Fonts/")), "error: no fonts found in Fonts/"),
    (Diagnostic(.error, .unavailable("lpr: the printer front-desk does not exist", hint: "`lpstat -p` lists the printers")),
     "error: lpr: the printer front-desk does not exist\n  hint: `lpstat -p` lists the printers"),
  ]

  @Test(arguments: cases)
  func eachFactIsWordedExactly(diagnostic: Diagnostic, text: String) {
    #expect(DiagnosticFormatter.format(diagnostic) == text)
  }

  /// A value quoted in a message is cut to 100 characters: a 100,000-character id is not echoed back.
  @Test func quotedValuesAreCut() {
    let id = String(repeating: "a", count: 100_000)
    let text = DiagnosticFormatter.format(Self.at("homeCare.0", .unknownID(id, kind: .homeCare, nearest: nil)))
    #expect(text == "plan.json:3:7: error: homeCare[0]: unknown home-care id \"\(String(repeating: "a", count: 100))…\"\n  hint: `handout catalog` lists the home-care ids; a clinic's own entries come with --catalog FILE")
  }

  /// Standard error stays under 64 KB: 50 problems at most, fewer when they are long, then one line.
  @Test func longDiagnosticsAreSummarisedWithinTheByteBudget() {
    let path = String(repeating: "folder/", count: 500) + "plan.json"
    let many = (0..<80).map { Diagnostic(.error, .empty, file: path, at: SourceLocation(line: $0 + 1, column: 1)) }
    let lines = DiagnosticFormatter.shown(many)
    #expect(lines.joined(separator: "\n").utf8.count <= DiagnosticFormatter.shownBytes)
    #expect(lines.count < 51)
    #expect(lines.last == "… and \(80 - lines.count + 1) more problems; fix these first, then run validate again")
    #expect(DiagnosticFormatter.shown(Array(many.prefix(1))).count == 1)
  }
}
