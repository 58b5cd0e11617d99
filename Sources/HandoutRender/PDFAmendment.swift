import Foundation

/// What Cairo 1.16 cannot write and a PDF/UA-1 file still needs.
///
/// - the catalog's `/Lang`, XMP metadata (`dc:title`, `pdfuaid:part`, producer and the info
///   dictionary's own dates, so output stays reproducible) and `/ViewerPreferences
///   /DisplayDocTitle`; dates in the info dictionary with their `D:` prefix;
/// - `/Tabs /S` on every page, the trim and bleed boxes of print-shop pages;
/// - `/Contents` on link annotations, saying where they go, and the print flag;
/// - from the drawer's `StructureLog`: artifacts (`/Artifact BMC` in the page content, out of
///   the structure tree), blocks broken by a page joined into one element, `/Alt` of figures,
///   `/Scope` of header cells, `/Lang` and `/ActualText`;
/// - soft hyphens out of the text layer (Cairo gives the drawn hyphen `/ActualText` U+00AD);
/// - `/CIDToGIDMap /Identity` on TrueType CID fonts (Cairo's subsets number glyphs as CIDs).
///
/// The file is then written again in full (`PDFRewrite`): no superseded or unused object, and
/// in the compact layout the small objects in compressed object streams with a cross-reference
/// stream, and the embedded TrueType fonts without their hinting (`TrueTypeHinting`).
struct PDFAmendment {
  /// BCP 47 language of the document, for the catalog's `/Lang`.
  var language: String?
  /// Every structure element the drawer began, in order (empty: leave the tree alone).
  var structure: [StructureLog.Entry] = []
  /// How many pages the document has (`nil`: not checked).
  var pageCount: Int?
  /// Per page, in PDF units with the origin at the bottom left: trim box and bleed box.
  var pageBoxes: [(trim: Rect4, bleed: Rect4)?] = []
  /// How the file is written: compact (object streams, fonts without hinting) or plain.
  var layout: PDFRewrite.Layout = .compact

  /// A rectangle as PDF writes it: lower-left x and y, upper-right x and y.
  typealias Rect4 = (Double, Double, Double, Double)

  /// The PDF with the amendment appended.
  ///
  /// Throws when the PDF cannot be read, or when what it holds does not match what was drawn
  /// (another number of pages, other structure elements): a PDF without its figures'
  /// alternative text, its artifacts or its languages is not written.
  func apply(to pdf: [UInt8]) throws(RenderError) -> [UInt8] {
    func fail(_ why: String) -> RenderError { RenderError("amending the PDF (PDF/UA entries, figure text, page boxes): \(why)") }
    guard let file = PDFFile(pdf) else { throw fail("its cross-reference table cannot be read") }
    var update = PDFRewrite(file: file)
    guard let root = file.trailer["Root"]?.reference, let catalog = file.dictionary(root) else {
      throw fail("it has no document catalog")
    }
    guard let pageTree = catalog["Pages"]?.reference else { throw fail("it has no page tree") }
    let pages = file.pages(under: pageTree)
    if let pageCount, pages.count != pageCount { throw fail("it has \(pages.count) pages, the document \(pageCount)") }

    // The structure tree, and what it changes in the pages' content.
    var marks: [Int: [Int: ContentMark]] = [:]
    var tree: StructureTree?
    if !structure.isEmpty {
      guard let treeRoot = catalog["StructTreeRoot"]?.reference else { throw fail("it has no structure tree") }
      guard var read = StructureTree(file: file, root: treeRoot) else { throw fail("its structure tree cannot be read") }
      guard let found = read.apply(structure) else {
        throw fail("its structure elements are not the \(structure.count) the renderer began")
      }
      marks = found
      tree = read
    }

    // A glyph whose first use was the hyphen Pango draws at a soft hyphen maps to U+00AD in
    // its font's ToUnicode; it is a hyphen. A ligature of a right-to-left script maps to its
    // presentation form (Cairo takes the font's own mapping), which reads as its letters.
    // Only the Unicode side of an entry (`<code> <00ad>`) changes: in a CID font `<00ad>` is also glyph 173's code, which must stay as it is (once
    // rewritten, glyph 45 read as a second character and glyph 173 as none: "오늘" copied as
    // "유늘" in Korean).
    // The code of each font's space, for the spaces Cairo draws no glyph for (MarkedContent).
    var cmaps: [Int: String?] = [:]
    var spaceCodes: [Int: String] = [:]
    for number in file.objects(containing: "/Type /Font") {
      guard let cmap = file.dictionary(number)?["ToUnicode"]?.reference else { continue }
      if let known = cmaps[cmap] {
        if let known { spaceCodes[number] = known }
        continue
      }
      guard let stream = file.stream(cmap), let text = inflate(stream.data) else { continue }
      let space = ToUnicodeMap.spaceCode(text)
      cmaps[cmap] = space
      if let space { spaceCodes[number] = space }
      guard let readable = ToUnicodeMap.readable(text), let compressed = deflate(readable) else { continue }
      update.set(cmap, Array("<< /Length \(compressed.count)\n   /Filter /FlateDecode\n>>\nstream\n".utf8) + compressed + Array("\nendstream\n".utf8))
    }


    var textFonts = PictureTextFonts()
    for (index, page) in pages.enumerated() {
      guard let dictionary = file.dictionary(page) else { continue }
      var entries = dictionary["Tabs"] == nil ? "/Tabs /S" : ""
      if index < pageBoxes.count, let boxes = pageBoxes[index] {
        entries += " /TrimBox \(array(boxes.trim)) /BleedBox \(array(boxes.bleed))"
      }
      if !entries.isEmpty { update.set(page, file.insert(entries, into: page)) }
      if let contents = dictionary["Contents"]?.reference {
        var fonts: [String: Int] = [:]
        var spaces: [[UInt8]: String] = [:]
        let resources = dictionary["Resources"]?.reference
        if let resources, case .dictionary(let named)? = file.dictionary(resources)?["Font"] {
          for (name, value) in named {
            guard let object = value.reference else { continue }
            fonts["/" + name] = object
            if let code = spaceCodes[object] { spaces[Array(("/" + name).utf8)] = code }
          }
        }
        var added: [(name: String, object: Int)] = []
        var splits = MarkedContent.Splits(nextMCID: tree?.nextMCID(on: page) ?? 0)
        let unsplit = splits
        var content = rewrittenContent(contents, marks: marks[page] ?? [:], spaces: spaces, splits: &splits, file: file) { glyph in
          guard let font = fonts[glyph.font], let copy = textFonts.copy(of: font, for: glyph, file: file, update: &update) else {
            return nil
          }
          if !added.contains(where: { $0.name == copy.name }) { added.append(copy) }
          return copy.name
        }
        var resourceText: [UInt8]?
        if !added.isEmpty, let resources {
          // Without the fonts in the page's resources, the content is left as it was.
          if let text = PictureTextFonts.resources(resources, adding: added, file: file) {
            update.set(resources, text)
            resourceText = text
          } else {
            splits = unsplit
            content = rewrittenContent(contents, marks: marks[page] ?? [:], spaces: spaces, splits: &splits, file: file) { _ in nil }
          }
        }
        if let resources, let body = resourceText.map({ $0[...] }) ?? file.objectBody(resources).map({ file.bytes[$0] }),
          let kept = Self.withoutRepeatedImages(body)
        {
          update.set(resources, kept)
        }
        update.set(contents, content)
        if !splits.parts.isEmpty {
          guard tree?.add(splits, on: page) == true else { throw fail("a split marked-content sequence on page \(index + 1) has no element") }
        }
      }
      if case .array(let annotations)? = dictionary["Annots"] {
        for annotation in annotations.compactMap(\.reference) { describeLink(annotation, file: file, update: &update) }
      }
    }

    tree?.write(into: &update)

    if layout == .compact {
      for number in file.objects(containing: "/Type /FontDescriptor") {
        guard let program = file.dictionary(number)?["FontFile2"]?.reference, let stream = file.stream(program),
          let font = inflate(stream.data), let plain = TrueTypeHinting.removed(from: font),
          let compressed = deflate(plain)
        else { continue }
        update.set(program, Array("<< /Length \(compressed.count) /Length1 \(plain.count) /Filter /FlateDecode >>\nstream\n".utf8) + compressed + Array("\nendstream\n".utf8))
      }
    }

    for number in file.objects(containing: "/Subtype /CIDFontType2") {
      guard let font = file.dictionary(number), font["Type"]?.name == "Font", font["CIDToGIDMap"] == nil else { continue }
      update.set(number, file.insert("/CIDToGIDMap /Identity", into: number))
    }

    var info: [String: PDFValue] = [:]
    if let number = file.trailer["Info"]?.reference, let dictionary = file.dictionary(number) {
      info = dictionary
      if let fixed = file.datesWithPrefix(in: number) { update.set(number, fixed) }
    }
    var catalogEntries: [String] = []
    if let language { catalogEntries.append("/Lang \(literal(language))") }
    if catalog["Metadata"] == nil {
      let xmp = Array(XMP(info: info, language: language).packet.utf8)
      let number = update.add(Array("<< /Type /Metadata /Subtype /XML /Length \(xmp.count) >>\nstream\n".utf8) + xmp + Array("\nendstream\n".utf8))
      catalogEntries.append("/Metadata \(number) 0 R")
    }
    if catalog["ViewerPreferences"] == nil { catalogEntries.append("/ViewerPreferences << /DisplayDocTitle true >>") }
    if !catalogEntries.isEmpty { update.set(root, file.insert(catalogEntries.joined(separator: " "), into: root)) }
    guard let bytes = update.bytes(layout: layout) else { throw fail("its objects cannot be written again") }
    return bytes
  }

