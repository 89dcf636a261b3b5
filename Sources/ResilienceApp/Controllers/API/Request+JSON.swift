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

/// An API answer kept as text (see `Request.rendered`): encoded as every other answer is.
enum KeptJSON {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        var buffer = ByteBuffer()
        var headers = HTTPHeaders()
        try ContentConfiguration.global.requireEncoder(for: .json).encode(value, to: &buffer, headers: &headers)
        return String(buffer: buffer)
    }

    static func response(_ body: String) -> Response {
        let response = Response(status: .ok, body: .init(string: body))
        response.headers.contentType = .json
        return response
    }
}
