import HandoutCatalog
import HandoutLayout
import HandoutModel

extension Composer {
  func header() -> [Block] {
    guard let clinic = plan.clinic else { return [] }
    var brand: [Block] = []
    if let logo = assets.logo {
      var image = logo
      image.height = logoHeight
      brand.append(.image(image))
    } else {
      brand.append(.paragraph(Paragraph(clinic.name, style: styles.subheading.with { $0.color = palette.accent })))
    }
    var contact: [Span] = []
    func add(_ text: String?, link: String? = nil) {
      guard let text else { return }
      if !contact.isEmpty { contact.append(Span("\n")) }
      contact.append(Span(text, link: link))
    }
    add(clinic.address)
    add(clinic.phone, link: clinic.phone.map(telephoneURI))
    add(clinic.email, link: clinic.email.map { "mailto:" + $0 })
    add(clinic.website.map(displayURL), link: clinic.website)
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
      .heading(Heading(level: 1, Paragraph(catalog.label("yourCarePlan"), style: styles.title, spaceAfter: 4)))
    ]
    var line: [String] = []
    if let condition = conditionEntry { line.append(condition.name) }
    if let client = plan.client { line.append(catalog.label("preparedFor", ["name": client.name])) }
    if !line.isEmpty { blocks.append(paragraph(line.joined(separator: "  ·  "), style: styles.subtitle, after: 14)) }
    return blocks
  }

  func info() -> [Block] {
    var entries: [(label: String, value: [Span])] = []
    if let client = plan.client { entries.append((catalog.label("client"), [Span(client.name)])) }
    if let therapist = plan.therapist {
      var value = [Span(therapist.name)]
      if let credentials = therapist.credentials { value.append(Span("\n" + credentials, color: palette.muted, scale: 0.8)) }
      entries.append((catalog.label("therapist"), value))
    }
    if let date = plan.date { entries.append((catalog.label("date"), [Span(format.date(date))])) }
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
      .paragraph(Paragraph(catalog.label("whatYouNeedToKnow"), style: styles.subheading.with { $0.color = palette.accent }, spaceAfter: 6))
    ]
    if !plan.takeaways.isEmpty {
      content.append(bullets(plan.takeaways))
    } else if let summary = plan.condition?.summary {
      content.append(paragraph(summary))
    } else if let overview = conditionEntry?.overview {
      content.append(paragraph(overview))
    }
    var facts: [String] = []
    if let score = plan.condition?.painScore { facts.append(catalog.label("painToday", ["score": String(score)])) }
    if let every = plan.sessions?.every { facts.append(format.frequency(every)) }
    if let planned = plan.sessions?.planned { facts.append(catalog.label("planned", ["count": String(planned)])) }
    if let minutes = plan.sessions?.minutes { facts.append(catalog.label("minutes", ["count": String(minutes)])) }
    if !facts.isEmpty { content.append(paragraph(facts.joined(separator: "  ·  "), after: 6)) }
    if plan.client != nil {
      content.append(.paragraph(Paragraph([Span.bold(catalog.label("callToAction"))], style: styles.body)))
    }
    return [
      .box(
        Box(
          content: content, fill: palette.tint, accentBar: palette.accent, cornerRadius: 3,
          padding: boxPadding, keepsTogether: !isLargeType, spaceAfter: 4))
    ]
  }

  /// Large print: fewer columns, and boxes that may split rather than leave half a page empty.
  var isLargeType: Bool { spec.type.body >= 16 }

  func condition() -> [Block] {
    guard let entry = conditionEntry else { return [] }
    var blocks = [heading(catalog.label("aboutYourCondition")), paragraph(entry.overview)]
    if !entry.symptoms.isEmpty { blocks.append(bullets(entry.symptoms)) }
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
        markerStyle: styles.body.with { $0.weight = .bold; $0.color = palette.accent }, indent: 20,
        itemSpacing: 4, spaceAfter: 6))]
  }

  func techniques() -> [Block] {
    let items: [[Block]] = plan.techniques.compactMap { item in
      let name: String
      let summary: String
      if let id = item.id {
        guard let entry = catalog.techniques[id] else { return nil }
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
        blocks.append(.paragraph(Paragraph([Span(note, italic: true, color: palette.muted)], style: styles.body)))
      }
      return [.keepTogether(blocks)]
    }
    guard !items.isEmpty else { return [] }
    let title = plan.client == nil ? catalog.label("techniques") : catalog.label("todaysSession")
    return [heading(title), .list(
      ListBlock(marker: .square(palette.accent), items: items, markerStyle: styles.body, indent: 18, itemSpacing: 8, spaceAfter: 4))]
  }

  func homeCare() -> [Block] {
    let cards: [Block] = plan.homeCare.compactMap(homeCareCard)
    guard !cards.isEmpty else { return [] }
    // Each card goes into the shortest column, so uneven cards leave no holes.
    let columns = max(1, spec.homeCareColumns) + (compacting.compactions.contains(.moreCardColumns) ? 1 : 0)
    return [heading(catalog.label("homeProgram")), .cards(
        Cards(
          count: columns, gap: 12, spacing: space(12), cards: cards,
          fillsGaps: compacting.compactions.contains(.cardsFillGaps), spaceAfter: space(12)))]
  }

  private func homeCareCard(_ item: PlanItem) -> Block? {
    var name = item.title ?? ""
    var steps = item.steps ?? []
    var dosage = item.dosage
    var stop: String?
    var summary = item.description
    if let id = item.id {
      guard let entry = catalog.homeCare[id] else { return nil }
      name = entry.name
      steps = entry.steps
      summary = entry.summary
      stop = entry.stop
      dosage = item.dosage.filled(from: entry.dosage ?? Dosage())
    }
    var heading: [Block] = [.paragraph(Paragraph(name, style: styles.subheading, spaceAfter: 2))]
    let dosageLine = format.dosage(dosage)
    if !dosageLine.isEmpty {
      heading.append(.paragraph(Paragraph([Span.bold(dosageLine)], style: styles.small.with { $0.color = palette.accent }, spaceAfter: 6)))
    }
    var content = heading
    // The drawing sits beside the name and dosage, above the steps it shows.
    let illustrationID = item.id.flatMap { catalog.homeCare[$0]?.illustration }
    if let drawing = illustration(illustrationID, name: name, width: illustrationWidth) {
      if isLargeType {
        content += [drawing, .spacer(6)]
      } else {
        content = [.row(Row(cells: [Row.Cell(weight: 1, heading), Row.Cell(weight: 0.45, verticalAlignment: .top, [drawing])], gap: 8, spaceAfter: 4))]
      }
    }
    // A brochure speaks to everyone: what the exercise is for, not a personal program.
    let isBrochure = plan.client == nil
    if let summary, steps.isEmpty || isBrochure { content.append(paragraph(summary, after: 2)) }
    if !steps.isEmpty, !isBrochure {
      content.append(
        .list(
          ListBlock(
            marker: .number, items: steps.map { [paragraph($0, after: 0)] },
            markerStyle: styles.body.with { $0.color = palette.accent; $0.weight = .bold }, indent: 18,
            itemSpacing: 3, spaceAfter: 4)))
    }
    if let note = item.note {
      content.append(.paragraph(Paragraph([Span(note, italic: true)], style: styles.body, spaceAfter: 4)))
    }
    if let stop {
      content.append(.paragraph(Paragraph([Span.bold(catalog.label("stopIf") + ": "), Span(stop)], style: styles.small)))
    }
    // A card is cut only when it would leave a large hole; its name then heads every piece.
    let continued = Paragraph(catalog.label("continued", ["title": name]), style: styles.subheading, spaceAfter: 2)
    return .box(
      Box(
        content: content, border: palette.line, borderWidth: 0.75, cornerRadius: 6, padding: EdgeInsets(all: space(11)),
        continuation: [.paragraph(continued)]))
  }

  func benefits() -> [Block] {
    let items: [[Block]] = plan.benefits.compactMap { item in
      let entry = item.id.flatMap { catalog.benefits[$0] }
      guard let name = entry?.name ?? item.title else { return nil }
      let description = entry?.description ?? item.description ?? ""
      return [.paragraph(Paragraph([Span.bold(name + ". "), Span(description)], style: styles.body))]
    }
    guard !items.isEmpty else { return [] }
    return [heading(catalog.label("benefits")), .list(
      ListBlock(marker: .square(palette.accent), items: items, markerStyle: styles.body, indent: 18, itemSpacing: 5, spaceAfter: 4))]
  }

  func precautions() -> [Block] {
    guard !plan.precautions.isEmpty else { return [] }
    return [heading(catalog.label("precautions")), bullets(plan.precautions)]
  }

  func redFlags() -> [Block] {
    guard plan.showRedFlags else { return [] }
    let ids = conditionEntry?.redFlags ?? ["bladder-bowel", "saddle-numbness", "worsening-weakness", "after-injury"]
    let order: [RedFlagEntry.Urgency: Int] = [.emergency: 0, .today: 1, .soon: 2]
    let flags = ids.compactMap { catalog.redFlags[$0] }.enumerated()
      .sorted { (order[$0.element.urgency]!, $0.offset) < (order[$1.element.urgency]!, $1.offset) }.map(\.element)
    guard !flags.isEmpty else { return [] }
    let items: [[Block]] = flags.map { flag in
      [.paragraph(Paragraph([Span(flag.sign + " "), Span.bold(flag.action, color: palette.warning)], style: styles.body))]
    }
    let list = Block.list(ListBlock(marker: .square(palette.warning), items: items, markerStyle: styles.body, indent: 18, itemSpacing: 4))
    // Two columns on a wide page in normal type; one in a panel or in large print.
    let isWide = spec.fold == nil && page.body.width > 400 && !isLargeType
    let flagList = isWide ? Block.columns(Columns(count: 2, gap: 20, content: [list])) : list
    let headingStyle = styles.heading.with { $0.color = palette.warning }
    let content: [Block] = [
      .heading(Heading(level: 2, Paragraph(catalog.label("redFlags"), style: headingStyle, spaceAfter: 6))),
      flagList,
    ]
    // The box may split between signs rather than leave a hole; every piece after the first
    // repeats the heading, so no sign is read without it.
    let continued = catalog.label("continued", ["title": catalog.label("redFlags")])
    return [
      .box(
        Box(
          content: content, fill: palette.warningTint, accentBar: palette.warning, cornerRadius: 3,
          padding: boxPadding, keepsTogether: false,
          continuation: [.paragraph(Paragraph(continued, style: headingStyle, spaceAfter: 6))], spaceBefore: space(18),
          spaceAfter: 4))
    ]
  }

  func faq() -> [Block] {
    let pairs: [(String, String)] = plan.faq.compactMap { item in
      if let id = item.id {
        return catalog.faq[id].map { ($0.question, $0.answer) }
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

  func booking() -> [Block] {
    guard let clinic = plan.clinic, clinic.bookingUrl != nil || clinic.phone != nil else { return [] }
    var content: [Block] = [
      .paragraph(Paragraph(catalog.label("bookNext"), style: styles.subheading.with { $0.color = palette.accent }, spaceAfter: 4))
    ]
    if let next = plan.sessions?.next {
      content.append(.paragraph(Paragraph(
        [Span(catalog.label("nextAppointment") + ": "), Span.bold(format.dateTime(next))], style: styles.body, spaceAfter: 4)))
    }
    var spans: [Span] = []
    if let url = clinic.bookingUrl { spans.append(Span(displayURL(url), color: palette.accent, link: url)) }
    if let phone = clinic.phone {
      if !spans.isEmpty { spans.append(Span("  ·  ")) }
      spans.append(Span(phone, link: telephoneURI(phone)))
    }
    content.append(.paragraph(Paragraph(spans, style: styles.body)))
    if let code = bookingCode(side: bookingCodeSide) {
      // Beside the text on a normal page; below it in large print, which keeps one column.
      if isLargeType {
        content += [.spacer(8), code, .paragraph(Paragraph(catalog.label("scanToBook"), style: styles.small, spaceBefore: 2))]
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
    return [.box(Box(content: content, border: palette.line, cornerRadius: 6, padding: EdgeInsets(all: space(12)), spaceBefore: space(18)))]
  }

  /// A `tel:` URI for a phone number as people write it: `+1 555 010 4477` → `tel:+15550104477`.
  func telephoneURI(_ phone: String) -> String {
    "tel:" + phone.filter { $0.isNumber || $0 == "+" }
  }

  /// A web address without its scheme, as people write it.
  func displayURL(_ url: String) -> String {
    for prefix in ["https://", "http://"] where url.lowercased().hasPrefix(prefix) {
      return String(url.dropFirst(prefix.count))
    }
    return url
  }
}
