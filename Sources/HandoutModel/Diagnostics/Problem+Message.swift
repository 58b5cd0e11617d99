/// The one place where problems become words: each fact's message and the hint that says how
/// to fix it. A field's own meaning ("0 means no pain, …") comes from its JSON path.
extension Diagnostic {
  /// What is wrong, as a sentence fragment starting in lower case.
  public var message: String {
    switch problem {
    case .file(let fault): fileMessage(fault)
    case .layoutFile(let name, .cannotOpen(let reason)): "cannot open the layout file \(quoted(name)): \(reason)"
    case .layoutFile(let name, .notAFile(let isFolder)):
      "the layout \(quoted(name)) is \(isFolder ? "a folder" : "not a regular file"), not a layout file"
    case .layoutFile(let name, .tooLarge(let bytes, let limit)):
      "the layout file \(quoted(name)) is \(bytes.map { "\($0.grouped) bytes" } ?? "more than \(limit.grouped) bytes"); the limit is \(limit.grouped)"
    case .layoutFile(let name, .cannotRead(let reason)): "cannot read the layout file \(quoted(name)): \(reason)"
    case .noSuchInput: "no such file or folder"
    case .folderHoldsNoPlans: "the folder holds no plan files"
    case .standardInputNamedTwice: "standard input (-) is named more than once"
    case .cannotReadFurther(let reason): "cannot read further: \(reason)"

    case .syntax(let syntax): "invalid JSON: " + syntaxMessage(syntax)
    case .utf16Text: "the file is UTF-16 text; Handout reads UTF-8"
    case .invalidUTF8(.cannotStart(let byte)): "invalid UTF-8: the byte \(hex(byte)) cannot start a character"
    case .invalidUTF8(.cutShort(let byte)): "invalid UTF-8: the character starting with byte \(hex(byte)) is cut short"
    case .invalidUTF8(.overlong(let byte)): "invalid UTF-8: an overlong or out-of-range sequence starting with byte \(hex(byte))"
    case .invalidUTF8(.surrogate(let first, let second)):
      "invalid UTF-8: an encoded UTF-16 surrogate (bytes \(hex(first)) \(hex(second)) …)"
    case .nulCharacter: "a NUL character (U+0000) inside a string"
    case .noncharacter(let value): "\(codePoint(value)) is a Unicode noncharacter, which cannot be printed"
    case .duplicateKey(let key, let first): "the key \(quoted(key)) appears twice in this object (first at \(first))"
    case .tooDeep(let limit): "invalid JSON: values are nested more than \(limit) deep"

    case .expectedType(let expected, let found): "expected \(describe(expected)), found \(describe(found, for: expected))"
    case .outOfRange(let value, let bounds): "expected \(describe(bounds)), found \(formatNumber(value))"
    case .missingKey(let key, _): "missing required field \(quoted(key))"
    case .unknownKey(let key, _, _, let isIgnored):
      // Under --strict a field the reader ignores is an error, and not ignored: the plan is refused.
      "unknown field \(quoted(key))" + (isIgnored && severity == .warning ? " is ignored" : "")
    case .unknownValue(let text): "\(quoted(text)) is not a known value here"
    case .invalidValue(let reason): reason
    case .empty: "must not be empty"
    case .tooLong(let count, let limit): "the text is \(count.grouped) characters long; the limit is \(limit.grouped)"
    case .unbrokenRun(let count, let limit):
      "the text holds \(count.grouped) characters without a space; the limit is \(limit.grouped)"
    case .tooManyItems(let count, let limit): "the list has \(count.grouped) items; the limit is \(limit.grouped)"
    case .tooMuchText(let count, let limit):
      "the plan holds \(count.grouped) characters of text; the limit is \(limit.grouped)"

    case .notALanguageTag(let text): "\(quoted(text)) is not a language tag"
    case .notADate(let text): "\(quoted(text)) is not a real date"
    case .notAnEmailAddress(let text): "\(Self.shown(text).debugDescription) is not an email address"
    case .notAColour(let text): "\(quoted(text)) is not a colour"
    case .notASide(let text): "\(quoted(text)) is not a side"
    case .notAUnitOfTime(let text): "\(quoted(text)) is not a unit of time"
    case .notADuration(let text): "\(quoted(text)) is not a time from 1 s to 60 min"
    case .webAddressTooLong(let count, let limit): "the web address is \(count.grouped) characters long; the limit is \(limit.grouped)"
    case .notAWebAddress(let text, let fault): webAddressMessage(text, fault)
    case .incompleteEntry(let first, let second, let missing):
      "an entry without \"id\" needs \(quoted(first)) and \(quoted(second)); \(quoted(missing)) is missing"
    case .needsClientOrTitle: "a plan needs a \"client\" (a personal plan) or a \"title\" (a brochure)"

    case .unknownID(let id, .layout, _, _): "no built-in layout is called \(quoted(id))"
    case .unknownID(let id, let kind, _, _): "unknown \(kind.rawValue) id \(quoted(id))"
    case .onlyBuiltInLayouts(let name, _): "unknown layout \(quoted(name)); the server sets the built-in layouts only"
    case .noEmergencyNumber(let country, _): "no emergency number is known for the country \(quoted(country))"
    case .notACountryCode(let text, _): "\(quoted(text)) is not a two-letter country code"
    case .noCountry: "the red flags cannot name the emergency number: the clinic has no \"country\""
    case .countryFromAddress(let country, let number):
      "the clinic has no \"country\"; the address is in \(country), so the red flags say to call \(number)"
    case .untranslated(let language, let layout, let entries, _):
      "the catalogue has no \(quoted(language)) text for \(entries.count) \(entries.count == 1 ? "entry" : "entries") "
        + "the \(layout) layout prints: \(entries.joined(separator: ", "))"
    case .foldPanelCount(let count): "a fold has 3 panels, found \(count)"
    case .foldOrder(let panels): "the outside order must name each panel once, from 0 to \(max(panels - 1, 0))"

    case .longSentence(let words): "a sentence of \(words) words is hard to follow"
    case .readingGrade(let grade): "reads at about grade \(grade); handouts aim for grade 6 to 7"
    case .medicalWord(let word, _): "\(quoted(word)) is a medical word a client may not know"
    case .doseDoesNotApply(let field, let item, let allowed, _):
      "\(item) is dosed with \(allowed.map(quoted).joined(separator: ", ")); \(quoted(field)) does not apply"
    case .doseSaidTwice(let first, let second, let aspect):
      "\(quoted(first)) and \(quoted(second)) both say \(aspect.rawValue), and may disagree"
    case .missingPurpose: "a home-care card needs a purpose line"
    case .missingFeel: "a home-care card needs a \"what you should feel\" line"

    case .logo(let name, let fault): logoMessage(quoted(name), fault)

    case .tooManyPages(let count, let limit): "the plan needs \(count) pages; the limit is \(limit)"
    case .foldedTooLong(let pages): "the plan needs \(pages) pages but a folded brochure has 2 (outside and inside)"
    case .overBudget(let layout, let pages, let budget, let followOn, let compaction, let lists):
      "\(layout): the sheet takes \(pages) pages where its budget is \(budget)"
        + (followOn > 0 ? " (and a follow-on sheet \(followOn == 1 ? "1 page" : "\(followOn) pages") more)" : "")
        + ", even with \(compaction)"
        + (lists.isEmpty ? "" : ": " + lists.map(describe).joined(separator: ", "))

    case .missingAddress(let owner): "an email needs the \(owner)'s address"
    case .controlCharacter(let value): "contains a control character (\(codePoint(value))), which an email header cannot hold"
    case .notASendableAddress(let text): "\(quoted(text)) is not an email address an email can be sent to"
    case .emailNeedsAddresses: "an email needs clinic.email and client.email"
    case .subjectControlCharacter: "the email subject holds a control character"
    case .wouldSendAgain(let sent, let unconfirmed):
      "this output folder's send ledger records \(sent) emails sent"
        + (unconfirmed > 0 ? " (and \(unconfirmed) handed over without an answer)" : "")
        + "; sending again would send them twice"

    case .onePagePerFile(let pages, let format):
      "the plan has \(pages) pages and \(format.uppercased()) writes one file per page"
    case .failure(let message): message
    case .unavailable(let message, _): message
    }
  }

