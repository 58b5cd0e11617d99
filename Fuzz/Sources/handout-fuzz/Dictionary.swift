/// The values mutations draw from: the plan format's own words, the limits' edges, and the
/// inputs that broke this engine or others (issue 14).
enum Dictionary {
  /// Every key the plan reader knows, plus near misses.
  static let keys = [
    "format", "layout", "language", "date", "clinic", "name", "phone", "email", "website",
    "bookingUrl", "address", "brandColor", "logo", "therapist", "credentials", "client", "id",
    "condition", "side", "summary", "symptoms", "painAreas", "painScore", "goals", "sessions",
    "every", "count", "unit", "planned", "minutes", "next", "history", "painBefore", "painAfter",
    "techniques", "note", "title", "description", "homeCare", "hold", "repeat", "perDay", "sets",
    "steps", "precautions", "faq", "question", "answer", "benefits", "takeaways", "notes",
    "showRedFlags", "subtitle", "Name", "nmae", "painscore", "home_care", "", "__proto__", "name ",
  ]

  /// Catalogue ids, layout names and other words with a meaning in a plan.
  static let words = [
    "sciatica", "lower-back-pain", "piriformis-syndrome", "trigger-point", "deep-tissue",
    "myofascial-release", "swedish", "aromatherapy", "neuromuscular", "craniosacral", "hot-cold",
    "stretching-mobility", "signature", "medical-massage", "piriformis-stretch", "hamstring-stretch",
    "hip-flexor-stretch", "knee-to-chest", "cold-then-heat", "walking", "water-aerobics",
    "sitting-breaks", "mindful-breathing", "posture-check", "lumbar-support", "cat-cow",
    "pelvic-tilt", "pain-relief", "flexibility", "relaxed-muscles", "circulation",
    "stress-reduction", "prevention", "posture", "sleep", "how-many-sessions", "is-massage-safe",
    "can-massage-cure-sciatica", "is-it-covered-by-insurance", "can-massage-make-it-worse",
    "how-long-does-relief-last", "how-often", "massage-and-other-treatments",
    "choosing-a-therapist", "what-to-do-after-a-session", "what-to-wear", "bladder-bowel",
    "saddle-numbness", "worsening-weakness", "both-legs", "after-injury", "fever", "weight-loss",
    "take-home", "care-plan-report", "trifold-brochure", "faq-sheet", "large-print", "Take-Home",
    "left", "right", "both", "", " ", "LEFT", "day", "week", "month", "year", "Week",
    "lower-back", "upper-back", "neck", "left-buttock", "right-buttock", "left-back-thigh",
    "right-calf", "left-calf", "right-butt", "left-shoulder", "en", "es", "ko", "en-US", "es-419",
    "zh-Hant-TW", "ar", "he", "EN", "x", "en-", "i-klingon", "30 s", "30", "1 min", "-5 s",
    "#2F6F73", "#fff", "#FFFFFF", "#000000", "#GGGGGG", "#2F6F7380", "red", "#",
    "2026-11-20", "2024-02-29", "2026-02-29", "2026-13-01", "2026-00-10", "0000-01-01",
    "9999-12-31", "10000-01-01", "-0001-01-01", "2026-11-27T10:30:00", "2026-11-20T24:00:00",
    "2026-11-20T23:59:60", "2026-11-20T10:30:00Z", "2026-11-20T10:30:00+14:00", "20261120",
    "2026-1-1", "riverside-logo.svg", "logo.png", "logo.jpg", "missing.png", "../outside.svg",
    "/etc/passwd", "/dev/zero", "/dev/stdin", "/proc/self/status", ".", "logo.png/",
    "Layouts/take-home.json", "../../Layouts/faq-sheet.json", "{client.name}", "{date}",
  ]

