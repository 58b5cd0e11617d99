/// Identifies an image in a document's ``AssetTable``.
public struct AssetID: Sendable, Hashable {
  public var rawValue: Int

  public init(_ rawValue: Int) {
    self.rawValue = rawValue
  }
}

/// An image read once: its bytes, its natural size, and what its decoder made of it.
public struct Asset: Sendable {
  public var format: Image.Format
  public var data: [UInt8]
  /// The natural size, in points.
  public var size: Size
  /// The decoder's own form of the image (a parsed SVG, decoded pixels), made when the image
  /// was read; the renderer draws from it. `nil`: the renderer decodes the bytes itself.
  public var decoded: (any DecodedImage)?

  public init(format: Image.Format, data: [UInt8], size: Size, decoded: (any DecodedImage)? = nil) {
    self.format = format
    self.data = data
    self.size = size
    self.decoded = decoded
  }
}

/// An image in the form a decoder made of it, immutable and safe to share between threads.
public protocol DecodedImage: AnyObject, Sendable {}

/// The images a document shows, each read and decoded once, by ``AssetID``.
public struct AssetTable: Sendable {
  public private(set) var assets: [Asset]

  public init(_ assets: [Asset] = []) {
    self.assets = assets
  }

  /// Adds an asset and returns its id.
  public mutating func add(_ asset: Asset) -> AssetID {
    assets.append(asset)
    return AssetID(assets.count - 1)
  }

  /// The asset `id` names, or `nil` when the table has none by that id.
  public subscript(id: AssetID) -> Asset? {
    assets.indices.contains(id.rawValue) ? assets[id.rawValue] : nil
  }
}
