import Fluent
import ResilienceCore
import Vapor

/// `/api/v1` for accounts, grants, the audit trail and one's own tokens.
struct PeopleAPIController {
    func register(_ api: any RoutesBuilder) {
        api.on(.GET, .apiMe, .signedIn, use: me)
        api.on(.PATCH, .apiMe, .signedIn, use: updateMe)
        api.on(.GET, .apiTokens, .signedIn, use: tokens)
        api.on(.POST, .apiTokens, .signedIn, use: createToken)
        api.on(.DELETE, .apiToken(AppPath.any), .signedIn, use: revokeToken)
        api.on(.GET, .apiUsers, .somewhere(.viewPeople), use: users)
        api.on(.POST, .apiUsers, .somewhere(.manageAccounts), use: createUser)
        api.on(.GET, .apiUser(AppPath.any), .user(.viewPeople), use: user)
        api.on(.PATCH, .apiUser(AppPath.any), .user(.manageAccounts), use: updateUser)
        api.on(.GET, .apiUserGrants(AppPath.any), .user(.viewPeople), use: grants)
        api.on(.POST, .apiUserGrants(AppPath.any), .user(.viewPeople), use: grant)
        api.on(.DELETE, .apiGrant(AppPath.any), .grant, use: revoke)
        api.on(.GET, .apiAudit, .somewhere(.viewAudit), use: audit)
    }

    @Sendable func me(_ req: Request) async throws -> MeDTO {
        let actor = try req.requireActor()
        guard let user = try await User.find(actor.id, on: req.db) else { throw Abort(.unauthorized) }
        return MeDTO(user: UserDTO(user), grants: actor.grants.map { .init(role: $0.role.rawValue, unitID: $0.unitID) })
    }

    /// The person's own name, e-mail and language; fields left out keep their value.
    @Sendable func updateMe(_ req: Request) async throws -> MeDTO {
        guard let user = try await User.find(try req.requireActor().id, on: req.db) else { throw Abort(.unauthorized) }
        let body = try req.decodeJSON(ProfileBody.self)
        let input = AccountInput(
            displayName: body.displayName ?? user.displayName, email: body.email ?? user.email,
            language: body.language ?? user.language)
        try await AccountService.updateProfile(user, input, by: req.auditContext, on: req.db)
        return try await me(req)
    }

    @Sendable func tokens(_ req: Request) async throws -> [TokenDTO] {
        try await TokenService.list(of: try req.requireActor().id, on: req.db).map { TokenDTO($0) }
    }

    @Sendable func createToken(_ req: Request) async throws -> Response {
        let body = try req.decodeJSON(TokenBody.self)
        let (record, token) = try await TokenService.create(
            for: try req.requireActor().id, name: body.name,
            by: req.auditContext, on: req.db)
        return try await TokenDTO(record, token: token).encodeResponse(status: .created, for: req)
    }

    @Sendable func revokeToken(_ req: Request) async throws -> HTTPStatus {
        try await TokenService.revoke(
            req.parameters.get("tokenID"), of: try req.requireActor().id, by: req.auditContext, on: req.db)
        return .noContent
    }

    @Sendable func users(_ req: Request) async throws -> Paged<UserDTO> {
        let (rows, info, _, _) = try await UsersController.scopedPage(req)
        return Paged(items: rows.map(UserDTO.init), metadata: info)
    }

    @Sendable func createUser(_ req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let user = try await AccountService.create(
            try req.decodeJSON(UserBody.self).input, by: req.auditContext, on: req.db,
            hasher: req.password.sync
        ) { actor.may(.manageAccounts, on: $0.unitPath) }
        return try await UserDTO(user).encodeResponse(status: .created, for: req)
    }

    @Sendable func user(_ req: Request) async throws -> UserDTO { UserDTO(try await req.userParameter()) }

    @Sendable func updateUser(_ req: Request) async throws -> UserDTO {
        let actor = try req.requireActor()
        let user = try await req.userParameter()
        let body = try req.decodeJSON(UserBody.self)
        let input = AccountInput(
            displayName: body.displayName ?? user.displayName, email: body.email ?? user.email,
            homeUnitID: (body.homeUnitID ?? user.$homeUnit.id).uuidString,
            language: body.language ?? user.language, isActive: body.isActive.map { String($0) })
        try await AccountService.update(user, input, by: req.auditContext, on: req.db) {
            actor.may(.manageAccounts, on: $0.unitPath)
        }
        return UserDTO(user)
    }

    @Sendable func grants(_ req: Request) async throws -> [GrantDTO] {
        let user = try await req.userParameter()
        return try await RoleGrant.query(on: req.db).filter(\.$user.$id == user.requireID()).sort(\.$createdAt).all()
            .map(GrantDTO.init)
    }

    @Sendable func grant(_ req: Request) async throws -> Response {
        let user = try await req.userParameter()
        let body = try req.decodeJSON(GrantBody.self)
        let grant = try await GrantService.grant(
            GrantInput(role: body.role, unitID: body.unitID?.uuidString), to: user,
            by: try req.requireActor(), at: req.now, on: req.db)
        return try await GrantDTO(grant).encodeResponse(status: .created, for: req)
    }

    @Sendable func revoke(_ req: Request) async throws -> GrantDTO {
        let grant = try await req.grantParameter()
        try await GrantService.revoke(grant, by: try req.requireActor(), at: req.now, on: req.db)
        return GrantDTO(grant)
    }

    @Sendable func audit(_ req: Request) async throws -> Paged<AuditEntryDTO> {
        let (query, _, _) = try await AuditController.scopedQuery(req)
        let (items, info) = try await query.pagedWithoutTotal(req)
        return Paged(items: items.map(AuditEntryDTO.init), metadata: info)
    }
}
