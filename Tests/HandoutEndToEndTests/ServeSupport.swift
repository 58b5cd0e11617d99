import Foundation
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// A `handout serve` process on a port the kernel chose. It stops when this object goes (by
/// SIGTERM), and also when the test process dies, because it watches its standard input.
final class ServeProcess: @unchecked Sendable {
  let server: ServerProcess
  let base: URL
  let folder: URL

  init(_ arguments: [String] = [], environment: [String: String] = [:]) throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("handout-serve-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    server = try ServerProcess(
      handoutBinary, ["serve", "--port", "0", "--stop-on-eof"] + arguments,
      errorPath: folder.appendingPathComponent("serve.err"), environment: environment)
    let line = try server.firstLine(within: 60)
    guard let range = line.range(of: "listening on "), let url = URL(string: String(line[range.upperBound...])) else {
      throw ServerSetupError("handout serve said \"\(line)\" instead of its address; stderr: \(server.errors)")
    }
    base = url
  }

  func url(_ path: String) -> URL { URL(string: path, relativeTo: base)!.absoluteURL }

  /// Sends SIGTERM and waits for the process; its exit status.
  @discardableResult
  func terminate() -> Int32 {
    if server.process.isRunning { server.process.terminate() }
    server.process.waitUntilExit()
    return server.process.terminationStatus
  }

  deinit {
    terminate()
    server.stop()
    try? FileManager.default.removeItem(at: folder)
  }
}

/// One HTTP exchange.
struct Reply: Sendable {
  var status: Int
  var headers: [String: String]
  var body: Data

  func header(_ name: String) -> String? {
    headers.first { $0.key.lowercased() == name.lowercased() }?.value
  }

  var text: String { String(decoding: body, as: UTF8.self) }

  func json() throws -> Any { try JSONSerialization.jsonObject(with: body) }
}

/// Sends a request and waits for the answer (at most `timeout` seconds).
func http(
  _ method: String, _ url: URL, body: Data? = nil, headers: [String: String] = [:], timeout: Double = 120
) throws -> Reply {
  var request = URLRequest(url: url, timeoutInterval: timeout)
  request.httpMethod = method
  request.httpBody = body
  for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
  if body != nil, headers["Content-Type"] == nil { request.setValue("application/json", forHTTPHeaderField: "Content-Type") }
  final class Box: @unchecked Sendable { var result: Result<Reply, any Error>? }
  let box = Box()
  let done = DispatchSemaphore(value: 0)
  let configuration = URLSessionConfiguration.ephemeral
  configuration.timeoutIntervalForRequest = timeout
  let session = URLSession(configuration: configuration)
  session.dataTask(with: request) { data, response, error in
    if let error {
      box.result = .failure(error)
    } else if let response = response as? HTTPURLResponse {
      var fields: [String: String] = [:]
      for (key, value) in response.allHeaderFields { fields["\(key)"] = "\(value)" }
      box.result = .success(Reply(status: response.statusCode, headers: fields, body: data ?? Data()))
    } else {
      box.result = .failure(ServerSetupError("no HTTP response"))
    }
    done.signal()
  }.resume()
  done.wait()
  session.finishTasksAndInvalidate()
  return try box.result!.get()
}

/// The Python of `scripts/install-test-tools` (selenium, schemathesis): the tests' own.
func testToolsPython() throws -> String { try testPython() }

/// The reference plan and the folder its logo is in.
var referencePlanURL: URL { sharedExamples.appendingPathComponent("sciatica-plan.json") }
