import CCairo

/// What the drawer tells the PDF post-pass about every structure element it begins, in the
/// order it begins them.
///
/// Cairo 1.16 numbers a structure element when its tag begins, so the post-pass pairs the
/// n-th entry with the n-th `StructElem` object and checks that their types agree before it
/// changes anything. Cairo 1.16 cannot write what these entries carry: artifacts (its tag
/// stack rejects a tag named `Artifact` with `CAIRO_STATUS_TAG_ERROR`), attributes of
/// structure elements (`/Alt`, `/Lang`, `/Scope`) or one element continued on the next page
/// after that page's artifacts.
final class StructureLog {
  /// The tag that marks artifact content. It is a structure type Cairo accepts and the drawer
  /// uses for nothing else; the post-pass turns each such marked-content sequence into
  /// `/Artifact BMC … EMC` and drops the element from the structure tree.
  static let artifactTag = "Private"

  struct Entry: Sendable, Equatable {
    var tag: String
    /// Decoration or page furniture: rewritten into an artifact, removed from the tree.
    var isArtifact = false
    /// The entry this element continues: the same block, broken by a page. The post-pass
    /// merges the two into one element.
    var continues: Int?
    /// `/Alt` of a figure.
    var alternativeText: String?
    /// `/Lang` of a span or block in another language than the document's.
    var language: String?
    /// `/Scope` of a table header cell: `Column` or `Row`.
    var scope: String?
    /// `/ActualText`: what the element's glyphs stand for when that is not their own text.
    var actualText: String?
    /// `/E`: the expansion of an abbreviation.
    var expansion: String?
    /// For elements of the document element: where they come in reading order when that is
    /// not the order of the pages (a folded brochure's back is read last). Lowest first.
    var readingRank = 0
  }

  private(set) var entries: [Entry] = []

  /// Begins a structure tag and records it; returns its index.
  @discardableResult
  func begin(_ cr: OpaquePointer?, _ entry: Entry) -> Int {
    cairo_tag_begin(cr, entry.tag, "")
    entries.append(entry)
    return entries.count - 1
  }

  /// Records a tag begun elsewhere (links, which carry attributes).
  @discardableResult
  func record(_ entry: Entry) -> Int {
    entries.append(entry)
    return entries.count - 1
  }

  subscript(index: Int) -> Entry {
    get { entries[index] }
    set { entries[index] = newValue }
  }
}
