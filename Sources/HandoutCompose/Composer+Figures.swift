import HandoutLayout
import HandoutModel

extension Color {
  func with(alpha: Double) -> Color {
    Color(red: red, green: green, blue: blue, alpha: alpha)
  }
}

extension Composer {
  /// Pain before and after each session on a 0–10 scale, one point per session, dated.
  func painChart() -> [Block] {
    let sessions = (plan.sessions?.history ?? []).filter { $0.painBefore != nil || $0.painAfter != nil }
    guard sessions.count >= 2 else { return [] }
    let width = min(page.body.width, 460.0)
    let height = 190.0
    let plot = Rect(x: 30, y: 12, width: width - 44, height: 130)
    let y = { (score: Int) in plot.maxY - Double(score) / 10 * plot.height }
    let step = plot.width / Double(max(1, sessions.count - 1))
    let x = { (index: Int) in plot.x + Double(index) * step }
    let axis = styles.small
    var shapes: [Shape] = []
    var labels: [DrawingLabel] = []
    for score in stride(from: 0, through: 10, by: 2) {
      shapes.append(Shape([.move(Point(x: plot.x, y: y(score))), .line(Point(x: plot.maxX, y: y(score)))], stroke: palette.line, lineWidth: score == 0 ? 0.9 : 0.5))
      labels.append(DrawingLabel("\(score)", at: Point(x: plot.x - 6, y: y(score) + 3), anchor: .end, style: axis))
    }
    // At most about 8 dates, so they never collide.
    let every = max(1, Int((Double(sessions.count) / 8).rounded(.up)))
    for (index, session) in sessions.enumerated() where index % every == 0 || index == sessions.count - 1 {
      labels.append(DrawingLabel(shortDate(session.date), at: Point(x: x(index), y: plot.maxY + 14), anchor: .center, style: axis))
    }
    let series: [(KeyPath<SessionRecord, Int?>, Color, Bool)] = [
      (\.painBefore, palette.muted, false), (\.painAfter, palette.accent, true),
    ]
    for (key, color, filled) in series {
      let points = sessions.enumerated().compactMap { index, session in session[keyPath: key].map { Point(x: x(index), y: y($0)) } }
      guard let first = points.first else { continue }
      shapes.append(Shape([.move(first)] + points.dropFirst().map { .line($0) }, stroke: color, lineWidth: 1.6))
      for point in points {
        let dot = Rect(x: point.x - 3.2, y: point.y - 3.2, width: 6.4, height: 6.4)
        shapes.append(Shape([.ellipse(dot)], fill: filled ? color : .white, stroke: color, lineWidth: 1.4))
      }
    }
    // Legend, under the dates.
    let legendY = plot.maxY + 36
    var legendX = plot.x
    for (labelKey, color, filled) in [("painBefore", palette.muted, false), ("painAfter", palette.accent, true)] {
      shapes.append(Shape([.move(Point(x: legendX, y: legendY - 4)), .line(Point(x: legendX + 18, y: legendY - 4))], stroke: color, lineWidth: 1.6))
      shapes.append(Shape([.ellipse(Rect(x: legendX + 5.8, y: legendY - 7.2, width: 6.4, height: 6.4))], fill: filled ? color : .white, stroke: color, lineWidth: 1.4))
      labels.append(DrawingLabel(catalog.label(labelKey), at: Point(x: legendX + 24, y: legendY), style: axis.with { $0.color = palette.text }))
      legendX += 90
    }
    labels.append(DrawingLabel(catalog.label("scale"), at: Point(x: plot.maxX, y: legendY), anchor: .end, style: axis))
    let points = sessions.map { session in
      catalog.label("painPoint", [
        "date": format.date(session.date), "before": session.painBefore.map(String.init) ?? "–",
        "after": session.painAfter.map(String.init) ?? "–",
      ])
    }
    let alternative = catalog.label("painChartAlt", ["points": points.joined(separator: "; ")])
    let drawing = Drawing(
      size: Size(width: width, height: height), shapes: shapes, labels: labels, alternativeText: alternative, spaceAfter: 8)
    // The chart never splits from its heading, and never splits at all; what to do about a
    // rising line is said under it.
    return [
      .keepTogether([
        heading(catalog.label("painChart"), level: 3), .drawing(drawing), paragraph(catalog.label("painChartAdvice")),
      ])
    ]
  }

