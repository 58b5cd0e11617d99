import CQRencode

/// A QR code's module matrix, encoded by libqrencode (error correction level M).
public struct QRCode: Sendable, Hashable {
  /// Modules per side.
  public let size: Int
  /// Row by row, `true` for a dark module.
  public let modules: [Bool]

  /// Encodes `text` as 8-bit data; `nil` when it is too long for a QR code.
  public init?(encoding text: String) {
    guard let code = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M) else { return nil }
    defer { QRcode_free(code) }
    let width = Int(code.pointee.width)
    size = width
    modules = (0..<width * width).map { code.pointee.data[$0] & 1 == 1 }
  }

  public func isDark(row: Int, column: Int) -> Bool {
    modules[row * size + column]
  }
}
