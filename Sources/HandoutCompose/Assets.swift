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
  /// The QR codes of the home-care videos, by address.
  public var videoCodes: [String: (size: Int, modules: [Bool])]
  /// The catalogue's teaching drawings the plan's home care shows, by illustration id: images
  /// of `images`.
  public var illustrations: [String: AssetID]

  public init(
    logo: Image? = nil, images: AssetTable = AssetTable(), bookingCode: (size: Int, modules: [Bool])? = nil,
    videoCodes: [String: (size: Int, modules: [Bool])] = [:], illustrations: [String: AssetID] = [:]
  ) {
    self.logo = logo
    self.images = images
    self.bookingCode = bookingCode
    self.videoCodes = videoCodes
    self.illustrations = illustrations
  }
}
