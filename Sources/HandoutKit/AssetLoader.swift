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

  func logo(_ plan: Plan, read: ReadPlan) -> (image: Image?, diagnostics: [Diagnostic]) {
    guard let name = plan.clinic?.logo else { return (nil, []) }
    let path = JSONPath.root.appending("clinic").appending("logo")
    func error(_ message: String, hint: String) -> (Image?, [Diagnostic]) {
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
    guard FileManager.default.fileExists(atPath: url.path) else {
      return error(
        "the logo file \"\(name)\" does not exist (looked for \(url.path))",
        hint: "logo paths are relative to the plan file's folder")
    }
    guard let data = FileManager.default.contents(atPath: url.path) else {
      return error("the logo file \"\(name)\" cannot be read", hint: "check the file's permissions")
    }
    let bytes = [UInt8](data)
    guard let format = imageFormat(bytes, name: name) else {
      return error("the logo \"\(name)\" is not an SVG, PNG or JPEG image", hint: "save the logo as SVG (best for print), PNG or JPEG")
    }
    let image = Image(data: bytes, format: format, alternativeText: "\(plan.clinic?.name ?? "Clinic") logo")
    guard ImageDecoder().canDecode(image) else {
      return error("the logo \"\(name)\" cannot be decoded as \(format.rawValue.uppercased())", hint: "open it in an image editor and save it again")
    }
    return (image, [])
  }

  private func imageFormat(_ bytes: [UInt8], name: String) -> Image.Format? {
    if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) { return .png }
    if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
    let head = String(decoding: bytes.prefix(512), as: UTF8.self).lowercased()
    if head.contains("<svg") || name.lowercased().hasSuffix(".svg") { return .svg }
    return nil
  }
}
