import Fluent
import Foundation
import ResilienceCore

/// The demo's security levels, proposed by Kenya's security officer and approved by the East
/// Africa regional security desk as people would: Kenya's three areas at levels 2, 3 and 5 (the
/// level 2 one past its review), Ethiopia's at 2 to 4.
enum DemoSecurity {
    struct Level {
        var area: String; var threats: [Int]; var daysAgo: Double; var reason: String
    }

    static let levels: [Level] = [
        // Nairobi's review is overdue: approved 200 days ago, six months' interval.
        .init(
            area: "Nairobi", threats: [1, 2, 2, 2, 1], daysAgo: 200,
            reason: "Crime and occasional protests in the capital; no armed conflict."),
        .init(
            area: "Turkana", threats: [2, 1, 3, 2, 3], daysAgo: 60,
            reason: "Cattle raids and banditry on the roads to Kakuma; drought."),
        // Garissa went from 4 to 5 after attacks on the Dadaab road.
        .init(
            area: "Garissa", threats: [3, 4, 3, 2, 2], daysAgo: 330,
            reason: "Cross-border militant activity near Dadaab."),
        .init(
            area: "Garissa", threats: [3, 5, 3, 2, 2], daysAgo: 30,
            reason: "Two improvised explosive devices on the Dadaab–Garissa road this month."),
        .init(area: "Addis Ababa", threats: [1, 2, 2, 2, 1], daysAgo: 90, reason: "Stable; petty crime."),
        .init(
            area: "Gambella", threats: [4, 1, 3, 3, 2], daysAgo: 45, reason: "Inter-communal clashes near the camps."),
        .init(
            area: "Somali", threats: [2, 3, 2, 2, 3], daysAgo: 75, reason: "Drought and sporadic militant incursions."),
    ]

    /// HQ's catalogue: code, category, baseline level (nil: where an assessment adds it), English, Chinese.
    static let measures: [(String, MeasureCategory, Int?, String, String)] = [
        ("TEL-01", .telecommunications, 1, "Radio network (HF/VHF) with a 24-hour radio room", "24 小时值守的高频/甚高频无线电网络"),
        ("TEL-02", .telecommunications, 3, "Satellite phone at every office", "每个办事处配备卫星电话"),
        ("DOC-01", .documentation, 1, "Security plan current and known to all personnel", "安保计划现行有效并为全体人员知晓"),
        ("DOC-02", .documentation, 1, "Warden list of personnel and dependants updated monthly", "人员及受抚养人联络名单每月更新"),
        ("COO-01", .coordination, 2, "Security management team meets monthly", "安保管理小组每月开会"),
        ("COO-02", .coordination, 3, "Liaison with host-country police and authorities", "与东道国警方和当局保持联络"),
        ("MED-01", .medical, 1, "First-aid kits and trained first-aiders", "急救箱和受过培训的急救人员"),
        ("MED-02", .medical, 4, "Trauma kits and a casualty evacuation plan", "创伤急救包和伤员后送计划"),
        ("EQU-01", .equipment, 5, "Personal protective equipment (body armour, helmets)", "个人防护装备（防弹衣、头盔）"),
        ("VEH-01", .vehicles, 3, "Vehicles fitted with radios and tracking", "车辆配备无线电和定位装置"),
        ("VEH-02", .vehicles, 4, "Two-vehicle convoys for field travel", "外地出行采用双车车队"),
        ("PRE-01", .premises, 2, "Perimeter, guards and access control", "围墙、警卫和出入控制"),
        ("PRE-02", .premises, 4, "Safe room in every office", "每个办事处设安全屋"),
        ("PRE-03", .premises, 5, "Blast film on all windows", "所有窗户贴防爆膜"),
        ("TRA-01", .training, 1, "Security awareness training for all personnel", "全体人员接受安保意识培训"),
        ("TRA-02", .training, 4, "Safe and secure approaches in field environments (SSAFE)", "外地环境安全保障方法培训（SSAFE）"),
        ("RES-01", .residential, nil, "Residential security survey of staff housing", "工作人员住所安保评估"),
    ]

    /// What the officers found at each duty station: by station, the measures not fully met
    /// (everything else required is compliant). Kakuma has 7 of its 10 measures: 70 %.
    static let findings: [String: [String: (MeasureStatus, String?)]] = [
        "Kakuma": [
            "TEL-02": (.partlyCompliant, nil), "VEH-01": (.partlyCompliant, nil), "COO-02": (.notCompliant, nil),
        ],
        "Dadaab": [
            "PRE-03": (.notApplicable, "Offices are containers without glazed windows."),
            "PRE-02": (.partlyCompliant, nil), "VEH-02": (.partlyCompliant, nil), "EQU-01": (.partlyCompliant, nil),
            "TRA-02": (.notCompliant, nil),
        ],
        "Gambella": ["MED-02": (.notCompliant, nil), "VEH-02": (.notCompliant, nil), "PRE-02": (.notCompliant, nil)],
        "Jijiga": ["VEH-01": (.partlyCompliant, nil), "COO-02": (.partlyCompliant, nil)],
    ]

