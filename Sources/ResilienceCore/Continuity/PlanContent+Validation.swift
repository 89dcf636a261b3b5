import Foundation

extension PlanContent {
    /// Bounds that keep a plan printable and its pages small.
    public static let maximumItems = 500
    public static let maximumText = 4000
    public static let maximumName = 200

    /// Checks what a person or a program sent before it is stored: every text bounded, every
    /// rating 1–5 on the scale's ladder, every site a process names present in the plan. Each
    /// refusal names the item by its path, e.g. `processes[2].impact.staff_safety[3]`.
    public func validate(scale: ImpactScale) throws(ValidationErrors) {
        var errors: [DomainError] = []
        func name(_ value: String, _ field: String) {
            let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { errors.append(DomainError(.required, field: field)) }
            if value.count > Self.maximumName {
                errors.append(DomainError(.tooLong, field: field, args: [String(Self.maximumName)]))
            }
        }
        func text(_ value: String?, _ field: String) {
            if let value, value.count > Self.maximumText {
                errors.append(DomainError(.tooLong, field: field, args: [String(Self.maximumText)]))
            }
        }
        /// A number outside its domain range: the message names the range.
        func outOfRange(_ field: String, _ lower: String, _ upper: String) {
            errors.append(DomainError(.outOfRange, field: field, args: [lower, upper]))
        }
        func whole(_ n: Int, _ field: String, upTo upper: Int) {
            if !(0...upper).contains(n) { outOfRange(field, "0", String(upper)) }
        }
        /// Hours: finite, not negative (above zero where `positive`), at most `Bounds.maximumHours`.
        func hours(_ h: Double?, _ field: String, positive: Bool) {
            guard let h else { return }
            let low = positive ? h > 0 : h >= 0
            if !(low && h <= Bounds.maximumHours) { outOfRange(field, "0", PlanChecks.hours(Bounds.maximumHours)) }
        }
        func count(_ n: Int, _ field: String) {
            if n > Self.maximumItems {
                errors.append(DomainError(.tooLong, field: field, args: [String(Self.maximumItems)]))
            }
        }
        count(team.count, "team"); count(scenarios.count, "scenarios"); count(processes.count, "processes")
        count(sites.count, "sites"); count(agreements.count, "agreements"); count(exercises.count, "exercises")
        for (i, m) in team.enumerated() { name(m.name, "team[\(i)].name"); text(m.contact, "team[\(i)].contact") }
        for (i, s) in scenarios.enumerated() {
            name(s.title, "scenarios[\(i)].title"); text(s.description, "scenarios[\(i)].description")
        }
        let siteIDs = Set(sites.map(\.id))
        for (i, p) in processes.enumerated() {
            let at = "processes[\(i)]"
            name(p.name, "\(at).name")
            whole(p.minimumStaffCount, "\(at).minimumStaffCount", upTo: Bounds.maximumStaff)
            count(p.staff.count, "\(at).staff")
            for (j, s) in p.staff.enumerated() {
                name(s.name, "\(at).staff[\(j)].name"); text(s.role, "\(at).staff[\(j)].role")
            }
            for (j, d) in p.dependencies.enumerated() {
                name(d.name, "\(at).dependencies[\(j)].name")
                hours(d.recoveryHours, "\(at).dependencies[\(j)].recoveryHours", positive: false)
            }
            hours(p.rtoHours, "\(at).rtoHours", positive: true)
            count(p.alternatives.count, "\(at).alternatives")
            for (j, a) in p.alternatives.enumerated() { text(a, "\(at).alternatives[\(j)]") }
            for (j, id) in p.siteIDs.enumerated() where !siteIDs.contains(id) {
                errors.append(DomainError(.notFound, field: "\(at).siteIDs[\(j)]"))
            }
            for (category, row) in p.impact {
                guard scale.categories.contains(category) else {
                    errors.append(DomainError(.invalidChoice, field: "\(at).impact.\(category)")); continue
                }
                if row.count > scale.ladderHours.count {
                    errors.append(
                        DomainError(
                            .tooLong, field: "\(at).impact.\(category)", args: [String(scale.ladderHours.count)]))
                }
                for (k, rating) in row.enumerated() {
                    if let rating, !(ImpactScale.minimumRating...ImpactScale.maximumRating).contains(rating) {
                        errors.append(DomainError(.ratingOutOfRange, field: "\(at).impact.\(category)[\(k)]"))
                    }
                }
            }
            if p.minimumCapacity.count > scale.ladderHours.count {
                errors.append(
                    DomainError(.tooLong, field: "\(at).minimumCapacity", args: [String(scale.ladderHours.count)]))
            }
            for (k, c) in p.minimumCapacity.enumerated() {
                if let c { whole(c, "\(at).minimumCapacity[\(k)]", upTo: 100) }
            }
        }
        for (i, s) in sites.enumerated() {
            name(s.name, "sites[\(i)].name"); text(s.address, "sites[\(i)].address");
            text(s.equipment, "sites[\(i)].equipment")
            whole(s.workstations, "sites[\(i)].workstations", upTo: Bounds.maximumWorkstations)
            count(s.assetsToMove.count, "sites[\(i)].assetsToMove")
        }
        for (i, a) in agreements.enumerated() {
            name(a.partner, "agreements[\(i)].partner")
            if let from = a.validFrom, let until = a.validUntil, until < from {
                errors.append(DomainError(.dateOrder, field: "agreements[\(i)].validUntil"))
            }
        }
        for (i, e) in exercises.enumerated() {
            text(e.scope, "exercises[\(i)].scope"); text(e.findings, "exercises[\(i)].findings");
            text(e.followUp, "exercises[\(i)].followUp")
            if let next = e.nextDate, next < e.date {
                errors.append(DomainError(.dateOrder, field: "exercises[\(i)].nextDate"))
            }
        }
        for (field, value) in [
            ("nationalStaff.seniorStaffMember", nationalStaff.seniorStaffMember),
            ("nationalStaff.safetyMeasures", nationalStaff.safetyMeasures),
            ("nationalStaff.salaryAndCosts", nationalStaff.salaryAndCosts),
            ("nationalStaff.logisticsSupport", nationalStaff.logisticsSupport),
            ("nationalStaff.communicationProtocol", nationalStaff.communicationProtocol),
            ("other.emergencyManagement", other.emergencyManagement),
            ("other.securityManagement", other.securityManagement),
            ("other.recordsManagement", other.recordsManagement),
        ] {
            text(value, field)
        }
        if !errors.isEmpty { throw ValidationErrors(errors) }
    }
}
