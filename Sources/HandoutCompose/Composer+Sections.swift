import HandoutCatalog
import HandoutLayout
import HandoutModel

extension Composer {
  func header() -> [Block] {
    guard let clinic = plan.clinic else { return [] }
    var brand: [Block] = []
    if let logo = assets.logo {
      var image = logo
      // Tall enough that a logo's own words print at the body's small size or more.
      image.height = logoHeight
      brand.append(.image(image))
    } else {
      brand.append(.paragraph(Paragraph(clinic.name, style: styles.subheading.with { $0.color = palette.accent })))
    }
    var contact: [Span] = []
    func add(_ text: String?, link: String? = nil) {
      guard let text else { return }
      // The space keeps the lines separate words in the text layer (copied, read aloud).
      if !contact.isEmpty { contact.append(Span(" \n")) }
      contact.append(Span(text, link: link))
    }
    add(clinic.address)
    add(clinic.phone, link: clinic.phone.map(telephoneURI))
    add(clinic.email, link: clinic.email.map { "mailto:" + $0 })
    add(clinic.website.map(displayURL), link: clinic.website)
    if isLargeType {
      // One column in large print: the logo, then the contact lines, flush left.
      return brand + [.paragraph(Paragraph(contact, style: styles.small, spaceBefore: 8, spaceAfter: 10)), rule()]
    }
    let contactStyle = styles.small.with { $0.alignment = .end }
    return [
      .row(
        Row(
          cells: [
            Row.Cell(weight: 1, verticalAlignment: .center, brand),
            Row.Cell(weight: 1, verticalAlignment: .center, [.paragraph(Paragraph(contact, style: contactStyle))]),
          ], gap: 12, spaceAfter: space(10))),
      rule(),
    ]
  }

  func title() -> [Block] {
    if let title = plan.title {
      var blocks: [Block] = [.heading(Heading(level: 1, Paragraph(title, style: styles.title, spaceAfter: 4)))]
      if let subtitle = plan.subtitle { blocks.append(paragraph(subtitle, style: styles.subtitle, after: 14)) }
      return blocks
    }
    var blocks: [Block] = [
      .heading(Heading(level: 1, Paragraph(catalog.label(titleLabel), style: styles.title, spaceAfter: 4)))
    ]
    var line: [String] = []
    if let condition = conditionEntry { line.append(condition.name) }
    // The client and the plan's date in words, so the info row below need not repeat them.
    if let client = plan.client {
      line.append(
        plan.date.map { catalog.label("preparedForOn", ["name": client.name, "date": format.date($0)]) }
          ?? catalog.label("preparedFor", ["name": client.name]))
    }
    if !line.isEmpty { blocks.append(paragraph(line.joined(separator: "  ·  "), style: styles.subtitle, after: 14)) }
    return blocks
  }

  /// Whether the line under the layout's own title names the client and the plan's date
  /// ("Prepared for Jordan Alvarez on November 20, 2026"), so the info row need not.
  var titleLineNamesTheClient: Bool { plan.title == nil && plan.client != nil && spec.includes(.title) }

  func info() -> [Block] {
    var entries: [(label: String, value: [Span])] = []
    let titleLineSaysThem = titleLineNamesTheClient
    if let client = plan.client, !titleLineSaysThem { entries.append((catalog.label("client"), [Span(client.name)])) }
    if let therapist = plan.therapist {
      var value = [Span(therapist.name)]
      // The space keeps name and credentials separate words when copied or read aloud.
      if let credentials = therapist.credentials { value.append(Span(" \n" + credentials, color: palette.muted)) }
      entries.append((catalog.label("therapist"), value))
    }
    if let date = plan.date, !titleLineSaysThem { entries.append((catalog.label("date"), [Span(format.date(date))])) }
    if let next = plan.sessions?.next {
      entries.append((catalog.label("nextAppointment"), [Span.bold(format.dateTime(next))]))
    }
    guard !entries.isEmpty else { return [] }
    let labelStyle = styles.label.with { $0.color = palette.muted }
    return [
      .grid(
        LabelValueGrid(
          entries: entries, labelStyle: labelStyle, valueStyle: styles.body, columns: min(isLargeType ? 2 : 4, entries.count),
          rowSpacing: space(8), spaceAfter: space(16)))
    ]
  }