  /// How to fix it; `nil` only for failures that are not the input's fault and for a mail or
  /// print system that gave no advice.
  public var hint: String? {
    switch problem {
    case .file(let fault): fileHint(fault)
    case .layoutFile(_, .tooLarge): "a layout file is a few kilobytes: is this the right file?"
    case .layoutFile:
      "a layout file's path is relative to the folder handout runs in; `handout layouts` lists the built-in layouts"
    case .noSuchInput: "check the path; a folder's plans end in .json, .ndjson or .jsonl"
    case .folderHoldsNoPlans: "plan files end in .json, .ndjson or .jsonl"
    case .standardInputNamedTwice: "name - once: it can be read only once"
    case .cannotReadFurther: "check the file and the disk; the plans before this point were read"

    case .syntax(.emptyFile):
      "is this the right file? " + (input == .plan ? "A plan starts {\"format\": 1, …}; `handout schema` describes it" : formatHint)
    case .syntax: Self.punctuationHint
    case .utf16Text, .invalidUTF8: "save the file as UTF-8 (in most editors: Save As, then Encoding: UTF-8)"
    case .nulCharacter: "remove it: it is not a character that prints"
    case .noncharacter: "remove it; it often comes from a broken copy and paste"
    case .duplicateKey: "keep one of them: JSON readers differ on which one counts"
    case .tooDeep: "a plan nests four deep: look for a bracket that is opened and never closed"

    case .expectedType(let expected, let found): typeHint(expected, found)
    case .outOfRange: meaning ?? (input == .plan ? "use a whole number in that range" : formatHint)
    case .missingKey(let key, let misspelling):
      if input == .plan {
        key == "format" && path?.components.count == 1
          ? "add \"format\": 1 at the top of the plan"
          : meaning ?? "add \(quoted(key)); Docs/plan-format.md describes every field"
      } else {
        (misspelling.map { "\(quoted($0.key)) at \($0.location) looks like a misspelling of it; " } ?? "") + formatHint
      }
    case .unknownKey(_, let nearest, let known, _):
      nearest.map { "did you mean \(quoted($0))?" } ?? "known fields here: \(known.joined(separator: ", "))"
    case .unknownValue, .invalidValue: formatHint
    case .empty: meaning ?? "write the text, or leave the field out"
    case .tooLong: "shorten it: a handout is read in a few minutes"
    case .unbrokenRun: "break it with spaces, or remove what was pasted by mistake"
    case .tooManyItems: "a handout lists what one client does at home: keep the few that matter"
    case .tooMuchText: "a handout is read in a few minutes: shorten the longest texts and lists"

    case .notALanguageTag: "use a BCP 47 tag such as \"en\", \"es\" or \"ko\""
    case .notADate: "write dates as YYYY-MM-DD, for example \"2026-11-20\""
    case .notAnEmailAddress: "write it as name@example.com"
    case .notAColour: "write it as #RRGGBB, for example \"#2F6F73\""
    case .notASide: "use \"left\", \"right\" or \"both\""
    case .notAUnitOfTime: "use \"day\", \"week\" or \"month\""
    case .notADuration: Self.timeHint
    case .webAddressTooLong: "link to a shorter address, such as the site's home page"
    case .notAWebAddress(_, let fault): webAddressHint(fault)
    case .incompleteEntry(let first, let second, _):
      "give a catalogue \"id\", or write your own \(quoted(first)) and \(quoted(second))"
    case .needsClientOrTitle: "add \"client\": {\"name\": \"…\"} or \"title\": \"…\""

    case .unknownID(_, .layout, let nearest, let known):
      (nearest.map { "did you mean \(quoted($0))? " } ?? "")
        + "built-in layouts: \(known.joined(separator: ", ")); or give a path to a layout file"
    case .unknownID(_, .bodyMapRegion, let nearest, let known):
      (nearest.map { "did you mean \(quoted($0))? " } ?? "") + "the body map draws: " + known.joined(separator: ", ")
    case .unknownID(_, let kind, let nearest, _):
      nearest.map { "did you mean \(quoted($0))? `handout catalog` lists every id" }
        ?? "`handout catalog` lists the \(kind.rawValue) ids; a clinic's own entries come with --catalog FILE"
    case .onlyBuiltInLayouts(_, let builtIn): "use one of: \(builtIn.joined(separator: ", "))"
    case .noEmergencyNumber(_, let known), .notACountryCode(_, let known):
      "the red flags print the number to call; use an ISO 3166 code with a known number: \(known.joined(separator: ", "))"
    case .noCountry: "add \"country\": \"US\" (or GB, KR, DE, …) to \"clinic\"; until then they say \"call an ambulance\""
    case .countryFromAddress(let country, _): "add \"country\": \"\(country)\" to \"clinic\" to say so"
    case .untranslated(let language, _, _, let builtIn):
      builtIn.contains(language)
        ? "add the missing text to the \(quoted(language)) catalogue, or give it with --catalog FILE"
        : "built-in languages: \(builtIn.joined(separator: ", ")); give the \(quoted(language)) text with --catalog FILE"
    case .foldPanelCount: "list the three panel widths in points, left to right"
    case .foldOrder: "for a tri-fold: [2, 0, 1] puts the cover first"

    case .longSentence: "split it; aim for 20 words or fewer per sentence"
    case .readingGrade: "use shorter words and sentences"
    case .medicalWord(let word, let plain): "write \(quoted(plain)) instead, or explain it: \(quoted("\(word) (\(plain))"))"
    case .doseDoesNotApply(_, _, _, let kind): doseHint(kind)
    case .doseSaidTwice: "keep one of them"
    case .missingPurpose: "add \"description\": why the client does it, in one sentence"
    case .missingFeel: "add \"feel\": what the client should feel while doing it"

    case .logo(_, let fault): logoHint(fault)

    case .tooManyPages: "shorten the longest texts and lists"
    case .foldedTooLong: "shorten the lists (techniques, home care, FAQ), or use the take-home or care-plan-report layout"
    case .overBudget: "shorten the longest lists, or choose a layout without a page budget (care-plan-report)"

    case .missingAddress(let owner):
      owner == "client"
        ? "add \"email\" to \"client\", or render this plan without --eml"
        : "add \"email\" to \"clinic\": emails are sent from the clinic's address"
    case .controlCharacter: "remove line breaks and tabs from this value; they would let the text add email headers"
    case .notASendableAddress: "write it as name@example.com, in plain ASCII, without spaces or angle brackets"
    case .emailNeedsAddresses: "add both addresses to the plan"
    case .subjectControlCharacter: "check the emailSubject label of the --catalog file"
    case .wouldSendAgain: "add --resume to send only the plans not sent yet, or --send-again to send every plan again"

    case .onePagePerFile: "give -o a file name instead of -"
    case .failure: nil
    case .unavailable(_, let hint): hint
    }
  }

