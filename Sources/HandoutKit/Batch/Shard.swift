/// One of `count` parts of a batch: the plans whose position in the batch (counted from 0
/// across all inputs, in order) leaves `index` when divided by `count`.
///
/// The partition depends only on the inputs and their order, so `count` machines given the
/// same inputs and the shards 1/count to count/count render every plan exactly once between
/// them. `index` is 0-based inside; `--shard` and ``description`` are 1-based.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
  public var index: Int
  public var count: Int

  /// The whole batch.
  public static let whole = Shard(index: 0, count: 1)

  public init(index: Int, count: Int) {
    self.index = index
    self.count = count
  }

  /// Reads `i/n` with 1 ≤ i ≤ n, as `--shard` takes it (1-based, as Playwright, Jest and
  /// Vitest count shards); `nil` otherwise.
  public init?(_ text: String) {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, let number = Int(parts[0]), let count = Int(parts[1]), count >= 1,
      (1...count).contains(number)
    else { return nil }
    self.init(index: number - 1, count: count)
  }

  /// Why `text` is not a shard, for `--shard`'s error; `nil` when it is one.
  public static func problem(in text: String) -> String? {
    guard Shard(text) == nil else { return nil }
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    if parts.count == 2, parts[0] == "0", let count = Int(parts[1]), count >= 1 {
      return "--shard counts from 1, as Playwright and Jest do: the first of \(count) shards is 1/\(count), the last \(count)/\(count)"
    }
    return "--shard must be i/n with 1 ≤ i ≤ n, such as 1/4; not \(text)"
  }

  /// Whether the plan at `position` (from 0) belongs to this shard.
  public func contains(_ position: Int) -> Bool {
    position % count == index
  }

  /// The shard as `--shard` writes it: 1-based.
  public var description: String { "\(index + 1)/\(count)" }
}
