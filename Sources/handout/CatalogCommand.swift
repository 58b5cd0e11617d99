import ArgumentParser
import Foundation
import HandoutCatalog
import HandoutKit

struct CatalogCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "catalog",
    abstract: "List the catalogue's entries: the ids a plan can use, with their names.",
    usage: "handout catalog [<options>]",
    discussion: """
      Examples:
        handout catalog                          every kind, in English
        handout catalog --kind homeCare --language es
        handout catalog --catalog clinic.json --json > merged.json
      """)

  enum Kind: String, ExpressibleByArgument, CaseIterable {
    case conditions, techniques, homeCare, benefits, faq, redFlags, labels
  }

  @Option(help: "The catalogue's language (\(Catalog.builtInLanguages.joined(separator: ", "))).")
  var language = "en"

  @Option(help: "Only this kind: \(Kind.allCases.map(\.rawValue).joined(separator: ", ")).")
  var kind: Kind?

  @Option(help: "A catalogue file whose entries add to or replace the built-in ones.")
  var catalog: String?

  @Flag(help: "Print the whole catalogue as JSON, the format --catalog reads.")
  var json = false

  func run() throws {
    let engine = try reportingErrors { () throws(HandoutError) in try Engine(catalogFile: catalog) }
    let entries = try reportingErrors { () throws(HandoutError) in try engine.catalog(language: language) }
    if json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      print(String(decoding: try encoder.encode(entries), as: UTF8.self))
      return
    }
    let sections: [(Kind, [(String, String)])] = [
      (.conditions, entries.conditions.map { ($0.key, $0.value.name) }),
      (.techniques, entries.techniques.map { ($0.key, $0.value.name) }),
      (.homeCare, entries.homeCare.map { ($0.key, $0.value.name) }),
      (.benefits, entries.benefits.map { ($0.key, $0.value.name) }),
      (.faq, entries.faq.map { ($0.key, $0.value.question) }),
      (.redFlags, entries.redFlags.map { ($0.key, "\($0.value.urgency.rawValue): \($0.value.sign)") }),
      (.labels, entries.labels.map { key, value in
        switch value {
        case .text(let text): (key, text)
        case .list(let list): (key, list.joined(separator: ", "))
        }
      }),
    ]
    var first = true
    for (sectionKind, rows) in sections where kind == nil ? sectionKind != .labels : sectionKind == kind {
      if !first { print("") }
      first = false
      print("\(sectionKind.rawValue) (\(rows.count))")
      let width = (rows.map(\.0.count).max() ?? 0) + 2
      for (id, text) in rows.sorted(by: { $0.0 < $1.0 }) {
        print("  \(id.padding(toLength: width, withPad: " ", startingAt: 0))\(text)")
      }
    }
  }
}
