import Foundation
import HandoutCatalog
import HandoutKit
import HandoutModel
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import UnixSignals

/// `handout serve`: the HTTP API and the plan form, on a pool of engines.
///
/// Nothing is written to disk: plans arrive in request bodies and documents leave in response
/// bodies. The engine is the one `render` and `validate` use, with the same checks and the same
/// diagnostics, answered as JSON.
public final class HandoutService: Sendable {
  let options: ServeOptions
  let pool: WorkerPool
  let metrics = ServerMetrics()
  /// What the GET routes answer, prepared once at start.
  let statics: StaticContent

  /// Loads the fonts and catalogues of one engine per worker; fails as `render` would.
  public init(_ options: ServeOptions) throws(HandoutError) {
    self.options = options
    let fonts = options.fontDirectories
    let catalog = options.catalogFile
    // An engine of its own for what the GET routes answer, made on this thread.
    statics = try StaticContent(engine: try Engine(fontDirectories: fonts, catalogFile: catalog))
    pool = try WorkerPool(
      workers: options.workers, queueLimit: max(0, options.queueLimit), timeLimit: options.timeLimit,
      makeEngine: { () throws(HandoutError) in try Engine(fontDirectories: fonts, catalogFile: catalog) })
  }

  /// Serves until SIGTERM or SIGINT, then lets the requests in progress finish (their renders
  /// included) before returning. `onListening` hears the address, with the port chosen.
  public func run(onListening: @escaping @Sendable (String) -> Void) async throws {
    var logger = Logger(label: "handout-serve", factory: { label in StreamLogHandler.standardError(label: label) })
    logger.logLevel = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .warning
    let host = options.host
    let app = Application(
      router: makeRouter(),
      configuration: .init(address: .hostname(host, port: options.port), serverName: "handout/\(handoutVersion)"),
      onServerRunning: { channel in
        let port = channel.localAddress?.port ?? 0
        let shown = host.contains(":") ? "[\(host)]" : host
        onListening("http://\(shown):\(port)")
      },
      logger: logger)
    try await app.runService(gracefulShutdownSignals: [UnixSignal.sigterm, UnixSignal.sigint])
    pool.drain()
  }

  /// Every route the server answers, as `/openapi.json` must describe them.
  public static let routes: [(method: String, path: String)] = [
    ("GET", "/"), ("GET", "/form.js"), ("GET", "/form.css"), ("GET", "/openapi.json"), ("GET", "/healthz"),
    ("GET", "/metrics"), ("GET", "/v1/layouts"), ("GET", "/v1/catalog"), ("GET", "/v1/schema"),
    ("POST", "/v1/render"), ("POST", "/v1/validate"), ("POST", "/v1/email"),
  ]

  func makeRouter() -> Router<BasicRequestContext> {
    let router = Router(context: BasicRequestContext.self)
    router.add(middleware: RequestGate(token: options.token, metrics: metrics))
    let statics = self.statics
    router.get("/") { _, _ in statics.form("index.html") }
    router.get("/form.js") { _, _ in statics.form("form.js") }
    router.get("/form.css") { _, _ in statics.form("form.css") }
    router.get("/openapi.json") { _, _ in bytes(statics.openAPI, type: "application/json") }
    router.get("/healthz") { [pool] _, _ in
      json(
        .ok,
        HealthJSON(
          status: "ok", version: handoutVersion, workers: pool.workerCount, busy: pool.busyWorkers, queue: pool.queueDepth,
          queueLimit: pool.queueLimit))
    }
    router.get("/metrics") { [metrics, pool] _, _ in
      metrics.queue(depth: pool.queueDepth, busy: pool.busyWorkers)
      return bytes(metrics.text(), type: "text/plain; version=0.0.4; charset=utf-8")
    }
    router.get("/v1/layouts") { _, _ in bytes(statics.layouts, type: "application/json") }
    router.get("/v1/schema") { _, _ in bytes(statics.schema, type: "application/schema+json") }
    router.get("/v1/catalog") { request, _ in
      let language = request.uri.queryParameters["language"].map(String.init) ?? "en"
      guard let catalog = statics.catalog(language) else {
        return json(
          .notFound,
          ProblemJSON(error: "no catalogue for the language \"\(language)\"; built in: \(Catalog.builtInLanguages.joined(separator: ", "))"))
      }
      return bytes(catalog, type: "application/json")
    }
    router.post("/v1/render") { [self] request, _ in try await self.render(request) }
    router.post("/v1/validate") { [self] request, _ in try await self.validate(request) }
    router.post("/v1/email") { [self] request, _ in try await self.email(request) }
    return router
  }

  // MARK: - The plan routes

