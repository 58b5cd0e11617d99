import HandoutLayout

/// What a plan refers to, already read or computed by the caller: compose touches no files
/// and no C library.
public struct Assets: Sendable {
  /// The clinic's logo, an image of `images`.
  public var logo: Image?
  /// The images the blocks may show, each read and decoded once.
  public var images: AssetTable
  /// The QR code of the clinic's booking address: modules per side, and the dark ones row by row.
  public var bookingCode: (size: Int, modules: [Bool])?

  public init(logo: Image? = nil, images: AssetTable = AssetTable(), bookingCode: (size: Int, modules: [Bool])? = nil) {
    self.logo = logo
    self.images = images
    self.bookingCode = bookingCode
  }
}
