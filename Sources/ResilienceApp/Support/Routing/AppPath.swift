import Foundation
import ResilienceCore
import Vapor

/// Every path of the app, for routes and views alike: no path string is written twice.
enum AppPath: Sendable {
    // Session and account
    case home, signIn, signOut, language, healthz
    /// The stylesheet, script and icon under their hashed names, and the icon where browsers look.
    case asset(String), favicon
    case account, accountPassword, accountTokens, accountTokenRevoke(UUID)
    // Organization
    case units, unit(UUID), unitEdit(UUID), unitChildren(UUID), unitNewChild(UUID)
    case unitMove(UUID), unitRetire(UUID)
    case unitDutyStations(UUID), unitNewDutyStation(UUID)
    case dutyStations, dutyStation(UUID), dutyStationEdit(UUID), dutyStationRetire(UUID)
    /// The duty-station database as CSV and as JSON, with the same filters as its page.
    case dutyStationsCSV, apiDutyStationDatabase
    // People and access
    case users, userNew, user(UUID), userEdit(UUID), userGrants(UUID), grantRevoke(UUID)
    /// Units whose name or code holds what is typed, as JSON, for a form's unit field.
    case unitSuggestions
    case audit, inbox, inboxRead
    // Business continuity plans
    case unitPlans(UUID), unitPlansImport(UUID), plan(UUID), planSection(UUID, PlanSection)
    case planItem(UUID, PlanSection, UUID), planItemMove(UUID, PlanSection, UUID), planItemRemove(
        UUID, PlanSection, UUID)
    case planImpact(UUID, UUID), planVersions(UUID), planVersion(UUID, Int), planCompare(UUID)
    case planPocket(UUID), planPocketDownload(UUID), planExport(UUID), planCSV(UUID), impactScale
    case unitActivations(UUID), activation(UUID), activationProcess(UUID, UUID), activationLog(UUID), activationClose(
        UUID)
    // Review cycle and oversight
    case planReview(UUID), planFeedback(UUID), planFeedbackAnswer(UUID, UUID), planFeedbackReply(UUID, UUID),
        planFeedbackResolve(UUID, UUID)
    case unitDashboard(UUID), unitDashboardCSV(UUID), unitCompliance(UUID), oversight
    case unitCampaigns(UUID), campaign(UUID)
    // Joint risk register
    case unitRisks(UUID), unitRisk(UUID, UUID), unitRisksImport(UUID), unitRisksCSV(UUID), unitRiskKinds(UUID)
    case unitRisksTemplate(UUID)
    case apiUnitRisks(UUID), apiUnitRisk(UUID, UUID), apiUnitRiskHeat(UUID), riskScale, apiRiskScale
    // Security management: areas and their levels
    case security, unitSecurity(UUID), unitSecurityNewArea(UUID), securityArea(UUID), securityAreaEdit(UUID)
    case securityAreaLevels(UUID), securityAreaNewLevel(UUID), securityAreaStations(UUID), securityLevelDecision(UUID)
    case apiUnitSecurityAreas(UUID), apiSecurityArea(UUID), apiSecurityAreaLevels(UUID), apiSecurityAreaStations(UUID)
    case apiSecurityLevelDecision(UUID)
    // Security risk management measures: HQ's catalogue and each duty station's compliance
    case securityMeasures, securityMeasure(UUID), securityMeasureRetire(UUID), dutyStationMeasures(UUID)
    case apiSecurityMeasures, apiSecurityMeasure(UUID), apiDutyStationMeasures(UUID)
    // Agencies and their headcounts at duty stations
    case agencies, agency(UUID), dutyStationAgencies(UUID), apiAgencies, apiAgency(UUID), apiDutyStationAgencies(UUID)
    /// The performance indicators of a unit, page and API.
    case indicators, apiIndicators
    /// HQ's security settings: review intervals and acceptable risk.
    case securitySettings, apiSecuritySettings
    // Security risk assessments of areas
    case areaAssessments(UUID), riskAssessment(UUID), riskAssessmentThreats(UUID), riskAssessmentThreat(UUID, UUID)
    case riskAssessmentThreatRemove(UUID, UUID), riskAssessmentMeasures(UUID), riskAssessmentMove(UUID)
    case riskAssessmentComments(UUID), apiRiskAssessmentComments(UUID)
    case apiAreaAssessments(UUID), apiRiskAssessment(UUID), apiRiskAssessmentContent(UUID), apiRiskAssessmentMoves(UUID)
    // JSON API
    case apiOpenAPI, apiMe, apiTokens, apiToken(UUID)
    case apiUnits, apiUnit(UUID), apiUnitChildren(UUID), apiUnitMove(UUID), apiUnitRetire(UUID)
    case apiUnitDutyStations(UUID)
    case apiDutyStations, apiDutyStation(UUID), apiDutyStationRetire(UUID)
    case apiUsers, apiUser(UUID), apiUserGrants(UUID), apiGrant(UUID), apiAudit
    case apiUnitPlans(UUID), apiUnitPlansImport(UUID), apiPlan(UUID), apiPlanContent(UUID), apiPlanVersions(UUID)
    case apiPlanVersion(UUID, Int), apiPlanCompare(UUID), apiPlanExport(UUID), apiImpactScale
    case apiUnitActivations(UUID), apiActivation(UUID), apiActivationProcess(UUID, UUID), apiActivationClose(UUID)
    case apiInbox, apiInboxRead
    case apiPlanReview(UUID), apiPlanMoves(UUID), apiPlanFeedback(UUID), apiPlanFeedbackAnswer(UUID, UUID)
    case apiPlanFeedbackReply(UUID, UUID), apiPlanFeedbackResolve(UUID, UUID)
    case apiUnitDashboard(UUID), apiUnitComplianceReports(UUID), apiOversight, apiUnitCampaigns(UUID), apiCampaign(UUID)

