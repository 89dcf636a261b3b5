import Foundation
@preconcurrency import Plot
import ResilienceCore

/// Names a personnel page shows for ids: duty stations and agencies.
struct PersonnelNames {
    var stations: [UUID: String]
    var agencies: [UUID: String]
    func station(_ id: UUID?) -> String { id.flatMap { stations[$0] } ?? "—" }
    func agency(_ id: UUID?) -> String { id.flatMap { agencies[$0] } ?? "—" }
}

/// The personnel of a unit and the units below it: who, where; the locatable shares; the forms to
/// add and import (for those who keep the records).
struct PersonnelListPage {
    var unit: Unit
    var rows: [PersonnelReads.ListRow]
    var names: PersonnelNames
    var page: PageInfo
    var text: String
    var located: PersonnelReads.Located?
    var mayManage: Bool
    var mayAccount: Bool
    var stationOptions: [(value: String, label: String)]
    var agencyOptions: [(value: String, label: String)]
    var form: FormState
    var importForm: FormState
    var csrf: String

    func body(_ t: Localizer) -> BodyNode {
        let unitID = unit.id!
        return .group(
            .p(.class("intro"), .text(t("personnel.intro"))),
            .unwrap(located) { l in
                .p(
                    .class("figures"),
                    .text(PersonnelListPage.share(t, "personnel.located_personnel", l.personnel)), .text(" · "),
                    .text(PersonnelListPage.share(t, "personnel.located_dependants", l.dependants)), .text(" · "),
                    link(.unitReconciliation(unitID), t("personnel.open_reconciliation")))
            },
            .p(
                .class("actions"), link(.unitPersonnelCSV(unitID), t("personnel.download_csv")),
                .if(mayAccount, .group(.text(" · "), link(.unitRollCalls(unitID), t("rollcall.title"))))),
            .form(
                .method(.get), .action(AppPath.unitPersonnel(unitID).path), .class("filters"),
                .label(.for("f-q"), .text(t("personnel.search"))),
                .input(.type(.search), .id("f-q"), .name("q"), .value(text)),
                .button(.type(.submit), .text(t("oversight.filter")))),
            dataTable(
                caption: t("personnel.title"),
                headers: [
                    t("personnel.field.name"), t("personnel.field.index_number"), t("personnel.field.category"),
                    t("personnel.field.agency"), t("personnel.field.duty_station"),
                ],
                rows: rows.map { p in
                    [
                        link(.personnel(p.id), p.name), .text(p.indexNumber),
                        .text(t("personnel.category.\(p.category.rawValue)")), .text(names.agency(p.agencyID)),
                        .text(names.station(p.stationID)),
                    ]
                }, empty: t("personnel.none")),
            keyPager(page, path: .unitPersonnel(unitID), query: [("q", text.isEmpty ? nil : text)], t),
            .if(
                mayManage,
                .group(
                    .section(
                        .class("narrow"), .h2(.text(t("personnel.add"))),
                        postForm(
                            AppPath.unitPersonnel(unitID).path, csrf: csrf, FormField.summary(form),
                            PersonnelForm(stations: stationOptions, agencies: agencyOptions, form: form).fields(t),
                            FormField.submit(t("personnel.add")))),
                    .section(
                        .class("narrow"), .h2(.text(t("personnel.import"))),
                        .p(.class("hint"), .text(t("personnel.import_hint"))),
                        uploadForm(
                            AppPath.unitPersonnelImport(unitID).path, csrf: csrf,
                            FormField.summary(importForm),
                            FormField.text(
                                "file", t("personnel.import_file"), importForm, type: .file, required: true,
                                keepValue: false),
                            FormField.submit(t("personnel.preview")))))))
    }

    static func share(_ t: Localizer, _ key: String, _ pair: (Int, Int)) -> String {
        let percent = Locatability.share(pair.0, of: pair.1).map { t("common.percent", Int($0.rounded(.down))) } ?? "—"
        return t(key, t.number(pair.0), t.number(pair.1), percent)
    }
}

