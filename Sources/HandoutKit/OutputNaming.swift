import Foundation
import HandoutModel

/// `Output/<name>-<date>.<format>`, the name `handout batch` gives by default too
/// (``OutputNamer/defaultTemplate``): the client's name, else the plan's title, made safe by
/// ``OutputNamer/safeName(_:)``; the date is the plan's, else today's (UTC).
public func defaultOutputPath(for plan: Plan, format: OutputFormat) -> String {
  let name = OutputNamer.displayName(client: plan.client?.name, title: plan.title)
  let date = plan.date?.description ?? String(isoDate(today()).prefix(10))
  return "Output/\(OutputNamer.safeName("\(name)-\(date)")).\(format.rawValue)"
}
