import HandoutLayout

/// Checks an image before anything decodes it: its size in pixels against a limit, its
/// structure, and for SVG the entities that could make a small file expand without bound.
///
/// Pixels are read from the header (PNG `IHDR`, JPEG `SOFn`), so a 35-byte file claiming
/// 30000 × 30000 pixels is refused before a 3.6 GB surface is made for it. A PNG cut short or
/// damaged is found by its one decode, into the asset table (``damagedPNG``).
public enum ImageCheck {
  /// The largest file accepted, checked before the file is read.
  public static let maximumFileBytes = 8 * 1024 * 1024
  /// The most pixels a raster image may have: about 5000 × 5000, 100 MB decoded.
  public static let maximumPixels = 25_000_000
  /// The most text an SVG's entities may expand to, in bytes.
  public static let maximumEntityExpansion = 1_000_000

  /// Why an image is refused.
  public enum Problem: Sendable, Equatable {
    case tooManyPixels(width: Int, height: Int)
    case malformed(String)
    case entities(String)
  }

  /// Why a PNG whose header passed cannot be decoded: Cairo's own words ("out of memory")
  /// would mislead, so they are not passed on.
  public static let damagedPNG = Problem.malformed("the PNG data is damaged or cut short")

  /// The first problem with an image's bytes, or `nil` when they may be decoded.
  public static func problem(format: Image.Format, data: [UInt8]) -> Problem? {
    switch format {
    case .png: pngProblem(data)
    case .jpeg: jpegProblem(data)
    case .svg: svgProblem(data)
    }
  }

  static func pngProblem(_ data: [UInt8]) -> Problem? {
    guard let size = ImageDecoder().pngSize(data) else { return .malformed("no PNG header") }
    if let problem = pixelProblem(size) { return problem }
    return nil
  }

  static func jpegProblem(_ data: [UInt8]) -> Problem? {
    guard data.count > 4, data[0] == 0xFF, data[1] == 0xD8 else { return .malformed("no JPEG header") }
    var index = 2
    var frame: (width: Int, height: Int, components: Int)?
    var hasScan = false
    while index + 3 < data.count {
      guard data[index] == 0xFF else { return .malformed("a broken segment at byte \(index)") }
      let marker = data[index + 1]
      if marker == 0xFF { index += 1; continue }
      if marker == 0xD9 { break }
      if (0xD0...0xD7).contains(marker) || marker == 0x01 { index += 2; continue }
      let length = Int(data[index + 2]) << 8 | Int(data[index + 3])
      guard length >= 2, index + 2 + length <= data.count else {
        return .malformed("a segment runs past the end of the file")
      }
      if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
        guard length >= 8 else { return .malformed("a short frame header") }
        let height = Int(data[index + 5]) << 8 | Int(data[index + 6])
        let width = Int(data[index + 7]) << 8 | Int(data[index + 8])
        frame = (width, height, Int(data[index + 9]))
        guard data[index + 4] == 8 else { return .malformed("\(data[index + 4])-bit samples (only 8-bit JPEGs print)") }
        guard marker == 0xC0 || marker == 0xC1 || marker == 0xC2 else {
          return .malformed("an unusual JPEG coding (SOF\(marker - 0xC0))")
        }
      }
      if marker == 0xDA {
        hasScan = true
        break
      }
      index += 2 + length
    }
    guard let frame, frame.width > 0, frame.height > 0 else { return .malformed("no image size in the file") }
    if let problem = pixelProblem(Size(width: Double(frame.width), height: Double(frame.height))) { return problem }
    guard [1, 3].contains(frame.components) else {
      return .malformed("\(frame.components) colour components (save it as RGB or greyscale)")
    }
    guard hasScan, data.suffix(2).elementsEqual([0xFF, 0xD9]) else { return .malformed("the file is cut short") }
    return nil
  }

  static func pixelProblem(_ size: Size) -> Problem? {
    let width = Int(size.width)
    let height = Int(size.height)
    guard width > 0, height > 0 else { return .malformed("an image of no pixels") }
    if width.multipliedReportingOverflow(by: height).overflow || width * height > maximumPixels {
      return .tooManyPixels(width: width, height: height)
    }
    return nil
  }

  /// Refuses external entities and entities that refer to entities, and bounds the text
  /// the rest expand to. Logos exported by Illustrator declare a few short entities; nothing
  /// legitimate needs more.
  static func svgProblem(_ data: [UInt8]) -> Problem? {
    let declaration = Array("<!ENTITY".utf8)
    var entities: [String: Int] = [:]
    var index = 0
    while let start = find(declaration, in: data, from: index) {
      var cursor = start + declaration.count
      func skipSpace() { while cursor < data.count, [0x20, 0x09, 0x0A, 0x0D].contains(data[cursor]) { cursor += 1 } }
      skipSpace()
      if cursor < data.count, data[cursor] == UInt8(ascii: "%") { return .entities("it declares a parameter entity") }
      let nameStart = cursor
      while cursor < data.count, ![0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ">")].contains(data[cursor]) { cursor += 1 }
      let name = String(decoding: data[nameStart..<cursor], as: UTF8.self)
      skipSpace()
      guard cursor < data.count, data[cursor] == UInt8(ascii: "\"") || data[cursor] == UInt8(ascii: "'") else {
        return .entities("the entity \"\(name)\" refers to an outside file")
      }
      let quote = data[cursor]
      let valueStart = cursor + 1
      guard let valueEnd = data[valueStart...].firstIndex(of: quote) else {
        return .entities("the entity \"\(name)\" is not closed")
      }
      if data[valueStart..<valueEnd].contains(UInt8(ascii: "&")) || data[valueStart..<valueEnd].contains(UInt8(ascii: "<")) {
        return .entities("the entity \"\(name)\" holds other entities or markup")
      }
      entities[name] = valueEnd - valueStart
      index = valueEnd
    }
    guard !entities.isEmpty else { return nil }
    var expansion = 0
    index = 0
    while let ampersand = data[index...].firstIndex(of: UInt8(ascii: "&")) {
      var end = ampersand + 1
      while end < data.count, end - ampersand < 64, data[end] != UInt8(ascii: ";") { end += 1 }
      if end < data.count, data[end] == UInt8(ascii: ";"),
        let length = entities[String(decoding: data[(ampersand + 1)..<end], as: UTF8.self)]
      {
        expansion += length
        if expansion > maximumEntityExpansion {
          return .entities("its entities expand to more than \(maximumEntityExpansion) bytes")
        }
      }
      index = ampersand + 1
    }
    return nil
  }

  private static func find(_ needle: [UInt8], in data: [UInt8], from: Int) -> Int? {
    guard needle.count <= data.count else { return nil }
    var index = from
    while index + needle.count <= data.count {
      guard let first = data[index...].firstIndex(of: needle[0]), first + needle.count <= data.count else { return nil }
      if data[first..<first + needle.count].elementsEqual(needle) { return first }
      index = first + 1
    }
    return nil
  }
}
