import Fluent
import Foundation
import ResilienceCore

/// The demo's travel: air operators (one not approved), an advisory on Garissa that requires
/// clearance, a staff member's trip to Dadaab (level 5) waiting for clearance and aviation advice,
/// a trip refused at once for expired training, and a senior official's travel case.
enum DemoTravel {
    static func load(on db: any Database, now: Date) async throws {
        let system = AuditContext.system(at: now)
        func day(_ days: Double) -> String { PlanChecks.isoDay(now.addingTimeInterval(days * 86_400)) }
        func at(_ days: Double, _ hour: Int) -> String {
            TravelPages.local(
                SecurityCalendar.day(now.addingTimeInterval(days * 86_400)).addingTimeInterval(Double(hour) * 3600))
        }
        var operators: [String: AirOperator] = [:]
        for (name, country, suitability, restrictions, assessed) in [
            ("Kenya Airways", "KE", OperatorSuitability.approved, "", -120.0),
            ("Biman Bangladesh Airlines", "BD", .approved, "", -200),
            ("UNHAS", "", .approved, "", -60),
            ("Skyward Express", "KE", .restricted, "Daylight flights only; no night landings at Dadaab.", -90),
            ("Jubba Airways", "SO", .notApproved, "", -400),
        ] as [(String, String, OperatorSuitability, String, Double)] {
            operators[name] = try await AdvisoryService.saveOperator(
                nil,
                [
                    "name": name, "country": country, "suitability": suitability.rawValue, "restrictions": restrictions,
                    "assessed_on": day(assessed),
                ], by: system, on: db)
        }
        guard let officer = try await User.query(on: db).filter(\.$username == "security.kenya").first(),
            let garissa = try await SecurityArea.query(on: db).filter(\.$country == "KE").all()
                .first(where: { $0.name(in: "en") == "Garissa" })
        else { return }
        let kenyaOfficer = AuditContext(
            actorID: officer.id, actorName: officer.username, at: now.addingTimeInterval(-3 * 86_400))
        _ = try await AdvisoryService.publish(
            try await AdvisoryService.place(["scope": "area", "area": garissa.id!.uuidString], on: db),
            try AdvisoryService.terms([
                "severity": "severe", "title-en": "Explosive devices on the Dadaab–Garissa road",
                "title-zh-Hans": "达达布—加里萨公路发现爆炸装置",
                "text-en":
                    "Two improvised explosive devices this month. Road travel only in UN convoys with escort; fly to Dadaab where you can. Security clearance is required.",
                "text-zh-Hans": "本月发现两枚简易爆炸装置。公路出行仅限有护送的联合国车队；尽可能乘飞机前往达达布。须获得安保许可。",
                "valid_from": day(-3), "valid_until": day(60), "requires_clearance": "true",
            ]), by: kenyaOfficer, on: db)
        _ = try await AdvisoryService.publish(
            try await AdvisoryService.place(["scope": "country", "country": "KE"], on: db),
            try AdvisoryService.terms([
                "severity": "minor", "title-en": "Demonstrations in city centres", "title-zh-Hans": "市中心示威活动",
                "text-en": "Avoid gatherings on Tuesdays and Thursdays; keep your phone charged.",
                "text-zh-Hans": "周二和周四请避开人群聚集处；保持手机电量充足。", "valid_from": day(-10), "valid_until": day(30),
            ]), by: kenyaOfficer, on: db)

        func person(_ index: String) async throws -> Personnel? {
            try await Personnel.query(on: db).filter(\.$indexNumber == index).first()
        }
        func user(_ name: String) async throws -> AuditContext {
            let u = try await User.query(on: db).filter(\.$username == name).first()
            return AuditContext(actorID: u?.id, actorName: name, at: now.addingTimeInterval(-86_400))
        }
        // A staff member's trip to Dadaab (level 5), with valid training, waiting for clearance;
        // its last flight is on an operator not approved, so it waits for HQ's aviation advice too.
        if let nusrat = try await person("BD-0001") {
            try await train(nusrat, bsafe: day(400), ssafe: day(300), on: db)
            let by = try await user("staff.coxsbazar")
            let trip = try await TravelService.create(
                [
                    "purpose": "Joint protection monitoring mission, Dadaab", "accommodation": "UN compound, Dadaab",
                    "leg1_from": "Cox's Bazar", "leg1_to": "Dhaka", "leg1_departs": at(5, 8), "leg1_arrives": at(5, 9),
                    "leg1_means": "air", "leg1_operator": operators["Biman Bangladesh Airlines"]!.id!.uuidString,
                    "leg1_flight": "BG 434",
                    "leg2_from": "Dhaka", "leg2_to": "Nairobi (KE)", "leg2_departs": at(6, 2),
                    "leg2_arrives": at(6, 12),
                    "leg2_means": "air", "leg2_operator": operators["Kenya Airways"]!.id!.uuidString,
                    "leg2_flight": "KQ 311",
                    "leg3_from": "Nairobi (KE)", "leg3_to": "Dadaab", "leg3_departs": at(7, 7),
                    "leg3_arrives": at(7, 9),
                    "leg3_means": "air", "leg3_operator": operators["Jubba Airways"]!.id!.uuidString,
                    "leg3_flight": "3J 410",
                    "leg4_from": "Dadaab", "leg4_to": "Cox's Bazar", "leg4_departs": at(14, 10),
                    "leg4_arrives": at(15, 9),
                    "leg4_means": "air", "leg4_operator": operators["UNHAS"]!.id!.uuidString,
                ], for: nusrat, by: by, on: db)
            let advisories = try await TravelFacts.of(
                trip, legs: try await TravelService.legs(of: trip, on: db), at: now, on: db
            ).advisories
            _ = try await TravelService.submit(
                trip, acknowledged: Set(advisories.compactMap(\.id)), by: by, app: nil, on: db)
        }
        // A trip to Dadaab entered by HR for a colleague whose BSAFE has expired: refused at once.
        if let chen = try await person("BD-0002") {
            try await train(chen, bsafe: day(-20), ssafe: day(500), on: db)
            let by = try await user("focal.bangladesh")
            let trip = try await TravelService.create(
                [
                    "purpose": "Exchange visit with the Dadaab sub-office",
                    "leg1_from": "Dhaka", "leg1_to": "Nairobi (KE)", "leg1_departs": at(20, 2),
                    "leg1_arrives": at(20, 12),
                    "leg1_means": "air", "leg1_operator": operators["Kenya Airways"]!.id!.uuidString,
                    "leg1_flight": "KQ 311",
                    "leg2_from": "Nairobi (KE)", "leg2_to": "Dadaab", "leg2_departs": at(21, 7),
                    "leg2_arrives": at(21, 9),
                    "leg2_means": "air", "leg2_operator": operators["UNHAS"]!.id!.uuidString,
                    "leg3_from": "Dadaab", "leg3_to": "Dhaka", "leg3_departs": at(25, 7), "leg3_arrives": at(25, 23),
                    "leg3_means": "air", "leg3_operator": operators["Kenya Airways"]!.id!.uuidString,
                ], for: chen, by: by, on: db)
            let advisories = try await TravelFacts.of(
                trip, legs: try await TravelService.legs(of: trip, on: db), at: now, on: db
            ).advisories
            _ = try await TravelService.submit(
                trip, acknowledged: Set(advisories.compactMap(\.id)), by: by, app: nil, on: db)
        }
        // A senior official: the head of the Dadaab sub-office going to Addis Ababa; the travel
        // case waits for the protective service.
        if let sofia = try await person("KE-0102") {
            sofia.seniorOfficial = true
            try await sofia.save(on: db)
            try await train(sofia, bsafe: day(700), ssafe: day(700), on: db)
            let by = try await user("hr.kenya")
            let trip = try await TravelService.create(
                [
                    "purpose": "Regional heads of office meeting, Addis Ababa",
                    "leg1_from": "Dadaab", "leg1_to": "Nairobi (KE)", "leg1_departs": at(9, 7),
                    "leg1_arrives": at(9, 9),
                    "leg1_means": "air", "leg1_operator": operators["UNHAS"]!.id!.uuidString,
                    "leg2_from": "Nairobi (KE)", "leg2_to": "Addis Ababa", "leg2_departs": at(9, 14),
                    "leg2_arrives": at(9, 16), "leg2_means": "air",
                    "leg2_operator": operators["Kenya Airways"]!.id!.uuidString,
                    "leg2_flight": "KQ 402",
                    "leg3_from": "Addis Ababa", "leg3_to": "Dadaab", "leg3_departs": at(12, 8),
                    "leg3_arrives": at(12, 14),
                    "leg3_means": "air", "leg3_operator": operators["UNHAS"]!.id!.uuidString,
                ], for: sofia, by: by, on: db)
            let advisories = try await TravelFacts.of(
                trip, legs: try await TravelService.legs(of: trip, on: db), at: now, on: db
            ).advisories
            _ = try await TravelService.submit(
                trip, acknowledged: Set(advisories.compactMap(\.id)), by: by, app: nil, on: db)
        }
    }

    private static func train(_ p: Personnel, bsafe: String, ssafe: String, on db: any Database) async throws {
        p.bsafeExpires = try TextRules.day(bsafe, field: "bsafe_expires")
        p.ssafeExpires = try TextRules.day(ssafe, field: "ssafe_expires")
        try await p.save(on: db)
    }
}