  /// "Nov 20", "20 nov", "11월 20": a date short enough for an axis.
  func shortDate(_ date: CalendarDate) -> String {
    let months = catalog.labelList("months")
    let month = months.indices.contains(date.month - 1) ? String(months[date.month - 1].prefix(3)) : "\(date.month)"
    return catalog.label("dateFormat").hasPrefix("{day}") ? "\(date.day) \(month)" : "\(month) \(date.day)"
  }

  /// The session history as a table: date, pain before and after, techniques.
  func history() -> [Block] {
    let sessions = plan.sessions?.history ?? []
    guard !sessions.isEmpty else { return [] }
    let cell = { (text: String) -> [Block] in [.paragraph(Paragraph(text, style: styles.body))] }
    let headerCell = { (text: String) -> [Block] in [.paragraph(Paragraph(text, style: styles.emphasis))] }
    let rows: [[[Block]]] = sessions.map { session in
      let techniques = session.techniques.map { catalog.technique($0)?.name ?? $0 }.joined(separator: ", ")
      return [
        cell(format.date(session.date)), cell(session.painBefore.map(String.init) ?? "–"),
        cell(session.painAfter.map(String.init) ?? "–"), cell(techniques),
      ]
    }
    let table = Table(
      columns: [.automatic, .automatic, .automatic, .relative(1)],
      headerRows: [[
        headerCell(catalog.label("sessionDate")), headerCell(catalog.label("painBeforeHeading")),
        headerCell(catalog.label("painAfterHeading")), headerCell(catalog.label("techniquesUsed")),
      ]],
      // Large print keeps tints from behind text (APH guidance); rules alone mark the rows.
      rows: rows, headerFill: isLargeType ? nil : palette.tint, stripeFill: isLargeType ? nil : palette.tint.with(alpha: 0.45),
      ruleColor: palette.line,
      cellPadding: EdgeInsets(top: 5, right: 8, bottom: 5, left: 8), spaceAfter: 8)
    return [heading(catalog.label("history")), .table(table)] + techniqueKey(sessions)
  }

  /// What each technique named in the sessions table is, in a line of its own: those the
  /// "What we did today" section of this layout explains already are left out.
  func techniqueKey(_ sessions: [SessionRecord]) -> [Block] {
    let explained = spec.includes(.techniques) ? Set(plan.techniques.compactMap(\.id)) : []
    var seen = Set<String>()
    let ids = sessions.flatMap(\.techniques).filter { !explained.contains($0) && seen.insert($0).inserted }
    let entries = ids.compactMap { catalog.technique($0) }
    guard !entries.isEmpty else { return [] }
    let items: [[Block]] = entries.map { entry in
      [.paragraph(Paragraph([Span.bold(entry.name + ": "), Span(entry.summary)], style: styles.body))]
    }
    return [
      .paragraph(Paragraph(catalog.label("techniqueKey"), style: styles.emphasis, spaceBefore: space(4), spaceAfter: space(4), keepsWithNext: true)),
      .list(ListBlock(marker: .square(palette.accent), items: items, markerStyle: styles.body, indent: 18, itemSpacing: space(4), spaceAfter: space(8))),
    ]
  }

  /// The booking QR code, `side` points wide, quiet zone included, with its alternative text.
  func bookingCode(side: Double) -> Block? {
    guard let code = assets.bookingCode, let url = plan.clinic?.bookingUrl else { return nil }
    return qrCode(code, url: url, side: side)
  }

  /// The QR code of `url`, `side` points wide, quiet zone included, with its alternative text.
  func qrCode(_ code: (size: Int, modules: [Bool]), url: String, side: Double) -> Block? {
    guard code.size > 0 else { return nil }
    let quiet = 4
    let total = Double(code.size + 2 * quiet)
    var elements: [Shape.Element] = []
    for row in 0..<code.size {
      var column = 0
      while column < code.size {
        guard code.modules[row * code.size + column] else {
          column += 1
          continue
        }
        let start = column
        while column < code.size, code.modules[row * code.size + column] { column += 1 }
        elements.append(.rectangle(Rect(x: Double(start + quiet), y: Double(row + quiet), width: Double(column - start), height: 1)))
      }
    }
    let shapes = [
      Shape([.rectangle(Rect(x: 0, y: 0, width: total, height: total))], fill: .white),
      Shape(elements, fill: .black),
    ]
    let drawing = Drawing(size: Size(width: total, height: total), shapes: shapes, alternativeText: catalog.label("qrAlt", ["url": url]))
    return .drawing(drawing, width: side)
  }

