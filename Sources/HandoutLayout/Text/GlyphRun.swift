/// A run of shaped text in one font, size and colour: glyphs at fixed positions, and the
/// characters they stand for, so the renderer can draw it without shaping again and copied
/// text keeps its clusters.
public struct GlyphRun: Sendable, Hashable {
  /// The face, in the laid-out document's font table.
  public var font: FontID
  /// The font size, in points.
  public var size: Double
  /// Where the run's pen starts, from the line's left edge.
  public var x: Double
  /// How far the run's baseline is raised above the line's.
  public var rise: Double
  /// The glyphs in visual order, left to right.
  public var glyphs: [Glyph]
  /// The characters the run stands for, in logical order.
  public var text: String
  /// Which bytes of `text` each group of glyphs draws, in the order Cairo wants them.
  public var clusters: [TextCluster]
  /// The run's embedding level in the Unicode bidirectional algorithm: even left to right,
  /// odd right to left; digits inside right-to-left text are at 2. What puts a line's runs
  /// back in reading order (``inLogicalOrder(_:)``).
  public var bidiLevel: Int
  /// Whether the clusters map to the glyphs from the last one back (right-to-left text: an
  /// odd level).
  public var hasBackwardClusters: Bool { bidiLevel & 1 == 1 }
  public var color: Color
  /// The BCP 47 language the run was shaped for.
  public var language: String
  /// Whether the face draws colour bitmaps (emoji) rather than outlines.
  public var isColorEmoji: Bool
  /// Characters no loaded face could draw; they are drawn as the face's missing-glyph box.
  public var missingGlyphCount: Int

  public init(
    font: FontID, size: Double, x: Double, rise: Double = 0, glyphs: [Glyph], text: String,
    clusters: [TextCluster], bidiLevel: Int = 0, color: Color, language: String,
    isColorEmoji: Bool = false, missingGlyphCount: Int = 0
  ) {
    self.font = font
    self.size = size
    self.x = x
    self.rise = rise
    self.glyphs = glyphs
    self.text = text
    self.clusters = clusters
    self.bidiLevel = bidiLevel
    self.color = color
    self.language = language
    self.isColorEmoji = isColorEmoji
    self.missingGlyphCount = missingGlyphCount
  }

  /// The sum of the glyphs' advances.
  public var width: Double {
    glyphs.reduce(0) { $0 + $1.advance }
  }
}

/// One glyph of a run: which one, how far it moves the pen, and how far it sits off the pen.
public struct Glyph: Sendable, Hashable {
  /// The glyph's index in its face; ``invisible`` for characters that take space but draw
  /// nothing (a zero-width joiner, a line's end).
  public var id: UInt32
  public var advance: Double
  /// Offsets from the pen position, right and down.
  public var xOffset: Double
  public var yOffset: Double

  /// The id of a glyph that is not drawn.
  public static let invisible: UInt32 = 0x0FFF_FFFF

  public init(id: UInt32, advance: Double, xOffset: Double = 0, yOffset: Double = 0) {
    self.id = id
    self.advance = advance
    self.xOffset = xOffset
    self.yOffset = yOffset
  }

  /// Whether the glyph puts ink on the page.
  public var isDrawn: Bool { id != Glyph.invisible }
}

/// A cluster: bytes of a run's UTF-8 text drawn by a number of its (drawn) glyphs, as
/// `cairo_text_cluster_t` has it.
public struct TextCluster: Sendable, Hashable {
  public var byteCount: Int
  public var glyphCount: Int

  public init(byteCount: Int, glyphCount: Int) {
    self.byteCount = byteCount
    self.glyphCount = glyphCount
  }
}

extension GlyphRun {
  /// A line's runs, given in visual order (left to right), in the order they are read: the
  /// reordering of the Unicode bidirectional algorithm (UAX #9, rule L2) undone. L2 reverses,
  /// from the highest level down to the lowest odd one, every stretch of runs at that level or
  /// higher; those reversals map each other's stretches onto themselves, so doing them again
  /// gives the logical order back. "מתיחות 3 פעמים ביום" is drawn "ביום פעמים 3 מתיחות", its
  /// digits at level 2 inside level-1 Hebrew, and read in its own order.
  public static func inLogicalOrder(_ runs: [GlyphRun]) -> [GlyphRun] {
    guard let highest = runs.map(\.bidiLevel).max(), highest > 0 else { return runs }
    let lowestOdd = runs.map(\.bidiLevel).filter { $0 & 1 == 1 }.min() ?? 1
    var ordered = runs
    var level = highest
    while level >= lowestOdd {
      var index = 0
      while index < ordered.count {
        guard ordered[index].bidiLevel >= level else {
          index += 1
          continue
        }
        var end = index
        while end < ordered.count, ordered[end].bidiLevel >= level { end += 1 }
        ordered[index..<end].reverse()
        index = end
      }
      level -= 1
    }
    return ordered
  }
}
