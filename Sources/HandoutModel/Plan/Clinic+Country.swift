/// The clinic's country when the plan does not name it but its address says it beyond doubt.
extension Clinic {
  /// The country whose emergency number the red flags print: `country`, or else the one the
  /// address shows (``countryFromAddress``).
  public var emergencyCountry: String? { country ?? countryFromAddress }

  /// The ISO 3166 code of the country the address is in, when its end says so unmistakably and
  /// the phone number, if it has a country code, agrees; otherwise `nil`.
  ///
  /// - a state and a ZIP code ("Springfield, OR 97477", "Austin, TX 78701-1234"): `US`;
  /// - a province and a postal code ("Toronto, ON M5V 2T6"): `CA`;
  /// - a UK postcode ("London SW1A 1AA"): `GB`;
  /// - or the country's name as the last part ("…, USA", "…, United Kingdom", "…, Canada").
  ///
  /// A phone number starting `+` names its country: `+1` must go with the US or Canada, `+44`
  /// with the UK. A guess that could give a reader the wrong number to call is not made.
  public var countryFromAddress: String? {
    guard let address else { return nil }
    let parts = address.split(separator: ",").map { $0.trimmingSpaces() }
    guard let last = parts.last, !last.isEmpty else { return nil }
    var found: String?
    if let named = Self.countryNames[last.uppercased()] {
      found = named
    } else if Self.isUSStateAndZIP(last) {
      found = "US"
    } else if Self.isCanadianProvinceAndPostalCode(last) {
      found = "CA"
    } else if Self.endsWithUKPostcode(last) {
      found = "GB"
    }
    guard let found else { return nil }
    if let phone, !Self.phone(phone, isIn: found) { return nil }
    return found
  }

  private static let countryNames: [String: String] = [
    "USA": "US", "U.S.A.": "US", "US": "US", "U.S.": "US", "UNITED STATES": "US", "UNITED STATES OF AMERICA": "US",
    "UK": "GB", "U.K.": "GB", "UNITED KINGDOM": "GB", "GREAT BRITAIN": "GB", "ENGLAND": "GB", "SCOTLAND": "GB",
    "WALES": "GB", "NORTHERN IRELAND": "GB", "CANADA": "CA",
  ]

  private static let states: Set<String> = [
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY",
    "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND",
    "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC",
  ]

  private static let provinces: Set<String> = ["AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT"]

  /// "OR 97477", "TX 78701-1234", or a city before them ("Springfield OR 97477").
  private static func isUSStateAndZIP(_ text: String) -> Bool {
    let words = text.split(separator: " ")
    guard words.count >= 2, states.contains(String(words[words.count - 2])) else { return false }
    let zip = Array(words[words.count - 1].utf8)
    func digits(_ part: ArraySlice<UInt8>) -> Bool { part.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
    if zip.count == 5 { return digits(zip[...]) }
    return zip.count == 10 && zip[5] == UInt8(ascii: "-") && digits(zip[0..<5]) && digits(zip[6...])
  }

  /// "ON M5V 2T6" or "ON M5V2T6".
  private static func isCanadianProvinceAndPostalCode(_ text: String) -> Bool {
    var words = text.split(separator: " ").map(String.init)
    guard words.count >= 2 else { return false }
    var code = words.removeLast()
    if code.count == 3, words.count >= 2 { code = words.removeLast() + code }
    guard let province = words.last, provinces.contains(province), code.count == 6 else { return false }
    return code.enumerated().allSatisfy { index, character in
      character.isASCII && (index % 2 == 0 ? character.isUppercase && character.isLetter : character.isNumber)
    }
  }

  /// A UK postcode at the end: outward code (A9, A99, AA9, AA99, A9A, AA9A), a space, then
  /// inward code (9AA).
  private static func endsWithUKPostcode(_ text: String) -> Bool {
    let words = text.split(separator: " ").map { String($0).uppercased() }
    guard words.count >= 2 else { return false }
    let inward = Array(words[words.count - 1])
    let outward = Array(words[words.count - 2])
    guard inward.count == 3, inward[0].isASCII, inward[0].isNumber, inward[1...].allSatisfy({ $0.isASCII && $0.isLetter }) else {
      return false
    }
    guard (2...4).contains(outward.count), outward[0].isASCII, outward[0].isLetter else { return false }
    let rest = outward.dropFirst().drop { $0.isASCII && $0.isLetter }
    guard outward.count - rest.count <= 2, let digit = rest.first, digit.isASCII, digit.isNumber else { return false }
    return rest.dropFirst().allSatisfy { $0.isASCII && ($0.isNumber || $0.isLetter) } && rest.count <= 2
  }

  /// Whether a phone number can be in `country` (US, CA or GB): one written with `+` must
  /// start with its calling code ("+1 555 010 4477", "+44 20 7946 0000"); one without says nothing.
  private static func phone(_ phone: String, isIn country: String) -> Bool {
    let trimmed = phone.trimmingSpaces()
    guard trimmed.hasPrefix("+") else { return true }
    return trimmed.dropFirst().filter { $0.isASCII && $0.isNumber }.hasPrefix(country == "GB" ? "44" : "1")
  }
}

extension StringProtocol {
  fileprivate func trimmingSpaces() -> String {
    String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
  }
}
