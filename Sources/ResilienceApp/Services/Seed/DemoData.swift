import Fluent
import Foundation
import ResilienceCore
import Vapor

/// A realistic demo organization with one account for every role.
enum DemoData {
    static let password = "resilience-demo"

    struct Account { var username: String; var name: String; var role: Role; var unitCode: String }

    /// The demo accounts (also listed in the README).
    static let accounts: [Account] = [
        .init(username: "admin", name: "Amina Haddad", role: .administrator, unitCode: "HQ"),
        .init(username: "hq.oversight", name: "Jonas Berg", role: .hqOversight, unitCode: "HQ"),
        .init(username: "reviewer.asia", name: "王丽 Wang Li", role: .regionalReviewer, unitCode: "RB-AP"),
        .init(username: "reviewer.ehagl", name: "Grace Wanjiru", role: .regionalReviewer, unitCode: "RB-EHAGL"),
        .init(username: "reviewer.mena", name: "Omar Khalil", role: .regionalReviewer, unitCode: "RB-MENA"),
        .init(username: "focal.bangladesh", name: "陈明 Chen Ming", role: .focalPoint, unitCode: "BGD"),
        .init(username: "contributor.bangladesh", name: "Rahima Akter", role: .contributor, unitCode: "BGD"),
        .init(username: "manager.bangladesh", name: "Hiroshi Tanaka", role: .seniorManager, unitCode: "BGD"),
        .init(username: "security.kenya", name: "Peter Otieno", role: .securityOfficer, unitCode: "KEN"),
        .init(username: "desk.ehagl", name: "Amani Mwangi", role: .regionalSecurityDesk, unitCode: "RB-EHAGL"),
        .init(username: "staff.coxsbazar", name: "Nusrat Jahan", role: .staffMember, unitCode: "BGD-CXB"),
        .init(username: "hr.kenya", name: "Wanjiku Kamau", role: .personnelFocalPoint, unitCode: "KEN"),
        .init(username: "security.hq", name: "Elena Rossi", role: .securityOfficer, unitCode: "HQ"),
    ]

    private struct Place {
        var code: String; var name: String; var country: String; var area: String; var lat: Double; var lon: Double
    }
    private struct Office { var code: String; var name: String; var place: Place }
    private struct Country { var code: String; var name: String; var place: Place; var offices: [Office] }
    private struct Region { var code: String; var name: String; var place: Place; var countries: [Country] }

