/// Takes the hinting out of a TrueType font program that Cairo embeds.
///
/// Hinting (the `fpgm`, `prep` and `cvt ` tables and each glyph's instructions) moves outlines
/// onto the pixel grid of low-resolution screens; it is about half of the bytes of Cairo's
/// Noto Sans subsets. Handout lays out and draws with hinting off (HandoutText: no hint
/// style, no hint metrics), print has no use for it, and PDF viewers rasterise unhinted
/// TrueType as they do CFF fonts. Outlines, advances (`hmtx`), the character map and so the
/// text and the widths in the PDF stay exactly as they were.
enum TrueTypeHinting {
  /// The tables that hold only hinting.
  static let hintingTables: Set<String> = ["fpgm", "prep", "cvt "]

  /// The font without hinting; nil when it is not a TrueType font this understands (then the
  /// caller keeps the font as it is).
  static func removed(from font: [UInt8]) -> [UInt8]? {
    func u16(_ at: Int) -> Int? { at >= 0 && at + 2 <= font.count ? Int(font[at]) << 8 | Int(font[at + 1]) : nil }
    func u32(_ at: Int) -> Int? {
      guard let high = u16(at), let low = u16(at + 2) else { return nil }
      return high << 16 | low
    }
    guard let version = u32(0), version == 0x0001_0000 || version == 0x7472_7565, let count = u16(4) else { return nil }
    var tables: [(tag: String, data: ArraySlice<UInt8>)] = []
    for entry in 0..<count {
      let at = 12 + 16 * entry
      guard let offset = u32(at + 8), let length = u32(at + 12), offset + length <= font.count else { return nil }
      tables.append((String(decoding: font[at..<at + 4], as: UTF8.self), font[offset..<offset + length]))
    }
    func table(_ tag: String) -> ArraySlice<UInt8>? { tables.first { $0.tag == tag }?.data }
    guard let head = table("head"), head.count >= 54, let maxp = table("maxp"), maxp.count >= 6,
      let loca = table("loca"), let glyf = table("glyf")
    else { return nil }
    let longOffsets = (Int(head[head.startIndex + 50]) << 8 | Int(head[head.startIndex + 51])) == 1
    let glyphCount = Int(maxp[maxp.startIndex + 4]) << 8 | Int(maxp[maxp.startIndex + 5])
    let entrySize = longOffsets ? 4 : 2
    guard loca.count >= (glyphCount + 1) * entrySize else { return nil }
    func location(_ glyph: Int) -> Int {
      let at = loca.startIndex + glyph * entrySize
      if longOffsets {
        return Int(loca[at]) << 24 | Int(loca[at + 1]) << 16 | Int(loca[at + 2]) << 8 | Int(loca[at + 3])
      }
      return (Int(loca[at]) << 8 | Int(loca[at + 1])) * 2
    }

    var newGlyf: [UInt8] = []
    newGlyf.reserveCapacity(glyf.count)
    var newLocations: [Int] = [0]
    for glyph in 0..<glyphCount {
      let start = location(glyph)
      let end = location(glyph + 1)
      guard start <= end, end <= glyf.count else { return nil }
      let data = glyf[(glyf.startIndex + start)..<(glyf.startIndex + end)]
      if !data.isEmpty {
        guard let stripped = withoutInstructions(data) else { return nil }
        newGlyf += stripped
      }
      // Short offsets count words: each glyph starts at an even offset.
      while newGlyf.count % entrySize != 0 { newGlyf.append(0) }
      newLocations.append(newGlyf.count)
    }
    guard longOffsets || newGlyf.count / 2 <= 0xFFFF else { return nil }
    var newLoca: [UInt8] = []
    for value in newLocations {
      let stored = longOffsets ? value : value / 2
      if longOffsets { newLoca += [UInt8(stored >> 24 & 0xFF), UInt8(stored >> 16 & 0xFF)] }
      newLoca += [UInt8(stored >> 8 & 0xFF), UInt8(stored & 0xFF)]
    }

    var kept: [(tag: String, data: [UInt8])] = []
    for (tag, data) in tables where !hintingTables.contains(tag) {
      switch tag {
      case "glyf": kept.append((tag, newGlyf))
      case "loca": kept.append((tag, newLoca))
      case "head":
        var head = Array(data)
        head.replaceSubrange(8..<12, with: [0, 0, 0, 0])  // checkSumAdjustment, set below
        kept.append((tag, head))
      case "maxp" where data.count >= 32:
        var maxp = Array(data)
        maxp.replaceSubrange(26..<28, with: [0, 0])  // maxSizeOfInstructions
        kept.append((tag, maxp))
      default: kept.append((tag, Array(data)))
      }
    }
    kept.sort { $0.tag.utf8.lexicographicallyPrecedes($1.tag.utf8) }

    func checksum(_ data: [UInt8]) -> UInt32 {
      var sum: UInt32 = 0
      var index = 0
      while index < data.count {
        var word: UInt32 = 0
        for byte in 0..<4 { word = word << 8 | UInt32(index + byte < data.count ? data[index + byte] : 0) }
        sum &+= word
        index += 4
      }
      return sum
    }
    func append32(_ value: Int, to out: inout [UInt8]) {
      out += [UInt8(value >> 24 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }
    var power = 1
    var log = 0
    while power * 2 <= kept.count { power *= 2; log += 1 }
    var out = Array(font[0..<4])
    for value in [kept.count, power * 16, log, kept.count * 16 - power * 16] { out += [UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)] }
    var offset = 12 + 16 * kept.count
    for (tag, data) in kept {
      out += Array(tag.utf8)
      append32(Int(checksum(data)), to: &out)
      append32(offset, to: &out)
      append32(data.count, to: &out)
      offset += (data.count + 3) / 4 * 4
    }
    var headOffset: Int?
    for (tag, data) in kept {
      if tag == "head" { headOffset = out.count }
      out += data
      while out.count % 4 != 0 { out.append(0) }
    }
    if let headOffset {
      let adjustment = Int(0xB1B0_AFBA &- checksum(out))
      out.replaceSubrange((headOffset + 8)..<(headOffset + 12), with: [
        UInt8(adjustment >> 24 & 0xFF), UInt8(adjustment >> 16 & 0xFF), UInt8(adjustment >> 8 & 0xFF), UInt8(adjustment & 0xFF),
      ])
    }
    return out
  }

  /// One glyph's description without its instructions; nil when it is malformed.
  private static func withoutInstructions(_ glyph: ArraySlice<UInt8>) -> [UInt8]? {
    let base = glyph.startIndex
    func u16(_ at: Int) -> Int? { at + 2 <= glyph.count ? Int(glyph[base + at]) << 8 | Int(glyph[base + at + 1]) : nil }
    guard let contours = u16(0) else { return nil }
    var out = Array(glyph)
    if contours < 0x8000 {
      // A simple glyph: header, end points of contours, instruction length, instructions, points.
      let at = 10 + 2 * contours
      guard let length = u16(at), at + 2 + length <= glyph.count else { return nil }
      out.replaceSubrange(at..<(at + 2 + length), with: [0, 0])
      return out
    }
    // A composite glyph: components, then instructions when the last one says so.
    var at = 10
    while true {
      guard let flags = u16(at) else { return nil }
      var size = 4 + (flags & 0x0001 != 0 ? 4 : 2)
      if flags & 0x0008 != 0 { size += 2 } else if flags & 0x0040 != 0 { size += 4 } else if flags & 0x0080 != 0 { size += 8 }
      guard at + size <= glyph.count else { return nil }
      if flags & 0x0020 == 0 {
        if flags & 0x0100 != 0 {
          let cleared = flags & ~0x0100
          out[at] = UInt8(cleared >> 8)
          out[at + 1] = UInt8(cleared & 0xFF)
          out.removeSubrange((at + size)...)
        }
        return out
      }
      at += size
    }
  }
}
