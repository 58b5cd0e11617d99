import Foundation
import HandoutModel

/// Reads the plans of one input, one at a time, so memory holds a single plan whatever the
/// input's size.
///
/// An input is NDJSON (one plan per line), a JSON array of plans, or one or more plans one after
/// another (a single pretty-printed plan file is the common case). The first value decides:
/// an array makes its elements the records; a value that ends on its first line makes every line
/// a record, so a broken line cannot swallow the lines after it.
public final class RecordReader: Sequence, IteratorProtocol {
  private enum Mode { case undecided, lines, values, array, finished }

  private let input: String
  private let planPath: String?
  private let descriptor: Int32
  private let ownsDescriptor: Bool
  private var buffer = [UInt8](repeating: 0, count: 1 << 16)
  private var bufferCount = 0
  private var position = 0
  private var isAtEnd = false
  private var mode: Mode
  private var line = 1
  private var column = 1
  private var count = 0
  /// Set when the input cannot be read; the records read so far stand.
  public private(set) var readError: String?

  /// A reader over a file, or over standard input for `-`.
  public init(path: String) throws(HandoutError) {
    if path == "-" {
      input = "<stdin>"
      planPath = nil
      descriptor = 0
      ownsDescriptor = false
    } else {
      let opened = open(path, O_RDONLY)
      guard opened >= 0 else {
        throw .invalidInput([Diagnostic(.error, .file(.cannotOpen(reason: String(cString: strerror(errno)))), file: path)])
      }
      input = path
      planPath = path
      descriptor = opened
      ownsDescriptor = true
    }
    let lower = path.lowercased()
    mode = lower.hasSuffix(".ndjson") || lower.hasSuffix(".jsonl") ? .lines : .undecided
  }

  deinit {
    if ownsDescriptor { close(descriptor) }
  }

  public func next() -> PlanRecord? {
    while true {
      switch mode {
      case .finished:
        return nil
      case .undecided:
        skipWhitespace(andCommas: false)
        guard let byte = peek() else { mode = .finished; return nil }
        if byte == UInt8(ascii: "[") {
          advance()
          mode = .array
          continue
        }
        let start = SourceLocation(line: line, column: column)
        let bytes = readValue()
        // A value that ends where its line ends means one plan per line.
        skipSpaces()
        mode = (peek() == nil || peek() == UInt8(ascii: "\n") || peek() == UInt8(ascii: "\r")) && start.line == line
          ? .lines : .values
        return record(bytes, at: start)
      case .lines:
        guard let (bytes, start) = readLine() else { mode = .finished; return nil }
        if bytes.allSatisfy(isWhitespace) { continue }
        return record(bytes, at: start)
      case .values:
        skipWhitespace(andCommas: false)
        guard peek() != nil else { mode = .finished; return nil }
        let start = SourceLocation(line: line, column: column)
        return record(readValue(), at: start)
      case .array:
        skipWhitespace(andCommas: true)
        guard let byte = peek() else { mode = .finished; return nil }
        if byte == UInt8(ascii: "]") {
          advance()
          skipWhitespace(andCommas: false)
          if peek() != nil {
            readError = "text after the closing ] of the array of plans at \(line):\(column)"
          }
          mode = .finished
          return nil
        }
        let start = SourceLocation(line: line, column: column)
        return record(readValue(), at: start)
      }
    }
  }

  private func record(_ bytes: [UInt8], at start: SourceLocation) -> PlanRecord {
    count += 1
    return PlanRecord(input: input, planPath: planPath, number: count, start: start, bytes: bytes)
  }

  // MARK: Bytes

  private func peek() -> UInt8? {
    if position == bufferCount, !fill() { return nil }
    return buffer[position]
  }

  private func advance() {
    if buffer[position] == UInt8(ascii: "\n") {
      line += 1
      column = 1
    } else if buffer[position] & 0xC0 != 0x80 {
      column += 1
    }
    position += 1
  }

  /// Reads the next chunk; `false` at the end of the input.
  private func fill() -> Bool {
    guard !isAtEnd else { return false }
    while true {
      let got = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if got < 0, errno == EINTR { continue }
      if got < 0 { readError = String(cString: strerror(errno)) }
      if got <= 0 {
        isAtEnd = true
        return false
      }
      bufferCount = got
      position = 0
      return true
    }
  }

  private func isWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
  }

  private func skipWhitespace(andCommas: Bool) {
    while let byte = peek(), isWhitespace(byte) || (andCommas && byte == UInt8(ascii: ",")) { advance() }
  }

  private func skipSpaces() {
    while let byte = peek(), byte == 0x20 || byte == 0x09 { advance() }
  }

  /// One line, without its line break.
  private func readLine() -> ([UInt8], SourceLocation)? {
    guard peek() != nil else { return nil }
    let start = SourceLocation(line: line, column: column)
    var bytes: [UInt8] = []
    while let byte = peek() {
      advance()
      if byte == UInt8(ascii: "\n") { break }
      // Past the limit, one byte more is kept: the plan reader refuses the record with the limit.
      if bytes.count <= PlanLimits.fileBytes { bytes.append(byte) }
    }
    if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
    return (bytes, start)
  }

  /// One JSON value: an object or array up to its closing bracket (strings respected), or a
  /// bare word up to the next separator. Syntax inside is the plan reader's business.
  private func readValue() -> [UInt8] {
    var bytes: [UInt8] = []
    var depth = 0
    var inString = false
    var escaped = false
    while let byte = peek() {
      if depth == 0, !bytes.isEmpty, !inString {
        if isWhitespace(byte) || byte == UInt8(ascii: ",") || byte == UInt8(ascii: "]") { break }
      }
      advance()
      if bytes.count <= PlanLimits.fileBytes { bytes.append(byte) }
      if inString {
        if escaped {
          escaped = false
        } else if byte == UInt8(ascii: "\\") {
          escaped = true
        } else if byte == UInt8(ascii: "\"") {
          inString = false
        }
        continue
      }
      switch byte {
      case UInt8(ascii: "\""): inString = true
      case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
      case UInt8(ascii: "}"), UInt8(ascii: "]"):
        depth -= 1
        if depth <= 0 { return bytes }
      default: break
      }
    }
    return bytes
  }
}
