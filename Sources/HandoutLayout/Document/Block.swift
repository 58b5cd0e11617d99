/// One element of the document tree, stacked vertically in the flow.
public indirect enum Block: Sendable {
  /// A section heading, level 1 to 6; it never ends a page.
  case heading(Heading)
  case paragraph(Paragraph)
  case list(ListBlock)
  /// Labels beside their values, as in "Therapist: Dana Whitfield".
  case grid(LabelValueGrid)
  /// Blocks inside a filled and bordered frame.
  case box(Box)
  /// Cells side by side; a row taller than what is left of a region splits line by line in
  /// each cell.
  case row(Row)
  /// Cards (boxes) in columns, each placed in the shortest column so far; a card moves whole
  /// to the next region unless it is taller than one.
  case cards(Cards)
  /// Rows and columns; header rows repeat at the top of every page the table runs onto.
  case table(Table)
  case image(Image)
  case drawing(Drawing)
  /// Empty vertical space; none is left at the top of a page.
  /// Content flowing through `count` columns, continued on the next region when it runs out.
  case columns(Columns)
  /// Ends the current region (column or panel); what follows starts the next one.
  case regionBreak
  case spacer(Double)
  case pageBreak
  /// Blocks that move to the next page together rather than be split.
  case keepTogether([Block])
  /// Blocks kept together that, when they do not fit in the room left on a page, let the
  /// blocks after them fill that room and open the next page themselves: a worksheet that
  /// would otherwise leave a hole below the text before it.
  case floating([Block])
}

/// A heading, whose text also becomes an outline entry.
public struct Heading: Sendable {
  public var level: Int
  public var paragraph: Paragraph

  public init(level: Int, _ paragraph: Paragraph) {
    self.level = level
    self.paragraph = paragraph
  }
}

/// Styled runs of text broken into lines.
public struct Paragraph: Sendable {
  public var text: StyledText
  public var spaceBefore: Double
  public var spaceAfter: Double
  /// Whether the paragraph stays on the page of what follows it, as a heading does: an
  /// introduction to the cards or table after it.
  public var keepsWithNext: Bool
  /// A name the page carries where the paragraph's first line is placed (``FrameItem/marker``),
  /// so that the order blocks took can be read from the pages.
  public var marker: String?

  public init(
    _ spans: [Span], style: TextStyle, spaceBefore: Double = 0, spaceAfter: Double = 0, keepsWithNext: Bool = false,
    marker: String? = nil
  ) {
    self.text = StyledText(spans: spans, style: style)
    self.spaceBefore = spaceBefore
    self.spaceAfter = spaceAfter
    self.keepsWithNext = keepsWithNext
    self.marker = marker
  }

  /// A paragraph of plain text in one style.
  public init(
    _ text: String, style: TextStyle, spaceBefore: Double = 0, spaceAfter: Double = 0, keepsWithNext: Bool = false,
    marker: String? = nil
  ) {
    self.init(
      [Span(text)], style: style, spaceBefore: spaceBefore, spaceAfter: spaceAfter, keepsWithNext: keepsWithNext,
      marker: marker)
  }
}

/// A bulleted or numbered list; each item holds blocks of its own.
public struct ListBlock: Sendable {
  public enum Marker: Sendable, Hashable {
    case bullet
    case number
    /// A small filled square in a colour, for check-list-like lists.
    case square(Color)
  }

  public var marker: Marker
  public var items: [[Block]]
  /// The style of the markers.
  public var markerStyle: TextStyle
  /// Distance from the list's left edge to the item text.
  public var indent: Double
  /// Space between items.
  public var itemSpacing: Double
  public var spaceAfter: Double

  public init(
    marker: Marker, items: [[Block]], markerStyle: TextStyle, indent: Double = 18,
    itemSpacing: Double = 4, spaceAfter: Double = 0
  ) {
    self.marker = marker
    self.items = items
    self.markerStyle = markerStyle
    self.indent = indent
    self.itemSpacing = itemSpacing
    self.spaceAfter = spaceAfter
  }
}

/// Label and value pairs laid out in rows of `columns` pairs.
public struct LabelValueGrid: Sendable {
  public var entries: [(label: String, value: [Span])]
  public var labelStyle: TextStyle
  public var valueStyle: TextStyle
  /// Pairs per row.
  public var columns: Int
  public var rowSpacing: Double
  public var spaceAfter: Double

