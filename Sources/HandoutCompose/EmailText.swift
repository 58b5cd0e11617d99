import HandoutCatalog
import HandoutModel

/// The words of the email a plan is sent with, in the plan's language.
public struct EmailText: Sendable, Hashable {
  /// "Your care plan from Riverside Medical Massage".
  public var subject: String
  /// Plain text, lines separated by `\n`: greeting, next appointment, the home program one line
  /// per item, how to reach the clinic, and the note that the plan does not replace medical advice.
  public var body: String
}

/// The subject and body of the email that carries `plan`'s PDF.
public func composeEmail(_ plan: Plan, catalog: Catalog) -> EmailText {
  let format = Formatter(catalog: catalog)
  let clinic = plan.clinic?.name ?? ""
  var lines: [String] = []
  if let name = plan.client?.name {
    lines += [catalog.label("emailGreeting", ["name": name]), ""]
  }
  lines += [catalog.label("emailAttached", ["clinic": clinic]), ""]
  if let next = plan.sessions?.next {
    lines += ["\(catalog.label("nextAppointment")): \(format.dateTime(next))", ""]
  }
  let program = plan.homeCare.compactMap { item -> String? in
    var name = item.title
    var dosage = item.dosage
    if let id = item.id {
      guard let entry = catalog.homeCareEntry(id) else { return nil }
      name = entry.name
      dosage = item.dosage.replacing(entry.dosage ?? Dosage())
    }
    guard let name else { return nil }
    let amount = format.dosage(dosage).joined(separator: " · ")
    return amount.isEmpty ? "- \(name)" : "- \(name): \(amount)"
  }
  if !program.isEmpty {
    lines += ["\(catalog.label("homeProgram")):"] + program + [""]
  }
  if let details = plan.clinic {
    lines.append("\(catalog.label("contact")):")
    lines.append(details.name)
    if let address = details.address { lines.append(address) }
    if let phone = details.phone { lines.append("\(catalog.label("phone")): \(phone)") }
    if let email = details.email { lines.append("\(catalog.label("email")): \(email)") }
    if let website = details.website { lines.append("\(catalog.label("web")): \(website)") }
    if let booking = details.bookingUrl, booking != details.website {
      lines.append("\(catalog.label("bookNext")): \(booking)")
    }
    lines.append("")
  }
  lines.append(catalog.label("disclaimer"))
  return EmailText(subject: catalog.label("emailSubject", ["clinic": clinic]), body: lines.joined(separator: "\n"))
}
