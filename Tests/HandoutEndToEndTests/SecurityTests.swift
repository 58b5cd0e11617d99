import Foundation
@testable import HandoutRender
import Testing

/// Plan text is untrusted: hostile links and images must never reach the PDF as actions or
/// unbounded decoders.
@Suite("Hostile plans: links and images")
struct SecurityTests {
  let scratch: Scratch

  init() throws {
    scratch = try Scratch()
  }

  /// The reference plan with the clinic's fields replaced, written into the scratch folder.
  func plan(clinic changes: [String: String]) throws -> String {
    let data = try Data(contentsOf: sharedExamples.appendingPathComponent("sciatica-plan.json"))
    var plan = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    var clinic = try #require(plan["clinic"] as? [String: Any])
    for (key, value) in changes { clinic[key] = value }
    plan["clinic"] = clinic
    let logo = scratch.url.appendingPathComponent("riverside-logo.svg")
    if !FileManager.default.fileExists(atPath: logo.path) {
      try FileManager.default.copyItem(at: sharedExamples.appendingPathComponent("riverside-logo.svg"), to: logo)
    }
    let path = scratch.url.appendingPathComponent("plan-\(UUID().uuidString).json").path
    try JSONSerialization.data(withJSONObject: plan).write(to: URL(fileURLWithPath: path))
    return path
  }

  /// Every `/URI` of every link annotation, and every action type, read by qpdf.
  func actions(_ pdf: String) throws -> (uris: Set<String>, kinds: Set<String>, names: Set<String>) {
    let json = try run("qpdf", ["--json=2", "--json-key=qpdf", pdf])
    // 3: qpdf's "succeeded with warnings"; --check is asserted on its own where it must be clean.
    #expect(json.status == 0 || json.status == 3, "\(json.stderr)")
    let root = try #require(try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any])
    let objects = try #require((root["qpdf"] as? [Any])?[1] as? [String: Any])
    var uris: Set<String> = []
    var kinds: Set<String> = []
    var names: Set<String> = []
    func walk(_ value: Any) {
      if let dictionary = value as? [String: Any] {
        names.formUnion(dictionary.keys)
        if let action = dictionary["/A"] as? [String: Any], let kind = action["/S"] as? String { kinds.insert(kind) }
        if let uri = dictionary["/URI"] as? String { uris.insert(uri.hasPrefix("u:") ? String(uri.dropFirst(2)) : uri) }
        dictionary.values.forEach(walk)
      } else if let array = value as? [Any] {
        array.forEach(walk)
      } else if let name = value as? String, name.hasPrefix("/") {
        names.insert(name)
      }
    }
    objects.values.forEach(walk)
    return (uris, kinds, names)
  }

  @Test(arguments: [
    ("https://x.example/)/S/JavaScript/JS(app.alert(1))", "https://x.example/%29/S/JavaScript/JS%28app.alert%281%29%29"),
    ("https://x.example/a'b*c", "https://x.example/a%27b*c"),
    ("https://x.example/caf\u{E9}?q=(1)&r=%41", "https://x.example/caf%C3%A9?q=%281%29&r=%41"),
    ("https://x.example/)/S/Launch/F(calc.exe)", "https://x.example/%29/S/Launch/F%28calc.exe%29"),
  ])
  func linksWithParenthesesAndQuotesArePercentEncoded(website: String, written: String) throws {
    let path = try plan(clinic: ["website": website, "bookingUrl": website])
    let output = scratch.url.appendingPathComponent("links.pdf").path
    let render = try run(handoutBinary, ["render", path, "-o", output])
    #expect(render.status == 0, "\(render.stderr)")
    #expect(try run("qpdf", ["--check", output]).status == 0)
    let found = try actions(output)
    #expect(found.uris.contains(written))
    #expect(found.uris.allSatisfy { $0 == written || $0.hasPrefix("tel:") || $0.hasPrefix("mailto:") }, "\(found.uris)")
    #expect(found.kinds == ["/URI"], "\(found.kinds)")
    for forbidden in ["/JavaScript", "/JS", "/Launch", "/SubmitForm", "/ImportData", "/OpenAction", "/AA"] {
      #expect(!found.names.contains(forbidden), "\(forbidden) in \(output)")
    }
  }

