import Foundation

/// Copies of the page's fonts in which the glyph an emoji's text stands on maps to the emoji.
///
/// `PictureText` shows one invisible glyph inside each emoji's sequence, a glyph of a font the
/// page uses. Text extraction takes the sequence's `/ActualText`, but Poppler reads a
/// structure element's text (`pdfinfo -struct-text`) from glyphs' ToUnicode alone. So the
/// glyph is shown in a copy of its font whose ToUnicode maps that glyph's code to the emoji:
/// the same font program, widths and descriptor, another ToUnicode. One copy per font, code
/// and text, shared by the pages that show it.
struct PictureTextFonts {
  private struct Key: Hashable {
    var font: Int
    var code: String
    var text: String
  }

  private var copies: [Key: (name: String, object: Int)] = [:]

  /// The resource name and object of the copy of font object `font` in which `glyph`'s code
  /// maps to its text; nil when the font cannot be copied.
  mutating func copy(of font: Int, for glyph: PictureText.Glyph, file: PDFFile, update: inout PDFRewrite) -> (name: String, object: Int)? {
    let key = Key(font: font, code: glyph.code, text: glyph.text)
    if let known = copies[key] { return known }
    guard glyph.code.count == 2 || glyph.code.count == 4, glyph.code.allSatisfy(\.isHexDigit), !glyph.text.isEmpty,
      let body = file.objectBody(font)
    else { return nil }
    let dictionary = Array(file.bytes[body])
    guard let entry = dictionary.firstRange(of: Array("/ToUnicode ".utf8)) else { return nil }
    // The reference after `/ToUnicode`: `N 0 R`.
    var end = entry.upperBound
    var words = 0
    while end < dictionary.count, words < 3 {
      while end < dictionary.count, dictionary[end] == 32 || dictionary[end] == 10 { end += 1 }
      let start = end
      while end < dictionary.count, ![32, 10, 13, UInt8(ascii: "/"), UInt8(ascii: ">")].contains(dictionary[end]) { end += 1 }
      guard end > start else { return nil }
      words += 1
    }
    guard words == 3, dictionary[end - 1] == UInt8(ascii: "R") else { return nil }
    let space = glyph.code.count == 2 ? "<00> <ff>" : "<0000> <ffff>"
    let cmap = """
      /CIDInit /ProcSet findresource begin
      12 dict begin
      begincmap
      /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
      /CMapName /Adobe-Identity-UCS def
      /CMapType 2 def
      1 begincodespacerange
      \(space)
      endcodespacerange
      1 beginbfchar
      <\(glyph.code.lowercased())> \(utf16Hex(glyph.text))
      endbfchar
      endcmap
      CMapName currentdict /CMap defineresource pop
      end
      end

      """
    guard let compressed = deflate(Array(cmap.utf8)) else { return nil }
    let toUnicode = update.add(
      Array("<< /Length \(compressed.count)\n   /Filter /FlateDecode\n>>\nstream\n".utf8) + compressed + Array("\nendstream\n".utf8))
    let object = update.add(Array(dictionary[..<entry.upperBound]) + Array("\(toUnicode) 0 R".utf8) + Array(dictionary[end...]))
    let made = (name: "/ft-\(copies.count + 1)", object: object)
    copies[key] = made
    return made
  }

  /// A resources object's text with `fonts` added to its `/Font` dictionary; nil when it has
  /// none written in place.
  static func resources(_ number: Int, adding fonts: [(name: String, object: Int)], file: PDFFile) -> [UInt8]? {
    guard let body = file.objectBody(number) else { return nil }
    var text = Array(file.bytes[body])
    guard let font = text.firstRange(of: Array("/Font".utf8)) else { return nil }
    var open = font.upperBound
    while open < text.count, text[open] == 32 || text[open] == 10 || text[open] == 13 { open += 1 }
    guard open + 1 < text.count, text[open] == UInt8(ascii: "<"), text[open + 1] == UInt8(ascii: "<") else { return nil }
    text.insert(contentsOf: Array(fonts.map { " \($0.name) \($0.object) 0 R" }.joined().utf8), at: open + 2)
    return text
  }

  /// A text's UTF-16BE code units as a hex string, without a byte-order mark (a CMap's form).
  private func utf16Hex(_ text: String) -> String {
    "<" + text.utf16.map { String(format: "%04x", $0) }.joined() + ">"
  }
}
