/// What a person may ask to do. Each is decided for a place in the organization tree.
public enum Action: Hashable, Sendable {
    /// Browse the organization tree and the duty stations.
    case viewOrganization
    /// Create, rename, move and retire units and duty stations.
    case manageOrganization
    /// See the accounts of a unit and what they are granted.
    case viewPeople
    /// Create accounts and change their details.
    case manageAccounts
    /// Grant (or revoke) this role on a unit.
    case grant(Role)
    /// Read the audit trail of a unit and its people.
    case viewAudit

    /// Every action, for exhaustive tests and for the route × role matrix.
    public static var allCases: [Action] {
        [.viewOrganization, .manageOrganization, .viewPeople, .manageAccounts, .viewAudit]
            + Role.allCases.map { .grant($0) }
    }
}
