import Fluent
import Foundation
import ResilienceCore

/// The figures a compliance report or a daily snapshot keeps.
protocol ComplianceRecord: AnyObject {
    var units: Int { get set }
    var inForce: Int { get set }
    var updatedWithinYear: Int { get set }
    var testedWithinYear: Int { get set }
    var withRiskRegister: Int { get set }
    var overdue: Int { get set }
}

extension ComplianceRecord {
    var figures: ComplianceFigures {
        get {
            ComplianceFigures(
                units: units, inForce: inForce, updatedWithinYear: updatedWithinYear,
                testedWithinYear: testedWithinYear,
                withRiskRegister: withRiskRegister, overdue: overdue)
        }
        set {
            units = newValue.units; inForce = newValue.inForce; updatedWithinYear = newValue.updatedWithinYear
            testedWithinYear = newValue.testedWithinYear; withRiskRegister = newValue.withRiskRegister;
            overdue = newValue.overdue
        }
    }
}