  public init(
    entries: [(label: String, value: [Span])], labelStyle: TextStyle, valueStyle: TextStyle,
    columns: Int = 2, rowSpacing: Double = 6, spaceAfter: Double = 0
  ) {
    self.entries = entries
    self.labelStyle = labelStyle
    self.valueStyle = valueStyle
    self.columns = columns
    self.rowSpacing = rowSpacing
    self.spaceAfter = spaceAfter
  }
}

/// A frame around blocks: fill, border, rounded corners and padding.
public struct Box: Sendable {
  public var content: [Block]
  public var fill: Color?
  public var border: Color?
  public var borderWidth: Double
  /// A thick bar on the leading edge, as callouts use.
  public var accentBar: Color?
  public var cornerRadius: Double
  public var padding: EdgeInsets
  /// Whether the box moves whole to the next page rather than split (unless taller than one).
  public var keepsTogether: Bool
  /// Set at the top of every piece after the first when the box splits, such as its heading
  /// followed by "(continued)"; read as an artifact, not twice.
  public var continuation: [Block]
  public var spaceBefore: Double
  public var spaceAfter: Double

  public init(
    content: [Block], fill: Color? = nil, border: Color? = nil, borderWidth: Double = 0.75,
    accentBar: Color? = nil, cornerRadius: Double = 0, padding: EdgeInsets = EdgeInsets(all: 10),
    keepsTogether: Bool = true, continuation: [Block] = [], spaceBefore: Double = 0, spaceAfter: Double = 0
  ) {
    self.content = content
    self.continuation = continuation
    self.fill = fill
    self.border = border
    self.borderWidth = borderWidth
    self.accentBar = accentBar
    self.cornerRadius = cornerRadius
    self.padding = padding
    self.keepsTogether = keepsTogether
    self.spaceBefore = spaceBefore
    self.spaceAfter = spaceAfter
  }
}

/// Cells side by side, each a fraction of the width.
public struct Row: Sendable {
  public struct Cell: Sendable {
    /// Relative width; the cells share the row's width in proportion.
    public var weight: Double
    public var content: [Block]
    public var verticalAlignment: VerticalAlignment

    public init(weight: Double = 1, verticalAlignment: VerticalAlignment = .top, _ content: [Block]) {
      self.weight = weight
      self.content = content
      self.verticalAlignment = verticalAlignment
    }
  }

  public enum VerticalAlignment: Sendable { case top, center, bottom }

  public var cells: [Cell]
  public var gap: Double
  public var spaceAfter: Double

  public init(cells: [Cell], gap: Double = 12, spaceAfter: Double = 0) {
    self.cells = cells
    self.gap = gap
    self.spaceAfter = spaceAfter
  }
}

/// A raster or vector image from the document's asset table, scaled down to fit its region.
public struct Image: Sendable {
  public enum Format: String, Sendable { case svg, png, jpeg }

  /// The image, in the document's ``AssetTable``.
  public var asset: AssetID
  /// The wanted size; the intrinsic size is used for what is left `nil`.
  public var width: Double?
  public var height: Double?
  public var alignment: TextAlignment
  public var alternativeText: String
  public var spaceAfter: Double
  /// The structure elements the figure sits in (a table cell, a list item), set by layout.
  public var ancestors: [StructureElement] = []

  public init(
    asset: AssetID, width: Double? = nil, height: Double? = nil, alignment: TextAlignment = .start,
    alternativeText: String, spaceAfter: Double = 0
  ) {
    self.asset = asset
    self.width = width
    self.height = height
    self.alignment = alignment
    self.alternativeText = alternativeText
    self.spaceAfter = spaceAfter
  }
}

/// Vector shapes in their own coordinate space, scaled to fit.
public struct Drawing: Sendable, Hashable {
  public var size: Size
  public var shapes: [Shape]
  /// Text set at points of the drawing: axis values, dates, captions.
  public var labels: [DrawingLabel]
  public var alternativeText: String
  public var alignment: TextAlignment
  public var spaceAfter: Double
  /// The structure elements the figure sits in (a table cell, a list item), set by layout.
  public var ancestors: [StructureElement] = []

  public init(
    size: Size, shapes: [Shape], labels: [DrawingLabel] = [], alternativeText: String,
    alignment: TextAlignment = .start, spaceAfter: Double = 0
  ) {
    self.size = size
    self.shapes = shapes
    self.labels = labels
    self.alternativeText = alternativeText
    self.alignment = alignment
    self.spaceAfter = spaceAfter
  }
}

