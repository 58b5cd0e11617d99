import HandoutCatalog
import HandoutLayout
import HandoutModel

/// Everything the composer needs besides the plan.
public struct ComposeOptions: Sendable {
  public var paper: LayoutSpec.Paper?
  /// The tool's name and version, for the PDF's creator field.
  public var creator: String
  /// The PDF creation date, ISO 8601; `nil` takes the plan's date.
  public var creationDate: String?
  /// The compactions that keep the plan to its layout's page budget.
  public var compacting: LayoutSpec.Compacting

  public init(
    paper: LayoutSpec.Paper? = nil, creator: String, creationDate: String? = nil,
    compacting: LayoutSpec.Compacting = LayoutSpec.Compacting()
  ) {
    self.paper = paper
    self.creator = creator
    self.creationDate = creationDate
    self.compacting = compacting
  }
}

/// Builds the document tree of a plan: plan + catalogue + layout → blocks, styles and metadata.
public func compose(
  _ plan: Plan, catalog: Catalog, layout spec: LayoutSpec, assets: Assets, options: ComposeOptions
) -> Document {
  let composer = Composer(
    plan: plan, catalog: catalog, spec: spec.compacted(options.compacting), assets: assets,
    paper: options.paper ?? spec.paper, compacting: options.compacting)
  return composer.document(options: options)
}

/// The state of one composition: what every section builder reads.
struct Composer {
  let plan: Plan
  let catalog: Catalog
  let spec: LayoutSpec
  let assets: Assets
  let page: PageSetup
  let palette: Palette
  let styles: Styles
  let format: Formatter
  let compacting: LayoutSpec.Compacting

  init(
    plan: Plan, catalog: Catalog, spec: LayoutSpec, assets: Assets, paper: LayoutSpec.Paper,
    compacting: LayoutSpec.Compacting = LayoutSpec.Compacting()
  ) {
    self.plan = plan
    self.compacting = compacting
    self.catalog = catalog
    self.spec = spec
    self.assets = assets
    let size = paper == .a4 ? PageSetup.a4 : PageSetup.letter
    let m = spec.margins
    palette = Palette(brand: plan.clinic?.brandColor)
    if let fold = spec.fold {
      page = fold.pageSetup(paper: size, coverBackground: palette.tint)
    } else {
      page = PageSetup(size: size, margins: EdgeInsets(top: m.top, right: m.right, bottom: m.bottom, left: m.left))
    }
    // Folded brochures are never hyphenated: narrow panels broke words wrongly ("mú-sculo"),
    // and copied text carried the soft hyphens.
    var scale = spec.type
    if spec.fold != nil { scale.hyphenation = false }
    styles = Styles(scale: scale, palette: palette, language: plan.language)
    format = Formatter(catalog: catalog)
  }

  var conditionEntry: ConditionEntry? {
    plan.condition.flatMap { catalog.condition($0.id) }
  }

  func document(options: ComposeOptions) -> Document {
    var blocks = self.blocks(spec.sections.compactMap(withoutOptional).compactMap(withoutFollowOn))
    if !compacting.followOn.isEmpty {
      // The moved sections, in the layout's order, on a sheet of their own.
      let moved = spec.sections.compactMap(followOnOnly)
      blocks += [
        .pageBreak,
        // Level 2: a document has one H1 (PDF/UA), the plan's title; the sheet reads as its part.
        .heading(Heading(level: 2, Paragraph(catalog.label("followOnTitle"), style: styles.title, spaceAfter: 8))),
      ]
      blocks += self.blocks(moved)
    }
    return document(blocks, options: options)
  }

  /// A layout entry without the optional sections the composition leaves out; nil when none is left.
  private func withoutOptional(_ entry: LayoutSpec.SectionEntry) -> LayoutSpec.SectionEntry? {
    let optional = compacting.includesOptional ? [] : Set(spec.fit?.optional ?? [])
    switch entry {
    case .section(let section, _): return optional.contains(section) ? nil : entry
    case .row(let sections):
      let kept = sections.filter { !optional.contains($0) }
      return kept.isEmpty ? nil : .row(kept)
    case .pageBreak, .panelBreak: return entry
    }
  }

