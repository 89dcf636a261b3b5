import Foundation
import ResilienceCore

// Shared by the core's AccessTests and the app's route × role matrix (a symbolic link there):
// both hold what they test to this table, never to `Access`.

/// DOMAIN.md's "People and access", written out as a table by hand: who may do what. The test
/// holds `Access` to it; it never asks `Access` what the answer should be.
let domainPolicy: [(Action, Set<Role>)] = {
    let everyone = Set(Role.allCases)
    let hq: Set<Role> = [.administrator, .hqOversight]
    var table: [(Action, Set<Role>)] = [
        // Everyone browses the organization and reads the plans of their units (readable above).
        (.viewOrganization, everyone), (.viewPlans, everyone),
        // "administrator: manage units, users, all grants".
        (.manageOrganization, [.administrator]), (.manageAccounts, [.administrator]),
        // HQ oversight reads everything; a regional team grants access in its region, so sees its people.
        (.viewPeople, hq.union([.regionalReviewer])), (.viewAudit, hq.union([.regionalReviewer])),
        // "BCP focal point: edit and submit"; "contributor: edit the sections assigned to it".
        (.editPlans, [.focalPoint, .contributor]), (.submitPlans, [.focalPoint]),
        // "regional reviewer: review, give feedback, endorse or return".
        (.reviewPlans, [.regionalReviewer]),
        // "senior manager: approve the plan of the unit".
        (.approvePlans, [.seniorManager]),
        // Yearly campaigns: HQ for everyone, a region for its units.
        (.runCampaigns, hq.union([.regionalReviewer])),
        // "HQ oversight: see global compliance"; regional teams see their region's.
        (.viewOversight, hq.union([.regionalReviewer])),
        // "Regional teams report compliance to HQ".
        (.reportCompliance, [.regionalReviewer]),
        // The joint risk register: the plan's editors and the security officer keep it.
        (.editRisks, [.focalPoint, .contributor, .securityOfficer]),
        // "Activation": the focal point or the senior manager.
        (.activatePlans, [.focalPoint, .seniorManager]),
        // HQ sets the impact scale.
        (.configureContinuity, hq),
        // "security officer: security levels, risk assessments, compliance … for the area";
        // "regional security desk: approves security levels, risk assessments"; HQ reads everything.
        (.viewSecurity, hq.union([.securityOfficer, .regionalSecurityDesk])),
        (.manageSecurity, [.securityOfficer]), (.approveSecurity, [.regionalSecurityDesk]),
        // HQ keeps the agencies, the measures catalogue and the settings.
        (.configureSecurity, hq),
        // "the indicators HQ reports on": HQ, and the regional teams and security staff for their units.
        (.viewIndicators, hq.union([.regionalReviewer, .regionalSecurityDesk, .securityOfficer])),
        // Personnel: "others see name, agency and duty station"; "contact details and dependants are
        // seen only by the person, the security officers and HQ security of their country, and
        // administrators"; "security officers, administrators and a new personnel focal point role
        // edit and import records"; "a security officer opens a roll-call".
        (.viewPersonnel, everyone),
        (.viewPersonalData, [.administrator, .securityOfficer, .personnelFocalPoint]),
        (.managePersonnel, [.administrator, .securityOfficer, .personnelFocalPoint]),
        (.accountForPersonnel, [.securityOfficer]),
    ]
    // "regional reviewer: grant focal-point access in the region"; every other grant is the administrator's.
    for role in Role.allCases {
        table.append(
            (
                .grant(role),
                [.focalPoint, .contributor].contains(role) ? [.administrator, .regionalReviewer] : [.administrator]
            ))
    }
    return table
}()

/// The roles DOMAIN.md gives an action.
func domainRoles(_ action: Action) -> Set<Role> {
    domainPolicy.first { "\($0.0)" == "\(action)" }?.1 ?? []
}

/// Whether someone holding `grants` may do `action` on the unit at `target`, by DOMAIN.md's table.
func domainAllows(_ grants: [Grant], _ action: Action, on target: UnitPath) -> Bool {
    grants.contains { domainRoles(action).contains($0.role) && $0.covers(target) }
}

/// Whether someone holding `grants` may do `action` somewhere, by DOMAIN.md's table.
func domainAllowsSomewhere(_ grants: [Grant], _ action: Action) -> Bool {
    grants.contains { domainRoles(action).contains($0.role) }
}
