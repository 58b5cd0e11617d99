import Foundation

/// The layout files shipped with Handout, read from this folder's resources.
public enum BuiltInLayouts {
  /// The names of the built-in layouts, in the order `handout layouts` lists them.
  public static let names = [
    "take-home", "care-plan-report", "trifold-brochure", "faq-sheet", "large-print", "tracker",
  ]

  /// The JSON bytes of the built-in layout `name`, or `nil` when there is none.
  public static func data(named name: String) -> Data? {
    guard names.contains(name),
      let url = Bundle.module.url(forResource: name, withExtension: "json")
    else { return nil }
    return try? Data(contentsOf: url)
  }
}
