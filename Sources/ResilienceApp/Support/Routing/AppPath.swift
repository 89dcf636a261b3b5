import Foundation
import Vapor

/// Every path of the app, for routes and views alike: no path string is written twice.
enum AppPath: Sendable {
    // Session and account
    case home, signIn, signOut, language, healthz
    case account, accountPassword, accountTokens, accountTokenRevoke(UUID)
    // Organization
    case units, unit(UUID), unitEdit(UUID), unitChildren(UUID), unitNewChild(UUID)
    case unitMove(UUID), unitRetire(UUID)
    case unitDutyStations(UUID), unitNewDutyStation(UUID)
    case dutyStations, dutyStation(UUID), dutyStationEdit(UUID), dutyStationRetire(UUID)
    // People and access
    case users, userNew, user(UUID), userEdit(UUID), userGrants(UUID), grantRevoke(UUID)
    case audit
    // JSON API
    case apiOpenAPI, apiMe, apiTokens, apiToken(UUID)
    case apiUnits, apiUnit(UUID), apiUnitChildren(UUID), apiUnitMove(UUID), apiUnitRetire(UUID)
    case apiUnitDutyStations(UUID)
    case apiDutyStations, apiDutyStation(UUID), apiDutyStationRetire(UUID)
    case apiUsers, apiUser(UUID), apiUserGrants(UUID), apiGrant(UUID), apiAudit

    /// The route pattern, with `:name` for each parameter.
    var template: String {
        switch self {
        case .home: "/"
        case .signIn: "/sign-in"
        case .signOut: "/sign-out"
        case .language: "/language"
        case .healthz: "/healthz"
        case .account: "/account"
        case .accountPassword: "/account/password"
        case .accountTokens: "/account/tokens"
        case .accountTokenRevoke: "/account/tokens/:tokenID/revoke"
        case .units: "/units"
        case .unit: "/units/:unitID"
        case .unitEdit: "/units/:unitID/edit"
        case .unitChildren: "/units/:unitID/children"
        case .unitNewChild: "/units/:unitID/children/new"
        case .unitMove: "/units/:unitID/move"
        case .unitRetire: "/units/:unitID/retire"
        case .unitDutyStations: "/units/:unitID/duty-stations"
        case .unitNewDutyStation: "/units/:unitID/duty-stations/new"
        case .dutyStations: "/duty-stations"
        case .dutyStation: "/duty-stations/:stationID"
        case .dutyStationEdit: "/duty-stations/:stationID/edit"
        case .dutyStationRetire: "/duty-stations/:stationID/retire"
        case .users: "/users"
        case .userNew: "/users/new"
        case .user: "/users/:userID"
        case .userEdit: "/users/:userID/edit"
        case .userGrants: "/users/:userID/grants"
        case .grantRevoke: "/grants/:grantID/revoke"
        case .audit: "/audit"
        case .apiOpenAPI: "/api/v1/openapi.json"
        case .apiMe: "/api/v1/me"
        case .apiTokens: "/api/v1/tokens"
        case .apiToken: "/api/v1/tokens/:tokenID"
        case .apiUnits: "/api/v1/units"
        case .apiUnit: "/api/v1/units/:unitID"
        case .apiUnitChildren: "/api/v1/units/:unitID/children"
        case .apiUnitMove: "/api/v1/units/:unitID/move"
        case .apiUnitRetire: "/api/v1/units/:unitID/retire"
        case .apiUnitDutyStations: "/api/v1/units/:unitID/duty-stations"
        case .apiDutyStations: "/api/v1/duty-stations"
        case .apiDutyStation: "/api/v1/duty-stations/:stationID"
        case .apiDutyStationRetire: "/api/v1/duty-stations/:stationID/retire"
        case .apiUsers: "/api/v1/users"
        case .apiUser: "/api/v1/users/:userID"
        case .apiUserGrants: "/api/v1/users/:userID/grants"
        case .apiGrant: "/api/v1/grants/:grantID"
        case .apiAudit: "/api/v1/audit"
        }
    }

    /// The identifier the path carries, if any.
    private var id: UUID? {
        switch self {
        case .accountTokenRevoke(let id), .unit(let id), .unitEdit(let id), .unitChildren(let id),
             .unitNewChild(let id), .unitMove(let id), .unitRetire(let id), .unitDutyStations(let id),
             .unitNewDutyStation(let id), .dutyStation(let id), .dutyStationEdit(let id),
             .dutyStationRetire(let id), .user(let id), .userEdit(let id), .userGrants(let id),
             .grantRevoke(let id), .apiToken(let id), .apiUnit(let id), .apiUnitChildren(let id),
             .apiUnitMove(let id), .apiUnitRetire(let id), .apiUnitDutyStations(let id),
             .apiDutyStation(let id), .apiDutyStationRetire(let id), .apiUser(let id),
             .apiUserGrants(let id), .apiGrant(let id):
            id
        default:
            nil
        }
    }

    /// The path to link to.
    var path: String {
        guard let id else { return template }
        return template.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(":") ? id.uuidString.lowercased() : String($0) }
            .joined(separator: "/")
    }

    /// The path with a query string; nil values are left out.
    func with(_ query: [(String, String?)]) -> String {
        let items = query.compactMap { key, value in
            value.map { "\(key)=\($0.addingPercentEncoding(withAllowedCharacters: .urlQueryValueAllowed) ?? "")" }
        }
        return items.isEmpty ? path : path + "?" + items.joined(separator: "&")
    }

    /// The pattern as Vapor's path components.
    var components: [PathComponent] { template.pathComponents }

    /// A stand-in identifier for registering a route by its case.
    static let any = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
}

extension CharacterSet {
    static let urlQueryValueAllowed: CharacterSet = {
        var set = CharacterSet.urlQueryAllowed
        set.remove(charactersIn: "&+=?#")
        return set
    }()
}
