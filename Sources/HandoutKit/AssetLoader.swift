import Foundation
import HandoutLayout
import HandoutModel
import HandoutRender

/// Reads the files a plan names (the clinic logo), relative to the plan's folder.
struct AssetLoader {
  /// The folder relative paths start from: the plan's folder, or the working folder for stdin.
  let baseDirectory: URL
  let allowsOutsideAssets: Bool
  let file: String?
  /// Decodes the images read, each once.
  let decoder: AssetDecoder

  /// The clinic's logo, checked and decoded into an asset, with the logo's alternative text.
  func logo(_ plan: Plan, read: ReadPlan) -> (asset: Asset?, alternativeText: String, diagnostics: [Diagnostic]) {
    let alternativeText = "\(plan.clinic?.name ?? "Clinic") logo"
    let found = readLogo(plan, read: read)
    return (found.asset, alternativeText, found.diagnostics)
  }

  private func readLogo(_ plan: Plan, read: ReadPlan) -> (asset: Asset?, diagnostics: [Diagnostic]) {
    guard let name = plan.clinic?.logo else { return (nil, []) }
    let path = JSONPath.root.appending("clinic").appending("logo")
    func error(_ message: String, hint: String) -> (Asset?, [Diagnostic]) {
      (nil, [Diagnostic(.error, message, file: file, at: read.location(of: path), path: path, hint: hint)])
    }
    let url = URL(fileURLWithPath: name, relativeTo: baseDirectory).standardizedFileURL.resolvingSymlinksInPath()
    let base = baseDirectory.standardizedFileURL.resolvingSymlinksInPath().path
    let prefix = base.hasSuffix("/") ? base : base + "/"
    if !allowsOutsideAssets, !url.path.hasPrefix(prefix) {
      return error(
        "the logo \"\(name)\" is outside the plan's folder",
        hint: "move the logo next to the plan, or pass --allow-outside-assets if you trust this plan")
    }
    // Read as every input is read: stat'ed, bounded, then read; the words are the logo's own.
    let bytes: [UInt8]
    switch InputFile.read(url.path, limit: ImageCheck.maximumFileBytes) {
    case .success(let read): bytes = read
    case .failure(.cannotOpen(let reason)):
      return error(
        "the logo file \"\(name)\" cannot be opened (looked for \(url.path)): \(reason)",
        hint: "logo paths are relative to the plan file's folder")
    case .failure(.notAFile):
      return error("the logo \"\(name)\" is not a file", hint: "name an SVG, PNG or JPEG file")
    case .failure(.tooLarge(let size, let limit)):
      return error(
        "the logo \"\(name)\" is \(size.map { "\($0.grouped) bytes" } ?? "more than \(limit.grouped) bytes"); the limit is \(limit.grouped)",
        hint: "a logo needs far less: save it as SVG, or as a PNG of about 600 × 600 pixels")
    case .failure(.cannotRead):
      return error("the logo file \"\(name)\" cannot be read", hint: "check the file's permissions")
    }
    guard let format = imageFormat(bytes, name: name) else {
      return error("the logo \"\(name)\" is not an SVG, PNG or JPEG image", hint: "save the logo as SVG (best for print), PNG or JPEG")
    }
    if let problem = ImageCheck.problem(format: format, data: bytes) {
      let (message, hint) = describe(problem)
      return error("the logo \"\(name)\" (\(format.rawValue.uppercased())) \(message)", hint: hint)
    }
    guard let asset = decoder.decode(bytes, format: format) else {
      if format == .png {
        let (message, hint) = describe(ImageCheck.damagedPNG)
        return error("the logo \"\(name)\" (PNG) \(message)", hint: hint)
      }
      return error("the logo \"\(name)\" cannot be decoded as \(format.rawValue.uppercased())", hint: "open it in an image editor and save it again")
    }
    return (asset, [])
  }

  /// A sentence and a hint for an image the checks refused.
  private func describe(_ problem: ImageCheck.Problem) -> (message: String, hint: String) {
    switch problem {
    case .tooManyPixels(let width, let height):
      return (
        "is \(width) × \(height) pixels; the limit is \(ImageCheck.maximumPixels.grouped) pixels",
        "a logo needs about 600 × 600 pixels: scale it down, or save it as SVG")
    case .malformed(let why):
      return ("cannot be decoded: \(why)", "open it in an image editor and save it again")
    case .entities(let why):
      return ("is refused: \(why)", "save the SVG again without a DOCTYPE (\"Plain SVG\" in Inkscape)")
    }
  }

  private func imageFormat(_ bytes: [UInt8], name: String) -> Image.Format? {
    if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) { return .png }
    if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
    let head = String(decoding: bytes.prefix(512), as: UTF8.self).lowercased()
    if head.contains("<svg") || name.lowercased().hasSuffix(".svg") { return .svg }
    return nil
  }
}
