import Foundation
import HandoutKit
import HandoutNumbers
import Testing

/// Cairo's numbers are printed by HandoutNumbers' `__snprintf_chk` rather than glibc's: the
/// digits must be glibc's, byte for byte.
@Suite struct NumberPrintingTests {
  /// glibc's own "%.*f", through vsnprintf (which the fast path does not replace).
  private func glibc(_ value: Double, _ precision: Int32) -> String {
    var buffer = [CChar](repeating: 0, count: 512)
    _ = withVaList([precision, value]) { vsnprintf(&buffer, buffer.count, "%.*f", $0) }
    return text(buffer)
  }

  private func ours(_ value: Double, _ precision: Int32) -> String? {
    var buffer = [CChar](repeating: 0, count: 64)
    guard handout_format_fixed(&buffer, buffer.count, value, precision) >= 0 else { return nil }
    return text(buffer)
  }

  private func text(_ buffer: [CChar]) -> String {
    String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// Two million values of the kinds Cairo prints (page coordinates, 3-decimal points, colour
  /// components, values near and exactly at rounding ties, tiny and large magnitudes, any bit
  /// pattern) at the precisions it uses (6, 18, 3) and every other one up to 18.
  @Test func digitsAreGlibcsOverMillionsOfValues() {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next() -> UInt64 {
      state ^= state << 13
      state ^= state >> 7
      state ^= state << 17
      return state
    }
    var compared = 0
    var mismatches: [String] = []
    for index in 0..<2_000_000 {
      let random = next()
      let value: Double
      switch index % 6 {
      case 0: value = Double(bitPattern: random)
      case 1: value = Double(Int64(random % 2_000_000_001) - 1_000_000_000) / 1000
      case 2: value = (Double(random >> 11) / 9_007_199_254_740_992 - 0.5) * 1224
      case 3: value = Double(Int64(random % 20_000_001) - 10_000_000) / 2_000_000 + (random >> 40 & 1 == 1 ? 0.000_000_5 : 0)
      case 4: value = (random & 1 == 1 ? -1 : 1) * Double(sign: .plus, exponent: Int(random & 127) - 100, significand: Double(random >> 11) / 9_007_199_254_740_992 + 1)
      default: value = Double(Int64(random % 4001) - 2000) / 64
      }
      let precision: Int32 = switch index / 6 % 4 {
      case 0: Int32(random % 19)
      case 1: 18
      case 2: 3
      default: 6
      }
      guard let fast = ours(value, precision) else { continue }
      compared += 1
      let expected = glibc(value, precision)
      if fast != expected, mismatches.count < 10 { mismatches.append("\(value) at \(precision): \(fast) ≠ \(expected)") }
    }
    #expect(mismatches.isEmpty, "\(mismatches)")
    #expect(compared > 1_700_000)
    // What the fast path leaves to glibc: infinities, NaN, |value| ≥ 2^63, precisions above 18.
    #expect(ours(.infinity, 6) == nil)
    #expect(ours(.nan, 6) == nil)
    #expect(ours(1e19, 6) == nil)
    #expect(ours(1, 19) == nil)
    #expect(ours(-0.000_000_1, 6) == "-0.000000")
    #expect(ours(0.125, 2) == "0.12")
    #expect(ours(0.375, 2) == "0.38")
  }

  /// The reference plan's PDF is the same byte for byte whether Cairo's numbers go through the
  /// fast path or through glibc alone.
  @Test func aPDFIsTheSameWithGlibcsPrinting() throws {
    let plan = sharedExamples.appendingPathComponent("sciatica-plan.json")
    var request = RenderRequest(plan: [UInt8](try Data(contentsOf: plan)), planPath: plan.path)
    request.sourceDateEpoch = 1_700_000_000
    let before = handout_numbers_printed()
    let fast = try Engine().render(request).files
    // Cairo's snprintf calls reached the fast path (the executable's __snprintf_chk).
    #expect(handout_numbers_printed() - before > 1000)
    handout_numbers_set_enabled(0)
    defer { handout_numbers_set_enabled(1) }
    let glibc = try Engine().render(request).files
    #expect(fast == glibc)
    #expect(fast[0].count > 10_000)
  }
}
