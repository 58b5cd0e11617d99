import ArgumentParser
import Foundation
import HandoutKit
import HandoutModel

/// Reads a plan from a file, or from standard input for `-`.
func readInput(_ path: String) throws -> [UInt8] {
  if path == "-" {
    return [UInt8](FileHandle.standardInput.readDataToEndOfFile())
  }
  var isDirectory: ObjCBool = false
  guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
    throw failure("\(path): no such file", code: 64)
  }
  guard !isDirectory.boolValue, let data = FileManager.default.contents(atPath: path) else {
    throw failure("\(path): cannot read the file", code: 64)
  }
  return [UInt8](data)
}

/// Runs `body`, turning Handout's errors into diagnostics on standard error and an exit code.
func reportingErrors<T>(_ body: () throws(HandoutError) -> T) throws -> T {
  do {
    return try body()
  } catch .invalidInput(let diagnostics) {
    printError(DiagnosticFormatter.format(diagnostics))
    throw ExitCode(64)
  } catch .failure(let message) {
    printError("error: \(message)")
    throw ExitCode(1)
  }
}

/// Runs `body`, turning a printing or mail system's refusal into an error on standard error and
/// exit code 69 (`EX_UNAVAILABLE`).
func delivering<T>(_ body: () throws(DeliveryError) -> T) throws -> T {
  do {
    return try body()
  } catch {
    printError("error: \(error.description)")
    throw ExitCode(69)
  }
}

/// Prints warnings, if any.
func report(_ warnings: [Diagnostic]) {
  guard !warnings.isEmpty else { return }
  printError(warnings.map(DiagnosticFormatter.format).joined(separator: "\n"))
}

/// Prints an error line and returns the exit code to throw.
func failure(_ message: String, code: Int32) -> ExitCode {
  printError("error: \(message)")
  return ExitCode(code)
}

func printError(_ text: String) {
  FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// `SOURCE_DATE_EPOCH`, when set to a whole number.
func sourceDateEpoch() -> Int? {
  ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap { Int($0) }
}

/// `base-1.png`, `base-2.png`, … for multi-file formats.
func numberedPaths(_ target: String, count: Int, format: OutputFormat) -> [String] {
  let url = URL(fileURLWithPath: target)
  let stem = url.pathExtension.isEmpty ? target : String(target.dropLast(url.pathExtension.count + 1))
  return (1...max(count, 1)).map { "\(stem)-\($0).\(format.rawValue)" }
}

/// Writes a file atomically (see HandoutKit's `writeAtomically`), as an exit code on failure.
func write(_ bytes: [UInt8], to path: String) throws {
  do {
    try writeAtomically(bytes, to: path)
  } catch {
    throw failure(error.description, code: 1)
  }
}
