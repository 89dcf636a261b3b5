/// What an audited write changed: the fields before and after, as text.
public struct AuditChange: Sendable, Equatable {
    public var before: [String: String]
    public var after: [String: String]

    public init(before: [String: String], after: [String: String]) {
        self.before = before
        self.after = after
    }

    /// Only the fields whose value differs, so that the trail shows what actually changed.
    public var changedFields: [String] {
        Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }.sorted()
    }

    /// The change reduced to the fields that differ.
    public var reduced: AuditChange {
        let fields = Set(changedFields)
        return AuditChange(
            before: before.filter { fields.contains($0.key) },
            after: after.filter { fields.contains($0.key) })
    }
}

/// The kinds of event the audit trail records.
public enum AuditAction: String, CaseIterable, Codable, Sendable {
    case create
    case update
    case delete
    case signIn = "sign_in"
    case signInFailed = "sign_in_failed"
    case signOut = "sign_out"
    case grant
    case revoke
    case move
    case retire
    /// A plan marked final: an immutable version.
    case finalize
    /// A plan moved in its review cycle (submitted, returned, endorsed, approved …), with the comment.
    case review
    /// Feedback on an item of a submitted plan: a thread opened, answered, resolved.
    case feedback
    /// A yearly campaign opened.
    case campaign
    /// A regional compliance report submitted to HQ.
    case report
    /// A plan created from an exported file.
    case importFile = "import"
}
