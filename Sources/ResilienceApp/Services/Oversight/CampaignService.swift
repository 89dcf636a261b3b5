import Fluent
import Foundation
import ResilienceCore
import SQLKit
import Vapor

/// Yearly campaigns: HQ (or a region, for its units) asks a set of units to update their plan by
/// a deadline; each unit gets a draft started from its plan in force.
enum CampaignService {
    struct Input: Content {
        var cycle: String?
        var deadline: String?
        /// Unit kinds to include: `country_operation`, `office`.
        var kinds: [String]?
        var note: String?
    }

    static func campaigns(within roots: [Unit], on db: any Database) async throws -> [(Campaign, Unit)] {
        let scope = try await Unit.query(on: db).within(roots).field(\.$id).field(\.$name).field(\.$path).all()
        let units = Dictionary(uniqueKeysWithValues: scope.map { ($0.id!, $0) })
        guard !units.isEmpty else { return [] }
        return try await Campaign.query(on: db).filter(\.$scopeUnitID ~~ Array(units.keys)).sort(
            \.$createdAt, .descending
        ).all()
            .compactMap { c in units[c.scopeUnitID].map { (c, $0) } }
    }

    /// Opens the campaign: a draft for every active unit of the chosen kinds under `scope` that
    /// has no plan for the cycle yet (a copy of its plan in force if it has one); units that
    /// already started one keep it and join with it.
    static func open(
        at scope: Unit, _ input: Input, by context: AuditContext, now: Date, app: Application?,
        on db: any Database
    ) async throws -> Campaign {
        var v = ValidationCollector()
        var cycle: Int?
        do { cycle = try PlanService.parseCycle(input.cycle) } catch let e as ValidationErrors {
            e.errors.forEach { v.add($0) }
        }
        let deadline: Date? = try v.check { try TextRules.day(input.deadline, field: "deadline") } ?? nil
        if v.errors.allSatisfy({ $0.field != "deadline" }) {
            if let deadline {
                if deadline < PlanDue.utc.startOfDay(for: now) {
                    v.add(DomainError(.deadlinePassed, field: "deadline"))
                }
            } else {
                v.add(DomainError(.required, field: "deadline"))
            }
        }
        let kinds = (input.kinds ?? []).compactMap(UnitKind.init(rawValue:)).filter(
            OversightService.planningKinds.contains)
        if kinds.isEmpty { v.add(DomainError(.noUnitsChosen, field: "kinds")) }
        let note =
            try v.check { try TextRules.optional(input.note, field: "note", max: ReviewService.maximumComment) } ?? nil
        try v.finish()
        let cycleValue = cycle!
        let units = try await Unit.query(on: db).filter(\.$path, .custom("LIKE"), scope.path + "%").filter(
            \.$retiredAt == nil
        )
        .filter(\.$kind ~~ kinds).sort(\.$name).all()
        guard !units.isEmpty else { throw ValidationErrors([DomainError(.noUnitsChosen, field: "kinds")]) }
        let campaign = Campaign()
        campaign.scopeUnitID = try scope.requireID()
        campaign.cycle = cycleValue
        // The end of the deadline's day.
        campaign.deadline = deadline!.addingTimeInterval(86_399)
        campaign.note = note
        campaign.openedByName = context.actorName
        try await db.transaction { db in
            try await campaign.create(on: db)
            let existing = try await Plan.query(on: db).filter(\.$cycle == cycleValue).filter(
                \.$unit.$id ~~ units.map { $0.id! }
            )
            .field(\.$id).field(\.$unit.$id).all()
            let planOf = Dictionary(existing.map { ($0.$unit.id, $0.id!) }, uniquingKeysWith: { a, _ in a })
            var links: [CampaignUnit] = []
            let scale = try await PlanService.currentScale(on: db)
            for unit in units {
                var planID = planOf[unit.id!]
                if planID == nil {
                    var content = PlanContent(), planScale = scale
                    if let version = try await PlanService.approvedVersion(of: unit.requireID(), on: db) {
                        content = try PlanCodec.decode(PlanContent.self, version.content)
                        planScale = try PlanCodec.decode(ImpactScale.self, version.scale)
                    }
                    planID = try await PlanService.insert(
                        unit: unit, cycle: cycleValue, content: content, scale: planScale, action: .create,
                        summary: "\(unit.name) \(cycleValue) (campaign)", campaignID: campaign.id,
                        by: context, on: db
                    ).id
                }
                let link = CampaignUnit()
                link.campaignID = campaign.id!
                link.unitID = unit.id!
                link.planID = planID!
                links.append(link)
            }
            for batch in links.chunked(500) { try await batch.create(on: db) }
            try await Audit.record(
                on: db, by: context, .campaign, entity: "campaign", id: campaign.id, unitID: scope.id,
                summary: "\(scope.name) \(cycleValue): \(units.count)",
                change: AuditChange(
                    before: [:],
                    after: [
                        "cycle": String(cycleValue), "deadline": OversightService.day(deadline!),
                        "units": String(units.count),
                    ]))
        }
        if let app {
            do {
                // Every focal point under the scope, once, however many of their units are in it.
                let grants = try await RoleGrant.query(on: db).filter(\.$role == .focalPoint).filter(
                    \.$revokedAt == nil
                )
                .filter(\.$unit.$id ~~ units.map { $0.id! }).all()
                let ids = Array(Set(grants.map(\.$user.id)))
                let people =
                    ids.isEmpty
                    ? [] : try await User.query(on: db).filter(\.$id ~~ ids).filter(\.$isActive == true).all()
                try await Notifier.notify(
                    people, kind: "campaign_opened", args: [String(cycleValue), OversightService.day(deadline!)],
                    link: AppPath.campaign(campaign.requireID()).path, unitID: scope.id, app: app, on: db)
            } catch { app.logger.warning("Campaign notification not sent: \(error)") }
        }
        return campaign
    }

