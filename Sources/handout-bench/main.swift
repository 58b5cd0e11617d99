import Foundation
import HandoutKit

// Throughput of the engine, in one process: `handout-bench PLAN [--docs N] [--jobs N]`.
// Each document is the plan with its client's name changed, so nothing is cached whole.
// Prints one line of figures; scripts/bench runs it and the CLI for the other figures.

tuneAllocatorForRendering()
let arguments = CommandLine.arguments
func option(_ name: String, default value: Int) -> Int {
  guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return value }
  return Int(arguments[index + 1]) ?? value
}
guard arguments.count > 1 else {
  FileHandle.standardError.write(Data("usage: handout-bench PLAN [--docs N] [--jobs N]\n".utf8))
  exit(64)
}
let planPath = arguments[1]
let documents = option("--docs", default: 1000)
let jobs = option("--jobs", default: 1)
guard let template = FileManager.default.contents(atPath: planPath).map({ String(decoding: $0, as: UTF8.self) }) else {
  FileHandle.standardError.write(Data("handout-bench: cannot read \(planPath)\n".utf8))
  exit(66)
}
/// The reference plan with the client's name varied per document.
struct Variants: Sendable {
  /// The plan's bytes around each "Jordan Alvarez", split once so that making a variant costs
  /// the harness next to nothing (a string replacement per document cost 2 M instructions).
  let pieces: [[UInt8]]
  let firstNames = ["Jordan", "Ana", "Sam", "Priya", "Kofi", "Mei", "Lukas", "Zoë", "Omar", "Grace"]
  let lastNames = ["Alvarez", "Okafor", "Nguyen", "Schmidt", "Haddad", "Kowalski", "Tanaka", "Brown"]

  init(template: String) {
    pieces = template.components(separatedBy: "Jordan Alvarez").map { Array($0.utf8) }
  }

  /// The plan with the client's name replaced by the `index`th generated name.
  func plan(_ index: Int) -> [UInt8] {
    let name = Array("\(firstNames[index % firstNames.count]) \(lastNames[index / firstNames.count % lastNames.count]) \(index)".utf8)
    var bytes = pieces[0]
    for piece in pieces.dropFirst() {
      bytes += name
      bytes += piece
    }
    return bytes
  }
}
let variants = Variants(template: template)

final class Tally: @unchecked Sendable {
  let lock = NSLock()
  var bytes = 0
  var failures = 0
  func add(bytes: Int, failed: Bool) {
    lock.lock(); defer { lock.unlock() }
    self.bytes += bytes
    if failed { failures += 1 }
  }
}

if arguments.contains("--phases") {
  // Where the time goes: checks + compose + layout alone, then the whole render.
  let engine = try Engine()
  for phase in ["layout", "render"] {
    let start = DispatchTime.now().uptimeNanoseconds
    for index in 0..<documents {
      var request = RenderRequest(plan: variants.plan(index), planPath: planPath)
      request.sourceDateEpoch = 1_700_000_000
      if phase == "layout" { _ = try engine.layOut(request) } else { _ = try engine.render(request) }
    }
    let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6 / Double(documents)
    print(String(format: "%@: %.2f ms/doc", phase, ms))
  }
  exit(0)
}

let tally = Tally()
let start = DispatchTime.now().uptimeNanoseconds
DispatchQueue.concurrentPerform(iterations: jobs) { worker in
  guard let engine = try? Engine() else { tally.add(bytes: 0, failed: true); return }
  var index = worker
  while index < documents {
    var request = RenderRequest(plan: variants.plan(index), planPath: planPath)
    request.sourceDateEpoch = 1_700_000_000
    if let result = try? engine.render(request) {
      tally.add(bytes: result.files[0].count, failed: false)
    } else {
      tally.add(bytes: 0, failed: true)
    }
    index += jobs
  }
}
let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
let rate = Double(documents) / seconds
print(String(format: "docs=%d jobs=%d seconds=%.3f docs_per_s=%.1f mean_bytes=%d failures=%d",
  documents, jobs, seconds, rate, tally.bytes / max(1, documents - tally.failures), tally.failures))
exit(tally.failures == 0 ? 0 : 1)
