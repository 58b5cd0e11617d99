import Foundation
import HandoutServer
import Testing

/// One server for the API tests that need no limits of their own: the reference plan's folder
/// for logos, and a fixed date so that its PDFs can be compared with the CLI's.
private let shared = Result { try ServeProcess(["--assets", sharedExamples.path], environment: ["SOURCE_DATE_EPOCH": "1763683200"]) }

private func server() throws -> ServeProcess { try shared.get() }

private func plan() throws -> Data { try Data(contentsOf: referencePlanURL) }

/// A plan with one typo'd dosage (`"30 ss"`) on line 6, and no other problem.
private let typoPlan = """
  {
    "format": 1,
    "language": "en",
    "client": { "name": "Ada Typo" },
    "homeCare": [
      { "id": "piriformis-stretch", "hold": "30 ss" }
    ]
  }
  """

/// Whether two byte strings are equal, as a Bool: `#expect(a == b)` on megabytes of Data
/// makes Swift Testing compute their difference, which takes minutes.
private func same(_ a: Data, _ b: Data) -> Bool { a == b }

@Suite("handout serve: the API")
struct ServeAPITests {
  @Test("GET /healthz answers the workers and the queue")
  func health() throws {
    let reply = try http("GET", try server().url("/healthz"))
    #expect(reply.status == 200)
    let body = try #require(try reply.json() as? [String: Any])
    #expect(body["status"] as? String == "ok")
    #expect((body["workers"] as? Int ?? 0) >= 1)
    #expect(body["queueLimit"] as? Int == 32)
  }

  @Test("GET /v1/layouts lists what `handout layouts` lists")
  func layouts() throws {
    let reply = try http("GET", try server().url("/v1/layouts"))
    #expect(reply.status == 200)
    let names = try #require(try reply.json() as? [[String: String]]).compactMap { $0["name"] }
    let cli = try run(handoutBinary, ["layouts"])
    let cliNames = String(decoding: cli.stdout, as: UTF8.self).split(separator: "\n").compactMap { $0.split(separator: " ").first.map(String.init) }
    #expect(!names.isEmpty)
    #expect(names == cliNames)
  }

  @Test("GET /v1/catalog?language= is `handout catalog --json --language`", arguments: ["en", "es", "ko"])
  func catalog(language: String) throws {
    let reply = try http("GET", try server().url("/v1/catalog?language=\(language)"))
    #expect(reply.status == 200)
    let cli = try run(handoutBinary, ["catalog", "--json", "--language", language])
    let served = try #require(try reply.json() as? NSDictionary)
    let printed = try #require(try JSONSerialization.jsonObject(with: cli.stdout) as? NSDictionary)
    #expect(served == printed)
    #expect(served["language"] as? String == language)
  }

  @Test("GET /v1/catalog of a language without a catalogue answers 404")
  func catalogUnknown() throws {
    let reply = try http("GET", try server().url("/v1/catalog?language=fr"))
    #expect(reply.status == 404)
    #expect(reply.text.contains("en, es, ko"))
  }

  @Test("GET /v1/schema is `handout schema`")
  func schema() throws {
    let reply = try http("GET", try server().url("/v1/schema"))
    #expect(reply.status == 200)
    #expect(reply.header("Content-Type") == "application/schema+json")
    #expect(same(reply.body, try run(handoutBinary, ["schema"]).stdout))
  }