  func keyMessage() -> [Block] {
    var content: [Block] = [
      // A heading, so that the key message is found and read as a section with its body.
      .heading(Heading(level: 2, Paragraph(catalog.label("whatYouNeedToKnow"), style: styles.subheading.with { $0.color = palette.accent }, spaceAfter: 6)))
    ]
    // The main message first, under the heading: read even by a reader who reads no further,
    // and never cut from its box by a page break.
    if plan.client != nil {
      content.append(.paragraph(Paragraph([Span.bold(catalog.label("callToAction"))], style: styles.body, spaceAfter: space(6))))
    }
    if !plan.takeaways.isEmpty {
      content.append(bullets(plan.takeaways))
    } else if let summary = plan.condition?.summary {
      // The plan's own words replace the overview, which said what the condition is: its
      // name, printed under the title, is defined first, unless the sheet has the overview.
      if let entry = conditionEntry, let definition = entry.definition, !spec.includes(.condition) {
        content.append(
          .paragraph(
            Paragraph(
              [Span.bold(entry.name + ": "), Span(definition + ". " + summary)], style: styles.body, spaceAfter: space(6))))
      } else {
        content.append(paragraph(summary))
      }
    } else if let overview = conditionEntry?.overview {
      content.append(paragraph(overview))
    }
    // Each fact kept whole on its line: the line breaks only between facts.
    var facts: [String] = []
    if let score = plan.condition?.painScore {
      // The score with its scale: "6 out of 10" alone does not say which end is good.
      // Today's session in the history says which score this is: the one before it, with the
      // one after (the report's table shows both; "Pain today: 6" beside a 3 read as a mistake).
      let session = plan.sessions?.history.last { $0.date == plan.date && $0.painBefore == score && $0.painAfter != nil }
      let today = Formatter.unbreakable(
        session?.painAfter.map { catalog.label("painTodayBeforeAfter", ["before": String(score), "after": String($0)]) }
          ?? catalog.label("painToday", ["score": String(score)]))
      facts.append(today + " " + Formatter.unbreakable(catalog.label("painScale")))
    }
    if let every = plan.sessions?.every { facts.append(Formatter.unbreakable(format.frequency(every))) }
    if let planned = plan.sessions?.planned {
      facts.append(Formatter.unbreakable(catalog.label("planned", ["count": String(planned)])))
    }
    if let minutes = plan.sessions?.minutes {
      facts.append(Formatter.unbreakable(catalog.label("minutes", ["count": String(minutes)])))
    }
    if !facts.isEmpty { content.append(paragraph(facts.joined(separator: "\u{00A0}\u{00A0}·  "), after: 0)) }
    return callout(content, fill: palette.tint, accentBar: palette.accent, padding: boxPadding, spaceAfter: 4)
  }

  /// Large print: fewer columns, and boxes that may split rather than leave half a page empty.
  var isLargeType: Bool { spec.type.body >= 16 }

  /// A folded brochure: narrow panels, tighter spacing.
  var isFolded: Bool { spec.fold != nil }

  func condition() -> [Block] {
    guard let entry = conditionEntry else { return [] }
    var blocks = [heading(catalog.label("aboutYourCondition")), paragraph(entry.overview)]
    // A brochure's panels have room for the overview alone.
    if !entry.symptoms.isEmpty, !isFolded { blocks.append(bullets(entry.symptoms)) }
    return blocks
  }

  func symptoms() -> [Block] {
    guard let symptoms = plan.condition?.symptoms, !symptoms.isEmpty else { return [] }
    return [heading(catalog.label("yourSymptoms")), bullets(symptoms)]
  }

  func goals() -> [Block] {
    guard !plan.goals.isEmpty else { return [] }
    return [heading(catalog.label("yourGoals")), .list(
      ListBlock(
        marker: .number, items: plan.goals.map { [paragraph($0, after: 0)] },
        markerStyle: styles.body.with { $0.weight = .bold; $0.color = palette.accent }, indent: max(20, numberIndent),
        itemSpacing: 4, spaceAfter: 6))]
  }

