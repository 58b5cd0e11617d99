import Foundation
import HandoutLayout

/// What Cairo 1.16 cannot write and a finished PDF still needs: the document language, the
/// alternative text of figures, and the trim and bleed boxes of print-shop pages.
///
/// Added as an incremental update (new versions of the changed objects, a new cross-reference
/// section pointing back to Cairo's): the bytes Cairo wrote stay as they are.
struct PDFAmendment {
  /// BCP 47 language of the document, for the catalog's `/Lang`.
  var language: String?
  /// The document's figures, page by page in reading order: each gets its `/Alt`.
  var figures: [Figure] = []
  /// How many pages the document has.
  var pageCount = 0
  /// Per page, in PDF units with the origin at the bottom left: trim box and bleed box.
  var pageBoxes: [(trim: Rect4, bleed: Rect4)?] = []

  /// A rectangle as PDF writes it: lower-left x and y, upper-right x and y.
  typealias Rect4 = (Double, Double, Double, Double)

  var isEmpty: Bool {
    language == nil && figures.isEmpty && pageBoxes.allSatisfy { $0 == nil }
  }

  /// The PDF with the amendment appended.
  ///
  /// Throws when the PDF cannot be read, or when what it holds does not match the document
  /// (another number of pages or figures): a PDF without its figures' alternative text is
  /// not written.
  func apply(to pdf: [UInt8]) throws(RenderError) -> [UInt8] {
    guard !isEmpty else { return pdf }
    func fail(_ why: String) -> RenderError { RenderError("amending the PDF (language, figure text, page boxes): \(why)") }
    guard let file = PDFFile(pdf) else { throw fail("its cross-reference table cannot be read") }
    var changed: [Int: String] = [:]
    guard let root = file.trailer["Root"]?.reference, let catalog = file.dictionary(root) else {
      throw fail("it has no document catalog")
    }
    guard let pageTree = catalog["Pages"]?.reference else { throw fail("it has no page tree") }
    let pages = file.pages(under: pageTree)
    guard pages.count == pageCount else { throw fail("it has \(pages.count) pages, the document \(pageCount)") }
    if let language {
      guard let amended = file.insert("/Lang \(literal(language))", into: root) else { throw fail("the catalog cannot be amended") }
      changed[root] = amended
    }
    if !figures.isEmpty {
      guard catalog["StructTreeRoot"]?.reference != nil else { throw fail("it has figures but no structure tree") }
      let elements = file.figureElements(pages: pages)
      let written = elements.map(\.page)
      let expected = figures.map(\.page)
      guard written == expected else {
        throw fail(
          "its Figure elements (on pages \(written.map { String($0 + 1) })) are not the document's figures "
            + "(on pages \(expected.map { String($0 + 1) }))")
      }
      for (element, figure) in zip(elements, figures) {
        guard let amended = file.insert("/Alt \(textString(figure.alternativeText))", into: element.number) else {
          throw fail("figure element \(element.number) cannot be amended")
        }
        changed[element.number] = amended
      }
    }
    for (page, boxes) in zip(pages, pageBoxes) {
      guard let boxes else { continue }
      guard let amended = file.insert("/TrimBox \(array(boxes.trim)) /BleedBox \(array(boxes.bleed))", into: page) else {
        throw fail("page object \(page) cannot be amended")
      }
      changed[page] = amended
    }
    return file.appendingUpdate(changed)
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

  private func literal(_ text: String) -> String {
    "(" + text.filter { $0.isASCII && $0 != "(" && $0 != ")" && $0 != "\\" } + ")"
  }

  /// A PDF text string in UTF-16BE with a byte-order mark, as hex.
  private func textString(_ text: String) -> String {
    let digits = Array("0123456789ABCDEF".utf8)
    var hex: [UInt8] = Array("<FEFF".utf8)
    hex.reserveCapacity(6 + text.utf16.count * 4)
    for unit in text.utf16 {
      for shift in stride(from: 12, through: 0, by: -4) { hex.append(digits[Int(unit >> UInt16(shift)) & 15]) }
    }
    hex.append(UInt8(ascii: ">"))
    return String(decoding: hex, as: UTF8.self)
  }
}

/// The objects of a PDF written with a classic cross-reference table, as Cairo writes them.
private struct PDFFile {
  let bytes: [UInt8]
  var offsets: [Int: Int] = [:]
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
  }

  /// The dictionary of object `number`.
  func dictionary(_ number: Int) -> [String: PDFValue]? {
    guard let body = objectBody(number) else { return nil }
    var scanner = PDFScanner(bytes, at: body.lowerBound)
    if case .dictionary(let dictionary) = scanner.value() { return dictionary }
    return nil
  }

  /// The bytes between `N G obj` and `endobj`.
  private func objectBody(_ number: Int) -> Range<Int>? {
    guard let offset = offsets[number] else { return nil }
    var scanner = PDFScanner(bytes, at: offset)
    _ = scanner.value()
    _ = scanner.value()
    guard scanner.keyword() == "obj" else { return nil }
    let start = scanner.position
    guard let end = bytes.firstIndex(of: "endobj", from: start) else { return nil }
    return start..<end
  }

  /// The object's text with `entries` added at the end of its dictionary.
  func insert(_ entries: String, into number: Int) -> String? {
    guard let body = objectBody(number) else { return nil }
    let text = String(decoding: bytes[body], as: UTF8.self)
    guard let close = text.range(of: ">>", options: .backwards) else { return nil }
    return text[..<close.lowerBound] + " " + entries + "\n" + text[close.lowerBound...]
  }