  /// The hint of a JSON syntax error.
  public static let punctuationHint = "check the punctuation just before this point; a JSON validator shows more"
  static let timeHint = "write a time such as \"30 s\" or \"2 min\", or a number of seconds"

  /// Where the format of this kind of file is documented.
  private var formatHint: String {
    switch input {
    case .plan: "Docs/plan-format.md describes every field"
    case .layout: "`handout schema --layout` prints every field a layout file can have; Layouts/README.md explains them"
    case .catalogue:
      "a catalogue file has the form `handout catalog --json` prints; Docs/plan-format.md (\"The catalogue\") explains it"
    case .builtInCatalogue: "fix the built-in catalogue"
    }
  }

  /// What the field at ``path`` means, as a hint for a missing, empty or out-of-range value.
  private var meaning: String? {
    let keys = path?.components.compactMap { component -> String? in
      if case .key(let key) = component { return key }
      return nil
    } ?? []
    guard let field = keys.last else { return nil }
    let parent = keys.dropLast().last ?? ""
    switch (input, parent, field) {
    case (.plan, "", "format"): return "this version of Handout reads format 1"
    case (.plan, "clinic", "name"): return "the clinic's name as it should print"
    case (.plan, "therapist", "name"): return "the therapist's name as it should print"
    case (.plan, "client", "name"): return "the client's name as it should print"
    case (.plan, "condition", "id"): return "a catalogue id such as \"sciatica\""
    case (.plan, _, "painScore"), (.plan, _, "painBefore"), (.plan, _, "painAfter"):
      return "0 means no pain, 10 the worst pain imaginable"
    case (.plan, "sessions", "planned"): return "how many sessions the plan foresees"
    case (.plan, "sessions", "minutes"): return "the length of one session in minutes"
    case (.plan, "every", "count"): return "how many sessions per unit"
    case (.plan, "every", "unit"): return "\"day\", \"week\" or \"month\""
    case (.plan, "history", "date"): return "the day of the session, YYYY-MM-DD"
    case (.plan, "homeCare", "repeat"): return "how many times in a row, for example 3"
    case (.plan, "homeCare", "perDay"): return "how many times a day, for example 2"
    case (.plan, "homeCare", "sets"): return "how many sets, for example 2"
    case (.plan, "homeCare", "breaths"): return "how many slow breaths, for example 10"
    case (.plan, "homeCare", "hold"), (.plan, "homeCare", "rest"), (.plan, "homeCare", "duration"),
      (.plan, "homeCare", "every"):
      return Self.timeHint
    case (.layout, "margins", _): return "margins are in points (72 to the inch); 36 is half an inch"
    case (.layout, "type", "lineHeight"): return "a multiple of the type size; 1.4 reads well"
    case (.layout, "type", _): return "type sizes are in points; body text is 12 in a handout, 18 in large print"
    case (.layout, "", "homeCareColumns"): return "how many home-care cards sit side by side: 1 to 4"
    case (.layout, "sections", "columns"): return "1 to 4 columns"
    case (.layout, "fold", "panels"): return "panel widths are in points; 3.6875 in is 265.5"
    case (.layout, "fold", "bleed"): return "0.125 in (9 points) is the usual bleed"
    case (.layout, "fold", "safeMargin"): return "0.25 in (18 points) is the usual safe margin"
    default: return nil
    }
  }

