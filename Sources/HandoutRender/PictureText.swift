/// Gives a picture that stands for text (a colour emoji, drawn as an image) an invisible glyph
/// inside its `/ActualText` sequence, so that text extraction finds the text.
///
/// The post-pass gives each emoji's marked-content sequence the emoji as `/ActualText`, but
/// Poppler (pdftotext, copying in Evince and Okular) puts an `/ActualText` into the text only
/// where the sequence shows a glyph, and an image is none. So in such a sequence that shows no
/// glyph and draws an image, one glyph is added before `EMC`: in text rendering mode 3
/// (neither filled nor stroked: nothing is drawn), at the image's left edge on the line's
/// baseline, in a font the page already uses, preferably its space (which a reader of the
/// marked content alone takes as a space). The glyph exists in the font: it is one the page
/// shows elsewhere.
///
/// Poppler reads a structure element's text from its glyphs' ToUnicode alone, never from
/// `/ActualText` (`pdfinfo -struct-text` showed 💪 as " "); so `font` may name, for the font,
/// code and text of a glyph, another font resource in which that code maps to the text.
enum PictureText {
  /// A glyph's font resource, its code (two hex digits in a simple font, four in a CID font)
  /// and the text it stands for.
  struct Glyph {
    var font: String
    var code: String
    var text: String
  }

  /// The content with the glyphs added; nil when no sequence needs one. `font` gives the font
  /// resource each glyph is shown in (its own font when it returns nil).
  static func withInvisibleGlyphs(_ content: [UInt8], font: (Glyph) -> String? = { _ in nil }) -> [UInt8]? {
    var scanner = ContentScanner(content)
    var insertions: [(at: Int, text: String)] = []
    scanner.run(font: font) { insertion in insertions.append(insertion) }
    guard !insertions.isEmpty else { return nil }
    var out: [UInt8] = []
    out.reserveCapacity(content.count + insertions.count * 64)
    var copied = 0
    for insertion in insertions {
      out += content[copied..<insertion.at]
      out += Array(insertion.text.utf8)
      copied = insertion.at
    }
    out += content[copied...]
    return out
  }
}

/// Reads a page's content far enough to follow fonts, text positions, images and marked content.
private struct ContentScanner {
  indirect enum Operand {
    case number(Double, Range<Int>)
    case name(Range<Int>)
    case literal(Range<Int>)
    case hex(Range<Int>)
    /// An array, by its first string (what `TJ` shows first).
    case array(first: Operand?)
    case dictionary(Range<Int>)
  }

  struct Sequence {
    var hasActualText: Bool
    /// The sequence's `/ActualText`, when it is a text string in hex.
    var actualText: String?
    var showsText = false
    /// The last image drawn inside: its matrix.
    var image: [Double]?
  }

