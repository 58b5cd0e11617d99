import Foundation
import HandoutKit
import HandoutModel
import Testing

/// `handout batch` end to end: the CLI as a user runs it, on NDJSON written here.
@Suite("Batch rendering")
struct BatchTests {
  let scratch: Scratch

  init() throws {
    scratch = try Scratch()
    // Plans name their logo relative to their own file, as the shared examples do.
    try FileManager.default.copyItem(
      at: sharedExamples.appendingPathComponent("riverside-logo.svg"),
      to: scratch.url.appendingPathComponent("riverside-logo.svg"))
  }

  /// A short plan (condition, one exercise), so that a thousand of them render in seconds.
  func shortPlan(client: String, email: String = "client@example.com") -> [String: Any] {
    [
      "format": 1, "language": "en", "date": "2026-11-20",
      "clinic": ["name": "Riverside Medical Massage", "email": "care@riverside-massage.example"],
      "client": ["name": client, "email": email],
      "condition": ["id": "sciatica", "side": "left"],
      "homeCare": ["walking"],
    ]
  }

  func line(_ object: [String: Any]) throws -> String {
    String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
  }

  /// Writes an NDJSON file of `count` plans; `broken` maps 1-based line numbers to bad lines.
  func ndjson(_ name: String, count: Int, clients: (Int) -> String = { "Client \($0)" }, broken: [Int: String] = [:]) throws -> String {
    var text = ""
    for number in 1...count {
      text += try broken[number] ?? line(shortPlan(client: clients(number)))
      text += "\n"
    }
    let path = scratch.url.appendingPathComponent(name).path
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  func reportLines(_ path: String) throws -> [[String: Any]] {
    try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map {
      try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
    }
  }

  func pdfs(in folder: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".pdf") }.sorted()
  }

  @Test func aThousandPlansWithThreeBadOnesWrite997AndReportTheirLines() throws {
    var badPlan = shortPlan(client: "Bad Dosage")
    badPlan["homeCare"] = [["id": "walking", "perDay": 30]]
    let input = try ndjson(
      "plans.ndjson", count: 1000,
      broken: [
        17: #"{"format": 1, "client": {"name": "Cut off""#,
        500: try line(badPlan),
        999: #"{"format": 1, "condition": {"id": "sciatica"}, "goals": "walk more"}"#,
      ])
    let out = scratch.url.appendingPathComponent("out")
    let report = scratch.url.appendingPathComponent("report.jsonl").path
    let result = try run(handoutBinary, ["batch", input, "-o", out.path, "--report", report, "--jobs", "2"])

    #expect(result.status == 65, "\(result.stderr)")
    #expect(try pdfs(in: out).count == 997)
    let lines = try reportLines(report)
    #expect(lines.count == 1000)
    let failed = lines.filter { $0["status"] as? String == "failed" }
    #expect(failed.compactMap { $0["line"] as? Int }.sorted() == [17, 500, 999])
    #expect(lines.filter { $0["status"] as? String == "ok" }.count == 997)
    // Each failure names its input, its line and the JSON path at fault.
    #expect(result.stderr.contains("plans.ndjson:17:"))
    #expect(result.stderr.contains("plans.ndjson:500:") && result.stderr.contains("homeCare[0].perDay"))
    #expect(result.stderr.contains("plans.ndjson:999:") && result.stderr.contains("goals"))
    #expect(result.stderr.contains("997 rendered") && result.stderr.contains("3 failed"))
    let ok = try #require(lines.first { $0["status"] as? String == "ok" })
    #expect((ok["pages"] as? Int ?? 0) >= 1)
    #expect((ok["bytes"] as? Int ?? 0) > 1000)
    #expect(ok["milliseconds"] is Double || ok["milliseconds"] is Int)
  }

  @Test func shardsAreDisjointAndCoverTheBatch() throws {
    // Names collide on purpose: "Same Name" five times, so numbering must agree between shards.
    let input = try ndjson("plans.ndjson", count: 23, clients: { $0 % 5 == 0 ? "Same Name" : "Client \($0)" })
    let whole = scratch.url.appendingPathComponent("whole")
    #expect(try run(handoutBinary, ["batch", input, "-o", whole.path, "--jobs", "2"]).status == 0)
    var union: [String] = []
    var records: [Int] = []
    for index in 0..<3 {
      let folder = scratch.url.appendingPathComponent("shard\(index)")
      let report = scratch.url.appendingPathComponent("shard\(index).jsonl").path
      let result = try run(handoutBinary, ["batch", input, "-o", folder.path, "--shard", "\(index + 1)/3", "--report", report])
      #expect(result.status == 0, "\(result.stderr)")
      union += try pdfs(in: folder)
      records += try reportLines(report).compactMap { $0["record"] as? Int }
    }
    #expect(union.count == Set(union).count, "a plan was rendered by two shards")
    #expect(union.sorted() == (try pdfs(in: whole)))
    #expect(records.sorted() == Array(1...23))
    #expect(union.contains("Same-Name-2026-11-20.pdf") && union.contains("Same-Name-2026-11-20-4.pdf"))
  }

  @Test func aKilledBatchResumesWithoutRenderingAnythingTwice() throws {
    let count = 150
    let input = try ndjson("plans.ndjson", count: count)
    let out = scratch.url.appendingPathComponent("out")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: handoutBinary)
    process.arguments = ["batch", input, "-o", out.path, "--jobs", "2", "--quiet"]
    process.standardError = FileHandle.nullDevice
    try process.run()
    // Kill it with SIGKILL once some plans are written: no chance to clean up.
    let deadline = Date().addingTimeInterval(120)
    while (try? pdfs(in: out).count) ?? 0 < 20, Date() < deadline, process.isRunning { usleep(20_000) }
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    let before = try pdfs(in: out)
    #expect(before.count >= 20 && before.count < count, "kill the batch midway: \(before.count) written")
    var identities: [String: UInt64] = [:]
    for name in before {
      let attributes = try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent(name).path)
      identities[name] = (attributes[.systemFileNumber] as? NSNumber)?.uint64Value
    }

    let report = scratch.url.appendingPathComponent("resume.jsonl").path
    let resumed = try run(handoutBinary, ["batch", input, "-o", out.path, "--jobs", "2", "--resume", "--report", report])
    #expect(resumed.status == 0, "\(resumed.stderr)")
    let lines = try reportLines(report)
    let skipped = lines.filter { $0["status"] as? String == "skipped" }.compactMap { $0["output"] as? String }
    let rendered = lines.filter { $0["status"] as? String == "ok" }.compactMap { $0["output"] as? String }
    #expect(Set(skipped.map { URL(fileURLWithPath: $0).lastPathComponent }) == Set(before))
    #expect(Set(rendered.map { URL(fileURLWithPath: $0).lastPathComponent }).isDisjoint(with: before))
    #expect(skipped.count + rendered.count == count)

    let after = try pdfs(in: out)
    #expect(after.count == count)
    for name in before {
      let attributes = try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent(name).path)
      #expect((attributes[.systemFileNumber] as? NSNumber)?.uint64Value == identities[name], "\(name) was written again")
    }
    // Every PDF is whole; no temporary file is left visible as a PDF.
    for name in after {
      let check = try run("qpdf", ["--check", out.appendingPathComponent(name).path])
      #expect(check.status == 0, "\(name): \(check.stderr)")
    }
    // The killed batch's temporary files are cleaned up by the resumed one.
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { !$0.hasSuffix(".pdf") }
    #expect(leftovers.isEmpty, "\(leftovers)")
  }

  @Test func readsJSONArraysFoldersAndStandardInput() throws {
    let plans = try (1...3).map { try line(shortPlan(client: "Array \($0)")) }
    let arrayFile = scratch.url.appendingPathComponent("plans/array.json")
    try FileManager.default.createDirectory(at: arrayFile.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(("[\n  " + plans.joined(separator: ",\n  ") + "\n]\n").utf8).write(to: arrayFile)
    let single = try JSONSerialization.data(withJSONObject: shortPlan(client: "Pretty Printed"), options: [.prettyPrinted])
    try single.write(to: scratch.url.appendingPathComponent("plans/single.json"))

    let out = scratch.url.appendingPathComponent("out")
    let folderRun = try run(handoutBinary, ["batch", scratch.url.appendingPathComponent("plans").path, "-o", out.path])
    #expect(folderRun.status == 0, "\(folderRun.stderr)")
    #expect(try pdfs(in: out) == ["Array-1-2026-11-20.pdf", "Array-2-2026-11-20.pdf", "Array-3-2026-11-20.pdf", "Pretty-Printed-2026-11-20.pdf"])

    let stdinOut = scratch.url.appendingPathComponent("stdin")
    let piped = try run(
      handoutBinary, ["batch", "-", "-o", stdinOut.path, "--name", "{input}-{record}-{client.name}"],
      input: Data((plans.joined(separator: "\n") + "\n").utf8))
    #expect(piped.status == 0, "\(piped.stderr)")
    #expect(try pdfs(in: stdinOut) == ["stdin-1-Array-1.pdf", "stdin-2-Array-2.pdf", "stdin-3-Array-3.pdf"])
  }

  @Test func aBadElementOfAnArrayIsReportedAtItsLine() throws {
    let good = try line(shortPlan(client: "Good"))
    let file = scratch.url.appendingPathComponent("array.json")
    try Data("[\n\(good),\n{\"format\": 1,\n \"language\": 7},\n\(good)\n]\n".utf8).write(to: file)
    let result = try run(handoutBinary, ["batch", file.path, "-o", scratch.url.appendingPathComponent("out").path])
    #expect(result.status == 65)
    #expect(result.stderr.contains("array.json:4:14: error: language"), "\(result.stderr)")
  }

  @Test func badArgumentsExit64() throws {
    #expect(try run(handoutBinary, ["batch", "/nonexistent/plans.ndjson"]).status == 64)
    #expect(try run(handoutBinary, ["batch", "x.ndjson", "--shard", "4/3"]).status == 64)
    let zero = try run(handoutBinary, ["batch", "x.ndjson", "--shard", "0/3"])
    #expect(zero.status == 64)
    #expect(zero.stderr.contains("--shard counts from 1, as Playwright and Jest do: the first of 3 shards is 1/3, the last 3/3"), "\(zero.stderr)")
    #expect(try run(handoutBinary, ["batch", "x.ndjson", "--jobs", "0"]).status == 64)
  }
}