    /// The route pattern, with `:name` for each parameter.
    // Personnel, tracking and accountability (added last: cases are appended, never inserted)
    case unitPersonnel(UUID), unitPersonnelImport(UUID), unitPersonnelCSV(UUID), unitReconciliation(UUID)
    case personnel(UUID), personnelDependants(UUID), personnelDependant(UUID, UUID), personnelDependantRemove(
        UUID, UUID)
    case personnelLocation(UUID), personnelExport(UUID), personnelAnonymize(UUID), myPersonnel
    case unitRollCalls(UUID), rollCall(UUID), rollCallCSV(UUID), rollCallEntry(UUID, UUID), rollCallWardens(UUID)
    case rollCallClose(UUID), rollCallSend(UUID), answer(String)
    case apiUnitPersonnel(UUID), apiPersonnel(UUID), apiPersonnelDependants(UUID), apiPersonnelLocation(UUID)
    case apiUnitRollCalls(UUID), apiRollCall(UUID), apiRollCallEntries(UUID), apiRollCallEntry(UUID, UUID)
    case apiSMSInbound, apiSMSDelivery
    case apiRollCallWardens(UUID), apiRollCallClose(UUID)
    // Travel: requests and clearance, advisories and directory, aviation, protective services
    case travel, personnelTrips(UUID), personnelTripNew(UUID), personnelTripsCalendar(UUID), personnelTraining(UUID)
    case travelRequest(UUID), travelRequestEdit(UUID), travelRequestSubmit(UUID), travelRequestCancel(UUID)
    case travelLegDecision(UUID, UUID), travelLegAdvice(UUID, UUID), travelLegFlight(UUID, UUID), travelCase(UUID)
    case travelClearances, travelClearancesCSV, travelAviation, airOperators, airOperator(UUID), travelCases
    case travelSettings, advisories, advisory(UUID), advisoryWithdraw(UUID), advisoriesAtom, advisoryCAP(UUID)
    case travelDirectory, dutyStationSuggestions
    case apiPersonnelTrips(UUID), apiTravelRequest(UUID), apiTravelRequestSubmit(UUID), apiTravelRequestCancel(UUID)
    case apiTravelLegDecision(UUID, UUID), apiTravelClearances, apiAdvisories, apiAdvisoriesAtom, apiAdvisoryCAP(UUID)
    case apiAirOperators, apiTravelSettings

