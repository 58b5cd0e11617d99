import ArgumentParser
import HandoutKit

struct Schema: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print the JSON Schema of plan files (or layout files), for editor completion and checks.",
    discussion: """
      Example:
        handout schema > plan.schema.json
      then start a plan with  "$schema": "./plan.schema.json"
      """)

  @Flag(help: "The schema of layout files instead.")
  var layout = false

  func run() throws {
    print(try reportingErrors { () throws(HandoutError) in try layout ? Schemas.layout() : Schemas.plan() }, terminator: "")
  }
}
