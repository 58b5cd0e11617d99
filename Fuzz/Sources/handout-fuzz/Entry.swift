import Foundation

// libFuzzer's entry points. libFuzzer (linked by `-sanitize=fuzzer`) supplies `main`, runs the
// inputs, keeps the ones that reach new code, and stops on a crash, a slow input (-timeout) or
// too much memory (-rss_limit_mb); scripts/fuzz sets those limits.

/// The one harness of the process: libFuzzer calls in from a single thread.
nonisolated(unsafe) private var harness: Harness?

@_cdecl("LLVMFuzzerInitialize")
public func fuzzerInitialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> CInt {
  harness = Harness()
  // libFuzzer ends a timed run with exit(): say what the slowest input was.
  atexit { if let harness { FileHandle.standardError.write(Data((harness.summary + "\n").utf8)) } }
  return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard let harness else { return 0 }
  harness.run(UnsafeBufferPointer(start: data, count: size))
  return 0
}

/// libFuzzer's own byte-level mutator.
@_silgen_name("LLVMFuzzerMutate")
func libFuzzerMutate(_ data: UnsafeMutablePointer<UInt8>, _ size: Int, _ maxSize: Int) -> Int

/// Most mutations are structure-aware (the input parsed as JSON, a node changed, written back);
/// the rest, and every input that does not parse, are libFuzzer's byte-level ones.
@_cdecl("LLVMFuzzerCustomMutator")
public func fuzzerCustomMutator(_ data: UnsafeMutablePointer<UInt8>, _ size: Int, _ maxSize: Int, _ seed: UInt32) -> Int {
  var mutator = Mutator(seed: seed)
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  guard !mutator.random.chance(15), let tree = JSONTree.parse(bytes) else {
    return libFuzzerMutate(data, size, maxSize)
  }
  for _ in 0..<4 {
    var out = mutator.mutate(tree).serialized(pretty: mutator.random.chance(30))
    if mutator.random.chance(3) { out = framed(out, &mutator.random) }
    if out.count <= maxSize {
      out.withUnsafeBufferPointer { data.update(from: $0.baseAddress!, count: out.count) }
      return out.count
    }
  }
  return libFuzzerMutate(data, size, maxSize)
}

/// Crossover of two plans: a node of the second grafted in place of a node of the first.
@_cdecl("LLVMFuzzerCustomCrossOver")
public func fuzzerCustomCrossOver(
  _ data1: UnsafePointer<UInt8>, _ size1: Int, _ data2: UnsafePointer<UInt8>, _ size2: Int,
  _ out: UnsafeMutablePointer<UInt8>, _ maxOutSize: Int, _ seed: UInt32
) -> Int {
  var random = Random(seed: UInt64(seed) | 1 << 40)
  guard let first = JSONTree.parse(Array(UnsafeBufferPointer(start: data1, count: size1))),
    let second = JSONTree.parse(Array(UnsafeBufferPointer(start: data2, count: size2))),
    case .object(var members) = first, case .object(let others) = second, !others.isEmpty
  else { return 0 }
  let donor = random.pick(others)
  if let index = members.firstIndex(where: { $0.key == donor.key }), random.chance(80) {
    members[index] = donor
  } else {
    members.append(donor)
  }
  let bytes = JSONTree.object(members).serialized(pretty: false)
  guard bytes.count <= maxOutSize else { return 0 }
  bytes.withUnsafeBufferPointer { out.update(from: $0.baseAddress!, count: bytes.count) }
  return bytes.count
}

/// The document with bytes around it: a byte-order mark, a second document, trailing garbage.
func framed(_ bytes: [UInt8], _ random: inout Random) -> [UInt8] {
  switch random.below(5) {
  case 0: return [0xEF, 0xBB, 0xBF] + bytes
  case 1: return bytes + bytes
  case 2: return bytes + Array("\n{}".utf8)
  case 3: return [0xFF, 0xFE] + bytes
  default: return bytes + [0x00]
  }
}