  let bytes: [UInt8]
  var index = 0
  var operands: [Operand] = []
  var sequences: [Sequence] = []
  var font: Range<Int>?
  var fontSize: Range<Int>?
  /// The text matrix's scale (a, d) and the line's origin.
  var textScale: (Double, Double)?
  var line = (x: 0.0, y: 0.0)
  var matrix: [Double]?
  /// Per font (its name's bytes): a code of a space it shows, and a code of any glyph it shows.
  var spaces: [[UInt8]: String] = [:]
  var codes: [[UInt8]: String] = [:]
  var lastFontWithSpace: [UInt8]?

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  static func isDelimiter(_ byte: UInt8) -> Bool {
    switch byte {
    case 0, 9, 10, 12, 13, 32, UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"),
      UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "/"), UInt8(ascii: "%"):
      true
    default: false
    }
  }

  mutating func run(font rename: (PictureText.Glyph) -> String?, _ insert: (_ insertion: (at: Int, text: String)) -> Void) {
    var arrayStack: [[Operand]] = []
    while let (operand, word, start) = next() {
      if let operand {
        if arrayStack.isEmpty { operands.append(operand) } else { arrayStack[arrayStack.count - 1].append(operand) }
        continue
      }
      switch word {
      case "[":
        arrayStack.append([])
        continue
      case "]":
        guard let items = arrayStack.popLast() else { continue }
        let first = items.first { if case .literal = $0 { return true }; if case .hex = $0 { return true }; return false }
        let array = Operand.array(first: first)
        if arrayStack.isEmpty { operands.append(array) } else { arrayStack[arrayStack.count - 1].append(array) }
        continue
      default: break
      }
      guard arrayStack.isEmpty else { continue }
      operate(word, at: start, rename: rename, insert: insert)
      operands.removeAll(keepingCapacity: true)
    }
  }

  private func numbers(_ count: Int) -> [Double]? {
    guard operands.count >= count else { return nil }
    var values: [Double] = []
    for operand in operands.suffix(count) {
      guard case .number(let value, _) = operand else { return nil }
      values.append(value)
    }
    return values
  }

  private mutating func operate(
    _ word: String, at start: Int, rename: (PictureText.Glyph) -> String?, insert: (_ insertion: (at: Int, text: String)) -> Void
  ) {
    switch word {
    case "BDC":
      var actualText = false
      var text: String?
      if case .dictionary(let range)? = operands.last, let found = bytes[range].firstRange(of: Array("/ActualText".utf8)) {
        actualText = true
        var scanner = PDFScanner(bytes, at: found.upperBound)
        if case .string(let value)? = scanner.value() { text = decodeTextString(value) }
      }
      sequences.append(Sequence(hasActualText: actualText, actualText: text))
    case "BMC":
      sequences.append(Sequence(hasActualText: false))
    case "EMC":
      guard let sequence = sequences.popLast() else { return }
      if sequence.hasActualText, !sequence.showsText, let image = sequence.image,
        let glyph = invisibleGlyph(over: image, text: sequence.actualText, rename: rename)
      {
        insert((start, glyph))
        // An enclosing sequence now shows text too.
        for index in sequences.indices { sequences[index].showsText = true }
      }
    case "Tf":
      guard operands.count >= 2, case .name(let name) = operands[operands.count - 2],
        case .number(_, let size) = operands[operands.count - 1]
      else { return }
      font = name
      fontSize = size
    case "Tm":
      guard let m = numbers(6) else { return }
      textScale = m[1] == 0 && m[2] == 0 ? (m[0], m[3]) : nil
      line = (m[4], m[5])
    case "Td", "TD":
      guard let t = numbers(2), let (a, d) = textScale else { return }
      line = (line.x + t[0] * a, line.y + t[1] * d)
    case "Tj", "'", "\"", "TJ":
      for index in sequences.indices { sequences[index].showsText = true }
      guard let operand = operands.last, let font else { return }
      var shown: Operand? = operand
      if case .array(let first) = operand { shown = first }
      record(shown, font: Array(bytes[font]))
    case "cm":
      matrix = numbers(6)
    case "Do":
      guard let matrix else { return }
      for index in sequences.indices { sequences[index].image = matrix }
    default:
      break
    }
  }

  /// Remembers a code the font shows, and whether it shows a space.
  private mutating func record(_ shown: Operand?, font: [UInt8]) {
    switch shown {
    case .literal(let range)?:
      // The string's bytes between its parentheses, as written: a byte that is not an escape.
      let inner = bytes[(range.lowerBound + 1)..<(range.upperBound - 1)]
      if inner.contains(32) {
        spaces[font] = "20"
        lastFontWithSpace = font
      }
      if codes[font] == nil, let first = inner.first, first != UInt8(ascii: "\\") {
        codes[font] = hex(first)
      }
    case .hex(let range)?:
      let digits = bytes[(range.lowerBound + 1)..<(range.upperBound - 1)].filter { !Self.isDelimiter($0) }
      if codes[font] == nil, digits.count >= 4 { codes[font] = String(decoding: digits.prefix(4), as: UTF8.self) }
    default: break
    }
  }

  private func hex(_ byte: UInt8) -> String {
    let digits = Array("0123456789abcdef".utf8)
    return String(decoding: [digits[Int(byte >> 4)], digits[Int(byte & 15)]], as: UTF8.self)
  }

  /// `q BT 3 Tr … Tj ET Q` at the image's left edge, on the line's baseline when the image sits
  /// on it; nil without a font and glyph to use.
  private func invisibleGlyph(over image: [Double], text: String?, rename: (PictureText.Glyph) -> String?) -> String? {
    guard let font, let fontSize, let (a, d) = textScale else { return nil }
    let current = Array(bytes[font])
    let choice: ([UInt8], String)? =
      if let space = spaces[current] { (current, space) }
      else if let other = lastFontWithSpace, let space = spaces[other] { (other, space) }
      else if let code = codes[current] { (current, code) }
      else { nil }
    guard let (name, code) = choice else { return nil }
    let fontName = String(decoding: name, as: UTF8.self)
    let shownIn = text.flatMap { rename(PictureText.Glyph(font: fontName, code: code, text: $0)) } ?? fontName
    let left = min(image[4], image[4] + image[0])
    let top = min(image[5], image[5] + image[3])
    let bottom = max(image[5], image[5] + image[3])
    let height = bottom - top
    let baseline = line.y >= top && line.y <= bottom + height * 0.3 ? line.y : bottom - height * 0.2
    // Character spacing widens the glyph to about the picture's width (a space is about a
    // quarter of an em), so that the text after the picture does not look like another column.
    let width = abs(image[0])
    let spacing = a == 0 ? 0 : max(0, width - abs(a) * 0.25) / abs(a)
    return "q BT 3 Tr \(shownIn) \(String(decoding: bytes[fontSize], as: UTF8.self)) Tf "
      + "\(format(spacing)) Tc \(format(a)) 0 0 \(format(d)) \(format(left)) \(format(baseline)) Tm <\(code)> Tj ET Q\n"
  }

  private func format(_ value: Double) -> String {
    let thousandths = Int((value * 1000).rounded())
    let sign = thousandths < 0 ? "-" : ""
    var fraction = String(abs(thousandths) % 1000)
    let whole = abs(thousandths) / 1000
    guard fraction != "0" else { return sign + String(whole) }
    fraction = String(repeating: "0", count: 3 - fraction.count) + fraction
    while fraction.hasSuffix("0") { fraction.removeLast() }
    return "\(sign)\(whole).\(fraction)"
  }

  /// The next operand, or the next operator (or array bracket) with where it starts.
  private mutating func next() -> (Operand?, String, Int)? {
    while index < bytes.count {
      let byte = bytes[index]
      let start = index
      switch byte {
      case 0, 9, 10, 12, 13, 32:
        index += 1
      case UInt8(ascii: "%"):
        while index < bytes.count, bytes[index] != 10, bytes[index] != 13 { index += 1 }
      case UInt8(ascii: "("):
        index = endOfLiteralString(bytes, from: index)
        return (.literal(start..<index), "", start)
      case UInt8(ascii: "<"):
        if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "<") {
          // A dictionary (marked-content properties): to its matching `>>`, strings skipped.
          var depth = 0
          while index < bytes.count {
            if bytes[index] == UInt8(ascii: "(") {
              index = endOfLiteralString(bytes, from: index)
            } else if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "<"), bytes[index + 1] == UInt8(ascii: "<") {
              depth += 1
              index += 2
            } else if index + 1 < bytes.count, bytes[index] == UInt8(ascii: ">"), bytes[index + 1] == UInt8(ascii: ">") {
              depth -= 1
              index += 2
              if depth == 0 { break }
            } else {
              index += 1
            }
          }
          return (.dictionary(start..<index), "", start)
        }
        while index < bytes.count, bytes[index] != UInt8(ascii: ">") { index += 1 }
        index = min(index + 1, bytes.count)
        return (.hex(start..<index), "", start)
      case UInt8(ascii: "/"):
        index += 1
        while index < bytes.count, !Self.isDelimiter(bytes[index]) { index += 1 }
        return (.name(start..<index), "", start)
      case UInt8(ascii: "["), UInt8(ascii: "]"):
        index += 1
        return (nil, byte == UInt8(ascii: "[") ? "[" : "]", start)
      case UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: ")"), UInt8(ascii: ">"):
        index += 1
      default:
        while index < bytes.count, !Self.isDelimiter(bytes[index]) { index += 1 }
        let token = bytes[start..<index]
        if let first = token.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: ".") || (first >= 0x30 && first <= 0x39) {
          return (.number(Double(String(decoding: token, as: UTF8.self)) ?? 0, start..<index), "", start)
        }
        return (nil, String(decoding: token, as: UTF8.self), start)
      }
    }
    return nil
  }
}
