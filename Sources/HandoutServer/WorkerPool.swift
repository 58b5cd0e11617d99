import Foundation
import HandoutKit

/// A fixed set of worker threads, each owning one ``Engine`` (engines are not thread-safe, and
/// each keeps its fonts and shaped catalogue warm), fed from one bounded queue.
///
/// ``submit(_:)`` never waits for room: when every worker is busy and `queueLimit` jobs are
/// already waiting, it answers ``Outcome/queueFull`` at once, which the routes turn into 503
/// with `Retry-After`. A job that has waited past its deadline is dropped without running, and
/// its caller hears ``Outcome/timedOut`` when the deadline passes, whether or not a worker has
/// started it (a render in progress cannot be interrupted; its result is then thrown away).
public final class WorkerPool: @unchecked Sendable {
  public enum Outcome<T: Sendable>: Sendable {
    case done(T)
    case queueFull
    case timedOut
  }

  private struct Job {
    let deadline: DispatchTime
    let run: (Engine) -> Void
    let expire: () -> Void
  }

  private let condition = NSCondition()
  private var jobs: [Job] = []
  private var busy = 0
  private var stopping = false
  private var threads: [Thread] = []
  private var finished = 0
  public let queueLimit: Int
  public let workerCount: Int
  let timeLimit: Double

  /// `workers` threads, each making its engine with `makeEngine` on that thread (an engine
  /// sets the thread's default Pango font map, which librsvg draws logo text with); `timeLimit`
  /// seconds per request, queueing included. Fails as the first engine that cannot be made.
  public init(
    workers: Int, queueLimit: Int, timeLimit: Double, makeEngine: @escaping @Sendable () throws(HandoutError) -> Engine
  ) throws(HandoutError) {
    self.queueLimit = queueLimit
    self.workerCount = max(1, workers)
    self.timeLimit = timeLimit
    let started = DispatchSemaphore(value: 0)
    let failure = FailureBox()
    for index in 0..<workerCount {
      let thread = Thread { [unowned self] in
        let engine: Engine
        do throws(HandoutError) {
          engine = try makeEngine()
        } catch {
          failure.set(error)
          started.signal()
          self.finish()
          return
        }
        started.signal()
        self.work(engine)
      }
      thread.name = "handout-worker-\(index + 1)"
      thread.stackSize = 8 << 20
      threads.append(thread)
    }
    for thread in threads { thread.start() }
    for _ in threads { started.wait() }
    if let error = failure.error {
      drain()
      throw error
    }
  }

  /// How many jobs wait for a worker.
  public var queueDepth: Int {
    condition.lock(); defer { condition.unlock() }
    return jobs.count
  }

  /// How many workers are rendering.
  public var busyWorkers: Int {
    condition.lock(); defer { condition.unlock() }
    return busy
  }

  /// Runs `body` on a worker's engine, or says why it did not.
  public func submit<T: Sendable>(_ body: @escaping @Sendable (Engine) -> T) async -> Outcome<T> {
    let once = Once<Outcome<T>>()
    return await withCheckedContinuation { continuation in
      once.continuation = continuation
      let deadline = DispatchTime.now() + timeLimit
      let job = Job(
        deadline: deadline,
        run: { engine in
          guard !once.isDone else { return }
          let value = body(engine)
          once.resume(.done(value))
        },
        expire: { once.resume(.timedOut) })
      condition.lock()
      // Room for one job per worker plus `queueLimit` waiting.
      let room = !stopping && busy + jobs.count < workerCount + queueLimit
      if room { jobs.append(job) }
      condition.signal()
      condition.unlock()
      guard room else {
        once.resume(.queueFull)
        return
      }
      DispatchQueue.global().asyncAfter(deadline: deadline) { once.resume(.timedOut) }
    }
  }

  private func work(_ engine: Engine) {
    while true {
      condition.lock()
      while jobs.isEmpty, !stopping { condition.wait() }
      if jobs.isEmpty, stopping {
        condition.unlock()
        finish()
        return
      }
      let job = jobs.removeFirst()
      busy += 1
      condition.unlock()
      if DispatchTime.now() < job.deadline { job.run(engine) } else { job.expire() }
      condition.lock()
      busy -= 1
      condition.broadcast()
      condition.unlock()
    }
  }

  private func finish() {
    condition.lock()
    finished += 1
    condition.broadcast()
    condition.unlock()
  }

  /// Lets the queued and running jobs finish, then ends the workers; new jobs are refused.
  public func drain() {
    condition.lock()
    stopping = true
    condition.broadcast()
    while finished < threads.count { condition.wait() }
    condition.unlock()
  }
}

/// The first error of the engines' start.
private final class FailureBox: @unchecked Sendable {
  private let lock = NSLock()
  private(set) var error: HandoutError?
  func set(_ error: HandoutError) {
    lock.lock(); defer { lock.unlock() }
    if self.error == nil { self.error = error }
  }
}

/// A continuation resumed once, by whichever of the worker and the timer comes first.
private final class Once<T: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  var continuation: CheckedContinuation<T, Never>?
  private var done = false

  var isDone: Bool {
    lock.lock(); defer { lock.unlock() }
    return done
  }

  func resume(_ value: T) {
    lock.lock()
    guard !done, let continuation else { lock.unlock(); return }
    done = true
    self.continuation = nil
    lock.unlock()
    continuation.resume(returning: value)
  }
}
