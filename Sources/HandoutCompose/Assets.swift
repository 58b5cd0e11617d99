import HandoutLayout

/// Files a plan refers to, already read by the caller: compose itself touches no files.
public struct Assets: Sendable {
  /// The clinic's logo.
  public var logo: Image?

  public init(logo: Image? = nil) {
    self.logo = logo
  }
}
