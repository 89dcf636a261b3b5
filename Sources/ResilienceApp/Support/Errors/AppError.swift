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