  func techniques() -> [Block] {
    let items: [[Block]] = plan.techniques.compactMap { item in
      let name: String
      let summary: String
      if let id = item.id {
        guard let entry = catalog.technique(id) else { return nil }
        name = entry.name
        summary = entry.summary
      } else {
        name = item.title ?? ""
        summary = item.description ?? ""
      }
      var blocks: [Block] = [
        .paragraph(Paragraph([Span.bold(name + ". "), Span(summary)], style: styles.body, spaceAfter: 2))
      ]
      if let note = item.note {
        blocks.append(.paragraph(Paragraph(noteSpans(note), style: styles.body)))
      }
      return [.keepTogether(blocks)]
    }
    guard !items.isEmpty else { return [] }
    let title = plan.client == nil ? catalog.label("techniques") : catalog.label("todaysSession")
    return [heading(title), .list(
      ListBlock(marker: .square(palette.accent), items: items, markerStyle: styles.body, indent: 18, itemSpacing: isFolded ? 4 : 8, spaceAfter: 4))]
  }

  func homeCare() -> [Block] {
    let cards: [Block] = plan.homeCare.indices.compactMap(homeCareCard)
    guard !cards.isEmpty else { return [] }
    var blocks = [heading(catalog.label("homeProgram"))]
    // How to read the drawings, once, before the cards.
    let hasDrawings = plan.homeCare.contains { item in
      item.id.flatMap { catalog.homeCareEntry($0)?.illustration }.flatMap { Catalog.illustration(named: $0) } != nil
    }
    if hasDrawings {
      // It introduces the cards: never alone at a page's foot with its heading.
      let key = compacting.compactions.contains(.shorterText) ? "drawingKeyShort" : "drawingKey"
      blocks.append(
        .paragraph(Paragraph(catalog.label(key), style: styles.body, spaceAfter: space(8), keepsWithNext: true)))
    }
    // Each card goes into the shortest column, so uneven cards leave no holes.
    let columns = homeCareColumnCount
    blocks.append(.cards(
      Cards(
        count: columns, gap: 12, spacing: space(isFolded ? 8 : 12), cards: cards,
        fillsGaps: compacting.compactions.contains(.cardsFillGaps), spaceAfter: space(12))))
    return blocks
  }

  /// The width inside a home-care card's padding and border.
  var cardInnerWidth: Double {
    let cardWidth = (page.body.width - 12 * Double(homeCareColumnCount - 1)) / Double(homeCareColumnCount)
    return cardWidth - 2 * space(isFolded ? 9 : 11) - 1.5
  }

  /// How many columns the home-care cards take: one more under the more-card-columns compaction.
  var homeCareColumnCount: Int {
    max(1, spec.homeCareColumns) + (compacting.compactions.contains(.moreCardColumns) ? 1 : 0)
  }

