// swift-tools-version:6.1
import PackageDescription

/// How handout's executable is linked on Linux, with the toolchain's lld: relative relocations
/// packed (DT_RELR: 20 KB where there were 2.5 MB of RELA entries to read at every start), and
/// the functions a render runs placed side by side in the order `scripts/order-symbols` wrote,
/// so a 300-plan batch keeps 6 MB of handout's code resident rather than 10.5 MB; and only the
/// symbols shared libraries need exported (689 instead of 24,700: the 2 MB symbol table was
/// paged in whole). The test bundle, which links handout's objects too, gets the same flags.
let compactLinking = [
  "-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs",
  "-Xlinker", "--symbol-ordering-file=\(packageRoot)/Sources/handout/handout.order",
  "-Xlinker", "--no-warn-symbol-ordering", "-Xlinker", "--no-export-dynamic",
]
var packageRoot: String { String(#filePath.dropLast("/Package.swift".count)) }

let package = Package(
  name: "Handout",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "handout", targets: ["handout"]),
    .library(name: "HandoutKit", targets: ["HandoutKit"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    // `handout serve` only: Hummingbird's core (no traits: swift-configuration is not needed),
    // ServiceLifecycle for SIGTERM, swift-prometheus for /metrics.
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
    .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
  ],
  targets: [
    // C libraries, found through pkg-config (libhyphen ships no .pc file). The renderer sees
    // Cairo (with its FreeType and fontconfig font faces) and not Pango: only HandoutText shapes.
    .systemLibrary(
      name: "CCairo", pkgConfig: "cairo-ft",
      providers: [.apt(["libcairo2-dev"]), .brew(["cairo"])]),
    .systemLibrary(
      name: "CPango", pkgConfig: "pangocairo",
      providers: [.apt(["libpango1.0-dev"]), .brew(["pango"])]),
    .systemLibrary(
      name: "CPangoFc", pkgConfig: "pangoft2",
      providers: [.apt(["libpango1.0-dev"]), .brew(["pango"])]),
    .systemLibrary(
      name: "CRsvg", pkgConfig: "librsvg-2.0",
      providers: [.apt(["librsvg2-dev"]), .brew(["librsvg"])]),
    .systemLibrary(
      name: "CQRencode", pkgConfig: "libqrencode",
      providers: [.apt(["libqrencode-dev"]), .brew(["qrencode"])]),
    .systemLibrary(name: "CHyphen", providers: [.apt(["libhyphen-dev"])]),

    // Cairo's number printing: glibc's digits, without glibc's printf (Sources/HandoutNumbers).
    // DWARF 4, since valgrind 3.19 (Debian 12), which `make bench` counts instructions with,
    // gives up on the DWARF 5 that Swift's clang writes by default.
    .target(
      name: "HandoutNumbers", cSettings: [.unsafeFlags(["-gdwarf-4"])], linkerSettings: [.linkedLibrary("m")]),

    // Cairo's PDF streams stored uncompressed, for the post-pass to compress once, with libdeflate
    // (Sources/HandoutDeflate; Debian's libdeflate-dev).
    .target(
      name: "HandoutDeflate", cSettings: [.unsafeFlags(["-gdwarf-4"])],
      linkerSettings: [.linkedLibrary("z"), .linkedLibrary("deflate")]),

    // Swift modules: data flows model → compose → layout → render → CLI.
    .target(name: "HandoutModel"),
    .target(
      name: "HandoutCatalog", dependencies: ["HandoutModel"],
      resources: [.copy("Resources")]),
    .target(name: "HandoutLayout"),
    .target(name: "HandoutText", dependencies: ["HandoutLayout", "CPango", "CPangoFc", "CHyphen"]),
    .target(
      name: "HandoutCompose",
      dependencies: ["HandoutModel", "HandoutCatalog", "HandoutLayout", "HandoutLayouts"]),
    // The built-in layout files live in the top-level Layouts/ folder and ship as resources.
    .target(
      name: "HandoutLayouts", path: "Layouts", exclude: ["README.md"],
      sources: ["BuiltInLayouts.swift"], resources: [
        .copy("take-home.json"), .copy("care-plan-report.json"), .copy("trifold-brochure.json"),
        .copy("faq-sheet.json"), .copy("large-print.json"), .copy("tracker.json"),
      ]),
    .target(name: "HandoutQR", dependencies: ["CQRencode"]),
    .target(name: "HandoutRender", dependencies: ["HandoutLayout", "CCairo", "CRsvg", "HandoutDeflate"]),
    .target(
      name: "HandoutKit",
      dependencies: [
        "HandoutModel", "HandoutCatalog", "HandoutCompose", "HandoutLayout", "HandoutText",
        "HandoutRender", "HandoutLayouts", "HandoutQR", "HandoutNumbers",
      ],
      resources: [.copy("Resources")]),
    // `handout serve`: the HTTP API and the plan form, on the engine HandoutKit's commands use.
    .target(
      name: "HandoutServer",
      dependencies: [
        "HandoutKit", "HandoutModel", "HandoutCatalog", "HandoutCompose",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        .product(name: "Prometheus", package: "swift-prometheus"),
      ],
      resources: [.copy("Resources")]),
    .executableTarget(
      name: "handout",
      dependencies: [
        "HandoutKit", "HandoutServer", .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      exclude: ["handout.order"],
      linkerSettings: [.unsafeFlags(compactLinking, .when(platforms: [.linux]))]),

    // `make bench` only: the engine's throughput in one process.
    .executableTarget(name: "handout-bench", dependencies: ["HandoutKit"]),

    .testTarget(name: "HandoutModelTests", dependencies: ["HandoutModel"]),
    .testTarget(name: "HandoutLayoutTests", dependencies: ["HandoutLayout"]),
    .testTarget(
      name: "HandoutEndToEndTests",
      dependencies: ["HandoutKit", "HandoutText", "HandoutRender", "CCairo", "HandoutNumbers", "HandoutServer", "handout"],
      exclude: ["Snapshots", "Serve"], resources: [.copy("Fixtures")]),
  ]
)

// Each function of our modules in a section of its own, so the symbol-ordering file moves the
// ones a render runs and leaves the rest out of the way; without it a module's non-inline
// functions share one .text per object file and stay together where the object lands.
for target in package.targets where target.type == .regular || target.type == .executable {
  target.swiftSettings = (target.swiftSettings ?? []) + [
    .unsafeFlags(["-Xfrontend", "-function-sections"], .when(platforms: [.linux]))
  ]
}
