import Foundation
import HandoutCatalog
import HandoutLayouts
import HandoutCompose
import HandoutLayout
import HandoutModel
import HandoutQR
import HandoutRender
import HandoutText

/// The version printed by `handout --version` and written into every PDF's creator field.
public let handoutVersion = "0.1.0"

/// The output formats Handout writes.
public enum OutputFormat: String, Sendable, CaseIterable {
  case pdf, png, svg
}

/// What to render and how.
public struct RenderRequest: Sendable {
  /// The plan's JSON bytes.
  public var plan: [UInt8]
  /// The same bytes already parsed, when the caller had to parse them (a batch, to name the
  /// output): the engine then does not parse them again.
  public var parsedPlan: JSONValue?
  /// The plan's path, for diagnostics and relative asset paths; `nil` for standard input.
  public var planPath: String?
  /// A layout name or file that replaces the plan's own `layout`.
  public var layout: String?
  public var paper: LayoutSpec.Paper?
  public var format: OutputFormat = .pdf
  /// Dots per inch of PNG output.
  public var dpi: Double = 144
  /// Seconds since 1970 for the creation date (`SOURCE_DATE_EPOCH`); `nil` takes the plan's date.
  public var sourceDateEpoch: Int?
  public var allowsOutsideAssets = false
  /// Whether the plan's own `layout` may name a layout file; the server sets built-in layouts only.
  public var allowsLayoutFiles = true
  public var showsDebugOutlines = false
  /// Set the plan in large print (18 pt, one column, 1 in margins) whatever its layout.
  public var isLargePrint = false
  /// Warnings count as errors.
  public var isStrict = false
  /// The PDF will be sent by email: the clinic's and client's addresses must be there, and no
  /// header value may hold a control character.
  public var isEmail = false

  public init(plan: [UInt8], planPath: String?) {
    self.plan = plan
    self.planPath = planPath
  }
}

/// The result of a render: the files' bytes and what was noticed on the way.
public struct RenderResult: Sendable {
  /// One element for a PDF; one per page for PNG and SVG.
  public var files: [[UInt8]]
  public var pageCount: Int
  public var warnings: [Diagnostic]
  public var plan: Plan
  /// How the plan was kept to its layout's page budget, for `--verbose`; `nil` without a budget.
  public var fitting: String?
}

/// Why a render did not produce output.
public enum HandoutError: Error {
  /// The input is at fault; the diagnostics say where and how to fix it (exit 64).
  case invalidInput([Diagnostic])
  /// Something else failed (exit 1).
  case failure(String)
}

/// Renders plans. Holds the fonts, catalogues and layouts, so that many plans render fast.
///
/// An engine is not thread-safe: Pango font maps must not be shared. Give each thread or
/// worker its own engine, and reuse it for many documents.
public final class Engine {
  let textSystem: PangoTextSystem
  /// Decodes every image a plan names, once each.
  let imageDecoder = AssetDecoder()
  private var catalogs: [String: Catalog] = [:]
  private var layouts: [String: LayoutSpec] = [:]
  /// The catalogue's drawings, decoded once.
  private var illustrationAssets: [String: Asset] = [:]
  private let illustrationDecoder = AssetDecoder()
  /// The compaction step each layout last needed: where the next plan's search starts.
  var fitHints: [LayoutSpec: Int] = [:]
  private let overrides: CatalogOverrides?

  /// An engine using the project's fonts plus those in `fontDirectories`, and the catalogue
  /// entries of `catalogFile` on top of the built-in ones.
  public init(fontDirectories: [String] = [], catalogFile: String? = nil) throws(HandoutError) {
    do {
      textSystem = PangoTextSystem(fonts: try FontLibrary.locate(extraDirectories: fontDirectories))
    } catch {
      throw .failure(error.description)
    }
    if let catalogFile {
      overrides = try Engine.readOverrides(catalogFile)
    } else {
      overrides = nil
    }
  }

  /// The largest catalogue file read.
  static let maximumCatalogBytes = 4 * 1_048_576

  /// A clinic's catalogue file, read as strictly as the built-in one.
  static func readOverrides(_ path: String) throws(HandoutError) -> CatalogOverrides {
    let bytes: [UInt8]
    switch InputFile.read(path, limit: maximumCatalogBytes) {
    case .success(let read): bytes = read
    case .failure(let problem):
      throw .invalidInput([Diagnostic(.error, .file(problem), file: path, in: .catalogue)])
    }
    let decoder = JSONValueDecoder(file: path, unknownKeys: .error, input: .catalogue)
    let decoded = decoder.decode(CatalogOverrides.self, from: bytes)
    guard let overrides = decoded.value else { throw .invalidInput(decoded.diagnostics) }
    return overrides
  }

