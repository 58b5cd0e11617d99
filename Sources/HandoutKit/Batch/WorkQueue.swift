import Foundation

/// A first-in, first-out queue between threads that holds at most `capacity` items: `push`
/// waits while it is full, `pop` while it is empty, so a fast reader cannot run ahead of the
/// workers and fill memory.
final class WorkQueue<Item: Sendable>: @unchecked Sendable {
  private let condition = NSCondition()
  private var items: [Item] = []
  private var head = 0
  private var isClosed = false
  let capacity: Int

  init(capacity: Int) {
    self.capacity = capacity
  }

  /// Adds an item, waiting for room; `false` if the queue was closed.
  func push(_ item: Item) -> Bool {
    condition.lock()
    defer { condition.unlock() }
    while items.count - head >= capacity, !isClosed { condition.wait() }
    guard !isClosed else { return false }
    items.append(item)
    condition.broadcast()
    return true
  }

  /// The next item, waiting for one; `nil` once the queue is closed and empty.
  func pop() -> Item? {
    condition.lock()
    defer { condition.unlock() }
    while head == items.count, !isClosed { condition.wait() }
    guard head < items.count else { return nil }
    let item = items[head]
    head += 1
    if head > 64, head * 2 > items.count {
      items.removeFirst(head)
      head = 0
    }
    condition.broadcast()
    return item
  }

  /// No more items will come: waiting pops return `nil` once the queue is empty.
  func close() {
    condition.lock()
    defer { condition.unlock() }
    isClosed = true
    condition.broadcast()
  }
}
