/// A client's care plan, or a clinic's brochure: the input of every render.
///
/// The format is documented in `Docs/plan-format.md`; ``PlanReader`` reads and validates it.
public struct Plan: Sendable, Hashable, Codable {
  /// The version of the plan format; only 1 exists.
  public var format: Int = 1
  /// A built-in layout name (`take-home`) or a path to a layout file.
  public var layout: String?
  /// A BCP 47 language tag: labels, catalogue language and text direction.
  public var language: String = "en"
  /// The day the plan was written; also the PDF's creation date.
  public var date: CalendarDate?
  /// The title of a brochure; personal plans are titled from their labels.
  public var title: String?
  public var subtitle: String?
  public var clinic: Clinic?
  public var therapist: Therapist?
  public var client: Client?
  public var condition: Condition?
  public var goals: [String] = []
  public var sessions: Sessions?
  public var techniques: [PlanItem] = []
  public var homeCare: [PlanItem] = []
  public var faq: [PlanItem] = []
  public var benefits: [PlanItem] = []
  public var takeaways: [String] = []
  public var precautions: [String] = []
  public var notes: String?
  /// Whether the "when to seek medical care" box appears.
  public var showRedFlags: Bool = true

  public init() {}
}

/// The clinic that hands the plan out.
public struct Clinic: Sendable, Hashable, Codable {
  public var name: String
  public var phone: String?
  public var email: String?
  public var website: String?
  public var bookingUrl: String?
  public var address: String?
  public var brandColor: RGBColor?
  /// A path to an SVG, PNG or JPEG file, relative to the plan file.
  public var logo: String?
  /// Where the clinic is, as an ISO 3166 country code (`US`, `GB`, `KR`): it picks the
  /// emergency number the red flags print.
  public var country: String?

  public init(name: String) { self.name = name }
}

/// The therapist who treated the client.
public struct Therapist: Sendable, Hashable, Codable {
  public var name: String
  public var credentials: String?

  public init(name: String) { self.name = name }
}

/// The person the plan is for.
public struct Client: Sendable, Hashable, Codable {
  public var name: String
  public var id: String?
  public var email: String?

  public init(name: String) { self.name = name }
}

/// Which side of the body something concerns.
public enum BodySide: String, Sendable, Hashable, Codable, CaseIterable {
  case left, right, both
}

/// The condition the plan treats.
public struct Condition: Sendable, Hashable, Codable {
  /// A catalogue id such as `sciatica`.
  public var id: String
  public var side: BodySide?
  public var summary: String?
  public var symptoms: [String] = []
  /// Body-map region ids such as `left-calf`.
  public var painAreas: [String] = []
  /// Pain today, 0 (none) to 10 (worst imaginable).
  public var painScore: Int?

  public init(id: String) { self.id = id }
}

/// How often and how long the client comes, and how past sessions went.
public struct Sessions: Sendable, Hashable, Codable {
  public var every: Frequency?
  public var planned: Int?
  public var minutes: Int?
  public var next: LocalDateTime?
  public var history: [SessionRecord] = []

  public init() {}
}

/// "Once a week": a count per unit of time.
public struct Frequency: Sendable, Hashable, Codable {
  public enum Unit: String, Sendable, Hashable, Codable, CaseIterable {
    case day, week, month
  }

  public var count: Int
  public var unit: Unit

  public init(count: Int, unit: Unit) {
    self.count = count
    self.unit = unit
  }
}

/// One past session with pain scores before and after it.
public struct SessionRecord: Sendable, Hashable, Codable {
  public var date: CalendarDate
  public var painBefore: Int?
  public var painAfter: Int?
  public var techniques: [String] = []

  public init(date: CalendarDate) { self.date = date }
}
