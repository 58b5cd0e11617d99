import Foundation
import HandoutKit
@testable import HandoutRender
import Testing

/// The post-pass writes the whole file again: object streams, a cross-reference stream, fonts
/// without hinting, nothing superseded. Measured from the files: their size, qpdf's reading,
/// and the same text, structure, links and pixels as the plain layout of the same document.
@Suite("Compact PDF files", .serialized)
struct CompactPDFTests {
  let scratch: Scratch

  init() throws {
    scratch = try Scratch()
  }

  /// The reference plan's take-home sheet, as the command line writes it.
  func referencePDF() throws -> String {
    let path = scratch.url.appendingPathComponent("reference.pdf").path
    let render = try run(handoutBinary, ["render", sharedExamples.appendingPathComponent("sciatica-plan.json").path, "-o", path])
    try #require(render.status == 0, "\(render.stderr)")
    return path
  }

  /// The reference plan laid out once and drawn in both layouts.
  func bothLayouts() throws -> (compact: String, plain: String) {
    var request = try request(sharedExamples.appendingPathComponent("sciatica-plan.json"))
    request.layout = "take-home"
    let paged = try Engine().layOut(request).paged
    let compact = try scratch.file(try Renderer.pdf(paged, layout: .compact))
    let plain = try scratch.file(try Renderer.pdf(paged, layout: .plain))
    return (compact, plain)
  }

  func qpdfObjects(_ path: String) throws -> [String: Any] {
    let output = try run("qpdf", ["--json=2", "--json-key=qpdf", "--json-stream-data=inline", "--decode-level=generalized", path])
    try #require(output.status == 0, "\(output.stderr)")
    let json = try #require(try JSONSerialization.jsonObject(with: output.stdout) as? [String: Any])
    return try #require((json["qpdf"] as? [Any])?.last as? [String: Any])
  }

  @Test func theReferenceTakeHomeIsAtMost45KBAndQPDFFindsNoFault() throws {
    let path = try referencePDF()
    let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
    print("reference take-home PDF: \(size) bytes")
    #expect(size <= 45_000, "\(size) bytes")
    let check = try run("qpdf", ["--check", path])
    #expect(check.status == 0 && check.stderr.isEmpty, "\(check.stderr)")
    #expect(String(decoding: check.stdout, as: UTF8.self).contains("No syntax or stream encoding errors found"))
    #expect(String(decoding: check.stdout, as: UTF8.self).contains("PDF Version: 1.5"))
  }

  @Test func smallObjectsAreInObjectStreamsWithACrossReferenceStream() throws {
    let path = try referencePDF()
    let objects = try qpdfObjects(path)
    let trailer = try #require((objects["trailer"] as? [String: Any])?["value"] as? [String: Any])
    #expect(trailer["/Type"] as? String == "/XRef", "the trailer is a cross-reference stream's dictionary")
    let streamTypes = objects.values.compactMap { (($0 as? [String: Any])?["stream"] as? [String: Any])?["dict"] as? [String: Any] }
      .compactMap { $0["/Type"] as? String }
    #expect(streamTypes.contains("/ObjStm") && streamTypes.contains("/XRef"), "\(streamTypes)")
    // qpdf says where each object is: at the top level or in an object stream.
    let xref = String(decoding: try run("qpdf", ["--show-xref", path]).stdout, as: UTF8.self).split(separator: "\n")
    let compressed = xref.filter { $0.contains(": compressed;") }.count
    let topLevel = xref.filter { $0.contains(": uncompressed;") }.count
    #expect(compressed > 200 && topLevel < 30, "\(compressed) objects in object streams, \(topLevel) at the top level")
    // Every structure element, page and annotation is in an object stream.
    let structureElements = Set(objects.compactMap { key, value -> String? in
      ((value as? [String: Any])?["value"] as? [String: Any])?["/Type"] as? String == "/StructElem" ? key : nil
    })
    #expect(structureElements.count > 100)
    let inStreams = Set(xref.filter { $0.contains(": compressed;") }.compactMap { line in
      line.split(separator: "/").first.map { "obj:\($0) 0 R" }
    })
    #expect(structureElements.isSubset(of: inStreams))
  }