  /// The catalogue for a language, with the clinic's overrides.
  public func catalog(language: String) throws(HandoutError) -> Catalog {
    if let cached = catalogs[language] { return cached }
    do {
      var catalog = try Catalog.builtIn(language: language)
      if let overrides { catalog = catalog.merged(with: overrides) }
      catalogs[language] = catalog
      return catalog
    } catch {
      throw .failure("cannot load the built-in catalogue: \(error)")
    }
  }

  /// How many images this engine has decoded: one per image a render shows, however often it
  /// is drawn and in however many formats.
  public var imageDecodeCount: Int { imageDecoder.decodeCount }

  /// Checks a plan exactly as ``render(_:)`` does, laying it out but drawing nothing: every
  /// diagnostic, errors and warnings.
  public func validate(_ request: RenderRequest) -> (plan: Plan?, diagnostics: [Diagnostic]) {
    do {
      let laidOut = try layOut(request)
      return (laidOut.plan, laidOut.warnings)
    } catch {
      return (nil, error.diagnostics)
    }
  }

  /// Renders a plan into the requested format.
  public func render(_ request: RenderRequest) throws(HandoutError) -> RenderResult {
    let laidOut = try layOut(request)
    do {
      let files: [[UInt8]]
      switch request.format {
      case .pdf: files = [try Renderer.pdf(laidOut.paged, decoder: imageDecoder)]
      case .png: files = try Renderer.png(laidOut.paged, dpi: request.dpi, decoder: imageDecoder)
      case .svg: files = try Renderer.svg(laidOut.paged, decoder: imageDecoder)
      }
      return RenderResult(
        files: files, pageCount: laidOut.pages.count, warnings: laidOut.warnings, plan: laidOut.plan,
        fitting: laidOut.fitting)
    } catch {
      throw .failure(error.description)
    }
  }

  /// A plan laid out into pages, before drawing.
  public struct LaidOut: Sendable {
    public var plan: Plan
    /// The composed document tree.
    public var document: Document
    /// The pages, with the font and asset tables the renderer draws them from.
    public var paged: PagedDocument
    public var warnings: [Diagnostic]
    /// How the plan was kept to its layout's page budget; `nil` without a budget.
    public var fitting: String?

    public var pages: [Page] { paged.pages }
  }

  /// Checks, composes and lays out a plan; ``render(_:)`` draws the result.
  public func layOut(_ request: RenderRequest) throws(HandoutError) -> LaidOut {
    let checked = check(request)
    guard let plan = checked.plan else { throw .invalidInput(checked.diagnostics) }
    let catalog = try catalog(language: plan.language)
    let spec = try resolvedSpec(request, plan)
    let file = request.planPath ?? "<stdin>"
    // Fitting records the catalogue text each composition reads, so the language check below
    // looks at the document that is printed and no separate composition is needed.
    let fitted = fit(
      plan.explainingMedicalWords { PlanChecks.catalogText(beside: $0, $1, of: plan, catalog: catalog) }, catalog: catalog, layout: spec, assets: checked.assets, options: composeOptions(request, plan),
      layoutOptions: LayoutOptions(showsDebugOutlines: request.showsDebugOutlines), file: file)
    if let problem = languageProblem(plan, spec: spec, catalog: catalog, used: fitted.used, read: checked.read, file: file) {
      throw .invalidInput(checked.diagnostics + [problem])
    }
    let (document, pages) = (fitted.document, fitted.pages)
    let paged = PagedDocument(
      metadata: document.metadata, pages: pages, fonts: textSystem.fonts, assets: document.assets)
    if pages.count > PlanLimits.pages {
      throw .invalidInput([Diagnostic(
        .error, .tooManyPages(count: pages.count, limit: PlanLimits.pages), file: request.planPath ?? "<stdin>", path: .root)])
    }
    var warnings = checked.diagnostics
    if let warning = fitted.warning { warnings.append(warning) }
    if spec.fold != nil, pages.count > 2 {
      warnings.append(
        Diagnostic(.warning, .foldedTooLong(pages: pages.count), file: request.planPath ?? "<stdin>", path: .root))
    }
    return LaidOut(plan: plan, document: document, paged: paged, warnings: warnings, fitting: fitted.description)
  }

