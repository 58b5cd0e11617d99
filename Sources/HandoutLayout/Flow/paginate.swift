/// Splits the flow into pages of at most `height`, choosing each break by the break rules.
///
/// When the next item does not fit, the page ends at the last break of the weakest rule among
/// the items already on it: an allowed break if there is one, else one that strands a line,
/// else one inside a keep-together group, and only when nothing else exists, after a heading.
/// Every page takes at least one item, so pagination always ends.
///
/// A page that starts inside a table's body gets the table's header rows again: their height
/// (from `headerHeight`) is reserved, and the slice names the table.
func paginate(
  _ items: [FlowItem], height: Double, headerHeight: (Int) -> Double = { _ in 0 }
) -> [PageSlice] {
  var pages: [PageSlice] = []
  var start = 0
  var lastContent: Int?
  while start < items.count {
    var repeatedTable: Int?
    if let first = items[start...].firstIndex(where: \.isContent), let table = items[first].table,
      let previous = lastContent, items[previous].table == table
    {
      repeatedTable = table
    }
    var y = repeatedTable.map(headerHeight) ?? 0
    var pendingSpace = 0.0
    var hasContent = false
    var end: Int?
    var forced = false
    for index in start..<items.count {
      switch items[index].kind {
      case .pageBreak:
        end = index
        forced = true
      case .space(let space):
        if hasContent { pendingSpace += space }
      case .content(let itemHeight, _):
        if hasContent, y + pendingSpace + itemHeight > height + 0.001 {
          end = bestBreak(items, from: start, before: index) + 1
        } else {
          y += pendingSpace + itemHeight
          pendingSpace = 0
          hasContent = true
        }
      }
      if end != nil { break }
    }
    let pageEnd = end ?? items.count
    if hasContent || forced { pages.append(PageSlice(range: start..<pageEnd, repeatedTable: repeatedTable)) }
    lastContent = items[start..<pageEnd].lastIndex(where: \.isContent) ?? lastContent
    start = forced ? pageEnd + 1 : pageEnd
  }
  return pages
}

/// The flow items of one page, and the table whose header rows open it, if any.
struct PageSlice {
  var range: Range<Int>
  var repeatedTable: Int?
}

/// The index of the content item after which the page should end.
private func bestBreak(_ items: [FlowItem], from start: Int, before end: Int) -> Int {
  var best: (index: Int, rule: BreakRule)?
  for index in start..<end where items[index].isContent {
    let rule = items[index].breakAfter
    if best == nil || rule <= best!.rule { best = (index, rule) }
  }
  return best?.index ?? start
}
