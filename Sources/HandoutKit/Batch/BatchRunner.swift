import Foundation
import HandoutModel

/// What a batch renders and where it writes.
public struct BatchOptions: Sendable {
  /// Plan files, folders of plan files (`.json`, `.ndjson`, `.jsonl`), or `-` for standard input.
  public var inputs: [String]
  public var outputDirectory = "Output"
  public var nameTemplate = OutputNamer.defaultTemplate
  /// Worker threads, each with its own engine and font map.
  public var jobs = ProcessInfo.processInfo.activeProcessorCount
  public var shard = Shard.whole
  /// Skip plans whose output is already complete.
  public var resumes = false
  /// Write an email (`.eml`) beside each PDF.
  public var writesEmail = false
  /// A file for one JSON line per plan.
  public var reportPath: String?
  /// Layout, paper, large print, strictness and dates for every plan; its plan bytes are unused.
  public var request = RenderRequest(plan: [], planPath: nil)
  public var fontDirectories: [String] = []
  public var catalogFile: String?
  /// Print every plan rendered on this printer.
  public var printer: Printer?
  /// Send every plan rendered by email through this mail system, keeping a ``SendLedger``.
  public var mailer: Mailer?
  /// Send plans the ledger records as sent, too.
  public var sendsAgain = false
  /// Say what would be printed and sent; print and send nothing.
  public var isDryRun = false
  /// How fast emails go out.
  public var sendRate: SendRate?

  public init(inputs: [String]) {
    self.inputs = inputs
  }
}

/// Renders many plans: reads them one at a time, hands them to worker threads that each own an
/// engine, writes every file atomically and reports each plan as it finishes.
///
/// Memory stays flat: the reader holds one plan, the queue a few per worker, and the namer a
/// number per distinct output name.
public final class BatchRunner {
  public let options: BatchOptions
  private let observer: @Sendable (BatchOutcome, BatchProgress) -> Void

  /// `observer` hears of every plan as it finishes, one call at a time.
  public init(options: BatchOptions, observer: @escaping @Sendable (BatchOutcome, BatchProgress) -> Void) {
    self.options = options
    self.observer = observer
  }