  /// The layout a request is set in: its own, the plan's, or the take-home; in large print when asked.
  private func resolvedSpec(_ request: RenderRequest, _ plan: Plan) throws(HandoutError) -> LayoutSpec {
    var spec = try layoutSpec(request.layout ?? plan.layout ?? "take-home")
    if request.isLargePrint { spec = spec.inLargePrint(try layoutSpec("large-print")) }
    return spec
  }

  /// The paper, creator and creation date a request composes with.
  private func composeOptions(_ request: RenderRequest, _ plan: Plan) -> ComposeOptions {
    ComposeOptions(
      paper: request.paper, creator: "Handout \(handoutVersion)",
      creationDate: request.sourceDateEpoch.map(isoDate) ?? (plan.date == nil ? isoDate(today()) : nil))
  }

  /// The catalogue keys the printed document reads (`used`) that the plan's language lacks, as
  /// an error: a handout is in one language or not printed at all.
  private func languageProblem(
    _ plan: Plan, spec: LayoutSpec, catalog base: Catalog, used: Set<String>, read: ReadPlan, file: String
  ) -> Diagnostic? {
    let missing = used.intersection(base.untranslated).sorted()
    guard !missing.isEmpty else { return nil }
    let path = JSONPath.root.appending("language")
    let problem = Problem.untranslated(
      language: LanguageTag.primary(plan.language), layout: spec.name, entries: missing,
      builtInLanguages: Catalog.builtInLanguages)
    return Diagnostic(.error, problem, file: file, at: read.location(of: path), path: path)
  }

  /// Reads the plan once and runs every check; the plan is `nil` when any error was found.
  private func check(_ request: RenderRequest) -> (plan: Plan?, diagnostics: [Diagnostic], assets: Assets, read: ReadPlan) {
    let file = request.planPath ?? "<stdin>"
    let read = PlanReader(file: file).read(request.plan, parsed: request.parsedPlan)
    let layoutProblems = layoutDiagnostics(request, read: read, file: file)
    guard let plan = read.plan else {
      // Reading failed: the catalogue checks still run on what could be read, so one run
      // reports a bad date and a bad id together.
      var diagnostics = read.diagnostics + layoutProblems
      if let partial = read.partialPlan, let catalog = try? catalog(language: partial.language) {
        diagnostics += PlanChecks(read: read, catalog: catalog, file: file).unknownIDs(in: partial)
      }
      return (nil, diagnostics, Assets(), read)
    }
    var diagnostics = read.diagnostics + layoutProblems
    do {
      let catalog = try catalog(language: plan.language)
      let checks = PlanChecks(read: read, catalog: catalog, file: file)
      diagnostics += checks.unknownIDs(in: plan)
      diagnostics += checks.readability(language: plan.language)
      diagnostics += checks.medicalWords(in: plan, language: plan.language)
      diagnostics += checks.emergencyNumber(in: plan)
      diagnostics += checks.dosages(in: plan)
    } catch {
      diagnostics.append(Diagnostic(.error, .failure("\(error)"), file: file))
    }
    if request.isEmail {
      diagnostics += EmailChecks(read: read, file: file).check(plan)
    }
    let loader = AssetLoader(
      baseDirectory: baseDirectory(of: request), allowsOutsideAssets: request.allowsOutsideAssets, file: file,
      decoder: imageDecoder)
    let logo = loader.logo(plan, read: read)
    diagnostics += logo.diagnostics
    var images = AssetTable()
    let logoImage = logo.asset.map { Image(asset: images.add($0), alternativeText: logo.alternativeText) }
    if request.isStrict {
      diagnostics = diagnostics.map { var d = $0; d.severity = .error; return d }
    }
    let code = plan.clinic?.bookingUrl.flatMap { QRCode(encoding: $0) }
    var videoCodes: [String: (size: Int, modules: [Bool])] = [:]
    let videoCatalog = try? catalog(language: plan.language)
    for item in plan.homeCare {
      let entry = item.id.flatMap { videoCatalog?.homeCare[$0] }
      guard let url = item.videoUrl ?? entry?.videoUrl, videoCodes[url] == nil, let video = QRCode(encoding: url) else { continue }
      videoCodes[url] = (video.size, video.modules)
    }
    // The catalogue's drawings: read and decoded once per engine, then shared by its renders.
    var illustrations: [String: AssetID] = [:]
    for item in plan.homeCare {
      guard let name = item.id.flatMap({ videoCatalog?.homeCareEntry($0)?.illustration }), illustrations[name] == nil,
        let asset = illustrationAsset(name)
      else { continue }
      illustrations[name] = images.add(asset)
    }
    let assets = Assets(
      logo: logoImage, images: images, bookingCode: code.map { ($0.size, $0.modules) }, videoCodes: videoCodes,
      illustrations: illustrations)
    let failed = diagnostics.contains { $0.severity == .error }
    return (failed ? nil : plan, diagnostics, assets, read)
  }

