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
    if let ascii = Self.measuringASCII(text) {
      self = ascii
    } else {
      self.init(measuringScalars: text)
    }
  }

  init(sentenceLengths: [Int], wordCount: Int, syllableCount: Int) {
    self.sentenceLengths = sentenceLengths
    self.wordCount = wordCount
    self.syllableCount = syllableCount
  }

  /// The general path, for any text: sentences by characters, words by Unicode scalars.
  init(measuringScalars text: String) {
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

  /// The same figures for ASCII text, from its bytes in one pass; `nil` when the text holds
  /// anything else. For ASCII a character is a byte, except "\r\n", which is one character
  /// (and so does not end a sentence as "\n" does).
  static func measuringASCII(_ text: String) -> ReadingLevel? {
    var text = text
    return text.withUTF8 { bytes -> ReadingLevel? in
      guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
      var lengths: [Int] = []
      var words = 0
      var syllables = 0
      var sentenceWords = 0
      var letters: [UInt8] = []
      var inWord = false
      var hasContent = false
      func endWord() {
        if inWord, hasContent {
          sentenceWords += 1
          syllables += syllableCount(ofLetters: letters)
        }
        inWord = false
        hasContent = false
        letters.removeAll(keepingCapacity: true)
      }
      for index in bytes.indices {
        let byte = bytes[index]
        let lower = byte | 0x20
        let isLetter = lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")
        let isDigit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
        if isLetter || isDigit || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "-") {
          inWord = true
          if isLetter || isDigit { hasContent = true }
          if isLetter { letters.append(lower) }
        } else {
          endWord()
        }
        let endsSentence: Bool
        switch byte {
        case UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ";"): endsSentence = true
        case 0x0A: endsSentence = index == 0 || bytes[index - 1] != 0x0D
        case UInt8(ascii: "."):
          endsSentence = index + 1 == bytes.count || (bytes[index + 1] >= 0x09 && bytes[index + 1] <= 0x0D) || bytes[index + 1] == 0x20
        default: endsSentence = false
        }
        if endsSentence {
          endWord()
          if sentenceWords > 0 {
            lengths.append(sentenceWords)
            words += sentenceWords
          }
          sentenceWords = 0
        }
      }
      endWord()
      if sentenceWords > 0 {
        lengths.append(sentenceWords)
        words += sentenceWords
      }
      return ReadingLevel(sentenceLengths: lengths, wordCount: words, syllableCount: syllables)
    }
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

  /// Runs of letters and digits (with `'`, `’` and `-` inside words) that hold a letter or digit.
  /// Works on Unicode scalars: their properties are much cheaper to ask than a Character's.
  static func words(of sentence: Substring) -> [Substring] {
    var result: [Substring] = []
    let scalars = sentence.unicodeScalars
    var start: String.UnicodeScalarView.Index?
    var hasContent = false
    var index = scalars.startIndex
    while index < scalars.endIndex {
      let scalar = scalars[index]
      let isContent = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
      if isContent || scalar == "'" || scalar == "’" || scalar == "-" {
        if start == nil { start = index }
        hasContent = hasContent || isContent
      } else if let first = start {
        if hasContent { result.append(Substring(scalars[first..<index])) }
        start = nil
        hasContent = false
      }
      index = scalars.index(after: index)
    }
    if let first = start, hasContent { result.append(Substring(scalars[first..<scalars.endIndex])) }
    return result
  }

  /// Vowel groups, less a silent final "e"; at least one.
  static func syllables(in word: Substring) -> Int {
    // Lower-case ASCII letters are what the vowel rules look at; other letters count as
    // consonants, as they did when this worked on whole characters.
    var letters: [UInt8] = []
    for scalar in word.unicodeScalars where scalar.properties.isAlphabetic {
      if scalar.isASCII {
        let byte = UInt8(scalar.value)
        letters.append(byte >= 65 && byte <= 90 ? byte + 32 : byte)
      } else {
        letters.append(0)
      }
    }
    return syllableCount(ofLetters: letters)
  }

  /// Vowel groups of a word's letters (lower-case ASCII, 0 for any other letter).
  static func syllableCount(ofLetters letters: [UInt8]) -> Int {
    guard letters.count > 3 else { return 1 }
    func isVowel(_ byte: UInt8) -> Bool {
      byte == 97 || byte == 101 || byte == 105 || byte == 111 || byte == 117 || byte == 121
    }
    var count = 0
    var previousIsVowel = false
    for letter in letters {
      let vowel = isVowel(letter)
      if vowel && !previousIsVowel { count += 1 }
      previousIsVowel = vowel
    }
    func hasSuffix(_ suffix: StaticString) -> Bool {
      let length = suffix.utf8CodeUnitCount
      guard letters.count >= length else { return false }
      return suffix.withUTF8Buffer { tail in
        tail.indices.allSatisfy { letters[letters.count - length + $0] == tail[$0] }
      }
    }
    if hasSuffix("e"), !hasSuffix("le"), count > 1 { count -= 1 }
    if hasSuffix("es") || hasSuffix("ed"), count > 1, !hasSuffix("ted"), !hasSuffix("ded") {
      count -= 1
    }
    return max(1, count)
  }
}