  @Test("POST /v1/render answers the PDF `handout render` writes, byte for byte")
  func renderPDF() throws {
    let reply = try http("POST", try server().url("/v1/render"), body: try plan())
    #expect(reply.status == 200)
    #expect(reply.header("Content-Type") == "application/pdf")
    #expect(reply.header("Content-Disposition") == "inline; filename=\"Jordan-Alvarez-2026-11-20.pdf\"")
    let scratch = try Scratch()
    let served = try scratch.file(Array(reply.body))
    let written = scratch.url.appendingPathComponent("cli.pdf").path
    let cli = try run(handoutBinary, ["render", referencePlanURL.path, "-o", written], environment: ["SOURCE_DATE_EPOCH": "1763683200"])
    #expect(cli.status == 0, "\(cli.stderr)")
    #expect(same(reply.body, try Data(contentsOf: URL(fileURLWithPath: written))))
    let text = try run("pdftotext", [served, "-"])
    #expect(String(decoding: text.stdout, as: UTF8.self).contains("Jordan Alvarez"))
    let info = String(decoding: try run("pdfinfo", [served]).stdout, as: UTF8.self)
    let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.map { $0.dropFirst(6).trimmingCharacters(in: .whitespaces) }
    #expect(pages == reply.header("X-Handout-Pages"))
  }

  @Test("POST /v1/render?paper=a4&layout=care-plan-report sets that paper and layout")
  func renderOptions() throws {
    let reply = try http("POST", try server().url("/v1/render?paper=a4&layout=care-plan-report"), body: try plan())
    #expect(reply.status == 200)
    let scratch = try Scratch()
    let info = String(decoding: try run("pdfinfo", [try scratch.file(Array(reply.body))]).stdout, as: UTF8.self)
    #expect(info.contains("595.276 x 841.89 pts") || info.contains("595.28 x 841.89 pts"), "\(info)")
    let cli = try run(handoutBinary, ["render", referencePlanURL.path, "-o", scratch.url.appendingPathComponent("r.pdf").path, "--paper", "a4", "--layout", "care-plan-report"], environment: ["SOURCE_DATE_EPOCH": "1763683200"])
    #expect(cli.status == 0)
    #expect(same(reply.body, try Data(contentsOf: scratch.url.appendingPathComponent("r.pdf"))))
  }

  @Test("POST /v1/render?largePrint=true sets the plan in 18 pt")
  func renderLargePrint() throws {
    let normal = try http("POST", try server().url("/v1/render"), body: try plan())
    let large = try http("POST", try server().url("/v1/render?largePrint=true"), body: try plan())
    #expect(large.status == 200)
    #expect(Int(large.header("X-Handout-Pages") ?? "0")! > Int(normal.header("X-Handout-Pages") ?? "0")!)
  }

