import Foundation
import HandoutKit

/// What every successful render must satisfy, checked from its bytes.
enum Invariants {
  /// Stops the process with a message; libFuzzer saves the input as a crash.
  static func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("handout-fuzz: FINDING: \(message)\n".utf8))
    abort()
  }

  static func check(_ result: RenderResult, format: OutputFormat) {
    guard (1...60).contains(result.pageCount) else { fail("\(result.pageCount) pages") }
    switch format {
    case .pdf:
      guard result.files.count == 1, let pdf = result.files.first else { fail("\(result.files.count) PDF files") }
      guard pdf.starts(with: Array("%PDF-".utf8)) else { fail("the PDF does not start with %PDF-") }
      guard pdf.suffix(32).contains(sequence: Array("%%EOF".utf8)) else { fail("the PDF does not end with %%EOF") }
      checkLinks(pdf)
    case .png:
      guard result.files.count == result.pageCount else { fail("\(result.files.count) PNG files for \(result.pageCount) pages") }
      for file in result.files where !file.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
        fail("a PNG file without the PNG signature")
      }
    case .svg:
      guard result.files.count == result.pageCount else { fail("\(result.files.count) SVG files for \(result.pageCount) pages") }
      for file in result.files where !file.starts(with: Array("<?xml".utf8)) {
        fail("an SVG file that does not start with <?xml")
      }
    }
  }

  /// Every `/URI (…)` string in the PDF ends where it should: after it comes the end of the
  /// action dictionary (`>>`), and it holds only printable ASCII with no parenthesis or
  /// backslash, so no byte of a plan's address can have ended it early (issue 14, point 7).
  static func checkLinks(_ pdf: [UInt8]) {
    let marker = Array("/URI (".utf8)
    var index = 0
    while let found = pdf.firstIndex(of: marker, from: index) {
      var end = found + marker.count
      var depth = 1
      while end < pdf.count, depth > 0 {
        switch pdf[end] {
        case UInt8(ascii: "\\"): end += 1
        case UInt8(ascii: "("): depth += 1
        case UInt8(ascii: ")"): depth -= 1
        default: break
        }
        end += 1
      }
      let uri = pdf[(found + marker.count)..<max(found + marker.count, end - 1)]
      if let bad = uri.first(where: { $0 < 0x21 || $0 > 0x7E || $0 == 0x28 || $0 == 0x29 || $0 == 0x5C }) {
        fail("a /URI string holds the byte 0x\(String(bad, radix: 16)): \(String(decoding: uri, as: UTF8.self))")
      }
      var next = end
      while next < pdf.count, [0x20, 0x0A, 0x0D].contains(pdf[next]) { next += 1 }
      guard next + 1 < pdf.count, pdf[next] == UInt8(ascii: ">"), pdf[next + 1] == UInt8(ascii: ">") else {
        let after = String(decoding: pdf[next..<min(pdf.count, next + 40)], as: UTF8.self)
        fail("a /URI string is followed by \"\(after)\", not the end of its action")
      }
      index = end
    }
  }
}

extension Array where Element == UInt8 {
  /// The first index of `needle` at or after `start`.
  func firstIndex(of needle: [UInt8], from start: Int) -> Int? {
    guard needle.count <= count else { return nil }
    var index = start
    while index + needle.count <= count {
      if self[index] == needle[0], self[index..<(index + needle.count)].elementsEqual(needle) { return index }
      index += 1
    }
    return nil
  }
}

extension ArraySlice where Element == UInt8 {
  func contains(sequence: [UInt8]) -> Bool { Array(self).firstIndex(of: sequence, from: 0) != nil }
}
