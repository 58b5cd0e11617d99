/// One element of the vertical list that blocks are collected into before distribution.
struct FlowItem {
  enum Kind {
    /// Something that takes height, with its items relative to its top-left corner.
    case content(height: Double, items: [FrameItem])
    /// Vertical space, dropped at the top and foot of a page.
    case space(Double)
    /// Ends the page here.
    case pageBreak
    /// Ends the region (column or panel) here.
    case regionBreak
    /// Content that flows through columns; distribution cuts it into pieces that fit.
    case columns(ColumnFlow)
    /// Flows side by side (a row's cells, a table row); distribution cuts each at one height.
    case row(RowFlow)
    /// Cards, each into the shortest of some columns; distribution cuts between cards.
    case cards(CardFlow)
  }

  var kind: Kind
  /// How strongly a page break right after this item is avoided.
  var breakAfter: BreakRule = .allowed
  /// The boxes this item sits in, outermost first; their frames are drawn around it.
  var containers: [Int] = []
  /// The first baseline from the item's top, for list markers.
  var firstBaseline: Double?
  /// What the item is, for debug outlines.
  var label = ""
  /// For a table's body rows: the table, whose header rows repeat when a page starts here.
  var table: Int?
  /// The box whose top padding this item is; a box split across regions gets its padding back.
  var opens: Int?
  /// The box whose bottom padding this item is.
  var closes: Int?
  /// The outermost keep-together group the item belongs to; a row or columns block inside
  /// one splits only when the region began with the group.
  var group: Int?

  var height: Double {
    switch kind {
    case .content(let height, _): height
    case .space(let height): height
    case .pageBreak, .regionBreak, .columns, .row, .cards: 0
    }
  }

  var isContent: Bool {
    switch kind {
    case .content, .columns, .row, .cards: true
    case .space, .pageBreak, .regionBreak: false
    }
  }

  /// Whether distribution must cut the item into pieces before it can be composed.
  var isSplittable: Bool {
    switch kind {
    case .columns, .row, .cards: true
    case .content, .space, .pageBreak, .regionBreak: false
    }
  }
}

/// The flow items of a columns block, collected at the width of one column.
struct ColumnFlow {
  var items: [FlowItem]
  var count: Int
  var gap: Double
  var columnWidth: Double
}

/// Flows laid side by side and cut at one height: the cells of a row or of a table row.
struct RowFlow {
  struct Cell {
    /// The cell's flow, collected at its x and width.
    var items: [FlowItem]
    var alignment: Row.VerticalAlignment
  }

  var cells: [Cell]
  /// Where the row's fill and rule run.
  var x: Double
  var width: Double
  /// Space above and below the cells in every piece (a table's cell padding).
  var paddingTop: Double = 0
  var paddingBottom: Double = 0
  /// A fill behind every piece (a table's stripe or header fill).
  var fill: Color?
  /// A rule under the last piece.
  var rule: Color?
  /// Whether the row moves whole to the next region rather than split below other content
  /// (a table row); a row of text columns splits line by line.
  var movesWhole = false
  /// Drawn with the first piece, relative to its top (a list marker).
  var leading: [FrameItem] = []
}

/// Cards laid into columns, each into the one that is shortest so far, in order.
struct CardFlow {
  /// Each card's flow, collected at the width of one column from x 0.
  var cards: [[FlowItem]]
  var count: Int
  var gap: Double
  var columnWidth: Double
  /// The vertical space between two cards in a column.
  var spacing: Double
  /// Whether a later card may take the room an earlier one is too tall for.
  var fillsGaps = false
  /// How many of the last cards never go ahead of an earlier one.
  var trailing = 0
  /// The columns of the first cards: what is left of two or more cards cut at the foot of
  /// the region before goes on in the columns they were cut in.
  var leadingColumns: [Int] = []
}

/// How strongly a break is avoided; distribution takes the last break of the weakest rule.
enum BreakRule: Int, Comparable {
  case allowed
  /// Would leave fewer than two lines of a paragraph on one side.
  case widowOrphan
  /// Inside a keep-together group.
  case keepTogether
  /// Right after a heading.
  case keepWithNext

  static func < (a: BreakRule, b: BreakRule) -> Bool { a.rawValue < b.rawValue }
}

/// The frame drawn around the items of one box.
struct Container {
  var x: Double
  var width: Double
  var fill: Color?
  var border: Color?
  var borderWidth: Double
  var accentBar: Color?
  var cornerRadius: Double
  var padding: EdgeInsets
  var depth: Int
  /// Set under the top padding of every piece after the first, when the box splits.
  var continuation: [FlowItem] = []
}
