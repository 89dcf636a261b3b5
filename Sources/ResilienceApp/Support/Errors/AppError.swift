import ResilienceCore
import Vapor

/// Refusals made at the HTTP edge (the domain's own are `DomainError` and `ValidationErrors`).
enum AppError: Error {
    /// The form's anti-forgery token is missing or stale.
    case csrf
    /// Too many failed sign-ins for this name: try again after the date.
    case locked(until: Date)
    /// A request body that cannot be read as the endpoint expects.
    case badRequest(String)
}

/// A move refused because the plan still has errors: the refusal lists each of them, with the
/// item it concerns and a link to the field to fix, for the page and the API alike.
struct BlockedByFindings: Error {
    var refusal: ValidationErrors
    var planID: UUID
    var findings: [PlanCheck]
}
