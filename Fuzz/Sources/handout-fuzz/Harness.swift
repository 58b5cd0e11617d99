import Foundation
import HandoutKit
import HandoutModel

/// Runs one input through read → check → compose → layout → render, as `handout render` would,
/// and stops the process (a finding for libFuzzer) on anything an input must never cause.
///
/// The options come from the input's own hash, so that the same bytes always take the same
/// path and a reproducer is a plain plan file; `HANDOUT_FUZZ_VERBOSE=1` prints them.
final class Harness {
  let engine: Engine
  /// The folder the plan is said to live in: the logos a plan names are looked up there.
  let planPath: String
  let isVerbose = ProcessInfo.processInfo.environment["HANDOUT_FUZZ_VERBOSE"] == "1"

  init() {
    do {
      engine = try Engine()
    } catch {
      fatalError("handout-fuzz: the engine cannot start: \(error)")
    }
    planPath = Workspace.create() + "/plan.json"
  }

  /// One way of running a plan.
  struct Options: CustomStringConvertible {
    enum Action { case render, validate }
    var action = Action.render
    var format = OutputFormat.pdf
    var dpi = 144.0
    var layout: String?
    var isLargePrint = false
    var isStrict = false
    var isEmail = false

    var description: String {
      "\(action) \(format) dpi \(dpi) layout \(layout ?? "(the plan's)") largePrint \(isLargePrint) strict \(isStrict) email \(isEmail)"
    }
  }

  /// The options for an input: mostly a plain PDF render, sometimes another format or flag.
  static func options(for bytes: UnsafeBufferPointer<UInt8>) -> Options {
    // FNV-1a over the bytes.
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
    // FNV's low bits depend only on the bytes' low bits: mix them (SplitMix64's finaliser).
    hash = (hash ^ (hash >> 30)) &* 0xBF58_476D_1CE4_E5B9
    hash = (hash ^ (hash >> 27)) &* 0x94D0_49BB_1331_11EB
    hash ^= hash >> 31
    var options = Options()
    let layouts = BuiltInLayoutNames.all
    switch hash % 16 {
    case 0..<9: break
    case 9: options.layout = layouts[Int(hash / 16 % UInt64(layouts.count))]
    case 10: options.isLargePrint = true
    case 11: options.isStrict = true
    case 12: options.format = .png; options.dpi = 24
    case 13: options.format = .svg
    case 14: options.action = .validate
    default: options.isEmail = true
    }
    return options
  }

  /// The slowest input so far: nanoseconds, bytes and options.
  private(set) var slowest: (nanoseconds: UInt64, bytes: Int, options: String) = (0, 0, "")
  /// The input with the highest peak RSS while it ran, and the RSS before it (kB).
  private(set) var heaviest: (peak: Int, before: Int, bytes: Int, options: String) = (0, 0, 0, "")
  private(set) var inputs = 0
  private var leakCheck = LeakCheck(runs: Int(ProcessInfo.processInfo.environment["HANDOUT_FUZZ_LEAK_RUNS"] ?? "") ?? 0)
  /// Where the slowest and the heaviest inputs are saved (`HANDOUT_FUZZ_ARTIFACTS`), if anywhere.
  let artifacts = ProcessInfo.processInfo.environment["HANDOUT_FUZZ_ARTIFACTS"]

  /// One line for the end of a run.
  var summary: String {
    let milliseconds = String(format: "%.0f", Double(slowest.nanoseconds) / 1e6)
    return "handout-fuzz: \(inputs) inputs; slowest \(milliseconds) ms (\(slowest.bytes) bytes, \(slowest.options));"
      + " highest peak RSS during one input \(heaviest.peak / 1024) MB, \(heaviest.before / 1024) MB before it"
      + " (\(heaviest.bytes) bytes, \(heaviest.options)); at the end \(Harness.memory())"
  }