  private func typeHint(_ expected: Problem.Expectation, _ found: Problem.Found) -> String {
    guard input == .plan else { return formatHint }
    switch expected {
    case .object: return "write it as {\"key\": value, …}; Docs/plan-format.md describes every field"
    case .wholeNumber: return meaning ?? "write a number without quotes"
    case .date: return "for example \"2026-11-20\", in quotes"
    case .appointment: return "for example \"2026-11-27T10:30\""
    case .time: return Self.timeHint
    case .arrayOfStrings:
      if case .string(let single) = found { return "put it in brackets: [\(quoted(String(single.prefix(30))).dropLast())…\"]" }
    case .string:
      if case .index? = path?.components.last { return "write the text in double quotes" }
    default: break
    }
    return "write \(describe(expected)) here; Docs/plan-format.md describes every field"
  }

  private func describe(_ expected: Problem.Expectation) -> String {
    switch expected {
    case .object(let what): "\(what) (a JSON object in braces)"
    case .array: "an array"
    case .arrayOfStrings: "an array of strings"
    case .string: "a string"
    case .bool: "true or false"
    case .number: "a number"
    case .wholeNumber(let range): describe(.whole(range))
    case .date: "a date as a string \"YYYY-MM-DD\""
    case .appointment: "the next appointment as \"YYYY-MM-DDTHH:MM\""
    case .time: "a time"
    case .oneOf(let values):
      values.count < 2
        ? values.map(quoted).joined()
        : values.dropLast().map(quoted).joined(separator: ", ") + " or " + quoted(values.last!)
    }
  }

