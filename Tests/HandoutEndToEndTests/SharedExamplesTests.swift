import Foundation
import Testing

@Suite("The reference plans")
struct SharedExamplesTests {
  /// The tests' copy of `../shared/examples` equals the original, file for file, so a checkout
  /// on its own tests exactly what the shared folder holds.
  @Test func theCopyInTheTestsEqualsTheSharedFolder() throws {
    guard FileManager.default.fileExists(atPath: sharedExamplesBeside.path) else {
      // A checkout on its own: the copy is all there is, and the other tests use it.
      #expect(FileManager.default.fileExists(atPath: sharedExamplesCopy.appendingPathComponent("sciatica-plan.json").path))
      return
    }
    let names = try FileManager.default.contentsOfDirectory(atPath: sharedExamplesBeside.path).sorted()
    let copied = try FileManager.default.contentsOfDirectory(atPath: sharedExamplesCopy.path).sorted()
    #expect(names == copied, "run scripts/sync-examples")
    for name in names {
      let original = try Data(contentsOf: sharedExamplesBeside.appendingPathComponent(name))
      let copy = try? Data(contentsOf: sharedExamplesCopy.appendingPathComponent(name))
      #expect(original == copy, "\(name) differs from ../shared/examples: run scripts/sync-examples")
    }
  }
}
