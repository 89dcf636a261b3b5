import Foundation

/// What the assessment decides for a threat once its measures are in place.
public enum RiskDecision: String, CaseIterable, Codable, Sendable {
    case accept, control, avoid, transfer
}

/// One threat of an area's security risk assessment (安全风险评估): rated before and after the
/// measures that reduce it, with the decision taken.
public struct AssessedThreat: Codable, Equatable, Sendable, Identifiable {
    public var id: UUID
    /// A threat category (`armed_conflict` …) or a kind HQ added.
    public var kind: String
    public var description: String
    public var inherent: RiskRating
    /// The measures that reduce it, in words.
    public var measures: String
    public var residual: RiskRating
    public var decision: RiskDecision

    public init(
        id: UUID = UUID(), kind: String, description: String, inherent: RiskRating, measures: String,
        residual: RiskRating, decision: RiskDecision
    ) {
        self.id = id; self.kind = kind; self.description = description; self.inherent = inherent
        self.measures = measures; self.residual = residual; self.decision = decision
    }

    private enum CodingKeys: String, CodingKey {
        case id, kind, description, inherent, measures, residual, decision
    }

    /// A threat sent without an id (a new one, from the API) gets one.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(UUID.self, forKey: .id) ?? UUID()
        kind = try c.decode(String.self, forKey: .kind)
        description = try c.decode(String.self, forKey: .description)
        inherent = try c.decode(RiskRating.self, forKey: .inherent)
        measures = try c.decodeIfPresent(String.self, forKey: .measures) ?? ""
        residual = try c.decode(RiskRating.self, forKey: .residual)
        decision = try c.decode(RiskDecision.self, forKey: .decision)
    }

    /// A threat typed in a form (`kind`, `description`, `likelihood`, `impact`, `measures`,
    /// `residual_likelihood`, `residual_impact`, `decision`), every wrong field at once. Measures
    /// reduce a risk: the residual rating is never above the rating before them.
    public static func parse(
        _ fields: [String: String], kinds: [String], id: UUID = UUID()
    ) throws -> AssessedThreat {
        var v = ValidationCollector()
        let kind = fields["kind"] ?? ""
        if !kinds.contains(kind) { v.add(DomainError(kind.isEmpty ? .required : .invalidChoice, field: "kind")) }
        let description = try v.check { () throws(DomainError) -> String in
            try TextRules.name(fields["description"], field: "description", max: 2000)
        }
        func rating(_ field: String) throws -> Int? {
            try v.check { () throws(DomainError) -> Int in
                try TextRules.integer(fields[field], field: field, in: RiskRating.range)
            }
        }
        let l = try rating("likelihood"), i = try rating("impact")
        let rl = try rating("residual_likelihood"), ri = try rating("residual_impact")
        let measures = try v.check { () throws(DomainError) -> String? in
            try TextRules.optional(fields["measures"], field: "measures", max: 2000)
        }
        let decision = RiskDecision(rawValue: fields["decision"] ?? "")
        if decision == nil {
            v.add(DomainError((fields["decision"] ?? "").isEmpty ? .required : .invalidChoice, field: "decision"))
        }
        if let l, let rl, rl > l { v.add(DomainError(.residualAboveInherent, field: "residual_likelihood")) }
        if let i, let ri, ri > i { v.add(DomainError(.residualAboveInherent, field: "residual_impact")) }
        try v.finish()
        return AssessedThreat(
            id: id, kind: kind, description: description!, inherent: RiskRating(likelihood: l!, impact: i!),
            measures: (measures ?? nil) ?? "", residual: RiskRating(likelihood: rl!, impact: ri!), decision: decision!)
    }
}

/// The content of an assessment: its threats, and the measures of HQ's catalogue it adds to the
/// area's baseline.
public struct AssessmentContent: Codable, Equatable, Sendable {
    public var threats: [AssessedThreat]
    /// Codes of catalogue measures every duty station of the area must meet besides its baseline.
    public var addedMeasures: [String]