  /// The input files: files as given, the plan files of folders in name order.
  public static func expand(_ inputs: [String]) throws(HandoutError) -> [String] {
    var files: [String] = []
    var problems: [Diagnostic] = []
    for input in inputs {
      if input == "-" {
        files.append(input)
        continue
      }
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
        problems.append(Diagnostic(.error, .noSuchInput, file: input))
        continue
      }
      guard isDirectory.boolValue else {
        files.append(input)
        continue
      }
      let entries = (try? FileManager.default.contentsOfDirectory(atPath: input)) ?? []
      let plans = entries.filter { name in
        // A schema kept beside the plans for editors (plan.schema.json) is not a plan.
        !name.hasPrefix(".") && !name.lowercased().hasSuffix(".schema.json")
          && [".json", ".ndjson", ".jsonl"].contains { name.lowercased().hasSuffix($0) }
      }
      if plans.isEmpty {
        problems.append(
          Diagnostic(.error, .folderHoldsNoPlans, file: input))
      }
      let folder = input.hasSuffix("/") ? String(input.dropLast()) : input
      files += plans.sorted().map { folder + "/" + $0 }
    }
    if inputs.filter({ $0 == "-" }).count > 1 {
      problems.append(Diagnostic(.error, .standardInputNamedTwice, file: "-"))
    }
    guard problems.isEmpty else { throw .invalidInput(problems) }
    return files
  }

  /// How many plans of this shard the input files hold; `nil` when one is standard input.
  public static func count(_ files: [String], shard: Shard) -> Int? {
    guard !files.contains("-") else { return nil }
    var position = 0
    var count = 0
    for file in files {
      guard let reader = try? RecordReader(path: file) else { continue }
      for _ in reader {
        if shard.contains(position) { count += 1 }
        position += 1
      }
    }
    return count
  }

  /// Why the output folder cannot be written to, after making it if need be; `nil` when it can.
  /// Checked before the first plan, so a locked folder stops the batch at once (exit 1).
  static func outputFolderProblem(_ folder: String) -> String? {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
      guard isDirectory.boolValue else { return "the output folder \(folder) is a file" }
    } else {
      // Made one level at a time, so the message names the reason (strerror) for the level that fails.
      var prefix = folder.hasPrefix("/") ? "/" : ""
      for component in folder.split(separator: "/") {
        prefix += (prefix.isEmpty || prefix.hasSuffix("/") ? "" : "/") + component
        if mkdir(prefix, 0o777) != 0, errno != EEXIST {
          return "cannot create the output folder \(folder): \(String(cString: strerror(errno)))"
        }
      }
    }
    guard access(folder, W_OK | X_OK) == 0 else {
      return "cannot write into the output folder \(folder): \(String(cString: strerror(errno)))"
    }
    return nil
  }

  /// Runs the batch to its end; the progress returned holds the final counts.
  public func run(total: Int? = nil) throws(HandoutError) -> BatchProgress {
    let files = try Self.expand(options.inputs)
    // The first engine is made here, so a bad catalogue or missing fonts stop the batch at once.
    let engine = try Engine(fontDirectories: options.fontDirectories, catalogFile: options.catalogFile)
    // A bad layout or an output folder that cannot be made would fail every plan: stop now.
    if let layout = options.request.layout { _ = try engine.layoutSpec(layout) }
    if let problem = Self.outputFolderProblem(options.outputDirectory) { throw .failure(problem) }
    let ledger = try openLedger()
    let report: FileHandle?
    if let path = options.reportPath {
      guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
        throw .failure("cannot create the report file \(path)")
      }
      report = handle
    } else {
      report = nil
    }
    defer { try? report?.close() }

    removeAbandonedTemporaryFiles(in: options.outputDirectory)
    let collector = Collector(total: total, report: report, observer: observer)
    let queue = WorkQueue<Job>(capacity: max(2, options.jobs * 2))
    let options = self.options
    let workers = DispatchGroup()
    let startup = WorkerStartup()
    for _ in 1..<max(1, options.jobs) {
      workers.enter()
      let thread = Thread {
        defer { workers.leave() }
        do {
          let own = try Engine(fontDirectories: options.fontDirectories, catalogFile: options.catalogFile)
          Self.work(queue: queue, engine: own, options: options, ledger: ledger, collector: collector)
        } catch {
          startup.fail("\(error)")
          queue.close()
        }
      }
      thread.stackSize = 8 << 20
      thread.start()
    }
    workers.enter()
    let producer = Thread {
      Self.produce(files: files, options: options, ledger: ledger, queue: queue, collector: collector)
      queue.close()
      workers.leave()
    }
    producer.stackSize = 8 << 20
    producer.start()
    Self.work(queue: queue, engine: engine, options: options, ledger: ledger, collector: collector)
    // The producer closes the queue at its end; the workers then finish what they hold.
    workers.wait()
    if let message = startup.failure { throw .failure("a worker could not start: \(message)") }
    return collector.finish()
  }

  /// The send ledger of the output folder, when sending; it refuses a second run that would
  /// send again what was sent, unless resuming or asked to send again.
  private func openLedger() throws(HandoutError) -> SendLedger? {
    guard options.mailer != nil else { return nil }
    let ledger = try SendLedger(folder: options.outputDirectory, writes: !options.isDryRun)
    let (sent, unconfirmed) = ledger.delivered
    if sent + unconfirmed > 0, !options.resumes, !options.sendsAgain {
      throw .invalidInput([Diagnostic(.error, .wouldSendAgain(sent: sent, unconfirmed: unconfirmed), file: ledger.path)])
    }
    return ledger
  }

  /// Deletes the temporary files a killed batch left behind (`.name.pdf.PID-N.tmp` whose
  /// process is gone); those of a batch still running stay.
  private func removeAbandonedTemporaryFiles(in folder: String) {
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    for entry in entries where entry.hasPrefix(".") && entry.hasSuffix(".tmp") {
      let parts = entry.dropLast(4).split(separator: ".").last?.split(separator: "-")
      guard let pid = parts?.first.flatMap({ Int32($0) }), parts?.count == 2 else { continue }
      if kill(pid, 0) != 0, errno == ESRCH { unlink(folder + "/" + entry) }
    }
  }

  /// One plan to render, with the names its files get.
  struct Job: Sendable {
    var record: PlanRecord
    /// The plan as parsed to name it, when the name needed it: the engine reuses it.
    var parsed: JSONValue?
    /// The output name, without folder or extension: the plan's key in the send ledger.
    var name: String
    var pdfPath: String
    var emailPath: String?
    /// Send the plan's email: sending was asked for and the ledger has not recorded it sent.
    var sends = false
    /// What the ledger holds for a plan it will not send again.
    var ledgerEntry: SendLedger.Entry?
  }

  /// Reads every input, names every plan (those of other shards too, so names agree between
  /// shards) and queues the plans of this shard.
  private static func produce(
    files: [String], options: BatchOptions, ledger: SendLedger?, queue: WorkQueue<Job>, collector: Collector
  ) {
    let today = String(isoDate(options.request.sourceDateEpoch ?? HandoutKit.today()).prefix(10))
    var namer = OutputNamer(template: options.nameTemplate, today: today)
    var position = 0
    let folder = options.outputDirectory.hasSuffix("/") ? String(options.outputDirectory.dropLast()) : options.outputDirectory
    for file in files {
      let reader: RecordReader
      do {
        reader = try RecordReader(path: file)
      } catch {
        collector.add(BatchOutcome(
          input: file, record: 0, line: 0, status: .failed, milliseconds: 0,
          diagnostics: error.diagnostics))
        continue
      }
      for record in reader {
        defer { position += 1 }
        let plan = namer.readsPlan ? try? JSONReader.parse(record.bytes) : nil
        let name = namer.name(for: record, plan: plan, ordinal: position + 1)
        guard options.shard.contains(position) else { continue }
        var job = Job(
          record: record, parsed: plan, name: name, pdfPath: folder + "/" + name + ".pdf",
          emailPath: options.writesEmail ? folder + "/" + name + ".eml" : nil)
        job.sends = options.mailer != nil
        // Sent, or handed over without an answer: never sent again unless asked.
        if job.sends, !options.sendsAgain, let entry = ledger?.entry(for: name), entry.status != .failed {
          job.sends = false
          job.ledgerEntry = entry
        }
        if options.resumes, !job.sends, isCompletePDF(at: job.pdfPath),
          job.emailPath.map({ FileManager.default.fileExists(atPath: $0) }) ?? true
        {
          var outcome = BatchOutcome(
            input: record.input, record: record.number, line: record.start.line, output: job.pdfPath,
            email: job.emailPath, status: .skipped, milliseconds: 0, diagnostics: [])
          outcome.note(job.ledgerEntry)
          collector.add(outcome)
          continue
        }
        guard queue.push(job) else { return }
      }
      if let problem = reader.readError {
        collector.add(BatchOutcome(
          input: file, record: 0, line: 0, status: .failed, milliseconds: 0,
          diagnostics: [Diagnostic(.error, .cannotReadFurther(reason: problem), file: file)]))
      }
    }
  }

  /// Renders queued plans until the queue is closed and empty.
  private static func work(
    queue: WorkQueue<Job>, engine: Engine, options: BatchOptions, ledger: SendLedger?, collector: Collector
  ) {
    while let job = queue.pop() {
      collector.add(render(job, engine: engine, options: options, ledger: ledger))
    }
  }

  private static func render(_ job: Job, engine: Engine, options: BatchOptions, ledger: SendLedger?) -> BatchOutcome {
    let started = DispatchTime.now().uptimeNanoseconds
    let record = job.record
    var outcome = BatchOutcome(
      input: record.input, record: record.number, line: record.start.line, status: .failed,
      milliseconds: 0, diagnostics: [])
    var request = options.request
    request.plan = record.bytes
    request.parsedPlan = job.parsed
    request.planPath = record.planPath
    request.format = .pdf
    request.isEmail = job.emailPath != nil || options.mailer != nil
    do {
      let result = try engine.render(request)
      let pdf = result.files[0]
      var message: [UInt8]?
      if job.emailPath != nil || job.sends {
        message = try engine.email(
          for: result.plan, attaching: pdf, named: URL(fileURLWithPath: job.pdfPath).lastPathComponent,
          sourceDateEpoch: options.request.sourceDateEpoch, file: record.planPath)
      }
      // The email goes first: a PDF on disk then means both files are there, which is what
      // `--resume` looks for.
      if let emailPath = job.emailPath, let message {
        try writeAtomically(message, to: emailPath)
      }
      try writeAtomically(pdf, to: job.pdfPath)
      outcome.status = .ok
      outcome.output = job.pdfPath
      outcome.email = job.emailPath
      outcome.pages = result.pageCount
      outcome.bytes = pdf.count
      outcome.diagnostics = record.locatingInInput(result.warnings)
      outcome.note(job.ledgerEntry)
      do {
        try deliver(
          pdf, message: job.sends ? message : nil, result: result, request: request, job: job, engine: engine,
          options: options, ledger: ledger, outcome: &outcome)
      } catch {
        outcome.status = .failed
        outcome.diagnostics += record.locatingInInput([Diagnostic(.error, .unavailable(error.message, hint: error.hint))])
      }
    } catch let error as HandoutError {
      outcome.diagnostics = record.locatingInInput(error.diagnostics)
    } catch {
      outcome.diagnostics = [Diagnostic(.error, .failure("\(error)"), file: record.input)]
    }
    outcome.milliseconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6
    return outcome
  }
}

