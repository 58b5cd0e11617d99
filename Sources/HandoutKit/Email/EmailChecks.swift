import HandoutModel

/// Checks the plan fields an email's headers are made from: both addresses must be there and
/// well formed, and no header value may hold a control character (a CR or LF in a name would let
/// a plan add headers of its own: header injection).
struct EmailChecks {
  let read: ReadPlan
  let file: String?

  func check(_ plan: Plan) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    let root = JSONPath.root
    func error(_ problem: Problem, _ path: JSONPath) {
      diagnostics.append(Diagnostic(.error, problem, file: file, at: read.location(of: path), path: path))
    }
    let fields: [(String?, JSONPath, isAddress: Bool, owner: String)] = [
      (plan.clinic?.name, root.appending("clinic").appending("name"), false, "clinic"),
      (plan.clinic?.email, root.appending("clinic").appending("email"), true, "clinic"),
      (plan.client?.name, root.appending("client").appending("name"), false, "client"),
      (plan.client?.email, root.appending("client").appending("email"), true, "client"),
    ]
    for (value, path, isAddress, owner) in fields {
      guard let value else {
        if isAddress { error(.missingAddress(owner: owner), path) }
        continue
      }
      if let bad = value.unicodeScalars.first(where: Self.isControl) {
        error(.controlCharacter(bad.value), path)
      } else if isAddress, !isAddressSpec(value) {
        error(.notASendableAddress(value), path)
      }
    }
    return diagnostics
  }

  /// Whether a header may not hold `scalar`: C0 and C1 controls, DEL, line and paragraph separators.
  static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar == "\u{2028}" || scalar == "\u{2029}"
  }

  /// A plain `local@domain` address (RFC 5322 dot-atoms, ASCII).
  private func isAddressSpec(_ address: String) -> Bool {
    let parts = address.split(separator: "@", omittingEmptySubsequences: false)
    guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), address.utf8.count <= 254 else { return false }
    let atext = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~".utf8)
    func isDotAtom(_ text: Substring, allowed: Set<UInt8>) -> Bool {
      !text.hasPrefix(".") && !text.hasSuffix(".") && !text.contains("..")
        && text.utf8.allSatisfy { allowed.contains($0) || $0 == UInt8(ascii: ".") }
    }
    let domain = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-".utf8)
    return isDotAtom(parts[0], allowed: atext) && isDotAtom(parts[1], allowed: domain)
  }
}