  /// The problems of the layout a request will use: `--layout`, else the plan's own `layout`
  /// (cited at its place in the plan), else the take-home.
  private func layoutDiagnostics(_ request: RenderRequest, read: ReadPlan, file: String) -> [Diagnostic] {
    let path = JSONPath.root.appending("layout")
    // The plan's own layout as the reader took it: a name it refused (too long) is not looked up.
    let fromPlan = request.layout == nil ? read.partialPlan?.layout : nil
    let names = [request.layout ?? fromPlan ?? "take-home"] + (request.isLargePrint ? ["large-print"] : [])
    // A file the plan names is not even looked at where only built-in layouts are allowed.
    if !request.allowsLayoutFiles, let name = fromPlan, !BuiltInLayoutNames.all.contains(name) {
      return [
        Diagnostic(
          .error, .onlyBuiltInLayouts(name, builtIn: BuiltInLayoutNames.all), file: file, at: read.location(of: path),
          path: path)
      ]
    }
    var diagnostics: [Diagnostic] = []
    for name in names {
      do {
        _ = try layoutSpec(name)
      } catch {
        diagnostics += error.diagnostics.map { problem in
          // A layout file the plan names that cannot be read is the plan's problem, at its "layout".
          if fromPlan != nil, problem.file == name, problem.location == nil, case .file(let fault) = problem.problem {
            return Diagnostic(.error, .layoutFile(name, fault), file: file, at: read.location(of: path), path: path)
          }
          // A built-in name that does not exist is the command line's problem when --layout gave it.
          if problem.file == nil, fromPlan == nil, request.layout == name {
            var cited = problem
            cited.file = "--layout"
            return cited
          }
          guard problem.file == nil, fromPlan != nil else { return problem }
          var cited = problem
          cited.file = file
          cited.location = read.location(of: path)
          cited.path = path
          return cited
        }
      }
    }
    return diagnostics
  }

  /// A catalogue drawing as an asset, decoded on first use by a decoder of its own (so that
  /// ``imageDecodeCount`` counts the plan's own images) and kept for the engine's life.
  private func illustrationAsset(_ name: String) -> Asset? {
    if let known = illustrationAssets[name] { return known }
    guard let svg = Catalog.illustration(named: name), let asset = illustrationDecoder.decode(svg, format: .svg) else {
      return nil
    }
    illustrationAssets[name] = asset
    return asset
  }

  /// The layout named `nameOrPath`, built in or from a file.
  public func layoutSpec(_ nameOrPath: String) throws(HandoutError) -> LayoutSpec {
    if let cached = layouts[nameOrPath] { return cached }
    do {
      let spec = try LayoutSpec.load(nameOrPath)
      layouts[nameOrPath] = spec
      return spec
    } catch {
      throw .invalidInput(error.diagnostics)
    }
  }

  private func baseDirectory(of request: RenderRequest) -> URL {
    if let path = request.planPath {
      return URL(fileURLWithPath: path).deletingLastPathComponent()
    }
    return URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
  }
}

/// Seconds since 1970 as ISO 8601 in UTC.
func isoDate(_ seconds: Int) -> String {
  let days = Int((Double(seconds) / 86400).rounded(.down))
  let rest = seconds - days * 86400
  let date = civilDate(daysSinceEpoch: days)
  func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
  return "\(date.year)-\(pad(date.month))-\(pad(date.day))T\(pad(rest / 3600)):\(pad(rest % 3600 / 60)):\(pad(rest % 60))Z"
}

/// Midnight UTC of the current day, in seconds since 1970.
func today() -> Int {
  let now = Int(Date().timeIntervalSince1970)
  return now - now % 86400
}

/// The calendar date of a day count since 1970 (Howard Hinnant's algorithm).
func civilDate(daysSinceEpoch: Int) -> (year: Int, month: Int, day: Int) {
  let z = daysSinceEpoch + 719468
  let era = (z >= 0 ? z : z - 146096) / 146097
  let doe = z - era * 146097
  let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
  let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
  let mp = (5 * doy + 2) / 153
  let day = doy - (153 * mp + 2) / 5 + 1
  let month = mp < 10 ? mp + 3 : mp - 9
  return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
}

/// The names of the built-in layouts.
public enum BuiltInLayoutNames {
  public static var all: [String] { BuiltInLayouts.names }
}
