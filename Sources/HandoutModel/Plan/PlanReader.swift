/// Reads a plan file: parses the JSON, checks every field's type and range, and builds a ``Plan``.
///
/// Every problem is collected, so one run reports them all. Checks that need the catalogue
/// (unknown ids) run later, using ``ReadPlan/location(of:)`` to cite positions.
public struct PlanReader: Sendable {
  /// The file name used in diagnostics; `nil` for standard input.
  public var file: String?

  public init(file: String?) {
    self.file = file
  }

  /// Reads a plan; the result holds the plan when there were no errors, and every diagnostic.
  /// `parsed` is `bytes` already parsed (a batch parses each plan once, to name its output).
  public func read(_ bytes: [UInt8], parsed: JSONValue? = nil) -> ReadPlan {
    let sink = DiagnosticSink(file: file)
    guard bytes.count <= PlanLimits.fileBytes else {
      sink.error(.file(.tooLarge(bytes: nil, limit: PlanLimits.fileBytes)), at: nil, path: nil)
      return ReadPlan(plan: nil, diagnostics: sink.diagnostics, root: nil)
    }
    let root: JSONValue
    do throws(JSONReader.SyntaxError) {
      if let parsed { root = parsed } else { root = try JSONReader.parse(bytes) }
    } catch {
      sink.error(error.problem, at: error.location, path: error.path)
      return ReadPlan(plan: nil, diagnostics: sink.diagnostics, root: nil)
    }
    let characters = root.textCharacterCount
    if characters > PlanLimits.totalTextCharacters {
      sink.error(.tooMuchText(count: characters, limit: PlanLimits.totalTextCharacters), at: root.location, path: .root)
      return ReadPlan(plan: nil, diagnostics: sink.diagnostics, root: root)
    }
    var reading = PlanReading(sink: sink)
    let plan = reading.plan(root)
    var read = ReadPlan(plan: sink.hasErrors ? nil : plan, diagnostics: sink.diagnostics, root: root)
    read.partialPlan = plan
    return read
  }
}

/// The outcome of reading a plan file.
public struct ReadPlan: Sendable {
  /// The plan, `nil` when any error was found.
  public var plan: Plan?
  public var diagnostics: [Diagnostic]
  /// The parsed JSON, kept to cite positions in later checks.
  public var root: JSONValue?
  /// What could be read even when there were errors (a field in error is left out), so that
  /// later checks (catalogue ids) still run and one pass reports every problem.
  public var partialPlan: Plan?

  /// Whether reading found errors (warnings do not count).
  public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

  /// The position of the value at `path`, or of its nearest existing parent.
  public func location(of path: JSONPath) -> SourceLocation? {
    root?.location(of: path)
  }

  /// The value at `path`, when it exists.
  public func value(at path: JSONPath) -> JSONValue? {
    root?.value(at: path)
  }
}

private struct PlanReading {
  let sink: DiagnosticSink

