/// A small, fast, seedable generator (SplitMix64).
struct Random {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A number in `0..<bound` (`bound` > 0).
  mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

  mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

  mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

/// Structure-aware mutations of a plan: a node is replaced, retyped, removed, duplicated or
/// grafted elsewhere; strings get bad bytes, edge-case text and lengths at the limits; numbers
/// get the edges of ranges and parsers; keys are duplicated or misspelt; values are nested deep.
struct Mutator {
  var random: Random

  init(seed: UInt32) { random = Random(seed: UInt64(seed) &* 0x2545_F491_4F6C_DD1D &+ 1) }

  /// One to four mutations of `tree`.
  mutating func mutate(_ tree: JSONTree) -> JSONTree {
    var tree = tree
    for _ in 0...random.below(4) { tree = mutateOnce(tree) }
    return tree
  }

  /// Where each node is: the child indexes from the root.
  private func paths(_ tree: JSONTree, prefix: [Int] = [], into result: inout [[Int]]) {
    result.append(prefix)
    guard result.count < 20_000 else { return }
    for (index, child) in tree.children.enumerated() {
      paths(child, prefix: prefix + [index], into: &result)
    }
  }

  private func node(_ tree: JSONTree, at path: ArraySlice<Int>) -> JSONTree {
    guard let first = path.first else { return tree }
    return node(tree.children[first], at: path.dropFirst())
  }

  /// The tree with the node at `path` passed through `change`.
  private func modify(_ tree: JSONTree, at path: ArraySlice<Int>, _ change: (JSONTree) -> JSONTree) -> JSONTree {
    guard let first = path.first else { return change(tree) }
    switch tree {
    case .array(var items):
      items[first] = modify(items[first], at: path.dropFirst(), change)
      return .array(items)
    case .object(var members):
      members[first].value = modify(members[first].value, at: path.dropFirst(), change)
      return .object(members)
    default:
      return tree
    }
  }

  private mutating func mutateOnce(_ tree: JSONTree) -> JSONTree {
    var all: [[Int]] = []
    paths(tree, into: &all)
    let path = random.pick(all)[...]
    let target = node(tree, at: path)
    switch random.below(100) {
    case 0..<22:
      let replacement = scalarFromDictionary()
      return modify(tree, at: path) { _ in replacement }
    case 22..<32:
      let replacement = anyValue()
      return modify(tree, at: path) { _ in replacement }
    case 32..<48:
      let replacement = editedString(target)
      return modify(tree, at: path) { _ in replacement }
    case 48..<56:
      let replacement = editedNumber(target)
      return modify(tree, at: path) { _ in replacement }
    case 56..<64:
      let choice = random.next()
      return modify(tree, at: path) { node in
        switch node {
        case .array(var items) where !items.isEmpty:
          items.remove(at: Int(choice % UInt64(items.count)))
          return .array(items)
        case .object(var members) where !members.isEmpty:
          members.remove(at: Int(choice % UInt64(members.count)))
          return .object(members)
        default: return node
        }
      }
    case 64..<70:
      let value = scalarFromDictionary()
      let choice = random.next()
      return modify(tree, at: path) { node in
        guard case .object(var members) = node, !members.isEmpty else { return node }
        let copied = members[Int(choice % UInt64(members.count))]
        members.append(.init(key: copied.key, value: choice % 2 == 0 ? copied.value : value))
        return .object(members)
      }
    case 70..<78:
      let key = Array(random.pick(Dictionary.keys).utf8)
      let value = random.chance(50) ? anyValue() : node(tree, at: random.pick(all)[...])
      return modify(tree, at: path) { node in
        guard case .object(var members) = node else { return node }
        members.append(.init(key: key, value: value))
        return .object(members)
      }
    case 78..<84:
      let times = random.pick([1, 2, 3, 10, 50, 199, 200, 201, 400])
      let choice = random.next()
      return modify(tree, at: path) { node in
        guard case .array(var items) = node, !items.isEmpty else { return node }
        let item = items[Int(choice % UInt64(items.count))]
        items += repeatElement(item, count: times)
        return .array(items)
      }
    case 84..<92:
      let graft = node(tree, at: random.pick(all)[...])
      return modify(tree, at: path) { _ in graft }
    case 92..<96:
      let depth = random.pick([2, 10, 63, 64, 65, 100, 127, 128, 129, 256, 1000, 10_000])
      let isArray = random.chance(50)
      let inner = target.serialized(pretty: false)
      let open = isArray ? Array("[".utf8) : Array("{\"a\":".utf8)
      let close = isArray ? Array("]".utf8) : Array("}".utf8)
      var bytes: [UInt8] = []
      bytes.reserveCapacity(depth * (open.count + 1) + inner.count)
      for _ in 0..<depth { bytes += open }
      bytes += inner
      for _ in 0..<depth { bytes += close }
      return modify(tree, at: path) { _ in .raw(bytes) }
    default:
      // A raw token where a value goes: the parsers' own edge cases.
      let token = random.pick([
        "", "nul", "tru", "[", "{", "}", "]", "\"", "\"\\", "\"\\u12\"", "\"\\x41\"", "'single'",
        "/* c */ 1", "1 // c", "[1,]", "{\"a\":1,}", "1 2", "\"a\" \"b\"",
      ])
      return modify(tree, at: path) { _ in .raw(Array(token.utf8)) }
    }
  }

