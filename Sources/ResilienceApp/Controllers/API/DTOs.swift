import Foundation
import ResilienceCore
import Vapor

/// What the API returns: explicit shapes, never the database models.
struct UnitDTO: Content {
    var id: UUID; var name: String; var code: String?; var kind: String; var parentID: UUID?
    var depth: Int; var retiredAt: Date?
    init(_ u: Unit) {
        id = u.id!; name = u.name; code = u.code; kind = u.kind.rawValue; parentID = u.$parent.id
        depth = u.depth; retiredAt = u.retiredAt
    }
}

struct DutyStationDTO: Content {
    var id: UUID; var name: String; var country: String; var area: String
    var latitude: Double; var longitude: Double; var unitID: UUID; var retiredAt: Date?
    init(_ s: DutyStation) {
        id = s.id!; name = s.name; country = s.country; area = s.area; latitude = s.latitude; longitude = s.longitude
        unitID = s.$unit.id; retiredAt = s.retiredAt
    }
    init(_ r: DutyStationRow) {
        id = r.id; name = r.name; country = r.country; area = r.area; latitude = r.latitude; longitude = r.longitude
        unitID = r.unitID; retiredAt = r.retiredAt
    }
}

struct UserDTO: Content {
    var id: UUID; var username: String; var displayName: String; var email: String?
    var language: String?; var homeUnitID: UUID; var isActive: Bool; var lastSignInAt: Date?
    init(_ u: User) {
        id = u.id!; username = u.username; displayName = u.displayName; email = u.email; language = u.language
        homeUnitID = u.$homeUnit.id; isActive = u.isActive; lastSignInAt = u.lastSignInAt
    }
    init(_ r: UserRow) {
        id = r.id; username = r.username; displayName = r.displayName; email = r.email; language = r.language
        homeUnitID = r.homeUnitID; isActive = r.isActive; lastSignInAt = r.lastSignInAt
    }
}

struct GrantDTO: Content {
    var id: UUID; var userID: UUID; var unitID: UUID; var role: String; var createdAt: Date?
    var grantedByID: UUID?; var revokedAt: Date?; var revokedByID: UUID?
    init(_ g: RoleGrant) {
        id = g.id!; userID = g.$user.id; unitID = g.$unit.id; role = g.role.rawValue; createdAt = g.createdAt
        grantedByID = g.$grantedBy.id; revokedAt = g.revokedAt; revokedByID = g.$revokedBy.id
    }
}

struct AuditEntryDTO: Content {
    var id: UUID; var at: Date; var actorID: UUID?; var actorName: String?; var action: String
    var entityType: String; var entityID: UUID?; var unitID: UUID?; var subjectUserID: UUID?
    var summary: String; var before: [String: String]; var after: [String: String]
    init(_ e: AuditEntry) {
        id = e.id!; at = e.at; actorID = e.actorID; actorName = e.actorName; action = e.action.rawValue
        entityType = e.entityType; entityID = e.entityID; unitID = e.unitID; subjectUserID = e.subjectUserID
        summary = e.summary; before = Audit.decode(e.before); after = Audit.decode(e.after)
    }
}

struct TokenDTO: Content {
    var id: UUID; var name: String; var createdAt: Date?; var lastUsedAt: Date?; var revokedAt: Date?
    /// Present only in the answer to the request that created it.
    var token: String?
    init(_ t: APIToken, token: String? = nil) {
        id = t.id!; name = t.name; createdAt = t.createdAt; lastUsedAt = t.lastUsedAt; revokedAt = t.revokedAt
        self.token = token
    }
}

struct MeDTO: Content {
    struct GrantSummary: Content { var role: String; var unitID: UUID }
    var user: UserDTO
    var grants: [GrantSummary]
}

/// Bodies the API accepts.
struct DutyStationBody: Content {
    var name: String?; var country: String?; var area: String?; var latitude: Double?; var longitude: Double?
    var input: DutyStationInput {
        DutyStationInput(
            name: name, country: country, area: area, latitude: latitude.map { String($0) },
            longitude: longitude.map { String($0) })
    }
}

struct ProfileBody: Content { var displayName: String?; var email: String?; var language: String? }
struct MoveBody: Content { var parentID: UUID }
struct TokenBody: Content { var name: String? }

struct UserBody: Content {
    var username: String?; var displayName: String?; var email: String?; var password: String?
    var homeUnitID: UUID?; var language: String?; var isActive: Bool?
    var input: AccountInput {
        AccountInput(
            username: username, displayName: displayName, email: email, password: password, confirmation: password,
            homeUnitID: homeUnitID?.uuidString, language: language, isActive: isActive.map { String($0) })
    }
}

struct GrantBody: Content { var role: String?; var unitID: UUID? }

extension Request {
    /// Decodes a JSON body, answering 400 with what is wrong instead of failing deep inside.
    func decodeJSON<T: Decodable>(_ type: T.Type) throws -> T {
        guard headers.contentType == .json else { throw Abort(.unsupportedMediaType) }
        do { return try content.decode(T.self) } catch let error as DecodingError {
            throw AppError.badRequest(AppErrorMiddleware.describe(decoding: error, localizer))
        }
    }
}
