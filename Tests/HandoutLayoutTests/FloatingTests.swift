import Testing

@testable import HandoutLayout

@Suite("Floating blocks")
struct FloatingTests {
  /// The first two characters of each line of each page: "a1", "f2".
  func tags(_ pages: [Page]) -> [[String]] { lineTexts(pages).map { $0.map { String($0.prefix(2)) } } }

  func float(lines: Int) -> Block { .floating([paragraph(lines: lines, tag: "f")]) }

  @Test func whatFollowsAFloatThatDoesNotFitFillsTheRoomAndTheFloatOpensTheNextPage() {
    // 5 lines leave 36 of 96 pt: the 4-line float (48 pt) does not fit, the 3 lines after it do.
    let pages = lay(document(height: 96, [paragraph(lines: 5, tag: "a"), float(lines: 4), paragraph(lines: 3, tag: "b")]))
    #expect(tags(pages) == [["a1", "a2", "a3", "a4", "a5", "b1", "b2", "b3"], ["f1", "f2", "f3", "f4"]])
    expectInsideAndApart(pages)
    // Kept together, the same blocks leave the room empty.
    let kept = lay(document(height: 96, [
      paragraph(lines: 5, tag: "a"), .keepTogether([paragraph(lines: 4, tag: "f")]), paragraph(lines: 3, tag: "b"),
    ]))
    #expect(tags(kept) == [["a1", "a2", "a3", "a4", "a5"], ["f1", "f2", "f3", "f4", "b1", "b2", "b3"]])
  }

  @Test func aFloatMovesOnceAndTheTextAfterItGoesOnBelowIt() {
    // b fills page 1 (3 lines), the float opens page 2, and b goes on after it.
    let pages = lay(document(height: 96, [paragraph(lines: 5, tag: "a"), float(lines: 4), paragraph(lines: 8, tag: "b")]))
    #expect(tags(pages)[0] == ["a1", "a2", "a3", "a4", "a5", "b1", "b2", "b3"])
    // b7 waits with b8, which would be left alone on page 3.
    #expect(tags(pages).dropFirst() == [["f1", "f2", "f3", "f4", "b4", "b5", "b6"], ["b7", "b8"]])
    #expect(tags(pages).flatMap { $0 }.filter { $0.hasPrefix("b") }.count == 8, "no line lost or doubled")
  }

  @Test func aFloatThatFitsStaysInPlace() {
    let pages = lay(document(height: 96, [paragraph(lines: 2, tag: "a"), float(lines: 2), paragraph(lines: 2, tag: "b")]))
    #expect(tags(pages) == [["a1", "a2", "f1", "f2", "b1", "b2"]])
  }

  @Test func nothingMovesWhenWhatFollowsCannotTakeTheRoom() {
    // Nothing after the float, a page break after it, or a block that does not fit either.
    let last = lay(document(height: 96, [paragraph(lines: 5, tag: "a"), float(lines: 4)]))
    #expect(tags(last) == [["a1", "a2", "a3", "a4", "a5"], ["f1", "f2", "f3", "f4"]])
    let broken = lay(document(height: 96, [paragraph(lines: 5, tag: "a"), float(lines: 4), .pageBreak, paragraph(lines: 1, tag: "b")]))
    #expect(tags(broken) == [["a1", "a2", "a3", "a4", "a5"], ["f1", "f2", "f3", "f4"], ["b1"]])
    let tall = Block.keepTogether([paragraph(lines: 4, tag: "b")])
    let waiting = lay(document(height: 96, [paragraph(lines: 5, tag: "a"), float(lines: 4), tall]))
    #expect(tags(waiting) == [["a1", "a2", "a3", "a4", "a5"], ["f1", "f2", "f3", "f4", "b1", "b2", "b3", "b4"]])
  }

  @Test func aFloatInsideABoxStaysInItsBox() {
    let box = Block.box(Box(content: [float(lines: 4)], border: .black, padding: EdgeInsets(all: 0)))
    let pages = lay(document(height: 96, [paragraph(lines: 5, tag: "a"), box, paragraph(lines: 3, tag: "b")]))
    #expect(tags(pages) == [["a1", "a2", "a3", "a4", "a5"], ["f1", "f2", "f3", "f4", "b1", "b2", "b3"]])
  }
}
