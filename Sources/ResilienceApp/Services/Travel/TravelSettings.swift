import Fluent
import Foundation
import ResilienceCore

/// HQ's travel rules, stored as one setting, audited.
enum TravelSettings {
    static let key = "travel_rules"

    static func rules(on db: any Database) async throws -> TravelRules {
        try await SettingStore.value(key, standard: TravelRules.standard, on: db)
    }

    /// The rules a form or a body gives, every wrong field at once; an empty course level means
    /// the course is never required.
    static func parse(_ values: [String: String]) throws -> TravelRules {
        var v = ValidationCollector()
        let level = try v.check {
            try TextRules.integer(values["clearance_level"], field: "clearance_level", in: TravelRules.levels)
        }
        let cap = try v.check { try TextRules.integer(values["flight_cap"], field: "flight_cap", in: TravelRules.caps) }
        var courses: [SecurityCourse: Int] = [:]
        for course in SecurityCourse.allCases {
            let field = "course_\(course.rawValue)"
            guard let raw = values[field], !raw.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            courses[course] = try v.check { try TextRules.integer(raw, field: field, in: TravelRules.levels) }
        }
        try v.finish()
        return try TravelRules(clearanceLevel: level!, flightCap: cap!, courses: courses).validated()
    }

    static func values(_ rules: TravelRules) -> [String: String] {
        var values = ["clearance_level": String(rules.clearanceLevel), "flight_cap": String(rules.flightCap)]
        for course in SecurityCourse.allCases {
            values["course_\(course.rawValue)"] = rules.courses[course].map(String.init) ?? ""
        }
        return values
    }
}
