/// How a PDF's objects are stored in the file.
public enum PDFLayout: Sendable {
  /// Object streams and a cross-reference stream; embedded TrueType fonts without hinting.
  case compact
  /// Every object at the top level, a classic cross-reference table, fonts as Cairo embeds them.
  case plain
}

/// The amended PDF, written again in full: Cairo's objects with the post-pass's new versions in
/// their place, its new objects, and nothing that nothing refers to (the previous versions,
/// structure elements taken out of the tree, streams' length objects).
///
/// `.compact`, what the renderer writes: every object that is not a stream (the structure tree,
/// pages, fonts' dictionaries, annotations, the outline) in compressed object streams, and a
/// cross-reference stream at the end (PDF 1.5, the version Cairo writes). `.plain`: every
/// object at the top level, with a classic cross-reference table: the same document, for
/// tests that compare the two.
///
/// The output depends on the input only: objects in number order, zlib at its default level.
struct PDFRewrite {
  typealias Layout = PDFLayout

  let file: PDFFile
  private var objects: [Int: [UInt8]] = [:]
  private var freed: Set<Int> = []
  private var next: Int

  /// At most this many objects share an object stream (an index fits in one byte).
  static let objectsPerStream = 255

  init(file: PDFFile) {
    self.file = file
    next = max(file.trailer["Size"]?.integer ?? 0, (file.offsets.keys.max() ?? 0) + 1)
  }

  /// The new text of object `number` (what goes between `obj` and `endobj`).
  mutating func set(_ number: Int, _ body: [UInt8]?) {
    if let body, !freed.contains(number) { objects[number] = body }
  }

  mutating func set(_ number: Int, _ body: String?) {
    set(number, body.map { Array($0.utf8) })
  }

  /// Marks object `number` free: nothing refers to it any more.
  mutating func free(_ number: Int) {
    objects[number] = nil
    freed.insert(number)
  }

  /// A new object; returns its number.
  mutating func add(_ body: [UInt8]) -> Int {
    let number = next
    next += 1
    objects[number] = body
    return number
  }

  /// Object `number`'s text (between `obj` and `endobj`), and where in it that text lies.
  private func body(_ number: Int) -> (bytes: [UInt8], range: Range<Int>)? {
    if freed.contains(number) { return nil }
    if let body = objects[number] { return (body, 0..<body.count) }
    guard let range = file.objectBody(number) else { return nil }
    return (file.bytes, range)
  }

  /// The whole file; nil when an object cannot be read or compressing fails.
  func bytes(layout: Layout) -> [UInt8]? {
    guard let root = file.trailer["Root"]?.reference else { return nil }
    let info = file.trailer["Info"]?.reference
    // What the trailer reaches, object by object.
    var shapes: [Int: ObjectShape] = [:]
    var pending = [root] + (info.map { [$0] } ?? [])
    while let number = pending.popLast() {
      guard shapes[number] == nil, let (bytes, range) = body(number) else { continue }
      let shape = ObjectShape(bytes, range)
      shapes[number] = shape
      for reference in shape.references where shapes[reference] == nil { pending.append(reference) }
    }
    guard shapes[root] != nil else { return nil }

    let firstOffset = file.offsets.values.min() ?? 0
    var out = Array(file.bytes[0..<min(firstOffset, file.bytes.count)])
    out.reserveCapacity(file.bytes.count)
    var offsets: [Int: Int] = [:]
    var packed: [(number: Int, bytes: ArraySlice<UInt8>)] = []
    for number in shapes.keys.sorted() {
      guard let (bytes, range) = body(number), let shape = shapes[number] else { return nil }
      if let keyword = shape.streamKeyword {
        guard let stream = streamObject(number, bytes, range, keyword: keyword, shape: shape) else { return nil }
        offsets[number] = out.count
        out += stream
      } else if layout == .compact {
        packed.append((number, trimmed(bytes[range])))
      } else {
        offsets[number] = out.count
        out += Array("\(number) 0 obj\n".utf8)
        out += trimmed(bytes[range])
        out += Array("\nendobj\n".utf8)
      }
    }

    switch layout {
    case .plain:
      return classicTable(out, offsets: offsets, size: next, root: root, info: info)
    case .compact:
      var streamOf: [Int: (stream: Int, index: Int)] = [:]
      var size = next
      var start = 0
      while start < packed.count {
        let chunk = packed[start..<min(start + Self.objectsPerStream, packed.count)]
        start += chunk.count
        let number = size
        size += 1
        var header: [UInt8] = []
        header.reserveCapacity(chunk.count * 10)
        var data: [UInt8] = []
        data.reserveCapacity(chunk.reduce(0) { $0 + $1.bytes.count + 1 })
        for (index, object) in chunk.enumerated() {
          appendDecimal(object.number, to: &header)
          header.append(32)
          appendDecimal(data.count, to: &header)
          header.append(32)
          data += object.bytes
          data.append(10)
          streamOf[object.number] = (number, index)
        }
        header[header.count - 1] = 10
        guard let compressed = deflate(header + data) else { return nil }
        offsets[number] = out.count
        out += Array("\(number) 0 obj\n<< /Type /ObjStm /N \(chunk.count) /First \(header.count) /Filter /FlateDecode /Length \(compressed.count) >>\nstream\n".utf8)
        out += compressed
        out += Array("\nendstream\nendobj\n".utf8)
      }
      return crossReferenceStream(out, offsets: offsets, compressed: streamOf, size: size, root: root, info: info)
    }
  }