  /// A page's resources with each image listed once. Cairo 1.16 adds an image to a page's
  /// `/XObject` each time the page paints it (a colour emoji used twice), the same key twice,
  /// which `qpdf --check` reports; nil when nothing is repeated or the entries are not plain
  /// `/name N 0 R` pairs.
  static func withoutRepeatedImages(_ text: ArraySlice<UInt8>) -> [UInt8]? {
    guard let key = text.firstRange(of: Array("/XObject".utf8)) else { return nil }
    var open = key.upperBound
    while open < text.endIndex, text[open] == 32 || text[open] == 10 || text[open] == 13 { open += 1 }
    guard open + 1 < text.endIndex, text[open] == UInt8(ascii: "<"), text[open + 1] == UInt8(ascii: "<"),
      let close = text[(open + 2)...].firstRange(of: Array(">>".utf8))
    else { return nil }
    let tokens = text[(open + 2)..<close.lowerBound].split(whereSeparator: { $0 == 32 || $0 == 10 || $0 == 13 })
    guard tokens.count % 4 == 0 else { return nil }
    var objects: [ArraySlice<UInt8>: ArraySlice<UInt8>] = [:]
    var kept: [UInt8] = []
    for start in stride(from: 0, to: tokens.count, by: 4) {
      let name = tokens[start], object = tokens[start + 1]
      guard name.first == UInt8(ascii: "/"), tokens[start + 2] == [UInt8(ascii: "0")], tokens[start + 3] == [UInt8(ascii: "R")]
      else { return nil }
      if let known = objects[name] {
        guard known == object else { return nil }  // one name for two images: not Cairo's repeat
        continue
      }
      objects[name] = object
      kept += [32] + name + [32] + object + Array(" 0 R".utf8)
    }
    guard objects.count < tokens.count / 4 else { return nil }
    return Array(text[..<(open + 2)]) + kept + [32] + text[close.lowerBound...]
  }

  /// The page's content stream object with its marked-content sequences changed as `marks`
  /// says (by MCID), and no soft hyphen in its text; nil when it stays as it is. `font` names
  /// the font an emoji's invisible glyph is shown in (PictureText).
  private func rewrittenContent(
    _ number: Int, marks: [Int: ContentMark], spaces: [[UInt8]: String], splits: inout MarkedContent.Splits, file: PDFFile,
    font: (PictureText.Glyph) -> String?
  ) -> [UInt8]? {
    guard let stream = file.stream(number), var content = inflate(stream.data) else { return nil }
    var changed = false
    if !marks.isEmpty || content.firstIndex(of: "/ActualText", from: 0) != nil,
      let rewritten = MarkedContent(content).rewritten(marks, spaces: spaces, splits: &splits)
    {
      content = rewritten
      changed = true
    }
    // Emoji are pictures: their text needs a glyph to stand on (PictureText).
    if marks.values.contains(where: { if case .actualText = $0 { true } else { false } }),
      let withGlyphs = PictureText.withInvisibleGlyphs(content, font: font)
    {
      content = withGlyphs
      changed = true
    }
    // Cairo marks the hyphen Pango draws at a soft hyphen with the soft hyphen as its
    // text; the word is whole again when it is copied or read, so the hyphen stands for nothing.
    let softHyphen = Array("/ActualText <feff00ad>".utf8)
    if content.firstIndex(of: softHyphen, from: 0) != nil {
      content = content.replacing(softHyphen, with: Array("/ActualText ()".utf8))
      changed = true
    }
    guard changed, let compressed = deflate(content) else { return nil }
    return Array("<< /Length \(compressed.count)\n   /Filter /FlateDecode\n>>\nstream\n".utf8) + compressed + Array("\nendstream\n".utf8)
  }

  /// Gives a link annotation `/Contents` saying where it goes, and the print flag.
  private func describeLink(_ number: Int, file: PDFFile, update: inout PDFRewrite) {
    guard let annotation = file.dictionary(number), annotation["Subtype"]?.name == "Link", annotation["Contents"] == nil else { return }
    var description = "Link"
    if case .dictionary(let action)? = annotation["A"], case .string(let bytes)? = action["URI"] {
      description = linkDescription(String(decoding: bytes, as: UTF8.self))
    } else if annotation["Dest"] != nil {
      description = "Go to another part of this document"
    }
    var entries = "/Contents \(textString(description))"
    if annotation["F"] == nil { entries += " /F 4" }
    update.set(number, file.insert(entries, into: number))
  }

  private func array(_ rect: Rect4) -> String {
    "[\(number(rect.0)) \(number(rect.1)) \(number(rect.2)) \(number(rect.3))]"
  }

  /// A number with at most three decimals and no trailing zeros.
  private func number(_ value: Double) -> String {
    let thousandths = Int((value * 1000).rounded())
    let sign = thousandths < 0 ? "-" : ""
    let whole = abs(thousandths) / 1000
    var fraction = String(abs(thousandths) % 1000)
    guard fraction != "0" else { return sign + String(whole) }
    fraction = String(repeating: "0", count: 3 - fraction.count) + fraction
    while fraction.hasSuffix("0") { fraction.removeLast() }
    return "\(sign)\(whole).\(fraction)"
  }
}

/// The marked-content operators of a page's content, as Cairo writes them.
private struct MarkedContent {
  let content: [UInt8]

  init(_ content: [UInt8]) { self.content = content }

  /// The MCIDs a rewrite gave the parts of split sequences: the next free one, and for each
  /// sequence split (by its own MCID), the MCIDs of the parts after it in content order, each
  /// nested span's and then the one of the part that resumes the sequence.
  struct Splits {
    var nextMCID: Int
    var parts: [Int: [Int]] = [:]
  }