    /// Agencies: short and full names in English and Chinese.
    static let agencies: [(String, String, String, String)] = [
        ("UNHCR", "Office of the United Nations High Commissioner for Refugees", "难民署", "联合国难民事务高级专员办事处"),
        ("WFP", "World Food Programme", "粮食署", "世界粮食计划署"),
        ("UNICEF", "United Nations Children's Fund", "儿基会", "联合国儿童基金会"),
        ("WHO", "World Health Organization", "世卫组织", "世界卫生组织"),
        ("IOM", "International Organization for Migration", "移民组织", "国际移民组织"),
        ("UNDP", "United Nations Development Programme", "开发署", "联合国开发计划署"),
    ]

    /// Headcounts by duty station and agency: international, national, dependants.
    static let headcounts: [String: [String: (Int, Int, Int)]] = [
        "Nairobi": ["UNHCR": (40, 120, 85), "WFP": (25, 90, 50), "UNICEF": (30, 80, 60), "UNDP": (20, 60, 40)],
        "Dadaab": ["UNHCR": (18, 95, 0), "WFP": (6, 40, 0), "IOM": (3, 22, 0)],
        "Kakuma": ["UNHCR": (14, 70, 4), "WFP": (5, 30, 0), "UNICEF": (4, 18, 2)],
        "Addis Ababa": ["UNHCR": (35, 110, 70), "WFP": (30, 100, 55), "WHO": (15, 40, 25)],
        "Gambella": ["UNHCR": (12, 65, 3), "UNICEF": (4, 20, 0)],
        "Jijiga": ["UNHCR": (9, 50, 2), "WFP": (5, 28, 0)],
        "Cox's Bazar": ["UNHCR": (30, 210, 12), "WFP": (20, 140, 8), "IOM": (25, 160, 10), "UNICEF": (12, 70, 4)],
        "Teknaf": ["UNHCR": (6, 45, 0), "IOM": (4, 30, 0)],
        "Dhaka": ["UNHCR": (10, 35, 20), "UNDP": (15, 60, 30)],
    ]

    static func load(on db: any Database, now: Date) async throws {
        var agencyIDs: [String: UUID] = [:]
        for (short, full, zhShort, zhFull) in agencies {
            let agency = try await AgencyService.create(
                AgencyInput(
                    shortNames: ["en": short, "zh-Hans": zhShort], fullNames: ["en": full, "zh-Hans": zhFull]),
                by: .system(at: now), on: db)
            agencyIDs[short] = agency.id
        }
        for station in try await DutyStation.query(on: db).filter(\.$name ~~ Array(headcounts.keys)).all() {
            var counts: [UUID: HeadcountInput] = [:]
            for (short, (i, n, d)) in headcounts[station.name] ?? [:] {
                guard let id = agencyIDs[short] else { continue }
                counts[id] = HeadcountInput(
                    internationalStaff: String(i), nationalStaff: String(n), dependants: String(d))
            }
            try await AgencyService.setHeadcounts(at: station, counts, by: .system(at: now), on: db)
        }
        for (code, category, level, en, zh) in measures {
            _ = try await MeasureCatalogueService.create(
                MeasureInput(
                    code: code, category: category.rawValue, baselineFrom: level.map(String.init),
                    names: ["en": en, "zh-Hans": zh]), by: .system(at: now), on: db)
        }
        guard let officer = try await User.query(on: db).filter(\.$username == "security.kenya").first(),
            let desk = try await User.query(on: db).filter(\.$username == "desk.ehagl").first(),
            let region = try await Unit.query(on: db).filter(\.$code == "RB-EHAGL").first()
        else { return }
        let deskActor = Actor(
            id: try desk.requireID(), username: desk.username, displayName: desk.displayName, language: nil,
            homeUnitID: try region.requireID(),
            grants: [Grant(role: .regionalSecurityDesk, unitID: try region.requireID())])
        let areas = try await SecurityArea.query(on: db).filter(\.$country ~~ ["KE", "ET"]).all()
        for level in levels {
            guard let area = areas.first(where: { $0.name(in: "en") == level.area }) else { continue }
            let at = now.addingTimeInterval(-level.daysAgo * 86_400)
            var threats: [String: String] = [:]
            for (c, rating) in zip(ThreatCategory.allCases, level.threats) { threats[c.rawValue] = String(rating) }
            let proposal = try await SecurityLevelService.propose(
                for: area,
                LevelProposalInput(threats: threats, reason: level.reason, effectiveOn: PlanChecks.isoDay(at)),
                by: area.country == "KE"
                    ? AuditContext(actorID: officer.id, actorName: officer.username, at: at.addingTimeInterval(-86_400))
                    : .system(at: at.addingTimeInterval(-86_400)),
                on: db)
            try await SecurityLevelService.decide(
                proposal, .approve, reason: nil, by: deskActor,
                context: AuditContext(actorID: desk.id, actorName: desk.username, at: at), on: db)
        }
        try await loadAssessments(officer: officer, desk: deskActor, now: now, on: db)
        // Compliance of Kenya's and Ethiopia's duty stations, as their officers verified it.
        let stations = try await DutyStation.query(on: db).filter(\.$country ~~ ["KE", "ET"]).all()
        let verifiedAt = now.addingTimeInterval(-10 * 86_400)
        for c in try await ComplianceService.of(stations, at: verifiedAt, on: db) {
            let found = findings[c.station.name] ?? [:]
            var entries: [String: ComplianceEntry] = [:]
            for m in c.required {
                let (status, reason) = found[m.code] ?? (.compliant, nil)
                entries[m.code] = ComplianceEntry(
                    status: status.rawValue, reason: reason, evidence: status == .compliant ? "Checked on site." : nil)
            }
            // The regional bureau's place in Nairobi lacks its monthly warden list update.
            if c.station.name == "Nairobi", c.station.$unit.id == region.id {
                entries["DOC-02"]?.status = "partly_compliant"
            }
            try await ComplianceService.record(
                c.station, entries,
                by: c.station.country == "KE"
                    ? AuditContext(actorID: officer.id, actorName: officer.username, at: verifiedAt)
                    : .system(at: verifiedAt), on: db)
        }
    }

