import Fluent
import Foundation
import ResilienceCore

/// Ethiopia's joint risk register for the demo: a risk of every standard kind, rated before and
/// after treatment, with actions (one late) and links to the critical processes of its plan, so
/// that the register is in place and the plan's processes list their risks.
enum DemoRisks {
    static func load(on db: any Database, now: Date) async throws {
        guard let unit = try await Unit.query(on: db).filter(\.$code == "ETH").first(),
            let plan = try await Plan.query(on: db).filter(\.$unit.$id == unit.requireID()).sort(\.$cycle, .descending)
                .first()
        else { return }
        let processes = try await PlanService.snapshot(plan, now: now, on: db).content.processes.map(\.id)
        let day = { (days: Double) in OversightService.day(now.addingTimeInterval(days * 86_400)) }
        let risks: [[String: String]] = [
            [
                "kind": "security", "title": "Armed attack on a convoy on the Gambella road",
                "cause": "Armed groups active along the border",
                "consequence": "Staff injured; deliveries to the camps stop", "likelihood": "3", "impact": "5",
                "residual_likelihood": "2", "residual_impact": "4",
                "treatment": "Convoys with escorts only, movement by day", "owner": "Field security adviser",
                "source": "security_risk_assessment",
                "action-0-description": "Agree escort arrangements with the regional police",
                "action-0-owner": "Field security adviser", "action-0-due": day(-10),
                "action-1-description": "Radio check-in every hour on the road", "action-1-due": day(20),
                "action-1-done": "true",
                "review_date": day(60), "processes-\(processes[safe: 0]?.uuidString ?? "")": "true",
            ],
            [
                "kind": "protection", "title": "New arrivals not registered during an influx", "likelihood": "4",
                "impact": "4",
                "residual_likelihood": "2", "residual_impact": "3", "treatment": "Mobile registration teams on standby",
                "owner": "Protection officer",
                "action-0-description": "Train two mobile registration teams", "action-0-due": day(45),
                "review_date": day(90), "source": "enterprise_register",
                "processes-\(processes[safe: 0]?.uuidString ?? "")": "true",
            ],
            [
                "kind": "programme", "title": "Cash assistance delayed by a bank outage", "likelihood": "3",
                "impact": "3", "residual_likelihood": "2",
                "residual_impact": "2", "treatment": "A second payment provider under contract",
                "owner": "Cash officer", "review_date": day(120),
                "processes-\(processes[safe: 1]?.uuidString ?? "")": "true",
            ],
            [
                "kind": "medical", "title": "Cholera outbreak in the camps", "likelihood": "2", "impact": "5",
                "residual_likelihood": "2", "residual_impact": "3",
                "treatment": "Stocks of oral rehydration salts; partner clinics", "owner": "Public health officer",
                "review_date": day(25), "status": "monitored",
            ],
            [
                "kind": "business_continuity", "title": "Loss of the Addis Ababa office for a week", "likelihood": "2",
                "impact": "4",
                "residual_likelihood": "1", "residual_impact": "3", "treatment": "Alternate site and remote work",
                "owner": "Deputy representative",
                "review_date": day(150), "processes-\(processes[safe: 2]?.uuidString ?? "")": "true",
            ],
        ]
        for form in risks {
            try await RiskService.save(
                nil, at: unit, form.filter { $0.key != "processes-" }, by: .system(at: now), on: db)
        }
    }
}
