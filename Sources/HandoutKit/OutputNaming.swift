import Foundation
import HandoutModel

/// `Output/<client-or-title-slug>-<date>.<format>`; the date is the plan's, else today's (UTC).
public func defaultOutputPath(for plan: Plan, format: OutputFormat) -> String {
  let name = plan.client?.name ?? plan.title ?? "handout"
  let date = plan.date?.description ?? String(isoDate(today()).prefix(10))
  return "Output/\(slug(name))-\(date).\(format.rawValue)"
}

/// A file-name-safe form of a name: lower-case ASCII letters, digits and hyphens.
public func slug(_ text: String) -> String {
  let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
  var result = ""
  for character in folded {
    if character.isASCII, character.isLetter || character.isNumber {
      result.append(character)
    } else if !result.hasSuffix("-"), !result.isEmpty {
      result.append("-")
    }
  }
  while result.hasSuffix("-") { result.removeLast() }
  return result.isEmpty ? "handout" : String(result.prefix(60))
}