  /// A value of any type, from the dictionary.
  private mutating func anyValue() -> JSONTree {
    switch random.below(6) {
    case 0: return .literal(Array("null".utf8))
    case 1: return .array(random.chance(50) ? [] : [scalarFromDictionary()])
    case 2: return .object(random.chance(50) ? [] : [.init(key: Array(random.pick(Dictionary.keys).utf8), value: scalarFromDictionary())])
    default: return scalarFromDictionary()
    }
  }

  private mutating func scalarFromDictionary() -> JSONTree {
    switch random.below(10) {
    case 0..<4: return .string(Array(random.pick(Dictionary.words).utf8))
    case 4..<6: return .string(Array(random.pick(Dictionary.addresses).utf8))
    case 6..<8: return .string(Array(random.pick(Dictionary.texts).utf8))
    default: return .literal(Array(random.pick(Dictionary.numbers).utf8))
    }
  }

  /// A string with bad bytes or edge-case text put in, cut short, or grown to a limit's edge.
  private mutating func editedString(_ node: JSONTree) -> JSONTree {
    var bytes: [UInt8]
    if case .string(let contents) = node { bytes = contents } else { bytes = Array("text".utf8) }
    let at = bytes.isEmpty ? 0 : random.below(bytes.count + 1)
    switch random.below(6) {
    case 0, 1:
      bytes.insert(contentsOf: random.pick(Dictionary.badBytes), at: at)
    case 2:
      bytes.insert(contentsOf: Array(random.pick(Dictionary.texts).utf8), at: at)
    case 3:
      bytes = Array(bytes[..<at])
    default:
      let unit = random.pick(Dictionary.units)
      let length = random.pick(Dictionary.lengths)
      var grown: [UInt8] = random.chance(50) ? Array(bytes.prefix(8)) : []
      grown.reserveCapacity(grown.count + length * unit.count)
      for _ in 0..<length { grown += unit }
      bytes = grown
    }
    return .string(bytes)
  }

  /// A number at an edge, or the old one off by one, scaled or negated.
  private mutating func editedNumber(_ node: JSONTree) -> JSONTree {
    if case .literal(let bytes) = node, let value = Int(String(decoding: bytes, as: UTF8.self)) {
      let changed = random.pick([value &+ 1, value &- 1, 0 &- value, value &* 1000, value &* 1_000_000_007, 0])
      return .literal(Array(String(changed).utf8))
    }
    return .literal(Array(random.pick(Dictionary.numbers).utf8))
  }
}