    /// A threat of the demo's assessments: kind, description, before, measures, after, decision.
    typealias Threat = (String, String, (Int, Int), String, (Int, Int), RiskDecision)

    static let assessments: [(area: String, approvedDaysAgo: Double?, threats: [Threat], added: [String])] = [
        (
            "Garissa", 20,
            [
                (
                    "terrorism", "Improvised explosive devices on the Dadaab–Garissa road.", (4, 5),
                    "Two-vehicle convoys with escort; travel in daylight only.", (3, 4), .control
                ),
                (
                    "armed_conflict", "Armed attack on the Dadaab compound.", (3, 5),
                    "Perimeter, guards, safe room, blast film.", (2, 4), .control
                ),
                (
                    "crime", "Robbery of staff in town.", (3, 3), "Curfew and residential security survey.", (2, 2),
                    .accept
                ),
            ], ["RES-01"]
        ),
        (
            "Gambella", 40,
            [
                (
                    "armed_conflict", "Inter-communal clashes near the camps.", (4, 4),
                    "Movement restrictions when clashes are reported.", (3, 4), .control
                ),
                (
                    "hazards", "Flooding of the Baro river closes roads.", (3, 3), "Pre-positioned supplies.", (2, 3),
                    .accept
                ),
            ], []
        ),
        (
            "Turkana", nil,
            [
                (
                    "crime", "Banditry on the Lodwar–Kakuma road.", (4, 3), "Convoys; radio checks every hour.", (3, 3),
                    .control
                )
            ], []
        ),
    ]

    static func loadAssessments(officer: User, desk: Actor, now: Date, on db: any Database) async throws {
        let areas = try await SecurityArea.query(on: db).filter(\.$country ~~ ["KE", "ET"]).all()
        for a in assessments {
            guard let area = areas.first(where: { $0.name(in: "en") == a.area }) else { continue }
            let at = now.addingTimeInterval(-(a.approvedDaysAgo ?? 2) * 86_400)
            let writer = AuditContext(
                actorID: area.country == "KE" ? officer.id : nil,
                actorName: area.country == "KE" ? officer.username : "system", at: at.addingTimeInterval(-86_400))
            let record = try await RiskAssessmentService.draft(for: area, by: writer, on: db)
            let threats = a.threats.map { th in
                AssessedThreat(
                    kind: th.0, description: th.1, inherent: RiskRating(likelihood: th.2.0, impact: th.2.1),
                    measures: th.3, residual: RiskRating(likelihood: th.4.0, impact: th.4.1), decision: th.5)
            }
            try await RiskAssessmentService.save(
                record, AssessmentContent(threats: threats, addedMeasures: a.added), by: writer, on: db)
            guard a.approvedDaysAgo != nil else { continue }
            // Submitted by the officer, approved by the desk the next day.
            let submitter = Actor(
                id: writer.actorID ?? UUID(), username: writer.actorName, displayName: writer.actorName, language: nil,
                homeUnitID: area.$unit.id, grants: [Grant(role: .securityOfficer, unitID: area.$unit.id)])
            try await RiskAssessmentService.move(record, .submit, reason: nil, by: submitter, context: writer, on: db)
            try await RiskAssessmentService.move(
                record, .approve, reason: nil, by: desk,
                context: AuditContext(actorID: desk.id, actorName: desk.username, at: at), on: db)
        }
    }
}