  @Test("POST /v1/render?format=png&page=N&dpi= answers page N as PNG at that resolution")
  func renderPNG() throws {
    let reply = try http("POST", try server().url("/v1/render?format=png&page=2&dpi=50"), body: try plan())
    #expect(reply.status == 200)
    #expect(reply.header("Content-Type") == "image/png")
    let bytes = [UInt8](reply.body)
    #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    // IHDR: width and height, big-endian, at bytes 16 and 20. Letter at 50 dpi: 425 × 550.
    let width = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }
    let height = bytes[20..<24].reduce(0) { $0 << 8 | Int($1) }
    #expect(width == 425 && height == 550)
    // The page drawn is page 2: it differs from page 1.
    let first = try http("POST", try server().url("/v1/render?format=png&page=1&dpi=50"), body: try plan())
    #expect(first.status == 200 && !same(first.body, reply.body))
    let beyond = try http("POST", try server().url("/v1/render?format=png&page=99&dpi=50"), body: try plan())
    #expect(beyond.status == 422)
  }

  @Test("Bad query parameters answer 400", arguments: [
    "layout=../../etc/passwd", "paper=a5", "format=tiff", "format=png&dpi=5000", "format=png&page=0", "largePrint=perhaps",
    "dpi=72", "colour=red",
  ])
  func badQuery(_ query: String) throws {
    let reply = try http("POST", try server().url("/v1/render?\(query)"), body: try plan())
    #expect(reply.status == 400, "\(query): \(reply.text)")
    #expect((try reply.json() as? [String: Any])?["error"] is String)
  }

  @Test("POST /v1/validate answers the diagnostics `handout validate` prints, as JSON")
  func validate() throws {
    let reply = try http("POST", try server().url("/v1/validate"), body: Data(typoPlan.utf8))
    #expect(reply.status == 422)
    let body = try #require(try reply.json() as? [String: Any])
    #expect(body["ok"] as? Bool == false)
    let diagnostics = try #require(body["diagnostics"] as? [[String: Any]])
    #expect(diagnostics.count == 1)
    let first = try #require(diagnostics.first)
    #expect(first["severity"] as? String == "error")
    #expect(first["line"] as? Int == 6)
    #expect(first["column"] as? Int == 43)
    #expect(first["path"] as? String == "homeCare[0].hold")
    #expect(first["pointer"] as? String == "/homeCare/0/hold")
    // The CLI's words for the same file: `file:line:column: error: path: message`, then the hint.
    let scratch = try Scratch()
    let file = try scratch.file(Array(typoPlan.utf8), suffix: ".json")
    let cli = try run(handoutBinary, ["validate", file])
    #expect(cli.status == 64)
    let message = try #require(first["message"] as? String)
    let hint = try #require(first["hint"] as? String)
    #expect(cli.stderr.contains("\(file):6:43: error: homeCare[0].hold: \(message)"), "\(cli.stderr)")
    #expect(cli.stderr.contains(hint))
  }

  @Test("POST /v1/validate of the reference plan: ok, with the CLI's warnings")
  func validateWarnings() throws {
    let reply = try http("POST", try server().url("/v1/validate"), body: try plan())
    #expect(reply.status == 200)
    let body = try #require(try reply.json() as? [String: Any])
    #expect(body["ok"] as? Bool == true)
    let diagnostics = try #require(body["diagnostics"] as? [[String: Any]])
    let cli = try run(handoutBinary, ["validate", referencePlanURL.path])
    #expect(cli.stderr.contains("0 errors, \(diagnostics.count) warning"))
    for diagnostic in diagnostics {
      #expect(cli.stderr.contains(diagnostic["message"] as? String ?? "?"))
    }
  }

  @Test("Bad input answers 422 with line, column and JSON path", arguments: [
    ("{\"format\": 1, \"client\": {\"name\": \"A\"},\n  \"homeCare\": [\"no-such-stretch\"]}", 2, 16, "homeCare[0]"),
    ("{\"format\": 1, \"client\": {\"name\": \"A\"},\n  \"techniques\": [,]}", 2, 18, "techniques[0]"),
    ("{\"format\": 1, \"client\": {\"name\": \"A\"}, \"layout\": \"/etc/passwd\"}", 1, 50, "layout"),
    ("{\"format\": 1, \"client\": {\"name\": \"A\"}, \"sessions\": {\"next\": \"Tuesday\"}}", 1, 61, "sessions.next"),
  ] as [(String, Int, Int, String?)])
  func unprocessable(_ input: String, line: Int, column: Int, path: String?) throws {
    for route in ["/v1/render", "/v1/validate", "/v1/email"] {
      let reply = try http("POST", try server().url(route), body: Data(input.utf8))
      #expect(reply.status == 422, "\(route): \(reply.text)")
      let diagnostics = try #require((try reply.json() as? [String: Any])?["diagnostics"] as? [[String: Any]])
      let error = try #require(diagnostics.first { $0["severity"] as? String == "error" })
      #expect(error["line"] as? Int == line, "\(route): \(error)")
      #expect(error["column"] as? Int == column, "\(route): \(error)")
      #expect(error["path"] as? String == path, "\(route): \(error)")
      #expect(error["message"] is String && error["hint"] is String)
    }
  }

  @Test("A plan naming a logo outside --assets is refused, as render refuses it")
  func logoOutside() throws {
    let input = #"{"format": 1, "client": {"name": "A"}, "clinic": {"name": "C", "logo": "../../../etc/hostname"}}"#
    let reply = try http("POST", try server().url("/v1/render"), body: Data(input.utf8))
    #expect(reply.status == 422)
    #expect(reply.text.contains("outside the plan's folder"))
  }

  @Test("POST /v1/email answers the .eml `render --eml` writes")
  func email() throws {
    let reply = try http("POST", try server().url("/v1/email"), body: try plan())
    #expect(reply.status == 200)
    #expect(reply.header("Content-Type") == "message/rfc822")
    #expect(reply.header("Content-Disposition") == "attachment; filename=\"Jordan-Alvarez-2026-11-20.eml\"")
    let scratch = try Scratch()
    let pdf = scratch.url.appendingPathComponent("Jordan-Alvarez-2026-11-20.pdf").path
    let cli = try run(handoutBinary, ["render", referencePlanURL.path, "-o", pdf, "--eml"], environment: ["SOURCE_DATE_EPOCH": "1763683200"])
    #expect(cli.status == 0, "\(cli.stderr)")
    let written = try Data(contentsOf: scratch.url.appendingPathComponent("Jordan-Alvarez-2026-11-20.eml"))
    #expect(same(reply.body, written))
    #expect(reply.text.contains("To: \"Jordan Alvarez\" <jordan.alvarez@example.com>"))
    // Without the client's address there is no email: 422 with the CLI's words.
    let noAddress = String(decoding: try plan(), as: UTF8.self).replacingOccurrences(of: "\"email\": \"jordan.alvarez@example.com\"", with: "\"id\": \"x\"")
      .replacingOccurrences(of: "\"id\": \"C-1042\",", with: "")
    let refused = try http("POST", try server().url("/v1/email"), body: Data(noAddress.utf8))
    #expect(refused.status == 422, "\(refused.text)")
  }

  @Test("A body over 1 MB answers 413, with a length or chunked")
  func bodyLimit() throws {
    let big = Data(repeating: 0x20, count: 2 * 1_048_576)
    for route in ["/v1/render", "/v1/validate", "/v1/email"] {
      let reply = try http("POST", try server().url(route), body: big)
      #expect(reply.status == 413, "\(route)")
      #expect(reply.text.contains("1048576"))
    }
    // Without Content-Length: chunked, read up to the limit and refused there.
    let curl = try run("/usr/bin/env", [
      "python3", "-c", """
      import http.client, sys
      c = http.client.HTTPConnection(sys.argv[1], int(sys.argv[2]))
      def chunks():
          for _ in range(32): yield b" " * 65536
      c.request("POST", "/v1/render", body=chunks(), headers={"Content-Type": "application/json"}, encode_chunked=True)
      print(c.getresponse().status)
      """, try server().base.host!, String(try server().base.port!),
    ])
    #expect(String(decoding: curl.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) == "413", "\(curl.stderr)")
    // And the server still answers after both.
    #expect(try http("GET", try server().url("/healthz")).status == 200)
  }

  @Test("GET /metrics shows requests, latency, renders and the queue in Prometheus's format")
  func metrics() throws {
    _ = try http("POST", try server().url("/v1/render"), body: try plan())
    _ = try http("POST", try server().url("/v1/validate"), body: Data(typoPlan.utf8))
    let reply = try http("GET", try server().url("/metrics"))
    #expect(reply.status == 200)
    #expect(reply.header("Content-Type")?.hasPrefix("text/plain") == true)
    let text = reply.text
    #expect(text.contains("# TYPE handout_requests_total counter"))
    #expect(text.contains(#"handout_requests_total{route="/v1/render",status="200"}"#) || text.contains(#"handout_requests_total{status="200",route="/v1/render"}"#))
    #expect(text.contains("# TYPE handout_request_duration_seconds histogram"))
    #expect(text.contains(#"handout_request_duration_seconds_bucket{le="+Inf"}"#))
    #expect(text.contains(#"handout_renders_total{format="pdf",outcome="ok"}"#) || text.contains(#"handout_renders_total{outcome="ok",format="pdf"}"#))
    #expect(text.contains(#"handout_validations_total{outcome="invalid"}"#))
    #expect(text.contains("handout_queue_depth 0"))
  }

  @Test("The form and its files are served, with a content security policy")
  func form() throws {
    let page = try http("GET", try server().url("/"))
    #expect(page.status == 200)
    #expect(page.header("Content-Type") == "text/html; charset=utf-8")
    #expect(page.header("Content-Security-Policy")?.contains("default-src 'self'") == true)
    #expect(page.text.contains("<script src=\"/form.js\""))
    #expect(try http("GET", try server().url("/form.js")).text.contains("/v1/render"))
    #expect(try http("GET", try server().url("/form.css")).status == 200)
  }

  @Test("/openapi.json describes exactly the routes the server serves")
  func openAPI() throws {
    let reply = try http("GET", try server().url("/openapi.json"))
    #expect(reply.status == 200)
    let document = try #require(try reply.json() as? [String: Any])
    #expect(document["openapi"] as? String == "3.1.0")
    let paths = try #require(document["paths"] as? [String: [String: Any]])
    var described: Set<String> = []
    for (path, operations) in paths {
      for method in operations.keys { described.insert("\(method.uppercased()) \(path)") }
    }
    let served = Set(HandoutService.routes.map { "\($0.method) \($0.path)" })
    #expect(described == served)
    // Every route answers (no 404), and a path that is not one does.
    for route in HandoutService.routes {
      let reply = try http(route.method, try server().url(route.path), body: route.method == "POST" ? try plan() : nil)
      #expect(reply.status == 200, "\(route.method) \(route.path): \(reply.status)")
    }
    #expect(try http("GET", try server().url("/v1/nothing")).status == 404)
    // The same file is the package's resource, written once.
    let resource = packageRoot.appendingPathComponent("Sources/HandoutServer/Resources/openapi.json")
    #expect(same(reply.body, try Data(contentsOf: resource)))
  }
}