  /// The card of item `index` of the plan's home program; its title carries the item's marker.
  private func homeCareCard(_ index: Int) -> Block? {
    let item = plan.homeCare[index]
    var name = item.title ?? ""
    var steps = item.steps ?? []
    var dosage = item.dosage
    var stop: String?
    var feel = item.feel
    var caution: String?
    var purpose = item.description
    var illustrationID: String?
    var illustrationAlt: String?
    var video = item.videoUrl
    if let id = item.id {
      guard let entry = catalog.homeCareEntry(id) else { return nil }
      name = entry.name
      let text = entry.text(isShort: compacting.compactions.contains(.shorterText))
      steps = text.steps
      // The switch to the other side ends the last step, unless the plan names one side.
      if let bothSides = entry.bothSides, let last = steps.indices.last,
        (item.dosage.side ?? .both) == .both
      {
        steps[last] += " " + bothSides
      }
      purpose = text.summary
      stop = text.stop
      feel = text.feel
      caution = entry.caution
      illustrationID = entry.illustration
      illustrationAlt = entry.illustrationAlt
      video = item.videoUrl ?? entry.videoUrl
      dosage = item.dosage.replacing(entry.dosage ?? Dosage())
    }
    var heading: [Block] = [
      .paragraph(Paragraph(name, style: styles.subheading, spaceAfter: space(3), marker: HomeCareMarker.name(of: index)))
    ]
    // A brochure speaks to everyone: what the exercise is for, not a personal program.
    let isBrochure = plan.client == nil
    let dosageLine = isBrochure ? "" : format.dosageLine(dosage)
    if !dosageLine.isEmpty {
      heading.append(labelled("dose", dosageLine, after: space(4)))
    }
    var content = heading
    // The drawing, start and end positions, comes under the name and dose, above the steps
    // it shows: at least 1.5 in wide.
    // A brochure's narrow panel keeps it small, beside the name.
    // A card wide enough for the drawing and a column of words puts the name and dose beside it.
    let inner = cardInnerWidth
    if isFolded, let drawing = illustration(illustrationID, alternativeText: illustrationAlt ?? name, width: illustrationWidth) {
      content = [.row(Row(cells: [Row.Cell(weight: 1, heading), Row.Cell(weight: 0.62, verticalAlignment: .top, [drawing])], gap: 6, spaceAfter: 4))]
    } else if !isLargeType, inner - illustrationWidth - 10 >= 110,
      let drawing = illustration(illustrationID, alternativeText: illustrationAlt ?? name, width: illustrationWidth)
    {
      let weight = illustrationWidth / (inner - illustrationWidth - 10)
      content = [.row(Row(cells: [Row.Cell(weight: 1, heading), Row.Cell(weight: weight, verticalAlignment: .top, [drawing])], gap: 10, spaceAfter: space(6)))]
    } else if let drawing = illustration(illustrationID, alternativeText: illustrationAlt ?? name, width: illustrationWidth) {
      content += [drawing, .spacer(space(4))]
    }
    if let purpose { content.append(labelled("why", purpose, after: space(4))) }
    if !steps.isEmpty, !isBrochure {
      content.append(
        .list(
          ListBlock(
            marker: .number, items: steps.map { [paragraph($0, after: 0)] },
            markerStyle: styles.body.with { $0.color = palette.accent; $0.weight = .bold }, indent: numberIndent,
            itemSpacing: space(3), spaceAfter: space(4))))
    }
    if let feel { content.append(labelled("youShouldFeel", feel, after: space(4))) }
    if let note = item.note {
      content.append(.paragraph(Paragraph(noteSpans(note), style: styles.body, spaceAfter: space(4))))
    }
    if let caution {
      content.append(.paragraph(Paragraph([Span.bold(caution, color: palette.warning)], style: styles.body, spaceAfter: space(4))))
    }
    if let stop { content.append(labelled("stopIf", stop, after: 0)) }
    // A video shows what two drawings cannot: a QR code to scan, and the words linked.
    let qrSide = isLargeType ? 72.0 : 48.0
    if let video, let code = assets.videoCodes[video], let qr = qrCode(code, url: video, side: qrSide) {
      let caption = Paragraph([Span(catalog.label("scanToWatch"), weight: .bold, color: palette.accent, link: video)], style: styles.body)
      // The code keeps its side (at least 0.6 in) however narrow the card: its cell is as wide as it.
      let room = inner - 8
      let weight = isFolded || room <= qrSide ? 0.3 : qrSide / (room - qrSide)
      content.append(
        .row(Row(cells: [Row.Cell(weight: weight, [qr]), Row.Cell(weight: 1, verticalAlignment: .center, [.paragraph(caption)])], gap: 8)))
    }
    // A card is cut only when it would leave a large hole; its name then heads every piece.
    let continued = Paragraph(catalog.label("continued", ["title": name]), style: styles.subheading, spaceAfter: 2)
    return card(
      content, border: palette.line, padding: EdgeInsets(all: space(isFolded ? 9 : 11)), continuation: [.paragraph(continued)])
  }

  /// "Why: Stretches the small muscle deep in your buttock.": a bold label, then the text.
  func labelled(_ key: String, _ text: String, after: Double) -> Block {
    .paragraph(Paragraph([Span.bold(catalog.label(key) + ": "), Span(text)], style: styles.body, spaceAfter: after))
  }

  /// A therapist's personal note: upright in the muted colour in normal print (italics are
  /// harder to read, and their face cost the reference PDF 3.4 KB). Large print has no grey
  /// text (APH guidance): a label says whose words these are, as "Why:" does, and the words stay
  /// regular (they were all bold, which reads as a warning).
  func noteSpans(_ note: String) -> [Span] {
    isLargeType ? [Span.bold(catalog.label("therapistSays") + " "), Span(note)] : [Span(note, color: palette.muted)]
  }

