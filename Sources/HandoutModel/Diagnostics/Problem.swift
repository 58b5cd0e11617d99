/// What is wrong with an input, as a fact: the values that matter and nothing worded.
///
/// A ``Diagnostic`` carries one problem with its place (file, line and column, JSON path) and
/// its severity; `Problem+Message.swift` is the one place that words a problem as a message and
/// a hint, so that tests assert exact sentences and every refusal says how to fix it.
public enum Problem: Sendable, Hashable {
  // MARK: Files

  /// A file could not be read: missing, a folder, too large, unreadable.
  case file(InputFile.Problem)
  /// The layout file a plan names cannot be read, by the name the plan gives.
  case layoutFile(String, InputFile.Problem)
  /// A batch input names neither a file nor a folder.
  case noSuchInput
  /// A batch input folder holds no `.json`, `.ndjson` or `.jsonl` file.
  case folderHoldsNoPlans
  /// Standard input (`-`) is named more than once.
  case standardInputNamedTwice
  /// An input stopped being readable part way through; the records before it stand.
  case cannotReadFurther(reason: String)

  // MARK: JSON text

  /// The text breaks the JSON grammar (RFC 8259).
  case syntax(JSONSyntax)
  /// The file is UTF-16 (it starts with a byte order mark): Handout reads UTF-8.
  case utf16Text
  /// Bytes that are not UTF-8 (RFC 3629).
  case invalidUTF8(UTF8Fault)
  /// A NUL character (U+0000) inside a string.
  case nulCharacter
  /// A Unicode noncharacter (U+FFFE, U+FDD0 …) inside a string, by its code point.
  case noncharacter(UInt32)
  /// An object holds the same key twice; `first` is where it first appears.
  case duplicateKey(String, first: SourceLocation)
  /// Arrays and objects nest deeper than `limit`.
  case tooDeep(limit: Int)

  // MARK: Structure

  /// A value of the wrong type.
  case expectedType(expected: Expectation, found: Found)
  /// A number outside what the field takes, or not whole where it must be.
  case outOfRange(value: Double, bounds: Bounds)
  /// A required key is absent; `misspelling` is a present key that looks like a typo of it.
  case missingKey(String, misspelling: Misspelling? = nil)
  /// A key no reader asked for, with the nearest known key and the keys known there.
  case unknownKey(String, nearest: String?, known: [String], isIgnored: Bool)
  /// A string that is not one of the values a field takes (a decoded enum).
  case unknownValue(String)
  /// A value its type refused, in that type's own words (a layout file's break kind).
  case invalidValue(reason: String)
  /// A required text holds only white space.
  case empty
  /// A text longer than its field takes, in characters.
  case tooLong(count: Int, limit: Int)
  /// A text holding a run of characters without a space longer than `limit`.
  case unbrokenRun(count: Int, limit: Int)
  /// A list longer than lists may be.
  case tooManyItems(count: Int, limit: Int)
  /// A plan holding more text in all than a plan may.
  case tooMuchText(count: Int, limit: Int)

  // MARK: Plan values

  /// A `language` that is not a BCP 47 tag.
  case notALanguageTag(String)
  /// A date that does not exist or is not written `YYYY-MM-DD`.
  case notADate(String)
  /// A text given as an email address that is not one.
  case notAnEmailAddress(String)
  /// A `brandColor` that is not `#RRGGBB`.
  case notAColour(String)
  /// A `side` other than left, right or both.
  case notASide(String)
  /// A frequency `unit` other than day, week or month.
  case notAUnitOfTime(String)
  /// A duration text that is not a time from 1 s to 60 min.
  case notADuration(String)
  /// A web address longer than ``WebAddress/maximumLength``.
  case webAddressTooLong(count: Int, limit: Int)
  /// A text that is not an `http` or `https` web address (RFC 3986), and why.
  case notAWebAddress(String, WebAddress.Problem)
  /// A plan entry of the clinic's own (no `id`) that lacks one of the two fields it needs.
  case incompleteEntry(first: String, second: String, missing: String)
  /// A plan with neither a `client` nor a `title`.
  case needsClientOrTitle

  // MARK: Catalogue and layout

