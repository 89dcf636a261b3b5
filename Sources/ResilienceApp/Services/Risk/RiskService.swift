import Fluent
import Foundation
import ResilienceCore
import SQLKit
import Vapor

/// The joint risk register: a unit's risks, rated on HQ's matrix, added, changed and imported
/// with every change audited; whether the register is "in place" is kept in the unit's standing.
enum RiskService {
    static let scaleKey = "risk_scale"

    /// HQ's scale: the matrix, its names and the kinds; the standard one until HQ sets its own.
    static func scale(on db: any Database) async throws -> RiskScale {
        try await SettingStore.value(scaleKey, standard: .standard, on: db)
    }

    static func setScale(_ scale: RiskScale, by context: AuditContext, on db: any Database) async throws {
        try await SettingStore.set(scaleKey, to: scale, by: context, on: db)
    }

    static func relevantKinds(of unitID: UUID, on db: any Database) async throws -> Set<String> {
        guard let register = try await RiskRegister.query(on: db).filter(\.$unitID == unitID).first(),
            let kinds = try? PlanCodec.decode([String].self, register.relevantKinds)
        else { return Set(RiskKind.standard) }
        return Set(kinds)
    }

    /// `unit_id` among the units of the subtree, as one statement (no list of ids goes back and forth).
    static func inSubtree(_ unit: Unit) -> SQLQueryString {
        "unit_id IN (SELECT id FROM units WHERE path LIKE \(bind: unit.path + "%"))"
    }

    /// What a register's list and heat maps are narrowed to.
    struct Filter: Sendable {
        var kind: String?
        var level: RiskLevel?
        var status: RiskStatus?
        /// A cell of a heat map: `residual` or not, likelihood, impact.
        var cell: (residual: Bool, likelihood: Int, impact: Int)?

        init(
            kinds: [String], kind: String? = nil, level: String? = nil, status: String? = nil, rating: String? = nil,
            likelihood: Int? = nil, impact: Int? = nil
        ) {
            self.kind = kind.flatMap { kinds.contains($0) ? $0 : nil }
            self.level = level.flatMap(RiskLevel.init(rawValue:))
            self.status = status.flatMap(RiskStatus.init(rawValue:))
            if let rating, ["inherent", "residual"].contains(rating), let likelihood, let impact,
                RiskRating.range.contains(likelihood), RiskRating.range.contains(impact)
            {
                cell = (rating == "residual", likelihood, impact)
            }
        }
    }

    /// The unit marks which kinds of risk are relevant to it; "in place" asks for one of each.
    static func setRelevantKinds(
        _ kinds: [String], of unit: Unit, by context: AuditContext, on db: any Database
    ) async throws {
        let known = try await scale(on: db).kinds
        let chosen = kinds.filter(known.contains)
        let unitID = try unit.requireID()
        try await db.transaction { db in
            let register = try await RiskRegister.query(on: db).filter(\.$unitID == unitID).first() ?? RiskRegister()
            let before =
                register.id == nil
                ? RiskKind.standard.joined(separator: ", ")
                : ((try? PlanCodec.decode([String].self, register.relevantKinds)) ?? []).joined(separator: ", ")
            register.unitID = unitID
            register.relevantKinds = PlanCodec.encode(chosen)
            try await register.save(on: db)
            try await Audit.record(
                on: db, by: context, .update, entity: "risk", id: nil, unitID: unitID,
                summary: "\(unit.name): relevant kinds",
                change: AuditChange(
                    before: ["relevant_kinds": before], after: ["relevant_kinds": chosen.joined(separator: ", ")]))
            try await refreshRegister(of: unitID, now: context.at, on: db)
        }
    }

    /// The risks of a unit and every unit below it, narrowed by the filter (the cell and level on
    /// the inherent rating unless the cell says residual).
    static func query(
        under unit: Unit, _ filter: Filter, matrix: RiskMatrix, cell: Bool = true, on db: any Database
    ) -> QueryBuilder<Risk> {
        let q = Risk.query(on: db).filter(.sql(inSubtree(unit)))
        if let kind = filter.kind { q.filter(\.$kind == kind) }
        if let status = filter.status { q.filter(\.$status == status) }
        if let level = filter.level {
            let cells = RiskRating.range.flatMap { l in RiskRating.range.map { (l, $0) } }.filter {
                matrix.levels[$0.0 - 1][$0.1 - 1] == level
            }
            q.group(.or) { group in
                for (l, i) in cells {
                    group.group(.and) { $0.filter(\.$inherentLikelihood == l).filter(\.$inherentImpact == i) }
                }
                if cells.isEmpty { group.filter(\.$inherentLikelihood == 0) }
            }
        }
        if cell, let c = filter.cell {
            if c.residual {
                q.filter(\.$residualLikelihood == c.likelihood).filter(\.$residualImpact == c.impact)
            } else {
                q.filter(\.$inherentLikelihood == c.likelihood).filter(\.$inherentImpact == c.impact)
            }
        }
        return q
    }