  @Test(arguments: [
    ("https://x.example/)>>/S/JavaScript/JS(app.alert(1))", "holds \">\" (U+003E) at character 20, which a web address cannot hold"),
    ("https://x.example/a\\b", "holds \"\\\\\" (U+005C) at character 20, which a web address cannot hold"),
    ("javascript:app.alert(1)", "is a \"javascript:\" address; only https: and http: web addresses are allowed"),
    ("file:///etc/passwd", "is a \"file:\" address; only https: and http: web addresses are allowed"),
    ("https://user:secret@x.example/", "holds a user name or password before the host"),
    ("https://x.example/a b", "holds \" \" (U+0020) at character 20, which a web address cannot hold"),
    ("https://", "has no valid host name after \"//\""),
  ])
  func hostileAddressesAreRefusedWithTheReason(website: String, reason: String) throws {
    let path = try plan(clinic: ["website": website])
    let output = scratch.url.appendingPathComponent("refused.pdf").path
    let render = try run(handoutBinary, ["render", path, "-o", output])
    #expect(render.status == 64)
    #expect(render.stderr.contains("error: clinic.website: \(website.debugDescription) \(reason)"), "\(render.stderr)")
    #expect(render.stderr.contains("  hint: "))
    #expect(!FileManager.default.fileExists(atPath: output))
  }

  @Test func theLinkAuditFindsActionsOutsideStringsOnly() {
    let injected = Array("1 0 obj << /A << /S /URI /URI (https://a.example/) /S /JavaScript /JS (x) >> >> endobj".utf8)
    #expect(LinkAudit.problem(in: injected, expected: ["https://a.example/"]) == "the PDF holds the name /JavaScript")
    let quoted = Array("1 0 obj << /Title (see /JavaScript \\) and \\( /Launch) /A << /S /URI /URI (https://a.example/) >> >> endobj".utf8)
    #expect(LinkAudit.problem(in: quoted, expected: ["https://a.example/"]) == nil)
    let other = Array("<< /A << /S /URI /URI <68747470733A2F2F622E6578616D706C652F> >> >>".utf8)
    #expect(LinkAudit.problem(in: other, expected: ["https://a.example/"]) == "the PDF links to \"https://b.example/\", which the document did not ask for")
    let streamed = Array("<< /Length 12 >>\nstream\n/JavaScript\nendstream".utf8)
    #expect(LinkAudit.problem(in: streamed, expected: []) == nil)
    // A name is read as PDF reads it, escapes resolved; a comment is not read.
    let escaped = Array("<< /A << /S /Java#53cript /JS (x) >> >>".utf8)
    #expect(LinkAudit.problem(in: escaped, expected: []) == "the PDF holds the name /JavaScript")
    let commented = Array("% /Launch\n<< /A << /S /URI /URI (https://a.example/) >> >>".utf8)
    #expect(LinkAudit.problem(in: commented, expected: ["https://a.example/"]) == nil)
  }

  @Test func aPhoneNumberWithEmojiLinksOnlyItsDigits() throws {
    let path = try plan(clinic: ["phone": "+1 555 😀 ٣ 0101"])
    let output = scratch.url.appendingPathComponent("phone.pdf").path
    let render = try run(handoutBinary, ["render", path, "-o", output])
    #expect(render.status == 0, "\(render.stderr)")
    let found = try actions(output)
    #expect(found.uris.filter { $0.hasPrefix("tel:") } == ["tel:+15550101"])
    let check = try run("qpdf", ["--check", output])
    // Colour emoji are drawn as images of their own, not through Cairo's glyph fallback (which
    // listed an emoji drawn twice on a page twice in /XObject), so the file is clean.
    #expect(check.status == 0, "\(check.stdout)")
  }

