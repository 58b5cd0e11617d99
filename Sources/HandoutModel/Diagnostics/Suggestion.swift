/// Finds the candidate closest to a misspelt word, for "did you mean …" hints.
public enum Suggestion {
  /// The candidate nearest to `word`, when it is near enough to be a likely typo.
  public static func nearest(to word: String, in candidates: some Sequence<String>) -> String? {
    let allowed = max(1, min(3, word.count / 3))
    // A word far longer than any id is no typo of one, and the distance costs length × length.
    guard word.count <= 100 else { return nil }
    let lowered = word.lowercased()
    var best: (candidate: String, distance: Int)?
    for candidate in candidates {
      // Lengths that differ by more than the allowed distance cannot be within it.
      guard abs(candidate.count - word.count) <= allowed else { continue }
      let distance = editDistance(lowered, candidate.lowercased())
      if distance < (best?.distance ?? .max) { best = (candidate, distance) }
    }
    guard let best else { return nil }
    return best.distance <= allowed ? best.candidate : nil
  }

  /// The Levenshtein distance between two strings, counted in characters.
  public static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    var previous = Array(0...b.count)
    var current = previous
    for i in 1...a.count {
      current[0] = i
      for j in 1...max(b.count, 1) where !b.isEmpty {
        let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
        current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}