    /// How many of the risks of the filter's kind and status fall in each cell, before and after
    /// treatment (`counts[likelihood - 1][impact - 1]`), counted by the database and kept for the
    /// version of the subtree's risks and of the tree.
    static func heatMaps(
        under unit: Unit, _ filter: Filter, kept: KeptCache, on db: any Database
    ) async throws -> (inherent: [[Int]], residual: [[Int]]) {
        guard let sql = db as? any SQLDatabase else { return ([], []) }
        let version = try await DataVersions.version(of: [.under(.risks, unit.requireID()), .all(.units)], on: db)
        let key = KeptCache.Key<[[[Int]]]>(
            .heatMap, [unit.id!.uuidString, filter.kind ?? "", filter.status?.rawValue ?? "", version])
        let maps = try await kept.value(key, cost: { _ in 2 * 25 * 8 + 256 }) {
            var maps: [[[Int]]] = []
            for residual in [false, true] {
                let l = residual ? "residual_likelihood" : "inherent_likelihood",
                    i = residual ? "residual_impact" : "inherent_impact"
                var counts = Array(repeating: Array(repeating: 0, count: RiskMatrix.size), count: RiskMatrix.size)
                struct Cell: Decodable { var l: Int?; var i: Int?; var n: Int }
                var select = sql.select().column(SQLAlias(SQLColumn(l), as: SQLIdentifier("l"))).column(
                    SQLAlias(SQLColumn(i), as: SQLIdentifier("i"))
                )
                .column(SQLAlias(SQLFunction("COUNT", args: SQLLiteral.all), as: SQLIdentifier("n")))
                .from(Risk.schema).where(inSubtree(unit))
                if let kind = filter.kind { select = select.where("kind", .equal, SQLBind(kind)) }
                if let status = filter.status { select = select.where("status", .equal, SQLBind(status.rawValue)) }
                for c in try await select.groupBy(l).groupBy(i).all(decoding: Cell.self) {
                    guard let li = c.l, let ii = c.i, RiskRating.range.contains(li), RiskRating.range.contains(ii)
                    else { continue }
                    counts[li - 1][ii - 1] += c.n
                }
                maps.append(counts)
            }
            return maps
        }
        return maps.count == 2 ? (maps[0], maps[1]) : ([], [])
    }

    /// The data a unit's register page shows: the subtree's risks (with the registers' relevant
    /// kinds), HQ's settings (the risk scale), the tree (units' names and who is below), and, for
    /// people who may link risks to plans, the unit's own plans, whose scenarios and critical
    /// processes the add form offers.
    static func registerScopes(of unitID: UUID, withPlans: Bool) -> [DataScope] {
        [.under(.risks, unitID), .all(.settings), .all(.units)] + (withPlans ? [.own(.plans, unitID)] : [])
    }

    /// How many risks the filter lists, from the heat maps when they tell it.
    static func total(_ filter: Filter, inherent: [[Int]], matrix: RiskMatrix) -> Int? {
        let cells = RiskRating.range.flatMap { l in RiskRating.range.map { (l, $0) } }
        let level = { (l: Int, i: Int) in filter.level.map { matrix.levels[l - 1][i - 1] == $0 } ?? true }
        guard inherent.count == RiskMatrix.size else { return nil }
        if let c = filter.cell {
            // The residual cell with a level of the inherent rating: the database counts it.
            if c.residual { return nil }
            return level(c.likelihood, c.impact) ? inherent[c.likelihood - 1][c.impact - 1] : 0
        }
        return cells.filter { level($0.0, $0.1) }.reduce(0) { $0 + inherent[$1.0 - 1][$1.1 - 1] }
    }

    /// The scenarios and critical processes a risk of the unit can be linked to: those of the
    /// unit's live plans (the plan in force and any being written or reviewed, newest cycle
    /// first; an item copied into a later cycle keeps its id and is offered once), and any it is
    /// linked to already.
    static func planItems(
        of unitID: UUID, linked: [RiskLink] = [], now: Date, on db: any Database
    ) async throws -> PlanItems {
        var items = PlanItems()
        let plans = try await Plan.query(on: db).filter(\.$unit.$id == unitID).filter(
            \.$state ~~ ReviewState.allCases.filter(\.isLive)
        )
        .sort(\.$cycle, .descending).all()
        for plan in plans {
            let content = try await PlanService.snapshot(plan, now: now, on: db).content
            let planID = try plan.requireID()
            items.hasPlan = true
            items.add(.scenarios, content.scenarios.map { ($0.id, $0.title) }, in: planID)
            items.add(.processes, content.processes.map { ($0.id, $0.name) }, in: planID)
        }
        for section in [PlanSection.scenarios, .processes] {
            items.add(section, linked.filter { $0.target == section }.map { ($0.itemID, $0.label) }, in: nil)
        }
        return items
    }