  /// The content with `/Tag << /MCID n >> BDC` changed as `marks` says, and Cairo's own
  /// `/Span << /ActualText … >> BDC` (one per ligature, or per cluster of no glyph such as the
  /// space at the end of a line) inside a tagged sequence made part of it.
  ///
  /// Poppler 22.12 reads a structure element's text (`pdfinfo -struct-text`) from the glyphs
  /// of its marked content, and ends the sequence at the first `EMC` inside it whether or not
  /// the matching operator carried an MCID: an Arabic name stopped at its first ligature and a
  /// paragraph at the end of its first line. And each marked-content sequence needs an MCID of
  /// its own (ISO 32000-1, 14.7.4.2). So no span stays nested in a tagged sequence:
  /// - the space that ends a line (a cluster of no glyph, so Poppler joined the lines' words:
  ///   "talk to yourdoctor.") is shown, invisible (text rendering mode 3), in the font's space
  ///   glyph (`spaces`: font resource name → the space's code), with no span: the glyph reads
  ///   as a space, and the next line is placed from the line's start, so nothing moves;
  /// - an empty span of a joiner (U+2060) goes, and a no-break space keeps only its glyph;
  /// - any other span (an Arabic ligature, an emoji drawn as a glyph) becomes a sequence of its
  ///   own between two parts of the one around it (``Splits``), all of them the same element's
  ///   content;
  /// - inside a sequence given an `/ActualText` of its own (an emoji picture), the nested spans
  ///   are dropped, operators and `EMC`: the run's text covers them.
  /// Nil when nothing changed.
  func rewritten(_ marks: [Int: ContentMark], spaces: [[UInt8]: String] = [:], splits: inout Splits) -> [UInt8]? {
    var out: [UInt8] = []
    out.reserveCapacity(content.count + 256)
    var stack: [OpenSequence] = []
    var font: Range<Int>?  // the name of the font in use (`/name size Tf`)
    var changed = false
    var index = 0
    let count = content.count
    func matches(_ pattern: StaticString, at position: Int) -> Bool {
      let length = pattern.utf8CodeUnitCount
      guard position + length <= count else { return false }
      return content.withUnsafeBufferPointer { memcmp($0.baseAddress! + position, pattern.utf8Start, length) == 0 }
    }
    func isBoundary(_ position: Int) -> Bool {
      guard position < count else { return true }
      switch content[position] {
      case 9, 10, 12, 13, 32, UInt8(ascii: "/"), UInt8(ascii: "["), UInt8(ascii: "<"), UInt8(ascii: "("): return true
      default: return false
      }
    }
    while index < count {
      let byte = content[index]
      switch byte {
      case UInt8(ascii: "("):
        // A string: copied as it is, escapes and nested parentheses included.
        let start = index
        index = endOfLiteralString(content, from: index)
        out += content[start..<index]
      case UInt8(ascii: "<") where index + 1 < count && content[index + 1] != UInt8(ascii: "<"):
        let start = index
        while index < count, content[index] != UInt8(ascii: ">") { index += 1 }
        index = min(index + 1, count)
        out += content[start..<index]
      case UInt8(ascii: "/"):
        // `/Name << /MCID n >> BDC`, `/Span << /ActualText <…> >> BDC` or `/Name BMC`.
        var nameEnd = index + 1
        while nameEnd < count, !isBoundary(nameEnd) { nameEnd += 1 }
        if matches(" << /MCID ", at: nameEnd) {
          var end = nameEnd + 10
          var mcid = 0
          while end < count, content[end] >= 0x30, content[end] <= 0x39 {
            mcid = mcid * 10 + Int(content[end] - 0x30)
            end += 1
          }
          if matches(" >> BDC", at: end) {
            switch marks[mcid] {
            case .artifact?:
              out += Array("/Artifact BMC".utf8)
              stack.append(.other)
              changed = true
            case .actualText(let text)?:
              out += content[index..<end]
              out += Array(" /ActualText \(textString(text)) >> BDC".utf8)
              stack.append(.tagged(mcid, carriesText: true, name: index..<nameEnd))
              changed = true
            case nil:
              out += content[index..<end + 7]
              stack.append(.tagged(mcid, carriesText: false, name: index..<nameEnd))
            }
            index = end + 7
            continue
          }
        } else if matches(" << /ActualText <", at: nameEnd) {
          var end = nameEnd + 17
          while end < count, content[end] != UInt8(ascii: ">") { end += 1 }
          if matches("> >> BDC", at: end) {
            let enclosing = stack.last { if case .tagged = $0 { true } else { false } }
            switch enclosing {
            case .tagged(_, carriesText: true, _)?:
              stack.append(.dropped)
              changed = true
            case .tagged(let mcid, carriesText: false, let name)?:
              let text = content[(nameEnd + 17)..<end]
              if text.elementsEqual("feff0020".utf8), endsLine(emptyAfter: end + 8), let font, let code = spaces[Array(content[font])] {
                // The space that ends a line, shown in the font's space glyph, which reads as one.
                out += Array("3 Tr <\(code)> Tj 0 Tr".utf8)
                stack.append(.dropped)
              } else if Self.invisibleTexts.contains(where: { text.elementsEqual($0.utf8) }), isEmpty(after: end + 8) {
                // A joiner of no glyph (U+2060 between Korean syllables that stay together).
                stack.append(.dropped)
              } else if Self.spaceTexts.contains(where: { text.elementsEqual($0.utf8) }) {
                // A no-break space drawn as the font's space: its glyph reads as a space.
                stack.append(.dropped)
              } else if case .tagged(mcid, _, _)? = stack.last {
                let part = splits.nextMCID
                splits.nextMCID += 2
                splits.parts[mcid, default: []] += [part, part + 1]
                out += Array("EMC\n".utf8)
                out += content[index..<nameEnd]
                out += Array(" << /MCID \(part)".utf8)
                out += content[(nameEnd + 3)..<end + 8]
                stack.append(.split(resuming: name, as: part + 1))
              } else {
                out += content[index..<end + 8]
                stack.append(.other)
              }
              changed = true
            default:
              out += content[index..<end + 8]
              stack.append(.other)
            }
            index = end + 8
            continue
          }
        } else if matches(" BMC", at: nameEnd) {
          stack.append(.other)
        } else if isFontSelection(after: nameEnd) {
          font = index..<nameEnd
        }
        out += content[index..<nameEnd]
        index = nameEnd
      case UInt8(ascii: "E") where matches("EMC", at: index) && (index == 0 || isBoundary(index - 1)) && isBoundary(index + 3):
        switch stack.popLast() {
        case .dropped?:
          // The operator and the line break after it go with the dropped `BDC`.
          index += 3
          if index < count, content[index] == 10 { index += 1 }
          continue
        case .split(let name, let mcid)?:
          // The enclosing sequence starts again, as the next part of the same element.
          out += Array("EMC\n".utf8)
          out += content[name]
          out += Array(" << /MCID \(mcid) >> BDC".utf8)
          index += 3
          continue
        default:
          out += content[index..<index + 3]
          index += 3
        }
      default:
        // Up to the next byte that can start a string, a name or `EMC`, copied at once.
        var end = index + 1
        while end < count {
          let next = content[end]
          if next == UInt8(ascii: "(") || next == UInt8(ascii: "<") || next == UInt8(ascii: "/") || next == UInt8(ascii: "E") { break }
          end += 1
        }
        out += content[index..<end]
        index = end
      }
    }
    return changed ? out : nil
  }

  /// Whether `size Tf` follows a name that ends at `position`.
  private func isFontSelection(after position: Int) -> Bool {
    var index = position
    let count = content.count
    while index < count, content[index] == 32 { index += 1 }
    let digits = index
    while index < count, (content[index] >= 0x30 && content[index] <= 0x39) || content[index] == UInt8(ascii: ".") { index += 1 }
    guard index > digits, index < count, content[index] == 32 else { return false }
    return index + 3 <= count && content[index + 1] == UInt8(ascii: "T") && content[index + 2] == UInt8(ascii: "f")
      && (index + 3 == count || [9, 10, 13, 32].contains(content[index + 3]))
  }

