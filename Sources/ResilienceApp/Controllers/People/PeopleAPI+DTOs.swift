import Foundation
import ResilienceCore
import Vapor

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

struct ProfileBody: Content { var displayName: String?; var email: String?; var language: String? }

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
