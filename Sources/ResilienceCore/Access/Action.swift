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
    /// Read a unit's business continuity plans, their versions and pocket plans.
    case viewPlans
    /// Edit the draft plan of a unit: every section, the impact analysis, import.
    case editPlans
    /// Submit the plan for regional review (an immutable version) or withdraw it before review.
    case submitPlans
    /// Review plans: take a submission, give feedback on items, return or endorse it.
    case reviewPlans
    /// Approve an endorsed plan, which puts it in force.
    case approvePlans
    /// Open a yearly campaign for a set of units with a deadline.
    case runCampaigns
    /// See the oversight dashboards: each unit's plan state, due dates and compliance.
    case viewOversight
    /// Submit the region's compliance report to HQ.
    case reportCompliance
    /// Keep the unit's joint risk register: add, rate, change and import risks.
    case editRisks
    /// Activate a unit's plan for a disruptive event, report each process's state, close it.
    case activatePlans
    /// Configure the impact scale (time ladder, categories, tolerance) that new plans use.
    case configureContinuity
    /// Read a country's security areas, their levels and history, risk assessments and compliance.
    case viewSecurity
    /// Keep a country's security areas, propose levels, write risk assessments, record compliance.
    case manageSecurity
    /// Approve or return the levels and risk assessments proposed in the countries of a region.
    case approveSecurity
    /// Keep HQ's security settings: agencies, the measures catalogue, review intervals, acceptable risk.
    case configureSecurity
    /// Read the performance indicators of a unit and the units below it.
    case viewIndicators
    /// See who is posted in a unit: name, agency, category and duty station.
    case viewPersonnel
    /// See the protected part of a personnel record: contacts, dependants, whereabouts; the
    /// reconciliation list.
    case viewPersonalData
    /// Add, change, import, export and anonymize personnel records and their dependants.
    case managePersonnel
    /// Open a roll-call after an incident, mark people, name wardens, close it.
    case accountForPersonnel

    /// Every action, for exhaustive tests and for the route × role matrix.
    public static var allCases: [Action] {
        [
            .viewOrganization, .manageOrganization, .viewPeople, .manageAccounts, .viewAudit,
            .viewPlans, .editPlans, .submitPlans, .reviewPlans, .approvePlans, .runCampaigns, .viewOversight,
            .reportCompliance, .editRisks, .activatePlans, .configureContinuity,
            .viewSecurity, .manageSecurity, .approveSecurity, .configureSecurity, .viewIndicators,
            .viewPersonnel, .viewPersonalData, .managePersonnel, .accountForPersonnel,
        ]
            + Role.allCases.map { .grant($0) }
    }
}
