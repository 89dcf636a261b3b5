import Foundation
@preconcurrency import Plot
import ResilienceCore

/// The agencies HQ lists, and the form to add one.
struct AgenciesPage {
    var agencies: [Agency]
    var mayConfigure: Bool
    var form: FormState
    var csrf: String

    func body(_ t: Localizer) -> BodyNode {
        .group(
            .p(.class("intro"), .text(t("agencies.intro"))),
            dataTable(
                caption: t("agencies.title"), headers: [t("agencies.short"), t("agencies.full")],
                rows: agencies.map { a in
                    [
                        mayConfigure ? link(.agency(a.id!), a.shortName(in: t.code)) : .text(a.shortName(in: t.code)),
                        .text(a.fullName(in: t.code)),
                    ]
                }, empty: t("agencies.none")),
            .if(
                mayConfigure,
                .section(
                    .class("narrow"), .h2(.text(t("agencies.add"))),
                    AgencyForm(action: AppPath.agencies.path, form: form, csrf: csrf).body(t))))
    }
}

/// An agency's names in each language.
struct AgencyForm {
    var action: String
    var form: FormState
    var csrf: String

    func body(_ t: Localizer) -> BodyNode {
        postForm(
            action, csrf: csrf, FormField.summary(form),
            .forEach(Catalogue.shared.languages) { l in
                fieldset(
                    "pair", l.name,
                    FormField.text("short-\(l.code)", t("agencies.short"), form),
                    FormField.text("full-\(l.code)", t("agencies.full"), form))
            },
            FormField.submit(t("common.save")))
    }
}

/// The agencies at a duty station with their headcounts; the country's officer changes them.
struct StationAgenciesPage {
    var stationID: UUID
    var agencies: [Agency]
    var presences: [UUID: AgencyPresence]
    var mayEdit: Bool
    var form: FormState
    var csrf: String

    func body(_ t: Localizer) -> BodyNode {
        let present = agencies.filter { presences[$0.id!] != nil }
        let totals = present.compactMap { presences[$0.id!] }.reduce((0, 0, 0)) {
            ($0.0 + $1.internationalStaff, $0.1 + $1.nationalStaff, $0.2 + $1.dependants)
        }
        return .group(
            .p(.class("intro"), .text(t("agencies.station_intro"))),
            dataTable(
                caption: t("agencies.present"),
                headers: [
                    t("agencies.short"), t("agencies.international"), t("agencies.national"), t("agencies.dependants"),
                ],
                rows: present.map { a in
                    let p = presences[a.id!]!
                    return [
                        .text(a.shortName(in: t.code)), .text(t.number(p.internationalStaff)),
                        .text(t.number(p.nationalStaff)), .text(t.number(p.dependants)),
                    ]
                }
                    + (present.isEmpty
                        ? []
                        : [
                            [
                                .strong(.text(t("agencies.total"))), .text(t.number(totals.0)),
                                .text(t.number(totals.1)),
                                .text(t.number(totals.2)),
                            ]
                        ]),
                empty: t("agencies.none_present")),
            .if(
                mayEdit,
                .section(
                    .class("wide-form"), .h2(.text(t("agencies.edit_counts"))),
                    postForm(
                        AppPath.dutyStationAgencies(stationID).path, csrf: csrf, FormField.summary(form),
                        .p(.class("hint"), .text(t("agencies.counts_hint"))),
                        .forEach(agencies) { a in
                            let id = a.id!.uuidString.lowercased()
                            return fieldset(
                                "pair", a.shortName(in: t.code),
                                FormField.text("international-\(id)", t("agencies.international"), form, type: .number),
                                FormField.text("national-\(id)", t("agencies.national"), form, type: .number),
                                FormField.text("dependants-\(id)", t("agencies.dependants"), form, type: .number))
                        },
                        FormField.submit(t("common.save"))))))
    }
}