  /// The distance from a numbered list's edge to its text: a clear gap after "1." in large print.
  var numberIndent: Double { isLargeType ? spec.type.body * 2 : 18 }

  /// A callout box; in large print its content alone, set off by space, with no box or tint
  /// behind it (APH guidance).
  func callout(
    _ content: [Block], fill: Color? = nil, border: Color? = nil, accentBar: Color? = nil,
    padding: EdgeInsets, keepsTogether: Bool = true, continuation: [Block] = [], spaceBefore: Double = 0,
    spaceAfter: Double = 0
  ) -> [Block] {
    guard isLargeType else {
      return [
        card(
          content, fill: fill, border: border, accentBar: accentBar, padding: padding, keepsTogether: keepsTogether,
          continuation: continuation, spaceBefore: spaceBefore, spaceAfter: spaceAfter)
      ]
    }
    return [.spacer(spaceBefore)] + content + [.spacer(spaceAfter + 12)]
  }

  /// A card or callout; in large print its content alone, with no box or tint behind it.
  func card(
    _ content: [Block], fill: Color? = nil, border: Color? = nil, accentBar: Color? = nil,
    padding: EdgeInsets, keepsTogether: Bool = true, continuation: [Block] = [], spaceBefore: Double = 0,
    spaceAfter: Double = 0
  ) -> Block {
    if isLargeType {
      return .box(
        Box(
          content: content, padding: EdgeInsets(all: 0), keepsTogether: false, spaceBefore: spaceBefore,
          spaceAfter: spaceAfter + 12))
    }
    return .box(
      Box(
        content: content, fill: fill, border: border, borderWidth: 0.75, accentBar: accentBar,
        cornerRadius: fill == nil ? 6 : 3, padding: padding, keepsTogether: keepsTogether,
        continuation: continuation, spaceBefore: spaceBefore, spaceAfter: spaceAfter))
  }

  func benefits() -> [Block] {
    let items: [[Block]] = plan.benefits.compactMap { item in
      let entry = item.id.flatMap { catalog.benefit($0) }
      guard let name = entry?.name ?? item.title else { return nil }
      let description = entry?.description ?? item.description ?? ""
      return [.paragraph(Paragraph([Span.bold(name + ". "), Span(description)], style: styles.body))]
    }
    guard !items.isEmpty else { return [] }
    return [heading(catalog.label("benefits")), .list(
      ListBlock(marker: .square(palette.accent), items: items, markerStyle: styles.body, indent: 18, itemSpacing: isFolded ? 3 : 5, spaceAfter: 4))]
  }

  /// A section set as a card in the home-care columns: its heading one level down, under
  /// the home program's; the booking box as it is, its code below its words.
  func sideCards(_ section: LayoutSpec.Section) -> [Block] {
    let content: [Block]
    switch section {
    case .booking: return booking(isBesideCards: true)
    case .precautions where !plan.precautions.isEmpty:
      content = [sideHeading(catalog.label("precautions")), bullets(plan.precautions)]
    case .notes:
      guard let notes = plan.notes else { return [] }
      content = [sideHeading(catalog.label("notes")), paragraph(notes, after: 0)]
    default: return []
    }
    return [card(content, fill: palette.tint, padding: EdgeInsets(all: space(11)))]
  }

  private func sideHeading(_ text: String) -> Block {
    .heading(Heading(level: 3, Paragraph(text, style: styles.subheading.with { $0.color = palette.accent }, spaceAfter: 4)))
  }

  func precautions() -> [Block] {
    guard !plan.precautions.isEmpty else { return [] }
    return [heading(catalog.label("precautions")), bullets(plan.precautions)]
  }