/// The fields of a personnel record.
struct PersonnelForm {
    var stations: [(value: String, label: String)]
    var agencies: [(value: String, label: String)]
    var form: FormState

    /// Every field for those who keep the records; `ownOnly`, the person's own (how to reach them).
    func fields(_ t: Localizer, ownOnly: Bool = false) -> BodyNode {
        let categories = PersonnelCategory.allCases.map { ($0.rawValue, t("personnel.category.\($0.rawValue)")) }
        let languages = Catalogue.shared.languages.map { ($0.code, $0.name) }
        return .group(
            .if(
                !ownOnly,
                .group(
                    FormField.text("name", t("personnel.field.name"), form, required: true),
                    FormField.text("index_number", t("personnel.field.index_number"), form, required: true),
                    FormField.select("category", t("personnel.field.category"), form, options: categories),
                    FormField.select("duty_station", t("personnel.field.duty_station"), form, options: stations),
                    FormField.select("agency", t("personnel.field.agency"), form, options: [("", "—")] + agencies))),
            FormField.text(
                "phone", t("personnel.field.phone"), form, type: .tel, hint: t("personnel.phone_hint")),
            FormField.text("other_phone", t("personnel.field.other_phone"), form, type: .tel),
            FormField.text("email", t("personnel.field.email"), form, type: .email),
            FormField.select("language", t("personnel.field.language"), form, options: languages),
            FormField.textarea("emergency_contact", t("personnel.field.emergency_contact"), form, rows: 2),
            .if(
                !ownOnly,
                FormField.text("account", t("personnel.field.account"), form, hint: t("personnel.account_hint"))))
    }

    /// A record's values as its form shows them.
    static func values(_ p: Personnel, account: String?) -> [String: String] {
        [
            "name": p.name, "index_number": p.indexNumber, "category": p.category.rawValue,
            "duty_station": p.$station.id.uuidString, "agency": p.$agency.id?.uuidString ?? "",
            "phone": p.phone ?? "", "other_phone": p.otherPhone ?? "", "email": p.email ?? "", "language": p.language,
            "emergency_contact": p.emergencyContact ?? "", "account": account ?? "",
        ]
    }
}

/// One person's record: what everyone sees, and for the person and those allowed the contacts,
/// dependants, whereabouts and who looked.
struct PersonnelRecordPage {
    var record: Personnel
    var dependants: [Dependant]
    var names: PersonnelNames
    var protected: Bool
    var mayEdit: Bool
    var mayAnonymize: Bool
    var locatable: Bool
    var views: [(String, Date)]
    var stationOptions: [(value: String, label: String)]
    var agencyOptions: [(value: String, label: String)]
    var form: FormState
    var dependantForm: FormState
    var anonymizeForm: FormState
    var locationForm: FormState
    var csrf: String

    func body(_ t: Localizer) -> BodyNode {
        let id = record.id!
        return .group(
            .dl(
                .class("facts"),
                .dt(.text(t("personnel.field.index_number"))), .dd(.text(record.indexNumber)),
                .dt(.text(t("personnel.field.category"))),
                .dd(.text(t("personnel.category.\(record.category.rawValue)"))),
                .dt(.text(t("personnel.field.agency"))), .dd(.text(names.agency(record.$agency.id))),
                .dt(.text(t("personnel.field.duty_station"))), .dd(.text(names.station(record.$station.id)))),
            .if(
                !protected, .p(.class("hint"), .text(t("personnel.protected_hint")))),
            .if(protected, protectedPart(t, id)),
            .if(
                mayEdit,
                .section(
                    .class("narrow"), .h2(.text(t("personnel.edit"))),
                    postForm(
                        AppPath.personnel(id).path, csrf: csrf, FormField.summary(form),
                        PersonnelForm(stations: stationOptions, agencies: agencyOptions, form: form).fields(
                            t, ownOnly: !mayAnonymize),
                        FormField.submit(t("common.save"))))),
            .if(
                mayAnonymize,
                .section(
                    .class("narrow"), .h2(.text(t("personnel.anonymize"))),
                    .p(.class("hint"), .text(t("personnel.anonymize_hint"))),
                    postForm(
                        AppPath.personnelAnonymize(id).path, csrf: csrf, FormField.summary(anonymizeForm),
                        FormField.checkbox("confirm", t("personnel.anonymize_confirm"), anonymizeForm),
                        .div(
                            .class("actions"),
                            .button(.type(.submit), .class("danger"), .text(t("personnel.anonymize"))))))))
    }