  mutating func plan(_ root: JSONValue) -> Plan {
    var plan = Plan()
    guard var r = JSONObjectReader(root, path: .root, sink: sink, what: "a plan") else {
      return plan
    }
    r.accept("$schema")
    if let format = r.value("format") {
      _ = JSONObjectReader.int(format, in: 1...1, path: .root.appending("format"), sink: sink)
    } else {
      sink.error(.missingKey("format"), at: root.location, path: .root.appending("format"))
    }
    plan.layout = r.string("layout")
    if let language = r.string("language") {
      if LanguageTag.isWellFormed(language) {
        plan.language = language
      } else {
        sink.error(.notALanguageTag(language), at: r.value("language")?.location, path: .root.appending("language"))
      }
    }
    plan.date = date(&r, "date")
    plan.title = r.string("title")
    plan.subtitle = r.string("subtitle", limit: PlanLimits.longTextCharacters)
    if let value = r.value("clinic") { plan.clinic = clinic(value, .root.appending("clinic")) }
    if let value = r.value("therapist") {
      plan.therapist = person(value, .root.appending("therapist"), what: "the therapist") { name, r in
        var therapist = Therapist(name: name)
        therapist.credentials = r.string("credentials")
        return therapist
      }
    }
    if let value = r.value("client") {
      plan.client = person(value, .root.appending("client"), what: "the client") { name, r in
        var client = Client(name: name)
        client.id = r.string("id")
        client.email = r.string("email")
        return client
      }
    }
    if let value = r.value("condition") {
      plan.condition = condition(value, .root.appending("condition"))
    }
    plan.goals = r.strings("goals")
    if let value = r.value("sessions") { plan.sessions = sessions(value, .root.appending("sessions")) }
    plan.techniques = r.array("techniques").compactMap { item($0, $1, kind: .technique) }
    plan.homeCare = r.array("homeCare").compactMap { item($0, $1, kind: .homeCare) }
    plan.faq = r.array("faq").compactMap { item($0, $1, kind: .faq) }
    plan.benefits = r.array("benefits").compactMap { item($0, $1, kind: .benefit) }
    plan.takeaways = r.strings("takeaways")
    plan.precautions = r.strings("precautions")
    plan.notes = r.string("notes", limit: PlanLimits.notesCharacters)
    plan.showRedFlags = r.bool("showRedFlags") ?? true
    if plan.client == nil, plan.title == nil, !sink.hasErrors {
      sink.error(.needsClientOrTitle, at: root.location, path: .root)
    }
    r.finish()
    return plan
  }

  func date(_ r: inout JSONObjectReader, _ key: String) -> CalendarDate? {
    guard let value = r.value(key) else { return nil }
    let path = r.path.appending(key)
    guard case .string(let text) = value.kind else {
      sink.error(.expectedType(expected: .date, found: .value(value.typeDescription)), at: value.location, path: path)
      return nil
    }
    guard let date = CalendarDate(iso: text) else {
      sink.error(.notADate(text), at: value.location, path: path)
      return nil
    }
    return date
  }

  func clinic(_ value: JSONValue, _ path: JSONPath) -> Clinic? {
    guard var r = JSONObjectReader(value, path: path, sink: sink, what: "the clinic") else {
      return nil
    }
    defer { r.finish() }
    let name = r.string("name", required: true)
    var clinic = Clinic(name: name ?? "")
    clinic.phone = r.string("phone")
    clinic.email = r.string("email")
    if let email = clinic.email, !email.isPlausibleEmail {
      sink.error(.notAnEmailAddress(email), at: r.value("email")?.location, path: path.appending("email"))
    }
    clinic.website = url(&r, "website")
    clinic.bookingUrl = url(&r, "bookingUrl")
    clinic.address = r.string("address")
    if let hex = r.string("brandColor") {
      clinic.brandColor = RGBColor(hex: hex)
      if clinic.brandColor == nil {
        sink.error(.notAColour(hex), at: r.value("brandColor")?.location, path: path.appending("brandColor"))
      }
    }
    clinic.logo = r.string("logo")
    clinic.country = r.string("country")
    return name == nil ? nil : clinic
  }

  func url(_ r: inout JSONObjectReader, _ key: String) -> String? {
    guard let text = r.string(key, limit: Int.max) else { return nil }
    let path = r.path.appending(key)
    if text.unicodeScalars.count > WebAddress.maximumLength {
      sink.error(
        .webAddressTooLong(count: text.unicodeScalars.count, limit: WebAddress.maximumLength), at: r.value(key)?.location,
        path: path)
      return nil
    }
    if let problem = WebAddress.problem(in: text) {
      sink.error(.notAWebAddress(text, problem), at: r.value(key)?.location, path: path)
      return nil
    }
    return text
  }

