import ArgumentParser
import Foundation
import HandoutKit
import HandoutModel

struct Validate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Check plans without rendering them; every problem is listed with its place and a fix.",
    usage: "handout validate [<options>] <plans> ...",
    discussion: "Example:\n  handout validate plans/*.json\n\nIt runs render's own checks and layout, minus the drawing.")

  @Argument(help: "Plan files, or - for standard input.")
  var plans: [String]

  @OptionGroup var settings: RenderSettings

  func run() throws {
    let engine = try reportingErrors { () throws(HandoutError) in
      try Engine(fontDirectories: settings.fontDirectories, catalogFile: settings.catalog)
    }
    var failed = false
    // Every file is checked, a missing one included, so one run reports every problem.
    for path in plans {
      let bytes: [UInt8]
      do {
        bytes = try readInput(path)
      } catch {
        failed = true
        continue
      }
      let (plan, diagnostics) = engine.validate(settings.request(plan: bytes, planPath: path == "-" ? nil : path))
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