  /// A stream object written again: its dictionary with a direct `/Length` in place of a
  /// reference to a length object, then its data as it is.
  private func streamObject(_ number: Int, _ bytes: [UInt8], _ range: Range<Int>, keyword: Int, shape: ObjectShape) -> [UInt8]? {
    var scanner = PDFScanner(bytes, at: range.lowerBound)
    guard case .dictionary(let dictionary)? = scanner.value() else { return nil }
    let length: Int?
    switch dictionary["Length"] {
    case .integer(let value)?: length = value
    case .reference(let object)?:
      guard let (lengthBytes, lengthRange) = body(object) else { return nil }
      var lengthScanner = PDFScanner(lengthBytes, at: lengthRange.lowerBound)
      length = lengthScanner.value()?.integer
    default: length = nil
    }
    var start = keyword + 6
    if start < range.upperBound, bytes[start] == 13 { start += 1 }
    if start < range.upperBound, bytes[start] == 10 { start += 1 }
    guard let length, length >= 0, start + length <= range.upperBound else { return nil }
    var data = bytes[start..<start + length]
    // Cairo's streams come stored (HandoutDeflate): compressed here, once.
    let isStored = Self.isStoredZlib(data) && dictionary["Filter"]?.name == "FlateDecode"
    if isStored {
      guard let plain = inflate(Array(data)), let compressed = deflate(plain) else { return nil }
      data = compressed[...]
    }
    var dictionaryBytes: [UInt8]
    if let entry = shape.indirectLength {
      dictionaryBytes = Array(bytes[range.lowerBound..<entry.lowerBound]) + Array("/Length \(data.count)".utf8)
        + Array(bytes[entry.upperBound..<keyword])
    } else if isStored {
      guard let entry = Self.directLength(in: bytes, range.lowerBound..<keyword) else { return nil }
      dictionaryBytes = Array(bytes[range.lowerBound..<entry.lowerBound]) + Array("/Length \(data.count)".utf8)
        + Array(bytes[entry.upperBound..<keyword])
    } else {
      dictionaryBytes = Array(bytes[range.lowerBound..<keyword])
    }
    dictionaryBytes = Array(trimmed(dictionaryBytes[...]))
    return Array("\(number) 0 obj\n".utf8) + dictionaryBytes + Array("\nstream\n".utf8) + data
      + Array("\nendstream\nendobj\n".utf8)
  }

  /// Whether `data` is zlib data as HandoutDeflate's storing writes it: level 0 with a 512-byte
  /// window (header 0x18 0x19), a header no compressing writer uses. zlib's own level 0 with
  /// its 32 KB window (0x78 0x01) counts too.
  static func isStoredZlib(_ data: ArraySlice<UInt8>) -> Bool {
    guard data.count >= 2 else { return false }
    let header = (data[data.startIndex], data[data.startIndex + 1])
    return header == (0x18, 0x19) || header == (0x78, 0x01)
  }

