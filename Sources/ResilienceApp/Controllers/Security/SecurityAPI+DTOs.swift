import Foundation
import ResilienceCore
import Vapor

/// A security level as the API gives it: proposed, approved, returned or withdrawn.
struct SecurityLevelDTO: Content {
    var id: UUID; var areaID: UUID; var level: Int; var levelName: String
    /// Each threat category's rating, 1–6.
    var threats: [String: Int]
    var reason: String; var unchanged: Bool
    /// Days, YYYY-MM-DD.
    var effectiveOn: String; var nextReview: String
    var state: String
    var proposedBy: String; var proposedAt: Date
    var decidedBy: String?; var decidedAt: Date?; var decisionNote: String?

    init(_ d: SecurityLevelDecision) {
        id = d.id!; areaID = d.$area.id; level = d.level; levelName = d.securityLevel.code
        threats = Dictionary(
            uniqueKeysWithValues: (d.threatRatings?.ratings ?? [:]).map { ($0.key.rawValue, $0.value.rawValue) })
        reason = d.reason; unchanged = d.unchanged
        effectiveOn = PlanChecks.isoDay(d.effectiveOn); nextReview = PlanChecks.isoDay(d.nextReview)
        state = d.state.rawValue; proposedBy = d.proposedByName; proposedAt = d.proposedAt
        decidedBy = d.decidedByName; decidedAt = d.decidedAt; decisionNote = d.decisionNote
    }
}

/// A security area with its level in force and any proposal waiting.
struct SecurityAreaDTO: Content {
    var id: UUID; var country: String; var names: [String: String]; var unitID: UUID
    var level: SecurityLevelDTO?; var reviewOverdue: Bool; var waiting: SecurityLevelDTO?
    var dutyStationIDs: [UUID]
    /// Every proposal and decision, oldest first (only on an area's own answer).
    var history: [SecurityLevelDTO]?

    init(_ s: AreaStanding, history: [SecurityLevelDecision]? = nil) {
        id = s.area.id!; country = s.area.country; names = s.area.nameByLanguage; unitID = s.area.$unit.id
        level = s.inForce.map(SecurityLevelDTO.init); reviewOverdue = s.overdue
        waiting = s.waiting.map(SecurityLevelDTO.init); dutyStationIDs = s.stations.compactMap(\.id)
        self.history = history?.map(SecurityLevelDTO.init)
    }
}

/// Bodies the API accepts.
struct SecurityAreaBody: Content {
    var country: String?
    var names: [String: String]?
}

struct LevelProposalBody: Content {
    var threats: [String: Int]?
    var reason: String?
    var effectiveOn: String?
    var nextReview: String?

    var input: LevelProposalInput {
        LevelProposalInput(
            threats: threats?.mapValues(String.init), reason: reason, effectiveOn: effectiveOn, nextReview: nextReview)
    }
}

struct LevelDecisionBody: Content {
    var move: String
    var reason: String?
}

struct AssignStationBody: Content {
    var dutyStationID: UUID
}
