import Foundation
import HandoutKit
import HandoutLayout
import Testing

/// The frames of the shared examples as text, compared with recorded dumps, so a layout
/// change shows as a reviewable diff. `RECORD_SNAPSHOTS=1 make test` records them again; a
/// differing dump is written to `/tmp/handout-snapshots/` to be diffed.
@Suite("Frame dumps")
struct FrameDumpTests {
  @Test(arguments: ["sciatica-plan", "sciatica-brochure"])
  func framesAreAsRecorded(_ name: String) throws {
    let plan = sharedExamples.appendingPathComponent("\(name).json")
    let dump = try Engine().layOut(try request(plan)).paged.dump
    let reference = SnapshotTests.folder.appendingPathComponent("\(name).frames.txt")
    if SnapshotTests.isRecording {
      try Data(dump.utf8).write(to: reference)
      return
    }
    guard let expected = try? String(contentsOf: reference, encoding: .utf8) else {
      Issue.record("no dump \(reference.lastPathComponent): run RECORD_SNAPSHOTS=1 make test")
      return
    }
    if dump != expected {
      let out = URL(fileURLWithPath: "/tmp/handout-snapshots")
      try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
      try Data(dump.utf8).write(to: out.appendingPathComponent(reference.lastPathComponent))
    }
    let changed = zip(dump.split(separator: "\n"), expected.split(separator: "\n")).first { $0 != $1 }
    #expect(dump == expected, "\(name): first changed line \(changed.map { "\($0.1) → \($0.0)" } ?? "(lines added or removed)")")
  }
}
