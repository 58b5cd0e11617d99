/// The name a home-care card's title carries on the pages (``HandoutLayout/FrameItem/marker``):
/// "homeCare 2" for the plan's third item. The week's tracker names its rows by the same
/// markers (``HandoutLayout/Table/rowsFollow``), so that they follow the cards' printed order,
/// which filling gaps may change.
public enum HomeCareMarker {
  /// The marker of item `index` of the plan's home program.
  public static func name(of index: Int) -> String { "homeCare " + String(index) }
}