extension HandoutError {
  /// The error as diagnostics.
  public var diagnostics: [Diagnostic] {
    switch self {
    case .invalidInput(let diagnostics): diagnostics
    case .failure(let message): [Diagnostic(.error, .failure(message))]
    }
  }
}

/// Gathers outcomes from every thread: counts, report lines, the observer.
private final class Collector: @unchecked Sendable {
  private let lock = NSLock()
  private var progress: BatchProgress
  private let report: FileHandle?
  private let observer: @Sendable (BatchOutcome, BatchProgress) -> Void
  private let started = DispatchTime.now().uptimeNanoseconds

  init(total: Int?, report: FileHandle?, observer: @escaping @Sendable (BatchOutcome, BatchProgress) -> Void) {
    progress = BatchProgress(total: total)
    self.report = report
    self.observer = observer
  }

  func add(_ outcome: BatchOutcome) {
    lock.lock()
    defer { lock.unlock() }
    switch outcome.status {
    case .ok:
      progress.rendered += 1
      if !outcome.diagnostics.isEmpty { progress.warned += 1 }
    case .failed: progress.failed += 1
    case .skipped: progress.skipped += 1
    }
    if outcome.printJob != nil { progress.printed += 1 }
    switch outcome.mail {
    case .sent: progress.sent += 1
    case .alreadySent: progress.alreadySent += 1
    case .unconfirmed: progress.unconfirmed += 1
    case .wouldSend, nil: break
    }
    progress.seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
    report?.write(Data((outcome.jsonLine() + "\n").utf8))
    observer(outcome, progress)
  }

  func finish() -> BatchProgress {
    lock.lock()
    defer { lock.unlock() }
    progress.seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
    return progress
  }
}

/// Remembers why a worker thread could not start.
private final class WorkerStartup: @unchecked Sendable {
  private let lock = NSLock()
  private var message: String?

  func fail(_ text: String) {
    lock.lock()
    defer { lock.unlock() }
    message = message ?? text
  }

  var failure: String? {
    lock.lock()
    defer { lock.unlock() }
    return message
  }
}
