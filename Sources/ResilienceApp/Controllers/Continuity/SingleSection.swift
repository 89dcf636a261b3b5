import Foundation
@preconcurrency import Plot
import ResilienceCore

/// The two sections that are one record each: the national staff plan and other information.
enum SingleSection {
    static func fields(_ section: PlanSection) -> [String] {
        switch section {
        case .nationalStaff:
            ["seniorStaffMember", "safetyMeasures", "salaryAndCosts", "logisticsSupport", "communicationProtocol"]
        case .other: ["emergencyManagement", "securityManagement", "recordsManagement"]
        default: []
        }
    }

    static func values(_ section: PlanSection, _ content: PlanContent) -> [String: String] {
        switch section {
        case .nationalStaff:
            let n = content.nationalStaff
            return [
                "seniorStaffMember": n.seniorStaffMember ?? "", "safetyMeasures": n.safetyMeasures ?? "",
                "salaryAndCosts": n.salaryAndCosts ?? "",
                "logisticsSupport": n.logisticsSupport ?? "", "communicationProtocol": n.communicationProtocol ?? "",
            ]
        case .other:
            let o = content.other
            return [
                "emergencyManagement": o.emergencyManagement ?? "", "securityManagement": o.securityManagement ?? "",
                "recordsManagement": o.recordsManagement ?? "",
            ]
        default: return [:]
        }
    }

    static func save(
        _ section: PlanSection, _ content: inout PlanContent, _ form: [String: String]
    ) throws -> (label: String, before: String, after: String) {
        var v = ValidationCollector()
        var parsed: [String: String?] = [:]
        for field in fields(section) {
            let max = field == "seniorStaffMember" ? 200 : PlanContent.maximumText
            parsed[field] = try v.check { try TextRules.optional(form[field], field: field, max: max) } ?? nil
        }
        try v.finish()
        switch section {
        case .nationalStaff:
            let before = PlanCodec.encode(content.nationalStaff)
            content.nationalStaff.seniorStaffMember = parsed["seniorStaffMember"] ?? nil
            content.nationalStaff.safetyMeasures = parsed["safetyMeasures"] ?? nil
            content.nationalStaff.salaryAndCosts = parsed["salaryAndCosts"] ?? nil
            content.nationalStaff.logisticsSupport = parsed["logisticsSupport"] ?? nil
            content.nationalStaff.communicationProtocol = parsed["communicationProtocol"] ?? nil
            return ("national_staff", before, PlanCodec.encode(content.nationalStaff))
        case .other:
            let before = PlanCodec.encode(content.other)
            content.other.emergencyManagement = parsed["emergencyManagement"] ?? nil
            content.other.securityManagement = parsed["securityManagement"] ?? nil
            content.other.recordsManagement = parsed["recordsManagement"] ?? nil
            return ("other", before, PlanCodec.encode(content.other))
        default:
            throw DomainError(.notFound)
        }
    }
}