  @Test func noObjectIsSupersededOrUnreferenced() throws {
    let path = try referencePDF()
    let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(text.components(separatedBy: "%%EOF").count == 2, "one end of file: no incremental update")
    #expect(text.components(separatedBy: "startxref").count == 2)
    let objects = try qpdfObjects(path)
    // Every object is reached from the trailer, except the streams that hold the others.
    var reached: Set<String> = []
    var pending: [Any] = [objects["trailer"] as Any]
    while let value = pending.popLast() {
      if let reference = value as? String, reference.hasSuffix(" 0 R") {
        let key = "obj:" + reference
        if reached.insert(key).inserted, let object = objects[key] { pending.append(object) }
      } else if let dictionary = value as? [String: Any] {
        pending.append(contentsOf: Array(dictionary.values))
      } else if let array = value as? [Any] {
        pending.append(contentsOf: array)
      }
    }
    let holders = Set(objects.compactMap { key, value -> String? in
      let type = (((value as? [String: Any])?["stream"] as? [String: Any])?["dict"] as? [String: Any])?["/Type"] as? String
      return type == "/ObjStm" || type == "/XRef" ? key : nil
    })
    let listed = Set(objects.keys.filter { $0.hasPrefix("obj:") })
    #expect(listed.subtracting(holders).subtracting(reached).isEmpty, "unreferenced: \(listed.subtracting(holders).subtracting(reached).sorted())")
    // No length objects: every stream's length is written in its dictionary.
    let numbers = objects.filter { key, value in key.hasPrefix("obj:") && (value as? [String: Any])?["value"] is NSNumber }
    #expect(numbers.isEmpty, "objects that are only a number: \(numbers.keys.sorted())")
  }

  @Test func twoRendersAreByteIdentical() throws {
    let first = [UInt8](try Data(contentsOf: URL(fileURLWithPath: try referencePDF())))
    let second = [UInt8](try Data(contentsOf: URL(fileURLWithPath: try referencePDF())))
    #expect(first == second)
  }

  /// The compact file holds the document the plain one does: the same text on every page, the
  /// same structure tree read aloud, the same links, fonts and pixels.
  @Test func theCompactFileReadsAndLooksAsThePlainOne() throws {
    let (compact, plain) = try bothLayouts()
    let compactSize = try #require(try FileManager.default.attributesOfItem(atPath: compact)[.size] as? Int)
    let plainSize = try #require(try FileManager.default.attributesOfItem(atPath: plain)[.size] as? Int)
    #expect(compactSize * 3 < plainSize * 2, "compact \(compactSize) bytes, plain \(plainSize)")
    #expect(try run("qpdf", ["--check", plain]).status == 0)
    let pages = String(decoding: try run("pdfinfo", [compact]).stdout, as: UTF8.self)
      .split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last ?? "") } ?? 0
    #expect(pages >= 3)
    for page in 1...max(pages, 1) {
      let range = ["-f", "\(page)", "-l", "\(page)"]
      let compactText = try run("pdftotext", range + [compact, "-"]).stdout
      #expect(!compactText.isEmpty)
      #expect(compactText == (try run("pdftotext", range + [plain, "-"]).stdout), "page \(page)'s text")
      let raw = try run("pdftotext", ["-raw"] + range + [compact, "-"]).stdout
      #expect(raw == (try run("pdftotext", ["-raw"] + range + [plain, "-"]).stdout), "page \(page)'s text in content order")
      let compactPixels = try run("pdftoppm", ["-r", "72", "-png"] + range + [compact]).stdout
      #expect(compactPixels == (try run("pdftoppm", ["-r", "72", "-png"] + range + [plain]).stdout), "page \(page)'s pixels")
    }
    for arguments in [["-struct-text"], ["-struct"]] {
      let compactTree = try run("pdfinfo", arguments + [compact]).stdout
      #expect(compactTree.count > 1000)
      #expect(compactTree == (try run("pdfinfo", arguments + [plain]).stdout), "pdfinfo \(arguments[0])")
    }
    #expect(try run("pdffonts", [compact]).stdout == (try run("pdffonts", [plain]).stdout))
    // Links, with where they go and what they say.
    func links(_ path: String) throws -> [String] {
      try qpdfObjects(path).values.compactMap { entry -> String? in
        guard let annotation = (entry as? [String: Any])?["value"] as? [String: Any], annotation["/Subtype"] as? String == "/Link" else { return nil }
        let uri = (annotation["/A"] as? [String: Any])?["/URI"] as? String ?? "(no URI)"
        return "\(uri) \(annotation["/Contents"] as? String ?? "(no Contents)") \(annotation["/Rect"] ?? "")"
      }.sorted()
    }
    let compactLinks = try links(compact)
    #expect(compactLinks.count >= 4 && compactLinks.allSatisfy { !$0.contains("(no ") }, "\(compactLinks)")
    #expect(compactLinks == (try links(plain)))
  }

  /// The embedded TrueType fonts lose their hinting tables and nothing else.
  @Test func embeddedFontsHaveNoHintingTables() throws {
    let (compact, plain) = try bothLayouts()
    func fontTables(_ path: String) throws -> [[String]] {
      let objects = try qpdfObjects(path)
      return try objects.values.compactMap { entry -> [String]? in
        guard let descriptor = (entry as? [String: Any])?["value"] as? [String: Any], descriptor["/Type"] as? String == "/FontDescriptor",
          let program = descriptor["/FontFile2"] as? String
        else { return nil }
        let stream = try #require((objects["obj:" + program] as? [String: Any])?["stream"] as? [String: Any])
        let encoded = try #require(stream["data"] as? String)
        let font = [UInt8](try #require(Data(base64Encoded: encoded)))
        let count = Int(font[4]) << 8 | Int(font[5])
        return (0..<count).map { String(decoding: font[(12 + 16 * $0)..<(16 + 16 * $0)], as: UTF8.self) }
      }.sorted { $0.joined() < $1.joined() }
    }
    let hinting: Set<String> = ["fpgm", "prep", "cvt "]
    let compactTables = try fontTables(compact)
    let plainTables = try fontTables(plain)
    #expect(compactTables.count >= 3 && compactTables.count == plainTables.count)
    #expect(plainTables.contains { !hinting.isDisjoint(with: $0) }, "Cairo embeds the hinting")
    #expect(compactTables.allSatisfy { hinting.isDisjoint(with: $0) }, "\(compactTables)")
    #expect(compactTables.allSatisfy { ["glyf", "loca", "hmtx", "head", "maxp"].allSatisfy($0.contains) })
  }

  /// The link audit reads the annotations where the post-pass now puts them: in object streams.
  @Test func theLinkAuditReadsObjectStreams() throws {
    func file(objects: String) -> [UInt8] {
      let compressed = deflate(Array(objects.utf8)) ?? []
      return Array("%PDF-1.5\n1 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length \(compressed.count) >>\nstream\n".utf8)
        + compressed + Array("\nendstream\nendobj\n".utf8)
    }
    let hidden = file(objects: "2 0 << /A << /S /JavaScript /JS (app.alert(1)) >> >>")
    #expect(LinkAudit.problem(in: hidden, expected: []) == "the PDF holds the name /JavaScript")
    let other = file(objects: "2 0 << /A << /S /URI /URI (https://b.example/) >> >>")
    #expect(LinkAudit.problem(in: other, expected: ["https://a.example/"]) == "the PDF links to \"https://b.example/\", which the document did not ask for")
    let fine = file(objects: "2 0 << /Title (/JavaScript) /A << /S /URI /URI (https://a.example/) >> >>")
    #expect(LinkAudit.problem(in: fine, expected: ["https://a.example/"]) == nil)
    let broken = Array("1 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Length 5 >>\nstream\nnot z\nendstream\nendobj\n".utf8)
    #expect(LinkAudit.problem(in: broken, expected: []) == "the PDF holds an object stream that cannot be inflated")
    // And in a real file, the audit finds the links qpdf finds.
    let real = [UInt8](try Data(contentsOf: URL(fileURLWithPath: try referencePDF())))
    #expect(LinkAudit.problem(in: real, expected: []).map { $0.hasPrefix("the PDF links to ") } == true, "the audit sees the links")
  }
}