  func redFlags() -> [Block] {
    guard plan.showRedFlags else { return [] }
    let ids = conditionEntry?.redFlags ?? ["bladder-bowel", "saddle-numbness", "both-legs", "worsening-weakness", "after-injury"]
    let flags = ids.compactMap { catalog.redFlag($0) }
    guard !flags.isEmpty else { return [] }
    let number = plan.clinic?.emergencyCountry.flatMap { EmergencyNumber.of(country: $0) }
    let tiers: [(RedFlagEntry.Urgency, String)] = [
      (.emergency, number.map { catalog.label("emergencyTier", ["number": $0]) } ?? catalog.label("emergencyTierNoNumber")),
      (.today, catalog.label("todayTier")),
      (.soon, catalog.label("soonTier")),
    ]
    var tierBlocks: [Block] = []
    for (urgency, title) in tiers {
      let signs = flags.filter { $0.urgency == urgency }
      guard !signs.isEmpty else { continue }
      let items: [[Block]] = signs.map { flag in
        var spans = [Span(flag.sign)]
        if let action = flag.action { spans += [Span(" "), Span.bold(action, color: palette.warning)] }
        return [.paragraph(Paragraph(spans, style: styles.body))]
      }
      let titleStyle = styles.body.with {
        $0.weight = .bold
        $0.color = palette.warning
        $0.size = urgency == .emergency ? styles.subheading.size : styles.body.size
      }
      tierBlocks.append(
        .keepTogether([
          .paragraph(Paragraph(title, style: titleStyle, spaceAfter: 4)),
          .list(
            ListBlock(
              marker: .square(palette.warning), items: items, markerStyle: styles.body, indent: 18, itemSpacing: isFolded ? 3 : 4,
              spaceAfter: isFolded ? 6 : 8)),
        ]))
    }
    // The first tier beside the others on a wide page in normal type; one after another in a
    // panel or in large print.
    let isWide = spec.fold == nil && page.body.width > 400 && !isLargeType
    // On a wide page the follow-up line is set apart from the signs above it (whose list's
    // space ends with the row's cells: it is the least urgent of them, not one more "call 911"
    // sign), and the why line above the signs gives up the same room, so the box keeps its height.
    let followUpGap = isWide ? space(4) : 0
    var content: [Block] = [
      .heading(Heading(level: 2, Paragraph(catalog.label("redFlags"), style: styles.heading.with { $0.color = palette.warning }, spaceAfter: 4)))
    ]
    // Why these signs matter: under the heading, kept with the first signs (a box cut after it
    // would leave a warning with nothing to look out for), in the brochure's two short
    // sentences on a sheet short of room; in a brochure's narrow panel, after the signs, where
    // a panel too short for all of it can split the box.
    if !isFolded {
      let why = catalog.label(compacting.compactions.contains(.shorterText) ? "redFlagsWhyShort" : "redFlagsWhy")
      content.append(.paragraph(Paragraph(why, style: styles.body, spaceAfter: space(8) - followUpGap, keepsWithNext: true)))
    }
    if isWide, tierBlocks.count > 1 {
      content.append(.row(Row(cells: [Row.Cell([tierBlocks[0]]), Row.Cell(Array(tierBlocks.dropFirst()))], gap: 20)))
    } else {
      content += tierBlocks
    }
    if isFolded { content.append(paragraph(catalog.label("redFlagsWhyShort"), after: 4)) }
    if let weeks = conditionEntry?.followUpWeeks {
      content.append(
        .paragraph(Paragraph([Span.bold(catalog.label("followUp", ["weeks": String(weeks)]))], style: styles.body, spaceBefore: followUpGap)))
    }
    // The box may split between signs rather than leave a hole; every piece after the first
    // repeats the heading, so no sign is read without it.
    let continued = catalog.label("continued", ["title": catalog.label("redFlags")])
    return callout(
      content, fill: palette.warningTint, accentBar: palette.warning,
      padding: isFolded ? EdgeInsets(top: space(9), right: 12, bottom: space(9), left: 16) : boxPadding, keepsTogether: false,
      continuation: [.paragraph(Paragraph(continued, style: styles.heading.with { $0.color = palette.warning }, spaceAfter: 6))],
      spaceBefore: space(18), spaceAfter: 4)
  }

  func faq() -> [Block] {
    let pairs: [(String, String)] = plan.faq.compactMap { item in
      if let id = item.id {
        return catalog.question(id).map { ($0.question, $0.answer) }
      }
      guard let question = item.question, let answer = item.answer else { return nil }
      return (question, answer)
    }
    guard !pairs.isEmpty else { return [] }
    var blocks = [heading(catalog.label("faq"))]
    for (question, answer) in pairs {
      blocks.append(
        .keepTogether([
          .paragraph(Paragraph([Span.bold(question)], style: styles.body, spaceAfter: 2)),
          paragraph(answer, after: 10),
        ]))
    }
    return blocks
  }

