import Fluent

/// Every migration, in the order it runs. A migration that has shipped is never edited: a change
/// is a new entry at the end.
enum Migrations {
    static var all: [any Migration] {
        [
            // The organization tree: HQ → region → country operation → office.
            CreateUnit(),
            // Places where units work.
            CreateDutyStation(),
            // Accounts, each posted at a unit.
            CreateUser(),
            // Roles granted on units (kept after revoke).
            CreateRoleGrant(),
            // Bearer tokens for the API, stored hashed.
            CreateAPIToken(),
            // The append-only audit trail.
            CreateAuditEntry(),
            // Failed sign-ins per user name, for slowing and locking.
            CreateSignInAttempt(),
            // Browser sessions in the database, so several server processes can share them.
            CreateUserSession(),
            // Business continuity plans: the working copy per unit and cycle, its final versions,
            // and HQ's settings (the impact scale).
            CreatePlan(),
            CreatePlanVersion(),
            CreateSetting(),
            // Activations of plans for disruptive events, with their logs.
            CreateActivation(),
            // Each person's inbox: what needs them.
            CreateInboxItem(),
            // The review cycle: plan states and dates, moves, feedback on items, each unit's
            // standing, yearly campaigns, compliance reports and their daily history.
            AddPlanReview(),
            CreatePlanMove(),
            CreateFeedback(),
            CreatePlanStanding(),
            CreateCampaign(),
            CreateCompliance(),
            // The joint risk register of each unit.
            CreateRiskRegister(),
            // Treatment actions, and links from risks to plan scenarios and critical processes.
            AddRiskTreatment(),
            // A counter per kind of data and unit, bumped by every write: what kept pages are
            // valid for.
            CreateDataVersion(),
            // The register's lists by title then id, a page after a key.
            AddRiskListOrder(),
            // Form posts that saved, for a day: a repeat is sent where the first one led.
            CreateFormPost(),
            // Posts that arrived after the session ended, sent for their person at sign-in.
            CreateHeldPost(),
            // Security areas of each country, every duty station in one (from the area names the
            // stations carried), and each area's security levels with their history.
            CreateSecurityArea(),
            CreateSecurityLevel(),
            // HQ's catalogue of security risk management measures, and each duty station's compliance.
            CreateSecurityMeasure(),
            // The agencies of the security management system, and their headcounts at duty stations.
            CreateAgency(),
            // Security risk assessments of areas, a row per version.
            CreateRiskAssessment(),
            // The daily history of the security indicators.
            CreateIndicatorSnapshot(),
            // Threads on the threats of risk assessments, between the regional desk and the officer.
            CreateAssessmentComment(),
            // Personnel and their eligible dependants, where each was last located, who looked.
            CreatePersonnel(),
            // Roll-calls after incidents, their wardens, messages and the SMS answers.
            CreateRollCall(),
            // Who can be located, counted from indexes; a roll-call's marks in time order.
            AddPersonnelIndexes(),
            // Travel requests and clearance, advisories, air operators, senior officials' travel
            // cases, and the security courses each person holds.
            CreateTravel(),
        ]
    }
}
