import Foundation
import HandoutCatalog
import HandoutModel

/// Formats dates, times, durations and dosages in the catalogue's language.
struct Formatter {
  let catalog: Catalog

  func date(_ date: CalendarDate) -> String {
    catalog.label("dateFormat", ["month": month(date), "day": String(date.day), "year": String(date.year)])
  }

  func dateTime(_ value: LocalDateTime) -> String {
    let weekdays = catalog.labelList("weekdays")
    let weekday = weekdays.indices.contains(value.date.weekday) ? weekdays[value.date.weekday] : ""
    return catalog.label(
      "dateTimeFormat",
      ["weekday": weekday, "month": month(value.date), "day": String(value.date.day),
       "year": String(value.date.year), "time": time(hour: value.hour, minute: value.minute)])
  }

  /// The month's name in the catalogue's language, or its number if the catalogue lacks names.
  private func month(_ date: CalendarDate) -> String {
    let months = catalog.labelList("months")
    return months.indices.contains(date.month - 1) ? months[date.month - 1] : String(date.month)
  }

  func time(hour: Int, minute: Int) -> String {
    let mm = minute < 10 ? "0\(minute)" : "\(minute)"
    if catalog.label("timeFormat") == "12h" {
      let h = hour % 12 == 0 ? 12 : hour % 12
      let period = hour < 12 ? label("am", default: "AM") : label("pm", default: "PM")
      return label("timePattern", default: "{hour}:{minute} {period}")
        .replacingOccurrences(of: "{hour}", with: String(h)).replacingOccurrences(of: "{minute}", with: mm)
        .replacingOccurrences(of: "{period}", with: period)
    }
    return "\(hour < 10 ? "0" : "")\(hour):\(mm)"
  }

  /// A label the catalogue may leave out.
  private func label(_ key: String, default fallback: String) -> String {
    catalog.labels[key] == nil ? fallback : catalog.label(key)
  }

  /// "30 seconds", "1 minute", "10 minutes".
  func duration(_ seconds: Int) -> String {
    if seconds >= 60, seconds % 60 == 0 {
      let minutes = seconds / 60
      return minutes == 1 ? catalog.label("minuteOne") : catalog.label("minutesOf", ["value": String(minutes)])
    }
    return seconds == 1 ? catalog.label("secondsOne") : catalog.label("seconds", ["value": String(seconds)])
  }

  /// The phrases of a dose, in reading order: "Left side only", "Hold 30 seconds", "3 times",
  /// "Twice a day". Each phrase starts with a capital where the language has them.
  func dosage(_ dosage: Dosage) -> [String] {
    var parts: [String] = []
    switch dosage.side {
    case .left?: parts.append(catalog.label("sideLeft"))
    case .right?: parts.append(catalog.label("sideRight"))
    case .both?: parts.append(catalog.label("sideBoth"))
    case nil: break
    }
    if let hold = dosage.holdSeconds { parts.append(catalog.label("hold", ["value": duration(hold)])) }
    if let repetitions = dosage.repetitions {
      parts.append(repetitions == 1 ? catalog.label("timesOne") : catalog.label("times", ["value": String(repetitions)]))
    }
    if let sets = dosage.sets { parts.append(catalog.label("sets", ["value": String(sets)])) }
    if let rest = dosage.restSeconds { parts.append(catalog.label("rest", ["value": duration(rest)])) }
    let occasions = (dosage.when ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty }
    // A time for two occasions ("cold after a flare-up; heat before you stretch") or for an item
    // done more than once a day is for each time, not for the day ("10 minutes each time ·
    // Twice a day").
    if let seconds = dosage.durationSeconds {
      let eachTime = occasions.count > 1 || (dosage.perDay ?? 1) > 1
      parts.append(eachTime ? catalog.label("eachTime", ["duration": duration(seconds)]) : duration(seconds))
    }
    if let breaths = dosage.breaths { parts.append(catalog.label("breaths", ["value": String(breaths)])) }
    if let every = dosage.everySeconds { parts.append(catalog.label("every", ["value": duration(every)])) }
    if let perDay = dosage.perDay {
      let often = catalog.label("perDay", ["value": String(perDay)])
      // "Twice a day", so that "3 times" and "2 times a day" do not stand side by side.
      parts.append(perDay == 1 ? catalog.label("perDayOne") : perDay == 2 ? label("perDayTwo", default: often) : often)
    }
    parts += occasions
    return parts.map { $0.prefix(1).uppercased() + $0.dropFirst() }
  }

  /// A dose on one line, its phrases kept whole: the spaces inside a phrase do not break,
  /// the line breaks only between phrases ("Hold 30 seconds · 3 times · Twice a day").
  func dosageLine(_ dosage: Dosage) -> String {
    self.dosage(dosage).map(Self.unbreakable).joined(separator: "\u{00A0}· ")
  }

  /// `phrase` with no place to break: no-break spaces, and a word joiner after a hyphen and
  /// between letters of scripts that break between any two (Hangul, kana, CJK ideographs).
  static func unbreakable(_ phrase: String) -> String {
    func breaksAnywhere(_ character: Character) -> Bool {
      character.unicodeScalars.contains { scalar in
        switch scalar.value {
        case 0x1100...0x11FF, 0x3040...0x30FF, 0x3130...0x318F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF: true
        default: false
        }
      }
    }
    var result = ""
    var previous: Character?
    for character in phrase {
      // A hyphen breaks too ("flare-" | "up"): a word joiner after it holds the phrase whole.
      if let previous, breaksAnywhere(previous) || breaksAnywhere(character) || previous == "-" { result.append("\u{2060}") }
      result.append(character == " " ? "\u{00A0}" : character)
      previous = character
    }
    return result
  }

  func frequency(_ frequency: Frequency) -> String {
    let key = frequency.count == 1 ? "sessionsEvery" : "sessionsEveryPlural"
    return catalog.label(key, ["count": String(frequency.count), "unit": catalog.label(frequency.unit.rawValue)])
  }
}
