import Foundation

/// The record of what a batch sent, kept beside its output as JSON lines, so that no plan's
/// email goes out twice.
///
/// Every message gets a `sending` line before it is handed to the mail system, and a `sent` or
/// `failed` line after. Each line is one `write` to a file opened for appending, flushed to disk
/// before the next step, so a killed batch leaves whole lines only (a torn last line after a
/// power cut is ignored). A plan whose last line is `sending` was handed over when the batch
/// died: the mail system may have taken it, so it is *unconfirmed* and is not sent again unless
/// asked.
public final class SendLedger: @unchecked Sendable {
  /// The ledger's file name in the output folder.
  public static let fileName = "send-ledger.jsonl"

  public enum Status: String, Codable, Sendable {
    /// Handed to the mail system; no answer recorded yet.
    case sending
    /// The mail system took it.
    case sent
    /// The mail system refused it; sending it again is safe.
    case failed
  }

  /// One line of the ledger.
  public struct Entry: Codable, Sendable {
    /// The plan's output name (its PDF's name without extension): the same plan gets the same
    /// name on every run of the batch.
    public var plan: String
    public var input: String
    public var record: Int
    public var to: String
    public var messageID: String
    public var status: Status
    /// UTC, ISO 8601.
    public var time: String
    /// The mail system's words, for a failed message.
    public var error: String?
  }

  public let path: String
  private let descriptor: Int32
  private let lock = NSLock()
  private var last: [String: Entry] = [:]

  /// Opens (or creates) the ledger in `folder` and reads what it holds; with `writes` false
  /// (a dry run) it only reads, and creates nothing.
  public init(folder: String, writes: Bool = true) throws(HandoutError) {
    path = (folder.hasSuffix("/") ? String(folder.dropLast()) : folder) + "/" + Self.fileName
    let existing = FileManager.default.contents(atPath: path)
    if let data = existing {
      let decoder = JSONDecoder()
      for line in data.split(separator: UInt8(ascii: "\n")) {
        guard let entry = try? decoder.decode(Entry.self, from: Data(line)) else { continue }
        last[entry.plan] = entry
      }
    }
    descriptor = writes ? open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600) : -1
    guard descriptor >= 0 || !writes else {
      throw .failure("cannot open the send ledger \(path): \(String(cString: strerror(errno)))")
    }
    // A torn last line ends without a newline: end it, so the next line stands on its own.
    if descriptor >= 0, let existing, let last = existing.last, last != UInt8(ascii: "\n") {
      var newline = UInt8(ascii: "\n")
      guard write(descriptor, &newline, 1) == 1 else {
        throw .failure("cannot write the send ledger \(path): \(String(cString: strerror(errno)))")
      }
    }
  }

  deinit {
    if descriptor >= 0 { close(descriptor) }
  }

  /// The last line recorded for `plan`.
  public func entry(for plan: String) -> Entry? {
    lock.lock()
    defer { lock.unlock() }
    return last[plan]
  }

  /// The plans whose email was sent, and those handed over without an answer.
  public var delivered: (sent: Int, unconfirmed: Int) {
    lock.lock()
    defer { lock.unlock() }
    let statuses = last.values.map(\.status)
    return (statuses.filter { $0 == .sent }.count, statuses.filter { $0 == .sending }.count)
  }

  /// Appends one line and flushes it to disk.
  public func record(_ entry: Entry) throws(HandoutError) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    guard let json = try? encoder.encode(entry) else { throw .failure("cannot encode a ledger line") }
    guard descriptor >= 0 else { throw .failure("the send ledger \(path) was opened for reading only") }
    let line = [UInt8](json) + [10]
    lock.lock()
    defer { lock.unlock() }
    let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress!, $0.count) }
    guard written == line.count, fsync(descriptor) == 0 else {
      throw .failure("cannot write the send ledger \(path): \(String(cString: strerror(errno)))")
    }
    last[entry.plan] = entry
  }
}

/// Now, as `2026-12-01T20:30:00Z`.
func utcTimestamp() -> String {
  let formatter = ISO8601DateFormatter()
  formatter.formatOptions = [.withInternetDateTime]
  return formatter.string(from: Date())
}
