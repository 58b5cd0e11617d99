import Foundation

/// What a program run by ``runProgram(_:_:input:)`` did.
struct ProgramResult {
  var status: Int32
  /// Standard output and standard error, in the order written.
  var output: String
}

/// The path of `name` in `PATH`, or `name` itself when it holds a slash and is executable.
func findProgram(_ name: String) -> String? {
  if name.contains("/") { return access(name, X_OK) == 0 ? name : nil }
  let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
  for folder in path.split(separator: ":") where !folder.isEmpty {
    let candidate = folder + "/" + name
    if access(candidate, X_OK) == 0 { return candidate }
  }
  return nil
}

/// Runs `program` with `arguments` (no shell), reading `input` as its standard input, and
/// waits for it.
///
/// The input is written to a temporary file that is unlinked at once and handed over as an open
/// descriptor: the program reads the whole message even if this process is killed while it
/// runs, and no temporary file is ever left behind.
func runProgram(_ program: String, _ arguments: [String], input: [UInt8]) throws(DeliveryError) -> ProgramResult {
  let inputHandle = try unlinkedFile(holding: input)
  defer { try? inputHandle.close() }
  let process = Process()
  process.executableURL = URL(fileURLWithPath: program)
  process.arguments = arguments
  let output = Pipe()
  process.standardInput = inputHandle
  process.standardOutput = output
  process.standardError = output
  do {
    try process.run()
  } catch {
    throw DeliveryError("cannot run \(program): \(error.localizedDescription)")
  }
  let text = output.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
  return ProgramResult(status: status, output: String(decoding: text, as: UTF8.self))
}

/// A file descriptor open on `bytes`, positioned at the start, whose file has no name.
private func unlinkedFile(holding bytes: [UInt8]) throws(DeliveryError) -> FileHandle {
  let folder = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
  var template = Array((folder + "/.handout-delivery-XXXXXX").utf8CString)
  let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
  guard descriptor >= 0 else {
    throw DeliveryError("cannot make a temporary file in \(folder): \(String(cString: strerror(errno)))")
  }
  template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
  var written = 0
  let failed: Bool = bytes.withUnsafeBytes { buffer in
    while written < buffer.count {
      let count = write(descriptor, buffer.baseAddress! + written, buffer.count - written)
      if count < 0 {
        if errno == EINTR { continue }
        return true
      }
      written += count
    }
    return false
  }
  if failed || lseek(descriptor, 0, SEEK_SET) != 0 {
    let reason = String(cString: strerror(errno))
    close(descriptor)
    throw DeliveryError("cannot write a temporary file in \(folder): \(reason)")
  }
  return FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
}

/// A program's output as one line: trimmed, lines joined with "; ", control characters dropped.
func oneLine(_ text: String) -> String {
  text.split(whereSeparator: \.isNewline)
    .map { String(String.UnicodeScalarView($0.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F })) }
    .map { $0.trimmingCharacters(in: .whitespaces) }
    .filter { !$0.isEmpty }
    .joined(separator: "; ")
}