@Suite("handout serve: limits, tokens and shutdown")
struct ServeLimitTests {
  @Test("A full queue answers 503 with Retry-After, and the requests admitted succeed")
  func queueFull() throws {
    let server = try ServeProcess(["--workers", "1", "--queue", "1", "--assets", sharedExamples.path])
    let body = try plan()
    // Eight slow renders (every page of the plan at 300 dpi) at once: one runs, one waits.
    final class Replies: @unchecked Sendable {
      let lock = NSLock()
      var all: [Reply] = []
      func add(_ reply: Reply) { lock.lock(); all.append(reply); lock.unlock() }
    }
    let replies = Replies()
    let group = DispatchGroup()
    for index in 0..<8 {
      group.enter()
      // A thread each, so that all eight are in flight at once whatever the cores.
      Thread.detachNewThread {
        if let reply = try? http("POST", server.url("/v1/render?format=png&page=\(index % 4 + 1)&dpi=300"), body: body) {
          replies.add(reply)
        }
        group.leave()
      }
    }
    group.wait()
    let statuses = replies.all.map(\.status)
    #expect(statuses.count == 8)
    #expect(statuses.filter { $0 == 200 }.count >= 2, "\(statuses)")
    #expect(statuses.filter { $0 == 503 }.count >= 1, "\(statuses)")
    #expect(statuses.allSatisfy { $0 == 200 || $0 == 503 }, "\(statuses)")
    for reply in replies.all where reply.status == 503 {
      #expect(reply.header("Retry-After") == "1")
      #expect(reply.text.contains("busy"))
    }
    // With the queue drained, the next request is served.
    #expect(try http("POST", server.url("/v1/validate"), body: body).status == 200)
    let metrics = try http("GET", server.url("/metrics")).text
    #expect(metrics.contains(#"outcome="queue_full""#))
  }

