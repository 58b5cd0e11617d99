/// Just after the PDF literal string whose `(` is at `start`: escapes and nested parentheses
/// skipped; the end of `bytes` when the string is not closed. One scanner for the post-pass,
/// the link audit and the emoji text, which all step over strings in content or objects.
func endOfLiteralString<Bytes: RandomAccessCollection>(_ bytes: Bytes, from start: Int) -> Int
where Bytes.Element == UInt8, Bytes.Index == Int {
  var index = start
  var depth = 0
  let end = bytes.endIndex
  while index < end {
    let c = bytes[index]
    index += 1
    if c == UInt8(ascii: "\\") { index += 1; continue }
    if c == UInt8(ascii: "(") { depth += 1 }
    if c == UInt8(ascii: ")") { depth -= 1; if depth == 0 { break } }
  }
  return min(index, end)
}
