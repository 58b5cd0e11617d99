import Foundation

/// A limit on how fast messages go out (`--rate 30/min`), shared by every worker: messages
/// leave evenly spaced, the first at once.
public final class SendRate: @unchecked Sendable {
  /// Seconds between two messages.
  public let interval: Double
  private let lock = NSLock()
  private var next: UInt64 = 0

  /// A rate written `N/s`, `N/min` or `N/h`; `nil` for anything else or a rate that is not positive.
  public init?(_ text: String) {
    let parts = text.lowercased().split(separator: "/")
    guard parts.count == 2, let count = Double(parts[0]), count > 0, count.isFinite else { return nil }
    let seconds: Double
    switch parts[1] {
    case "s", "sec", "second": seconds = 1
    case "min", "minute", "m": seconds = 60
    case "h", "hour": seconds = 3600
    default: return nil
    }
    interval = seconds / count
  }

  /// Waits until this message's turn.
  public func wait() {
    let now = DispatchTime.now().uptimeNanoseconds
    lock.lock()
    let slot = max(now, next)
    next = slot + UInt64(interval * 1e9)
    lock.unlock()
    if slot > now { usleep(useconds_t(min(Double(slot - now) / 1e3, Double(UInt32.max)))) }
  }
}
