import Crypto
import Fluent
import Foundation
import ResilienceCore
import SQLKit
import Vapor

/// Keeps personnel records and their dependants: created, changed, imported, located, anonymized,
/// every change in the audit trail (contacts as fingerprints only: the trail is read more widely
/// than the record).
enum PersonnelService {
    /// The duty stations (of the unit's subtree), agencies and languages a record of `unit` may name.
    static func references(for unit: Unit, on db: any Database) async throws -> PersonnelRules.References {
        let stations = try await DutyStation.query(on: db).join(Unit.self, on: \DutyStation.$unit.$id == \Unit.$id)
            .filter(Unit.self, \.$path, .custom("LIKE"), unit.path + "%").filter(\.$retiredAt == nil).all()
        var byName: [String: UUID] = [:]
        for station in stations { byName[RiskCSV.Vocabulary.fold(station.name)] = station.id }
        var agencies: [String: UUID] = [:]
        for agency in try await AgencyService.active(on: db) {
            for (_, name) in NameSet.decode(agency.shortNames) { agencies[RiskCSV.Vocabulary.fold(name)] = agency.id }
        }
        var categories: [String: PersonnelCategory] = [:]
        for language in Catalogue.shared.languages {
            for c in PersonnelCategory.allCases {
                categories[
                    RiskCSV.Vocabulary.fold(
                        Catalogue.shared.text("personnel.category.\(c.rawValue)", in: language.code, []))] = c
            }
        }
        return .init(
            stations: byName, agencies: agencies, languages: Catalogue.shared.languages.map(\.code),
            categories: categories)
    }

    /// A new record; the unit is the duty station's.
    static func create(
        _ fields: [String: String], within unit: Unit, by context: AuditContext, on db: any Database
    ) async throws -> Personnel {
        let draft = try PersonnelRules.draft(fields, try await references(for: unit, on: db)).get()
        let record = Personnel()
        let userID = try await account(fields["account"], for: nil, on: db)
        try await apply(draft, userID: userID, to: record, on: db)
        try await db.transaction { db in
            try await record.create(on: db)
            try await Audit.record(on: db, by: context, .create, record, unitID: record.$unit.id, summary: record.name)
        }
        return record
    }

    static func update(
        _ record: Personnel, _ fields: [String: String], by context: AuditContext, on db: any Database
    ) async throws {
        let unit = try await within(of: record, on: db)
        let draft = try PersonnelRules.draft(fields, try await references(for: unit, on: db)).get()
        let before = record.auditFields
        let userID =
            fields["account"] == nil ? record.$user.id : try await account(fields["account"], for: record.id, on: db)
        try await apply(draft, userID: userID, to: record, on: db)
        try await db.transaction { db in
            try await record.save(on: db)
            try await Audit.record(
                on: db, by: context, .update, record, before: before, unitID: record.$unit.id, summary: record.name)
        }
    }

    /// The unit whose stations a record may move between: the country of its station's unit (or
    /// the unit itself at HQ), so a person can be posted anywhere in the country.
    static func within(of record: Personnel, on db: any Database) async throws -> Unit {
        guard let unit = try await Unit.find(record.$unit.id, on: db) else { throw Abort(.notFound) }
        let path = unit.unitPath.ids
        let country = try await Unit.query(on: db).filter(\.$id ~~ path).filter(\.$kind == .countryOperation).first()
        return country ?? unit
    }

