import Fluent
import Foundation
import ResilienceCore

/// The demo's personnel: Kenya's and Bangladesh's people with their dependants, some located
/// lately, some not for months, some never; and a closed roll-call in Kenya after an explosion on
/// the Dadaab road that accounted for everyone in 3 h 10 min.
enum DemoPersonnel {
    struct Person {
        var name: String; var index: String; var category: PersonnelCategory; var station: String
        var phone: String?; var language: String; var confirmedDaysAgo: Double?; var account: String? = nil
        var dependants: [(String, Relationship)] = []
    }

    static let people: [Person] = [
        .init(
            name: "Peter Otieno", index: "KE-0001", category: .international, station: "Nairobi",
            phone: "+254700100001", language: "en", confirmedDaysAgo: 3, account: "security.kenya",
            dependants: [("Mary Otieno", .spouse)]),
        .init(
            name: "Wanjiku Kamau", index: "KE-0002", category: .national, station: "Nairobi", phone: "+254700100002",
            language: "en", confirmedDaysAgo: 10, account: "hr.kenya"),
        .init(
            name: "李娜 Li Na", index: "KE-0003", category: .international, station: "Nairobi", phone: "+254700100003",
            language: "zh-Hans", confirmedDaysAgo: 95, dependants: [("王小明 Wang Xiaoming", .child)]),
        .init(
            name: "Hassan Abdi", index: "KE-0101", category: .national, station: "Dadaab", phone: "+254700100101",
            language: "en", confirmedDaysAgo: 40, dependants: [("Fatuma Abdi", .spouse), ("Yusuf Abdi", .child)]),
        .init(
            name: "Sofia Lindqvist", index: "KE-0102", category: .international, station: "Dadaab",
            phone: "+254700100102", language: "en", confirmedDaysAgo: 40),
        .init(
            name: "Abdullahi Noor", index: "KE-0103", category: .national, station: "Dadaab", phone: "+254700100103",
            language: "en", confirmedDaysAgo: 40, dependants: [("Halima Noor", .spouse)]),
        .init(
            name: "张伟 Zhang Wei", index: "KE-0104", category: .affiliate, station: "Dadaab", phone: "+254700100104",
            language: "zh-Hans", confirmedDaysAgo: 40),
        .init(
            name: "Lokwang Ekai", index: "KE-0201", category: .national, station: "Kakuma", phone: "+254700100201",
            language: "en", confirmedDaysAgo: 12),
        .init(
            name: "Achieng Odhiambo", index: "KE-0202", category: .national, station: "Kakuma", phone: nil,
            language: "en", confirmedDaysAgo: nil, dependants: [("Otieno Odhiambo", .child)]),
        .init(
            name: "Nusrat Jahan", index: "BD-0001", category: .national, station: "Cox's Bazar",
            phone: "+8801700000001", language: "en", confirmedDaysAgo: nil, account: "staff.coxsbazar"),
        .init(
            name: "陈明 Chen Ming", index: "BD-0002", category: .international, station: "Dhaka",
            phone: "+8801700000002", language: "zh-Hans", confirmedDaysAgo: 7, account: "focal.bangladesh",
            dependants: [("陈小红 Chen Xiaohong", .child)]),
        .init(
            name: "Kamal Hossain", index: "BD-0003", category: .national, station: "Cox's Bazar",
            phone: "+8801700000003", language: "en", confirmedDaysAgo: 150),
    ]

    /// Minutes after the roll-call opened at which each listed person or dependant was accounted
    /// for, in list order; the last at 3 h 10 min.
    static func minutes(_ count: Int) -> [Double] {
        (0..<count).map { i in i == count - 1 ? 190 : 6 + Double(i) * 120 / Double(max(1, count - 1)) }
    }

    static func load(on db: any Database, now: Date) async throws {
        let context = AuditContext.system(at: now)
        var records: [String: Personnel] = [:]
        for p in people {
            guard let station = try await DutyStation.query(on: db).filter(\.$name == p.station).first(),
                let unit = try await Unit.find(station.$unit.id, on: db)
            else { continue }
            var fields = [
                "name": p.name, "index_number": p.index, "category": p.category.rawValue,
                "duty_station": station.id!.uuidString, "phone": p.phone ?? "", "language": p.language,
                "email": "\(p.account ?? p.index.lowercased())@example.org",
            ]
            if let account = p.account, try await User.query(on: db).filter(\.$username == account).first() != nil {
                fields["account"] = account
            }
            let record = try await PersonnelService.create(fields, within: unit, by: context, on: db)
            for (name, relationship) in p.dependants {
                _ = try await PersonnelService.saveDependant(
                    nil, of: record, ["name": name, "relationship": relationship.rawValue], by: context, on: db)
            }
            if let days = p.confirmedDaysAgo {
                let at = now.addingTimeInterval(-days * 86_400)
                let dependants = try await Dependant.query(on: db).filter(\.$personnel.$id == record.requireID()).all()
                try await PersonnelService.confirmLocation(
                    of: record,
                    at: Whereabouts(
                        stationID: station.id, confirmedAt: at, source: p.account == nil ? .officer : .themselves),
                    dependants: dependants, by: AuditContext.system(at: at), on: db)
            }
            records[p.index] = record
        }
        try await rollCall(on: db, now: now)
    }

    /// 40 days ago, an explosion on the Dadaab–Garissa road: everyone at Dadaab accounted for in 3 h 10 min.
    private static func rollCall(on db: any Database, now: Date) async throws {
        guard let kenya = try await Unit.query(on: db).filter(\.$code == "KEN").first(),
            let dadaab = try await DutyStation.query(on: db).filter(\.$name == "Dadaab").first(),
            let officer = try await User.query(on: db).filter(\.$username == "security.kenya").first()
        else { return }
        let opened = now.addingTimeInterval(-40 * 86_400)
        let by = AuditContext(actorID: officer.id, actorName: officer.username, at: opened)
        var opening = RollCallService.Opening(form: ["station-\(dadaab.id!.uuidString)": "true"])
        opening.title = "Explosion on the Dadaab–Garissa road"
        opening.occurredAt = String(ISO8601DateFormatter().string(from: opened.addingTimeInterval(-20 * 60)).prefix(16))
        let call = try await RollCallService.open(opening, for: kenya, by: by, on: db)
        let entries = try await RollCallEntry.query(on: db).filter(\.$rollCall.$id == call.requireID()).sort(\.$id)
            .all()
        let methods: [MarkMethod] = [.sms, .ownAnswer, .phone, .sms, .inPerson]
        for (i, (entry, minute)) in zip(entries, minutes(entries.count)).enumerated() {
            let status: AccountStatus = i == 2 ? .injured : (i == 4 ? .needsHelp : .safe)
            try await RollCallService.mark(
                entry, in: call, as: status, method: methods[i % methods.count], note: nil,
                by: AuditContext(
                    actorID: officer.id, actorName: officer.username, at: opened.addingTimeInterval(minute * 60)),
                on: db)
        }
        try await RollCallService.close(
            call,
            by: AuditContext(actorID: officer.id, actorName: officer.username, at: opened.addingTimeInterval(200 * 60)),
            on: db)
    }
}