    struct PlanItems: Sendable {
        struct Item: Sendable {
            var id: UUID
            var name: String
            /// The newest live plan that has it; nil for a linked item no live plan has any more.
            var planID: UUID?
        }
        var hasPlan = false
        var scenarios: [Item] = []
        var processes: [Item] = []

        func items(_ section: PlanSection) -> [Item] { section == .scenarios ? scenarios : processes }

        /// Adds the items not offered yet.
        mutating func add(_ section: PlanSection, _ new: [(UUID, String)], in planID: UUID?) {
            var list = items(section)
            var known = Set(list.map(\.id))
            for (id, name) in new where known.insert(id).inserted {
                list.append(Item(id: id, name: name, planID: planID))
            }
            if section == .scenarios { scenarios = list } else { processes = list }
        }
    }

    static func links(of riskID: UUID, on db: any Database) async throws -> [RiskLink] {
        try await RiskLink.query(on: db).filter(\.$riskID == riskID).all()
    }

    /// A risk as a plan's section lists it beside the scenario or process it is linked to.
    struct LinkedRisk: Sendable {
        var id: UUID; var unitID: UUID; var title: String; var level: RiskLevel?; var status: RiskStatus
    }

    /// The unit's risks linked to each item of a section (scenarios or processes), by item.
    static func linkedRisks(
        of unitID: UUID, _ section: PlanSection, on db: any Database
    ) async throws -> [UUID: [LinkedRisk]] {
        let links = try await RiskLink.query(on: db).filter(\.$unitID == unitID).filter(\.$target == section).all()
        guard !links.isEmpty else { return [:] }
        let matrix = try await scale(on: db).matrix
        let risks = Dictionary(
            uniqueKeysWithValues: try await Risk.query(on: db).filter(\.$id ~~ Array(Set(links.map(\.riskID))))
                .field(\.$id).field(\.$unitID).field(\.$title).field(\.$inherentLikelihood).field(\.$inherentImpact)
                .field(\.$status).all()
                .map {
                    (
                        $0.id!,
                        LinkedRisk(
                            id: $0.id!, unitID: $0.unitID, title: $0.title, level: matrix.level($0.inherent),
                            status: $0.status)
                    )
                })
        return Dictionary(grouping: links.compactMap { link in risks[link.riskID].map { (link.itemID, $0) } }, by: \.0)
            .mapValues { $0.map(\.1).sorted { ($0.level ?? .low, $1.title) > ($1.level ?? .low, $0.title) } }
    }

    /// Adds a risk (id nil) or changes one, from fields named as the CSV names them, with its
    /// links from the form's `scenarios-<id>` and `processes-<id>` checks.
    @discardableResult
    static func save(
        _ existing: Risk?, at unit: Unit, _ form: [String: String], by context: AuditContext, on db: any Database
    ) async throws -> Risk {
        let unitID = try unit.requireID()
        let scale = try await scale(on: db)
        var row = RiskCSV.row(form, line: 0, kinds: Set(scale.kinds))
        let old = if let existing { try await links(of: existing.requireID(), on: db) } else { [RiskLink]() }
        let items = try await planItems(of: unitID, linked: old, now: context.at, on: db)
        var chosen: [(PlanSection, UUID, String)] = []
        for section in [PlanSection.scenarios, .processes] {
            let prefix = "\(section.rawValue)-"
            for key in form.keys where key.hasPrefix(prefix) && form[key] == "true" {
                guard let id = UUID(uuidString: String(key.dropFirst(prefix.count))),
                    let item = items.items(section).first(where: { $0.id == id })
                else {
                    row.errors.append(DomainError(.invalidChoice, field: section.rawValue)); continue
                }
                chosen.append((section, id, item.name))
            }
        }
        guard let draft = row.draft, row.errors.isEmpty else { throw ValidationErrors(row.errors) }
        let risk = existing ?? Risk()
        @Sendable func described(_ links: [(PlanSection, String)]) -> [String: String] {
            Dictionary(
                uniqueKeysWithValues: [PlanSection.scenarios, .processes].map { s in
                    (s.rawValue, links.filter { $0.0 == s }.map(\.1).sorted().joined(separator: "; "))
                })
        }
        let before =
            existing.map { $0.formValues.merging(described(old.map { ($0.target, $0.label) })) { a, _ in a } } ?? [:]
        let links = chosen
        risk.unitID = unitID
        risk.draft = draft
        risk.updatedByName = context.actorName
        try await db.writing { db in
            try await risk.save(on: db)
            let riskID = try risk.requireID()
            try await RiskLink.query(on: db).filter(\.$riskID == riskID).delete()
            for (section, id, label) in links {
                let link = RiskLink()
                link.riskID = riskID; link.unitID = unitID; link.target = section; link.itemID = id; link.label = label
                try await link.create(on: db)
            }
            try await Audit.record(
                on: db, by: context, existing == nil ? .create : .update, entity: "risk", id: risk.id, unitID: unit.id,
                summary: risk.title,
                change: AuditChange(
                    before: before, after: risk.formValues.merging(described(links.map { ($0.0, $0.2) })) { a, _ in a })
            )
            try await refreshRegister(of: unitID, now: context.at, on: db)
        }
        return risk
    }