    struct Progress: Sendable {
        struct Row: Decodable, Sendable {
            var unit_id: UUID; var name: String; var code: String?; var plan_id: UUID; var state: ReviewState;
            var updated_at: Date?
        }
        var rows: [Row]
        var counts: [ReviewState: Int]
        var late: Int
        var done: Int
    }

    /// The campaign's units with their plan's state: late ones first.
    static func progress(_ campaign: Campaign, now: Date, on db: any Database) async throws -> Progress {
        guard let sql = db as? any SQLDatabase else { return Progress(rows: [], counts: [:], late: 0, done: 0) }
        let rows = try await sql.select()
            .column(SQLColumn("unit_id", table: "c")).column(SQLColumn("name", table: "u")).column(
                SQLColumn("code", table: "u")
            )
            .column(SQLColumn("plan_id", table: "c")).column(
                SQLAlias(SQLColumn("status", table: "p"), as: SQLIdentifier("state"))
            )
            .column(SQLColumn("updated_at", table: "p"))
            .from(SQLAlias(SQLIdentifier("campaign_units"), as: SQLIdentifier("c")))
            .join(
                SQLAlias(SQLIdentifier("units"), as: SQLIdentifier("u")), on: SQLColumn("id", table: "u"), .equal,
                SQLColumn("unit_id", table: "c")
            )
            .join(
                SQLAlias(SQLIdentifier("plans"), as: SQLIdentifier("p")), on: SQLColumn("id", table: "p"), .equal,
                SQLColumn("plan_id", table: "c")
            )
            .where(SQLColumn("campaign_id", table: "c"), .equal, SQLBind(campaign.requireID()))
            .all(decoding: Progress.Row.self)
        let ordered = CampaignProgress.ordered(
            rows, state: { $0.state }, name: \.name, deadline: campaign.deadline, now: now)
        return Progress(
            rows: ordered, counts: Dictionary(grouping: rows, by: \.state).mapValues(\.count),
            late: rows.filter { CampaignProgress.isLate($0.state, deadline: campaign.deadline, now: now) }.count,
            done: rows.filter { CampaignProgress.isDone($0.state) }.count)
    }
}
