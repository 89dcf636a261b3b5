import Foundation

/// What the impact ratings of one process imply.
public struct ProcessAnalysis: Equatable, Sendable {
    public var processID: CriticalProcess.ID
    /// Maximum tolerable period of disruption: the first point of the ladder at which any
    /// category becomes intolerable. Nil when no rating is intolerable (or nothing is rated).
    public var mtpdHours: Double?
    /// The category that becomes intolerable first (the first in the scale's order on a tie).
    public var drivingCategory: String?
    public var rtoHours: Double?
    /// True when an RTO is set and is longer than the MTPD.
    public var rtoExceedsMTPD: Bool
    /// The tier of the RTO if set, else of the MTPD.
    public var tier: RecoveryTier?
    /// How many cells of the grid are rated, out of categories × ladder.
    public var ratedCells: Int
    public var totalCells: Int
}

/// The impact analysis (seed 000 "第三：进行影响分析"; ISO 22301 §8.2.2), pure over plain values.
public enum ImpactAnalysis {
    public static func analyse(_ process: CriticalProcess, scale: ImpactScale) -> ProcessAnalysis {
        var mtpd: Double?
        var driving: String?
        var rated = 0
        ladder: for (index, hours) in scale.ladderHours.enumerated() {
            for category in scale.categories {
                guard let rating = process.impact[category]?[safe: index] ?? nil else { continue }
                if rating > scale.tolerance {
                    mtpd = hours
                    driving = category
                    break ladder
                }
            }
        }
        for category in scale.categories {
            rated += (process.impact[category] ?? []).prefix(scale.ladderHours.count).compactMap { $0 }.count
        }
        let exceeds = process.rtoHours.map { rto in mtpd.map { rto > $0 } ?? false } ?? false
        let tierHours = process.rtoHours ?? mtpd
        return ProcessAnalysis(
            processID: process.id, mtpdHours: mtpd, drivingCategory: driving, rtoHours: process.rtoHours,
            rtoExceedsMTPD: exceeds, tier: tierHours.map(RecoveryTier.init(hours:)),
            ratedCells: rated, totalCells: scale.categories.count * scale.ladderHours.count)
    }

    /// The order in which processes are restored: the shortest RTO (or, without one, MTPD) first;
    /// then the higher programme criticality (PC1 before PC4); then by name, so the order is stable.
    /// Processes with neither RTO nor MTPD come last.
    public static func recoveryOrder(_ processes: [CriticalProcess], scale: ImpactScale) -> [CriticalProcess] {
        let analyses = Dictionary(uniqueKeysWithValues: processes.map { ($0.id, analyse($0, scale: scale)) })
        func deadline(_ p: CriticalProcess) -> Double {
            analyses[p.id]?.rtoHours ?? analyses[p.id]?.mtpdHours ?? .infinity
        }
        return processes.sorted { a, b in
            if deadline(a) != deadline(b) { return deadline(a) < deadline(b) }
            let pa = a.programmeCriticality ?? .pc4, pb = b.programmeCriticality ?? .pc4
            if pa != pb { return pa < pb }
            if a.name != b.name { return a.name.localizedStandardCompare(b.name) == .orderedAscending }
            return a.id.uuidString < b.id.uuidString
        }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
