import HandoutLayout

/// What one render draws from besides the frames: Cairo fonts made from the font table, and
/// the decoded form of each image.
///
/// An asset decoded when it was read is drawn from that form; one without is decoded here,
/// once for the whole render, by `decoder`.
final class RenderResources {
  let fonts: FontFaces
  let assets: AssetTable
  private let decoder: AssetDecoder
  private var decodedHere: [AssetID: (any DecodedImage)?] = [:]

  init(_ document: PagedDocument, decoder: AssetDecoder) {
    fonts = FontFaces(document.fonts)
    assets = document.assets
    self.decoder = decoder
  }

  /// The decoded form of an asset.
  func decoded(_ id: AssetID) -> (any DecodedImage)? {
    guard let asset = assets[id] else { return nil }
    if let decoded = asset.decoded { return decoded }
    if let known = decodedHere[id] { return known }
    let decoded = decoder.decode(asset.data, format: asset.format)?.decoded
    decodedHere[id] = decoded
    return decoded
  }
}
