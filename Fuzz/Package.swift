// swift-tools-version:6.0
// The fuzz target, kept out of the main package so that `swift build` and `swift test` never
// build it: it only links with `-sanitize=fuzzer` (libFuzzer supplies `main`). Build and run it
// with `make fuzz`; Docs/fuzzing.md explains it.
import Foundation
import PackageDescription

/// A path dependency's identity is its folder's name, which depends on where the clone lives.
let rootName = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().lastPathComponent

let package = Package(
  name: "HandoutFuzz",
  dependencies: [.package(path: "..")],
  targets: [
    .executableTarget(
      name: "handout-fuzz",
      dependencies: [.product(name: "HandoutKit", package: rootName)]),
  ]
)
