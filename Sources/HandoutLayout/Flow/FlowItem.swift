/// One element of the vertical list that blocks are collected into before pagination.
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
    /// Content that flows through columns; pagination cuts it into pieces that fit.
    case columns(ColumnFlow)
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

  var height: Double {
    switch kind {
    case .content(let height, _): height
    case .space(let height): height
    case .pageBreak, .regionBreak, .columns: 0
    }
  }

  var isContent: Bool {
    switch kind {
    case .content, .columns: true
    case .space, .pageBreak, .regionBreak: false
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

/// How strongly a break is avoided; pagination takes the last break of the weakest rule.
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
}