  /// The `/ActualText` of nested spans that stand for no visible character, in Cairo's hex.
  private static let invisibleTexts = ["feff2060", "feff200b", "fefffeff"]
  /// The `/ActualText` of nested spans around a space glyph standing for a no-break space.
  private static let spaceTexts = ["feff00a0", "feff202f", "feff2007"]

  /// Whether, from `position` (just after a `BDC`), only white space comes before `EMC`.
  private func isEmpty(after position: Int) -> Bool { endOfEmptySequence(from: position) != nil }

  /// Where the `EMC` ends when only white space comes before it from `position`; else nil.
  private func endOfEmptySequence(from position: Int) -> Int? {
    var index = position
    while index < content.count, [9, 10, 13, 32].contains(content[index]) { index += 1 }
    guard index + 3 <= content.count, content[index..<index + 3].elementsEqual("EMC".utf8) else { return nil }
    return index + 3
  }

  /// Whether, from `position` (just after a `BDC`), only white space comes before `EMC`, and
  /// after it a new line (`Td`, `TD`, `T*`, `Tm`, with their numbers) or the end of the text
  /// object (`ET`).
  private func endsLine(emptyAfter position: Int) -> Bool {
    let count = content.count
    guard var index = endOfEmptySequence(from: position) else { return false }
    func isSpace(_ byte: UInt8) -> Bool { byte == 32 || byte == 10 || byte == 13 || byte == 9 }
    while true {
      while index < count, isSpace(content[index]) { index += 1 }
      let start = index
      while index < count, !isSpace(content[index]) { index += 1 }
      let word = content[start..<index]
      guard !word.isEmpty else { return false }
      if word.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") }) { continue }
      return ["Td", "TD", "T*", "Tm", "ET"].contains { word.elementsEqual($0.utf8) }
    }
  }

  /// A marked-content sequence open where the rewrite has got to.
  private enum OpenSequence {
    /// A structure element's content: its MCID, and whether the post-pass gave it the text
    /// its glyphs stand for.
    case tagged(Int, carriesText: Bool, name: Range<Int>)
    /// A nested span left out, with its `EMC`.
    case dropped
    /// A nested span made a sequence of its own: at its `EMC` the enclosing sequence (its
    /// tag's name) starts again with the given MCID.
    case split(resuming: Range<Int>, as: Int)
    case other
  }
}

/// A font's ToUnicode CMap, as Cairo writes it.
enum ToUnicodeMap {
  /// The CMap with every glyph that maps to U+00AD mapped to U+002D instead, and every glyph
  /// that maps to one Arabic or Hebrew presentation form mapped to its letters in logical
  /// order (its compatibility decomposition: U+FC86 ﲆ, lam with alef maksura, reads as ل ى);
  /// nil when nothing changes.
  ///
  /// Poppler reads a structure element's text from its glyphs' ToUnicode alone (it ignores
  /// `/ActualText` there), so "ليلى" read as "ليﲆ". Text extraction takes the ligature's
  /// `/ActualText`, which Cairo writes wherever the glyph is drawn, and is not changed.
  /// Only the Unicode side of a mapping changes: in a CID font of more than 172 glyphs `<00ad>`
  /// is also a glyph's code (in a Korean large-print sheet, the code of 레), which must stay.
  /// A presentation form changes only where it stands for one glyph (not as the start of a
  /// `bfrange`, whose later glyphs count on from it).
  static func readable(_ cmap: [UInt8]) -> [UInt8]? {
    var out = cmap
    var edits: [(range: Range<Int>, bytes: [UInt8])] = []
    var changed = false
    var section = 0  // 1 in bfchar, 2 in bfrange
    var position = 0  // hex strings (and arrays) since the section began
    var inArray = false
    var index = 0
    let count = cmap.count
    func word(at start: Int) -> Int {
      var end = start
      while end < count, (cmap[end] >= 0x61 && cmap[end] <= 0x7A) || (cmap[end] >= 0x41 && cmap[end] <= 0x5A) { end += 1 }
      return end
    }
    while index < count {
      let byte = cmap[index]
      if byte == UInt8(ascii: "<"), index + 1 < count, cmap[index + 1] != UInt8(ascii: "<") {
        var end = index + 1
        while end < count, cmap[end] != UInt8(ascii: ">") { end += 1 }
        let isDestination = inArray || (section == 1 && position % 2 == 1) || (section == 2 && position % 3 == 2)
        if isDestination, end - index == 5, let unit = UInt16(String(decoding: cmap[(index + 1)..<end], as: UTF8.self), radix: 16) {
          var replacement: [UInt8]?
          if unit == 0xAD {
            replacement = Array("002d".utf8)
          } else if inArray || section == 1, let letters = lettersOfPresentationForm(unit) {
            replacement = letters
          }
          if let replacement {
            // Later offsets move: edits are made from the end of `out` backwards.
            edits.append(((index + 1)..<end, replacement))
            changed = true
          }
        }
        if !inArray { position += 1 }
        index = end + 1
      } else if byte == UInt8(ascii: "[") {
        inArray = section == 2
        index += 1
      } else if byte == UInt8(ascii: "]") {
        if inArray { position += 1 }
        inArray = false
        index += 1
      } else if (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) {
        let end = word(at: index)
        switch String(decoding: cmap[index..<end], as: UTF8.self) {
        case "beginbfchar": section = 1; position = 0
        case "beginbfrange": section = 2; position = 0
        case "endbfchar", "endbfrange": section = 0
        default: break
        }
        index = end
      } else {
        index += 1
      }
    }
    guard changed else { return nil }
    for edit in edits.reversed() { out.replaceSubrange(edit.range, with: edit.bytes) }
    return out
  }

  /// The code of the glyph that maps to a space alone (`<code> <0020>` in a `bfchar`), as
  /// hex digits; nil when no glyph does.
  static func spaceCode(_ cmap: [UInt8]) -> String? {
    var inChars = false
    for line in cmap.split(separator: 10) {
      if line.elementsEqual("endbfchar".utf8) { inChars = false }
      if inChars {
        let parts = line.split(separator: 32)
        guard parts.count == 2, parts[1].elementsEqual("<0020>".utf8), parts[0].count == 4 || parts[0].count == 6,
          parts[0].first == UInt8(ascii: "<"), parts[0].last == UInt8(ascii: ">")
        else { continue }
        let code = String(decoding: parts[0].dropFirst().dropLast(), as: UTF8.self)
        if code.allSatisfy(\.isHexDigit) { return code }
      }
      if line.count >= 11, line.suffix(11).elementsEqual("beginbfchar".utf8) { inChars = true }
    }
    return nil
  }

  /// The UTF-16 hex digits of a presentation form's letters; nil for any other character.
  private static func lettersOfPresentationForm(_ unit: UInt16) -> [UInt8]? {
    guard (0xFB1D...0xFDFF).contains(unit) || (0xFE70...0xFEFC).contains(unit), let scalar = Unicode.Scalar(unit)
    else { return nil }
    let letters = String(Character(scalar)).decomposedStringWithCompatibilityMapping
    guard letters.unicodeScalars.count > 0, letters != String(Character(scalar)) else { return nil }
    let digits = Array("0123456789abcdef".utf8)
    var hex: [UInt8] = []
    for unit in letters.utf16 {
      for shift in stride(from: 12, through: 0, by: -4) { hex.append(digits[Int(unit >> UInt16(shift)) & 15]) }
    }
    return hex
  }
}