  /// A layout entry without the sections moved to the follow-on sheet; nil when none is left.
  private func withoutFollowOn(_ entry: LayoutSpec.SectionEntry) -> LayoutSpec.SectionEntry? {
    switch entry {
    case .section(let section, _): compacting.followOn.contains(section) ? nil : entry
    case .row(let sections):
      sections.allSatisfy(compacting.followOn.contains) ? nil : .row(sections.filter { !compacting.followOn.contains($0) })
    case .pageBreak, .panelBreak: entry
    }
  }

  /// The part of a layout entry that moves to the follow-on sheet.
  private func followOnOnly(_ entry: LayoutSpec.SectionEntry) -> LayoutSpec.SectionEntry? {
    switch entry {
    case .section(let section, _): compacting.followOn.contains(section) ? entry : nil
    case .row(let sections):
      sections.contains(where: compacting.followOn.contains) ? .row(sections.filter(compacting.followOn.contains)) : nil
    case .pageBreak, .panelBreak: nil
    }
  }

  /// The blocks of some layout entries.
  private func blocks(_ entries: [LayoutSpec.SectionEntry]) -> [Block] {
    var blocks: [Block] = []
    // Under the sections-beside-cards compaction, the home-care cards' index in `blocks`, while
    // the entries that follow them may join their columns.
    var cardsIndex: Int?
    for entry in entries {
      if let index = cardsIndex, case .cards(var cards) = blocks[index], let sections = Self.besideCards(entry) {
        let side = sections.flatMap(sideCards)
        cards.cards += side
        cards.trailing += side.count
        blocks[index] = .cards(cards)
        continue
      }
      cardsIndex = nil
      switch entry {
      case .section(.homeCare, _) where compacting.compactions.contains(.sectionsBesideCards):
        blocks += build(.homeCare)
        if case .cards? = blocks.last { cardsIndex = blocks.count - 1 }
      case .section(let section, let columns):
        let built = build(section)
        if columns > 1, case .heading? = built.first, built.count > 1 {
          blocks += [built[0], .columns(Columns(count: columns, gap: 18, content: Array(built.dropFirst())))]
        } else if columns > 1, !built.isEmpty {
          blocks.append(.columns(Columns(count: columns, gap: 18, content: built)))
        } else {
          blocks += built
        }
      case .row(let sections):
        let cells = sections.map { Row.Cell(build($0)) }.filter { !$0.content.isEmpty }
        if cells.count == 1 {
          blocks += cells[0].content
        } else if !cells.isEmpty {
          blocks.append(.row(Row(cells: cells, gap: 24, spaceAfter: 4)))
        }
      case .pageBreak: blocks.append(.pageBreak)
      case .panelBreak: blocks.append(.regionBreak)
      }
    }
    return blocks
  }

  /// The sections of a layout entry that may sit in the home-care cards' columns: the take-care
  /// list, the therapist's notes and the booking box; nil when the entry holds anything else.
  private static func besideCards(_ entry: LayoutSpec.SectionEntry) -> [LayoutSpec.Section]? {
    let allowed: Set<LayoutSpec.Section> = [.precautions, .notes, .booking]
    let sections = entry.sections
    return !sections.isEmpty && sections.allSatisfy(allowed.contains) ? sections : nil
  }

  private func document(_ blocks: [Block], options: ComposeOptions) -> Document {
    let clinicName = plan.clinic?.name ?? ""
    // Large print has room for the clinic's name alone beside the page number. The plan's text
    // is a literal part; only our own label holds the page number and count.
    let footerParts = isLargeType ? [clinicName] : [clinicName, plan.clinic?.phone].compactMap { $0 }
    let footer = RunningText(
      leading: [.text(footerParts.filter { !$0.isEmpty }.joined(separator: "  ·  "))],
      trailing: RunningText.parts(ofTemplate: catalog.label("pageOf")),
      style: styles.small, rule: palette.line)
    let date = options.creationDate ?? plan.date.map { "\($0)T00:00:00Z" }
    var keywords = ["care plan"]
    if let condition = conditionEntry { keywords.append(condition.name) }
    keywords += plan.techniques.compactMap { $0.id.flatMap { catalog.technique($0)?.name } }
    let metadata = Metadata(
      title: documentTitle, author: plan.clinic?.name, subject: conditionEntry?.name ?? plan.subtitle,
      keywords: keywords, creator: options.creator, language: plan.language, creationDate: date)
    // A folded sheet has no running footer: its pages are panels, not pages to number.
    return Document(
      metadata: metadata, page: page, footer: spec.fold == nil ? footer : nil, blocks: blocks, assets: assets.images)
  }