    /// The account a form names by user name, checked: it exists and no other record has it.
    private static func account(_ raw: String?, for recordID: UUID?, on db: any Database) async throws -> UUID? {
        let name = (raw ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        guard !name.isEmpty else { return nil }
        guard let user = try await User.query(on: db).filter(\.$username == name).first() else {
            throw ValidationErrors([DomainError(.notFound, field: "account")])
        }
        let other = try await Personnel.query(on: db).filter(\.$user.$id == user.requireID()).first()
        if let other, other.id != recordID { throw ValidationErrors([DomainError(.taken, field: "account")]) }
        return user.id
    }

    private static func apply(
        _ d: PersonnelDraft, userID: UUID?, to record: Personnel, on db: any Database
    ) async throws {
        let taken = try await Personnel.query(on: db).filter(\.$indexNumber == d.indexNumber).first()
        if let taken, taken.id != record.id {
            throw ValidationErrors([DomainError(.indexNumberTaken, field: "index_number")])
        }
        guard let station = try await DutyStation.find(d.stationID, on: db) else {
            throw ValidationErrors([DomainError(.notFound, field: "duty_station")])
        }
        record.indexNumber = d.indexNumber
        record.name = d.name
        record.category = d.category
        record.$station.id = d.stationID
        record.$unit.id = station.$unit.id
        record.$agency.id = d.agencyID
        record.phone = d.phone?.e164
        record.otherPhone = d.otherPhone?.e164
        record.email = d.email
        record.language = d.language
        record.emergencyContact = d.emergencyContact
        record.$user.id = userID
    }

    // MARK: Dependants

    static func saveDependant(
        _ dependant: Dependant?, of record: Personnel, _ fields: [String: String], by context: AuditContext,
        on db: any Database
    ) async throws -> Dependant {
        let draft = try PersonnelRules.dependant(fields, today: context.at).get()
        let row = dependant ?? Dependant()
        let before = dependant?.auditFields ?? [:]
        row.$personnel.id = try record.requireID()
        row.name = draft.name
        row.relationship = draft.relationship
        row.dateOfBirth = draft.dateOfBirth
        row.residence = draft.residence
        row.phone = draft.phone?.e164
        try await db.transaction { db in
            try await row.save(on: db)
            try await Audit.record(
                on: db, by: context, dependant == nil ? .create : .update, row, before: before,
                unitID: record.$unit.id, summary: "\(record.name): \(row.name)")
        }
        return row
    }

    static func removeDependant(
        _ dependant: Dependant, of record: Personnel, by context: AuditContext, on db: any Database
    ) async throws {
        let before = dependant.auditFields
        try await db.transaction { db in
            // Past roll-calls keep the dependant's row; a dependant listed in one stays, unlinked.
            try await RollCallEntry.query(on: db).filter(\.$dependant.$id == dependant.requireID())
                .set(\.$dependant.$id, to: nil).update()
            try await dependant.delete(on: db)
            try await Audit.record(
                on: db, by: context, .delete, entity: Dependant.auditEntity, id: dependant.id, unitID: record.$unit.id,
                summary: "\(record.name): \(dependant.name)", change: AuditChange(before: before, after: [:]))
        }
    }

    // MARK: Whereabouts

    /// Records where the person (and the dependants named) are now, confirmed by `source`.
    static func confirmLocation(
        of record: Personnel, at where_: Whereabouts, dependants: [Dependant], by context: AuditContext,
        on db: any Database
    ) async throws {
        if let stationID = where_.stationID, try await DutyStation.find(stationID, on: db) == nil {
            throw ValidationErrors([DomainError(.notFound, field: "location_station")])
        }
        let before = record.auditFields
        set(where_, on: record)
        try await db.transaction { db in
            try await record.save(on: db)
            for dependant in dependants {
                set(where_, on: dependant)
                try await dependant.save(on: db)
            }
            try await Audit.record(
                on: db, by: context, .update, record, before: before, unitID: record.$unit.id, summary: record.name)
        }
    }

    static func set(_ w: Whereabouts, on record: Personnel) {
        record.$locationStation.id = w.stationID
        record.locationLatitude = w.place?.latitude
        record.locationLongitude = w.place?.longitude
        record.locationConfirmedAt = w.confirmedAt
        record.locationSource = w.source
    }

    static func set(_ w: Whereabouts, on dependant: Dependant) {
        dependant.$locationStation.id = w.stationID
        dependant.locationLatitude = w.place?.latitude
        dependant.locationLongitude = w.place?.longitude
        dependant.locationConfirmedAt = w.confirmedAt
        dependant.locationSource = w.source
    }

    /// The security courses a person holds (`bsafe_expires`, `ssafe_expires`, days; empty: none)
    /// and, when given, whether they are a senior official.
    static func saveTraining(
        _ record: Personnel, _ form: [String: String], seniorOfficial: Bool?, by context: AuditContext,
        on db: any Database
    ) async throws {
        var v = ValidationCollector()
        var expiry: [SecurityCourse: Date?] = [:]
        for course in SecurityCourse.allCases {
            do {
                expiry[course] = try TextRules.day(
                    form["\(course.rawValue)_expires"], field: "\(course.rawValue)_expires")
            } catch { v.add(error) }
        }
        try v.finish()
        let before = record.auditFields
        record.bsafeExpires = expiry[.bsafe] ?? nil
        record.ssafeExpires = expiry[.ssafe] ?? nil
        if let seniorOfficial { record.seniorOfficial = seniorOfficial }
        try await db.transaction { db in
            try await record.save(on: db)
            try await Audit.record(
                on: db, by: context, .update, record, before: before, unitID: record.$unit.id, summary: record.name)
        }
    }

    // MARK: Import

    static func preview(_ text: String, within unit: Unit, on db: any Database) async throws -> [PersonnelCSV.Row] {
        var rows = try read(text, try await references(for: unit, on: db))
        // Index numbers already on a record elsewhere.
        let numbers = rows.compactMap(\.draft?.indexNumber)
        var taken = Set<String>()
        for chunk in numbers.chunked(500) {
            taken.formUnion(
                try await Personnel.query(on: db).filter(\.$indexNumber ~~ Array(chunk)).field(\.$indexNumber).all()
                    .map(\.indexNumber))
        }
        for i in rows.indices where rows[i].draft.map({ taken.contains($0.indexNumber) }) ?? false {
            rows[i].draft = nil
            rows[i].errors = [DomainError(.indexNumberTaken, field: "index_number")]
        }
        return rows
    }

    private static func read(_ text: String, _ refs: PersonnelRules.References) throws -> [PersonnelCSV.Row] {
        do { return try PersonnelCSV.read(text, refs, columns: columnNames) } catch { throw ValidationErrors([error]) }
    }

    /// Column names people write in each language, folded → field.
    static var columnNames: [String: String] {
        var names: [String: String] = [:]
        for language in Catalogue.shared.languages {
            for field in PersonnelRules.fields {
                names[
                    RiskCSV.Vocabulary.fold(Catalogue.shared.text("personnel.field.\(field)", in: language.code, []))] =
                    field
            }
        }
        return names
    }

    /// Saves every row in one transaction, or nothing when a row is wrong.
    static func importCSV(
        _ text: String, within unit: Unit, by context: AuditContext, on db: any Database
    )
        async throws -> Int
    {
        let rows = try await preview(text, within: unit, on: db)
        guard !rows.isEmpty, rows.allSatisfy({ $0.errors.isEmpty }) else {
            throw ValidationErrors([
                DomainError(.csvHasErrors, field: "file", args: [String(rows.filter { !$0.errors.isEmpty }.count)])
            ])
        }
        let stationUnits = Dictionary(
            try await DutyStation.query(on: db).filter(\.$id ~~ Set(rows.compactMap(\.draft?.stationID))).all().map {
                ($0.id!, $0.$unit.id)
            }, uniquingKeysWith: { a, _ in a })
        let records = rows.compactMap(\.draft).map { d -> Personnel in
            let r = Personnel()
            r.id = UUID()
            r.indexNumber = d.indexNumber; r.name = d.name; r.category = d.category
            r.$station.id = d.stationID; r.$unit.id = stationUnits[d.stationID] ?? unit.id!
            r.$agency.id = d.agencyID; r.phone = d.phone?.e164; r.otherPhone = d.otherPhone?.e164
            r.email = d.email; r.language = d.language; r.emergencyContact = d.emergencyContact
            return r
        }
        try await db.transaction { db in
            for batch in records.chunked(500) { try await Array(batch).create(on: db) }
            try await Audit.record(
                on: db, by: context, .importFile, entity: Personnel.auditEntity, id: nil, unitID: unit.id,
                summary: "\(unit.name): \(records.count)",
                change: AuditChange(before: [:], after: ["personnel": String(records.count)]))
        }
        return records.count
    }

    // MARK: Leaving

    /// The person left: name, contacts and dependants' details are removed for good; the record
    /// stays (not counted any more) so past roll-calls and the figures recorded keep their counts.
    static func anonymize(_ record: Personnel, by context: AuditContext, on db: any Database) async throws {
        guard record.leftAt == nil else { throw ValidationErrors([DomainError(.alreadyRetired)]) }
        let before = record.auditFields
        let dependants = try await Dependant.query(on: db).filter(\.$personnel.$id == record.requireID()).all()
        let tag = String(record.id!.uuidString.prefix(8))
        record.name = "—"
        record.indexNumber = "ANON-\(record.id!.uuidString)"
        record.phone = nil; record.otherPhone = nil; record.email = nil; record.emergencyContact = nil
        record.$user.id = nil
        record.locationLatitude = nil; record.locationLongitude = nil
        record.leftAt = context.at
        try await db.transaction { db in
            try await record.save(on: db)
            for d in dependants {
                d.name = "—"; d.dateOfBirth = nil; d.residence = nil; d.phone = nil
                d.locationLatitude = nil; d.locationLongitude = nil
                try await d.save(on: db)
            }
            try await RecordView.query(on: db).filter(\.$personnel.$id == record.requireID()).delete()
            try await Audit.record(
                on: db, by: context, .update, record, before: before, unitID: record.$unit.id, summary: "ANON-\(tag)")
        }
    }

    /// Someone other than the person looked at the protected part of their record.
    static func logView(of record: Personnel, by viewer: UUID, at now: Date, app: Application) async throws {
        guard record.$user.id != viewer else { return }
        let view = RecordView()
        view.id = UUID()
        view.$personnel.id = try record.requireID()
        view.$viewer.id = viewer
        view.viewedAt = now
        try await app.recordViews.submit(view)
    }

    /// A file of records with their contacts left with someone: a look at each of them.
    static func logExport(_ records: [Personnel], by viewer: UUID, at now: Date, on db: any Database) async throws {
        let views = records.filter { $0.$user.id != viewer }.map { record -> RecordView in
            let view = RecordView()
            view.$personnel.id = record.id!
            view.$viewer.id = viewer
            view.viewedAt = now
            return view
        }
        for batch in views.chunked(500) { try await Array(batch).create(on: db) }
    }

    /// A short fingerprint of a contact: the trail shows that it changed, never what it is.
    static func fingerprint(_ value: String?) -> String {
        guard let value, !value.isEmpty else { return "" }
        return "#" + SHA256.hash(data: Data(value.utf8)).prefix(4).map { String(format: "%02x", $0) }.joined()
    }
}

extension Personnel: Auditable {
    static let auditEntity = "personnel"
    var auditFields: [String: String] {
        [
            "index_number": indexNumber, "name": name, "category": category.rawValue,
            "duty_station_id": $station.id.uuidString.lowercased(),
            "agency_id": $agency.id?.uuidString.lowercased() ?? "", "language": language,
            "phone": PersonnelService.fingerprint(phone), "other_phone": PersonnelService.fingerprint(otherPhone),
            "email": PersonnelService.fingerprint(email),
            "emergency_contact": PersonnelService.fingerprint(emergencyContact),
            "account_id": $user.id?.uuidString.lowercased() ?? "",
            "location": PersonnelService.fingerprint(
                [
                    $locationStation.id?.uuidString, locationLatitude.map { String($0) },
                    locationLongitude.map { String($0) },
                ].compactMap { $0 }.joined(separator: ",")),
            "location_confirmed_at": locationConfirmedAt.map { ISO8601DateFormatter().string(from: $0) } ?? "",
            "location_source": locationSource?.rawValue ?? "",
            "left_at": leftAt.map { ISO8601DateFormatter().string(from: $0) } ?? "",
            "senior_official": String(seniorOfficial),
            "bsafe_expires": bsafeExpires.map(PlanChecks.isoDay) ?? "",
            "ssafe_expires": ssafeExpires.map(PlanChecks.isoDay) ?? "",
        ]
    }
}

extension Dependant: Auditable {
    static let auditEntity = "dependant"
    var auditFields: [String: String] {
        [
            "name": PersonnelService.fingerprint(name), "relationship": relationship.rawValue,
            "date_of_birth": PersonnelService.fingerprint(dateOfBirth),
            "residence": PersonnelService.fingerprint(residence), "phone": PersonnelService.fingerprint(phone),
        ]
    }
}
