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
    ("{\"a\": 1,}", "trailing comma before '}'", 1, 9),
    ("{\n  \"a\": 1\n  \"b\": 2\n}", "unexpected '\"'; expected ',' or '}' after a value", 3, 3),
    ("{\"name\": \"Renée\" x}", "unexpected 'x'; expected ',' or '}' after a value", 1, 18),
    ("[1, 2", "unexpected end of file inside an array", 1, 6),
    ("{'a': 1}", "unexpected '''; expected a key in double quotes", 1, 2),
    ("{\"a\": 01}", "numbers must not have leading zeros", 1, 7),
    ("", "the file is empty; expected a JSON object", 1, 1),
    ("{\"a\": tru}", "unexpected 't'; expected a value", 1, 7),
  ])
  func syntaxErrorsNameTheSpot(text: String, message: String, line: Int, column: Int) {
    #expect(throws: JSONReader.SyntaxError(message: message, location: SourceLocation(line: line, column: column))) {
      try JSONReader.parse(text)
    }
  }
}
