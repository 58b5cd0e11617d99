import Foundation

/// How `handout serve` runs: where it listens and the limits it holds every request to.
public struct ServeOptions: Sendable {
  public var host = "127.0.0.1"
  /// 0 lets the kernel choose a free port; the line printed on start names it.
  public var port = 8080
  /// Worker threads, each with its own engine.
  public var workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
  /// Requests that may wait for a worker; one more is answered 503 with `Retry-After`.
  public var queueLimit = 32
  /// The largest request body read, in bytes; a larger one is answered 413.
  public var bodyLimit = 1_048_576
  /// Seconds a render may take, waiting in the queue included.
  public var timeLimit: Double = 30
  /// The bearer token every `/v1/` request and `/metrics` must carry; `nil` for none.
  public var token: [UInt8]?
  /// The folder a plan's `clinic.logo` is read from; without it no plan can name a file.
  public var assetsDirectory: String?
  public var fontDirectories: [String] = []
  /// A catalogue file on top of the built-in one, as `--catalog` of `render`.
  public var catalogFile: String?
  /// `SOURCE_DATE_EPOCH`, for creation dates that are the same on every run.
  public var sourceDateEpoch: Int?

  public init() {}
}