  func person<T>(
    _ value: JSONValue, _ path: JSONPath, what: String,
    _ build: (String, inout JSONObjectReader) -> T
  ) -> T? {
    guard var r = JSONObjectReader(value, path: path, sink: sink, what: what) else { return nil }
    defer { r.finish() }
    let name = r.string("name", required: true)
    let result = build(name ?? "", &r)
    if let email = r.members.first(where: { $0.key == "email" }),
      case .string(let text) = email.value.kind, !text.isPlausibleEmail
    {
      sink.error(.notAnEmailAddress(text), at: email.value.location, path: path.appending("email"))
    }
    return name == nil ? nil : result
  }

  func condition(_ value: JSONValue, _ path: JSONPath) -> Condition? {
    guard var r = JSONObjectReader(value, path: path, sink: sink, what: "the condition") else {
      return nil
    }
    defer { r.finish() }
    let id = r.string("id", required: true)
    var condition = Condition(id: id ?? "")
    condition.side = side(&r)
    condition.summary = r.string("summary", limit: PlanLimits.longTextCharacters)
    condition.symptoms = r.strings("symptoms")
    condition.painAreas = r.strings("painAreas")
    condition.painScore = r.int("painScore", in: 0...10)
    return id == nil ? nil : condition
  }

  func side(_ r: inout JSONObjectReader) -> BodySide? {
    // Read as a raw value: an empty string is not "no side", it is a mistake to report.
    guard let value = r.value("side") else { return nil }
    guard case .string(let text) = value.kind else {
      r.typeMismatch(value, key: "side", expected: .oneOf(["left", "right", "both"]))
      return nil
    }
    guard let side = BodySide(rawValue: text) else {
      sink.error(.notASide(text), at: r.value("side")?.location, path: r.path.appending("side"))
      return nil
    }
    return side
  }

  func sessions(_ value: JSONValue, _ path: JSONPath) -> Sessions? {
    guard var r = JSONObjectReader(value, path: path, sink: sink, what: "the sessions") else {
      return nil
    }
    defer { r.finish() }
    var sessions = Sessions()
    if let every = r.value("every") {
      sessions.every = frequency(every, path.appending("every"))
    }
    sessions.planned = r.int("planned", in: 1...1000)
    sessions.minutes = r.int("minutes", in: 5...600)
    if let next = r.value("next") {
      if case .string(let text) = next.kind, let dateTime = LocalDateTime(iso: text) {
        sessions.next = dateTime
      } else {
        sink.error(.expectedType(expected: .appointment, found: found(next)), at: next.location, path: path.appending("next"))
      }
    }
    for (element, elementPath) in r.array("history") {
      guard var h = JSONObjectReader(element, path: elementPath, sink: sink, what: "a session")
      else { continue }
      let date = date(&h, "date")
      if date == nil, !h.has("date") { h.missing("date") }
      let before = h.int("painBefore", in: 0...10)
      let after = h.int("painAfter", in: 0...10)
      let techniques = h.strings("techniques")
      h.finish()
      if let date {
        var record = SessionRecord(date: date)
        record.painBefore = before
        record.painAfter = after
        record.techniques = techniques
        sessions.history.append(record)
      }
    }
    return sessions
  }

  func frequency(_ value: JSONValue, _ path: JSONPath) -> Frequency? {
    guard var r = JSONObjectReader(value, path: path, sink: sink, what: "a frequency") else {
      return nil
    }
    defer { r.finish() }
    let count = r.int("count", in: 1...31, required: true)
    var unit: Frequency.Unit?
    if let text = r.string("unit", required: true) {
      unit = Frequency.Unit(rawValue: text)
      if unit == nil {
        sink.error(.notAUnitOfTime(text), at: r.value("unit")?.location, path: path.appending("unit"))
      }
    }
    guard let count, let unit else { return nil }
    return Frequency(count: count, unit: unit)
  }

