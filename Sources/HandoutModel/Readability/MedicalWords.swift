/// Medical words a client may not know, each with what it means in plain words.
///
/// A therapist's notes are written in clinical shorthand ("Tight left piriformis", "a lumbar
/// cushion"); the outside review of the take-home (Docs/health-literacy.md, PEMAT-P items 3
/// and 4) found every such word in the plan's own text, never in the catalogue's. A plan that
/// uses one without saying what it is gets a warning whose hint gives the plain words. A word
/// counts as explained when a parenthesis follows it ("piriformis (a muscle deep in your
/// buttock)") or when it stands inside one ("a muscle deep in your buttock (piriformis)").
public struct MedicalWord: Sendable, Hashable {
  /// The word or words as a therapist writes them, in lower case.
  public var term: String
  /// What it means, as a client would say it.
  public var plain: String

  init(_ term: String, _ plain: String) {
    self.term = term
    self.plain = plain
  }

  /// The medical words of `language` (`es-MX` uses `es`); none for a language without a list.
  public static func words(language: String) -> [MedicalWord] {
    switch LanguageTag.primary(language) {
    case "en": english
    case "es": spanish
    case "ko": korean
    default: []
    }
  }

  /// The medical words `text` uses without saying what they are, each once, in list order.
  public static func unexplained(in text: String, language: String) -> [MedicalWord] {
    let words = words(language: language)
    guard !words.isEmpty else { return [] }
    let scalars = Self.lowered(Array(text.unicodeScalars))
    var found: [MedicalWord] = []
    for word in words where word.isUnexplained(in: scalars) {
      found.append(word)
    }
    return found
  }

  /// Whether the term occurs in the ``lowered(_:)`` `text`, as whole words, at least once with
  /// no parenthesis to explain it.
  func isUnexplained(in text: [Unicode.Scalar]) -> Bool {
    var found = false
    forEachUse(in: text) { _, isExplained in
      found = !isExplained
      return !found
    }
    return found
  }

  /// The term as `text` writes it ("LMT", "Piriformis") where it first uses it with no
  /// explanation; `nil` when every use is explained. A hint quotes the plan's own spelling.
  public func spelling(in text: String) -> String? {
    let scalars = Array(text.unicodeScalars)
    var spelling: String?
    forEachUse(in: Self.lowered(scalars)) { end, isExplained in
      guard !isExplained else { return true }
      var view = String.UnicodeScalarView()
      view.append(contentsOf: scalars[(end - term.unicodeScalars.count)..<end])
      spelling = String(view)
      return false
    }
    return spelling
  }

  /// Whether the term is a Korean word, which takes its particles without a space ("이상근이"):
  /// only its start is a word boundary, and a meaning goes between it and its particle.
  var takesParticles: Bool {
    term.unicodeScalars.last.map { (0xAC00...0xD7A3).contains($0.value) } ?? false
  }

  /// How a text first uses the term, as whole words.
  enum Use: Equatable {
    /// It does not.
    case none
    /// Its first use is explained.
    case explained
    /// The first use has no explanation; it ends before the scalar at `end`.
    case unexplained(end: Int)
  }

  /// `text` in lower case, one scalar for one, so that an index into it is an index into
  /// `text` (a scalar whose lower case takes more than one is kept as it is).
  static func lowered(_ text: [Unicode.Scalar]) -> [Unicode.Scalar] {
    text.map { scalar in
      if scalar.isASCII {
        return (0x41...0x5A).contains(scalar.value) ? Unicode.Scalar(UInt8(scalar.value) + 0x20) : scalar
      }
      let mapping = scalar.properties.lowercaseMapping.unicodeScalars
      return mapping.count == 1 ? mapping.first! : scalar
    }
  }

  /// How a text first uses the term, given the text ``lowered(_:)``: explained, or not, with
  /// the index after it. The first use decides: once explained, the word is known for the
  /// rest of the text.
  func firstUse(inLowered lowered: [Unicode.Scalar]) -> Use {
    var use = Use.none
    forEachUse(in: lowered) { end, isExplained in
      use = isExplained ? .explained : .unexplained(end: end)
      return false
    }
    return use
  }

  /// Calls `body` with the end of each use of the term in the lower-case `text`, as whole
  /// words, and whether a parenthesis explains it, in order, while `body` returns true.
  private func forEachUse(in text: [Unicode.Scalar], _ body: (_ end: Int, _ isExplained: Bool) -> Bool) {
    let term = Array(self.term.unicodeScalars)
    guard let first = term.first, text.count >= term.count else { return }
    let endsAtWordBoundary = !takesParticles
    var start = 0
    while start + term.count <= text.count {
      defer { start += 1 }
      guard text[start] == first, text[start..<(start + term.count)].elementsEqual(term) else { continue }
      let end = start + term.count
      if start > 0, Self.isLetter(text[start - 1]) { continue }
      if endsAtWordBoundary, end < text.count, Self.isLetter(text[end]) { continue }
      guard body(end, Self.isExplained(text, start: start, end: end, skippingParticles: !endsAtWordBoundary)) else { return }
    }
  }