/// Output names: filled from the plan, made safe, numbered on collision.
@Suite("Output names")
struct OutputNamerTests {
  func record(_ number: Int = 1) -> PlanRecord {
    PlanRecord(input: "in/plans.ndjson", planPath: nil, number: number, start: SourceLocation(line: number, column: 1), bytes: [])
  }

  func plan(_ json: String) throws -> JSONValue {
    try JSONReader.parse(json)
  }

  @Test func namesAreSafeWhateverThePlanSays() throws {
    var namer = OutputNamer(template: "{client.name}-{date}", today: "2026-11-21")
    let hostile = try plan(#"{"client": {"name": "../../etc/passwd\u0001\r\nx"}, "date": "2026-01-02"}"#)
    #expect(namer.name(for: record(), plan: hostile, ordinal: 1) == "etc-passwd-x-2026-01-02")
    let dots = try plan(#"{"client": {"name": ".."}}"#)
    #expect(namer.name(for: record(), plan: dots, ordinal: 2) == "2026-11-21")
    let empty = try plan(#"{}"#)
    var bare = OutputNamer(template: "{client.name}", today: "2026-11-21")
    #expect(bare.name(for: record(), plan: empty, ordinal: 1) == "handout")
    let korean = try plan(#"{"client": {"name": "김민준 / José"}}"#)
    #expect(bare.name(for: record(), plan: korean, ordinal: 2) == "김민준-José")
    let long = try plan("{\"client\": {\"name\": \"\(String(repeating: "é", count: 200))\"}}")
    #expect(bare.name(for: record(), plan: long, ordinal: 3).utf8.count <= 120)
  }

  @Test func collisionsAreNumberedIgnoringCase() throws {
    var namer = OutputNamer(template: "{client.name}", today: "2026-11-21")
    let names = try ["Ana", "ANA", "ana", "Ana-2"].map { name in
      namer.name(for: record(), plan: try plan("{\"client\": {\"name\": \"\(name)\"}}"), ordinal: 1)
    }
    #expect(names == ["Ana", "ANA-2", "ana-3", "Ana-2-2"])
  }

  @Test func placeholdersForTheInputAndPosition() throws {
    var namer = OutputNamer(template: "{input}-{record}-{n}-{homeCare.0}", today: "2026-11-21")
    let value = try plan(#"{"homeCare": ["walking"]}"#)
    #expect(namer.name(for: record(7), plan: value, ordinal: 12) == "plans-7-12-walking")
    #expect(!namer.readsPlan == false)
    #expect(OutputNamer(template: "{input}-{n}", today: "x").readsPlan == false)
  }

  @Test func shardsParseAndPartition() {
    #expect(Shard("1/4") == Shard(index: 0, count: 4))
    #expect(Shard("4/4") == Shard(index: 3, count: 4) && Shard("4/4")?.description == "4/4")
    #expect(Shard("0/4") == nil && Shard("5/4") == nil && Shard("-1/2") == nil && Shard("1") == nil && Shard("1/0") == nil)
    #expect(Shard.problem(in: "0/4") == "--shard counts from 1, as Playwright and Jest do: the first of 4 shards is 1/4, the last 4/4")
    let shards = (0..<3).map { Shard(index: $0, count: 3) }
    for position in 0..<30 {
      #expect(shards.filter { $0.contains(position) }.count == 1)
    }
  }
}

/// The record reader: where each plan starts, whatever the input's shape.
@Suite("Reading batch inputs")
struct RecordReaderTests {
  func records(_ text: String, suffix: String = ".json") throws -> [PlanRecord] {
    let scratch = try Scratch()
    let path = try scratch.file(Array(text.utf8), suffix: suffix)
    return Array(try RecordReader(path: path))
  }

  @Test func ndjsonLinesKeepTheirNumbers() throws {
    let found = try records("{\"a\": 1}\n\n{\"b\": [1, \"}\"]}\r\n{broken\n{\"c\": 3}\n", suffix: ".ndjson")
    #expect(found.map(\.start.line) == [1, 3, 4, 5])
    #expect(found.map { String(decoding: $0.bytes, as: UTF8.self) } == ["{\"a\": 1}", "{\"b\": [1, \"}\"]}", "{broken", "{\"c\": 3}"])
    #expect(found.map(\.number) == [1, 2, 3, 4])
  }

  @Test func aBrokenLineDoesNotSwallowTheNextOnesWithoutTheSuffix() throws {
    let found = try records("{\"a\": 1}\n{\"b\": \n{\"c\": 3}\n")
    #expect(found.map(\.start.line) == [1, 2, 3])
  }

  @Test func arrayElementsAndPrettyPlans() throws {
    let array = try records("[\n  {\"a\": {\"x\": 1}},\n  {\"b\": \"],\"}\n]\n")
    #expect(array.map(\.start) == [SourceLocation(line: 2, column: 3), SourceLocation(line: 3, column: 3)])
    let pretty = try records("{\n  \"a\": 1\n}\n{\n  \"b\": 2\n}\n")
    #expect(pretty.map(\.start.line) == [1, 4])
  }

  @Test func locationsInsideARecordMapToTheInput() {
    let record = PlanRecord(input: "p.json", planPath: nil, number: 2, start: SourceLocation(line: 3, column: 5), bytes: [])
    #expect(record.inputLocation(of: SourceLocation(line: 1, column: 10)) == SourceLocation(line: 3, column: 14))
    #expect(record.inputLocation(of: SourceLocation(line: 2, column: 4)) == SourceLocation(line: 4, column: 4))
  }
}
