import ResilienceCore
import Vapor

extension Request {
    /// Saves what a form sent. On success, the save's own answer (usually a redirect); when the
    /// domain refuses, the same form again as 422, with what was typed kept and a message beside
    /// each wrong field.
    func saveForm(
        values: [String: String],
        _ save: () async throws -> Response,
        reshow: (FormState) async throws -> Response
    ) async throws -> Response {
        let error: any Error
        do {
            return try await save()
        } catch let refused as ValidationErrors {
            error = refused
        } catch let refused as DomainError {
            error = refused
        } catch let blocked as BlockedByFindings {
            error = blocked.refusal
        }
        let response = try await reshow(FormState(values: values, error: error, localizer))
        response.status = .unprocessableEntity
        return response
    }
}
