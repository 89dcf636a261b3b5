import Foundation

/// A personnel record as typed in a form, a JSON body or a CSV row, checked: what is saved.
public struct PersonnelDraft: Equatable, Sendable {
    public var indexNumber: String
    public var name: String
    public var category: PersonnelCategory
    public var stationID: UUID
    public var agencyID: UUID?
    public var phone: PhoneNumber?
    public var otherPhone: PhoneNumber?
    public var email: String?
    public var language: String
    public var emergencyContact: String?
}

/// A dependant as typed, checked.
public struct DependantDraft: Equatable, Sendable {
    public var name: String
    public var relationship: Relationship
    /// yyyy-mm-dd, not in the future.
    public var dateOfBirth: String?
    public var residence: String?
    public var phone: PhoneNumber?
}

/// The rules of a personnel record and its dependants, over the fields as a form names them.
public enum PersonnelRules {
    public static let fields = [
        "index_number", "name", "category", "duty_station", "agency", "phone", "other_phone", "email", "language",
        "emergency_contact",
    ]
    public static let requiredFields: Set<String> = ["index_number", "name", "category", "duty_station"]
    /// What a person changes of their own record: how to reach them. Who they are and where they
    /// are posted stay as the human resources staff keep them.
    public static let ownFields: Set<String> = ["phone", "other_phone", "email", "language", "emergency_contact"]

    /// The fields of a change the person makes to their own record: theirs from `typed`, the rest
    /// from `current`.
    public static func ownChange(_ typed: [String: String], over current: [String: String]) -> [String: String] {
        var fields = current
        for key in ownFields { fields[key] = typed[key] ?? current[key] }
        fields.removeValue(forKey: "account")
        return fields
    }

    /// What a record may refer to: duty stations and agencies by id or by name (folded, as
    /// `RiskCSV.Vocabulary.fold` folds), and the languages messages can be written in.
    public struct References: Sendable {
        public var stations: [String: UUID]
        public var agencies: [String: UUID]
        public var languages: [String]
        /// Category names in the interface's languages, folded → category.
        public var categories: [String: PersonnelCategory]
        public init(
            stations: [String: UUID], agencies: [String: UUID], languages: [String],
            categories: [String: PersonnelCategory] = [:]
        ) {
            self.stations = stations; self.agencies = agencies; self.languages = languages
            self.categories = categories
        }

        func station(_ text: String) -> UUID? {
            UUID(uuidString: text).flatMap { id in stations.values.contains(id) ? id : nil }
                ?? stations[RiskCSV.Vocabulary.fold(text)]
        }
        func agency(_ text: String) -> UUID? {
            UUID(uuidString: text).flatMap { id in agencies.values.contains(id) ? id : nil }
                ?? agencies[RiskCSV.Vocabulary.fold(text)]
        }
    }

