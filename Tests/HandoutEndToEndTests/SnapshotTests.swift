import CCairo
import Foundation
import HandoutKit
import Testing

/// Every page of three reference documents as 50 dpi PNGs, compared with recorded ones.
///
/// A page differs when more than 0.5 % of its pixels move by more than 48 in a colour channel:
/// enough to ignore anti-aliasing noise, not enough to miss a moved line or a lost box.
/// `RECORD_SNAPSHOTS=1 make test` records them again; a failing page is written to
/// `/tmp/handout-snapshots/` to be looked at.
@Suite("Page snapshots")
struct SnapshotTests {
  static let folder = packageRoot.appendingPathComponent("Tests/HandoutEndToEndTests/Snapshots")
  static let isRecording = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"

  @Test(arguments: ["sciatica-plan", "sciatica-brochure", "lower-back-plan"])
  func pagesLookAsRecorded(_ name: String) throws {
    let plan = try #require(try referencePlans().first { $0.lastPathComponent == "\(name).json" })
    var request = try request(plan)
    request.format = .png
    request.dpi = 50
    let pages = try Engine().render(request).files
    // Every page is guarded, and a page that is no longer there is a difference too.
    let recorded = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
      .filter { $0.hasPrefix("\(name)-") && $0.hasSuffix(".png") && Int($0.dropFirst(name.count + 1).dropLast(4)) != nil }
    if Self.isRecording {
      for file in recorded { try FileManager.default.removeItem(at: Self.folder.appendingPathComponent(file)) }
    } else {
      #expect(recorded.count == pages.count, "\(name): \(pages.count) pages, \(recorded.count) recorded")
    }
    for (index, png) in pages.enumerated() {
      let reference = Self.folder.appendingPathComponent("\(name)-\(index + 1).png")
      if Self.isRecording {
        try Data(png).write(to: reference)
        continue
      }
      guard let expected = try? Data(contentsOf: reference) else {
        Issue.record("no snapshot \(reference.lastPathComponent): run RECORD_SNAPSHOTS=1 make test")
        continue
      }
      let difference = try compare(png, [UInt8](expected))
      if difference > 0.005 {
        let out = URL(fileURLWithPath: "/tmp/handout-snapshots")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data(png).write(to: out.appendingPathComponent(reference.lastPathComponent))
      }
      #expect(difference <= 0.005, "\(name) page \(index + 1): \(String(format: "%.2f", difference * 100)) % of pixels differ")
    }
  }

  /// The share of pixels that differ by more than 48 in some channel; 1 when sizes differ.
  private func compare(_ a: [UInt8], _ b: [UInt8]) throws -> Double {
    let first = try Pixels(png: a)
    let second = try Pixels(png: b)
    guard first.width == second.width, first.height == second.height else { return 1 }
    var differing = 0
    for (p, q) in zip(first.values, second.values) {
      for shift in [0, 8, 16] where abs(Int((p >> shift) & 0xFF) - Int((q >> shift) & 0xFF)) > 48 {
        differing += 1
        break
      }
    }
    return Double(differing) / Double(max(1, first.values.count))
  }
}

/// The pixels of a PNG, decoded with Cairo.
private struct Pixels {
  var width: Int
  var height: Int
  var values: [UInt32]

  init(png: [UInt8]) throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString + ".png").path
    try Data(png).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let surface = cairo_image_surface_create_from_png(path)
    defer { cairo_surface_destroy(surface) }
    try #require(cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS)
    cairo_surface_flush(surface)
    width = Int(cairo_image_surface_get_width(surface))
    height = Int(cairo_image_surface_get_height(surface))
    let stride = Int(cairo_image_surface_get_stride(surface))
    let data = try #require(cairo_image_surface_get_data(surface))
    values = []
    values.reserveCapacity(width * height)
    for row in 0..<height {
      let line = UnsafeRawPointer(data + row * stride).assumingMemoryBound(to: UInt32.self)
      for column in 0..<width { values.append(line[column]) }
    }
  }
}
