/// One of `count` parts of a batch: the plans whose position in the batch (counted from 0
/// across all inputs, in order) leaves `index` when divided by `count`.
///
/// The partition depends only on the inputs and their order, so `count` machines given the
/// same inputs and the indices 0 to count−1 render every plan exactly once between them.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
  public var index: Int
  public var count: Int

  /// The whole batch.
  public static let whole = Shard(index: 0, count: 1)

  public init(index: Int, count: Int) {
    self.index = index
    self.count = count
  }

  /// Reads `i/n` with 0 ≤ i < n, as `--shard` takes it; `nil` otherwise.
  public init?(_ text: String) {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1,
      (0..<count).contains(index)
    else { return nil }
    self.init(index: index, count: count)
  }

  /// Whether the plan at `position` (from 0) belongs to this shard.
  public func contains(_ position: Int) -> Bool {
    position % count == index
  }

  public var description: String { "\(index)/\(count)" }
}
