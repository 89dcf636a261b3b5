import Foundation

/// Everything a business continuity plan says, section by section (DOMAIN.md "Business
/// continuity plan", seed 000). A plain value: versions snapshot it, exports write it, checks read it.
public struct PlanContent: Codable, Equatable, Sendable {
    /// 1. The BCP team.
    public var team: [TeamMember] = []
    /// 2. Threats and scenarios.
    public var scenarios: [Scenario] = []
    /// 3–5. Critical processes with their impact analysis and alternatives.
    public var processes: [CriticalProcess] = []
    /// 6. Alternate sites.
    public var sites: [AlternateSite] = []
    /// 7. Pre-arrangements (谅解备忘录).
    public var agreements: [Agreement] = []
    /// 8. National staff plan.
    public var nationalStaff = NationalStaffPlan()
    /// 9. Exercises and tests.
    public var exercises: [Exercise] = []
    /// 10. Other information.
    public var other = OtherInformation()

    public init() {}

    /// Removes an alternate site and every process's link to it.
    @discardableResult
    public mutating func removeSite(_ id: UUID) -> AlternateSite? {
        guard let index = sites.firstIndex(where: { $0.id == id }) else { return nil }
        for i in processes.indices { processes[i].siteIDs.removeAll { $0 == id } }
        return sites.remove(at: index)
    }
}

/// The functions a BCP team must cover (seed 000, "第一：组建业务连续性计划团队").
public enum TeamFunction: String, CaseIterable, Codable, Sendable {
    case security
    case programme
    case protection
    case financeAdministrationHR = "finance_administration_hr"
    case supply
    case informationTechnology = "information_technology"
    case communications
    /// Other members (the representative who leads, operations, partners …); not required.
    case other
    public static var required: [TeamFunction] { allCases.filter { $0 != .other } }
}

public struct TeamMember: Codable, Equatable, Sendable, Identifiable {
    public var id = UUID()
    public var name: String
    public var function: TeamFunction
    /// The representative or head of office who leads the team.
    public var isLead = false
    public var contact: String?
    public init(name: String, function: TeamFunction, isLead: Bool = false, contact: String? = nil) {
        self.name = name; self.function = function; self.isLead = isLead; self.contact = contact
    }
}

public enum ScenarioKind: String, CaseIterable, Codable, Sendable {
    case fire, flood, earthquake, conflict, civilUnrest = "civil_unrest", massProtest = "mass_protest"
    case pandemic, cyber, officeClosure = "office_closure", staffRelocation = "staff_relocation"
    case massSickness = "mass_sickness", other
}

public struct Scenario: Codable, Equatable, Sendable, Identifiable {
    public var id = UUID()
    public var kind: ScenarioKind
    public var title: String
    public var description: String?
    public init(kind: ScenarioKind, title: String, description: String? = nil) {
        self.kind = kind; self.title = title; self.description = description
    }
}

/// Why a process is critical (seed 000's three criteria).
public enum ProcessCriterion: String, CaseIterable, Codable, Sendable {
    case protectionAndWellBeing = "protection_and_well_being"
    case vitalLiaison = "vital_liaison"
    case enablingFunctions = "enabling_functions"
}

/// Programme criticality level from a UN joint assessment.
public enum ProgrammeCriticality: String, CaseIterable, Codable, Sendable, Comparable {
    case pc1, pc2, pc3, pc4
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// Where a critical process must or may be done (seed 000: "最后，这些应被确定为以下之一").
public enum ProcessClassification: String, CaseIterable, Codable, Sendable {
    case onSiteOffice = "on_site_office"
    case onSiteAlternate = "on_site_alternate"
    case onSiteResidence = "on_site_residence"
    case remoteInCountry = "remote_in_country"
    case remoteAbroad = "remote_abroad"
    public var mustStayOnSite: Bool { [.onSiteOffice, .onSiteAlternate, .onSiteResidence].contains(self) }
}

public enum ResourceKind: String, CaseIterable, Codable, Sendable {
    case funds, office, alternateMeetingSpace = "alternate_meeting_space", workFromHome = "work_from_home"
    case itEquipment = "it_equipment", communications, vehicles
}

public enum DependencyKind: String, CaseIterable, Codable, Sendable {
    case facility, logisticsSupplier = "logistics_supplier", partner, communications, itSystem = "it_system"
}

/// Something a process depends on, with how long it takes to come back.
public struct Dependency: Codable, Equatable, Sendable {
    public var kind: DependencyKind
    public var name: String
    public var recoveryHours: Double?
    public init(kind: DependencyKind, name: String, recoveryHours: Double? = nil) {
        self.kind = kind; self.name = name; self.recoveryHours = recoveryHours
    }
}

/// A person named as minimum staff: an account or someone without one (national staff).
public struct StaffAssignment: Codable, Equatable, Sendable {
    /// Stable key of the person: an account id, or a name for people without accounts.
    public var person: String
    public var name: String
    public var role: String
    public var briefed: Bool
    public init(person: String, name: String, role: String, briefed: Bool) {
        self.person = person; self.name = name; self.role = role; self.briefed = briefed
    }

