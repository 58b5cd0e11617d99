import Foundation
import HandoutModel

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

  /// Whether a dotted path (`client.name`, `homeCare.0.id`) names a field the plan schema
  /// describes, for checking `--name` placeholders before a batch starts.
  public static func planHasField(_ dotted: String) -> Bool {
    guard let text = try? plan(), let schema = try? JSONReader.parse(text) else { return false }
    var nodes = [schema]
    for component in dotted.split(separator: ".", omittingEmptySubsequences: false).map(String.init) {
      var next: [JSONValue] = []
      for node in nodes.flatMap(branches) {
        if Int(component) != nil, let items = node["items"] { next.append(items) }
        if let field = node["properties"]?[component] { next.append(field) }
      }
      guard !next.isEmpty else { return false }
      nodes = next
    }
    return true
  }

  /// A schema node and the alternatives it holds (`oneOf`, `anyOf`, `allOf`).
  private static func branches(_ node: JSONValue) -> [JSONValue] {
    var result = [node]
    for key in ["oneOf", "anyOf", "allOf"] {
      if case .array(let alternatives)? = node[key]?.kind { result += alternatives.flatMap(branches) }
    }
    return result
  }

  private static func text(_ name: String) throws(HandoutError) -> String {
    guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Resources"),
      let data = try? Data(contentsOf: url)
    else { throw .failure("the schema \(name) is missing from the package") }
    return String(decoding: data, as: UTF8.self)
  }
}