    public init(threats: [AssessedThreat] = [], addedMeasures: [String] = []) {
        self.threats = threats; self.addedMeasures = addedMeasures
    }

    public static let maximumThreats = 50

    /// Content sent whole (from the API) holds to the rules a form does: known kinds, a
    /// description, ratings 1–5, a residual rating never above the rating before the measures.
    public func check(kinds: [String]) throws(DomainError) {
        if threats.count > Self.maximumThreats {
            throw DomainError(.tooMany, field: "threats", args: [String(Self.maximumThreats)])
        }
        for t in threats {
            if !kinds.contains(t.kind) { throw DomainError(.invalidChoice, field: "kind") }
            _ = try TextRules.name(t.description, field: "description", max: 2000)
            for r in [t.inherent, t.residual]
            where !RiskRating.range.contains(r.likelihood) || !RiskRating.range.contains(r.impact) {
                throw DomainError(.ratingOutOfRange, field: "threats")
            }
            if t.residual.likelihood > t.inherent.likelihood || t.residual.impact > t.inherent.impact {
                throw DomainError(.residualAboveInherent, field: "threats")
            }
        }
    }

    /// The worst residual risk of the area on HQ's matrix, or nil without threats.
    public func worstResidual(_ matrix: RiskMatrix) -> RiskLevel? {
        threats.compactMap { matrix.level($0.residual) }.max()
    }
}

/// Where an assessment is: written by the security officer, submitted, then approved (and
/// immutable) or returned by the regional security desk.
public enum AssessmentState: String, CaseIterable, Codable, Sendable {
    case draft, submitted, approved, returned
    public var isEditable: Bool { self == .draft || self == .returned }
}

public enum AssessmentMove: String, CaseIterable, Codable, Sendable {
    case submit, withdraw, approve
    case returnToOfficer = "return"
}

/// The review of risk assessments, as levels are reviewed: the officer submits or withdraws, the
/// desk approves or returns with a reason; nobody approves what they submitted.
public enum AssessmentReview {
    public static func target(of move: AssessmentMove, from state: AssessmentState) -> AssessmentState? {
        switch (move, state) {
        case (.submit, .draft), (.submit, .returned): .submitted
        case (.withdraw, .submitted): .draft
        case (.approve, .submitted): .approved
        case (.returnToOfficer, .submitted): .returned
        default: nil
        }
    }

    public static func action(for move: AssessmentMove) -> Action {
        move == .submit || move == .withdraw ? .manageSecurity : .approveSecurity
    }

    /// The state the assessment moves to, or why not. An assessment without threats is not submitted.
    public static func check(
        _ move: AssessmentMove, from state: AssessmentState, grants: [Grant], on country: UnitPath,
        submittedByActor: Bool, reason: String?, threats: Int
    ) -> Result<AssessmentState, SecurityRefusal> {
        guard let next = target(of: move, from: state) else { return .failure(.notFromThisState) }
        guard Access.allows(grants, action(for: move), on: country) else { return .failure(.notYourRole) }
        if move == .submit && threats == 0 { return .failure(.nothingAssessed) }
        if (move == .approve || move == .returnToOfficer) && submittedByActor { return .failure(.ownProposal) }
        if move == .returnToOfficer && (reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            return .failure(.reasonRequired)
        }
        return .success(next)
    }

    /// An approved assessment is valid a year from its approval.
    public static func validUntil(approvedAt: Date, months: Int = AssessmentStatus.standardValidityMonths) -> Date {
        SecurityCalendar.adding(months: months, to: approvedAt)
    }
}

extension AssessmentReview {
    /// Who may write in an assessment's threads, when: the regional desk while it is submitted
    /// (its questions and requests), the security officer while it is being written or has been
    /// returned (the answers).
    public static func mayComment(_ grants: [Grant], state: AssessmentState, on country: UnitPath) -> Bool {
        switch state {
        case .submitted: Access.allows(grants, .approveSecurity, on: country)
        case .draft, .returned: Access.allows(grants, .manageSecurity, on: country)
        case .approved: false
        }
    }
}