  func render(_ request: Request) async throws -> Response {
    let query: RenderQuery
    let body: [UInt8]
    switch await planInput(request) {
    case .success(let input): (query, body) = input
    case .failure(let refusal): return refusal.response
    }
    var prepared = planRequest(body, query)
    prepared.format = query.format
    prepared.dpi = query.dpi
    let renderRequest = prepared
    let format = query.format.rawValue
    let page = query.page
    let outcome = await pool.submit { engine in
      Result { () throws(HandoutError) -> Drawn in
        if renderRequest.format == .png {
          let preview = try engine.preview(renderRequest, page: page)
          return Drawn(bytes: preview.png, pageCount: preview.pageCount, warnings: preview.warnings.count, plan: preview.plan)
        }
        let result = try engine.render(renderRequest)
        return Drawn(bytes: result.files.first, pageCount: result.pageCount, warnings: result.warnings.count, plan: result.plan)
      }
    }
    switch settle(outcome, format: format) {
    case .failure(let settled): return settled.response
    case .success(let drawn):
      var headers: HTTPFields = [
        HTTPField.Name("X-Handout-Pages")!: String(drawn.pageCount),
        HTTPField.Name("X-Handout-Warnings")!: String(drawn.warnings),
      ]
      guard let bytes = drawn.bytes else {
        return json(
          .unprocessableContent,
          ProblemJSON(error: "the plan has \(drawn.pageCount) pages; there is no page \(page)", pages: drawn.pageCount))
      }
      if query.format == .png {
        headers[.contentType] = "image/png"
        headers[.cacheControl] = "no-store"
      } else {
        headers[.contentType] = "application/pdf"
        headers[.contentDisposition] = "inline; filename=\"\(downloadName(drawn.plan, extension: "pdf"))\""
      }
      return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
  }

  func validate(_ request: Request) async throws -> Response {
    let query: RenderQuery
    let body: [UInt8]
    switch await planInput(request) {
    case .success(let input): (query, body) = input
    case .failure(let refusal): return refusal.response
    }
    let checkRequest = planRequest(body, query)
    let outcome = await pool.submit { engine in
      let (plan, diagnostics) = engine.validate(checkRequest)
      return ValidateOutcome(ok: plan != nil, diagnostics: diagnostics)
    }
    switch outcome {
    case .queueFull: return busy()
    case .timedOut: return timedOut()
    case .done(let checked):
      metrics.validation(ok: checked.ok)
      return json(
        checked.ok ? .ok : .unprocessableContent,
        ProblemJSON(ok: checked.ok, diagnostics: checked.diagnostics.map(DiagnosticJSON.init)))
    }
  }

  func email(_ request: Request) async throws -> Response {
    let query: RenderQuery
    let body: [UInt8]
    switch await planInput(request) {
    case .success(let input): (query, body) = input
    case .failure(let refusal): return refusal.response
    }
    var prepared = planRequest(body, query)
    prepared.format = .pdf
    prepared.isEmail = true
    let renderRequest = prepared
    let epoch = options.sourceDateEpoch
    let outcome = await pool.submit { engine in
      Result { () throws(HandoutError) -> EmailOutcome in
        let result = try engine.render(renderRequest)
        let name = downloadName(result.plan, extension: "pdf")
        let message = try engine.email(
          for: result.plan, attaching: result.files[0], named: name, sourceDateEpoch: epoch, file: nil)
        return EmailOutcome(message: message, plan: result.plan, warnings: result.warnings.count)
      }
    }
    switch settle(outcome, format: "eml") {
    case .failure(let settled): return settled.response
    case .success(let mail):
      return Response(
        status: .ok,
        headers: [
          .contentType: "message/rfc822",
          .contentDisposition: "attachment; filename=\"\(downloadName(mail.plan, extension: "eml"))\"",
          HTTPField.Name("X-Handout-Warnings")!: String(mail.warnings),
        ],
        body: .init(byteBuffer: ByteBuffer(bytes: mail.message)))
    }
  }

  // MARK: - Shared steps

  /// A request for the plan as `render` builds one, with the server's settings: logos only
  /// from `--assets` (a plan cannot name any other file), layouts only built in.
  func planRequest(_ body: [UInt8], _ query: RenderQuery) -> RenderRequest {
    // Without --assets, relative logo paths resolve under /dev/null, where no file can be.
    let folder = options.assetsDirectory ?? "/dev/null"
    var request = RenderRequest(plan: body, planPath: URL(fileURLWithPath: folder).appendingPathComponent("plan.json").path)
    request.layout = query.layout
    request.paper = query.paper
    request.isLargePrint = query.largePrint
    request.sourceDateEpoch = options.sourceDateEpoch
    request.allowsOutsideAssets = false
    request.allowsLayoutFiles = false
    return request
  }

  /// Why a request is answered before any work: a bad query (400), an unreadable or too large
  /// body (413), a plan naming a layout that is not built in (422).
  struct Refusal: Error {
    var response: Response
  }

  /// A render, validate or email request's query and plan, or the answer that refuses them.
  func planInput(_ request: Request) async -> Result<(RenderQuery, [UInt8]), Refusal> {
    let query: RenderQuery
    switch RenderQuery.parse(request.uri.queryParameters) {
    case .success(let parsed): query = parsed
    case .failure(let problem): return .failure(Refusal(response: json(.badRequest, ProblemJSON(error: problem.message))))
    }
    switch await readPlan(request) {
    case .success(let body): return .success((query, body))
    case .failure(let refusal): return .failure(Refusal(response: refusal.response))
    }
  }

  enum BodyRefusal: Error {
    case tooLarge(Int)
    case unreadable

    var response: Response {
      switch self {
      case .tooLarge(let limit):
        json(.contentTooLarge, ProblemJSON(error: "the request body is larger than the limit of \(limit) bytes"))
      case .unreadable:
        json(.badRequest, ProblemJSON(error: "the request body could not be read"))
      }
    }
  }

  /// The body, up to the limit; a declared length over it is refused before reading.
  func readPlan(_ request: Request) async -> Result<[UInt8], BodyRefusal> {
    let limit = options.bodyLimit
    if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > limit {
      return .failure(.tooLarge(limit))
    }
    do {
      let buffer = try await request.body.collect(upTo: limit)
      return .success(Array(buffer.readableBytesView))
    } catch is NIOTooManyBytesError {
      return .failure(.tooLarge(limit))
    } catch {
      return .failure(.unreadable)
    }
  }

  /// A worker's answer as the value asked for, or the response that says why there is none.
  func settle<T>(_ outcome: WorkerPool.Outcome<Result<T, HandoutError>>, format: String) -> Result<T, SettledResponse> {
    switch outcome {
    case .queueFull:
      metrics.render(format: format, outcome: "queue_full")
      return .failure(SettledResponse(busy()))
    case .timedOut:
      metrics.render(format: format, outcome: "timed_out")
      return .failure(SettledResponse(timedOut()))
    case .done(.failure(.invalidInput(let diagnostics))):
      metrics.render(format: format, outcome: "invalid")
      return .failure(SettledResponse(json(.unprocessableContent, ProblemJSON(ok: false, diagnostics: diagnostics.map(DiagnosticJSON.init)))))
    case .done(.failure(.failure(let message))):
      metrics.render(format: format, outcome: "failed")
      return .failure(SettledResponse(json(.internalServerError, ProblemJSON(error: message))))
    case .done(.success(let value)):
      metrics.render(format: format, outcome: "ok")
      return .success(value)
    }
  }

  func busy() -> Response {
    var response = json(
      .serviceUnavailable,
      ProblemJSON(error: "every worker is busy and \(pool.queueLimit) requests are waiting; try again shortly"))
    response.headers[.retryAfter] = "1"
    return response
  }

  func timedOut() -> Response {
    var response = json(
      .serviceUnavailable, ProblemJSON(error: "the render took longer than the time limit of \(options.timeLimit) s"))
    response.headers[.retryAfter] = "5"
    return response
  }
}

struct SettledResponse: Error {
  let response: Response
  init(_ response: Response) { self.response = response }
}

struct Drawn: Sendable {
  var bytes: [UInt8]?
  var pageCount: Int
  var warnings: Int
  var plan: Plan
}

struct ValidateOutcome: Sendable {
  var ok: Bool
  var diagnostics: [Diagnostic]
}

struct EmailOutcome: Sendable {
  var message: [UInt8]
  var plan: Plan
  var warnings: Int
}

struct HealthJSON: Encodable {
  var status: String
  var version: String
  var workers: Int
  var busy: Int
  var queue: Int
  var queueLimit: Int
}

/// `<client>-<date>.<extension>` as `render` names its output, in the ASCII a header can carry.
func downloadName(_ plan: Plan, extension pathExtension: String) -> String {
  let base = URL(fileURLWithPath: defaultOutputPath(for: plan, format: .pdf)).deletingPathExtension().lastPathComponent
  let safe = String(base.unicodeScalars.filter { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-_.".unicodeScalars.contains($0)) }.map(Character.init))
  return (safe.isEmpty ? "handout" : safe) + "." + pathExtension
}

func json(_ status: HTTPResponse.Status, _ value: some Encodable) -> Response {
  bytes(encodeJSON(value), type: "application/json", status: status)
}

func bytes(_ body: [UInt8], type: String, status: HTTPResponse.Status = .ok) -> Response {
  Response(status: status, headers: [.contentType: type], body: .init(byteBuffer: ByteBuffer(bytes: body)))
}
