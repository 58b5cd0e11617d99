import ArgumentParser
import Foundation
import HandoutKit
import HandoutModel

/// Reads a plan from a file, or from standard input for `-`, refusing more than
/// ``PlanLimits/fileBytes`` before reading it all.
func readInput(_ path: String) throws -> [UInt8] {
  if path == "-" {
    var bytes: [UInt8] = []
    while let chunk = try? FileHandle.standardInput.read(upToCount: 1 << 16), !chunk.isEmpty {
      bytes += chunk
      // One byte past the limit is enough for the plan reader to refuse it with the limit.
      if bytes.count > PlanLimits.fileBytes { break }
    }
    return bytes
  }
  switch InputFile.read(path, limit: PlanLimits.fileBytes) {
  case .success(let bytes): return bytes
  case .failure(let problem):
    printError(DiagnosticFormatter.format(Diagnostic(.error, .file(problem), file: path)))
    throw ExitCode(64)
  }
}

/// Runs `body`, turning Handout's errors into diagnostics on standard error and an exit code.
func reportingErrors<T>(_ body: () throws(HandoutError) -> T) throws -> T {
  let outcome: Result<T, HandoutError>
  do {
    outcome = .success(try body())
  } catch {
    outcome = .failure(error)
  }
  switch outcome {
  case .success(let value): return value
  case .failure(.invalidInput(let diagnostics)):
    printError(DiagnosticFormatter.format(diagnostics))
    throw ExitCode(64)
  case .failure(.failure(let message)):
    throw printing(.failure(message), code: 1)
  }
}

/// Runs `body`, turning a printing or mail system's refusal into an error on standard error and
/// exit code 69 (`EX_UNAVAILABLE`).
func delivering<T>(_ body: () throws(DeliveryError) -> T) throws -> T {
  let outcome: Result<T, DeliveryError>
  do {
    outcome = .success(try body())
  } catch {
    outcome = .failure(error)
  }
  switch outcome {
  case .success(let value): return value
  case .failure(let error): throw printing(.unavailable(error.message, hint: error.hint), code: 69)
  }
}

/// Prints warnings, if any: the first 50 in full, the rest counted.
func report(_ warnings: [Diagnostic]) {
  guard !warnings.isEmpty else { return }
  printError(DiagnosticFormatter.shown(warnings).joined(separator: "\n"))
}

/// Prints a problem that is not in an input file and returns the exit code to throw.
func printing(_ problem: Problem, code: Int32) -> ExitCode {
  printError(DiagnosticFormatter.format(Diagnostic(.error, problem)))
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
    throw printing(.failure(error.description), code: 1)
  }
}
