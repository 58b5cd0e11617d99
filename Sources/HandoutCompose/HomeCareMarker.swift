/// The name a home-care card's title carries on the pages (``HandoutLayout/FrameItem/marker``):
/// "homeCare 2" for the plan's third item. Reading the markers back gives the order the cards
/// took, which filling gaps may change.
public enum HomeCareMarker {
  private static let prefix = "homeCare "

  /// The marker of item `index` of the plan's home program.
  public static func name(of index: Int) -> String { prefix + String(index) }

  /// The home-program index a marker names; nil for any other marker.
  public static func index(in marker: String) -> Int? {
    marker.hasPrefix(prefix) ? Int(marker.dropFirst(prefix.count)) : nil
  }
}