    private static let regions: [Region] = [
        Region(
            code: "RB-AP", name: "Regional Bureau for Asia and the Pacific",
            place: .init(code: "", name: "Bangkok", country: "TH", area: "Bangkok", lat: 13.7563, lon: 100.5018),
            countries: [
                Country(
                    code: "BGD", name: "Bangladesh",
                    place: .init(code: "", name: "Dhaka", country: "BD", area: "Dhaka", lat: 23.8103, lon: 90.4125),
                    offices: [
                        Office(
                            code: "BGD-CXB", name: "Sub-Office Cox's Bazar",
                            place: .init(
                                code: "", name: "Cox's Bazar", country: "BD", area: "Cox's Bazar", lat: 21.4272,
                                lon: 92.0058)),
                        Office(
                            code: "BGD-TKF", name: "Field Office Teknaf",
                            place: .init(
                                code: "", name: "Teknaf", country: "BD", area: "Cox's Bazar", lat: 20.8624, lon: 92.3058
                            )),
                    ]),
                Country(
                    code: "MMR", name: "Myanmar",
                    place: .init(code: "", name: "Yangon", country: "MM", area: "Yangon", lat: 16.8409, lon: 96.1735),
                    offices: [
                        Office(
                            code: "MMR-SIT", name: "Sub-Office Sittwe",
                            place: .init(
                                code: "", name: "Sittwe", country: "MM", area: "Rakhine", lat: 20.1461, lon: 92.8983)),
                        Office(
                            code: "MMR-MYI", name: "Field Office Myitkyina",
                            place: .init(
                                code: "", name: "Myitkyina", country: "MM", area: "Kachin", lat: 25.3867, lon: 97.3961)),
                    ]),
                Country(
                    code: "AFG", name: "Afghanistan",
                    place: .init(code: "", name: "Kabul", country: "AF", area: "Kabul", lat: 34.5553, lon: 69.2075),
                    offices: [
                        Office(
                            code: "AFG-HRT", name: "Sub-Office Herat",
                            place: .init(
                                code: "", name: "Herat", country: "AF", area: "Herat", lat: 34.3529, lon: 62.2040))
                    ]),
            ]),
        Region(
            code: "RB-EHAGL", name: "Regional Bureau for East and Horn of Africa and the Great Lakes",
            place: .init(code: "", name: "Nairobi", country: "KE", area: "Nairobi", lat: -1.2921, lon: 36.8219),
            countries: [
                Country(
                    code: "KEN", name: "Kenya",
                    place: .init(code: "", name: "Nairobi", country: "KE", area: "Nairobi", lat: -1.2864, lon: 36.8172),
                    offices: [
                        Office(
                            code: "KEN-DAD", name: "Sub-Office Dadaab",
                            place: .init(
                                code: "", name: "Dadaab", country: "KE", area: "Garissa", lat: 0.0527, lon: 40.3089)),
                        Office(
                            code: "KEN-KAK", name: "Sub-Office Kakuma",
                            place: .init(
                                code: "", name: "Kakuma", country: "KE", area: "Turkana", lat: 3.7167, lon: 34.8667)),
                    ]),
                Country(
                    code: "ETH", name: "Ethiopia",
                    place: .init(
                        code: "", name: "Addis Ababa", country: "ET", area: "Addis Ababa", lat: 9.0300, lon: 38.7400),
                    offices: [
                        Office(
                            code: "ETH-GAM", name: "Sub-Office Gambella",
                            place: .init(
                                code: "", name: "Gambella", country: "ET", area: "Gambella", lat: 8.2500, lon: 34.5833)),
                        Office(
                            code: "ETH-JIJ", name: "Field Office Jijiga",
                            place: .init(
                                code: "", name: "Jijiga", country: "ET", area: "Somali", lat: 9.3500, lon: 42.8000)),
                    ]),
            ]),
        Region(
            code: "RB-MENA", name: "Regional Bureau for the Middle East and North Africa",
            place: .init(code: "", name: "Amman", country: "JO", area: "Amman", lat: 31.9454, lon: 35.9284),
            countries: [
                Country(
                    code: "JOR", name: "Jordan",
                    place: .init(code: "", name: "Amman", country: "JO", area: "Amman", lat: 31.9539, lon: 35.9106),
                    offices: [
                        Office(
                            code: "JOR-MAF", name: "Sub-Office Mafraq",
                            place: .init(
                                code: "", name: "Mafraq", country: "JO", area: "Mafraq", lat: 32.3429, lon: 36.2080)),
                        Office(
                            code: "JOR-ZAA", name: "Field Office Zaatari",
                            place: .init(
                                code: "", name: "Zaatari", country: "JO", area: "Mafraq", lat: 32.2964, lon: 36.3236)),
                    ]),
                Country(
                    code: "LBN", name: "Lebanon",
                    place: .init(code: "", name: "Beirut", country: "LB", area: "Beirut", lat: 33.8938, lon: 35.5018),
                    offices: [
                        Office(
                            code: "LBN-ZAH", name: "Sub-Office Zahle",
                            place: .init(
                                code: "", name: "Zahle", country: "LB", area: "Bekaa", lat: 33.8467, lon: 35.9020)),
                        Office(
                            code: "LBN-TYR", name: "Field Office Tyre",
                            place: .init(
                                code: "", name: "Tyre", country: "LB", area: "South", lat: 33.2705, lon: 35.2038)),
                    ]),
            ]),
    ]

    /// The areas' names in Chinese, as the Chinese interface shows them.
    private static let chineseAreaNames = [
        "Dhaka": "达卡", "Cox's Bazar": "科克斯巴扎尔", "Yangon": "仰光", "Rakhine": "若开", "Kachin": "克钦",
        "Kabul": "喀布尔", "Herat": "赫拉特", "Nairobi": "内罗毕", "Garissa": "加里萨", "Turkana": "图尔卡纳",
        "Addis Ababa": "亚的斯亚贝巴", "Gambella": "甘贝拉", "Somali": "索马里州", "Amman": "安曼", "Mafraq": "马弗拉克",
        "Beirut": "贝鲁特", "Bekaa": "贝卡", "South": "南黎巴嫩",
    ]