  /// A 7-day tracker: a row per home-care item with a tick box per day, and a row to write
  /// the evening's pain, 0 to 10.
  func tracker() -> [Block] {
    // Each item with its dose, the catalogue's default under the plan's own.
    let items: [(name: String, dosage: Dosage, index: Int)] = plan.homeCare.enumerated().compactMap { index, item in
      if let id = item.id {
        guard let entry = catalog.homeCareEntry(id) else { return nil }
        return (entry.name, item.dosage.replacing(entry.dosage ?? Dosage()), index)
      }
      return item.title.map { ($0, item.dosage, index) }
    }
    guard !items.isEmpty else { return [] }
    let side = isLargeType ? 20.0 : 15.0
    // Two or three boxes to a day are smaller, with a narrow gap, so that the day's boxes read
    // as a group apart from the next day's.
    let gap = 2.0
    func boxSide(_ count: Int) -> Double { count > 1 ? side * 0.85 : side }
    // A box to tick for each time a day the item asks for, up to three; one a day otherwise
    // (breaks every 45 minutes, a posture check five times a day).
    func times(_ dosage: Dosage) -> Int { dosage.perDay.flatMap { (2...3).contains($0) ? $0 : nil } ?? 1 }
    let most = items.map { times($0.dosage) }.max() ?? 1
    // A box to tick is its cell's content, with no alternative text: the row's name and the
    // column's day say what it is for (a figure per box made 56 elements of alternative text,
    // 2 KB of the reference PDF).
    func boxes(_ count: Int, width: Double) -> [Block] {
      let height = count > 1 ? width : side
      let shapes = (0..<count).map { index in
        Shape(
          [.rectangle(Rect(x: 0.5 + Double(index) * (width + gap), y: 0.5, width: width - 1, height: height - 1))], fill: .white,
          stroke: palette.text, lineWidth: 1)
      }
      let size = Size(width: Double(count) * width + Double(count - 1) * gap, height: height)
      return [.drawing(Drawing(size: size, shapes: shapes, alternativeText: "", alignment: .center))]
    }
    // Where the tracker is the layout's own (not a section printed only where room allows),
    // each row says how much, as the card does.
    let showsDoses = !(spec.fit?.optional ?? []).contains(.tracker)
    let days = 1...7
    let header: [[Block]] = [[.paragraph(Paragraph(catalog.label("trackerDay"), style: styles.emphasis))]]
      + days.map { [.paragraph(Paragraph(String($0), style: styles.emphasis.with { $0.alignment = .center }))] }
    var rows: [[[Block]]] = items.map { item in
      var label: [Block] = [.paragraph(Paragraph(item.name, style: styles.body))]
      let dose = format.dosageLine(item.dosage)
      if showsDoses, !dose.isEmpty {
        label.append(.paragraph(Paragraph(dose, style: styles.body.with { $0.color = palette.muted }, spaceBefore: 1)))
      }
      let count = times(item.dosage)
      return [label] + days.map { _ in boxes(count, width: boxSide(count)) }
    }
    let pain = catalog.label("trackerPain")
    rows.append(
      [[.paragraph(Paragraph([Span.bold(pain)], style: styles.body))]]
        + days.map { _ in boxes(1, width: side * 1.8) })
    let column = max(isLargeType ? 46.0 : 40.0, Double(most) * boxSide(most) + Double(most - 1) * gap + 12)
    let padding = showsDoses ? 7.0 : 4.0
    var table = Table(
      columns: [.relative(1)] + days.map { _ in .fixed(column) }, headerRows: [header], rows: rows,
      headerFill: isLargeType ? nil : palette.tint, stripeFill: nil, ruleColor: palette.line,
      cellPadding: EdgeInsets(top: padding, right: 4, bottom: padding, left: 6), spaceAfter: 4)
    // Where cards printed before the tracker filled gaps out of order, its rows follow them.
    table.rowsFollow = items.map { HomeCareMarker.name(of: $0.index) }
    // The heading and how-to stay with the table's first rows.
    let how = Paragraph(
      catalog.label(most > 1 ? "trackerHowTimes" : "trackerHow"), style: styles.body, spaceAfter: space(8), keepsWithNext: true)
    // One piece: a week cut across two pages is not ticked as a week (a table taller than a
    // page still splits, its header row repeated). Where it does not fit in the room left on
    // a page, the sections after it fill that room and it opens the next page.
    return [.floating([heading(catalog.label("tracker")), .paragraph(how), .table(table)])]
  }

