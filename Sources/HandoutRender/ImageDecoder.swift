import CCairo
import CRsvg
import HandoutLayout

/// Reads images' headers and sizes; ``AssetDecoder`` uses it to decode them.
///
/// SVG goes through librsvg and stays vector; PNG through Cairo's own decoder.
struct ImageDecoder {
  /// The natural size of a parsed SVG, at 72 dpi.
  func svgSize(of handle: UnsafeMutablePointer<RsvgHandle>) -> Size? {
    var width = 0.0
    var height = 0.0
    guard rsvg_handle_get_intrinsic_size_in_pixels(handle, &width, &height) != 0 else {
      var hasViewBox: gboolean = 0
      var viewBox = RsvgRectangle()
      rsvg_handle_get_intrinsic_dimensions(handle, nil, nil, nil, nil, &hasViewBox, &viewBox)
      return hasViewBox != 0 ? Size(width: viewBox.width, height: viewBox.height) : nil
    }
    return Size(width: width, height: height)
  }

  func svgHandle(_ data: [UInt8]) -> UnsafeMutablePointer<RsvgHandle>? {
    var error: UnsafeMutablePointer<GError>?
    let handle = data.withUnsafeBufferPointer {
      rsvg_handle_new_from_data($0.baseAddress, gsize($0.count), &error)
    }
    if let error { g_error_free(error) }
    return handle
  }

  func pngSize(_ data: [UInt8]) -> Size? {
    let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    guard data.count >= 24, Array(data[0..<8]) == signature else { return nil }
    func be32(_ at: Int) -> Int { data[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
    return Size(width: Double(be32(16)), height: Double(be32(20)))
  }

  func jpegSize(_ data: [UInt8]) -> Size? {
    guard data.count > 4, data[0] == 0xFF, data[1] == 0xD8 else { return nil }
    var index = 2
    while index + 9 < data.count {
      guard data[index] == 0xFF else { return nil }
      let marker = data[index + 1]
      let length = Int(data[index + 2]) << 8 | Int(data[index + 3])
      if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
        let height = Int(data[index + 5]) << 8 | Int(data[index + 6])
        let width = Int(data[index + 7]) << 8 | Int(data[index + 8])
        return Size(width: Double(width), height: Double(height))
      }
      index += 2 + length
    }
    return nil
  }
}
