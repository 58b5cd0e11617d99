/// How easy a text is to read: sentence lengths and, for English, the Flesch–Kincaid grade.
///
/// Patient-education guidance asks for short sentences and about a 6th–7th-grade reading
/// level. The grade is an estimate: syllables are counted by vowel groups, which is close
/// enough to flag text that needs simpler words, and it is only computed for English.
public struct ReadingLevel: Sendable, Hashable {
  /// The number of words of each sentence, in order.
  public var sentenceLengths: [Int]
  public var wordCount: Int
  public var syllableCount: Int

  public init(_ text: String) {
    var lengths: [Int] = []
    var words = 0
    var syllables = 0
    for sentence in Self.sentences(of: text) {
      let sentenceWords = Self.words(of: sentence)
      guard !sentenceWords.isEmpty else { continue }
      lengths.append(sentenceWords.count)
      words += sentenceWords.count
      syllables += sentenceWords.reduce(0) { $0 + Self.syllables(in: $1) }
    }
    sentenceLengths = lengths
    wordCount = words
    syllableCount = syllables
  }

  /// The longest sentence, in words.
  public var longestSentence: Int { sentenceLengths.max() ?? 0 }

  /// The Flesch–Kincaid grade level of English text.
  public var grade: Double {
    guard wordCount > 0, !sentenceLengths.isEmpty else { return 0 }
    let wordsPerSentence = Double(wordCount) / Double(sentenceLengths.count)
    let syllablesPerWord = Double(syllableCount) / Double(wordCount)
    return 0.39 * wordsPerSentence + 11.8 * syllablesPerWord - 15.59
  }

  /// Sentences end at `.`, `!`, `?`, `;` or a line break; a full stop inside a number or an
  /// abbreviation such as "e.g." does not end one.
  static func sentences(of text: String) -> [Substring] {
    var result: [Substring] = []
    var start = text.startIndex
    var index = text.startIndex
    while index < text.endIndex {
      let character = text[index]
      let next = text.index(after: index)
      let endsSentence: Bool
      switch character {
      case "!", "?", ";", "\n", "。", "？", "！": endsSentence = true
      case ".": endsSentence = next == text.endIndex || text[next].isWhitespace
      default: endsSentence = false
      }
      if endsSentence {
        result.append(text[start..<next])
        start = next
      }
      index = next
    }
    if start < text.endIndex { result.append(text[start...]) }
    return result
  }

  static func words(of sentence: Substring) -> [Substring] {
    sentence.split { !($0.isLetter || $0.isNumber || $0 == "'" || $0 == "’" || $0 == "-") }
      .filter { $0.contains { $0.isLetter || $0.isNumber } }
  }

  /// Vowel groups, less a silent final "e"; at least one.
  static func syllables(in word: Substring) -> Int {
    let letters = word.lowercased().filter(\.isLetter)
    guard letters.count > 3 else { return 1 }
    let vowels: Set<Character> = ["a", "e", "i", "o", "u", "y"]
    var count = 0
    var previousIsVowel = false
    for letter in letters {
      let isVowel = vowels.contains(letter)
      if isVowel && !previousIsVowel { count += 1 }
      previousIsVowel = isVowel
    }
    if letters.hasSuffix("e"), !letters.hasSuffix("le"), count > 1 { count -= 1 }
    if letters.hasSuffix("es") || letters.hasSuffix("ed"), count > 1, !letters.hasSuffix("ted"), !letters.hasSuffix("ded") {
      count -= 1
    }
    return max(1, count)
  }
}
