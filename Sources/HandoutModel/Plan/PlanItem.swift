/// An entry of `techniques`, `homeCare`, `faq` or `benefits`.
///
/// In JSON an entry is a catalogue id (`"walking"`), an object with an id and personal details
/// (`{"id": "walking", "note": "…"}`), or a custom entry with its own text
/// (`{"title": "…", "description": "…"}`, `{"question": "…", "answer": "…"}`).
public struct PlanItem: Sendable, Hashable, Codable {
  /// The catalogue id, `nil` for a custom entry.
  public var id: String?
  /// A personal note from the therapist.
  public var note: String?
  public var title: String?
  public var description: String?
  public var steps: [String]?
  public var question: String?
  public var answer: String?
  /// Home care only: what the client should feel, for an entry with its own text.
  public var feel: String?
  /// Home care only: a video of the movement, printed as a QR code on the card.
  public var videoUrl: String?
  /// Home care only: the dosage and side, replacing the catalogue's default.
  public var dosage = Dosage()

  public init(id: String? = nil) { self.id = id }

  /// Whether this entry brings its own text instead of naming a catalogue entry.
  public var isCustom: Bool { id == nil }
}

/// How much of a home-care exercise to do.
public struct Dosage: Sendable, Hashable, Codable {
  public var side: BodySide?
  /// How long to hold each repetition, in seconds.
  public var holdSeconds: Int?
  public var repetitions: Int?
  public var perDay: Int?
  public var sets: Int?
  /// Rest between repetitions or sets, in seconds.
  public var restSeconds: Int?
  /// How long each time, in seconds: a walk, a heat pack, a break, slow breathing.
  public var durationSeconds: Int?
  /// The time from one to the next, in seconds: a break every 45 minutes.
  public var everySeconds: Int?
  /// When to do it, in the plan's language; `;` separates phrases ("cold after a flare-up;
  /// heat before you stretch").
  public var when: String?
  /// How many slow breaths.
  public var breaths: Int?

  /// The field names of plans and catalogue files; times are in seconds.
  enum CodingKeys: String, CodingKey {
    case side
    case holdSeconds = "hold"
    case repetitions = "repeat"
    case perDay, sets
    case restSeconds = "rest"
    case durationSeconds = "duration"
    case everySeconds = "every"
    case when, breaths
  }

  public init() {}

  /// Whether no part of the dosage is given.
  public var isEmpty: Bool { side == nil && amountIsEmpty }

  /// Whether no amount is given (the side aside).
  public var amountIsEmpty: Bool {
    holdSeconds == nil && repetitions == nil && perDay == nil && sets == nil && restSeconds == nil
      && durationSeconds == nil && everySeconds == nil && when == nil && breaths == nil
  }

  /// The plan's dose over the catalogue's `defaults`, which fill only what the plan leaves
  /// out. How often (`perDay`, `every`, `when`) and how much breathing (`duration`, `breaths`)
  /// are each taken whole from the plan when it gives any of them, so that the two never mix
  /// into a dose nobody prescribed ("every 45 minutes" beside a default "8 times a day").
  public func replacing(_ defaults: Dosage) -> Dosage {
    var result = filled(from: defaults)
    if perDay != nil || everySeconds != nil || when != nil {
      result.perDay = perDay
      result.everySeconds = everySeconds
      result.when = when
    }
    if durationSeconds != nil || breaths != nil {
      result.durationSeconds = durationSeconds
      result.breaths = breaths
    }
    return result
  }

  /// This dosage, with the parts it lacks taken from `defaults`.
  public func filled(from defaults: Dosage) -> Dosage {
    var result = self
    result.side = side ?? defaults.side
    result.holdSeconds = holdSeconds ?? defaults.holdSeconds
    result.repetitions = repetitions ?? defaults.repetitions
    result.perDay = perDay ?? defaults.perDay
    result.sets = sets ?? defaults.sets
    result.restSeconds = restSeconds ?? defaults.restSeconds
    result.durationSeconds = durationSeconds ?? defaults.durationSeconds
    result.everySeconds = everySeconds ?? defaults.everySeconds
    result.when = when ?? defaults.when
    result.breaths = breaths ?? defaults.breaths
    return result
  }
}
