import Foundation

/// How HQ rates risks across the organization: the matrix, the names of its levels and of the
/// likelihood and impact ratings, and the kinds of risk it adds to the standard ones. Every name
/// is optional per language; without one, the catalogue names it.
public struct RiskScale: Codable, Equatable, Sendable {
    public var matrix: RiskMatrix
    /// Names per level (`RiskLevel.rawValue`), per language code.
    public var levelNames: [String: [String: String]]
    /// Names per likelihood rating ("1" … "5"), per language code.
    public var likelihoodNames: [String: [String: String]]
    /// Names per impact rating ("1" … "5"), per language code.
    public var impactNames: [String: [String: String]]
    /// Kinds HQ added (codes like impact categories), after the standard ones.
    public var addedKinds: [String]
    /// Names of the added kinds, per language code.
    public var kindNames: [String: [String: String]]

    public static let maximumAddedKinds = 20
    public static let maximumNameLength = 100

    public init(
        matrix: RiskMatrix, levelNames: [String: [String: String]] = [:],
        likelihoodNames: [String: [String: String]] = [:],
        impactNames: [String: [String: String]] = [:], addedKinds: [String] = [],
        kindNames: [String: [String: String]] = [:]
    ) throws(DomainError) {
        guard addedKinds.count <= Self.maximumAddedKinds else {
            throw DomainError(.tooMany, field: "kinds", args: [String(Self.maximumAddedKinds)])
        }
        for kind in addedKinds where !ImpactScale.isCategoryCode(kind) || RiskKind.standard.contains(kind) {
            throw DomainError(.kindCode, field: "kinds", args: [kind])
        }
        guard Set(addedKinds).count == addedKinds.count else { throw DomainError(.taken, field: "kinds") }
        let ratings = Set(RiskRating.range.map(String.init))
        func clean(
            _ names: [String: [String: String]], keys: Set<String>, field: String
        ) throws(DomainError) -> [String: [String: String]] {
            var out: [String: [String: String]] = [:]
            for (key, byLanguage) in names where keys.contains(key) {
                let kept = byLanguage.mapValues { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter {
                    !$0.value.isEmpty
                }
                if kept.values.contains(where: { $0.count > Self.maximumNameLength }) {
                    throw DomainError(.tooLong, field: field, args: [String(Self.maximumNameLength)])
                }
                if !kept.isEmpty { out[key] = kept }
            }
            return out
        }
        self.matrix = matrix
        self.levelNames = try clean(levelNames, keys: Set(RiskLevel.allCases.map(\.rawValue)), field: "levels")
        self.likelihoodNames = try clean(likelihoodNames, keys: ratings, field: "likelihood")
        self.impactNames = try clean(impactNames, keys: ratings, field: "impact")
        self.addedKinds = addedKinds
        self.kindNames = try clean(kindNames, keys: Set(addedKinds), field: "kinds")
    }

    private enum CodingKeys: String, CodingKey {
        case matrix, levelNames, likelihoodNames, impactNames, addedKinds, kindNames
    }

    /// A stored scale is checked like a new one.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func names(_ key: CodingKeys) throws -> [String: [String: String]] {
            try c.decodeIfPresent([String: [String: String]].self, forKey: key) ?? [:]
        }
        try self.init(
            matrix: c.decode(RiskMatrix.self, forKey: .matrix), levelNames: names(.levelNames),
            likelihoodNames: names(.likelihoodNames),
            impactNames: names(.impactNames), addedKinds: c.decodeIfPresent([String].self, forKey: .addedKinds) ?? [],
            kindNames: names(.kindNames))
    }

    /// Every kind a register knows: the standard ones, then HQ's.
    public var kinds: [String] { RiskKind.standard + addedKinds }

    /// The standard matrix, the catalogue's names, the standard kinds.
    public static let standard = try! RiskScale(matrix: .standard)
}

/// One action of a risk's treatment: what is done, by whom, by when, and whether it is done.
public struct RiskAction: Codable, Equatable, Sendable {
    public var description: String
    public var owner: String?
    public var dueDate: Date?
    public var done: Bool

    public init(description: String, owner: String? = nil, dueDate: Date? = nil, done: Bool = false) {
        self.description = description; self.owner = owner; self.dueDate = dueDate; self.done = done
    }

    public static let maximumCount = 20

    /// The earliest due date of the actions not done: when the treatment is next due.
    public static func nextDue(_ actions: [RiskAction]) -> Date? {
        actions.filter { !$0.done }.compactMap(\.dueDate).min()
    }

    /// Actions as one CSV cell: an action per line, `description | owner | due date | done`; a bar
    /// or backslash in the text is written after a backslash.
    public static func cell(_ actions: [RiskAction]) -> String {
        func text(_ s: String) -> String {
            s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|")
                .replacingOccurrences(of: "\n", with: " ")
        }
        return actions.map { a in
            [text(a.description), text(a.owner ?? ""), a.dueDate.map(PlanChecks.isoDay) ?? "", a.done ? "done" : ""]
                .joined(separator: " | ")
        }.joined(separator: "\n")
    }

    /// A line's parts, split at bars not written after a backslash.
    static func parts(_ line: String) -> [String] {
        var parts: [String] = [], part = "", escaped = false
        for c in line {
            if escaped {
                part.append(c); escaped = false
            } else if c == "\\" {
                escaped = true
            } else if c == "|" {
                parts.append(part); part = ""
            } else {
                part.append(c)
            }
        }
        parts.append(part)
        return parts.map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// The actions of a CSV cell, or the first line's error (field `actions`, the line in args).
    public static func parse(cell: String) throws(DomainError) -> [RiskAction] {
        var actions: [RiskAction] = []
        let lines = cell.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter {
            !$0.isEmpty
        }
        guard lines.count <= maximumCount else {
            throw DomainError(.tooMany, field: "actions", args: [String(maximumCount)])
        }
        for line in lines {
            let parts = Self.parts(line)
            let done = parts.count > 3 ? parts[3].lowercased() : ""
            guard ["", "done", "yes", "true", "x"].contains(done) else {
                throw DomainError(.invalidChoice, field: "actions", args: [line])
            }
            actions.append(
                try action(
                    description: parts[0], owner: parts.count > 1 ? parts[1] : nil,
                    due: parts.count > 2 ? parts[2] : nil, done: !done.isEmpty, field: "actions"))
        }
        return actions
    }

    /// One action from its typed fields, each checked; `field` names where the errors go.
    public static func action(
        description: String?, owner: String?, due: String?, done: Bool, field: String
    ) throws(DomainError) -> RiskAction {
        let description = try TextRules.name(description, field: field)
        let owner = try TextRules.optional(owner, field: field, max: 200)
        let dueDate = try TextRules.day(due, field: field)
        return RiskAction(description: description, owner: owner, dueDate: dueDate, done: done)
    }
}