  /// A brochure's front cover: the logo large, the title, the subtitle, the clinic's name.
  func cover() -> [Block] {
    var blocks: [Block] = [.spacer(12)]
    if let logo = assets.logo {
      var image = logo
      image.width = min(page.body.width, 150)
      image.alignment = .start
      image.spaceAfter = 18
      blocks.append(.image(image))
    }
    // The brochure's one first-level heading: the title on its front cover.
    blocks.append(.heading(Heading(level: 1, Paragraph(plan.title ?? documentTitle, style: styles.title.with { $0.size *= 1.15 }, spaceAfter: 10))))
    if let subtitle = plan.subtitle {
      blocks.append(.paragraph(Paragraph(subtitle, style: styles.subtitle, spaceAfter: 16)))
    }
    var booking: [Block] = []
    // The clinic's name, unless its logo already says it.
    if let name = plan.clinic?.name, assets.logo == nil {
      booking.append(.paragraph(Paragraph([Span.bold(name)], style: styles.body.with { $0.color = palette.accent }, spaceAfter: 12)))
    }
    // The booking code on the front, where it is seen first, with its words.
    if let code = bookingCode(side: 64) {
      let caption = Paragraph(catalog.label("scanToBook"), style: styles.body.with { $0.color = palette.text })
      booking.append(
        .row(Row(cells: [Row.Cell(weight: 0.4, [code]), Row.Cell(weight: 1, verticalAlignment: .center, [.paragraph(caption)])], gap: 10)))
    }
    // Where the condition is felt, beside the booking code: the cover's one picture.
    if let figure = conditionFigure() {
      blocks.append(
        .row(Row(cells: [Row.Cell(weight: 0.36, figure), Row.Cell(weight: 1, verticalAlignment: .center, booking)], gap: 14, spaceAfter: 14)))
    } else {
      blocks += booking + [.spacer(14)]
    }
    return blocks
  }

  /// A brochure's back cover: how to reach the clinic, and the QR code to book.
  func contact() -> [Block] {
    guard let clinic = plan.clinic else { return [] }
    var blocks = [heading(catalog.label("contact"))]
    blocks.append(.paragraph(Paragraph([Span.bold(clinic.name)], style: styles.body, spaceAfter: 4)))
    if let address = clinic.address { blocks.append(paragraph(address, after: 4)) }
    if let phone = clinic.phone {
      blocks.append(.paragraph(Paragraph([Span(phone, link: telephoneURI(phone))], style: styles.body, spaceAfter: 4)))
    }
    if let email = clinic.email {
      blocks.append(.paragraph(Paragraph([Span(email, link: "mailto:" + email)], style: styles.body, spaceAfter: 4)))
    }
    if let website = clinic.website {
      blocks.append(.paragraph(Paragraph([Span(displayURL(website), link: website)], style: styles.body, spaceAfter: 4)))
    }
    // A few lines: the name is never at one panel's foot and the address atop the next.
    return [.keepTogether(blocks)]
  }
}

extension Block {
  /// A drawing scaled to `side` points wide, shapes and all.
  static func drawing(_ drawing: Drawing, width side: Double) -> Block {
    var scaled = drawing
    let scale = side / max(drawing.size.width, 0.0001)
    scaled.size = Size(width: side, height: drawing.size.height * scale)
    scaled.shapes = drawing.shapes.map { shape in
      var copy = shape
      copy.elements = shape.elements.map { $0.scaled(by: scale) }
      return copy
    }
    return .drawing(scaled)
  }
}

extension Shape.Element {
  func scaled(by factor: Double) -> Shape.Element {
    func s(_ p: Point) -> Point { Point(x: p.x * factor, y: p.y * factor) }
    func r(_ rect: Rect) -> Rect { Rect(x: rect.x * factor, y: rect.y * factor, width: rect.width * factor, height: rect.height * factor) }
    switch self {
    case .move(let p): return .move(s(p))
    case .line(let p): return .line(s(p))
    case .curve(let a, let b, let c): return .curve(s(a), s(b), s(c))
    case .close: return .close
    case .rectangle(let rect): return .rectangle(r(rect))
    case .ellipse(let rect): return .ellipse(r(rect))
    }
  }
}