    var template: String {
        switch self {
        case .home: "/"
        case .signIn: "/sign-in"
        case .signOut: "/sign-out"
        case .language: "/language"
        case .healthz: "/healthz"
        case .asset: "/assets/:file"
        case .favicon: "/favicon.ico"
        case .account: "/account"
        case .accountPassword: "/account/password"
        case .accountTokens: "/account/tokens"
        case .accountTokenRevoke: "/account/tokens/:tokenID/revoke"
        case .units: "/units"
        case .unit: "/units/:unitID"
        case .unitEdit: "/units/:unitID/edit"
        case .unitChildren: "/units/:unitID/children"
        case .unitNewChild: "/units/:unitID/children/new"
        case .unitMove: "/units/:unitID/move"
        case .unitRetire: "/units/:unitID/retire"
        case .unitDutyStations: "/units/:unitID/duty-stations"
        case .unitNewDutyStation: "/units/:unitID/duty-stations/new"
        case .dutyStations: "/duty-stations"
        case .dutyStationsCSV: "/duty-stations.csv"
        case .apiDutyStationDatabase: "/api/v1/duty-station-database"
        case .dutyStation: "/duty-stations/:stationID"
        case .dutyStationEdit: "/duty-stations/:stationID/edit"
        case .dutyStationRetire: "/duty-stations/:stationID/retire"
        case .users: "/users"
        case .userNew: "/users/new"
        case .user: "/users/:userID"
        case .userEdit: "/users/:userID/edit"
        case .userGrants: "/users/:userID/grants"
        case .grantRevoke: "/grants/:grantID/revoke"
        case .unitSuggestions: "/units/suggestions"
        case .audit: "/audit"
        case .inbox: "/inbox"
        case .inboxRead: "/inbox/read"
        case .apiInbox: "/api/v1/inbox"
        case .apiInboxRead: "/api/v1/inbox/read"
        case .unitPlans: "/units/:unitID/plans"
        case .unitPlansImport: "/units/:unitID/plans/import"
        case .plan: "/plans/:planID"
        case .planSection: "/plans/:planID/sections/:section"
        case .planItem: "/plans/:planID/sections/:section/:itemID"
        case .planItemMove: "/plans/:planID/sections/:section/:itemID/move"
        case .planItemRemove: "/plans/:planID/sections/:section/:itemID/remove"
        case .planImpact: "/plans/:planID/impact/:itemID"
        case .planVersions: "/plans/:planID/versions"
        case .planVersion: "/plans/:planID/versions/:number"
        case .planCompare: "/plans/:planID/compare"
        case .planPocket: "/plans/:planID/pocket"
        case .planPocketDownload: "/plans/:planID/pocket.html"
        case .planExport: "/plans/:planID/export.json"
        case .planCSV: "/plans/:planID/processes.csv"
        case .impactScale: "/settings/impact-scale"
        case .unitActivations: "/units/:unitID/activations"
        case .activation: "/activations/:activationID"
        case .activationProcess: "/activations/:activationID/processes/:itemID"
        case .activationLog: "/activations/:activationID/log"
        case .activationClose: "/activations/:activationID/close"
        case .apiUnitActivations: "/api/v1/units/:unitID/activations"
        case .apiActivation: "/api/v1/activations/:activationID"
        case .apiActivationProcess: "/api/v1/activations/:activationID/processes/:itemID"
        case .apiActivationClose: "/api/v1/activations/:activationID/close"
        case .planReview: "/plans/:planID/review"
        case .planFeedback: "/plans/:planID/feedback"
        case .planFeedbackAnswer: "/plans/:planID/feedback/:threadID/answer"
        case .planFeedbackReply: "/plans/:planID/feedback/:threadID/reply"
        case .planFeedbackResolve: "/plans/:planID/feedback/:threadID/resolve"
        case .unitDashboard: "/units/:unitID/dashboard"
        case .unitDashboardCSV: "/units/:unitID/dashboard.csv"
        case .unitCompliance: "/units/:unitID/compliance"
        case .oversight: "/oversight"
        case .unitRisks: "/units/:unitID/risks"
        case .unitRisk: "/units/:unitID/risks/:riskID"
        case .unitRisksImport: "/units/:unitID/risks/import"
        case .unitRisksCSV: "/units/:unitID/risks.csv"
        case .unitRisksTemplate: "/units/:unitID/risks/template.csv"
        case .unitRiskKinds: "/units/:unitID/risks/kinds"
        case .apiUnitRisks: "/api/v1/units/:unitID/risks"
        case .apiUnitRisk: "/api/v1/units/:unitID/risks/:riskID"
        case .apiUnitRiskHeat: "/api/v1/units/:unitID/risks/heat"
        case .riskScale: "/settings/risk-matrix"
        case .apiRiskScale: "/api/v1/risk-matrix"
        case .unitCampaigns: "/units/:unitID/campaigns"
        case .campaign: "/campaigns/:campaignID"
        case .apiPlanReview: "/api/v1/plans/:planID/review"
        case .apiPlanMoves: "/api/v1/plans/:planID/moves"
        case .apiPlanFeedback: "/api/v1/plans/:planID/feedback"
        case .apiPlanFeedbackAnswer: "/api/v1/plans/:planID/feedback/:threadID/answer"
        case .apiPlanFeedbackReply: "/api/v1/plans/:planID/feedback/:threadID/reply"
        case .apiPlanFeedbackResolve: "/api/v1/plans/:planID/feedback/:threadID/resolve"
        case .apiUnitDashboard: "/api/v1/units/:unitID/dashboard"
        case .apiUnitComplianceReports: "/api/v1/units/:unitID/compliance-reports"
        case .apiOversight: "/api/v1/oversight"
        case .apiUnitCampaigns: "/api/v1/units/:unitID/campaigns"
        case .apiCampaign: "/api/v1/campaigns/:campaignID"
        case .apiUnitPlans: "/api/v1/units/:unitID/plans"
        case .apiUnitPlansImport: "/api/v1/units/:unitID/plans/import"
        case .apiPlan: "/api/v1/plans/:planID"
        case .apiPlanContent: "/api/v1/plans/:planID/content"
        case .apiPlanVersions: "/api/v1/plans/:planID/versions"
        case .apiPlanVersion: "/api/v1/plans/:planID/versions/:number"
        case .apiPlanCompare: "/api/v1/plans/:planID/compare"
        case .apiPlanExport: "/api/v1/plans/:planID/export"
        case .apiImpactScale: "/api/v1/impact-scale"
        case .security: "/security"
        case .unitSecurity: "/units/:unitID/security"
        case .unitSecurityNewArea: "/units/:unitID/security/new-area"
        case .securityArea: "/security-areas/:areaID"
        case .securityAreaEdit: "/security-areas/:areaID/edit"
        case .securityAreaLevels: "/security-areas/:areaID/levels"
        case .securityAreaNewLevel: "/security-areas/:areaID/levels/new"
        case .securityAreaStations: "/security-areas/:areaID/duty-stations"
        case .securityLevelDecision: "/security-levels/:levelID/decision"
        case .apiUnitSecurityAreas: "/api/v1/units/:unitID/security-areas"
        case .apiSecurityArea: "/api/v1/security-areas/:areaID"
        case .apiSecurityAreaLevels: "/api/v1/security-areas/:areaID/levels"
        case .apiSecurityAreaStations: "/api/v1/security-areas/:areaID/duty-stations"
        case .apiSecurityLevelDecision: "/api/v1/security-levels/:levelID/decision"
        case .securityMeasures: "/settings/measures"
        case .securityMeasure: "/settings/measures/:measureID"
        case .securityMeasureRetire: "/settings/measures/:measureID/retire"
        case .dutyStationMeasures: "/duty-stations/:stationID/measures"
        case .apiSecurityMeasures: "/api/v1/security-measures"
        case .apiSecurityMeasure: "/api/v1/security-measures/:measureID"
        case .apiDutyStationMeasures: "/api/v1/duty-stations/:stationID/measures"
        case .agencies: "/settings/agencies"
        case .agency: "/settings/agencies/:agencyID"
        case .dutyStationAgencies: "/duty-stations/:stationID/agencies"
        case .apiAgencies: "/api/v1/agencies"
        case .apiAgency: "/api/v1/agencies/:agencyID"
        case .apiDutyStationAgencies: "/api/v1/duty-stations/:stationID/agencies"
        case .areaAssessments: "/security-areas/:areaID/assessments"
        case .riskAssessment: "/risk-assessments/:assessmentID"
        case .riskAssessmentThreats: "/risk-assessments/:assessmentID/threats"
        case .riskAssessmentThreat: "/risk-assessments/:assessmentID/threats/:threatID"
        case .riskAssessmentThreatRemove: "/risk-assessments/:assessmentID/threats/:threatID/remove"
        case .riskAssessmentMeasures: "/risk-assessments/:assessmentID/measures"
        case .riskAssessmentMove: "/risk-assessments/:assessmentID/move"
        case .riskAssessmentComments: "/risk-assessments/:assessmentID/comments"
        case .apiRiskAssessmentComments: "/api/v1/risk-assessments/:assessmentID/comments"
        case .apiAreaAssessments: "/api/v1/security-areas/:areaID/assessments"
        case .apiRiskAssessment: "/api/v1/risk-assessments/:assessmentID"
        case .apiRiskAssessmentContent: "/api/v1/risk-assessments/:assessmentID/content"
        case .apiRiskAssessmentMoves: "/api/v1/risk-assessments/:assessmentID/moves"
        case .indicators: "/indicators"
        case .apiIndicators: "/api/v1/indicators"
        case .securitySettings: "/settings/security"
        case .apiSecuritySettings: "/api/v1/security-settings"
        case .apiOpenAPI: "/api/v1/openapi.json"
        case .apiMe: "/api/v1/me"
        case .apiTokens: "/api/v1/tokens"
        case .apiToken: "/api/v1/tokens/:tokenID"
        case .apiUnits: "/api/v1/units"
        case .apiUnit: "/api/v1/units/:unitID"
        case .apiUnitChildren: "/api/v1/units/:unitID/children"
        case .apiUnitMove: "/api/v1/units/:unitID/move"
        case .apiUnitRetire: "/api/v1/units/:unitID/retire"
        case .apiUnitDutyStations: "/api/v1/units/:unitID/duty-stations"
        case .apiDutyStations: "/api/v1/duty-stations"
        case .apiDutyStation: "/api/v1/duty-stations/:stationID"
        case .apiDutyStationRetire: "/api/v1/duty-stations/:stationID/retire"
        case .apiUsers: "/api/v1/users"
        case .apiUser: "/api/v1/users/:userID"
        case .apiUserGrants: "/api/v1/users/:userID/grants"
        case .apiGrant: "/api/v1/grants/:grantID"
        case .apiAudit: "/api/v1/audit"
        case .unitPersonnel: "/units/:unitID/personnel"
        case .unitPersonnelImport: "/units/:unitID/personnel/import"
        case .unitPersonnelCSV: "/units/:unitID/personnel.csv"
        case .unitReconciliation: "/units/:unitID/personnel/reconciliation"
        case .personnel: "/personnel/:personnelID"
        case .personnelDependants: "/personnel/:personnelID/dependants"
        case .personnelDependant: "/personnel/:personnelID/dependants/:dependantID"
        case .personnelDependantRemove: "/personnel/:personnelID/dependants/:dependantID/remove"
        case .personnelLocation: "/personnel/:personnelID/location"
        case .personnelExport: "/personnel/:personnelID/export.json"
        case .personnelAnonymize: "/personnel/:personnelID/anonymize"
        case .myPersonnel: "/account/personnel"
        case .unitRollCalls: "/units/:unitID/roll-calls"
        case .rollCall: "/roll-calls/:rollCallID"
        case .rollCallCSV: "/roll-calls/:rollCallID/entries.csv"
        case .rollCallEntry: "/roll-calls/:rollCallID/entries/:entryID"
        case .rollCallWardens: "/roll-calls/:rollCallID/wardens"
        case .rollCallClose: "/roll-calls/:rollCallID/close"
        case .rollCallSend: "/roll-calls/:rollCallID/send"
        case .answer: "/answer/:token"
        case .apiUnitPersonnel: "/api/v1/units/:unitID/personnel"
        case .apiPersonnel: "/api/v1/personnel/:personnelID"
        case .apiPersonnelDependants: "/api/v1/personnel/:personnelID/dependants"
        case .apiPersonnelLocation: "/api/v1/personnel/:personnelID/location"
        case .apiUnitRollCalls: "/api/v1/units/:unitID/roll-calls"
        case .apiRollCall: "/api/v1/roll-calls/:rollCallID"
        case .apiRollCallEntries: "/api/v1/roll-calls/:rollCallID/entries"
        case .apiRollCallEntry: "/api/v1/roll-calls/:rollCallID/entries/:entryID"
        case .apiSMSInbound: "/api/v1/sms/inbound"
        case .apiSMSDelivery: "/api/v1/sms/delivery"
        case .apiRollCallWardens: "/api/v1/roll-calls/:rollCallID/wardens"
        case .apiRollCallClose: "/api/v1/roll-calls/:rollCallID/close"
        case .travel: "/travel"
        case .personnelTrips: "/personnel/:personnelID/trips"
        case .personnelTripNew: "/personnel/:personnelID/trips/new"
        case .personnelTripsCalendar: "/personnel/:personnelID/trips.ics"
        case .personnelTraining: "/personnel/:personnelID/training"
        case .travelRequest: "/travel/requests/:requestID"
        case .travelRequestEdit: "/travel/requests/:requestID/edit"
        case .travelRequestSubmit: "/travel/requests/:requestID/submit"
        case .travelRequestCancel: "/travel/requests/:requestID/cancel"
        case .travelLegDecision: "/travel/requests/:requestID/legs/:legID/decision"
        case .travelLegAdvice: "/travel/requests/:requestID/legs/:legID/advice"
        case .travelLegFlight: "/travel/requests/:requestID/legs/:legID/flight-approval"
        case .travelCase: "/travel/requests/:requestID/case"
        case .travelClearances: "/travel/clearances"
        case .travelClearancesCSV: "/travel/clearances.csv"
        case .travelAviation: "/travel/aviation"
        case .airOperators: "/travel/operators"
        case .airOperator: "/travel/operators/:operatorID"
        case .travelCases: "/travel/cases"
        case .travelSettings: "/travel/settings"
        case .advisories: "/advisories"
        case .advisory: "/advisories/:advisoryID"
        case .advisoryWithdraw: "/advisories/:advisoryID/withdraw"
        case .advisoriesAtom: "/advisories/feed.atom"
        case .advisoryCAP: "/advisories/:advisoryID/cap.xml"
        case .travelDirectory: "/travel/directory"
        case .dutyStationSuggestions: "/suggestions/duty-stations"
        case .apiPersonnelTrips: "/api/v1/personnel/:personnelID/trips"
        case .apiTravelRequest: "/api/v1/travel/requests/:requestID"
        case .apiTravelRequestSubmit: "/api/v1/travel/requests/:requestID/submit"
        case .apiTravelRequestCancel: "/api/v1/travel/requests/:requestID/cancel"
        case .apiTravelLegDecision: "/api/v1/travel/requests/:requestID/legs/:legID/decision"
        case .apiTravelClearances: "/api/v1/travel/clearances"
        case .apiAdvisories: "/api/v1/advisories"
        case .apiAdvisoriesAtom: "/api/v1/advisories/feed.atom"
        case .apiAdvisoryCAP: "/api/v1/advisories/:advisoryID/cap"
        case .apiAirOperators: "/api/v1/air-operators"
        case .apiTravelSettings: "/api/v1/travel/settings"
        }
    }

