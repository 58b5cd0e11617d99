import Testing

@testable import HandoutModel

/// The country a clinic's address shows, when the plan names none: only beyond doubt.
@Suite("A clinic's country from its address")
struct ClinicCountryTests {
  private func country(_ address: String?, phone: String? = nil) -> String? {
    var clinic = Clinic(name: "Riverside")
    clinic.address = address
    clinic.phone = phone
    return clinic.countryFromAddress
  }

  @Test func aStateAndZIPCodeAreTheUnitedStates() {
    #expect(country("12 Mill Road, Springfield, OR 97477") == "US")
    #expect(country("500 Congress Ave, Austin, TX 78701-1234", phone: "+1 512 555 0100") == "US")
    #expect(country("Springfield OR 97477") == "US")
    #expect(country("12 Mill Road, Springfield, OR 9747") == nil, "four digits are no ZIP code")
    #expect(country("12 Mill Road, Springfield, ZZ 97477") == nil, "no such state")
  }

  @Test func aProvinceAndPostalCodeAreCanada() {
    #expect(country("200 Bay St, Toronto, ON M5J 2J2") == "CA")
    #expect(country("Montréal, QC H3A0G4") == "CA")
    #expect(country("Toronto, ON M5J 2J") == nil)
  }

  @Test func aPostcodeIsTheUnitedKingdom() {
    #expect(country("1 High St, London SW1A 1AA") == "GB")
    #expect(country("4 Station Rd, Leeds LS1 4DY", phone: "0113 496 0000") == "GB")
    #expect(country("Manchester M1 1AE") == "GB")
    #expect(country("Main St 12, 1234 AB") == nil, "a Dutch postcode is not a UK one")
  }

  @Test func theCountrysNameAsTheLastPartIsEnough() {
    #expect(country("1 Main St, Springfield, USA") == "US")
    #expect(country("Somewhere, United Kingdom") == "GB")
    #expect(country("Somewhere, canada") == "CA")
  }

  @Test func aPhoneFromAnotherCountryLeavesItUnknown() {
    #expect(country("12 Mill Road, Springfield, OR 97477", phone: "+44 20 7946 0000") == nil)
    #expect(country("1 High St, London SW1A 1AA", phone: "+1 555 010 4477") == nil)
    #expect(country("1 High St, London SW1A 1AA", phone: "+82 2 555 0147") == nil)
  }

  @Test func anAddressThatSaysNoCountryLeavesItUnknown() {
    #expect(country(nil) == nil)
    #expect(country("") == nil)
    #expect(country("서울특별시 강남구 테헤란로 1") == nil)
    #expect(country("Hauptstraße 5, 10115 Berlin") == nil)
  }

  @Test func aNamedCountryComesFirst() {
    var clinic = Clinic(name: "Riverside")
    clinic.address = "12 Mill Road, Springfield, OR 97477"
    clinic.country = "CA"
    #expect(clinic.emergencyCountry == "CA")
    clinic.country = nil
    #expect(clinic.emergencyCountry == "US")
  }
}
