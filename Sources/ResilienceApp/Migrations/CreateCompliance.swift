import Fluent
import Foundation
import ResilienceCore
import SQLKit

/// Regional compliance reports to HQ (dated records) and the daily figures behind the history.
struct CreateCompliance: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("compliance_reports")
            .id()
            .field("unit_id", .uuid, .required, .references("units", "id"))
            .field("at", .datetime, .required)
            .field("units", .int, .required)
            .field("in_force", .int, .required)
            .field("updated_within_year", .int, .required)
            .field("tested_within_year", .int, .required)
            .field("with_risk_register", .int, .required)
            .field("overdue", .int, .required)
            .field("comments", .string, .required)
            .field("submitted_by_id", .uuid)
            .field("submitted_by_name", .string, .required)
            .create()
        try await database.index("compliance_reports_unit", on: "compliance_reports", ["unit_id", "at"])
        try await database.schema("compliance_snapshots")
            .id()
            .field("unit_id", .uuid, .required, .references("units", "id"))
            .field("day", .string, .required)
            .field("units", .int, .required)
            .field("in_force", .int, .required)
            .field("updated_within_year", .int, .required)
            .field("tested_within_year", .int, .required)
            .field("with_risk_register", .int, .required)
            .field("overdue", .int, .required)
            .unique(on: "unit_id", "day")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("compliance_snapshots").delete()
        try await database.schema("compliance_reports").delete()
    }
}