  /// An id the catalogue (or the layouts, or the body map) does not have.
  case unknownID(String, kind: IDKind, nearest: String?, known: [String] = [])
  /// A layout that is not built in, where only built-in layouts may be set (`handout serve`).
  case onlyBuiltInLayouts(String, builtIn: [String])
  /// A country code for which no emergency number is known.
  case noEmergencyNumber(country: String, known: [String])
  /// A `country` that is not a two-letter code.
  case notACountryCode(String, known: [String])
  /// The clinic names no country, so the red flags cannot name the number to call.
  case noCountry
  /// The clinic names no country, and its address shows one: the red flags print its number.
  case countryFromAddress(country: String, number: String)
  /// Catalogue entries a layout prints that have no text in the plan's language.
  case untranslated(language: String, layout: String, entries: [String], builtInLanguages: [String])
  /// A fold whose `panels` list does not hold three widths.
  case foldPanelCount(Int)
  /// A fold's `outsideOrder` that does not name each panel once.
  case foldOrder(panels: Int)

  // MARK: Prose and doses (warnings)

  /// A sentence of more words than a client follows easily.
  case longSentence(words: Int)
  /// English prose above the reading grade handouts aim for.
  case readingGrade(Int)
  /// A medical word the plan's text uses without saying what it is, and its plain meaning.
  case medicalWord(String, plain: String)
  /// A dose field that does not apply to the kind of home-care item.
  case doseDoesNotApply(field: String, item: String, allowed: [String], kind: String)
  /// Two dose fields that say the same thing (how often, how much) and may disagree.
  case doseSaidTwice(String, String, aspect: DoseAspect)
  /// A home-care card of the clinic's own without a purpose line.
  case missingPurpose
  /// A home-care card of the clinic's own without a "what you should feel" line.
  case missingFeel

  // MARK: Images

  /// The clinic logo, by the name the plan gives, cannot be used.
  case logo(String, LogoFault)

  // MARK: Pages

  /// A document needing more pages than a document may have.
  case tooManyPages(count: Int, limit: Int)
  /// A folded brochure needing more than its two sides.
  case foldedTooLong(pages: Int)
  /// A layout's page budget not met even with every compaction.
  /// `pages` counts the sheet; `followOn` the pages of a follow-on sheet after it.
  case overBudget(layout: String, pages: Int, budget: Int, followOn: Int = 0, compaction: String, lists: [ListSize])

  // MARK: Email

  /// An email needs the clinic's or the client's address, and the plan has none.
  case missingAddress(owner: String)
  /// A header value holding a control character (header injection), by its code point.
  case controlCharacter(UInt32)
  /// An address an email cannot be sent to (not a plain ASCII `local@domain`).
  case notASendableAddress(String)
  /// An email was asked for a plan without both addresses.
  case emailNeedsAddresses
  /// The email subject, from the catalogue's label, holds a control character.
  case subjectControlCharacter
  /// The output folder's send ledger records emails already sent.
  case wouldSendAgain(sent: Int, unconfirmed: Int)

  // MARK: Command line

  /// A multi-page PNG or SVG asked to go to standard output.
  case onePagePerFile(pages: Int, format: String)
  /// Something failed that is not the input's fault (exit 1), in the words of what failed.
  case failure(String)
  /// The printing or mail system did not take a job (exit 69), in its words.
  case unavailable(String, hint: String?)
}

extension Problem {
  /// What the JSON grammar expected where the text broke it.
  public enum JSONSyntax: Sendable, Hashable {
    /// Something after the end of the document's value (`found` as ``describe``d).
    case trailingContent(found: String)
    /// The file holds nothing but white space.
    case emptyFile
    /// No value where one must be.
    case expectedValue(found: String)
    /// A string in single quotes.
    case singleQuotes
    /// The file ends inside an object, an array or a string.
    case unexpectedEnd(inside: Container)
    /// A comma just before `}` or `]`.
    case trailingComma(before: Character)
    /// No key in double quotes where an object's key must be.
    case expectedKey(found: String)
    /// No `:` after a key.
    case expectedColon(key: String, found: String)
    /// Neither `,` nor the closing bracket after a value.
    case expectedSeparator(closing: Character, found: String)
    /// A line break inside a string.
    case unterminatedString
    /// A control character inside a string.
    case controlCharacterInString
    /// A `\u` escape of a lone UTF-16 surrogate.
    case loneSurrogate(UInt32)
    /// A high surrogate escape followed by something other than a low one.
    case invalidSurrogatePair
    /// A backslash followed by a character that is no escape.
    case invalidEscape(String)
    /// `\u` not followed by four hexadecimal digits.
    case shortUnicodeEscape
    /// A number written against the grammar.
    case malformedNumber(NumberFault)
    /// A number too large for a double.
    case numberTooLarge(String)

