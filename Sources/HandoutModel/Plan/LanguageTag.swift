/// Checks and takes apart BCP 47 language tags such as `en`, `es-MX` or `ko`.
public enum LanguageTag {
  /// Whether the tag has the shape of a BCP 47 tag: a 2–3 letter language, then subtags.
  public static func isWellFormed(_ tag: String) -> Bool {
    let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
    guard let first = parts.first, (2...3).contains(first.count),
      first.allSatisfy({ $0.isASCII && $0.isLetter })
    else { return false }
    return parts.dropFirst().allSatisfy {
      (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }
  }

  /// The primary language subtag, lower-cased: `es` for `es-MX`.
  public static func primary(_ tag: String) -> String {
    String(tag.split(separator: "-").first ?? "en").lowercased()
  }
}