  @Test("A render over the time limit answers 503")
  func timeLimit() throws {
    let server = try ServeProcess(["--workers", "1", "--time-limit", "0.05", "--assets", sharedExamples.path])
    let reply = try http("POST", server.url("/v1/render?format=png&page=1&dpi=300"), body: try plan())
    #expect(reply.status == 503)
    #expect(reply.text.contains("time limit"))
  }

  @Test("With --token-file every /v1/ route and /metrics need the bearer token")
  func token() throws {
    let scratch = try Scratch()
    let tokenFile = try scratch.file(Array("s3cret-token-42\n".utf8), suffix: ".txt")
    let server = try ServeProcess(["--token-file", tokenFile])
    for path in ["/v1/layouts", "/v1/schema", "/v1/catalog", "/metrics"] {
      #expect(try http("GET", server.url(path)).status == 401, "\(path)")
      #expect(try http("GET", server.url(path), headers: ["Authorization": "Bearer s3cret-token-4"]).status == 401)
      #expect(try http("GET", server.url(path), headers: ["Authorization": "Bearer s3cret-token-421"]).status == 401)
      #expect(try http("GET", server.url(path), headers: ["Authorization": "Basic s3cret-token-42"]).status == 401)
      #expect(try http("GET", server.url(path), headers: ["Authorization": "Bearer s3cret-token-42"]).status == 200)
    }
    let refused = try http("POST", server.url("/v1/validate"), body: Data(typoPlan.utf8))
    #expect(refused.status == 401)
    #expect(refused.header("WWW-Authenticate") == "Bearer")
    #expect(try http("POST", server.url("/v1/validate"), body: Data(typoPlan.utf8), headers: ["Authorization": "Bearer s3cret-token-42"]).status == 422)
    for path in ["/", "/healthz", "/openapi.json"] { #expect(try http("GET", server.url(path)).status == 200, "\(path)") }
  }

  @Test("Token comparison: equal only for equal bytes, whatever the lengths")
  func constantTime() {
    #expect(constantTimeEqual(Array("abc".utf8), Array("abc".utf8)))
    #expect(!constantTimeEqual(Array("abc".utf8), Array("abd".utf8)))
    #expect(!constantTimeEqual(Array("abc".utf8), Array("abcd".utf8)))
    #expect(!constantTimeEqual([], Array("a".utf8)))
    // 256 bytes longer: the length difference must not wrap to zero.
    #expect(!constantTimeEqual(Array("a".utf8), Array("a".utf8) + [UInt8](repeating: 0, count: 256)))
  }

  @Test("SIGTERM lets the renders in progress and queued finish, then the server exits 0")
  func gracefulShutdown() throws {
    let server = try ServeProcess(["--workers", "1", "--assets", sharedExamples.path])
    let body = try plan()
    // Three renders of about half a second each keep the one worker busy long enough for the
    // health check below to see it at work, however fast one render is.
    final class Box: @unchecked Sendable { var replies: [Reply?] = [nil, nil, nil]; var errors: [(any Error)?] = [nil, nil, nil] }
    let box = Box()
    let group = DispatchGroup()
    let lock = NSLock()
    // Threads of their own: a Dispatch worker blocked on a reply can starve the URL session's
    // own queue work on 2 cores (seen: no render started for 30 s).
    for index in 0..<3 {
      group.enter()
      Thread {
        do {
          let reply = try http("POST", server.url("/v1/render?format=png&page=1&dpi=300"), body: body)
          lock.withLock { box.replies[index] = reply }
        } catch {
          lock.withLock { box.errors[index] = error }
        }
        group.leave()
      }.start()
    }
    // Wait until the worker has a render and the two others wait for it, then ask the server to stop.
    let busy = waitFor(30) {
      let health = (try? http("GET", server.url("/healthz")).json()) as? [String: Any]
      return health?["busy"] as? Int == 1 && health?["queue"] as? Int == 2
    }
    #expect(busy)
    kill(server.server.process.processIdentifier, SIGTERM)
    group.wait()
    for index in 0..<3 {
      #expect(box.errors[index] == nil, "\(String(describing: box.errors[index]))")
      #expect(box.replies[index]?.status == 200)
      #expect(box.replies[index].map { [UInt8]($0.body).starts(with: [0x89, 0x50, 0x4E, 0x47]) } == true)
    }
    server.server.process.waitUntilExit()
    #expect(server.server.process.terminationStatus == 0, "\(server.server.errors)")
    #expect(server.server.errors.contains("handout serve: stopped"))
  }
}