/// How the post-pass changes one marked-content sequence of a page.
private enum ContentMark {
  /// Into `/Artifact BMC`: decoration or page furniture.
  case artifact
  /// Given the text its glyphs stand for.
  case actualText(String)
}

/// What a link's `/Contents` says: where it goes, in words.
func linkDescription(_ uri: String) -> String {
  let decoded = uri.removingPercentEncoding ?? uri
  if decoded.hasPrefix("mailto:") { return "Email " + decoded.dropFirst(7).prefix { $0 != "?" } }
  if decoded.hasPrefix("tel:") { return "Call " + decoded.dropFirst(4) }
  if decoded.hasPrefix("sms:") { return "Text " + decoded.dropFirst(4) }
  var place = Substring(decoded)
  for scheme in ["https://", "http://"] where place.hasPrefix(scheme) { place = place.dropFirst(scheme.count) }
  if place.hasSuffix("/") { place = place.dropLast() }
  return "Open \(place) in a web browser"
}

/// A PDF literal string holding only the ASCII characters that need no escape.
private func literal(_ text: String) -> String {
  "(" + text.filter { $0.isASCII && $0 != "(" && $0 != ")" && $0 != "\\" && !$0.isNewline } + ")"
}

/// A PDF text string in UTF-16BE with a byte-order mark, as hex.
func textString(_ text: String) -> String {
  let digits = Array("0123456789ABCDEF".utf8)
  var hex: [UInt8] = Array("<FEFF".utf8)
  hex.reserveCapacity(6 + text.utf16.count * 4)
  for unit in text.utf16 {
    for shift in stride(from: 12, through: 0, by: -4) { hex.append(digits[Int(unit >> UInt16(shift)) & 15]) }
  }
  hex.append(UInt8(ascii: ">"))
  return String(decoding: hex, as: UTF8.self)
}

/// The XMP metadata packet of a document, from its info dictionary.
private struct XMP {
  var info: [String: PDFValue]
  var language: String?

  var packet: String {
    func text(_ key: String) -> String? {
      guard case .string(let bytes)? = info[key] else { return nil }
      return decodeTextString(bytes)
    }
    var lines: [String] = []
    if let title = text("Title") {
      lines.append("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">\(escapeXML(title))</rdf:li></rdf:Alt></dc:title>")
    }
    if let author = text("Author") {
      lines.append("<dc:creator><rdf:Seq><rdf:li>\(escapeXML(author))</rdf:li></rdf:Seq></dc:creator>")
    }
    if let subject = text("Subject") {
      lines.append("<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">\(escapeXML(subject))</rdf:li></rdf:Alt></dc:description>")
    }
    if let language, !language.isEmpty {
      lines.append("<dc:language><rdf:Bag><rdf:li>\(escapeXML(language))</rdf:li></rdf:Bag></dc:language>")
    }
    if let keywords = text("Keywords") { lines.append("<pdf:Keywords>\(escapeXML(keywords))</pdf:Keywords>") }
    if let producer = text("Producer") { lines.append("<pdf:Producer>\(escapeXML(producer))</pdf:Producer>") }
    if let creator = text("Creator") { lines.append("<xmp:CreatorTool>\(escapeXML(creator))</xmp:CreatorTool>") }
    if let date = text("CreationDate").flatMap(xmpDate) { lines.append("<xmp:CreateDate>\(date)</xmp:CreateDate>") }
    if let date = text("ModDate").flatMap(xmpDate) {
      lines.append("<xmp:ModifyDate>\(date)</xmp:ModifyDate>")
      lines.append("<xmp:MetadataDate>\(date)</xmp:MetadataDate>")
    }
    lines.append("<pdfuaid:part>1</pdfuaid:part>")
    return """
      <?xpacket begin="\u{FEFF}" id="W5M0MpCehiHzreSzNTczkc9d"?>
      <x:xmpmeta xmlns:x="adobe:ns:meta/">
      <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
      <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" \
      xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" \
      xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
      \(lines.joined(separator: "\n"))
      </rdf:Description>
      </rdf:RDF>
      </x:xmpmeta>
      <?xpacket end="w"?>
      """
  }

  private func escapeXML(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case _ where scalar.value < 0x20 && scalar != "\t" && scalar != "\n": continue
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// `D:20261120093000Z` or `20261120093000+01'00'` as `2026-11-20T09:30:00Z` / `…+01:00`.
  private func xmpDate(_ pdf: String) -> String? {
    var rest = Substring(pdf)
    if rest.hasPrefix("D:") { rest = rest.dropFirst(2) }
    let digits = rest.prefix { $0.isASCII && $0.isNumber }
    guard digits.count >= 4 else { return nil }
    let d = Array(digits)
    func part(_ at: Int, _ fallback: String) -> String { at + 2 <= d.count ? String(d[at..<at + 2]) : fallback }
    var date = "\(String(d[0..<4]))-\(part(4, "01"))-\(part(6, "01"))T\(part(8, "00")):\(part(10, "00")):\(part(12, "00"))"
    var zone = rest.dropFirst(digits.count)
    if zone.hasPrefix("Z") || zone.isEmpty {
      date += "Z"
    } else if let sign = zone.first, sign == "+" || sign == "-" {
      zone = zone.dropFirst()
      let hours = zone.prefix(2)
      let minutes = zone.dropFirst(3).prefix(2)
      date += "\(sign)\(hours):\(minutes.count == 2 ? minutes : "00")"
    }
    return date
  }
}

/// A PDF text string's characters: UTF-16BE after a byte-order mark, else PDFDocEncoding
/// (read as Latin-1, which it equals for the characters Cairo writes).
func decodeTextString(_ bytes: [UInt8]) -> String {
  if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF {
    var units: [UInt16] = []
    var index = 2
    while index + 1 < bytes.count {
      units.append(UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1]))
      index += 2
    }
    return String(decoding: units, as: UTF16.self)
  }
  return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
}

/// The structure tree as Cairo writes it, changed as the drawer's log says.
private struct StructureTree {
  enum Kid: Equatable {
    /// Marked content: its MCID, and its page when that is not the element's.
    case content(Int, page: Int?)
    case element(Int)
    case annotation(Int)
  }

  struct Element {
    var type: String
    var parent: Int
    var page: Int?
    var kids: [Kid]
    var extra: [String] = []
  }

  let file: PDFFile
  var elements: [Int: Element] = [:]
  /// The element numbers in the order Cairo made them, which is the order their tags began.
  var order: [Int] = []
  /// Per page: the parent tree's array object and its entries, by MCID.
  var pageParents: [Int: (number: Int, entries: [Int?])] = [:]
  var changed: Set<Int> = []
  var changedParents: Set<Int> = []
  /// Elements taken out of the tree (artifacts, second halves of broken blocks): freed.
  var removed: Set<Int> = []