  /// A parenthesis right after the term (after its particle, in Korean), or one open around it.
  private static func isExplained(_ text: [Unicode.Scalar], start: Int, end: Int, skippingParticles: Bool) -> Bool {
    var after = end
    while skippingParticles, after < text.count, isLetter(text[after]) { after += 1 }
    while after < text.count, text[after] == " " { after += 1 }
    if after < text.count, text[after] == "(" { return true }
    var depth = 0
    for index in stride(from: start - 1, through: 0, by: -1) {
      if text[index] == ")" { depth += 1 }
      if text[index] == "(" {
        if depth == 0 { return true }
        depth -= 1
      }
    }
    return false
  }

  private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.isAlphabetic
  }
}

extension MedicalWord {
  static let english: [MedicalWord] = [
    MedicalWord("piriformis", "a muscle deep in your buttock"),
    MedicalWord("gluteus medius", "a muscle at the side of your hip"),
    MedicalWord("gluteus maximus", "the big muscle of your buttock"),
    MedicalWord("gluteal", "of the buttock"),
    MedicalWord("glutes", "the muscles of your buttock"),
    MedicalWord("quadratus lumborum", "a deep muscle of your lower back"),
    MedicalWord("erector spinae", "the muscles along your spine"),
    MedicalWord("psoas", "a deep muscle at the front of your hip"),
    MedicalWord("iliopsoas", "a deep muscle at the front of your hip"),
    MedicalWord("tensor fasciae latae", "a muscle at the outside of your hip"),
    MedicalWord("it band", "the band of tissue down the outside of your thigh"),
    MedicalWord("lumbar", "lower back"),
    MedicalWord("thoracic", "upper and middle back"),
    MedicalWord("cervical", "neck"),
    MedicalWord("sacroiliac", "the joint where your spine meets your pelvis"),
    MedicalWord("sacrum", "the flat bone at the base of your spine"),
    MedicalWord("fascia", "the thin layer that wraps your muscles"),
    MedicalWord("radiculopathy", "pain from a pressed nerve root"),
    MedicalWord("paresthesia", "tingling or pins and needles"),
    MedicalWord("paraesthesia", "tingling or pins and needles"),
    MedicalWord("contraindicated", "not safe for you"),
    MedicalWord("bilateral", "on both sides"),
    MedicalWord("unilateral", "on one side"),
    MedicalWord("supine", "lying on your back"),
    MedicalWord("dorsiflexion", "pulling your toes up toward you"),
    MedicalWord("ischemic compression", "steady pressure on one spot"),
    MedicalWord("neuromuscular therapy", "pressure on tight spots"),
    // Massage credentials: spelled out once, as a client would say them.
    MedicalWord("lmt", "licensed massage therapist"),
    MedicalWord("lmbt", "licensed massage and bodywork therapist"),
    MedicalWord("lmp", "licensed massage practitioner"),
    MedicalWord("rmt", "registered massage therapist"),
    MedicalWord("cmt", "certified massage therapist"),
    MedicalWord("hypertonic", "tight"),
    MedicalWord("adhesions", "places where tissue sticks together"),
  ]

  static let spanish: [MedicalWord] = [
    MedicalWord("piriforme", "un músculo pequeño en lo hondo de la nalga"),
    MedicalWord("glúteo medio", "un músculo al lado de la cadera"),
    MedicalWord("cuadrado lumbar", "un músculo profundo de la parte baja de la espalda"),
    MedicalWord("psoas", "un músculo profundo en la parte de delante de la cadera"),
    MedicalWord("iliopsoas", "un músculo profundo en la parte de delante de la cadera"),
    MedicalWord("sacroilíaca", "la unión entre la columna y la pelvis"),
    MedicalWord("fascia", "la capa fina que envuelve los músculos"),
    MedicalWord("radiculopatía", "dolor porque la raíz de un nervio está apretada"),
    MedicalWord("parestesia", "hormigueo"),
    MedicalWord("contraindicado", "no es seguro para usted"),
    MedicalWord("bilateral", "en los dos lados"),
    MedicalWord("decúbito prono", "boca abajo"),
    MedicalWord("decúbito supino", "boca arriba"),
    MedicalWord("hipertónico", "tenso"),
    MedicalWord("terapia neuromuscular", "presión en los puntos tensos"),
  ]

  static let korean: [MedicalWord] = [
    MedicalWord("이상근", "엉덩이 깊은 곳의 작은 근육"),
    MedicalWord("중둔근", "엉덩이 옆쪽의 근육"),
    MedicalWord("요방형근", "허리 깊은 곳의 근육"),
    MedicalWord("장요근", "엉덩이 앞쪽 깊은 곳의 근육"),
    MedicalWord("요추", "허리뼈"),
    MedicalWord("천장관절", "척추와 골반이 만나는 관절"),
    MedicalWord("근막", "근육을 감싸는 얇은 막"),
    MedicalWord("신경근병증", "신경 뿌리가 눌려서 생기는 통증"),
    MedicalWord("이상감각", "저리거나 찌릿한 느낌"),
    MedicalWord("금기", "하면 안 되는 것"),
    MedicalWord("양측성", "양쪽 모두"),
    MedicalWord("신경근 요법", "뭉친 곳을 누르는 마사지"),
  ]
}