    /// What an import would do: every row with its risk or its errors. Nothing is saved.
    static func preview(_ text: String, scale: RiskScale) throws -> [RiskCSV.Row] {
        do {
            return try RiskCSV.read(text, kinds: Set(scale.kinds), vocabulary: RiskNames.vocabulary(scale))
        } catch { throw ValidationErrors([error]) }
    }

    /// Saves every row of the file in one transaction, or nothing when a row is wrong.
    static func importCSV(
        _ text: String, at unit: Unit, by context: AuditContext, on db: any Database
    ) async throws -> Int {
        let rows = try preview(text, scale: try await scale(on: db))
        guard rows.allSatisfy({ $0.errors.isEmpty }), !rows.isEmpty else {
            throw ValidationErrors([
                DomainError(.csvHasErrors, field: "file", args: [String(rows.filter { !$0.errors.isEmpty }.count)])
            ])
        }
        let unitID = try unit.requireID()
        let risks = rows.compactMap(\.draft).map { draft -> Risk in
            let risk = Risk()
            risk.id = UUID()
            risk.unitID = unitID
            risk.draft = draft
            risk.updatedByName = context.actorName
            return risk
        }
        try await db.transaction { db in
            for batch in risks.chunked(500) { try await Array(batch).create(on: db) }
            try await Audit.record(
                on: db, by: context, .importFile, entity: "risk", id: nil, unitID: unitID,
                summary: "\(unit.name): \(risks.count)",
                change: AuditChange(before: [:], after: ["risks": String(risks.count)]))
            try await refreshRegister(of: unitID, now: context.at, on: db)
        }
        return risks.count
    }

    /// Whether the unit's register is in place, kept in its standing for the dashboards.
    static func refreshRegister(of unitID: UUID, now: Date, on db: any Database) async throws {
        let inPlace = RegisterRules.isInPlace(
            try await summaries(of: unitID, on: db), relevantKinds: try await relevantKinds(of: unitID, on: db),
            clock: PlanDue.Clock(now))
        if let standing = try await PlanStanding.query(on: db).filter(\.$unitID == unitID).first() {
            guard standing.hasRiskRegister != inPlace else { return }
            standing.hasRiskRegister = inPlace; try await standing.save(on: db)
        } else if inPlace {
            try await PlanStanding.refresh(unitID, on: db)
            try await PlanStanding.query(on: db).filter(\.$unitID == unitID).set(\.$hasRiskRegister, to: true).update()
        } else {
            return
        }
        // The clock can take a register out of place with no write to a risk (the hourly run):
        // what shows whether it is in place changed.
        try await DataVersions.bump(.risks, unitID: unitID, on: db)
    }

    /// What decides whether a unit's register is in place, read as values (a save reads them
    /// all, within its transaction: as models they were a fifth of adding a risk).
    static func summaries(of unitID: UUID, on db: any Database) async throws -> [RiskSummary] {
        guard let sql = db as? any SQLDatabase else { return [] }
        struct Row: Decodable { var kind: String, status: RiskStatus, review_date: Date? }
        return try await sql.raw(
            "SELECT kind, status, review_date FROM \(ident: Risk.schema) WHERE unit_id = \(bind: unitID)"
        ).all(decoding: Row.self).map { RiskSummary(kind: $0.kind, status: $0.status, reviewDate: $0.review_date) }
    }

    /// Every register again: a review falling overdue takes a register out of place with no change
    /// to it.
    static func refreshRegisters(now: Date, on db: any Database) async throws {
        let units = Set(try await Risk.query(on: db).field(\.$id).field(\.$unitID).all().map(\.unitID))
        for unit in units { try await refreshRegister(of: unit, now: now, on: db) }
    }

}
