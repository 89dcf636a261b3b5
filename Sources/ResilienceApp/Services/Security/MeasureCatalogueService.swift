import Fluent
import Foundation
import ResilienceCore

/// What HQ fills in for a measure of the catalogue.
struct MeasureInput: Codable, Sendable {
    var code: String?
    var category: String?
    /// 1–6, or empty: only where a risk assessment adds it.
    var baselineFrom: String?
    var names: [String: String]?
}

/// HQ's catalogue of security risk management measures.
enum MeasureCatalogueService {
    struct Values { var code: String, category: MeasureCategory, baselineFrom: SecurityLevel?, names: [String: String] }

    static func validate(_ input: MeasureInput) throws -> Values {
        var validator = ValidationCollector()
        let code = try validator.check { () throws(DomainError) -> String in
            guard let code = try TextRules.code(input.code, field: "code", max: 20) else {
                throw DomainError(.required, field: "code")
            }
            return code
        }
        let category = try validator.check { () throws(DomainError) -> MeasureCategory in
            guard let c = input.category.flatMap(MeasureCategory.init(rawValue:)) else {
                throw DomainError(.invalidChoice, field: "category")
            }
            return c
        }
        let baseline = try validator.check { () throws(DomainError) -> SecurityLevel? in
            let text = (input.baselineFrom ?? "").trimmingCharacters(in: .whitespaces)
            return text.isEmpty ? nil : try SecurityLevel.parse(text, field: "baseline_from")
        }
        let names = try validator.check { try NameSet.checked(input.names ?? [:], field: "name") }
        try validator.finish()
        return Values(code: code!, category: category!, baselineFrom: baseline!, names: names!)
    }

    static func create(
        _ input: MeasureInput, by context: AuditContext, on db: any Database
    ) async throws
        -> SecurityMeasure
    {
        let values = try validate(input)
        if try await SecurityMeasure.query(on: db).filter(\.$code == values.code).first() != nil {
            throw DomainError(.taken, field: "code")
        }
        let measure = SecurityMeasure()
        apply(values, to: measure)
        try await db.transaction { db in
            try await measure.create(on: db)
            try await Audit.record(on: db, by: context, .create, measure, unitID: nil, summary: measure.code)
        }
        return measure
    }

    static func update(
        _ measure: SecurityMeasure, _ input: MeasureInput, by context: AuditContext, on db: any Database
    ) async throws {
        let values = try validate(input)
        if let other = try await SecurityMeasure.query(on: db).filter(\.$code == values.code).first(),
            other.id != measure.id
        {
            throw DomainError(.taken, field: "code")
        }
        let before = measure.auditFields
        apply(values, to: measure)
        try await db.transaction { db in
            try await measure.save(on: db)
            try await Audit.record(
                on: db, by: context, .update, measure, before: before, unitID: nil, summary: measure.code)
        }
    }

    static func retire(_ measure: SecurityMeasure, by context: AuditContext, on db: any Database) async throws {
        if measure.retiredAt != nil { throw DomainError(.alreadyRetired) }
        let before = measure.auditFields
        measure.retiredAt = context.at
        try await db.transaction { db in
            try await measure.save(on: db)
            try await Audit.record(
                on: db, by: context, .retire, measure, before: before, unitID: nil, summary: measure.code)
        }
    }

    /// The measures in use, by category then code.
    static func active(on db: any Database) async throws -> [SecurityMeasure] {
        try await SecurityMeasure.query(on: db).filter(\.$retiredAt == nil).sort(\.$category).sort(\.$code).all()
    }

    private static func apply(_ values: Values, to measure: SecurityMeasure) {
        measure.code = values.code
        measure.category = values.category
        measure.baselineFrom = values.baselineFrom?.rawValue
        measure.names = NameSet.encode(values.names)
    }
}

extension SecurityMeasure: Auditable {
    static let auditEntity = "security_measure"
    var auditFields: [String: String] {
        var fields = [
            "code": code, "category": category.rawValue, "baseline_from": baselineFrom.map(String.init) ?? "",
            "retired_at": retiredAt.map { ISO8601DateFormatter().string(from: $0) } ?? "",
        ]
        for (code, name) in NameSet.decode(names) { fields["name_\(code)"] = name }
        return fields
    }
}