  func notes() -> [Block] {
    guard let notes = plan.notes else { return [] }
    return [heading(catalog.label("notes")), paragraph(notes)]
  }

  /// The booking box: how to book the next visit, with a code to scan; `isBesideCards` sets it
  /// in a card's column, the code below the address with the phone beside it.
  func booking(isBesideCards: Bool = false) -> [Block] {
    guard let clinic = plan.clinic, clinic.bookingUrl != nil || clinic.phone != nil else { return [] }
    // Its title keeps with what follows where the box may split (large print has no box).
    var content: [Block] = [
      .paragraph(Paragraph(catalog.label("bookNext"), style: styles.subheading.with { $0.color = palette.accent }, spaceAfter: 4, keepsWithNext: true))
    ]
    // Beside the cards, the next appointment is left to the info block above, which shows it.
    let showsNext = !(isBesideCards && spec.includes(.info))
    if let next = plan.sessions?.next, showsNext {
      content.append(.paragraph(Paragraph(
        [Span(catalog.label("nextAppointment") + ": "), Span.bold(format.dateTime(next))], style: styles.body, spaceAfter: 4)))
    }
    let link = clinic.bookingUrl.map { Span(displayURL($0), color: palette.accent, link: $0) }
    let call = clinic.phone.map { Span($0, link: telephoneURI($0)) }
    if isBesideCards {
      // A narrow column: the address on a line of its own, the phone beside the code, so
      // neither breaks inside.
      if let link { content.append(.paragraph(Paragraph([link], style: styles.body, spaceAfter: 6))) }
      var words = call.map { [Block.paragraph(Paragraph([$0], style: styles.body, spaceAfter: 2))] } ?? []
      if let code = bookingCode(side: bookingCodeSide) {
        words.append(.paragraph(Paragraph(catalog.label("scanToBook"), style: styles.small)))
        let weight = bookingCodeSide / max(1, cardInnerWidth - bookingCodeSide - 8)
        content.append(.row(Row(cells: [
          Row.Cell(weight: weight, [code]), Row.Cell(weight: 1, verticalAlignment: .center, words),
        ], gap: 8)))
      } else {
        content += words
      }
      return callout(content, border: palette.line, padding: EdgeInsets(all: space(11)))
    }
    var spans: [Span] = []
    if let link { spans.append(link) }
    if let call {
      if !spans.isEmpty { spans.append(Span("  ·  ")) }
      spans.append(call)
    }
    content.append(.paragraph(Paragraph(spans, style: styles.body)))
    if let code = bookingCode(side: bookingCodeSide) {
      // Beside the text on a normal page; below it in large print, which keeps one column.
      if isLargeType {
        // Kept together: a code at the top of a page, away from its words, says nothing.
        content = [.keepTogether(content + [.spacer(8), code, .paragraph(Paragraph(catalog.label("scanToBook"), style: styles.small, spaceBefore: 2))])]
      } else {
        let caption = Paragraph(catalog.label("scanToBook"), style: styles.small.with { $0.alignment = .center }, spaceBefore: 2)
        content = [
          .row(Row(cells: [
            Row.Cell(weight: 1, verticalAlignment: .center, content),
            Row.Cell(weight: 0.32, [code, .paragraph(caption)]),
          ], gap: 12))
        ]
      }
    }
    return callout(content, border: palette.line, padding: EdgeInsets(all: space(12)), spaceBefore: space(18))
  }

  /// A `tel:` URI for a phone number as people write it: `+1 555 010 4477` → `tel:+15550104477`.
  /// Only ASCII digits and `+` are kept: other scripts' digits and symbols never reach the link.
  func telephoneURI(_ phone: String) -> String {
    "tel:" + phone.filter { $0 == "+" || ("0"..."9").contains($0) }
  }

  /// A web address without its scheme, as people write it.
  func displayURL(_ url: String) -> String {
    for prefix in ["https://", "http://"] where url.lowercased().hasPrefix(prefix) {
      return String(url.dropFirst(prefix.count))
    }
    return url
  }
}
