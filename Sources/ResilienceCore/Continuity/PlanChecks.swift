import Foundation

/// The completeness checks of a plan, pure over its content.
public enum PlanChecks {
    /// A person named as minimum staff for this many processes or more is a single point of failure.
    public static let singlePointThreshold = 3

    /// Every finding, errors first, in section order.
    /// - Parameters:
    ///   - now: today.
    ///   - nextReview: when the plan is next due; an agreement ending before it is flagged.
    public static func run(_ plan: PlanContent, scale: ImpactScale, now: Date, nextReview: Date) -> [PlanCheck] {
        var found: [PlanCheck] = []
        let covered = Set(plan.team.map(\.function))
        for function in TeamFunction.required where !covered.contains(function) {
            found.append(PlanCheck(.teamFunctionMissing, .team, args: [function.rawValue]))
        }
        var namedIn: [String: (name: String, count: Int)] = [:]
        for process in plan.processes {
            let name = [process.name]
            if process.alternatives.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                found.append(
                    PlanCheck(
                        .processWithoutAlternative, .alternatives, item: process.id, field: "alternatives", args: name))
            }
            if process.classification == nil {
                found.append(
                    PlanCheck(.processNotClassified, .processes, item: process.id, field: "classification", args: name))
            }
            if process.staff.isEmpty {
                found.append(
                    PlanCheck(.processWithoutStaff, .processes, item: process.id, field: "staff-0-name", args: name))
            } else if process.staff.count < process.minimumStaffCount {
                found.append(
                    PlanCheck(
                        .processShortOfStaff, .processes, item: process.id, field: "staff-\(process.staff.count)-name",
                        args: [process.name, String(process.minimumStaffCount), String(process.staff.count)]))
            }
            let analysis = ImpactAnalysis.analyse(process, scale: scale)
            if analysis.ratedCells == 0 {
                found.append(
                    PlanCheck(
                        .processNotRated, .impact, item: process.id,
                        field: scale.categories.first.map { "impact-\($0)-0" }, args: name))
            }
            if process.rtoHours == nil {
                found.append(PlanCheck(.processWithoutRTO, .impact, item: process.id, field: "rtoHours", args: name))
            }
            if analysis.rtoExceedsMTPD, let rto = analysis.rtoHours, let mtpd = analysis.mtpdHours {
                found.append(
                    PlanCheck(
                        .rtoExceedsMTPD, .impact, item: process.id, field: "rtoHours",
                        args: [process.name, hours(rto), hours(mtpd)]))
            }
            // A process that must stay on site needs somewhere to go when its office is lost.
            if process.classification?.mustStayOnSite == true,
                !process.siteIDs.contains(where: { id in plan.sites.contains { $0.id == id } })
            {
                found.append(PlanCheck(.onSiteProcessWithoutSite, .sites, item: process.id, args: name))
            }
            if let rto = process.rtoHours {
                for (i, dependency) in process.dependencies.enumerated() {
                    if let recovery = dependency.recoveryHours, recovery > rto {
                        found.append(
                            PlanCheck(
                                .dependencySlowerThanRTO, .processes, item: process.id,
                                field: "dependencies-\(i)-recoveryHours",
                                args: [process.name, dependency.name, hours(recovery), hours(rto)]))
                    }
                }
            }
            for person in Set(process.staff.map(\.person)) {
                let name = process.staff.first { $0.person == person }?.name ?? person
                namedIn[person, default: (name, 0)].count += 1
            }
        }
        for (person, entry) in namedIn.sorted(by: { $0.key < $1.key }) where entry.count >= singlePointThreshold {
            found.append(PlanCheck(.singlePointOfFailure, .processes, args: [entry.name, String(entry.count), person]))
        }
        for agreement in plan.agreements {
            if let until = agreement.validUntil, until < nextReview {
                found.append(
                    PlanCheck(
                        .agreementExpiring, .agreements, item: agreement.id,
                        args: [agreement.partner, isoDay(until), until < now ? "expired" : "expiring"]))
            }
        }
        let yearAgo = Calendar(identifier: .gregorian).date(byAdding: .month, value: -12, to: now) ?? now
        if !plan.exercises.contains(where: { $0.date >= yearAgo && $0.date <= now }) {
            found.append(PlanCheck(.noRecentExercise, .exercises))
        }
        return found.sorted {
            ($0.severity == .error ? 0 : 1, order($0.section)) < ($1.severity == .error ? 0 : 1, order($1.section))
        }
    }

    /// True when nothing blocks submission.
    public static func canSubmit(_ checks: [PlanCheck]) -> Bool { !checks.contains { $0.severity == .error } }

    private static func order(_ section: PlanSection) -> Int { PlanSection.allCases.firstIndex(of: section)! }

    /// Hours as people write them: whole when they are, else to one decimal. Never traps, even on a
    /// value stored before its range was checked.
    public static func hours(_ value: Double) -> String {
        if let whole = Int(exactly: value) { return String(whole) }
        return value.isFinite ? String(format: "%.1f", value) : "—"
    }

    public static func isoDay(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }
}