    /// True when the database holds no unit yet.
    static func isEmpty(_ db: any Database) async throws -> Bool { try await Unit.query(on: db).count() == 0 }

    /// Loads the demo organization and accounts. Run only on an empty database.
    static func load(on db: any Database, hasher: any PasswordHasher, now: Date) async throws {
        let context = AuditContext.system(at: now)
        let hq = try await UnitService.create(
            under: nil, UnitInput(name: "Headquarters", code: "HQ", kind: UnitKind.headquarters.rawValue), by: context,
            on: db)
        _ = try await DutyStationService.create(
            at: hq, input(.init(code: "", name: "Geneva", country: "CH", area: "Geneva", lat: 46.2044, lon: 6.1432)),
            by: context, on: db)
        for region in regions {
            let r = try await UnitService.create(
                under: hq, UnitInput(name: region.name, code: region.code, kind: UnitKind.region.rawValue), by: context,
                on: db)
            for country in region.countries {
                let c = try await UnitService.create(
                    under: r,
                    UnitInput(name: country.name, code: country.code, kind: UnitKind.countryOperation.rawValue),
                    by: context, on: db)
                // The country's security officer divides it into the areas its places are in.
                var areas: [String] = []
                for place in [country.place] + country.offices.map(\.place) where !areas.contains(place.area) {
                    areas.append(place.area)
                    var names = ["en": place.area]
                    names["zh-Hans"] = chineseAreaNames[place.area]
                    _ = try await SecurityAreaService.create(
                        in: c, SecurityAreaInput(country: place.country, names: names), by: context, on: db)
                }
                _ = try await DutyStationService.create(at: c, input(country.place), by: context, on: db)
                for office in country.offices {
                    let o = try await UnitService.create(
                        under: c, UnitInput(name: office.name, code: office.code, kind: UnitKind.office.rawValue),
                        by: context, on: db)
                    _ = try await DutyStationService.create(at: o, input(office.place), by: context, on: db)
                }
            }
            // After its countries: a regional bureau's place is in an area its host country's
            // security officer keeps.
            _ = try await DutyStationService.create(at: r, input(region.place), by: context, on: db)
        }
        let hash = try hasher.hash(password)
        for account in accounts {
            guard let unit = try await Unit.query(on: db).filter(\.$code == account.unitCode).first() else { continue }
            let user = User(
                username: account.username, displayName: account.name, email: "\(account.username)@example.org",
                passwordHash: hash, language: nil, homeUnitID: try unit.requireID())
            let grant = RoleGrant(userID: user.id!, unitID: try unit.requireID(), role: account.role, grantedByID: nil)
            try await db.transaction { db in
                try await user.create(on: db)
                try await Audit.record(
                    on: db, by: context, .create, user, unitID: unit.id, subjectUserID: user.id, summary: user.username)
                try await grant.create(on: db)
                try await Audit.record(
                    on: db, by: context, .grant, grant, unitID: unit.id, subjectUserID: user.id,
                    summary: "\(user.username): \(account.role.rawValue) @ \(unit.name)")
            }
        }
        try await DemoPlan.load(on: db, now: now)
        try await DemoSecurity.load(on: db, now: now)
        try await DemoPersonnel.load(on: db, now: now)
        try await DemoTravel.load(on: db, now: now)
        try await IndicatorService.backfill(months: 12, now: now, on: db)
        try await IndicatorService.record(at: now, on: db)
    }

    private static func input(_ p: Place) -> DutyStationInput {
        DutyStationInput(
            name: p.name, country: p.country, area: p.area, latitude: String(p.lat), longitude: String(p.lon))
    }

    /// The lines printed after loading: every account with its role and unit.
    static var summary: String {
        (["Demo accounts (password: \(password)):"]
            + accounts.map {
                "  \($0.username.padding(toLength: 24, withPad: " ", startingAt: 0)) \($0.role.rawValue.padding(toLength: 24, withPad: " ", startingAt: 0)) \($0.unitCode)"
            }).joined(separator: "\n")
    }
}
