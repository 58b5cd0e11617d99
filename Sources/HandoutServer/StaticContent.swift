import Foundation
import HandoutCatalog
import HandoutKit
import Hummingbird

/// What the GET routes answer, read or built once when the server starts: the form's files,
/// the OpenAPI document, the plan schema, the layouts and a catalogue per built-in language.
struct StaticContent: Sendable {
  let openAPI: [UInt8]
  let schema: [UInt8]
  let layouts: [UInt8]
  private let catalogs: [String: [UInt8]]
  private let formFiles: [String: [UInt8]]

  init(engine: Engine) throws(HandoutError) {
    func resource(_ name: String) throws(HandoutError) -> [UInt8] {
      guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Resources"),
        let data = try? Data(contentsOf: url)
      else { throw .failure("the server's resource \(name) is missing from the package") }
      return Array(data)
    }
    openAPI = try resource("openapi.json")
    var files: [String: [UInt8]] = [:]
    for name in ["index.html", "form.js", "form.css"] { files[name] = try resource("form/" + name) }
    formFiles = files
    schema = Array(try Schemas.plan().utf8)
    struct LayoutJSON: Encodable {
      var name: String
      var description: String
    }
    var list: [LayoutJSON] = []
    for name in BuiltInLayoutNames.all {
      list.append(LayoutJSON(name: name, description: try engine.layoutSpec(name).description))
    }
    layouts = encodeJSON(list)
    var catalogs: [String: [UInt8]] = [:]
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    for language in Catalog.builtInLanguages {
      guard let data = try? encoder.encode(try engine.catalog(language: language)) else {
        throw .failure("cannot encode the \(language) catalogue")
      }
      catalogs[language] = Array(data)
    }
    self.catalogs = catalogs
  }

  /// The catalogue for a language tag (`es`, `es-MX`), or `nil` when none is built in.
  func catalog(_ language: String) -> [UInt8]? {
    let primary = language.split(separator: "-").first.map { $0.lowercased() } ?? ""
    return catalogs[primary]
  }

  func form(_ name: String) -> Response {
    let type = switch name {
    case "form.js": "text/javascript; charset=utf-8"
    case "form.css": "text/css; charset=utf-8"
    default: "text/html; charset=utf-8"
    }
    var response = bytes(formFiles[name] ?? [], type: type)
    response.headers[.contentSecurityPolicy] =
      "default-src 'self'; img-src 'self' blob: data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'"
    response.headers[.xContentTypeOptions] = "nosniff"
    response.headers[.cacheControl] = "no-cache"
    return response
  }
}