  /// Where `/Length N` with a direct integer stands in a stream's dictionary.
  static func directLength(in bytes: [UInt8], _ range: Range<Int>) -> Range<Int>? {
    let key = Array("/Length".utf8)
    var index = range.lowerBound
    while index + key.count < range.upperBound {
      defer { index += 1 }
      guard bytes[index] == 0x2F, bytes[index..<(index + key.count)].elementsEqual(key) else { continue }
      var end = index + key.count
      guard end < range.upperBound, !(bytes[end] >= 0x41 && bytes[end] <= 0x7A) else { continue }
      while end < range.upperBound, bytes[end] == 0x20 || bytes[end] == 0x0A || bytes[end] == 0x0D { end += 1 }
      let digits = end
      while end < range.upperBound, bytes[end] >= 0x30 && bytes[end] <= 0x39 { end += 1 }
      guard end > digits else { return nil }
      return index..<end
    }
    return nil
  }

  /// The file with a classic cross-reference table and trailer.
  private func classicTable(_ body: [UInt8], offsets: [Int: Int], size: Int, root: Int, info: Int?) -> [UInt8] {
    var out = body
    let xref = out.count
    var table = "xref\n0 \(size)\n"
    // Free entries form a list from object 0 to the next free number, and so on back to 0.
    let free = (1..<size).filter { offsets[$0] == nil }
    table += String(format: "%010d 65535 f \n", free.first ?? 0)
    var freeIndex = 0
    for number in 1..<max(size, 1) {
      if let offset = offsets[number] {
        table += String(format: "%010d 00000 n \n", offset)
      } else {
        freeIndex += 1
        table += String(format: "%010d 00001 f \n", freeIndex < free.count ? free[freeIndex] : 0)
      }
    }
    var trailer = "trailer\n<< /Size \(size) /Root \(root) 0 R"
    if let info { trailer += " /Info \(info) 0 R" }
    trailer += " >>\nstartxref\n\(xref)\n%%EOF\n"
    out += Array((table + trailer).utf8)
    return out
  }

  /// The file with a cross-reference stream (PDF 1.5) as its last object; the stream's rows
  /// go through the PNG "up" predictor, so runs of similar offsets compress to little.
  private func crossReferenceStream(
    _ body: [UInt8], offsets: [Int: Int], compressed: [Int: (stream: Int, index: Int)], size: Int, root: Int, info: Int?
  ) -> [UInt8]? {
    var out = body
    let number = size
    let count = size + 1
    let xref = out.count
    var offsets = offsets
    offsets[number] = xref
    func width(_ value: Int) -> Int {
      var bytes = 1
      while value >> (8 * bytes) != 0 { bytes += 1 }
      return bytes
    }
    let middle = width(max(offsets.values.max() ?? 0, count))
    let last = width(max(compressed.values.map(\.index).max() ?? 0, 1))
    let columns = 1 + middle + last
    let free = (1..<count).filter { offsets[$0] == nil && compressed[$0] == nil }
    var rows: [UInt8] = []
    rows.reserveCapacity(count * (columns + 1))
    var previous = [UInt8](repeating: 0, count: columns)
    var freeIndex = 0
    for object in 0..<count {
      var row = [UInt8](repeating: 0, count: columns)
      func put(_ value: Int, at start: Int, width: Int) {
        for byte in 0..<width { row[start + byte] = UInt8(truncatingIfNeeded: value >> (8 * (width - 1 - byte))) }
      }
      if let offset = offsets[object] {
        row[0] = 1
        put(offset, at: 1, width: middle)
      } else if let place = compressed[object] {
        row[0] = 2
        put(place.stream, at: 1, width: middle)
        put(place.index, at: 1 + middle, width: last)
      } else if object == 0 {
        put(free.first ?? 0, at: 1, width: middle)
        put(0xFFFF, at: 1 + middle, width: last)
      } else {
        freeIndex += 1
        put(freeIndex < free.count ? free[freeIndex] : 0, at: 1, width: middle)
        put(1, at: 1 + middle, width: last)
      }
      rows.append(2)
      for column in 0..<columns { rows.append(row[column] &- previous[column]) }
      previous = row
    }
    guard let data = deflate(rows, level: 9) else { return nil }
    var dictionary = "<< /Type /XRef /Size \(count) /W [ 1 \(middle) \(last) ] /Root \(root) 0 R"
    if let info { dictionary += " /Info \(info) 0 R" }
    dictionary += " /Filter /FlateDecode /DecodeParms << /Columns \(columns) /Predictor 12 >> /Length \(data.count) >>"
    out += Array("\(number) 0 obj\n\(dictionary)\nstream\n".utf8)
    out += data
    out += Array("\nendstream\nendobj\nstartxref\n\(xref)\n%%EOF\n".utf8)
    return out
  }

