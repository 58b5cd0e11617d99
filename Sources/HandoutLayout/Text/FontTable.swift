/// Identifies a face in a ``FontTable``.
public struct FontID: Sendable, Hashable, Comparable {
  public var rawValue: Int

  public init(_ rawValue: Int) {
    self.rawValue = rawValue
  }

  public static func < (a: FontID, b: FontID) -> Bool { a.rawValue < b.rawValue }
}

/// A font face as the renderer loads it: the file, the face inside it, and how the shaper
/// had it set up, so that what is drawn is what was measured.
public struct FontFace: Sendable, Hashable {
  /// The font file's path.
  public var file: String
  /// The face's index inside the file (a `.ttc` collection holds several).
  public var index: Int
  /// The family and style, for people reading a frame dump.
  public var name: String
  /// The face's rendering properties as a fontconfig pattern (`embeddedbitmap=True:…`), for
  /// `cairo_ft_font_face_create_for_pattern`: hinting, antialiasing, synthetic bold, variations.
  public var renderingOptions: String
  /// The face's transform (a synthetic slant, a bitmap strike's scaling) per point of size:
  /// `xx, yx, xy, yy` as in `cairo_matrix_t`.
  public var transform: [Double]
  /// Whether the face draws colour bitmaps (emoji) rather than outlines.
  public var isColor: Bool

  public init(
    file: String, index: Int, name: String, renderingOptions: String = "",
    transform: [Double] = [1, 0, 0, 1], isColor: Bool = false
  ) {
    self.file = file
    self.index = index
    self.name = name
    self.renderingOptions = renderingOptions
    self.transform = transform
    self.isColor = isColor
  }
}

/// The faces glyph runs refer to, by ``FontID``.
public struct FontTable: Sendable, Hashable {
  public private(set) var faces: [FontFace]

  public init(_ faces: [FontFace] = []) {
    self.faces = faces
  }

  /// The face `id` names, or `nil` when the table has none by that id.
  public subscript(id: FontID) -> FontFace? {
    faces.indices.contains(id.rawValue) ? faces[id.rawValue] : nil
  }

  /// The id of `face`, added to the table when it is new.
  public mutating func id(of face: FontFace) -> FontID {
    if let index = faces.firstIndex(of: face) { return FontID(index) }
    faces.append(face)
    return FontID(faces.count - 1)
  }
}