    /// The key of a person with an account.
    public static func account(_ id: UUID) -> String { "user:" + id.uuidString.lowercased() }
    /// The key of a person with a personnel record and no account.
    public static func personnel(_ id: UUID) -> String { "personnel:" + id.uuidString.lowercased() }
    /// The key of someone known only by the name typed.
    public static func unlisted(_ name: String) -> String { "name:" + name }
    /// Whether the person is known only by name.
    public var isUnlisted: Bool { person.hasPrefix("name:") }
}

public struct CriticalProcess: Codable, Equatable, Sendable, Identifiable {
    public var id = UUID()
    public var name: String
    public var criteria: Set<ProcessCriterion> = []
    public var programmeCriticality: ProgrammeCriticality?
    public var minimumStaffCount = 0
    public var staff: [StaffAssignment] = []
    public var resources: Set<ResourceKind> = []
    public var dependencies: [Dependency] = []
    public var classification: ProcessClassification?
    /// Recovery time objective, in hours.
    public var rtoHours: Double?
    public var alternatives: [String] = []
    public var siteIDs: [UUID] = []
    /// Impact rating 1–5 per category code, one entry per point of the time ladder (nil: not rated).
    public var impact: [String: [Int?]] = [:]
    /// Optional minimum capacity (percent) per point of the ladder.
    public var minimumCapacity: [Int?] = []
    public init(name: String) { self.name = name }

    private enum CodingKeys: String, CodingKey {
        case id, name, criteria, programmeCriticality, minimumStaffCount, staff, resources, dependencies
        case classification, rtoHours, alternatives, siteIDs, impact, minimumCapacity
    }

    /// Sets are written sorted, so that equal processes always encode to the same JSON (versions
    /// compare their encodings).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(criteria.map(\.rawValue).sorted(), forKey: .criteria)
        try c.encodeIfPresent(programmeCriticality, forKey: .programmeCriticality)
        try c.encode(minimumStaffCount, forKey: .minimumStaffCount)
        try c.encode(staff, forKey: .staff)
        try c.encode(resources.map(\.rawValue).sorted(), forKey: .resources)
        try c.encode(dependencies, forKey: .dependencies)
        try c.encodeIfPresent(classification, forKey: .classification)
        try c.encodeIfPresent(rtoHours, forKey: .rtoHours)
        try c.encode(alternatives, forKey: .alternatives)
        try c.encode(siteIDs, forKey: .siteIDs)
        try c.encode(impact, forKey: .impact)
        try c.encode(minimumCapacity, forKey: .minimumCapacity)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(UUID.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        criteria = try c.decodeIfPresent(Set<ProcessCriterion>.self, forKey: .criteria) ?? []
        programmeCriticality = try c.decodeIfPresent(ProgrammeCriticality.self, forKey: .programmeCriticality)
        minimumStaffCount = try c.decodeIfPresent(Int.self, forKey: .minimumStaffCount) ?? 0
        staff = try c.decodeIfPresent([StaffAssignment].self, forKey: .staff) ?? []
        resources = try c.decodeIfPresent(Set<ResourceKind>.self, forKey: .resources) ?? []
        dependencies = try c.decodeIfPresent([Dependency].self, forKey: .dependencies) ?? []
        classification = try c.decodeIfPresent(ProcessClassification.self, forKey: .classification)
        rtoHours = try c.decodeIfPresent(Double.self, forKey: .rtoHours)
        alternatives = try c.decodeIfPresent([String].self, forKey: .alternatives) ?? []
        siteIDs = try c.decodeIfPresent([UUID].self, forKey: .siteIDs) ?? []
        impact = try c.decodeIfPresent([String: [Int?]].self, forKey: .impact) ?? [:]
        minimumCapacity = try c.decodeIfPresent([Int?].self, forKey: .minimumCapacity) ?? []
    }
}

public struct AlternateSite: Codable, Equatable, Sendable, Identifiable {
    public var id = UUID()
    public var name: String
    public var address: String?
    public var workstations = 0
    public var equipment: String?
    public var contact: String?
    public var assetsToMove: [String] = []
    public init(name: String) { self.name = name }
}

public enum AgreementKind: String, CaseIterable, Codable, Sendable {
    case officeSpace = "office_space", transport, accommodation, connectivity, other
}

public struct Agreement: Codable, Equatable, Sendable, Identifiable {
    public var id = UUID()
    public var partner: String
    public var kind: AgreementKind
    public var validFrom: Date?
    public var validUntil: Date?
    public init(partner: String, kind: AgreementKind, validFrom: Date? = nil, validUntil: Date? = nil) {
        self.partner = partner; self.kind = kind; self.validFrom = validFrom; self.validUntil = validUntil
    }
}

public struct NationalStaffPlan: Codable, Equatable, Sendable {
    public var seniorStaffMember: String?
    public var safetyMeasures: String?
    public var salaryAndCosts: String?
    public var logisticsSupport: String?
    public var communicationProtocol: String?
    public init() {}
    var filledFields: Int {
        [seniorStaffMember, safetyMeasures, salaryAndCosts, logisticsSupport, communicationProtocol]
            .filter { !($0 ?? "").trimmingCharacters(in: .whitespaces).isEmpty }.count
    }
}

public enum ExerciseKind: String, CaseIterable, Codable, Sendable {
    case walkThrough = "walk_through", tabletop, simulation, full
    /// A real activation, recorded with its after-action note when it closed.
    case activation
}

public struct Exercise: Codable, Equatable, Sendable, Identifiable {
    public var id = UUID()
    public var date: Date
    public var kind: ExerciseKind
    public var scope: String?
    public var findings: String?
    public var followUp: String?
    public var nextDate: Date?
    public init(date: Date, kind: ExerciseKind) { self.date = date; self.kind = kind }
}

public struct OtherInformation: Codable, Equatable, Sendable {
    public var emergencyManagement: String?
    public var securityManagement: String?
    public var recordsManagement: String?
    public init() {}
    var filledFields: Int {
        [emergencyManagement, securityManagement, recordsManagement]
            .filter { !($0 ?? "").trimmingCharacters(in: .whitespaces).isEmpty }.count
    }
}
