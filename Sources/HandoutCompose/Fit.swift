import HandoutLayout

extension LayoutSpec {
  /// A page budget: the most pages a plan should take in this layout, and the compactions the
  /// engine may apply, in order, to meet it.
  public struct Fit: Sendable, Codable, Hashable {
    /// The most pages, such as 2 for one sheet printed on both sides.
    public var pages: Int
    /// What the engine may do, least first; each step keeps the ones before it.
    public var compactions: [Compaction]
    /// The sections a follow-on sheet takes, one more each time, for ``Compaction/followOnSheet``.
    public var followOn: [Section]?
    /// The smallest body size in points compaction may leave; 12 unless given (18 in large print).
    public var minimumBody: Double?
    /// Sections printed only where the page budget allows: added to the fitted plan, and kept
    /// when they take no page more (the week's tracker on a take-home).
    public var optional: [Section]?

    public init(
      pages: Int, compactions: [Compaction], followOn: [Section]? = nil, minimumBody: Double? = nil,
      optional: [Section]? = nil
    ) {
      self.pages = pages
      self.compactions = compactions
      self.followOn = followOn
      self.minimumBody = minimumBody
      self.optional = optional
    }

    /// Every step the engine may try, least first: no compaction, then each compaction added
    /// in turn; the follow-on sheet takes its sections one at a time.
    public var steps: [Compacting] {
      var steps = [Compacting()]
      var current = Compacting()
      for compaction in compactions {
        if compaction == .followOnSheet {
          for count in 1...max(1, followOn?.count ?? 0) where !(followOn ?? []).isEmpty {
            current.followOn = Array(followOn![..<count])
            steps.append(current)
          }
        } else {
          current.compactions.insert(compaction)
          steps.append(current)
        }
      }
      return steps
    }
  }

  /// A change the engine may make to a layout so that a plan keeps to its page budget.
  public enum Compaction: String, Sendable, Codable, Hashable, CaseIterable {
    /// Line height down by 0.1 (to 1.15 at least), space around headings, paragraphs and cards cut by 40 %.
    case tighterSpacing
    /// Home-care illustrations, the logo and the booking code drawn smaller.
    case smallerIllustrations
    /// Margins a quarter narrower, never closer to the edge than the running footer needs.
    case narrowerMargins
    /// Home-care cards out of order where that fills a gap: a later card takes the room at a
    /// page's foot that the next one is too tall for.
    case cardsFillGaps
    /// The catalogue's shorter wording of each card's steps, purpose, feel and stop lines, and
    /// of the line that explains the drawings: the same instructions in fewer words.
    case shorterText
    /// The take-care list, the therapist's notes and the booking box set in the columns of the
    /// home-care cards, after the cards, instead of below them across the page.
    case sectionsBesideCards
    /// One more column of home-care cards, each narrower.
    case moreCardColumns
    /// The sections in ``Fit/followOn`` moved, one at a time, to a sheet after the budget's pages.
    case followOnSheet

    /// The compaction in words, for `--verbose`.
    public var description: String {
      switch self {
      case .tighterSpacing: "tighter spacing"
      case .smallerIllustrations: "smaller illustrations"
      case .narrowerMargins: "narrower margins"
      case .cardsFillGaps: "cards filling gaps out of order"
      case .shorterText: "shorter catalogue text"
      case .sectionsBesideCards: "take care, notes and booking beside the cards"
      case .moreCardColumns: "one more column of cards"
      case .followOnSheet: "sections moved to a follow-on sheet"
      }
    }
  }

  /// The compactions applied to one composition.
  public struct Compacting: Sendable, Hashable {
    public var compactions: Set<Compaction> = []
    /// The sections moved to the follow-on sheet, in the layout's order.
    public var followOn: [Section] = []
    /// Whether the layout's optional sections (``Fit/optional``) are printed.
    public var includesOptional = false

    public init(compactions: Set<Compaction> = [], followOn: [Section] = [], includesOptional: Bool = false) {
      self.compactions = compactions
      self.followOn = followOn
      self.includesOptional = includesOptional
    }

    /// Whether nothing is changed.
    public var isEmpty: Bool { compactions.isEmpty && followOn.isEmpty }

    /// The compactions in words, in the order a layout lists them.
    public var description: String {
      var parts = Compaction.allCases.filter { compactions.contains($0) }.map(\.description)
      if !followOn.isEmpty {
        parts.append("\(followOn.map(\.rawValue).joined(separator: ", ")) moved to a follow-on sheet")
      }
      return parts.isEmpty ? "no compaction" : parts.joined(separator: ", ")
    }
  }

  /// This layout with the type and margins of `compacting` applied; the composer applies
  /// the rest (spacing, illustration sizes, the follow-on sheet).
  public func compacted(_ compacting: Compacting) -> LayoutSpec {
    var result = self
    if compacting.compactions.contains(.tighterSpacing) {
      result.type.lineHeight = max(1.15, type.lineHeight - 0.1)
    }
    if compacting.compactions.contains(.narrowerMargins) {
      // The running footer sits 14 pt below the body and needs 48 pt to stay 18 pt from the edge.
      result.margins.top = max(24, margins.top * 0.75)
      result.margins.left = max(24, margins.left * 0.75)
      result.margins.right = max(24, margins.right * 0.75)
      result.margins.bottom = max(48, margins.bottom * 0.8)
    }
    let minimum = fit?.minimumBody ?? (type.body >= 16 ? 18 : 12)
    result.type.body = max(result.type.body, min(type.body, minimum))
    return result
  }
}