    /// The record the fields give, or every refusal by field.
    public static func draft(_ value: [String: String], _ refs: References) -> Result<PersonnelDraft, ValidationErrors>
    {
        var v = ValidationCollector()
        func check<T>(_ body: () throws(DomainError) -> T) -> T? {
            do { return try body() } catch { v.add(error); return nil }
        }
        let index = check { () throws(DomainError) -> String in
            let code = try TextRules.name(value["index_number"], field: "index_number", max: 40)
            guard code.unicodeScalars.allSatisfy({ $0.isASCII && !$0.properties.isWhitespace }) else {
                throw DomainError(.invalidCharacters, field: "index_number")
            }
            return code.uppercased()
        }
        let name = check { () throws(DomainError) in try TextRules.name(value["name"], field: "name") }
        let category = check { () throws(DomainError) -> PersonnelCategory in
            let raw = (value["category"] ?? "").trimmingCharacters(in: .whitespaces)
            guard !raw.isEmpty else { throw DomainError(.required, field: "category") }
            guard
                let c = PersonnelCategory(rawValue: raw.lowercased())
                    ?? refs.categories[RiskCSV.Vocabulary.fold(raw)]
            else { throw DomainError(.invalidChoice, field: "category") }
            return c
        }
        let station = check { () throws(DomainError) -> UUID in
            let raw = (value["duty_station"] ?? "").trimmingCharacters(in: .whitespaces)
            guard !raw.isEmpty else { throw DomainError(.required, field: "duty_station") }
            guard let id = refs.station(raw) else { throw DomainError(.notFound, field: "duty_station") }
            return id
        }
        let agency = check { () throws(DomainError) -> UUID? in
            let raw = (value["agency"] ?? "").trimmingCharacters(in: .whitespaces)
            if raw.isEmpty { return nil }
            guard let id = refs.agency(raw) else { throw DomainError(.notFound, field: "agency") }
            return id
        }
        let phone = check { () throws(DomainError) in try optionalPhone(value["phone"], field: "phone") }
        let other = check { () throws(DomainError) in try optionalPhone(value["other_phone"], field: "other_phone") }
        let email = check { () throws(DomainError) -> String? in
            do { return try CredentialRules.email(value["email"]) } catch {
                throw DomainError(.emailFormat, field: "email")
            }
        }
        let language = check { () throws(DomainError) -> String in
            let raw = (value["language"] ?? "").trimmingCharacters(in: .whitespaces)
            if raw.isEmpty { return refs.languages.first ?? "en" }
            guard let code = refs.languages.first(where: { $0.lowercased() == raw.lowercased() }) else {
                throw DomainError(.unknownLanguage, field: "language")
            }
            return code
        }
        let contact = check { () throws(DomainError) in
            try TextRules.optional(value["emergency_contact"], field: "emergency_contact", max: 500)
        }
        guard v.errors.isEmpty, let index, let name, let category, let station, let language else {
            return .failure(ValidationErrors(v.errors))
        }
        return .success(
            PersonnelDraft(
                indexNumber: index, name: name, category: category, stationID: station, agencyID: agency ?? nil,
                phone: phone ?? nil, otherPhone: other ?? nil, email: email ?? nil, language: language,
                emergencyContact: contact ?? nil))
    }

    /// A dependant from its fields; `today` bounds the date of birth.
    public static func dependant(_ value: [String: String], today: Date) -> Result<DependantDraft, ValidationErrors> {
        var v = ValidationCollector()
        func check<T>(_ body: () throws(DomainError) -> T) -> T? {
            do { return try body() } catch { v.add(error); return nil }
        }
        let name = check { () throws(DomainError) in try TextRules.name(value["name"], field: "name") }
        let relationship = check { () throws(DomainError) -> Relationship in
            let raw = (value["relationship"] ?? "").trimmingCharacters(in: .whitespaces)
            guard !raw.isEmpty else { throw DomainError(.required, field: "relationship") }
            guard let r = Relationship(rawValue: raw) else { throw DomainError(.invalidChoice, field: "relationship") }
            return r
        }
        let born = check { () throws(DomainError) -> String? in
            guard let day = try TextRules.day(value["date_of_birth"], field: "date_of_birth") else { return nil }
            guard day <= today else { throw DomainError(.dateInFuture, field: "date_of_birth") }
            return PlanChecks.isoDay(day)
        }
        let residence = check { () throws(DomainError) in
            try TextRules.optional(value["residence"], field: "residence", max: 500)
        }
        let phone = check { () throws(DomainError) in try optionalPhone(value["phone"], field: "phone") }
        guard v.errors.isEmpty, let name, let relationship else { return .failure(ValidationErrors(v.errors)) }
        return .success(
            DependantDraft(
                name: name, relationship: relationship, dateOfBirth: born ?? nil, residence: residence ?? nil,
                phone: phone ?? nil))
    }

