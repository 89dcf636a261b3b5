import ResilienceCore

/// What a form shows: the values typed (kept when it comes back with errors) and a message per
/// wrong field, in the request's language.
struct FormState {
    var values: [String: String] = [:]
    var errors: [String: String] = [:]
    /// A message for the form as a whole (for example a refused sign-in).
    var summary: String?

    subscript(_ field: String) -> String { values[field] ?? "" }

    init(values: [String: String] = [:]) { self.values = values }

    init(values: [String: String], error: any Error, _ t: Localizer) {
        self.values = values
        if let errors = error as? ValidationErrors {
            for e in errors.errors where self.errors[e.field ?? ""] == nil { self.errors[e.field ?? ""] = t.message(e) }
        } else if let e = error as? DomainError {
            self.errors[e.field ?? ""] = t.message(e)
        }
        summary = self.errors[""] ?? t("error.validation")
    }
}