  var documentTitle: String {
    if let title = plan.title { return title }
    let base = catalog.label(titleLabel)
    return plan.client.map { "\(base): \($0.name)" } ?? base
  }

  /// A layout whose home program is the tracker alone (no cards) is a tracker, and says so.
  var titleLabel: String {
    spec.includes(.tracker) && !spec.includes(.homeCare) ? "trackerTitle" : "yourCarePlan"
  }

  func build(_ section: LayoutSpec.Section) -> [Block] {
    switch section {
    case .header: header()
    case .title: title()
    case .info: info()
    case .keyMessage: keyMessage()
    case .condition: condition()
    case .symptoms: symptoms()
    case .goals: goals()
    case .sessions: painChart() + history()
    case .bodyMap: bodyMap()
    case .painChart: painChart()
    case .history: history()
    case .cover: cover()
    case .contact: contact()
    case .techniques: techniques()
    case .homeCare: homeCare()
    case .benefits: benefits()
    case .precautions: precautions()
    // The disclaimer follows the red flags: what the sheet does not replace is said where the
    // reader learns when to get help, and it never stands alone on a last page.
    case .redFlags:
      redFlags() + [
        .paragraph(
          Paragraph(
            catalog.label(compacting.compactions.contains(.shorterText) ? "disclaimerShort" : "disclaimer"),
            style: styles.small, spaceBefore: space(6), spaceAfter: space(12)))
      ]
    case .faq: faq()
    case .notes: notes()
    case .booking: booking()
    case .tracker: tracker()
    }
  }

  // MARK: Building blocks shared by the sections

  func heading(_ text: String, level: Int = 2) -> Block {
    let style = level <= 2 ? styles.heading : styles.subheading
    return .heading(
      Heading(level: level, Paragraph(text, style: style, spaceBefore: space(level <= 2 ? 16 : 10), spaceAfter: space(5))))
  }

  func paragraph(_ text: String, style: TextStyle? = nil, after: Double = 6) -> Block {
    .paragraph(Paragraph(text, style: style ?? styles.body, spaceAfter: space(after)))
  }

  func bullets(_ items: [String], marker: ListBlock.Marker? = nil) -> Block {
    .list(
      ListBlock(
        marker: marker ?? .square(palette.accent), items: items.map { [paragraph($0, after: 0)] },
        markerStyle: styles.body, indent: 18, itemSpacing: space(4), spaceAfter: space(6)))
  }

  /// Vertical space in points, cut by 40 % under the tighter-spacing compaction.
  func space(_ points: Double) -> Double {
    compacting.compactions.contains(.tighterSpacing) ? points * 0.6 : points
  }

  /// Sizes of the home-care illustrations, the logo and the booking code, smaller under the
  /// smaller-illustrations compaction.
  var illustrationWidth: Double {
    // Never under 1.5 in (108 pt) on a flat page: a teaching drawing must show its positions.
    let isSmaller = compacting.compactions.contains(.smallerIllustrations)
    return isFolded ? 84 : isLargeType ? (isSmaller ? 160 : 180) : (isSmaller ? 108 : 116)
  }

  /// The padding of a callout box (the key message, the red flags).
  var boxPadding: EdgeInsets {
    EdgeInsets(top: space(12), right: 14, bottom: space(12), left: 18)
  }

  /// The logo is never made smaller: its own words must print at 12 pt or more (18 in large print).
  var logoHeight: Double { isLargeType ? 90 : 60 }

  var bookingCodeSide: Double { compacting.compactions.contains(.smallerIllustrations) ? 60 : 72 }

  func rule() -> Block {
    let width = page.body.width
    return .drawing(
      Drawing(
        size: Size(width: width, height: 1),
        shapes: [Shape([.rectangle(Rect(x: 0, y: 0, width: width, height: 0.75))], fill: palette.line)],
        alternativeText: "", spaceAfter: space(14)))
  }
}