  init?(file: PDFFile, root: Int) {
    self.file = file
    for number in file.objects(containing: "/Type /StructElem") {
      guard let fields = Self.fields(of: number, in: file), fields.type == "StructElem",
        let type = fields.structureType, let parent = fields.parent
      else { continue }
      var kids: [Kid] = []
      func read(_ value: PDFValue) -> Bool {
        switch value {
        case .integer(let mcid): kids.append(.content(mcid, page: nil))
        case .reference(let child): kids.append(.element(child))
        case .dictionary(let reference):
          if reference["Type"]?.name == "MCR", let mcid = reference["MCID"]?.integer {
            kids.append(.content(mcid, page: reference["Pg"]?.reference))
          } else if reference["Type"]?.name == "OBJR", let object = reference["Obj"]?.reference {
            kids.append(.annotation(object))
          } else {
            return false
          }
        default: return false
        }
        return true
      }
      switch fields.kids {
      case .array(let values)?:
        for value in values where !read(value) { return nil }
      case let value?:
        if !read(value) { return nil }
      case nil: break
      }
      // Anything else in the dictionary would be lost when the element is written again.
      guard !fields.hasOtherKeys else { return nil }
      elements[number] = Element(type: type, parent: parent, page: fields.page, kids: kids)
      order.append(number)
    }
    guard let rootDictionary = file.dictionary(root), let parentTree = rootDictionary["ParentTree"]?.reference,
      case .array(let nums)? = file.dictionary(parentTree)?["Nums"]
    else { return nil }
    var arrays: [Int: Int] = [:]
    var index = 0
    while index + 1 < nums.count {
      if let key = nums[index].integer, let number = nums[index + 1].reference { arrays[key] = number }
      index += 2
    }
    guard let catalog = file.trailer["Root"]?.reference, let pagesRoot = file.dictionary(catalog)?["Pages"]?.reference else { return nil }
    for page in file.pages(under: pagesRoot) {
      guard let key = file.dictionary(page)?["StructParents"]?.integer, let number = arrays[key],
        case .array(let values)? = file.value(of: number)
      else { continue }
      pageParents[page] = (number, values.map(\.reference))
    }
  }

  /// A structure element's dictionary, read for the entries Cairo writes (`/Type`, `/S`, `/P`,
  /// `/Pg`, `/K`) with no dictionary built: there are hundreds of elements in a handout.
  private struct Fields {
    var type: String?
    var structureType: String?
    var parent: Int?
    var page: Int?
    var kids: PDFValue?
    var hasOtherKeys = false
  }

  private static func fields(of number: Int, in file: PDFFile) -> Fields? {
    guard let body = file.objectBody(number) else { return nil }
    let bytes = file.bytes
    var scanner = PDFScanner(bytes, at: body.lowerBound)
    scanner.skipWhitespace()
    guard scanner.position + 1 < bytes.count, bytes[scanner.position] == UInt8(ascii: "<"),
      bytes[scanner.position + 1] == UInt8(ascii: "<")
    else { return nil }
    scanner.position += 2
    var fields = Fields()
    while true {
      scanner.skipWhitespace()
      guard scanner.position + 1 < bytes.count else { return nil }
      if bytes[scanner.position] == UInt8(ascii: ">"), bytes[scanner.position + 1] == UInt8(ascii: ">") { return fields }
      guard case .name(let key)? = scanner.value(), let value = scanner.value() else { return nil }
      switch key {
      case "Type": fields.type = value.name
      case "S": fields.structureType = value.name
      case "P": fields.parent = value.reference
      case "Pg": fields.page = value.reference
      case "K": fields.kids = value
      default: fields.hasOtherKeys = true
      }
    }
  }

  /// Applies the log; returns what to change in the marked content, by page and MCID, or nil when the
  /// tree does not match the log (then nothing is changed).
  mutating func apply(_ log: [StructureLog.Entry]) -> [Int: [Int: ContentMark]]? {
    guard order.count == log.count, zip(order, log).allSatisfy({ elements[$0]?.type == $1.tag }) else { return nil }
    var marks: [Int: [Int: ContentMark]] = [:]
    var merged: [Int: Int] = [:]
    for (number, entry) in zip(order, log) {
      guard var element = elements[number] else { continue }
      if entry.isArtifact {
        for case .content(let mcid, let page) in element.kids {
          guard let page = page ?? element.page else { continue }
          marks[page, default: [:]][mcid] = .artifact
          setParent(page: page, mcid: mcid, to: nil)
        }
        detach(number, from: element.parent)
        continue
      }
      if let previous = entry.continues {
        let target = merged[order[previous]] ?? order[previous]
        merged[number] = target
        guard var into = elements[target], into.parent == element.parent else { continue }
        for kid in element.kids {
          switch kid {
          case .content(let mcid, let page):
            guard let page = page ?? element.page else { continue }
            into.kids.append(.content(mcid, page: page == into.page ? nil : page))
            if into.page == nil { into.page = page }
            setParent(page: page, mcid: mcid, to: target)
          case .element(let child):
            into.kids.append(kid)
            elements[child]?.parent = target
            changed.insert(child)
          case .annotation:
            into.kids.append(kid)
          }
        }
        elements[target] = into
        changed.insert(target)
        detach(number, from: element.parent)
        continue
      }
      if let text = entry.alternativeText { element.extra.append("/Alt \(textString(text))") }
      if let text = entry.actualText {
        element.extra.append("/ActualText \(textString(text))")
        for case .content(let mcid, let page) in element.kids {
          if let page = page ?? element.page { marks[page, default: [:]][mcid] = .actualText(text) }
        }
      }
      if let text = entry.expansion { element.extra.append("/E \(textString(text))") }
      if let language = entry.language { element.extra.append("/Lang \(textString(language))") }
      if let scope = entry.scope { element.extra.append("/A << /O /Table /Scope /\(scope) >>") }
      if !element.extra.isEmpty {
        elements[number] = element
        changed.insert(number)
      }
    }
    // The document element's children in reading order, when a page is not read in one go.
    if let document = order.first, elements[document]?.type == "Document", log.contains(where: { $0.readingRank != 0 }) {
      var ranks: [Int: Int] = [:]
      for (number, entry) in zip(order, log) { ranks[number] = entry.readingRank }
      let kids = elements[document]?.kids ?? []
      let sorted = kids.enumerated().sorted { a, b in
        let (ra, rb) = (rank(of: a.element, in: ranks), rank(of: b.element, in: ranks))
        return ra != rb ? ra < rb : a.offset < b.offset
      }.map(\.element)
      if sorted != kids {
        elements[document]?.kids = sorted
        changed.insert(document)
      }
    }
    return marks
  }

  private func rank(of kid: Kid, in ranks: [Int: Int]) -> Int {
    if case .element(let number) = kid { return ranks[number] ?? 0 }
    return 0
  }

  private mutating func detach(_ number: Int, from parent: Int) {
    removed.insert(number)
    guard elements[parent] != nil else { return }
    elements[parent]?.kids.removeAll { $0 == .element(number) }
    changed.insert(parent)
  }

  /// The first MCID the page's content does not use.
  func nextMCID(on page: Int) -> Int { pageParents[page]?.entries.count ?? 0 }

  /// Makes the parts of split sequences content of the element their first part belongs to,
  /// each right after the part before it; false when a split sequence has no element.
  mutating func add(_ splits: MarkedContent.Splits, on page: Int) -> Bool {
    guard var parents = pageParents[page] else { return false }
    for (first, parts) in splits.parts.sorted(by: { $0.key < $1.key }) {
      guard first < parents.entries.count, let number = parents.entries[first], var element = elements[number],
        let at = element.kids.firstIndex(where: { kid in
          if case .content(first, let kidPage) = kid { return (kidPage ?? element.page) == page }
          return false
        })
      else { return false }
      let kidPage: Int? = page == element.page ? nil : page
      element.kids.insert(contentsOf: parts.map { Kid.content($0, page: kidPage) }, at: at + 1)
      elements[number] = element
      changed.insert(number)
      for part in parts {
        while parents.entries.count <= part { parents.entries.append(nil) }
        parents.entries[part] = number
      }
    }
    pageParents[page] = parents
    changedParents.insert(page)
    return true
  }

  private mutating func setParent(page: Int, mcid: Int, to element: Int?) {
    guard var parents = pageParents[page], mcid < parents.entries.count else { return }
    parents.entries[mcid] = element
    pageParents[page] = parents
    changedParents.insert(page)
  }