    private func protectedPart(_ t: Localizer, _ id: UUID) -> BodyNode {
        let relationships = Relationship.allCases.map { ($0.rawValue, t("personnel.relationship.\($0.rawValue)")) }
        return .group(
            .h2(.text(t("personnel.contacts"))),
            .dl(
                .class("facts"),
                .dt(.text(t("personnel.field.phone"))), .dd(.text(record.phone ?? "—")),
                .dt(.text(t("personnel.field.other_phone"))), .dd(.text(record.otherPhone ?? "—")),
                .dt(.text(t("personnel.field.email"))), .dd(.text(record.email ?? "—")),
                .dt(.text(t("personnel.field.emergency_contact"))), .dd(.text(record.emergencyContact ?? "—"))),
            .h2(.id("whereabouts"), .text(t("personnel.whereabouts"))),
            .p(
                .class(locatable ? "status ok" : "status warn"),
                .text(
                    record.locationConfirmedAt.map {
                        t(
                            "personnel.confirmed", names.station(record.$locationStation.id), t.dateTime($0),
                            t("personnel.source.\(record.locationSource?.rawValue ?? "officer")"))
                    } ?? t("personnel.never_confirmed")),
                .text(" "), .strong(.text(locatable ? t("personnel.locatable") : t("personnel.not_locatable")))),
            .if(
                mayEdit,
                postForm(
                    AppPath.personnelLocation(id).path, csrf: csrf, FormField.summary(locationForm),
                    FormField.select(
                        "location_station", t("personnel.location_station"), locationForm, options: stationOptions),
                    fieldset(
                        "field", t("personnel.location_coordinates"),
                        FormField.text("latitude", t("field.latitude"), locationForm),
                        FormField.text("longitude", t("field.longitude"), locationForm)),
                    FormField.checkbox("with_dependants", t("personnel.with_dependants"), locationForm),
                    FormField.submit(t("personnel.confirm_location")))),
            .h2(.text(t("personnel.dependants"))),
            dataTable(
                caption: t("personnel.dependants"),
                headers: [
                    t("personnel.field.name"), t("personnel.field.relationship"), t("personnel.field.date_of_birth"),
                    t("personnel.field.residence"), t("personnel.field.phone"), "",
                ],
                rows: dependants.map { d in
                    [
                        .text(d.name), .text(t("personnel.relationship.\(d.relationship.rawValue)")),
                        .text(d.dateOfBirth ?? "—"), .text(d.residence ?? "—"), .text(d.phone ?? "—"),
                        .if(
                            mayEdit,
                            postForm(
                                AppPath.personnelDependantRemove(id, d.id!).path, csrf: csrf, inline: true,
                                .button(.type(.submit), .text(t("plan.remove"))))),
                    ]
                }, empty: t("personnel.no_dependants")),
            .if(
                mayEdit,
                .section(
                    .class("narrow"), .h3(.text(t("personnel.add_dependant"))),
                    postForm(
                        AppPath.personnelDependants(id).path, csrf: csrf, FormField.summary(dependantForm),
                        FormField.text("name", t("personnel.field.name"), dependantForm, required: true),
                        FormField.select(
                            "relationship", t("personnel.field.relationship"), dependantForm,
                            options: [("", "—")] + relationships),
                        FormField.text(
                            "date_of_birth", t("personnel.field.date_of_birth"), dependantForm, type: .date),
                        FormField.text("residence", t("personnel.field.residence"), dependantForm),
                        FormField.text(
                            "phone", t("personnel.field.phone"), dependantForm, type: .tel,
                            hint: t("personnel.phone_hint")),
                        FormField.submit(t("personnel.add_dependant"))))),
            .h2(.text(t("personnel.views"))),
            .p(
                .class("actions"), link(.personnelExport(id), t("personnel.export")), .text(" · "),
                link(.personnelTrips(id), t("travel.trips_and_training"))),
            dataTable(
                caption: t("personnel.views"), headers: [t("personnel.viewer"), t("personnel.viewed_at")],
                rows: views.map { [.text($0.0), .text(t.dateTime($0.1))] }, empty: t("personnel.no_views")))
    }
}

