import Foundation

/// Who may do what on which unit: the one place where access is decided. Every route asks it.
public enum Access {
    /// The roles that allow an action, wherever they are held. This table is the policy of
    /// DOMAIN.md's "People and access".
    public static func roles(allowing action: Action) -> Set<Role> {
        switch action {
        case .viewOrganization:
            Set(Role.allCases)
        case .manageOrganization, .manageAccounts:
            [.administrator]
        case .viewPeople, .viewAudit:
            [.administrator, .hqOversight, .regionalReviewer]
        case .viewPlans:
            // Everyone in the unit and everyone above it (DOMAIN.md: readable above).
            Set(Role.allCases)
        case .editPlans:
            [.focalPoint, .contributor]
        case .submitPlans:
            [.focalPoint]
        case .reviewPlans:
            // DOMAIN.md: regional multi-functional teams review, give feedback, endorse or return.
            [.regionalReviewer]
        case .approvePlans:
            // The seed: senior management must know and finally approve the plan.
            [.seniorManager]
        case .runCampaigns:
            // HQ for everyone, a region for its units.
            [.administrator, .hqOversight, .regionalReviewer]
        case .viewOversight:
            [.administrator, .hqOversight, .regionalReviewer]
        case .editRisks:
            // The register covers protection, programme, security, medical and continuity risks:
            // the plan's editors and the security officer keep it.
            [.focalPoint, .contributor, .securityOfficer]
        case .reportCompliance:
            // Regional teams report compliance to HQ.
            [.regionalReviewer]
        case .activatePlans:
            // DOMAIN.md "Activation": the focal point or the senior manager.
            [.focalPoint, .seniorManager]
        case .configureContinuity:
            [.administrator, .hqOversight]
        case .viewSecurity:
            // DOMAIN.md: the security officer keeps the area, the regional desk approves, HQ
            // oversight and administrators read everything. Others read their duty station's
            // level and measures on its page (`viewOrganization`).
            [.administrator, .hqOversight, .securityOfficer, .regionalSecurityDesk]
        case .manageSecurity:
            [.securityOfficer]
        case .approveSecurity:
            [.regionalSecurityDesk]
        case .configureSecurity:
            [.administrator, .hqOversight]
        case .viewIndicators:
            // HQ reports on them; regional teams and desks, and security officers, watch their own.
            [.administrator, .hqOversight, .regionalReviewer, .regionalSecurityDesk, .securityOfficer]
        case .viewPersonnel:
            // Name, agency and duty station are what a colleague sees (the issue of personnel).
            Set(Role.allCases)
        case .viewPersonalData, .managePersonnel:
            // Contacts and dependants: the security officers (at HQ, of every country), the
            // administrators, and the unit's human resources staff who keep the records.
            [.administrator, .securityOfficer, .personnelFocalPoint]
        case .accountForPersonnel:
            [.securityOfficer]
        case .grant(let role):
            // The seed: regional teams give country focal points their access.
            switch role {
            case .focalPoint, .contributor: [.administrator, .regionalReviewer]
            default: [.administrator]
            }
        }
    }

    /// Whether someone holding `grants` may do `action` on the unit at `target`.
    public static func allows(_ grants: [Grant], _ action: Action, on target: UnitPath) -> Bool {
        let allowed = roles(allowing: action)
        return grants.contains { allowed.contains($0.role) && $0.covers(target) }
    }

    /// Whether someone holding `grants` may do `action` somewhere: decides what the navigation
    /// shows and whether a list page opens at all (its rows are then limited to `scope`).
    public static func allowsSomewhere(_ grants: [Grant], _ action: Action) -> Bool {
        let allowed = roles(allowing: action)
        return grants.contains { allowed.contains($0.role) }
    }

    /// The units at whose subtrees `action` is allowed: a list shows only rows inside them.
    public static func scope(_ grants: [Grant], _ action: Action) -> [UUID] {
        let allowed = roles(allowing: action)
        return grants.filter { allowed.contains($0.role) }.map(\.unitID)
    }

    /// The roles that someone holding `grants` may grant somewhere: what the grant form offers
    /// before a unit is chosen (the unit is then checked with `allows`).
    public static func grantableRoles(_ grants: [Grant]) -> [Role] {
        Role.allCases.filter { allowsSomewhere(grants, .grant($0)) }
    }

    /// The roles that someone holding `grants` may grant on the unit at `target`.
    public static func grantableRoles(_ grants: [Grant], on target: UnitPath) -> [Role] {
        Role.allCases.filter { allows(grants, .grant($0), on: target) }
    }
}
