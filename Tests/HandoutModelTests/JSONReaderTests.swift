import Testing

@testable import HandoutModel

@Suite("JSON reader")
struct JSONReaderTests {
  @Test func valuesKeepTheirPositions() throws {
    let value = try JSONReader.parse("{\n  \"a\": [1, true],\n  \"b\": \"x\"\n}")
    #expect(value["a"]?.location == SourceLocation(line: 2, column: 8))
    #expect(value["b"]?.location == SourceLocation(line: 3, column: 8))
    guard case .array(let elements)? = value["a"]?.kind else { Issue.record("not an array"); return }
    #expect(elements[1] == JSONValue(.bool(true), at: SourceLocation(line: 2, column: 12)))
  }

  @Test func stringsDecodeEscapesAndSurrogatePairs() throws {
    let value = try JSONReader.parse(#"["a\"b\\c\n", "\u00e9\ud83d\ude00"]"#)
    #expect(value.kind == .array([
      JSONValue(.string("a\"b\\c\n"), at: SourceLocation(line: 1, column: 2)),
      JSONValue(.string("é😀"), at: SourceLocation(line: 1, column: 15)),
    ]))
  }

  @Test(arguments: [
    ("{\"a\": 1,}", "invalid JSON: trailing comma before '}'", 1, 9),
    ("{\n  \"a\": 1\n  \"b\": 2\n}", "invalid JSON: unexpected '\"'; expected ',' or '}' after a value", 3, 3),
    ("{\"name\": \"Renée\" x}", "invalid JSON: unexpected 'x'; expected ',' or '}' after a value", 1, 18),
    ("[1, 2", "invalid JSON: unexpected end of file inside an array", 1, 6),
    ("{'a': 1}", "invalid JSON: unexpected '''; expected a key in double quotes", 1, 2),
    ("{\"a\": 01}", "invalid JSON: numbers must not have leading zeros", 1, 7),
    ("", "invalid JSON: the file is empty; expected a JSON object", 1, 1),
    ("{\"a\": tru}", "invalid JSON: unexpected 't'; expected a value", 1, 7),
  ])
  func syntaxErrorsNameTheSpot(text: String, message: String, line: Int, column: Int) {
    #expect(error(text)?.message == message)
    #expect(error(text)?.location == SourceLocation(line: line, column: column))
  }

  func error(_ bytes: [UInt8]) -> JSONReader.SyntaxError? {
    do {
      _ = try JSONReader.parse(bytes)
      return nil
    } catch {
      return error
    }
  }

  func error(_ text: String) -> JSONReader.SyntaxError? { error(Array(text.utf8)) }

  /// Invalid UTF-8 is an error at the offending byte, never replaced with U+FFFD.
  @Test(arguments: [
    ([0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xC3, 0x22, 0x7D] as [UInt8], "invalid UTF-8: the character starting with byte 0xC3 is cut short", 7),
    ([0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xED, 0xA0, 0x80, 0x22, 0x7D], "invalid UTF-8: an encoded UTF-16 surrogate (bytes 0xED 0xA0 …)", 7),
    ([0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xFF, 0x22, 0x7D], "invalid UTF-8: the byte 0xFF cannot start a character", 7),
    ([0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xC0, 0xAF, 0x22, 0x7D], "invalid UTF-8: the byte 0xC0 cannot start a character", 7),
    ([0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xE0, 0x80, 0xAF, 0x22, 0x7D], "invalid UTF-8: an overlong or out-of-range sequence starting with byte 0xE0", 7),
    ([0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xF4, 0x90, 0x80, 0x80, 0x22, 0x7D], "invalid UTF-8: an overlong or out-of-range sequence starting with byte 0xF4", 7),
    ([0xFF, 0xFE, 0x7B, 0x00, 0x7D, 0x00], "the file is UTF-16 text; Handout reads UTF-8", 1),
  ])
  func invalidUTF8IsAnErrorAtItsByte(bytes: [UInt8], message: String, column: Int) {
    let found = error(bytes)
    #expect(found?.message == message)
    #expect(found?.location == SourceLocation(line: 1, column: column))
    #expect(found?.hint == "save the file as UTF-8 (in most editors: Save As, then Encoding: UTF-8)")
  }

  @Test func duplicateKeysAreAnErrorNamingBoth() {
    let found = error("{\"client\": {\"name\": \"A\",\n  \"name\": \"B\"}}")
    #expect(found?.message == "the key \"name\" appears twice in this object (first at 1:13)")
    #expect(found?.location == SourceLocation(line: 2, column: 3))
    #expect(found?.path?.description == "client.name")
  }

  @Test(arguments: [
    ("{\"a\": \"x\u{FFFF}\"}", "U+FFFF is a Unicode noncharacter, which cannot be printed"),
    ("{\"a\": \"x\\uFDD0\"}", "U+FDD0 is a Unicode noncharacter, which cannot be printed"),
    ("{\"a\": \"x\\uD83F\\uDFFE\"}", "U+1FFFE is a Unicode noncharacter, which cannot be printed"),
    ("{\"a\": \"x\\u0000\"}", "a NUL character (U+0000) inside a string"),
  ])
  func noncharactersAndNULAreRefused(text: String, message: String) {
    #expect(error(text)?.message == message)
    #expect(error(text)?.path?.description == "a")
  }

  /// Positions on one long line (an NDJSON record) are counted once, not from the line's start
  /// for every value: 200,000 values parse in linear time. The count of steps is asserted
  /// through the result, not a clock: the parse must finish and place the last value right.
  @Test func positionsOnALongLineAreRight() throws {
    let values = (0..<200_000).map { _ in "1" }.joined(separator: ",")
    let value = try JSONReader.parse("[" + values + ",\"é\"]")
    guard case .array(let elements) = value.kind else { Issue.record("not an array"); return }
    #expect(elements.last?.location == SourceLocation(line: 1, column: 400_002))
  }
}

extension JSONReader.SyntaxError {
  /// The message and hint as the one renderer words them.
  fileprivate var message: String { diagnostic(file: nil).message }
  fileprivate var hint: String? { diagnostic(file: nil).hint }
}