  /// Appends `value`'s decimal digits (value ≥ 0).
  private func appendDecimal(_ value: Int, to bytes: inout [UInt8]) {
    var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
      (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    var count = 0
    var rest = value
    withUnsafeMutableBytes(of: &digits) { buffer in
      repeat {
        buffer[count] = UInt8(48 + rest % 10)
        rest /= 10
        count += 1
      } while rest > 0
      for index in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[index]) }
    }
  }

  private func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
    func isSpace(_ byte: UInt8) -> Bool { byte == 32 || byte == 10 || byte == 13 || byte == 9 || byte == 12 || byte == 0 }
    var slice = bytes
    while let first = slice.first, isSpace(first) { slice = slice.dropFirst() }
    while let last = slice.last, isSpace(last) { slice = slice.dropLast() }
    return slice
  }
}

/// What the rewrite needs to know of an object's text: the objects it refers to, whether it
/// is a stream, and where its dictionary refers to a length object.
///
/// Strings, names and comments are skipped whole, so a plan's text inside a string (a title
/// reading "5 0 R") refers to nothing.
private struct ObjectShape {
  var references: [Int] = []
  /// Where the `stream` keyword begins, for a stream.
  var streamKeyword: Int?
  /// The bytes of `/Length N 0 R` in a stream's dictionary.
  var indirectLength: Range<Int>?

  init(_ bytes: [UInt8], _ range: Range<Int>) {
    var index = range.lowerBound
    let end = range.upperBound
    var depth = 0
    // Integers since the last other token, the last two kept.
    var integers = 0
    var last = 0
    var beforeLast = 0
    var lengthName: Int?  // where `/Length` began, at the top level of a dictionary
    func isDelimiter(_ byte: UInt8) -> Bool {
      switch byte {
      case 0, 9, 10, 12, 13, 32, UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"),
        UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "/"), UInt8(ascii: "%"):
        true
      default: false
      }
    }
    func other() {
      integers = 0
      lengthName = nil
    }
    scan: while index < end {
      let byte = bytes[index]
      switch byte {
      case 0, 9, 10, 12, 13, 32:
        index += 1
      case UInt8(ascii: "%"):
        while index < end, bytes[index] != 10, bytes[index] != 13 { index += 1 }
      case UInt8(ascii: "("):
        var nesting = 0
        while index < end {
          let c = bytes[index]
          index += 1
          if c == UInt8(ascii: "\\") { index += 1; continue }
          if c == UInt8(ascii: "(") { nesting += 1 }
          if c == UInt8(ascii: ")") { nesting -= 1; if nesting == 0 { break } }
        }
        other()
      case UInt8(ascii: "<"):
        if index + 1 < end, bytes[index + 1] == UInt8(ascii: "<") {
          depth += 1
          index += 2
        } else {
          while index < end, bytes[index] != UInt8(ascii: ">") { index += 1 }
          index += 1
        }
        other()
      case UInt8(ascii: ">"):
        if index + 1 < end, bytes[index + 1] == UInt8(ascii: ">") {
          depth -= 1
          index += 2
        } else {
          index += 1
        }
        other()
      case UInt8(ascii: "/"):
        let start = index
        index += 1
        while index < end, !isDelimiter(bytes[index]) { index += 1 }
        other()
        if depth == 1, index - start == 7, bytes[start + 1..<index].elementsEqual("Length".utf8) { lengthName = start }
      case UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: ")"):
        index += 1
        other()
      default:
        let start = index
        var value = 0
        var digits = true
        while index < end, !isDelimiter(bytes[index]) {
          let c = bytes[index]
          if c >= 0x30, c <= 0x39 { value = value &* 10 &+ Int(c - 0x30) } else { digits = false }
          index += 1
        }
        if digits {
          beforeLast = last
          last = value
          integers += 1
          continue
        }
        if index - start == 1, bytes[start] == UInt8(ascii: "R"), integers >= 2 {
          if let lengthName, integers == 2 {
            indirectLength = lengthName..<index
          } else {
            references.append(beforeLast)
          }
        } else if depth == 0, index - start == 6, bytes[start..<index].elementsEqual("stream".utf8) {
          streamKeyword = start
          break scan
        }
        other()
      }
    }
  }
}
