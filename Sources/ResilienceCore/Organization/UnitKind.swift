/// The levels of the organization tree: headquarters → region → country operation → office.
public enum UnitKind: String, CaseIterable, Codable, Sendable {
    case headquarters
    case region
    case countryOperation = "country_operation"
    case office

    /// The kinds a unit of this kind may sit under. Offices may nest (a field office under a
    /// sub-office); everything else has exactly one level above it.
    public var allowedParents: Set<UnitKind> {
        switch self {
        case .headquarters: []
        case .region: [.headquarters]
        case .countryOperation: [.region]
        case .office: [.countryOperation, .office]
        }
    }

    /// The kinds that may be created under a unit of this kind.
    public var allowedChildren: [UnitKind] {
        UnitKind.allCases.filter { $0.allowedParents.contains(self) }
    }
}
