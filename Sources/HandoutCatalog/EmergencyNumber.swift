/// The number to call for an ambulance, by the clinic's country.
///
/// Only countries whose number we are sure of are listed: a plan from elsewhere is refused
/// with a hint rather than given a number that may not work there.
public enum EmergencyNumber {
  /// The emergency number of an ISO 3166 country code (`US`, `gb`, `KR`), or `nil` when
  /// unknown. `UK` is read as `GB`, as people often write it.
  public static func of(country code: String) -> String? {
    let upper = code.uppercased()
    return byCountry[upper == "UK" ? "GB" : upper]
  }

  /// The country codes with a known number, sorted.
  public static var countries: [String] { byCountry.keys.sorted() }

  /// The European Union and the European Economic Area, and Switzerland: 112.
  private static let europe = [
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
    "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO", "CH",
  ]

  private static let byCountry: [String: String] = {
    var table: [String: String] = [
      "US": "911", "CA": "911", "MX": "911", "PR": "911", "PH": "911",
      "GB": "999", "HK": "999",
      "KR": "119", "JP": "119", "TW": "119",
      "AU": "000", "NZ": "111", "IN": "112", "SG": "995", "CN": "120", "BR": "192",
    ]
    for country in europe { table[country] = "112" }
    return table
  }()
}
