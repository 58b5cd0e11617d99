import Foundation
import Testing

/// One contract for every command: the same names, the same checks, the same words.
@Suite("Command-line consistency")
struct ConsistencyTests {
  let scratch: Scratch

  init() throws {
    scratch = try Scratch()
  }

  var plan: String { sharedExamples.appendingPathComponent("sciatica-plan.json").path }

  @Test func renderAndBatchNameTheFileTheSameWay() throws {
    let folder = scratch.url.appendingPathComponent("batch")
    #expect(try run(handoutBinary, ["batch", plan, "-o", folder.path, "--quiet"]).status == 0)
    let batchNames = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    let render = try run("/bin/sh", ["-c", "cd '\(scratch.url.path)' && '\(handoutBinary)' render '\(plan)'"])
    #expect(render.status == 0, "\(render.stderr)")
    let renderNames = try FileManager.default.contentsOfDirectory(atPath: scratch.url.appendingPathComponent("Output").path)
    #expect(batchNames == ["Jordan-Alvarez-2026-11-20.pdf"])
    #expect(renderNames == batchNames)
  }

  @Test func aBrochureIsNamedByItsTitleInBothCommands() throws {
    let brochure = sharedExamples.appendingPathComponent("sciatica-brochure.json").path
    let folder = scratch.url.appendingPathComponent("batch")
    #expect(try run(handoutBinary, ["batch", brochure, "-o", folder.path, "--quiet"]).status == 0)
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    #expect(names.count == 1 && names[0].hasPrefix("Massage-for-Sciatica-"), "\(names)")
  }

  @Test(arguments: ["A4", "a4", "Letter"])
  func paperSizesAreReadWhateverTheirCase(paper: String) throws {
    let result = try run(handoutBinary, ["render", plan, "--paper", paper, "-o", "-"])
    #expect(result.status == 0, "\(result.stderr)")
  }

  @Test func aNamePlaceholderThatMatchesNothingIsAnError() throws {
    let result = try run(handoutBinary, ["batch", plan, "-o", scratch.url.path, "--name", "{client.nme}-{date}"])
    #expect(result.status == 64)
    #expect(result.stderr.hasPrefix("Error: --name's {client.nme} names no field of a plan; did you mean {client.name}?"), "\(result.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).isEmpty)
  }

  @Test func anUncreatableOutputFolderStopsTheBatchAtOnceWithTheReason() throws {
    let file = scratch.url.appendingPathComponent("a-file")
    try Data().write(to: file)
    let result = try run(handoutBinary, ["batch", plan, "-o", file.appendingPathComponent("out").path])
    #expect(result.status == 1)
    #expect(result.stderr == "error: cannot create the output folder \(file.path)/out: Not a directory\n")
  }

