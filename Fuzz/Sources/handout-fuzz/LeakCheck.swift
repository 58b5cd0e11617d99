/// A leak check that needs no sanitizer: the same input run many times in a row
/// (`handout-fuzz -runs=N FILE…` with `HANDOUT_FUZZ_LEAK_RUNS=N`) must not make the process's
/// anonymous memory grow steadily once it is warm. Caches hold the same entries after the first
/// runs, so what grows in both halves of the run is memory each render keeps: a Pango layout, a
/// Cairo surface or a Swift object not released. A single step (the allocator taking a new
/// region) grows one half only. scripts/fuzz fixes glibc's mmap threshold
/// (`MALLOC_MMAP_THRESHOLD_`) so that the allocator does not move it during the run.
///
/// LeakSanitizer cannot be used honestly here: it reports Swift values held in enums as leaks
/// (Swift keeps an enum's tag in the pointer's spare bits), and fontconfig's patterns, which
/// hold offsets instead of pointers.
struct LeakCheck {
  /// How many runs of each input; 0 turns the check off.
  let runs: Int
  /// Runs before the baseline is taken: caches fill, the allocator settles.
  var warmRuns: Int { runs / 5 }
  /// The growth allowed in each half of the measured runs, in bytes a run: a leaked Pango layout
  /// or Cairo surface is tens of kilobytes.
  let allowedBytesPerRun = 4096

  private var current: Int?
  private var count = 0
  private var samples: [Int] = []

  init(runs: Int) { self.runs = runs }

  /// Called after each input with its hash; stops the process when an input's memory grew.
  mutating func record(input hash: Int, bytes: Int, options: String) {
    guard runs >= 10 else { return }
    if hash != current { current = hash; count = 0; samples = [] }
    count += 1
    let half = (runs - warmRuns) / 2
    guard [warmRuns, warmRuns + half, warmRuns + 2 * half].contains(count) else { return }
    samples.append(Harness.status("RssAnon"))
    guard samples.count == 3 else { return }
    let first = (samples[1] - samples[0]) * 1024 / half
    let second = (samples[2] - samples[1]) * 1024 / half
    let line = "handout-fuzz: leak check: \(bytes) bytes, \(options): anonymous memory grew"
      + " \(samples[1] - samples[0]) kB, then \(samples[2] - samples[1]) kB over two sets of \(half) runs"
      + " (\(first), \(second) bytes a run)"
    if first > allowedBytesPerRun, second > allowedBytesPerRun { Invariants.fail(line) }
    print(line)
  }
}
