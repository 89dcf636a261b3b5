import Fluent
import Foundation
import ResilienceCore
import SQLKit
import Vapor

/// `resilience generate`: a synthetic organization at UN scale, for benchmarks. Rows are written
/// in batches straight through SQL: going through the services would take hours at this size.
struct GenerateCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "countries", help: "Country operations (default 150)") var countries: Int?
        @Option(name: "offices", help: "Offices (default 1000)") var offices: Int?
        @Option(name: "stations", help: "Duty stations (default 2000)") var stations: Int?
        @Option(name: "accounts", help: "Accounts (default 120000)") var accounts: Int?
    }

    var help: String { "Generates a synthetic organization at UN scale (for benchmarks) into an empty database." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        guard try await DemoData.isEmpty(app.db) else { throw ConfigError("generate needs an empty database.") }
        guard let sql = app.db as? any SQLDatabase else { return }
        let started = Date()
        let scale = Scale(
            countries: signature.countries ?? 150, offices: signature.offices ?? 1000,
            stations: signature.stations ?? 2000, accounts: signature.accounts ?? 120_000)
        let hash = try app.password.sync.hash("resilience-bench")
        let counts = try await Self.generate(scale, passwordHash: hash, on: sql)
        // C42 gets the large plan below, through the services.
        let plans = try await Self.generatePlans(skipping: ["C42"], on: app.db)
        let risks = try await Self.generateRisks(region: "R3", count: 5000, on: app.db)
        let writers = try await Self.generateWriters(
            passwordHash: hash, riskRegion: "R3", now: app.clock.now, on: app.db)
        let security = try await Self.generateSecurity(now: app.clock.now, on: app.db)
        let personnel = try await Self.generatePersonnel(now: app.clock.now, on: app.db)
        let travel = try await Self.generateTravel(now: app.clock.now, on: app.db)
        if let country = try await Unit.query(on: app.db).filter(\.$code == "C42").first() {
            _ = try await DemoPlan.loadLarge(at: country, now: app.clock.now, on: app.db)
        }
        context.console.print(
            "Generated \(counts), \(plans), \(risks), \(writers), \(security), \(personnel), \(travel) in \(Int(Date().timeIntervalSince(started))) s. Every account's password: resilience-bench; 'bench.admin' is administrator at HQ, 'bench.security' its security officer; C42 has a plan of 60 critical processes; bench.editor01… and bench.officer01… make the benchmark's writes."
        )
    }

    struct Scale { var countries: Int, offices: Int, stations: Int, accounts: Int }

    static func generate(_ scale: Scale, passwordHash: String, on sql: any SQLDatabase) async throws -> String {
        let now = Date()
        var units: [(id: UUID, name: String, code: String, kind: UnitKind, parent: UUID?, path: UnitPath)] = []
        let hq = UUID()
        units.append((hq, "Headquarters", "HQ", .headquarters, nil, UnitPath([hq])))
        let regionNames = [
            "Africa", "Americas", "Asia and the Pacific", "Europe", "Middle East and North Africa",
            "East and Horn of Africa", "West and Central Africa",
        ]
        var regions: [(UUID, UnitPath)] = []
        for (i, name) in regionNames.enumerated() {
            let id = UUID(); let path = UnitPath([hq, id])
            units.append((id, "Regional Bureau for \(name)", "R\(i + 1)", .region, hq, path));
            regions.append((id, path))
        }
        var countries: [(UUID, UnitPath)] = []
        for i in 0..<scale.countries {
            let (rid, rpath) = regions[i % regions.count]
            let id = UUID(); let path = rpath.appending(id)
            units.append((id, "Country Operation \(i + 1)", "C\(i + 1)", .countryOperation, rid, path));
            countries.append((id, path))
        }
        for i in 0..<scale.offices {
            let (cid, cpath) = countries[i % countries.count]
            let id = UUID()
            units.append((id, "Field Office \(i + 1)", "O\(i + 1)", .office, cid, cpath.appending(id)))
        }
        for batch in units.chunked(500) {
            let insert = sql.insert(into: "units").columns(
                "id", "name", "code", "kind", "parent_id", "path", "depth", "created_at", "updated_at")
            for u in batch {
                insert.values(
                    SQLBind(u.id), SQLBind(u.name), SQLBind(u.code), SQLBind(u.kind.rawValue), SQLBind(u.parent),
                    SQLBind(u.path.encoded), SQLBind(u.path.ids.count - 1), SQLBind(now), SQLBind(now))
            }
            try await insert.run()
        }
        // Each country operation's country (a two-letter code from its number) divided into four or
        // five security areas (about 700 in all), kept by the country operation.
        func iso(_ k: Int) -> String {
            String(UnicodeScalar(65 + (k / 26) % 26)!) + String(UnicodeScalar(65 + k % 26)!)
        }
        var areasOf: [UUID: [UUID]] = [:]
        var countryIndex: [UUID: Int] = [:]
        let areas = sql.insert(into: "security_areas").columns(
            "id", "country", "names", "unit_id", "created_at", "updated_at")
        var areaRows = 0
        for (k, (cid, _)) in countries.enumerated() {
            countryIndex[cid] = k
            for a in 0..<(k % 3 == 0 ? 4 : 5) {
                let id = UUID()
                areasOf[cid, default: []].append(id)
                areas.values(
                    SQLBind(id), SQLBind(iso(k)), SQLBind(PlanCodec.encode(["en": "Area \(k + 1)-\(a + 1)"])),
                    SQLBind(cid),
                    SQLBind(now), SQLBind(now))
                areaRows += 1
            }
        }
        if areaRows > 0 { try await areas.run() }
        /// The country operation whose areas a unit's places are in: its own, the one above it,
        /// or for a region the first of its countries.
        let parents = Dictionary(units.map { ($0.id, $0.parent) }, uniquingKeysWith: { a, _ in a })
        let firstCountry = Dictionary(
            countries.reversed().map { (parents[$0.0]!!, $0.0) }, uniquingKeysWith: { a, _ in a })
        func country(
            of unit: (id: UUID, name: String, code: String, kind: UnitKind, parent: UUID?, path: UnitPath)
        ) -> UUID {
            switch unit.kind {
            case .countryOperation: unit.id
            case .office: unit.path.ids.first { countryIndex[$0] != nil } ?? countries[0].0
            default: firstCountry[unit.id] ?? countries[0].0
            }
        }
        let placeUnits = units.filter { $0.kind != .headquarters }
        for batch in Array(0..<scale.stations).chunked(500) {
            let insert = sql.insert(into: "duty_stations").columns(
                "id", "name", "country", "area_id", "latitude", "longitude", "unit_id", "created_at", "updated_at")
            for i in batch {
                let unit = placeUnits[i % placeUnits.count]
                let c = country(of: unit)
                let inCountry = areasOf[c] ?? []
                insert.values(
                    SQLBind(UUID()), SQLBind("Duty Station \(i + 1)"), SQLBind(iso(countryIndex[c] ?? 0)),
                    SQLBind(inCountry[i % inCountry.count]), SQLBind(Double(i % 170) - 85),
                    SQLBind(Double(i % 350) - 175),
                    SQLBind(unit.id), SQLBind(now), SQLBind(now))
            }
            try await insert.run()
        }
        let roles: [Role] = [
            .staffMember, .staffMember, .staffMember, .contributor, .focalPoint, .seniorManager, .securityOfficer,
        ]
        for batch in Array(0..<scale.accounts).chunked(1000) {
            let users = sql.insert(into: "users").columns(
                "id", "username", "display_name", "email", "password_hash", "is_active", "home_unit_id", "created_at",
                "updated_at")
            let grants = sql.insert(into: "role_grants").columns("id", "user_id", "unit_id", "role", "created_at")
            for i in batch {
                let id = UUID()
                let unit = i <= 1 ? units[0] : units[i % units.count]
                let role: Role =
                    i <= 1
                    ? (i == 0 ? .administrator : .securityOfficer)
                    : (unit.kind == .region
                        ? .regionalReviewer : (unit.kind == .headquarters ? .hqOversight : roles[i % roles.count]))
                let username = i == 0 ? "bench.admin" : (i == 1 ? "bench.security" : String(format: "user%06d", i))
                users.values(
                    SQLBind(id), SQLBind(username), SQLBind("Person \(i)"), SQLBind("\(username)@example.org"),
                    SQLBind(passwordHash),
                    SQLBind(true), SQLBind(unit.id), SQLBind(now), SQLBind(now))
                grants.values(SQLBind(UUID()), SQLBind(id), SQLBind(unit.id), SQLBind(role.rawValue), SQLBind(now))
            }
            try await users.run()
            try await grants.run()
        }
        return "\(units.count) units, \(scale.stations) duty stations, \(scale.accounts) accounts"
    }
}

extension Array {
    func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