  private func describe(_ found: Problem.Found, for expected: Problem.Expectation) -> String {
    switch (found, expected) {
    case (.value(let kind), _): kind
    case (.string, .arrayOfStrings): "a single string"
    case (.string(let text), _): quoted(text)
    }
  }

  private func describe(_ bounds: Problem.Bounds) -> String {
    switch bounds {
    case .whole(let range) where range.lowerBound == .min && range.upperBound == .max: "a whole number"
    case .whole(let range) where range.upperBound == .max: "a whole number of at least \(range.lowerBound)"
    case .whole(let range): "a whole number from \(range.lowerBound) to \(range.upperBound)"
    case .real(let range): "a number from \(formatNumber(range.lowerBound)) to \(formatNumber(range.upperBound))"
    }
  }

  private func describe(_ list: Problem.ListSize) -> String {
    let name = ["homeCare": "the home program", "faq": "the FAQ", "techniques": "the list of techniques"][list.name] ?? list.name
    return "\(name) has \(list.count) \(list.count == 1 ? "item" : "items")"
  }

  private func syntaxMessage(_ syntax: Problem.JSONSyntax) -> String {
    switch syntax {
    case .trailingContent(let found): "unexpected \(found) after the end of the JSON value"
    case .emptyFile: "the file is empty; expected a JSON object"
    case .expectedValue(let found): "unexpected \(found); expected a value"
    case .singleQuotes: "strings must use double quotes (\"), not single quotes"
    case .unexpectedEnd(.object): "unexpected end of file inside an object"
    case .unexpectedEnd(.array): "unexpected end of file inside an array"
    case .unexpectedEnd(.string): "unexpected end of file inside a string"
    case .trailingComma(let bracket): "trailing comma before '\(bracket)'"
    case .expectedKey(let found): "unexpected \(found); expected a key in double quotes"
    case .expectedColon(let key, let found): "unexpected \(found); expected ':' after the key \(quoted(key))"
    case .expectedSeparator(let closing, let found): "unexpected \(found); expected ',' or '\(closing)' after a value"
    case .unterminatedString: "a string runs to the end of the line; close it with \" or write \\n"
    case .controlCharacterInString: "a control character inside a string; write it as an escape such as \\t"
    case .loneSurrogate(let value): "a lone UTF-16 surrogate \\u\(String(value, radix: 16)) in a string"
    case .invalidSurrogatePair: "an invalid UTF-16 surrogate pair"
    case .invalidEscape(let text): "an invalid escape \\\(text) in a string"
    case .shortUnicodeEscape: "\\u must be followed by four hexadecimal digits"
    case .malformedNumber(.minusWithoutDigits): "a '-' must be followed by digits"
    case .malformedNumber(.leadingZero): "numbers must not have leading zeros"
    case .malformedNumber(.pointWithoutDigits): "a decimal point must be followed by digits"
    case .malformedNumber(.exponentWithoutDigits): "an exponent must have digits"
    case .numberTooLarge(let text): "the number \(text.count > 40 ? String(text.prefix(40)) + "…" : text) is too large"
    }
  }