  /// Each hostile image is refused from its header, before decoding: exit 64, a message with
  /// the limit, under 200 MB of memory.
  @Test(arguments: [
    ("big.jpg", "the logo \"big.jpg\" (JPEG) is 30000 × 30000 pixels; the limit is 25,000,000 pixels"),
    ("big.png", "the logo \"big.png\" (PNG) is 20000 × 20000 pixels; the limit is 25,000,000 pixels"),
    ("bomb.svg", "the logo \"bomb.svg\" (SVG) is refused: its entities expand to more than 1000000 bytes"),
    ("laughs.svg", "the logo \"laughs.svg\" (SVG) is refused: the entity \"b\" holds other entities or markup"),
    ("external.svg", "the logo \"external.svg\" (SVG) is refused: the entity \"x\" refers to an outside file"),
    ("broken.png", "the logo \"broken.png\" (PNG) cannot be decoded: the PNG data is damaged or cut short"),
    ("cut.jpg", "the logo \"cut.jpg\" (JPEG) cannot be decoded: the file is cut short"),
    ("huge.png", "the logo \"huge.png\" is 1,572,864,000 bytes; the limit is 8,388,608"),
  ])
  func hostileImagesAreRefusedBeforeDecoding(name: String, message: String) throws {
    try writeHostileImage(name)
    let path = try plan(clinic: ["logo": name])
    let output = scratch.url.appendingPathComponent("image.pdf").path
    let render = try run("/usr/bin/time", ["-f", "peak %M KB", handoutBinary, "render", path, "-o", output])
    #expect(render.status == 64, "\(render.stderr)")
    #expect(render.stderr.contains("error: clinic.logo: \(message)\n  hint: "), "\(render.stderr)")
    let peak = try #require(render.stderr.split(separator: "\n").last { $0.hasPrefix("peak ") })
    let kilobytes = try #require(Int(peak.dropFirst(5).dropLast(3)))
    #expect(kilobytes < 200 * 1024, "peak RSS \(kilobytes) KB")
    #expect(!FileManager.default.fileExists(atPath: output))
  }

  func writeHostileImage(_ name: String) throws {
    let url = scratch.url.appendingPathComponent(name)
    func be16(_ value: Int) -> [UInt8] { [UInt8(value >> 8), UInt8(value & 0xFF)] }
    func be32(_ value: Int) -> [UInt8] { [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: value >> $0) } }
    func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
      be32(data.count) + Array(type.utf8) + data + [0, 0, 0, 0]  // CRCs are not checked before decoding
    }
    let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    switch name {
    case "big.jpg":
      let bytes: [UInt8] = [0xFF, 0xD8, 0xFF, 0xC0] + be16(11) + [8] + be16(30000) + be16(30000) + [3, 1, 0x11, 0, 0xFF, 0xD9]
      try Data(bytes).write(to: url)
    case "cut.jpg":
      let bytes: [UInt8] = [0xFF, 0xD8, 0xFF, 0xC0] + be16(17) + [8] + be16(10) + be16(10) + [3, 1, 0x11, 0, 2, 0x11, 1, 3, 0x11, 1]
        + [0xFF, 0xDA] + be16(12) + [3, 1, 0, 2, 0x11, 3, 0x11, 0, 0x3F, 0, 0x12, 0x34]
      try Data(bytes).write(to: url)
    case "big.png":
      let header = be32(20000) + be32(20000) + [8, 2, 0, 0, 0]
      try Data(pngSignature + chunk("IHDR", header) + chunk("IEND", [])).write(to: url)
    case "broken.png":
      let header = be32(20) + be32(20) + [8, 2, 0, 0, 0]
      try Data(pngSignature + chunk("IHDR", header) + be32(100) + Array("IDAT".utf8) + [0x78, 0x9C]).write(to: url)
    case "bomb.svg":
      let svg = #"<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a ""# + String(repeating: "x", count: 1000)
        + #"">]><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>"#
        + String(repeating: "&a;", count: 100_000) + "</text></svg>"
      try Data(svg.utf8).write(to: url)
    case "laughs.svg":
      let svg = #"<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>"#
        + #"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>&b;</text></svg>"#
      try Data(svg.utf8).write(to: url)
    case "external.svg":
      let svg = #"<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>"#
        + #"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>&x;</text></svg>"#
      try Data(svg.utf8).write(to: url)
    case "huge.png":
      // A sparse file: 1.5 GB long, no disk used; refused from its size, never read.
      _ = FileManager.default.createFile(atPath: url.path, contents: Data(pngSignature))
      let handle = try FileHandle(forWritingTo: url)
      try handle.truncate(atOffset: 1_572_864_000)
      try handle.close()
    default:
      Issue.record("no such hostile image: \(name)")
    }
  }
}
