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
  /// Home care only: the dosage and side, overriding the catalogue's defaults.
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

  /// The field names of plans and catalogue files; times are in seconds.
  enum CodingKeys: String, CodingKey {
    case side
    case holdSeconds = "hold"
    case repetitions = "repeat"
    case perDay, sets
    case restSeconds = "rest"
  }

  public init() {}

  /// Whether no part of the dosage is given.
  public var isEmpty: Bool {
    side == nil && holdSeconds == nil && repetitions == nil && perDay == nil && sets == nil
      && restSeconds == nil
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
    return result
  }
}
