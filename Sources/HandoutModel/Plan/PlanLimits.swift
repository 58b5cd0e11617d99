/// The limits on a plan, checked before any work is done with it, so that every input takes
/// bounded time and memory: a refusal names the JSON path and the limit.
///
/// Each is far above what a real plan holds (the reference plan is 6 KB, its longest text 400
/// characters) and low enough that the largest accepted plan renders in seconds.
public enum PlanLimits {
  /// A plan file, an NDJSON record or standard input, in bytes. The text limit below makes a
  /// plan of more than about 1 MB impossible; 4 MB leaves room for indentation and keys.
  public static let fileBytes = 4 * 1_048_576
  /// The therapist's notes, in characters: about 8,000 words.
  public static let notesCharacters = 50_000
  /// Longer texts: descriptions, answers, summaries, a step.
  public static let longTextCharacters = 5_000
  /// Any other text: names, titles, addresses, list items.
  public static let textCharacters = 1_000
  /// Items in any list: techniques, home care, FAQ, goals, steps, session history.
  public static let listItems = 200
  /// An unbroken run of characters with no space (a pasted hash, a long URL): line breaking
  /// such a run costs time in proportion to its square.
  public static let unbrokenCharacters = 2_000
  /// All the text of a plan together, in characters: about 60 pages.
  public static let totalTextCharacters = 200_000
  /// Pages in one document.
  public static let pages = 60
}