  func write(into update: inout PDFRewrite) {
    for number in removed.sorted() { update.free(number) }
    for number in changed.subtracting(removed).sorted() {
      guard let element = elements[number] else { continue }
      var text = "<< /Type /StructElem\n   /S /\(element.type)\n   /P \(element.parent) 0 R\n"
      if let page = element.page { text += "   /Pg \(page) 0 R\n" }
      let kids = element.kids.map { kid -> String in
        switch kid {
        case .content(let mcid, let page?) where page != element.page: "<< /Type /MCR /Pg \(page) 0 R /MCID \(mcid) >>"
        case .content(let mcid, _): "\(mcid)"
        case .element(let child): "\(child) 0 R"
        case .annotation(let object): "<< /Type /OBJR /Obj \(object) 0 R >>"
        }
      }
      if kids.count == 1 { text += "   /K \(kids[0])\n" } else if !kids.isEmpty { text += "   /K [ \(kids.joined(separator: " ")) ]\n" }
      for entry in element.extra { text += "   \(entry)\n" }
      update.set(number, Array((text + ">>\n").utf8))
    }
    for page in changedParents.sorted() {
      guard let parents = pageParents[page] else { continue }
      let entries = parents.entries.map { $0.map { "\($0) 0 R" } ?? "null" }
      update.set(parents.number, Array("[ \(entries.joined(separator: " ")) ]\n".utf8))
    }
  }
}

/// The objects of a PDF written with a classic cross-reference table, as Cairo writes them.
struct PDFFile {
  let bytes: [UInt8]
  var offsets: [Int: Int] = [:]
  /// Every object's number and offset, in number order.
  private var inOrder: [(number: Int, offset: Int)] = []
  var trailer: [String: PDFValue] = [:]
  let startXref: Int

  init?(_ bytes: [UInt8]) {
    self.bytes = bytes
    guard let marker = bytes.lastRange(of: Array("startxref".utf8)) else { return nil }
    var scanner = PDFScanner(bytes, at: marker.upperBound)
    guard case .integer(let xref) = scanner.value() else { return nil }
    startXref = xref
    scanner = PDFScanner(bytes, at: xref)
    guard scanner.keyword() == "xref" else { return nil }
    while case .integer(let first) = scanner.value() {
      guard case .integer(let count) = scanner.value() else { return nil }
      for number in first..<first + count {
        guard case .integer(let offset) = scanner.value(), case .integer = scanner.value() else { return nil }
        let kind = scanner.keyword()
        if kind == "n" { offsets[number] = offset }
      }
    }
    guard case .dictionary(let trailer) = scanner.value() else { return nil }
    self.trailer = trailer
    inOrder = offsets.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
  }

  /// The dictionary of object `number`.
  func dictionary(_ number: Int) -> [String: PDFValue]? {
    if case .dictionary(let dictionary)? = value(of: number) { return dictionary }
    return nil
  }

  /// The value of object `number` (a stream's dictionary for a stream).
  func value(of number: Int) -> PDFValue? {
    guard let body = objectBody(number) else { return nil }
    var scanner = PDFScanner(bytes, at: body.lowerBound)
    return scanner.value()
  }

  /// The data of a stream object, still encoded.
  func stream(_ number: Int) -> (dictionary: [String: PDFValue], data: [UInt8])? {
    guard let body = objectBody(number) else { return nil }
    var scanner = PDFScanner(bytes, at: body.lowerBound)
    guard case .dictionary(let dictionary)? = scanner.value(), dictionary["Filter"]?.name == "FlateDecode",
      scanner.keyword() == "stream"
    else { return nil }
    var start = scanner.position
    if start < bytes.count, bytes[start] == 13 { start += 1 }
    if start < bytes.count, bytes[start] == 10 { start += 1 }
    let length: Int? = switch dictionary["Length"] {
    case .integer(let value)?: value
    case .reference(let object)?: value(of: object)?.integer
    default: nil
    }
    guard let length, start + length <= bytes.count else { return nil }
    return (dictionary, Array(bytes[start..<start + length]))
  }

  /// The bytes between `N G obj` and `endobj`.
  func objectBody(_ number: Int) -> Range<Int>? {
    guard let offset = offsets[number] else { return nil }
    var scanner = PDFScanner(bytes, at: offset)
    _ = scanner.value()
    _ = scanner.value()
    guard scanner.keyword() == "obj" else { return nil }
    let start = scanner.position
    guard let end = bytes.firstIndex(of: "endobj", from: start) else { return nil }
    return start..<end
  }

  /// The object's bytes with `entries` added at the end of its dictionary (not for streams).
  func insert(_ entries: String, into number: Int) -> [UInt8]? {
    guard let body = objectBody(number) else { return nil }
    let text = Array(bytes[body])
    guard let close = text.lastIndex(of: Array(">>".utf8)) else { return nil }
    return Array(text[..<close]) + Array((" " + entries + "\n").utf8) + Array(text[close...])
  }

  /// The info dictionary's text with `D:` before its dates, which Cairo 1.16 leaves out.
  func datesWithPrefix(in number: Int) -> [UInt8]? {
    guard let body = objectBody(number) else { return nil }
    var text = Array(bytes[body])
    var changed = false
    for key in ["/CreationDate (", "/ModDate ("] {
      let pattern = Array(key.utf8)
      guard let found = text.firstIndex(of: pattern, from: 0) else { continue }
      let at = found + pattern.count
      guard at < text.count, text[at] >= 0x30, text[at] <= 0x39 else { continue }
      text.insert(contentsOf: Array("D:".utf8), at: at)
      changed = true
    }
    return changed ? text : nil
  }

  /// The objects whose first 96 bytes hold `marker`, in number order.
  ///
  /// Cairo starts each dictionary with its `/Type` and `/Subtype` or `/S`, so a look at the
  /// start of each object finds them with no parse of the whole file.
  func objects(containing marker: StaticString) -> [Int] {
    inOrder.compactMap { object in
      let (number, offset) = object
      let window = offset..<min(offset + 96, bytes.count)
      guard let found = bytes.firstIndex(of: marker, in: window) else { return nil }
      // `/S /FigureX` would be another name.
      let next = found + marker.utf8CodeUnitCount < bytes.count ? bytes[found + marker.utf8CodeUnitCount] : 0
      let isName = (next >= 0x41 && next <= 0x5A) || (next >= 0x61 && next <= 0x7A) || (next >= 0x30 && next <= 0x39)
      return isName ? nil : number
    }
  }

  /// The page objects under a page tree node, in order.
  func pages(under node: Int) -> [Int] {
    guard let dictionary = dictionary(node) else { return [] }
    if dictionary["Type"]?.name == "Page" { return [node] }
    guard case .array(let kids)? = dictionary["Kids"] else { return [] }
    return kids.compactMap(\.reference).flatMap { pages(under: $0) }
  }
}

/// A PDF value, as far as the amendment needs to read one.
enum PDFValue {
  case integer(Int)
  case number
  case reference(Int)
  case name(String)
  case array([PDFValue])
  case dictionary([String: PDFValue])
  /// A literal or hex string's bytes, escapes resolved.
  case string([UInt8])
  case other

  var reference: Int? { if case .reference(let number) = self { number } else { nil } }
  var name: String? { if case .name(let name) = self { name } else { nil } }
  var integer: Int? { if case .integer(let value) = self { value } else { nil } }
}

/// Reads PDF tokens and values from bytes (the post-pass, and the link audit's strings).
struct PDFScanner {
  let bytes: [UInt8]
  var position: Int

  init(_ bytes: [UInt8], at position: Int) {
    self.bytes = bytes
    self.position = position
  }

  private static func isWhitespace(_ byte: UInt8) -> Bool {
    switch byte {
    case 0, 9, 10, 12, 13, 32: true
    default: false
    }
  }