  func run(_ bytes: UnsafeBufferPointer<UInt8>) {
    // The kernel's peak RSS (VmHWM) starts again from the current RSS, so that it measures this input.
    let before = Harness.resetPeak()
    let start = DispatchTime.now().uptimeNanoseconds
    let options = Harness.options(for: bytes)
    defer {
      inputs += 1
      // The first input (libFuzzer's empty one) pays for loading the fonts: it is left out.
      if inputs > 1 { record(bytes, options: options, start: start, before: before) }
      leakCheck.record(input: Array(bytes).hashValue, bytes: bytes.count, options: options.description)
    }
    var request = RenderRequest(plan: Array(bytes), planPath: planPath)
    request.format = options.format
    request.dpi = options.dpi
    request.layout = options.layout
    request.isLargePrint = options.isLargePrint
    request.isStrict = options.isStrict
    request.isEmail = options.isEmail
    request.sourceDateEpoch = 1_795_000_000
    switch options.action {
    case .validate:
      let diagnostics = engine.validate(request).diagnostics
      report("\(diagnostics.count) diagnostics", diagnostics)
    case .render:
      do {
        let result = try engine.render(request)
        Invariants.check(result, format: options.format)
        report("rendered \(result.pageCount) pages, \(result.files.map(\.count).reduce(0, +)) bytes", result.warnings)
      } catch {
        switch error {
        case .invalidInput(let diagnostics):
          // Refused with diagnostics (exit 64): what a fuzzer's inputs mostly get.
          report("refused (exit 64)", diagnostics)
        case .failure(let message):
          // Exit 1 on a plan that passed every check is a bug: the checks missed something.
          Invariants.fail("render failed after the checks passed (exit 1): \(message)")
        }
      }
    }
    if isVerbose { FileHandle.standardError.write(Data("handout-fuzz: \(Harness.memory())\n".utf8)) }
  }

  /// In verbose mode, the outcome and the first diagnostics.
  private func report(_ outcome: String, _ diagnostics: [Diagnostic]) {
    guard isVerbose else { return }
    let shown = diagnostics.prefix(5).map { "  " + DiagnosticFormatter.format($0) }.joined(separator: "\n")
    FileHandle.standardError.write(Data("handout-fuzz: \(outcome)\n\(shown)\n".utf8))
  }

  private func record(_ bytes: UnsafeBufferPointer<UInt8>, options: Options, start: UInt64, before: Int) {
    let elapsed = DispatchTime.now().uptimeNanoseconds - start
    if elapsed > slowest.nanoseconds {
      slowest = (elapsed, bytes.count, options.description)
      save(bytes, as: "slowest-input.json")
    }
    let peak = Harness.status("VmHWM")
    if peak > heaviest.peak {
      heaviest = (peak, before, bytes.count, options.description)
      save(bytes, as: "heaviest-input.json")
    }
  }

  private func save(_ bytes: UnsafeBufferPointer<UInt8>, as name: String) {
    guard let artifacts else { return }
    FileManager.default.createFile(atPath: artifacts + "/" + name, contents: Data(buffer: bytes))
  }

  /// Resets the process's peak RSS to its current RSS (Linux: `/proc/self/clear_refs`) and
  /// returns the current RSS in kB.
  static func resetPeak() -> Int {
    let descriptor = open("/proc/self/clear_refs", O_WRONLY)
    if descriptor >= 0 {
      _ = write(descriptor, "5", 1)
      close(descriptor)
    }
    return status("VmRSS")
  }

  /// A kB figure of /proc/self/status, 0 when there is none.
  static func status(_ key: String) -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
      let line = text.split(separator: "\n").first(where: { $0.hasPrefix(key + ":") })
    else { return 0 }
    return Int(line.split(whereSeparator: \.isWhitespace).dropFirst().first ?? "") ?? 0
  }

  /// The process's memory from /proc/self/status: peak, anonymous and file-backed resident sizes.
  static func memory() -> String {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return "" }
    return status.split(separator: "\n")
      .filter { ["VmHWM", "RssAnon", "RssFile"].contains($0.split(separator: ":").first.map(String.init) ?? "") }
      .map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
      .joined(separator: ", ")
  }
}
