import Foundation
import HandoutKit
import Testing

/// A handout is in one language or not printed: no English text in a Korean sheet, and a
/// language without the text the layout prints is refused with the missing keys.
@Suite("Languages are complete or refused")
struct LanguageTests {
  let scratch: Scratch

  init() throws {
    scratch = try Scratch()
  }

  @Test(arguments: ["take-home", "care-plan-report", "large-print"])
  func aKoreanPlanPrintsNoLatinLetters(_ layout: String) throws {
    var request = try HandoutEndToEndTests.request(try fixture("korean-plan"))
    request.layout = layout
    request.sourceDateEpoch = 0
    let pdf = try scratch.file(try Engine().render(request).files[0])
    let text = try HandoutEndToEndTests.text(ofPDF: pdf)
    let squeezed = text.filter { !$0.isWhitespace }
    // Steps, stop rules, the FAQ and the red flags are all there, in Korean.
    for phrase in ["발목을 반대쪽 무릎 위에 올리세요", "이럴 때는 멈추세요:", "몇 번이나 받아야 하나요?", "지금 바로 119에 전화하거나 응급실로 가세요",
      "30초 유지", "45분마다",
      // Syllables that once copied as others (glyph 173's code rewritten as glyph 45's in the
      // font's ToUnicode): 오 read as 유, and 유 as nothing.
      "오늘의 통증", "나오지 않거나", "오한이 들어요"] {
      #expect(squeezed.contains(phrase.filter { !$0.isWhitespace }), "\(layout): \"\(phrase)\" is missing")
    }
    // Why the red flags matter: the take-home, short of room, says it in its short words.
    let why = layout == "take-home" ? "빨리 도움을 받으세요" : "오래가는 손상을"
    #expect(squeezed.contains(why.filter { !$0.isWhitespace }), "\(layout): \"\(why)\" is missing")
    let lines = text.split(separator: "\n")
    // Korean breaks between words only (keep-all): these were cut as "응급실 | 로", "않거 | 나",
    // "둔 | 하거나" and "오 | 한이" when any two syllables could part.
    if layout == "take-home" {
      for word in ["응급실로", "않거나,", "둔하거나,", "오한이"] {
        #expect(lines.contains { $0.split(separator: " ").contains { $0.hasPrefix(word) } }, "\(layout): \"\(word)\" is cut across lines")
      }
    }
    // Nor inside a dose's phrase.
    for phrase in ["스트레칭 전에는 온찜질", "통증이 심해지면 냉찜질", "하루 2번", "30초 유지"] {
      #expect(lines.contains { $0.contains(phrase) }, "\(layout): \"\(phrase)\" is broken across lines or misread")
    }
    // Large print's Hangul font has more than 172 glyphs: glyph code 00AD (레) once lost its
    // text to the soft-hyphen fix, and 오 copied as 레 ("레래" for 오래).
    #expect(squeezed.contains("오래") && squeezed.contains("오늘의"), "\(layout)")
    #expect(!squeezed.contains("레래") && !squeezed.contains("레늘의"), "\(layout)")
    let latin = text.unicodeScalars.filter { ("a"..."z").contains($0) || ("A"..."Z").contains($0) }
    #expect(latin.isEmpty, "\(layout): Latin letters in a Korean handout: \(String(String.UnicodeScalarView(latin)))")
  }

  @Test func aLanguageWithoutTheTextIsRefusedWithTheMissingKeys() throws {
    let plan = #"{"format": 1, "language": "fr", "client": {"name": "A"}, "homeCare": ["walking"], "showRedFlags": false}"#
    for command in ["validate", "render"] {
      let arguments = command == "render" ? ["render", "-", "-o", scratch.url.appendingPathComponent("fr.pdf").path] : ["validate", "-"]
      let result = try run(handoutBinary, arguments, input: Data(plan.utf8))
      #expect(result.status == 64, "\(command): \(result.stderr)")
      #expect(result.stderr.contains(#"<stdin>:1:27: error: language: the catalogue has no "fr" text for"#), "\(result.stderr)")
      for key in ["homeCare.walking", "labels.homeProgram", "labels.why", "labels.stopIf", "labels.disclaimer"] {
        #expect(result.stderr.contains(key), "\(command) does not name \(key): \(result.stderr)")
      }
      #expect(result.stderr.contains("hint: built-in languages: en, es, ko"))
    }
    #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("fr.pdf").path))
  }
}
