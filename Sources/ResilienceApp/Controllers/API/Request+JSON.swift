import Vapor

extension Request {
    /// Decodes a JSON body, answering 400 with what is wrong instead of failing deep inside.
    func decodeJSON<T: Decodable>(_ type: T.Type) throws -> T {
        guard headers.contentType == .json else { throw Abort(.unsupportedMediaType) }
        do { return try content.decode(T.self) } catch let error as DecodingError {
            throw AppError.badRequest(AppErrorMiddleware.describe(decoding: error, localizer))
        }
    }
}