    /// The values of the path's parameters, in order.
    private var values: [String] {
        func id(_ u: UUID) -> String { u.uuidString.lowercased() }
        switch self {
        case .accountTokenRevoke(let u), .unit(let u), .unitEdit(let u), .unitChildren(let u),
            .unitNewChild(let u), .unitMove(let u), .unitRetire(let u), .unitDutyStations(let u),
            .unitNewDutyStation(let u), .dutyStation(let u), .dutyStationEdit(let u),
            .dutyStationRetire(let u), .user(let u), .userEdit(let u), .userGrants(let u),
            .grantRevoke(let u), .apiToken(let u), .apiUnit(let u), .apiUnitChildren(let u),
            .apiUnitMove(let u), .apiUnitRetire(let u), .apiUnitDutyStations(let u),
            .apiDutyStation(let u), .apiDutyStationRetire(let u), .apiUser(let u),
            .apiUserGrants(let u), .apiGrant(let u),
            .unitPlans(let u), .unitPlansImport(let u), .plan(let u), .planVersions(let u), .planCompare(let u),
            .planPocket(let u), .planPocketDownload(let u), .planExport(let u), .planCSV(let u),
            .apiUnitPlans(let u), .apiUnitPlansImport(let u), .apiPlan(let u), .apiPlanContent(let u),
            .apiPlanVersions(let u), .apiPlanCompare(let u), .apiPlanExport(let u),
            .unitActivations(let u), .activation(let u), .activationLog(let u), .activationClose(let u),
            .apiUnitActivations(let u), .apiActivation(let u), .apiActivationClose(let u),
            .planReview(let u), .planFeedback(let u), .unitDashboard(let u), .unitDashboardCSV(let u),
            .unitCompliance(let u),
            .unitCampaigns(let u), .campaign(let u), .apiPlanReview(let u), .apiPlanMoves(let u),
            .apiPlanFeedback(let u),
            .apiUnitDashboard(let u), .apiUnitComplianceReports(let u), .apiUnitCampaigns(let u), .apiCampaign(let u),
            .unitRisks(let u), .unitRisksImport(let u), .unitRisksCSV(let u), .unitRiskKinds(let u),
            .unitRisksTemplate(let u),
            .apiUnitRisks(let u), .apiUnitRiskHeat(let u),
            .unitSecurity(let u), .unitSecurityNewArea(let u), .securityArea(let u), .securityAreaEdit(let u),
            .securityAreaLevels(let u), .securityAreaNewLevel(let u), .securityAreaStations(let u),
            .securityLevelDecision(let u), .apiUnitSecurityAreas(let u), .apiSecurityArea(let u),
            .apiSecurityAreaLevels(let u), .apiSecurityAreaStations(let u), .apiSecurityLevelDecision(let u),
            .securityMeasure(let u), .securityMeasureRetire(let u), .dutyStationMeasures(let u),
            .apiSecurityMeasure(let u), .apiDutyStationMeasures(let u),
            .agency(let u), .dutyStationAgencies(let u), .apiAgency(let u), .apiDutyStationAgencies(let u),
            .areaAssessments(let u), .riskAssessment(let u), .riskAssessmentThreats(let u),
            .riskAssessmentMeasures(let u),
            .riskAssessmentMove(let u), .apiAreaAssessments(let u), .apiRiskAssessment(let u),
            .apiRiskAssessmentContent(let u), .apiRiskAssessmentMoves(let u), .riskAssessmentComments(let u),
            .apiRiskAssessmentComments(let u),
            .unitPersonnel(let u), .unitPersonnelImport(let u), .unitPersonnelCSV(let u), .unitReconciliation(let u),
            .personnel(let u), .personnelDependants(let u), .personnelLocation(let u), .personnelExport(let u),
            .personnelAnonymize(let u), .unitRollCalls(let u), .rollCall(let u), .rollCallCSV(let u),
            .rollCallWardens(let u), .rollCallClose(let u), .rollCallSend(let u), .apiUnitPersonnel(let u),
            .apiPersonnel(let u), .apiPersonnelDependants(let u), .apiPersonnelLocation(let u),
            .apiUnitRollCalls(let u), .apiRollCall(let u), .apiRollCallEntries(let u), .apiRollCallWardens(let u),
            .apiRollCallClose(let u), .personnelTrips(let u), .personnelTripNew(let u),
            .personnelTripsCalendar(let u), .personnelTraining(let u), .travelRequest(let u),
            .travelRequestEdit(let u), .travelRequestSubmit(let u), .travelRequestCancel(let u), .travelCase(let u),
            .airOperator(let u), .advisory(let u), .advisoryWithdraw(let u), .advisoryCAP(let u),
            .apiPersonnelTrips(let u), .apiTravelRequest(let u), .apiTravelRequestSubmit(let u),
            .apiTravelRequestCancel(let u), .apiAdvisoryCAP(let u):
            return [id(u)]
        case .planSection(let u, let section):
            return [id(u), section.rawValue]
        case .planItem(let u, let section, let item), .planItemMove(let u, let section, let item),
            .planItemRemove(let u, let section, let item):
            return [id(u), section.rawValue, id(item)]
        case .planImpact(let u, let item), .activationProcess(let u, let item), .apiActivationProcess(let u, let item),
            .planFeedbackAnswer(let u, let item), .planFeedbackReply(let u, let item),
            .planFeedbackResolve(let u, let item),
            .apiPlanFeedbackAnswer(let u, let item), .apiPlanFeedbackReply(let u, let item),
            .apiPlanFeedbackResolve(let u, let item),
            .unitRisk(let u, let item), .apiUnitRisk(let u, let item),
            .riskAssessmentThreat(let u, let item), .riskAssessmentThreatRemove(let u, let item),
            .personnelDependant(let u, let item), .personnelDependantRemove(let u, let item),
            .rollCallEntry(let u, let item), .apiRollCallEntry(let u, let item),
            .travelLegDecision(let u, let item), .travelLegAdvice(let u, let item), .travelLegFlight(let u, let item),
            .apiTravelLegDecision(let u, let item):
            return [id(u), id(item)]
        case .planVersion(let u, let n), .apiPlanVersion(let u, let n):
            return [id(u), String(n)]
        case .asset(let file), .answer(let file):
            return [file]
        // Listed, not left to a `default`: a new case with parameters must say what fills them,
        // or the compiler asks (a forgotten one made links with `:unitID` left in them).
        case .home, .signIn, .signOut, .language, .healthz, .favicon, .unitSuggestions, .account, .accountPassword,
            .accountTokens,
            .units, .dutyStations, .users, .userNew, .audit, .inbox, .inboxRead, .impactScale, .oversight, .riskScale,
            .apiOpenAPI, .apiMe, .apiTokens, .apiUnits, .apiDutyStations, .apiUsers, .apiAudit, .apiInbox,
            .apiInboxRead,
            .apiImpactScale, .apiOversight, .apiRiskScale, .security, .securityMeasures, .apiSecurityMeasures,
            .agencies, .apiAgencies, .dutyStationsCSV, .apiDutyStationDatabase,
            .securitySettings, .apiSecuritySettings, .indicators, .apiIndicators, .myPersonnel, .apiSMSInbound,
            .apiSMSDelivery, .travel, .travelClearances, .travelClearancesCSV, .travelAviation, .airOperators,
            .travelCases, .travelSettings, .advisories, .advisoriesAtom, .travelDirectory, .dutyStationSuggestions,
            .apiTravelClearances, .apiAdvisories, .apiAdvisoriesAtom, .apiAirOperators, .apiTravelSettings:
            return []
        }
    }

    /// The path to link to.
    var path: String {
        var values = self.values[...]
        guard !values.isEmpty else { return template }
        return template.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(":") ? (values.popFirst() ?? String($0)) : String($0) }
            .joined(separator: "/")
    }

    /// The path with a query string; nil values are left out.
    func with(_ query: [(String, String?)]) -> String {
        let items = query.compactMap { key, value in
            value.map { "\(key)=\($0.addingPercentEncoding(withAllowedCharacters: .urlQueryValueAllowed) ?? "")" }
        }
        return items.isEmpty ? path : path + "?" + items.joined(separator: "&")
    }

    /// The pattern as Vapor's path components.
    var components: [PathComponent] { template.pathComponents }

    /// A stand-in identifier for registering a route by its case.
    static let any = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
}

extension CharacterSet {
    static let urlQueryValueAllowed: CharacterSet = {
        var set = CharacterSet.urlQueryAllowed
        set.remove(charactersIn: "&+=?#")
        return set
    }()
}