  @Test func aSchemaBesideThePlansIsNotTakenForAPlan() throws {
    let folder = scratch.url.appendingPathComponent("plans")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: plan, toPath: folder.appendingPathComponent("jordan.json").path)
    try FileManager.default.copyItem(
      at: sharedExamples.appendingPathComponent("riverside-logo.svg"), to: folder.appendingPathComponent("riverside-logo.svg"))
    let schema = try run(handoutBinary, ["schema"])
    try schema.stdout.write(to: folder.appendingPathComponent("plan.schema.json"))
    let result = try run(handoutBinary, ["batch", folder.path, "-o", scratch.url.appendingPathComponent("out").path, "--quiet"])
    #expect(result.status == 0, "\(result.stderr)")
  }

  /// A client id beyond Int.max used in a name once stopped the batch with SIGILL.
  @Test func aHugeNumberInANameIsWrittenNotTrapped() throws {
    let input = scratch.url.appendingPathComponent("plans.ndjson")
    var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: plan))) as? [String: Any])
    object["clinic"] = (object["clinic"] as? [String: Any])?.filter { $0.key != "logo" }
    var client = try #require(object["client"] as? [String: Any])
    client["id"] = "x"
    object["client"] = client
    var text = String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    text = text.replacingOccurrences(of: #""id":"x""#, with: #""id":1e20"#)
    try Data((text + "\n").utf8).write(to: input)
    let result = try run(handoutBinary, ["batch", input.path, "-o", scratch.url.appendingPathComponent("out").path, "--name", "{client.id}"])
    // The plan itself is refused (an id is text), but the batch goes on to its end: exit 65, not 132.
    #expect(result.status == 65, "\(result.stderr)")
    #expect(result.stderr.contains("client.id: expected a string, found a number"), "\(result.stderr)")
  }

  /// A 900-character name without a space once made a 908-character From: line; RFC 5322 allows
  /// 998, and the message keeps every line under 78 by encoding such a name.
  @Test func aLongNameIsFoldedInTheEmail() throws {
    var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: plan))) as? [String: Any])
    object["clinic"] = (object["clinic"] as? [String: Any])?.filter { $0.key != "logo" }
    var client = try #require(object["client"] as? [String: Any])
    let name = String(repeating: "A", count: 900)
    client["name"] = name
    object["client"] = client
    let input = scratch.url.appendingPathComponent("long.json")
    try JSONSerialization.data(withJSONObject: object).write(to: input)
    let pdf = scratch.url.appendingPathComponent("long.pdf").path
    let result = try run(handoutBinary, ["render", input.path, "-o", pdf, "--eml"])
    #expect(result.status == 0, "\(result.stderr)")
    let eml = try Data(contentsOf: scratch.url.appendingPathComponent("long.eml"))
    let longest = eml.split(separator: 0x0A).map(\.count).max() ?? 0
    #expect(longest <= 79, "longest line \(longest) bytes")
    let parsed = try run(try testPython(), ["-c", """
      import sys, email, email.header, email.policy
      raw = open(sys.argv[1], 'rb').read()
      assert not email.message_from_bytes(raw, policy=email.policy.strict).defects
      # decode_header follows RFC 2047 6.2: space between adjacent encoded words is dropped.
      to = email.message_from_bytes(raw)['To']
      print(str(email.header.make_header(email.header.decode_header(to))).rsplit(' <', 1)[0])
      """, scratch.url.appendingPathComponent("long.eml").path])
    #expect(String(decoding: parsed.stdout, as: UTF8.self) == name + "\n", "\(parsed.stderr)")
  }

  @Test func validateReportsEveryFileAndEveryProblemInOneRun() throws {
    var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: plan))) as? [String: Any])
    object["layout"] = "poster"
    object["date"] = "2026-13-01"
    var condition = try #require(object["condition"] as? [String: Any])
    condition["painAreas"] = ["right-butt"]
    object["condition"] = condition
    let bad = scratch.url.appendingPathComponent("bad.json")
    try JSONSerialization.data(withJSONObject: object).write(to: bad)
    let result = try run(handoutBinary, ["validate", bad.path, "/nonexistent/plan.json", plan])
    #expect(result.status == 64)
    for expected in [
      "error: layout: no built-in layout is called \"poster\"",
      "error: date: \"2026-13-01\" is not a real date",
      "error: condition.painAreas[0]: unknown body-map region id \"right-butt\"\n  hint: did you mean \"right-buttock\"?",
      "/nonexistent/plan.json: error: cannot open the file: No such file or directory",
      "\(plan): ok",
    ] {
      #expect(result.stderr.contains(expected), "missing \(expected) in \(result.stderr)")
    }
  }
}

@Suite("Help text")
struct HelpTests {
  /// At 80 columns no help line runs over and the examples and exit codes read as written.
  @Test(arguments: ["", "render", "batch", "print", "validate", "layouts", "catalog", "schema"])
  func helpFitsEightyColumns(command: String) throws {
    let result = try run(handoutBinary, (command.isEmpty ? [] : [command]) + ["--help"], environment: ["COLUMNS": "80"])
    #expect(result.status == 0)
    let text = String(decoding: result.stdout, as: UTF8.self)
    for line in text.split(separator: "\n") {
      #expect(line.count <= 80, "\(command): \(line.count) columns: \(line)")
    }
    if command.isEmpty {
      #expect(text.contains("\nExit codes: 0 success; 64 bad input (with a diagnostic);\n65 a batch in which some plans failed; 69 the printing or mail system\nis missing or refused the job; 1 anything else.\n"), "\(text)")
    }
    if command == "batch" {
      #expect(text.contains("\nExit codes: 0 every plan rendered (or skipped by --resume); 65 some plans\n"), "\(text)")
    }
  }
}
