import ArgumentParser
import Foundation
import HandoutKit
import HandoutModel

struct Validate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Check plans without rendering them; every problem is listed with its place and a fix.",
    discussion: "Example:\n  handout validate plans/*.json")

  @Argument(help: "Plan files, or - for standard input.")
  var plans: [String]

  @Option(help: "A catalogue file whose entries add to or replace the built-in ones.")
  var catalog: String?

  @Flag(help: "Allow a logo outside the plan's folder.")
  var allowOutsideAssets = false

  @Flag(help: "Treat warnings as errors.")
  var strict = false

  func run() throws {
    let engine = try reportingErrors { () throws(HandoutError) in try Engine(catalogFile: catalog) }
    var failed = false
    for path in plans {
      var request = RenderRequest(plan: try readInput(path), planPath: path == "-" ? nil : path)
      request.allowsOutsideAssets = allowOutsideAssets
      request.isStrict = strict
      let (plan, diagnostics) = engine.validate(request)
      if !diagnostics.isEmpty { printError(DiagnosticFormatter.format(diagnostics)) }
      if plan == nil { failed = true } else { printError("\(path == "-" ? "<stdin>" : path): ok") }
    }
    if failed { throw ExitCode(64) }
  }
}

struct ListLayouts: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "layouts", abstract: "List the built-in layouts.")

  func run() throws {
    let engine = try reportingErrors { () throws(HandoutError) in try Engine() }
    for name in BuiltInLayoutNames.all {
      let spec = try reportingErrors { () throws(HandoutError) in try engine.layoutSpec(name) }
      print("\(name.padding(toLength: 18, withPad: " ", startingAt: 0))\(spec.description)")
    }
  }
}