    /// Where the text ended early.
    public enum Container: String, Sendable, Hashable { case object, array, string }
    /// How a number breaks the grammar.
    public enum NumberFault: Sendable, Hashable { case minusWithoutDigits, leadingZero, pointWithoutDigits, exponentWithoutDigits }
  }

  /// How bytes fail to be UTF-8, with the byte that starts the sequence.
  public enum UTF8Fault: Sendable, Hashable {
    /// A byte that cannot start a character (a continuation byte, 0xC0, 0xFF …).
    case cannotStart(UInt8)
    /// A sequence cut short.
    case cutShort(UInt8)
    /// An overlong form, or past U+10FFFF.
    case overlong(UInt8)
    /// An encoded UTF-16 surrogate (CESU-8), by its first two bytes.
    case surrogate(UInt8, UInt8)
  }

  /// What a field takes, as the message says it.
  public enum Expectation: Sendable, Hashable {
    /// An object, named as the reader knows it: "the client", "a session".
    case object(String)
    case array
    case arrayOfStrings
    case string
    case bool
    case number
    case wholeNumber(ClosedRange<Int>)
    /// A date written `YYYY-MM-DD`, as a string.
    case date
    /// The next appointment, `YYYY-MM-DDTHH:MM`.
    case appointment
    /// A duration: seconds, or a text such as "30 s".
    case time
    /// One of a few strings (a side: "left", "right" or "both").
    case oneOf([String])
  }

  /// What was there instead.
  public enum Found: Sendable, Hashable {
    /// A value of another type, as ``JSONValue/typeDescription`` names it ("a string").
    case value(String)
    /// A string, quoted in the message or hint.
    case string(String)
  }

  /// The numbers a field takes.
  public enum Bounds: Sendable, Hashable {
    case whole(ClosedRange<Int>)
    case real(ClosedRange<Double>)
  }

  /// A key present in an object that looks like a misspelling of a missing one.
  public struct Misspelling: Sendable, Hashable {
    public var key: String
    public var location: SourceLocation

    public init(key: String, location: SourceLocation) {
      self.key = key
      self.location = location
    }
  }

  /// What an id names.
  public enum IDKind: String, Sendable, Hashable {
    case condition, technique, homeCare = "home-care", faq = "FAQ", benefit
    case bodyMapRegion = "body-map region"
    case layout
  }

  /// What two dose fields both say.
  public enum DoseAspect: String, Sendable, Hashable {
    case howOften = "how often"
    case howMuch = "how much"
  }

  /// Why a logo cannot be used.
  public enum LogoFault: Sendable, Hashable {
    /// Outside the plan's folder, without `--allow-outside-assets`.
    case outsideFolder
    /// The file cannot be read; `resolved` is the path looked for.
    case file(InputFile.Problem, resolved: String)
    /// Neither SVG, PNG nor JPEG.
    case notAnImage
    /// More pixels than an image may have.
    case tooManyPixels(format: String, width: Int, height: Int, limit: Int)
    /// The image's own structure is broken (format, and why).
    case malformed(format: String, reason: String)
    /// An SVG refused for its entities or DOCTYPE.
    case entities(format: String, reason: String)
    /// The decoder could not decode it.
    case undecodable(format: String)
  }

  /// A list of a plan and how many items it holds, for the page-budget warning.
  public struct ListSize: Sendable, Hashable {
    public var name: String
    public var count: Int

    public init(name: String, count: Int) {
      self.name = name
      self.count = count
    }
  }
}
