import Fluent
import Foundation
import ResilienceCore

/// Plans for the demo and for benchmarks: a realistic plan for Bangladesh, and a large plan of
/// any size with full impact grids.
enum DemoPlan {
    static func day(_ offset: Int, from now: Date) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.startOfDay(for: calendar.date(byAdding: .day, value: offset, to: now)!)
    }

    /// A complete plan of a country operation: no blocking errors, a warning or two.
    static func bangladesh(now: Date) -> PlanContent {
        var plan = PlanContent()
        plan.team = [
            TeamMember(name: "Hiroshi Tanaka", function: .other, isLead: true, contact: "+880 1711 000 001"),
            TeamMember(name: "Rahim Uddin", function: .security, contact: "+880 1711 000 002 · radio CXB-01"),
            TeamMember(name: "陈明 Chen Ming", function: .programme, contact: "+880 1711 000 003"),
            TeamMember(name: "Nusrat Jahan", function: .protection, contact: "+880 1711 000 004"),
            TeamMember(name: "Rahima Akter", function: .financeAdministrationHR, contact: "+880 1711 000 005"),
            TeamMember(name: "Kamal Hossain", function: .supply, contact: "+880 1711 000 006"),
            TeamMember(name: "Farhana Islam", function: .informationTechnology, contact: "+880 1711 000 007"),
            TeamMember(name: "Tanvir Ahmed", function: .communications, contact: "+880 1711 000 008"),
        ]
        plan.scenarios = [
            Scenario(
                kind: .flood, title: "Monsoon flooding and landslides in the camps",
                description: "Access roads to Cox's Bazar camps cut for up to two weeks."),
            Scenario(
                kind: .civilUnrest, title: "Unrest around the camps",
                description: "Movement restricted; office in Cox's Bazar closed for days."),
            Scenario(
                kind: .pandemic, title: "Outbreak with many staff sick at once",
                description: "Half of the staff unavailable for three weeks."),
            Scenario(
                kind: .cyber, title: "Loss of the registration system",
                description: "No access to the biometric registration database."),
        ]
        var sites = [
            AlternateSite(name: "Sub-Office Cox's Bazar (Kolatoli)"), AlternateSite(name: "Partner compound, Ukhia"),
        ]
        sites[0].address = "Kolatoli Road, Cox's Bazar"; sites[0].workstations = 25;
        sites[0].equipment = "VSAT, 2 satellite phones, HF radio, generator"
        sites[0].contact = "+880 1711 000 020";
        sites[0].assetsToMove = ["Registration kits (4)", "Laptops from Dhaka office (10)", "Cash box and ledgers"]
        sites[1].address = "Camp 4 road, Ukhia"; sites[1].workstations = 8; sites[1].equipment = "Radio room, 4G router"
        sites[1].contact = "Site manager, +880 1711 000 021";
        sites[1].assetsToMove = ["Biometric scanners (6)", "Radios (10)"]
        plan.sites = sites
        func process(
            _ name: String, _ criteria: Set<ProcessCriterion>, _ pc: ProgrammeCriticality?,
            _ classification: ProcessClassification,
            staff: [(String, String, Bool)], ratings: [String: [Int?]], rto: Double, alternatives: [String],
            sites: [Int],
            dependencies: [Dependency] = [], resources: Set<ResourceKind>
        ) -> CriticalProcess {
            var p = CriticalProcess(name: name)
            p.criteria = criteria; p.programmeCriticality = pc; p.classification = classification
            p.minimumStaffCount = staff.count
            p.staff = staff.map { StaffAssignment(person: "name:\($0.0)", name: $0.0, role: $0.1, briefed: $0.2) }
            p.impact = ratings; p.rtoHours = rto; p.alternatives = alternatives
            p.siteIDs = sites.map { plan.sites[$0].id }; p.dependencies = dependencies; p.resources = resources
            return p
        }
        plan.processes = [
            process(
                "Registration and protection of new arrivals", [.protectionAndWellBeing], .pc1, .onSiteAlternate,
                staff: [
                    ("Nusrat Jahan", "Protection officer", true), ("Abdul Karim", "Registration assistant", true),
                    ("Shirin Akter", "Interpreter", false),
                ],
                ratings: [
                    "people_served": [2, 3, 4, 5, 5, 5, 5, 5, 5], "staff_safety": [1, 1, 2, 2, 3, 3, 3, 3, 3],
                    "trust": [1, 2, 3, 4, 4, 5, 5, 5, 5],
                    "legal_compliance": [1, 1, 2, 3, 3, 4, 4, 4, 4], "financial": [1, 1, 1, 1, 2, 2, 3, 3, 3],
                ],
                rto: 8,
                alternatives: ["Paper registration forms, entered later", "Mobile registration team from Ukhia"],
                sites: [0, 1],
                dependencies: [Dependency(kind: .itSystem, name: "Biometric registration system", recoveryHours: 24)],
                resources: [.itEquipment, .vehicles, .communications]),
            process(
                "Liaison with the Refugee Relief and Repatriation Commissioner", [.vitalLiaison], .pc2,
                .remoteInCountry,
                staff: [("Hiroshi Tanaka", "Representative", true), ("陈明 Chen Ming", "Deputy", true)],
                ratings: [
                    "people_served": [1, 1, 2, 2, 3, 4, 4, 5, 5], "trust": [1, 2, 3, 4, 4, 4, 5, 5, 5],
                    "legal_compliance": [1, 1, 2, 2, 3, 3, 4, 4, 4],
                ],
                rto: 24, alternatives: ["Telephone and e-mail from Dhaka or home"], sites: [],
                resources: [.communications, .workFromHome]),
            process(
                "Cash assistance payments", [.protectionAndWellBeing], .pc1, .remoteInCountry,
                staff: [("Rahima Akter", "Finance associate", true), ("陈明 Chen Ming", "Approver", true)],
                ratings: [
                    "people_served": [1, 1, 1, 2, 3, 4, 5, 5, 5], "financial": [1, 1, 2, 2, 3, 3, 4, 4, 5],
                    "trust": [1, 1, 1, 2, 3, 3, 4, 4, 4],
                ],
                rto: 72,
                alternatives: [
                    "Payments through the partner bank's agents", "Postpone by one cycle with notice to refugees",
                ], sites: [],
                dependencies: [Dependency(kind: .partner, name: "Partner bank", recoveryHours: 48)],
                resources: [.funds, .itEquipment]),
            process(
                "Security communications and staff tracking", [.enablingFunctions], nil, .onSiteOffice,
                staff: [
                    ("Rahim Uddin", "Field security associate", true), ("Tanvir Ahmed", "Radio operator", true),
                    ("陈明 Chen Ming", "Warden", true),
                ],
                ratings: ["staff_safety": [3, 4, 5, 5, 5, 5, 5, 5, 5], "people_served": [1, 2, 2, 3, 3, 3, 3, 3, 3]],
                rto: 1, alternatives: ["HF radio and satellite phones from the alternate site"], sites: [0],
                dependencies: [Dependency(kind: .communications, name: "VHF repeater network", recoveryHours: 1)],
                resources: [.communications, .vehicles]),
        ]
        plan.agreements = [
            Agreement(
                partner: "WFP Cox's Bazar (shared office space)", kind: .officeSpace, validFrom: day(-300, from: now),
                validUntil: day(430, from: now)),
            Agreement(
                partner: "Sayeman Hotel (rooms for relocated staff)", kind: .accommodation,
                validFrom: day(-200, from: now), validUntil: day(160, from: now)),
        ]
        plan.nationalStaff.seniorStaffMember = "Rahima Akter"
        plan.nationalStaff.safetyMeasures =
            "Warden system per neighbourhood; transport home before curfew; safe rooms in both offices."
        plan.nationalStaff.salaryAndCosts =
            "Salaries advanced one month by bank transfer; cash fallback through the partner bank."
        plan.nationalStaff.logisticsSupport = "Two vehicles on standby with drivers; fuel for 14 days."
        plan.nationalStaff.communicationProtocol =
            "SMS tree from the senior national staff member; daily radio check at 09:00."
        var exercise = Exercise(date: day(-90, from: now), kind: .tabletop)
        exercise.scope = "Office closure in Cox's Bazar during monsoon floods";
        exercise.findings = "Registration kits stored at the office only."
        exercise.followUp = "Move two kits to the Ukhia compound."; exercise.nextDate = day(270, from: now)
        plan.exercises = [exercise]
        plan.other.emergencyManagement = "Emergency contacts posted in both offices; grab bags for key staff."
        plan.other.securityManagement =
            "Aligned with the security plan and the security risk assessment of Cox's Bazar."
        plan.other.recordsManagement =
            "Registration data replicated nightly to the regional data centre; paper records in fire-proof cabinets."
        return plan
    }

    /// A plan of `processes` critical processes with `staffPerProcess` people each and every
    /// impact cell rated: the size the benchmark asks for.
    static func large(
        processes count: Int, staffPerProcess: Int, scale: ImpactScale = .standard, seed: Int = 1, now: Date
    ) -> PlanContent {
        var plan = bangladesh(now: now)
        plan.processes = (0..<count).map { i in
            var p = CriticalProcess(
                name:
                    "Critical process \(i + 1) — \(["registration", "cash assistance", "health referral", "supply pipeline", "liaison", "security"][i % 6])"
            )
            p.criteria = [ProcessCriterion.allCases[i % 3]]
            p.programmeCriticality = ProgrammeCriticality.allCases[i % 4]
            p.classification = ProcessClassification.allCases[i % 5]
            p.minimumStaffCount = staffPerProcess
            p.staff = (0..<staffPerProcess).map { k in
                let n = (i * staffPerProcess + k + seed) % (count * staffPerProcess)
                return StaffAssignment(
                    person: "name:Staff member \(n)", name: "Staff member \(n)",
                    role: ["Officer", "Associate", "Assistant", "Driver", "Interpreter"][k % 5], briefed: k % 3 != 0)
            }
            for (c, category) in scale.categories.enumerated() {
                p.impact[category] = scale.ladderHours.indices.map { k in min(5, 1 + (k + c + i) / 3) }
            }
            // An RTO no longer than the MTPD, so that the plan can be marked final.
            let mtpd = ImpactAnalysis.analyse(p, scale: scale).mtpdHours ?? .infinity
            p.rtoHours = min([1, 4, 8, 24, 72, 168][i % 6], mtpd)
            p.minimumCapacity = scale.ladderHours.indices.map { min(100, 20 + 10 * $0) }
            p.alternatives = ["Alternative A for process \(i + 1)", "Work from the alternate site"]
            p.siteIDs = [plan.sites[i % plan.sites.count].id]
            p.dependencies = [Dependency(kind: .itSystem, name: "System \(i % 7)", recoveryHours: Double(4 * (i % 5)))]
            p.resources = [.itEquipment, .communications]
            return p
        }
        return plan
    }

    /// The benchmark's plan: 60 critical processes with 5 staff each (300 entries) and full impact
    /// grids, submitted twice with changes between (two versions, the first in force, the second
    /// in review), after which the next cycle's draft is started from the plan in force.
    static func loadLarge(at unit: Unit, now: Date, on db: any Database) async throws -> Plan {
        let context = AuditContext.system(at: now)
        let plan = try await PlanService.create(
            at: unit, cycle: "2026", start: PlanService.Start.empty.rawValue, by: context, on: db)
        let content = large(processes: 60, staffPerProcess: 5, now: now)
        try await PlanService.change(plan, by: context, on: db) {
            $0 = content; return ("content", "", "benchmark")
        }
        try await ReviewService.runThrough(
            plan, to: .inReview, unit: unit, at: (now.addingTimeInterval(-40 * 86_400), now), on: db)
        let reviewer = Reviewer(
            grants: [Grant(role: .regionalReviewer, unitID: try unit.requireID())], context: context)
        try await ReviewService.move(
            plan, ReviewMove.returnWithFeedback.rawValue, comment: "Revise the processes", by: reviewer, unit: unit,
            now: now.addingTimeInterval(-35 * 86_400), app: nil, on: db)
        try await PlanService.change(plan, by: context, on: db) { c in
            for i in stride(from: 0, to: c.processes.count, by: 6) {
                c.processes[i].name += " (revised)"
                c.processes[i].staff.removeLast()
                // Four are enough now: the count follows, or the plan could not be submitted again.
                c.processes[i].minimumStaffCount = c.processes[i].staff.count
                c.processes[i].alternatives.append("Another alternative")
            }
            c.scenarios.removeFirst()
            c.sites.swapAt(0, 1)
            return ("content", "", "benchmark")
        }
        try await ReviewService.runThrough(
            plan, to: .inForce, unit: unit,
            at: (now.addingTimeInterval(-30 * 86_400), now.addingTimeInterval(-20 * 86_400)), on: db)
        let next = try await PlanService.create(
            at: unit, cycle: "2027", start: PlanService.Start.inForce.rawValue, by: context, on: db)
        try await PlanService.change(next, by: context, on: db) { c in
            c.exercises[0].findings = "Updated after the second version"
            return ("content", "", "benchmark")
        }
        return plan
    }

    /// Loads Bangladesh's plans: last cycle's, approved a year and two weeks ago (so overdue), and
    /// this cycle's draft started from it with a change or two; and plans for a few
    /// other operations in different states, so that the dashboards have something to show.
    static func load(on db: any Database, now: Date) async throws {
        guard let unit = try await Unit.query(on: db).filter(\.$code == "BGD").first() else { return }
        var people: [Role: AuditContext] = [:]
        for account in DemoData.accounts
        where ["focal.bangladesh", "reviewer.asia", "manager.bangladesh"].contains(account.username) {
            if let user = try await User.query(on: db).filter(\.$username == account.username).first() {
                people[account.role] = AuditContext(actorID: user.id, actorName: user.username, at: now)
            }
        }
        let context = people[.focalPoint] ?? .system(at: now)
        let days = { (n: Double) in now.addingTimeInterval(-n * 86_400) }
        let year = Calendar(identifier: .gregorian).component(.year, from: now)
        let last = try await PlanService.create(
            at: unit, cycle: String(year - 1), start: PlanService.Start.empty.rawValue, by: context, on: db)
        let content = bangladesh(now: now)
        try await PlanService.change(last, by: context, on: db) {
            $0 = content; return ("content", "", "demo")
        }
        try await ReviewService.runThrough(
            last, to: .inForce, unit: unit, people: people, at: (days(400), days(380)), on: db)
        let current = try await PlanService.create(
            at: unit, cycle: String(year), start: PlanService.Start.inForce.rawValue, by: context, on: db)
        try await PlanService.change(current, by: context, on: db) { content in
            content.scenarios.append(Scenario(kind: .earthquake, title: "Earthquake in Chittagong division"))
            content.processes[2].rtoHours = 48
            return ("demo", "", "")
        }
        // Other operations: one due within 30 days, one overdue, one current, one in review, one
        // submitted; the rest have none.
        let others: [(code: String, state: ReviewState, approvedDaysAgo: Double)] = [
            ("KEN", .inForce, 345), ("JOR", .inForce, 400), ("MMR", .inReview, 0), ("ETH", .inForce, 200),
            ("LBN", .submitted, 0),
        ]
        for (i, other) in others.enumerated() {
            guard let unit = try await Unit.query(on: db).filter(\.$code == other.code).first() else { continue }
            let cycle = other.state == .inForce ? year - 1 : year
            let plan = try await PlanService.create(
                at: unit, cycle: String(cycle), start: PlanService.Start.empty.rawValue, by: .system(at: now), on: db)
            var sample = large(processes: 3 + i, staffPerProcess: 2, seed: i, now: now)
            if other.code == "ETH" {
                // A PC1 process and a PC3 one; Gambella's residual risk (high) is beyond what PC3 accepts.
                for j in sample.processes.indices { sample.processes[j].programmeCriticality = nil }
                sample.processes[0].name = "General food distribution in the Gambella camps"
                sample.processes[0].programmeCriticality = .pc1
                sample.processes[1].name = "Livelihoods training"
                sample.processes[1].programmeCriticality = .pc3
            }
            try await PlanService.change(plan, by: .system(at: now), on: db) {
                $0 = sample; return ("content", "", "demo")
            }
            try await ReviewService.runThrough(
                plan, to: other.state, unit: unit,
                at: (days(other.approvedDaysAgo + 20), days(other.approvedDaysAgo)), on: db)
        }
        try await DemoRisks.load(on: db, now: now)
        try await OversightService.backfill(months: 12, now: now, on: db)
        try await OversightService.recordSnapshots(now: now, on: db)
    }
}