    /// Where someone is now, by a duty station (`location_station`), and coordinates only when
    /// they are given (`latitude`, `longitude`).
    public static func whereabouts(
        _ value: [String: String], confirmedAt: Date, by source: LocationSource
    ) -> Result<Whereabouts, ValidationErrors> {
        var v = ValidationCollector()
        func check<T>(_ body: () throws(DomainError) -> T) -> T? {
            do { return try body() } catch { v.add(error); return nil }
        }
        let station = UUID(uuidString: value["location_station"] ?? "")
        if station == nil { v.add(DomainError(.required, field: "location_station")) }
        var place: Coordinates?
        let lat = (value["latitude"] ?? "").trimmingCharacters(in: .whitespaces)
        let lon = (value["longitude"] ?? "").trimmingCharacters(in: .whitespaces)
        if !lat.isEmpty || !lon.isEmpty {
            let la = check { () throws(DomainError) in try TextRules.decimal(lat, field: "latitude") }
            let lo = check { () throws(DomainError) in try TextRules.decimal(lon, field: "longitude") }
            if let la, let lo {
                place = check { () throws(DomainError) in try Coordinates(latitude: la, longitude: lo) }
            }
        }
        guard v.errors.isEmpty else { return .failure(ValidationErrors(v.errors)) }
        return .success(Whereabouts(stationID: station, place: place, confirmedAt: confirmedAt, source: source))
    }

    static func optionalPhone(_ raw: String?, field: String) throws(DomainError) -> PhoneNumber? {
        let text = (raw ?? "").trimmingCharacters(in: .whitespaces)
        return text.isEmpty ? nil : try PhoneNumber(text, field: field)
    }
}

/// Personnel lists as people keep them, in spreadsheets: each row checked, every refusal by
/// column, so that a preview shows them all before anything is saved (as the risk register's import).
public enum PersonnelCSV {
    public static let maximumRows = 20_000

    public struct Row: Sendable, Equatable {
        public var line: Int
        public var draft: PersonnelDraft?
        public var errors: [DomainError]
        public var cells: [String: String]
    }

    /// Every row; the file is refused as a whole without the required columns or with too many rows.
    /// `columns` maps a header as people write it (folded) to its field.
    public static func read(
        _ text: String, _ refs: PersonnelRules.References, columns: [String: String] = [:]
    ) throws(DomainError) -> [Row] {
        var records = RiskCSV.records(text)
        guard !records.isEmpty else { throw DomainError(.required, field: "file") }
        let header = records.removeFirst().map { raw -> String in
            let folded = RiskCSV.Vocabulary.fold(raw)
            return columns[folded] ?? folded.replacingOccurrences(of: " ", with: "_")
        }
        let missing = PersonnelRules.requiredFields.subtracting(header)
        guard missing.isEmpty else {
            throw DomainError(.csvMissingColumns, field: "file", args: [missing.sorted().joined(separator: ", ")])
        }
        let data = records.enumerated().filter {
            !$0.element.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty }
        }
        guard data.count <= maximumRows else {
            throw DomainError(.csvTooManyRows, field: "file", args: [String(maximumRows)])
        }
        var seen: [String: Int] = [:]
        return data.map { index, cells in
            var value: [String: String] = [:]
            for (i, name) in header.enumerated() where i < cells.count { value[name] = RiskCSV.cell(cells[i]) }
            let line = index + 2
            switch PersonnelRules.draft(value, refs) {
            case .success(let draft):
                // The same index number twice in one file is as wrong as one already taken.
                if let first = seen[draft.indexNumber] {
                    return Row(
                        line: line, draft: nil,
                        errors: [DomainError(.indexNumberTaken, field: "index_number", args: [String(first)])],
                        cells: value)
                }
                seen[draft.indexNumber] = line
                return Row(line: line, draft: draft, errors: [], cells: value)
            case .failure(let refused):
                return Row(line: line, draft: nil, errors: refused.errors, cells: value)
            }
        }
    }

    /// Records as a file the import reads back: station and agency by name.
    public static func write(_ rows: [[String: String]]) -> String {
        RiskCSV.file(
            [PersonnelRules.fields.joined(separator: ",")]
                + rows.map { row in PersonnelRules.fields.map { RiskCSV.quoted(row[$0] ?? "") }.joined(separator: ",") }
        )
    }
}
