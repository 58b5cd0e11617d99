import HandoutLayout

/// What a plan refers to, already read or computed by the caller: compose touches no files
/// and no C library.
public struct Assets: Sendable {
  /// The clinic's logo.
  public var logo: Image?
  /// The QR code of the clinic's booking address: modules per side, and the dark ones row by row.
  public var bookingCode: (size: Int, modules: [Bool])?
  /// The QR codes of the home-care videos, by address.
  public var videoCodes: [String: (size: Int, modules: [Bool])]

  public init(
    logo: Image? = nil, bookingCode: (size: Int, modules: [Bool])? = nil,
    videoCodes: [String: (size: Int, modules: [Bool])] = [:]
  ) {
    self.logo = logo
    self.bookingCode = bookingCode
    self.videoCodes = videoCodes
  }
}