  private func fileMessage(_ fault: InputFile.Problem) -> String {
    switch fault {
    case .cannotOpen(let reason): "cannot open the file: \(reason)"
    case .notAFile(let isFolder): isFolder ? "this is a folder, not a file" : "this is not a regular file"
    case .tooLarge(let bytes?, let limit): "the file is \(bytes.grouped) bytes; the limit is \(limit.grouped)"
    case .tooLarge(nil, let limit): "the input is more than \(limit.grouped) bytes, the limit"
    case .cannotRead(let reason): "cannot read the file: \(reason)"
    }
  }

  private func fileHint(_ fault: InputFile.Problem) -> String {
    switch fault {
    case .cannotOpen: "check the path and the file's permissions"
    case .notAFile: "name a JSON file"
    case .tooLarge: "a plan, layout or catalogue is a few kilobytes: is this the right file?"
    case .cannotRead: "check the file and the disk"
    }
  }

  private func logoMessage(_ name: String, _ fault: Problem.LogoFault) -> String {
    switch fault {
    case .outsideFolder: "the logo \(name) is outside the plan's folder"
    case .file(.cannotOpen(let reason), let resolved): "the logo file \(name) cannot be opened (looked for \(resolved)): \(reason)"
    case .file(.notAFile, _): "the logo \(name) is not a file"
    case .file(.tooLarge(let bytes, let limit), _):
      "the logo \(name) is \(bytes.map { "\($0.grouped) bytes" } ?? "more than \(limit.grouped) bytes"); the limit is \(limit.grouped)"
    case .file(.cannotRead, _): "the logo file \(name) cannot be read"
    case .notAnImage: "the logo \(name) is not an SVG, PNG or JPEG image"
    case .tooManyPixels(let format, let width, let height, let limit):
      "the logo \(name) (\(format.uppercased())) is \(width) × \(height) pixels; the limit is \(limit.grouped) pixels"
    case .malformed(let format, let reason): "the logo \(name) (\(format.uppercased())) cannot be decoded: \(reason)"
    case .entities(let format, let reason): "the logo \(name) (\(format.uppercased())) is refused: \(reason)"
    case .undecodable(let format): "the logo \(name) cannot be decoded as \(format.uppercased())"
    }
  }