/// One line of text in a drawing, its baseline at `position`, anchored at its start, centre
/// or end. The drawing's scale moves it but does not shrink it.
public struct DrawingLabel: Sendable, Hashable {
  public var text: String
  public var position: Point
  public var anchor: TextAlignment
  public var style: TextStyle

  public init(_ text: String, at position: Point, anchor: TextAlignment = .start, style: TextStyle) {
    self.text = text
    self.position = position
    self.anchor = anchor
    self.style = style
  }
}

/// One filled or stroked path of a ``Drawing``.
public struct Shape: Sendable, Hashable {
  public enum Element: Sendable, Hashable {
    case move(Point)
    case line(Point)
    case curve(Point, Point, Point)
    case close
    case rectangle(Rect)
    case ellipse(Rect)
  }

  public var elements: [Element]
  public var fill: Color?
  public var stroke: Color?
  public var lineWidth: Double

  public init(_ elements: [Element], fill: Color? = nil, stroke: Color? = nil, lineWidth: Double = 1) {
    self.elements = elements
    self.fill = fill
    self.stroke = stroke
    self.lineWidth = lineWidth
  }
}

/// A table: rows of cells under optional header rows.
public struct Table: Sendable {
  /// How wide a column is.
  public enum ColumnWidth: Sendable, Hashable {
    /// A width in points.
    case fixed(Double)
    /// A share of what the fixed and automatic columns leave.
    case relative(Double)
    /// As wide as the column's widest unbroken content, within what is left.
    case automatic
  }

  public var columns: [ColumnWidth]
  /// Rows repeated at the top of each page the table continues on.
  public var headerRows: [[[Block]]]
  public var rows: [[[Block]]]
  public var headerFill: Color?
  /// The fill of every other body row, for legibility.
  public var stripeFill: Color?
  public var ruleColor: Color?
  public var cellPadding: EdgeInsets
  public var spaceAfter: Double
  /// For each body row, the marker (``Paragraph/marker``) of what the row stands for, if any.
  /// Rows whose markers were laid out before the table take the order their markers took
  /// there, in the places those rows hold: a tracker's rows follow the cards as printed,
  /// where cards filling gaps changed their order.
  public var rowsFollow: [String?] = []

  public init(
    columns: [ColumnWidth], headerRows: [[[Block]]] = [], rows: [[[Block]]], headerFill: Color? = nil,
    stripeFill: Color? = nil, ruleColor: Color? = nil,
    cellPadding: EdgeInsets = EdgeInsets(top: 4, right: 6, bottom: 4, left: 6), spaceAfter: Double = 0
  ) {
    self.columns = columns
    self.headerRows = headerRows
    self.rows = rows
    self.headerFill = headerFill
    self.stripeFill = stripeFill
    self.ruleColor = ruleColor
    self.cellPadding = cellPadding
    self.spaceAfter = spaceAfter
  }
}

/// Cards laid into `count` columns: each card goes into the column that is shortest so far,
/// so cards of uneven height leave no holes. Reading order is the cards' order.
public struct Cards: Sendable {
  public var count: Int
  public var gap: Double
  /// The vertical space between two cards in a column.
  public var spacing: Double
  public var cards: [Block]
  /// Whether a later card may take the room at a region's foot that the next card is too tall
  /// for; the skipped card then leads the next region. Off: cards keep their order.
  public var fillsGaps: Bool
  /// How many of the last cards follow all the others: filling gaps never moves one of them
  /// ahead of an earlier card (the take-care list after the exercises).
  public var trailing: Int
  public var spaceAfter: Double

  public init(
    count: Int, gap: Double = 12, spacing: Double = 12, cards: [Block], fillsGaps: Bool = false, trailing: Int = 0,
    spaceAfter: Double = 0
  ) {
    self.count = count
    self.gap = gap
    self.spacing = spacing
    self.cards = cards
    self.fillsGaps = fillsGaps
    self.trailing = trailing
    self.spaceAfter = spaceAfter
  }
}

/// Columns that content flows through: down the first, then the next, then on to the next
/// region. The last piece is balanced, so short content gives columns of even height.
public struct Columns: Sendable {
  public var count: Int
  public var gap: Double
  public var content: [Block]
  public var spaceAfter: Double

  public init(count: Int, gap: Double = 18, content: [Block], spaceAfter: Double = 0) {
    self.count = count
    self.gap = gap
    self.content = content
    self.spaceAfter = spaceAfter
  }
}
