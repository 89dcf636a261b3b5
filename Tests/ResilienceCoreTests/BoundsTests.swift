import Foundation
import Testing

@testable import ResilienceCore

/// A small generator with a seed, so that a failing document can be made again.
private struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite struct BoundsTests {
    /// The values that broke the server before, and their neighbours.
    static let extremes: [Double] = [
        0, -0.0, 1, 0.5, -1, 87_600, 87_600.1, 1e19, -1e19, 1e300, -1e300, 720 * pow(2, 62),
        .greatestFiniteMagnitude, -.greatestFiniteMagnitude, .leastNonzeroMagnitude,
        .infinity, -.infinity, .nan, Double(Int.max), Double(Int.min),
    ]

    @Test func hoursOutsideZeroToTenYearsAreRefusedWithTheRange() {
        // (value, accepted as an RTO, accepted as a dependency's recovery) — from DOMAIN.md: an
        // RTO is a positive time, a recovery may be immediate; ten years is the horizon.
        let table: [(Double, Bool, Bool)] = [
            (1, true, true), (0, false, true), (87_600, true, true), (87_600.5, false, false),
            (-1, false, false), (1e300, false, false), (1e19, false, false), (.nan, false, false),
            (.infinity, false, false),
        ]
        for (value, asRTO, asRecovery) in table {
            var content = PlanContent()
            var process = CriticalProcess(name: "Registration")
            process.rtoHours = value
            process.dependencies = [Dependency(kind: .itSystem, name: "Server", recoveryHours: value)]
            content.processes = [process]
            var found: [DomainError] = []
            do { try content.validate(scale: .standard) } catch { found = error.errors }
            let rto = found.first { $0.field == "processes[0].rtoHours" }
            let recovery = found.first { $0.field == "processes[0].dependencies[0].recoveryHours" }
            #expect((rto == nil) == asRTO, "RTO \(value)")
            #expect((recovery == nil) == asRecovery, "recovery \(value)")
            if let rto { #expect(rto == DomainError(.outOfRange, field: rto.field, args: ["0", "87600"])) }
        }
    }

    @Test func countsBelowZeroOrPastTheirBoundAreRefused() {
        var content = PlanContent()
        var process = CriticalProcess(name: "Registration")
        process.minimumStaffCount = -3
        content.processes = [process]
        var site = AlternateSite(name: "Hotel")
        site.workstations = 100_001
        content.sites = [site]
        #expect(throws: ValidationErrors.self) { try content.validate(scale: .standard) }
        do { try content.validate(scale: .standard) } catch {
            #expect(error.first(for: "processes[0].minimumStaffCount")?.problem == .outOfRange)
            #expect(error.first(for: "sites[0].workstations")?.args == ["0", "100000"])
        }
    }

    @Test func aScaleWhoseLadderGoesPastTenYearsIsRefused() {
        #expect(throws: DomainError(.outOfRange, field: "ladder", args: ["0", "87600"])) {
            try ImpactScale(ladderHours: [1, 4, 720 * pow(2, 62)], categories: ["people_served"], tolerance: 3)
        }
        #expect(throws: Never.self) {
            try ImpactScale(ladderHours: [1, 87_600], categories: ["people_served"], tolerance: 3)
        }
    }

    @Test func noConversionTrapsOnAnyDouble() {
        for value in Self.extremes {
            _ = PlanChecks.hours(value)
            _ = Int(nearest: value)
            _ = RecoveryTier(hours: value)
        }
        #expect(Int(nearest: 1e300) == nil)
        #expect(Int(nearest: .nan) == nil)
        #expect(Int(nearest: 2.6) == 3)
        #expect(PlanChecks.hours(1e300).hasPrefix("1000000000"))
        #expect(PlanChecks.hours(.infinity) == "—")
        #expect(PlanChecks.hours(12) == "12")
        #expect(PlanChecks.hours(1.25) == "1.2" || PlanChecks.hours(1.25) == "1.3")
    }

    /// Random plan documents with numbers drawn from everywhere: the checks and the analysis run
    /// to the end on each, whether validation accepts it or not (stored data may predate it).
    @Test func theChecksRunOnAnyPlanDocument() {
        var random = SplitMix(state: 20_261_202)
        func number() -> Double {
            Bool.random(using: &random)
                ? Self.extremes.randomElement(using: &random)!
                : Double(bitPattern: random.next())
        }
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        for _ in 0..<300 {
            var content = PlanContent()
            for i in 0..<Int.random(in: 1...4, using: &random) {
                var p = CriticalProcess(name: "P\(i)")
                p.rtoHours = Bool.random(using: &random) ? number() : nil
                p.dependencies = [Dependency(kind: .partner, name: "D", recoveryHours: number())]
                p.minimumStaffCount = Int.random(in: Int.min...Int.max, using: &random)
                p.impact = ["people_served": (0..<9).map { _ in Int.random(in: -10...10, using: &random) }]
                p.minimumCapacity = [Int.random(in: Int.min...Int.max, using: &random)]
                content.processes.append(p)
            }
            var site = AlternateSite(name: "S")
            site.workstations = Int.random(in: Int.min...Int.max, using: &random)
            content.sites = [site]
            _ = PlanChecks.run(content, scale: .standard, now: now, nextReview: now)
            _ = ImpactAnalysis.recoveryOrder(content.processes, scale: .standard)
            let accepted = (try? content.validate(scale: .standard)) != nil
            // Nothing accepted has an hour outside the range.
            if accepted {
                for p in content.processes {
                    #expect(p.rtoHours.map { $0 > 0 && $0 <= Bounds.maximumHours } ?? true)
                }
            }
        }
    }
}