  private static func isDelimiter(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "["),
      UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "/"), UInt8(ascii: "%"):
      true
    default: false
    }
  }

  mutating func skipWhitespace() {
    while position < bytes.count {
      if Self.isWhitespace(bytes[position]) {
        position += 1
      } else if bytes[position] == UInt8(ascii: "%") {
        while position < bytes.count, bytes[position] != 10, bytes[position] != 13 { position += 1 }
      } else {
        return
      }
    }
  }

  /// An integer token; nil, with nothing consumed, when the next token is something else.
  mutating func integerToken() -> Int? {
    skipWhitespace()
    var index = position
    var negative = false
    if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
      negative = bytes[index] == UInt8(ascii: "-")
      index += 1
    }
    let digits = index
    var value = 0
    while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
      value = value &* 10 &+ Int(bytes[index] - 0x30)
      index += 1
    }
    guard index > digits, index == bytes.count || Self.isWhitespace(bytes[index]) || Self.isDelimiter(bytes[index]) else {
      return nil
    }
    position = index
    return negative ? -value : value
  }

  /// Consumes the bare word `word` when it comes next.
  mutating func consume(_ word: StaticString) -> Bool {
    skipWhitespace()
    let length = word.utf8CodeUnitCount
    guard position + length <= bytes.count else { return false }
    for offset in 0..<length where bytes[position + offset] != word.utf8Start[offset] { return false }
    let end = position + length
    guard end == bytes.count || Self.isWhitespace(bytes[end]) || Self.isDelimiter(bytes[end]) else { return false }
    position = end
    return true
  }

  /// A bare word: `obj`, `xref`, `n`, `R`, `true`.
  mutating func keyword() -> String {
    skipWhitespace()
    let start = position
    while position < bytes.count, !Self.isWhitespace(bytes[position]), !Self.isDelimiter(bytes[position]) {
      position += 1
    }
    return String(decoding: bytes[start..<position], as: UTF8.self)
  }

  mutating func value() -> PDFValue? {
    skipWhitespace()
    guard position < bytes.count else { return nil }
    switch bytes[position] {
    case UInt8(ascii: "/"):
      position += 1
      return .name(keyword())
    case UInt8(ascii: "["):
      position += 1
      var values: [PDFValue] = []
      while true {
        skipWhitespace()
        if position >= bytes.count { return nil }
        if bytes[position] == UInt8(ascii: "]") {
          position += 1
          return .array(values)
        }
        guard let value = value() else { return nil }
        values.append(value)
      }
    case UInt8(ascii: "<") where position + 1 < bytes.count && bytes[position + 1] == UInt8(ascii: "<"):
      position += 2
      var dictionary: [String: PDFValue] = [:]
      while true {
        skipWhitespace()
        if position + 1 >= bytes.count { return nil }
        if bytes[position] == UInt8(ascii: ">"), bytes[position + 1] == UInt8(ascii: ">") {
          position += 2
          return .dictionary(dictionary)
        }
        guard case .name(let key) = value(), let value = value() else { return nil }
        dictionary[key] = value
      }
    case UInt8(ascii: "<"):
      position += 1
      var digits: [UInt8] = []
      while position < bytes.count, bytes[position] != UInt8(ascii: ">") {
        let byte = bytes[position]
        switch byte {
        case 0x30...0x39: digits.append(byte - 0x30)
        case 0x41...0x46: digits.append(byte - 0x41 + 10)
        case 0x61...0x66: digits.append(byte - 0x61 + 10)
        default: break
        }
        position += 1
      }
      position += 1
      if digits.count % 2 == 1 { digits.append(0) }
      return .string(stride(from: 0, to: digits.count, by: 2).map { digits[$0] << 4 | digits[$0 + 1] })
    case UInt8(ascii: "("):
      var depth = 0
      var text: [UInt8] = []
      while position < bytes.count {
        let byte = bytes[position]
        position += 1
        if byte == UInt8(ascii: "\\") {
          guard position < bytes.count else { break }
          let escaped = bytes[position]
          position += 1
          switch escaped {
          case UInt8(ascii: "n"): text.append(10)
          case UInt8(ascii: "r"): text.append(13)
          case UInt8(ascii: "t"): text.append(9)
          case UInt8(ascii: "b"): text.append(8)
          case UInt8(ascii: "f"): text.append(12)
          case 10: break
          case 13: if position < bytes.count, bytes[position] == 10 { position += 1 }
          case 0x30...0x37:
            var code = Int(escaped - 0x30)
            for _ in 0..<2 where position < bytes.count && (0x30...0x37).contains(bytes[position]) {
              code = code * 8 + Int(bytes[position] - 0x30)
              position += 1
            }
            text.append(UInt8(truncatingIfNeeded: code))
          default: text.append(escaped)
          }
          continue
        } else if byte == UInt8(ascii: "(") {
          depth += 1
          if depth == 1 { continue }
        } else if byte == UInt8(ascii: ")") {
          depth -= 1
          if depth == 0 { break }
        }
        text.append(byte)
      }
      return .string(text)
    default:
      // Numbers are read from the bytes: no string is made for them (most tokens are).
      guard let integer = integerToken() else {
        let word = keyword()
        guard !word.isEmpty else {
          position += 1
          return .other
        }
        return Double(word) != nil ? .number : .other
      }
      // `N G R` is a reference; look ahead without consuming anything else.
      var lookahead = self
      if lookahead.integerToken() != nil, lookahead.consume("R") {
        self = lookahead
        return .reference(integer)
      }
      return .integer(integer)
    }
  }
}

extension Array where Element == UInt8 {
  /// Where `pattern` first occurs at or after `start`: `memchr` finds candidates for its
  /// first byte, `memcmp` checks the rest.
  fileprivate func firstIndex(of pattern: StaticString, from start: Int) -> Int? {
    firstIndex(of: pattern, in: start..<count)
  }

  /// Where `pattern` first occurs wholly inside `range`.
  fileprivate func firstIndex(of pattern: StaticString, in range: Range<Int>) -> Int? {
    let length = pattern.utf8CodeUnitCount
    guard length > 0, range.lowerBound >= 0, range.upperBound <= count else { return nil }
    return withUnsafeBufferPointer { buffer -> Int? in
      guard let base = buffer.baseAddress else { return nil }
      var index = range.lowerBound
      while index + length <= range.upperBound {
        guard let hit = memchr(base + index, Int32(pattern.utf8Start.pointee), range.upperBound - index - length + 1) else {
          return nil
        }
        index = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self)) - base
        if memcmp(base + index, pattern.utf8Start, length) == 0 { return index }
        index += 1
      }
      return nil
    }
  }

  /// Where `pattern` first occurs at or after `start`.
  fileprivate func firstIndex(of pattern: [UInt8], from start: Int) -> Int? {
    guard let first = pattern.first, pattern.count <= count else { return nil }
    var index = start
    while index + pattern.count <= count {
      guard let hit = self[index...].firstIndex(of: first) else { return nil }
      guard hit + pattern.count <= count else { return nil }
      if self[hit..<hit + pattern.count].elementsEqual(pattern) { return hit }
      index = hit + 1
    }
    return nil
  }

  fileprivate func lastIndex(of pattern: [UInt8]) -> Int? {
    lastRange(of: pattern)?.lowerBound
  }

  /// The bytes with every `pattern` replaced by `replacement`.
  fileprivate func replacing(_ pattern: [UInt8], with replacement: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(count)
    var index = 0
    while let found = firstIndex(of: pattern, from: index) {
      out += self[index..<found]
      out += replacement
      index = found + pattern.count
    }
    out += self[index...]
    return out
  }

  fileprivate func lastRange(of pattern: [UInt8]) -> Range<Int>? {
    guard pattern.count <= count else { return nil }
    for start in stride(from: count - pattern.count, through: 0, by: -1)
    where self[start..<start + pattern.count].elementsEqual(pattern) {
      return start..<start + pattern.count
    }
    return nil
  }
}
