import Foundation

/// The folder the fuzzed plans are said to live in, holding the logos a plan may name: the
/// shared example's SVG, a PNG and a JPEG.
enum Workspace {
  /// Creates the folder (under `HANDOUT_FUZZ_WORKSPACE`, else the temporary folder) and returns its path.
  static func create() -> String {
    let environment = ProcessInfo.processInfo.environment
    let base = environment["HANDOUT_FUZZ_WORKSPACE"] ?? NSTemporaryDirectory() + "handout-fuzz-\(getpid())"
    try? FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
    write(svg, to: base + "/riverside-logo.svg")
    write(Data(base64Encoded: png)!, to: base + "/logo.png")
    write(Data(base64Encoded: jpeg)!, to: base + "/logo.jpg")
    return base
  }

  private static func write(_ data: Data, to path: String) {
    guard !FileManager.default.fileExists(atPath: path) else { return }
    _ = FileManager.default.createFile(atPath: path, contents: data)
  }

  private static let svg = Data("""
    <svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" viewBox="0 0 120 40">
      <defs><linearGradient id="g"><stop offset="0" stop-color="#2F6F73"/><stop offset="1" stop-color="#9FC5C7"/></linearGradient></defs>
      <circle cx="20" cy="20" r="16" fill="url(#g)"/>
      <text x="44" y="26" font-family="Inter" font-size="14">Riverside</text>
    </svg>
    """.utf8)

  /// 4×4 RGBA PNG.
  private static let png = "iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAYAAACp8Z5+AAAAEklEQVR4nGPQzy/+j4wZSBcAAE7gIQE/3YdRAAAAAElFTkSuQmCC"
  /// 8×8 baseline JPEG.
  private static let jpeg = "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAAIAAgDASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwDNooorY4D/2Q=="
}