  /// The `Figure` structure elements, ordered by the page their content is on (`/Pg`) and,
  /// on a page, by their first marked-content id (`/K`), which is the order they were drawn.
  /// An element whose page or content cannot be read sorts last, with page `Int.max`.
  ///
  /// Cairo starts each element's dictionary with `/Type /StructElem` and `/S`.
  func figureElements(pages: [Int]) -> [(number: Int, page: Int)] {
    let pageIndex = Dictionary(pages.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    let located = figureElementNumbers().map { number -> (number: Int, page: Int, content: Int) in
      guard let element = dictionary(number), let page = element["Pg"]?.reference.flatMap({ pageIndex[$0] }),
        let content = firstMarkedContent(element["K"])
      else { return (number, Int.max, Int.max) }
      return (number, page, content)
    }
    return located.sorted { ($0.page, $0.content, $0.number) < ($1.page, $1.content, $1.number) }
      .map { ($0.number, $0.page) }
  }

  /// The first marked-content id of a structure element's `/K`.
  private func firstMarkedContent(_ kids: PDFValue?) -> Int? {
    switch kids {
    case .integer(let id): id
    case .array(let items): items.lazy.compactMap { self.firstMarkedContent($0) }.first
    case .dictionary(let reference): reference["MCID"]?.integer
    default: nil
    }
  }

  private func figureElementNumbers() -> [Int] {
    offsets.keys.sorted().filter { number in
      guard let offset = offsets[number] else { return false }
      let window = offset..<min(offset + 96, bytes.count)
      guard bytes.firstIndex(of: "/Type /StructElem", in: window) != nil,
        let found = bytes.firstIndex(of: "/S /Figure", in: window)
      else { return false }
      // `/S /FigureX` would be another type.
      let next = found + 10 < bytes.count ? bytes[found + 10] : 0
      return !(next >= 0x41 && next <= 0x5A) && !(next >= 0x61 && next <= 0x7A)
    }
  }

  /// The page objects under a page tree node, in order.
  func pages(under node: Int) -> [Int] {
    guard let dictionary = dictionary(node) else { return [] }
    if dictionary["Type"]?.name == "Page" { return [node] }
    guard case .array(let kids)? = dictionary["Kids"] else { return [] }
    return kids.compactMap(\.reference).flatMap { pages(under: $0) }
  }

  /// The file with new versions of objects and a cross-reference section for them.
  func appendingUpdate(_ changed: [Int: String?]) -> [UInt8] {
    var out = bytes
    if out.last != UInt8(ascii: "\n") { out.append(UInt8(ascii: "\n")) }
    var written: [(Int, Int)] = []
    for (number, text) in changed.sorted(by: { $0.key < $1.key }) {
      guard let text else { continue }
      written.append((number, out.count))
      out += Array("\(number) 0 obj\n\(text)endobj\n".utf8)
    }
    guard !written.isEmpty else { return bytes }
    let xref = out.count
    var section = "xref\n"
    for (number, offset) in written {
      section += "\(number) 1\n" + String(format: "%010d 00000 n \n", offset)
    }
    var trailerText = "trailer\n<< /Size \(trailer["Size"]?.integer ?? (offsets.keys.max() ?? 0) + 1)"
    if let root = trailer["Root"]?.reference { trailerText += " /Root \(root) 0 R" }
    if let info = trailer["Info"]?.reference { trailerText += " /Info \(info) 0 R" }
    trailerText += " /Prev \(startXref) >>\nstartxref\n\(xref)\n%%EOF\n"
    out += Array((section + trailerText).utf8)
    return out
  }
}

/// A PDF value, as far as the amendment needs to read one.
private indirect enum PDFValue {
  case integer(Int)
  case number
  case reference(Int)
  case name(String)
  case array([PDFValue])
  case dictionary([String: PDFValue])
  case other

  var reference: Int? { if case .reference(let number) = self { number } else { nil } }
  var name: String? { if case .name(let name) = self { name } else { nil } }
  var integer: Int? { if case .integer(let value) = self { value } else { nil } }
}

/// Reads PDF tokens and values from bytes.
private struct PDFScanner {
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
      while position < bytes.count, bytes[position] != UInt8(ascii: ">") { position += 1 }
      position += 1
      return .other
    case UInt8(ascii: "("):
      var depth = 0
      while position < bytes.count {
        let byte = bytes[position]
        position += 1
        if byte == UInt8(ascii: "\\") {
          position += 1
        } else if byte == UInt8(ascii: "(") {
          depth += 1
        } else if byte == UInt8(ascii: ")") {
          depth -= 1
          if depth == 0 { break }
        }
      }
      return .other
    default:
      let word = keyword()
      guard !word.isEmpty else {
        position += 1
        return .other
      }
      guard let integer = Int(word) else { return Double(word) != nil ? .number : .other }
      // `N G R` is a reference; look ahead without consuming anything else.
      var lookahead = self
      if Int(lookahead.keyword()) != nil, lookahead.keyword() == "R" {
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

  fileprivate func lastRange(of pattern: [UInt8]) -> Range<Int>? {
    guard pattern.count <= count else { return nil }
    for start in stride(from: count - pattern.count, through: 0, by: -1)
    where self[start..<start + pattern.count].elementsEqual(pattern) {
      return start..<start + pattern.count
    }
    return nil
  }
}