  func item(_ value: JSONValue, _ path: JSONPath, kind: ItemKind) -> PlanItem? {
    if case .string(let id) = value.kind {
      return PlanItem(id: id)
    }
    guard var r = JSONObjectReader(
      value, path: path, sink: sink, what: "a catalogue id in quotes or an object")
    else { return nil }
    defer { r.finish() }
    var item = PlanItem(id: r.string("id"))
    item.note = r.string("note", limit: PlanLimits.longTextCharacters)
    switch kind {
    case .technique, .benefit:
      item.title = r.string("title")
      item.description = r.string("description", limit: PlanLimits.longTextCharacters)
      if item.id == nil { requireCustom(&r, item.title, "title", item.description, "description") }
    case .faq:
      item.question = r.string("question")
      item.answer = r.string("answer", limit: PlanLimits.longTextCharacters)
      if item.id == nil { requireCustom(&r, item.question, "question", item.answer, "answer") }
    case .homeCare:
      item.title = r.string("title")
      item.description = r.string("description", limit: PlanLimits.longTextCharacters)
      if r.has("steps") { item.steps = r.strings("steps", limit: PlanLimits.longTextCharacters) }
      if item.id == nil {
        requireCustom(&r, item.title, "title", item.steps?.first, "steps")
      }
      item.dosage.side = side(&r)
      item.dosage.holdSeconds = seconds(&r, "hold")
      item.dosage.repetitions = r.int("repeat", in: 1...100)
      item.dosage.perDay = r.int("perDay", in: 1...24)
      item.dosage.sets = r.int("sets", in: 1...20)
      item.dosage.restSeconds = seconds(&r, "rest")
      item.dosage.durationSeconds = seconds(&r, "duration")
      item.dosage.everySeconds = seconds(&r, "every")
      item.dosage.when = r.string("when")
      item.dosage.breaths = r.int("breaths", in: 1...100)
      item.feel = r.string("feel")
      item.videoUrl = url(&r, "videoUrl")
    }
    return item
  }

  func requireCustom(
    _ r: inout JSONObjectReader, _ first: String?, _ firstKey: String, _ second: String?,
    _ secondKey: String
  ) {
    if first == nil || second == nil {
      let absent = first == nil ? firstKey : secondKey
      sink.error(.incompleteEntry(first: firstKey, second: secondKey, missing: absent), at: r.location, path: r.path)
    }
  }

  /// A duration: a number of seconds, or a string such as "30 s" or "2 min".
  func seconds(_ r: inout JSONObjectReader, _ key: String) -> Int? {
    guard let value = r.value(key) else { return nil }
    let path = r.path.appending(key)
    switch value.kind {
    case .number:
      return JSONObjectReader.int(value, in: 1...3600, path: path, sink: sink)
    case .string(let text):
      if let seconds = DurationText.seconds(text), (1...3600).contains(seconds) { return seconds }
      sink.error(.notADuration(text), at: value.location, path: path)
      return nil
    default:
      sink.error(.expectedType(expected: .time, found: .value(value.typeDescription)), at: value.location, path: path)
      return nil
    }
  }

  func found(_ value: JSONValue) -> Problem.Found {
    if case .string(let text) = value.kind { return .string(text) }
    return .value(value.typeDescription)
  }
}

private enum ItemKind { case technique, homeCare, faq, benefit }

/// Reads durations written for people: "30 s", "45 seconds", "2 min", "1.5 minutes".
public enum DurationText {
  /// The number of whole seconds, or `nil` when the text is not a duration.
  public static func seconds(_ text: String) -> Int? {
    let trimmed = text.trimmingWhitespace.lowercased()
    let digits = trimmed.prefix { $0.isNumber || $0 == "." }
    guard let amount = Double(digits), amount > 0 else { return nil }
    let unit = String(trimmed.dropFirst(digits.count)).trimmingWhitespace
    let factor: Double
    switch unit {
    case "", "s", "sec", "secs", "second", "seconds": factor = 1
    case "m", "min", "mins", "minute", "minutes": factor = 60
    default: return nil
    }
    let seconds = amount * factor
    return seconds.rounded() == seconds ? Int(seconds) : nil
  }
}

extension String {
  var isPlausibleEmail: Bool {
    let parts = split(separator: "@", omittingEmptySubsequences: false)
    return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".")
      && !contains { $0.isWhitespace || $0.asciiValue.map { $0 < 0x20 } == true }
  }
}
