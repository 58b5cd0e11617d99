import Foundation

/// The JSON Schemas (draft 2020-12) shipped with the package, for editors and other tools.
public enum Schemas {
  /// The schema of a plan file; a plan may point at it with `"$schema"`.
  public static func plan() throws(HandoutError) -> String {
    try text("plan.schema.json")
  }

  /// The schema of a layout file.
  public static func layout() throws(HandoutError) -> String {
    try text("layout.schema.json")
  }

  private static func text(_ name: String) throws(HandoutError) -> String {
    guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Resources"),
      let data = try? Data(contentsOf: url)
    else { throw .failure("the schema \(name) is missing from the package") }
    return String(decoding: data, as: UTF8.self)
  }
}