/// Who cannot be located now, and why: the list to work through before anything happens.
struct ReconciliationPage {
    var unitID: UUID
    var rows: [PersonnelReads.Unlocated]
    var names: PersonnelNames
    var windowDays: Int
    var limit: Int

    func body(_ t: Localizer) -> BodyNode {
        .group(
            .p(.class("intro"), .text(t("personnel.reconciliation_intro", t.number(windowDays)))),
            // Written as markup: up to 200 rows of four cells.
            markupTable(
                caption: t("personnel.reconciliation"),
                headers: [
                    t("personnel.field.name"), t("personnel.field.duty_station"), t("personnel.last_confirmed"),
                    t("personnel.reasons"),
                ],
                rows: rows.map { r in
                    [
                        markupLink(.personnel(r.personnelID), r.name)
                            + (r.dependantName.map { HTMLEscape.escape(" — " + t("personnel.dependant_named", $0)) }
                                ?? ""),
                        HTMLEscape.escape(names.station(r.stationID)),
                        HTMLEscape.escape(r.confirmedAt.map { t.date($0) } ?? "—"),
                        HTMLEscape.escape(
                            r.reasons.map { t("personnel.reason.\($0.rawValue)") }.joined(separator: "; ")),
                    ]
                }, empty: HTMLEscape.escape(t("personnel.all_located"))),
            .if(rows.count >= limit, .p(.class("hint"), .text(t("personnel.reconciliation_more", t.number(limit))))))
    }
}

/// A preview of a personnel file: every row, its errors beside it; confirming saves all or nothing.
struct PersonnelImportPage {
    var unitID: UUID
    var rows: [PersonnelCSV.Row]
    var text: String
    var csrf: String

    func body(_ t: Localizer) -> BodyNode {
        let wrong = rows.filter { !$0.errors.isEmpty }.count
        return .group(
            .p(
                .class(wrong > 0 ? "alert" : "intro"),
                .text(
                    wrong > 0
                        ? t.plural("personnel.preview_wrong", count: wrong, t.number(wrong))
                        : t.plural("personnel.preview_ready", count: rows.count, t.number(rows.count)))),
            dataTable(
                caption: t("personnel.preview"),
                headers: [
                    t("personnel.line"), t("personnel.field.name"), t("personnel.field.index_number"),
                    t("personnel.errors"),
                ],
                rows: rows.map { r in
                    [
                        .text(String(r.line)), .text(r.cells["name"] ?? ""), .text(r.cells["index_number"] ?? ""),
                        .text(
                            r.errors.map { "\(t("personnel.field.\($0.field ?? "name")")): \(t.message($0))" }
                                .joined(separator: "; ")),
                    ]
                }, empty: t("personnel.none")),
            .if(
                wrong == 0 && !rows.isEmpty,
                postForm(
                    AppPath.unitPersonnelImport(unitID).path, csrf: csrf,
                    .input(.type(.hidden), .name("confirm"), .value("1")),
                    .input(.type(.hidden), .name("csv"), .value(text)),
                    FormField.submit(t("personnel.import_confirm")))),
            .p(link(.unitPersonnel(unitID), t("personnel.back"))))
    }
}
