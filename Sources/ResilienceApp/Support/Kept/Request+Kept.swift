import Foundation
import Vapor

extension Request {
    /// What a page or answer shows when it depends only on the data of `scopes`, the request's
    /// `parts` (filters, unit, who may change it), its language, and the clock's `period` (things
    /// turn due soon and overdue by the clock: a minute by default; a UTC day where everything
    /// due is a day): rendered once per such key and kept. The versions are read before the data,
    /// so that what is kept is never older than its key.
    func rendered(
        _ parts: [String], showing scopes: [DataScope], period: TimeInterval = 60,
        render: () async throws -> String
    ) async throws -> String {
        let key = KeptCache.Key<String>(.page, try await keptParts(parts, showing: scopes, period: period))
        return try await kept.value(key, make: render)
    }

    /// The same, for markup with forms: rendered with a hole for the request's anti-forgery
    /// token, which each request then fills (see `Stencil`).
    func renderedForm(
        _ parts: [String], showing scopes: [DataScope], period: TimeInterval = 60,
        render: (_ csrf: String) async throws -> String
    ) async throws -> String {
        let key = KeptCache.Key<Stencil>(
            .page, ["form"] + (try await keptParts(parts, showing: scopes, period: period)))
        let stencil = try await kept.value(key, cost: \.bytes) { Stencil(try await render(Stencil.marker(.csrf))) }
        return stencil.filled([.csrf: csrfToken, .once: onceToken])
    }

    private func keptParts(
        _ parts: [String], showing scopes: [DataScope], period: TimeInterval
    ) async throws -> [String] {
        let version = try await versions(of: scopes)
        let tick = Int(now.timeIntervalSince1970 / period)
        return parts + [version, localizer.code, String(tick)]
    }
}

extension Request {
    /// A plan's content decoded, kept (see `PlanService.snapshot`).
    func snapshot(_ plan: Plan) async throws -> PlanSnapshot {
        try await PlanService.snapshot(plan, now: now, kept: kept, on: db)
    }

    /// A version's content decoded, kept.
    func snapshot(_ version: PlanVersion) async throws -> PlanSnapshot {
        try await PlanService.snapshot(version, kept: kept, on: db)
    }

    /// A version's, or else the working copy's.
    func snapshot(_ plan: Plan, _ version: PlanVersion?) async throws -> PlanSnapshot {
        try await PlanService.snapshot(plan, version, now: now, kept: kept, on: db)
    }
}
