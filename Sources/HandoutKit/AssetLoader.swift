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
    func error(_ fault: Problem.LogoFault) -> (Asset?, [Diagnostic]) {
      (nil, [Diagnostic(.error, .logo(name, fault), file: file, at: read.location(of: path), path: path)])
    }
    let url = URL(fileURLWithPath: name, relativeTo: baseDirectory).standardizedFileURL.resolvingSymlinksInPath()
    let base = baseDirectory.standardizedFileURL.resolvingSymlinksInPath().path
    let prefix = base.hasSuffix("/") ? base : base + "/"
    if !allowsOutsideAssets, !url.path.hasPrefix(prefix) { return error(.outsideFolder) }
    // Read as every input is read: stat'ed, bounded, then read.
    let bytes: [UInt8]
    switch InputFile.read(url.path, limit: ImageCheck.maximumFileBytes) {
    case .success(let read): bytes = read
    case .failure(let problem): return error(.file(problem, resolved: url.path))
    }
    guard let format = imageFormat(bytes, name: name) else { return error(.notAnImage) }
    let formatName = format.rawValue
    if let problem = ImageCheck.problem(format: format, data: bytes) { return error(fault(problem, format: formatName)) }
    guard let asset = decoder.decode(bytes, format: format) else {
      if format == .png { return error(fault(ImageCheck.damagedPNG, format: formatName)) }
      return error(.undecodable(format: formatName))
    }
    return (asset, [])
  }

  /// The fact of an image the checks refused.
  private func fault(_ problem: ImageCheck.Problem, format: String) -> Problem.LogoFault {
    switch problem {
    case .tooManyPixels(let width, let height):
      .tooManyPixels(format: format, width: width, height: height, limit: ImageCheck.maximumPixels)
    case .malformed(let why): .malformed(format: format, reason: why)
    case .entities(let why): .entities(format: format, reason: why)
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