extension CompactPDFTests {
  /// Cairo writes its streams stored (HandoutDeflate) and the post-pass compresses each once:
  /// no stored zlib stream reaches the file, in either layout, and storing is off again after
  /// a render (zlib compresses as usual on this thread).
  @Test func everyStreamIsCompressedOnceAndStoringEndsWithTheRender() throws {
    let (compact, plain) = try bothLayouts()
    for path in [compact, plain] {
      let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
      let keyword = Array("stream\n".utf8)
      var streams = 0
      var index = 0
      while index + keyword.count + 2 <= bytes.count {
        defer { index += 1 }
        guard bytes[index] == keyword[0], bytes[index..<(index + keyword.count)].elementsEqual(keyword),
          index < 3 || !bytes[(index - 3)..<index].elementsEqual("end".utf8)
        else { continue }
        let start = index + keyword.count
        if bytes[start...].starts(with: "<?xpacket".utf8) { continue }  // the XMP metadata, written plain
        streams += 1
        // A zlib header (CMF, FLG), then the first deflate block: BTYPE 00 in bits 1 and 2 is
        // a stored block, as HandoutDeflate's storing writes (header 0x18 0x19).
        #expect(!PDFRewrite.isStoredZlib(bytes[start...]), "a stored stream at byte \(start) of \(path)")
        #expect(bytes[start] & 0x0F == 8, "stream at byte \(start) of \(path) is not zlib data")
        #expect((bytes[start + 2] >> 1) & 3 != 0, "a stored first block at byte \(start) of \(path)")
      }
      #expect(streams > 5)
    }
    #expect(!zlibStoresStreams)
    let data = [UInt8](repeating: 65, count: 10_000)
    let compressed = try #require(deflate(data))
    #expect(!PDFRewrite.isStoredZlib(compressed[...]) && compressed.count < 100)
    #expect(inflate(compressed) == data)
  }
}
