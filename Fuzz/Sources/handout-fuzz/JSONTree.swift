/// A JSON document as the mutator sees it: bytes kept as written, so that a mutation can put
/// anything into it (invalid UTF-8, duplicate keys, numbers no parser accepts) and write it back.
indirect enum JSONTree {
  /// `null`, `true`, `false` or a number, as written.
  case literal([UInt8])
  /// A string's contents between the quotes, escapes as written.
  case string([UInt8])
  case array([JSONTree])
  /// Members in order; a key may appear twice.
  case object([Member])
  /// Bytes written verbatim: deep nesting, garbage.
  case raw([UInt8])

  struct Member {
    /// The key's contents between the quotes, as written.
    var key: [UInt8]
    var value: JSONTree
  }

  /// The children of an array or object, in order.
  var children: [JSONTree] {
    switch self {
    case .array(let items): return items
    case .object(let members): return members.map(\.value)
    default: return []
    }
  }

  /// How many nodes the tree holds.
  var count: Int { 1 + children.reduce(0) { $0 + $1.count } }
}

extension JSONTree {
  /// Parses leniently enough for the seeds and the mutator's own output; `nil` for anything else
  /// (the mutator then falls back to libFuzzer's byte mutations).
  static func parse(_ bytes: [UInt8]) -> JSONTree? {
    var parser = TreeParser(bytes: bytes)
    guard let tree = parser.value(depth: 0) else { return nil }
    parser.skipSpace()
    return parser.index == bytes.count ? tree : nil
  }

  /// The document's bytes: compact, or indented by two spaces a level.
  func serialized(pretty: Bool) -> [UInt8] {
    var out: [UInt8] = []
    write(to: &out, pretty: pretty, level: 0)
    return out
  }

  private func write(to out: inout [UInt8], pretty: Bool, level: Int) {
    func newline(_ level: Int) {
      guard pretty else { return }
      out.append(0x0A)
      out.append(contentsOf: repeatElement(0x20, count: 2 * min(level, 64)))
    }
    switch self {
    case .literal(let bytes), .raw(let bytes):
      out += bytes
    case .string(let bytes):
      out.append(0x22)
      out += bytes
      out.append(0x22)
    case .array(let items):
      out.append(UInt8(ascii: "["))
      for (index, item) in items.enumerated() {
        if index > 0 { out.append(UInt8(ascii: ",")) }
        newline(level + 1)
        item.write(to: &out, pretty: pretty, level: level + 1)
      }
      if !items.isEmpty { newline(level) }
      out.append(UInt8(ascii: "]"))
    case .object(let members):
      out.append(UInt8(ascii: "{"))
      for (index, member) in members.enumerated() {
        if index > 0 { out.append(UInt8(ascii: ",")) }
        newline(level + 1)
        out.append(0x22)
        out += member.key
        out += pretty ? Array("\": ".utf8) : Array("\":".utf8)
        member.value.write(to: &out, pretty: pretty, level: level + 1)
      }
      if !members.isEmpty { newline(level) }
      out.append(UInt8(ascii: "}"))
    }
  }
}

/// A recursive-descent reader over bytes; it checks structure, not escapes or UTF-8.
private struct TreeParser {
  let bytes: [UInt8]
  var index = 0

  init(bytes: [UInt8]) {
    self.bytes = bytes
    // A byte-order mark is kept out of the tree.
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
  }

  mutating func skipSpace() {
    while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
  }

  mutating func value(depth: Int) -> JSONTree? {
    guard depth < 400 else { return nil }
    skipSpace()
    guard index < bytes.count else { return nil }
    switch bytes[index] {
    case UInt8(ascii: "{"):
      index += 1
      var members: [JSONTree.Member] = []
      skipSpace()
      if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
      while true {
        skipSpace()
        guard let key = string() else { return nil }
        skipSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
        index += 1
        guard let value = value(depth: depth + 1) else { return nil }
        members.append(.init(key: key, value: value))
        skipSpace()
        guard index < bytes.count else { return nil }
        if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
        if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
        return nil
      }
    case UInt8(ascii: "["):
      index += 1
      var items: [JSONTree] = []
      skipSpace()
      if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
      while true {
        guard let item = value(depth: depth + 1) else { return nil }
        items.append(item)
        skipSpace()
        guard index < bytes.count else { return nil }
        if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
        if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
        return nil
      }
    case UInt8(ascii: "\""):
      return string().map(JSONTree.string)
    default:
      let start = index
      while index < bytes.count, !",]} \t\r\n:".utf8.contains(bytes[index]) { index += 1 }
      return index > start ? .literal(Array(bytes[start..<index])) : nil
    }
  }

  /// A string's contents, escapes as written.
  mutating func string() -> [UInt8]? {
    guard index < bytes.count, bytes[index] == 0x22 else { return nil }
    index += 1
    let start = index
    while index < bytes.count {
      switch bytes[index] {
      case 0x22:
        defer { index += 1 }
        return Array(bytes[start..<index])
      case 0x5C:
        index += 2
      default:
        index += 1
      }
    }
    return nil
  }
}
