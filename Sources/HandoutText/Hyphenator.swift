import CHyphen
import Foundation

/// Marks where words may break with soft hyphens (U+00AD), using libhyphen's pattern
/// dictionaries; Pango then breaks there and draws a visible hyphen.
final class Hyphenator {
  private let dictionary: UnsafeMutablePointer<HyphenDict>

  /// Folders searched for `hyph_<language>.dic` files.
  static let directories = ["/usr/share/hyphen", "/usr/local/share/hyphen", "/opt/homebrew/share/hyphen"]

  /// A hyphenator for a BCP 47 language, or `nil` when no dictionary is installed for it.
  init?(language: String) {
    let parts = language.split(separator: "-").map(String.init)
    let primary = parts.first?.lowercased() ?? "en"
    let region = parts.count > 1 ? parts[1].uppercased() : nil
    let defaultRegion = ["en": "US", "es": "ES", "de": "DE", "fr": "FR", "pt": "PT", "it": "IT"][primary]
    var names = [region, defaultRegion].compactMap { $0 }.map { "hyph_\(primary)_\($0).dic" }
    names.append("hyph_\(primary).dic")
    let candidates = Self.directories.flatMap { directory in names.map { directory + "/" + $0 } }
    guard let path = candidates.first(where: { FileManager.default.isReadableFile(atPath: $0) }),
      let dictionary = hnj_hyphen_load(path)
    else { return nil }
    self.dictionary = dictionary
  }

  deinit {
    hnj_hyphen_free(dictionary)
  }

  /// The text with soft hyphens at every allowed break inside words of five or more letters.
  /// Tokens that look like addresses, codes or numbers (`@`, `/`, `:`, digits, inner dots) are
  /// left whole.
  func hyphenate(_ text: String) -> String {
    var result = ""
    var token = ""
    func flush() {
      if isAddressLike(token) {
        result += token
      } else {
        var word = ""
        for character in token {
          if character.isLetter {
            word.append(character)
          } else {
            result += hyphenated(word)
            word = ""
            result.append(character)
          }
        }
        result += hyphenated(word)
      }
      token = ""
    }
    for character in text {
      if character.isWhitespace {
        flush()
        result.append(character)
      } else {
        token.append(character)
      }
    }
    flush()
    return result
  }

  private func isAddressLike(_ token: String) -> Bool {
    let trimmed = token.trimmingCharacters(in: .punctuationCharacters)
    return trimmed.contains { $0.isNumber || $0 == "@" || $0 == "/" || $0 == ":" || $0 == "." }
  }

  private func hyphenated(_ word: String) -> String {
    word.count >= 5 ? hyphenateWord(word) : word
  }

  private func hyphenateWord(_ word: String) -> String {
    let lowered = Array(word.lowercased().utf8)
    let original = Array(word.utf8)
    // Lower-casing can change byte lengths (rare outside Latin): then leave the word whole.
    guard lowered.count == original.count else { return word }
    var marks = [CChar](repeating: 0, count: lowered.count + 5)
    var replacements: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
    var positions: UnsafeMutablePointer<Int32>?
    var cuts: UnsafeMutablePointer<Int32>?
    let status = lowered.withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) {
        hnj_hyphen_hyphenate3(
          dictionary, $0.baseAddress, Int32($0.count), &marks, nil, &replacements, &positions, &cuts,
          2, 3, 2, 2)
      }
    }
    defer {
      if let replacements {
        for index in 0..<lowered.count { free(replacements[index]) }
        free(replacements)
      }
      free(positions)
      free(cuts)
    }
    guard status == 0 else { return word }
    var bytes: [UInt8] = []
    for (index, byte) in original.enumerated() {
      bytes.append(byte)
      let isScalarEnd = index + 1 == original.count || original[index + 1] & 0xC0 != 0x80
      if marks[index] & 1 == 1, isScalarEnd, index + 1 < original.count {
        bytes += [0xC2, 0xAD]
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