  private func logoHint(_ fault: Problem.LogoFault) -> String {
    switch fault {
    case .outsideFolder: "move the logo next to the plan, or pass --allow-outside-assets if you trust this plan"
    case .file(.cannotOpen, _): "logo paths are relative to the plan file's folder"
    case .file(.notAFile, _): "name an SVG, PNG or JPEG file"
    case .file(.tooLarge, _): "a logo needs far less: save it as SVG, or as a PNG of about 600 × 600 pixels"
    case .file(.cannotRead, _): "check the file's permissions"
    case .notAnImage: "save the logo as SVG (best for print), PNG or JPEG"
    case .tooManyPixels: "a logo needs about 600 × 600 pixels: scale it down, or save it as SVG"
    case .malformed, .undecodable: "open it in an image editor and save it again"
    case .entities: "save the SVG again without a DOCTYPE (\"Plain SVG\" in Inkscape)"
    }
  }

  private func webAddressMessage(_ text: String, _ fault: WebAddress.Problem) -> String {
    let shown = Self.shown(text).debugDescription
    return switch fault {
    case .missingScheme: "\(shown) is not a web address"
    case .scheme(let scheme): "\(shown) is a \(quoted(scheme + ":")) address; only https: and http: web addresses are allowed"
    case .host: "\(shown) has no valid host name after \"//\""
    case .userInfo: "\(shown) holds a user name or password before the host"
    case .port: "\(shown) has a port that is not a number from 1 to 65535"
    case .character(let character, let position):
      "\(shown) holds \(character.debugDescription) (\(character.unicodeScalars.first.map { codePoint($0.value) } ?? "")) "
        + "at character \(position), which a web address cannot hold"
    case .percentEscape(let position):
      "\(shown) has a \"%\" at character \(position) that is not followed by two hexadecimal digits"
    }
  }

  private func webAddressHint(_ fault: WebAddress.Problem) -> String {
    switch fault {
    case .missingScheme: "write the full address, starting with https://"
    case .scheme: "a handout links only to web pages: write an address starting with https://"
    case .host: "write it as https://example.com/page"
    case .userInfo: "remove everything between \"//\" and \"@\", including the \"@\""
    case .port: "remove the \":port\" part, or correct it"
    case .character: "percent-encode it (a space is %20), or copy the address again from the browser's address bar"
    case .percentEscape: "write a percent sign itself as %25"
    }
  }

  private func doseHint(_ kind: String) -> String {
    switch kind {
    case "stretch": "for example \"hold\": \"30 s\", \"repeat\": 3, \"perDay\": 2"
    case "exercise": "for example \"repeat\": 10, \"perDay\": 2"
    case "activity": "for example \"duration\": \"10 min\", \"perDay\": 2"
    case "breaks": "for example \"duration\": \"2 min\", \"every\": \"45 min\""
    case "heatCold": "for example \"duration\": \"15 min\", \"when\": \"after a flare-up\""
    case "breathing": "for example \"duration\": \"5 min\" or \"breaths\": 10, and \"perDay\": 2"
    default: "for example \"perDay\": 5, or \"when\": \"in the car\""
    }
  }

  /// The longest piece of a plan's own text a message repeats: standard error stays short
  /// however long the text at fault is.
  static let shownCharacters = 100

  /// `text`, cut to ``shownCharacters`` with an ellipsis.
  static func shown(_ text: String) -> String {
    text.count > shownCharacters ? String(text.prefix(shownCharacters)) + "…" : text
  }

  /// `text` in double quotes, cut to ``shownCharacters``.
  private func quoted(_ text: String) -> String {
    "\"\(Self.shown(text))\""
  }

  private func hex(_ byte: UInt8) -> String {
    let digits = String(byte, radix: 16, uppercase: true)
    return "0x" + (digits.count == 1 ? "0" + digits : digits)
  }

  private func codePoint(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }
}
