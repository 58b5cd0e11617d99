/// A web address checked against RFC 3986: an `http` or `https` URI with a host.
///
/// Plans come from other systems, and a web address ends up in a PDF link, a QR code and an
/// email, so it is parsed, not pattern-matched: the scheme is one of two, the host is a DNS
/// name, an IPv4 address or a bracketed IPv6 literal, and every other character belongs to the
/// URI grammar or is a letter of another script (an IRI, RFC 3987, percent-encoded on output).
public enum WebAddress {
  /// Why a text is not a web address.
  public enum Problem: Sendable, Hashable {
    /// No `scheme://` at the start.
    case missingScheme
    /// A scheme other than `http` or `https` (`javascript`, `file`, `data`…).
    case scheme(String)
    /// Nothing, or no valid host, between `//` and the path.
    case host
    /// Credentials before the host (`https://user@host`): never needed on a handout.
    case userInfo
    /// A port that is not a number from 1 to 65535.
    case port
    /// A character that a URI cannot hold, and its position (1-based, in characters).
    case character(Character, at: Int)
    /// A `%` not followed by two hexadecimal digits.
    case percentEscape(at: Int)
  }

  /// The longest web address accepted; browsers and QR codes cope with far less.
  public static let maximumLength = 2_000

  /// Checks `text`; `nil` when it is a web address.
  public static func problem(in text: String) -> Problem? {
    let scalars = Array(text.unicodeScalars)
    guard let colon = scalars.firstIndex(of: ":"), colon > 0,
      scalars[0].isASCIILetter,
      scalars[..<colon].allSatisfy({ $0.isASCIILetter || $0.isASCIIDigit || "+-.".unicodeScalars.contains($0) })
    else { return .missingScheme }
    let scheme = String(String.UnicodeScalarView(scalars[..<colon])).lowercased()
    guard scheme == "https" || scheme == "http" else { return .scheme(scheme) }
    let rest = scalars[(colon + 1)...]
    guard rest.starts(with: "//".unicodeScalars) else { return .missingScheme }
    let authorityStart = colon + 3
    let authorityEnd = scalars[authorityStart...].firstIndex { "/?#".unicodeScalars.contains($0) } ?? scalars.endIndex
    let authority = scalars[authorityStart..<authorityEnd]
    if authority.contains("@") { return .userInfo }
    if let problem = hostProblem(authority) { return problem }
    for index in authorityEnd..<scalars.endIndex {
      let scalar = scalars[index]
      if scalar == "%" {
        let digits = scalars[(index + 1)...].prefix(2)
        guard digits.count == 2, digits.allSatisfy(\.properties.isASCIIHexDigit) else {
          return .percentEscape(at: index + 1)
        }
      } else if !isAllowedInPath(scalar) {
        return .character(Character(scalar), at: index + 1)
      }
    }
    return nil
  }

  /// Checks the host and the optional port of an authority.
  private static func hostProblem(_ authority: ArraySlice<Unicode.Scalar>) -> Problem? {
    var host = authority
    if authority.first == "[" {
      guard let close = authority.firstIndex(of: "]") else { return .host }
      let literal = authority[(authority.startIndex + 1)..<close]
      guard !literal.isEmpty, literal.allSatisfy({ $0.properties.isASCIIHexDigit || $0 == ":" || $0 == "." })
      else { return .host }
      host = authority[...close]
      let after = authority[(close + 1)...]
      if !after.isEmpty {
        guard after.first == ":" else { return .host }
        return portProblem(after.dropFirst())
      }
      return nil
    }
    if let colon = authority.firstIndex(of: ":") {
      host = authority[..<colon]
      if let problem = portProblem(authority[(colon + 1)...]) { return problem }
    }
    let labels = host.split(separator: ".", omittingEmptySubsequences: false)
    guard !host.isEmpty, host.count <= 253, labels.allSatisfy({ label in
      !label.isEmpty && label.count <= 63 && label.first != "-" && label.last != "-"
        && label.allSatisfy { $0.isASCIILetter || $0.isASCIIDigit || $0 == "-" }
    }) else { return .host }
    return nil
  }

  private static func portProblem(_ digits: ArraySlice<Unicode.Scalar>) -> Problem? {
    guard !digits.isEmpty, digits.count <= 5, digits.allSatisfy(\.isASCIIDigit),
      let port = Int(String(String.UnicodeScalarView(digits))), (1...65535).contains(port)
    else { return .port }
    return nil
  }

  /// RFC 3986 `pchar`, `/`, `?` and `#`, plus letters of other scripts (RFC 3987 `ucschar`).
  private static func isAllowedInPath(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII {
      return scalar.isASCIILetter || scalar.isASCIIDigit || "-._~!$&'()*+,;=:@/?#[]".unicodeScalars.contains(scalar)
    }
    // IRI characters: no controls, no bidi formatting, no private use, no noncharacters.
    let category = scalar.properties.generalCategory
    switch category {
    case .control, .format, .privateUse, .surrogate, .unassigned, .lineSeparator, .paragraphSeparator,
      .spaceSeparator:
      return false
    default:
      return !scalar.properties.isNoncharacterCodePoint
    }
  }
}

extension Unicode.Scalar {
  var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
  var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