  /// Web, mail and phone addresses, good and hostile.
  static let addresses = [
    "https://riverside-massage.example/book", "http://x.example", "https://x.example/)/S/JavaScript/JS(app.alert(1))>>",
    "https://x.example/)>>/S/Launch/F(calc.exe)", "javascript:alert(1)", "file:///etc/passwd",
    "https://x.example/a\\\\b\\\\)", "https://user:pass@x.example/", "https://x.example/%29%3E%3E",
    "https://x.example/%", "https://x.example/%zz", "https://例え.example/パス", "https://x.example/ spaced",
    "mailto:care@x.example", "tel:+15550104477", "data:text/html,<script>alert(1)</script>",
    "https://", "https://x.example:99999/", "HTTPS://X.EXAMPLE/", "//x.example", "x.example",
    "https://x.example/#frag(ment", "https://[::1]/", "https://x.example/\\u0000", "",
    "care@riverside-massage.example", "a@b", "x@y.example\\r\\nBcc: victim@z.example",
    "\\\"quoted\\\"@x.example", "jos\u{E9}@x.example", "+1 555 010 4477", "+1 555 \u{1F600}",
    "\u{260E}\u{FE0F} 555", "555-0104 ext. 12", "\u{0665}\u{0665}\u{0665}",
  ]

  /// Texts that stress shaping, escaping and counting.
  static let texts = [
    "Jordan Alvarez", "\\u0000", "\\uFFFF", "\\uFDD0", "\\uFFFE", "\\ud800", "\\udc00\\ud800",
    "\\ud83d\\ude00", "\u{202E}gnp.exe", "a\u{200B}b", "in\u{AD}flam\u{AD}ma\u{AD}tion", "line\u{2028}sep",
    "tab\\there", "\\r\\n", "\\u001b[31m", "\\uFEFF", "\u{FDFD}", "\u{1242B}", "e\u{301}\u{302}\u{303}\u{304}",
    "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}\u{200D}\u{1F466}", "\u{1F1FA}\u{1F1F8}", "\u{1F44D}\u{1F3FD}",
    "\u{E0001}\u{E0065}", "\u{E000}", "\u{10FFFF}", "\u{F4}\u{10FFFF}", "강남 마사지 치료", "علاج التدليك",
    "שלום", "नमस्ते", "สวัสดี", "中文测试", "%", "%00", "${HOME}", "<script>alert(1)</script>",
    "</Title>)>>", ")\\\\", "(", "\\\\", ")>> /S /JavaScript /JS (app.alert(1))", "%PDF-1.5",
    "endobj", "\\r\\nBcc: x@y.example", "=?utf-8?b?x?=", "\\\"", "   ", "\\n\\n\\n",
  ]

  /// Numbers at the edges of ranges and of parsers.
  static let numbers = [
    "0", "1", "-1", "-0", "2", "3", "5", "6", "10", "11", "20", "59", "60", "61", "100", "199", "200",
    "201", "1000", "2147483647", "2147483648", "-2147483648", "-2147483649", "9223372036854775807",
    "9223372036854775808", "-9223372036854775809", "18446744073709551616", "1e20", "1e308", "1e309",
    "-1e400", "1.7976931348623157e308", "5e-324", "4.9e-325", "0.1", "0.5", "6.5", "1E2", "1e-7",
    "1.0", "-0.0", "00", "01", "1.", ".5", "+1", "NaN", "Infinity", "-Infinity", "0x10",
    "123456789012345678901234567890", "true", "false", "null",
  ]

  /// Byte sequences that are not UTF-8 (or are, but name a noncharacter or a control).
  static let badBytes: [[UInt8]] = [
    [0xC3], [0xFF, 0xFE], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80],
    [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xE2, 0x82], [0x80], [0xBF], [0xF8, 0x88, 0x80, 0x80, 0x80],
    [0xFE], [0xEF, 0xBF, 0xBF], [0xEF, 0xB7, 0x90], [0x00], [0x01], [0x1F], [0x7F], [0x0A], [0x09],
    [0xC2, 0x85], [0xC2, 0xA0], [0xEF, 0xBB, 0xBF],
  ]

  /// Lengths around the documented limits, in characters.
  static let lengths = [0, 1, 999, 1000, 1001, 1999, 2000, 2001, 4999, 5000, 5001, 20000, 49999, 50000, 50001]

  /// Units a long text is built of: words, an unbroken run, multi-byte and wide characters,
  /// combining marks piling onto one letter.
  static let units: [[UInt8]] = [
    Array("word ".utf8), Array("x".utf8), Array("\u{E9}".utf8), Array("\u{1F600}".utf8),
    Array("\u{301}".utf8), Array("\u{AD}".utf8), Array("\u{200B}".utf8), Array("가".utf8),
    Array("ع".utf8), Array("\\n".utf8), Array("(".utf8), Array("\\u0041".utf8), Array("- ".utf8),
  ]
}
