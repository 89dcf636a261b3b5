import Foundation
@preconcurrency import Plot
import ResilienceCore

/// The advisories in force and to come (差旅咨询), most severe first; the feeds; the form to
/// publish one for those who keep a place.
struct AdvisoriesPage {
    var advisories: [Advisory]
    var places: [UUID: String]
    var mayPublish: Bool
    var areaOptions: [(value: String, label: String)]
    var form: FormState
    var csrf: String

    func body(_ t: Localizer) -> BodyNode {
        .group(
            .p(.class("intro"), .text(t("advisory.intro"))),
            .p(
                .class("actions"), link(.advisoriesAtom, t("advisory.atom")), .text(" · "),
                link(.travelDirectory, t("directory.title"))),
            dataTable(
                caption: t("advisory.title"),
                headers: [
                    t("advisory.field.title"), t("advisory.place"), t("advisory.field.severity"),
                    t("advisory.validity"), t("advisory.clearance"),
                ],
                rows: advisories.map { a in
                    [
                        link(.advisory(a.id!), a.title(t.code)), .text(places[a.id!] ?? a.country),
                        .span(
                            .class("badge severity-\(a.severity.rawValue)"),
                            .text(t("advisory.severity.\(a.severity.rawValue)"))),
                        .text(t("advisory.valid", t.date(a.validFrom), a.validUntil.map { t.date($0) } ?? "—")),
                        .text(a.requiresClearance ? t("advisory.requires_clearance") : "—"),
                    ]
                }, empty: t("advisory.none")),
            .if(
                mayPublish,
                .section(
                    .class("narrow"), .h2(.text(t("advisory.publish"))),
                    postForm(
                        AppPath.advisories.path, csrf: csrf, FormField.summary(form),
                        AdvisoryForm(areaOptions: areaOptions, form: form).fields(t),
                        FormField.submit(t("advisory.publish"))))))
    }
}

struct AdvisoryForm {
    var areaOptions: [(value: String, label: String)]
    var form: FormState

    func fields(_ t: Localizer) -> BodyNode {
        .group(
            FormField.select(
                "scope", t("advisory.field.scope"), form,
                options: AdvisoryScope.allCases.map { ($0.rawValue, t("advisory.scope.\($0.rawValue)")) }),
            FormField.select(
                "area", t("advisory.field.area"), form, options: [("", "—")] + areaOptions,
                hint: t("advisory.area_hint")),
            FormField.text("country", t("advisory.field.country"), form, hint: t("advisory.country_hint")),
            FormField.text("station", t("advisory.field.station"), form, hint: t("advisory.station_hint")),
            FormField.select(
                "severity", t("advisory.field.severity"), form,
                options: AdvisorySeverity.allCases.map { ($0.rawValue, t("advisory.severity.\($0.rawValue)")) }),
            .forEach(Catalogue.shared.languages) { l in
                .group(
                    FormField.text("title-\(l.code)", t("advisory.field.title_in", l.name), form),
                    FormField.textarea("text-\(l.code)", t("advisory.field.text_in", l.name), form, rows: 4))
            },
            FormField.text("valid_from", t("advisory.field.valid_from"), form, type: .date, required: true),
            FormField.text(
                "valid_until", t("advisory.field.valid_until"), form, type: .date, hint: t("advisory.until_hint")),
            FormField.checkbox("requires_clearance", t("advisory.field.requires_clearance"), form))
    }

    static func values(_ a: Advisory, stationName: String?) -> [String: String] {
        var v = [
            "scope": a.scope.rawValue, "area": a.areaID?.uuidString ?? "", "country": a.country,
            "station": stationName ?? "", "severity": a.severity.rawValue,
            "valid_from": PlanChecks.isoDay(a.validFrom), "valid_until": a.validUntil.map(PlanChecks.isoDay) ?? "",
            "requires_clearance": a.requiresClearance ? "true" : "",
        ]
        for (code, title) in NameSet.decode(a.titles) { v["title-\(code)"] = title }
        for (code, text) in NameSet.decode(a.texts) { v["text-\(code)"] = text }
        return v
    }
}

struct AdvisoryPage {
    var advisory: Advisory
    var place: String
    var mayEdit: Bool
    var areaOptions: [(value: String, label: String)]
    var form: FormState
    var csrf: String

    func body(_ t: Localizer) -> BodyNode {
        let a = advisory
        return .group(
            .dl(
                .class("facts"),
                .dt(.text(t("advisory.place"))), .dd(.text(place)),
                .dt(.text(t("advisory.field.severity"))),
                .dd(
                    .span(
                        .class("badge severity-\(a.severity.rawValue)"),
                        .text(t("advisory.severity.\(a.severity.rawValue)")))),
                .dt(.text(t("advisory.validity"))),
                .dd(.text(t("advisory.valid", t.date(a.validFrom), a.validUntil.map { t.date($0) } ?? "—"))),
                .dt(.text(t("advisory.clearance"))),
                .dd(.text(a.requiresClearance ? t("advisory.requires_clearance") : t("advisory.no_clearance"))),
                .dt(.text(t("advisory.published"))),
                .dd(.text(t("advisory.published_by", a.publishedByName, t.dateTime(a.publishedAt)))),
                .if(
                    a.withdrawnAt != nil,
                    .group(.dt(.text(t("advisory.withdrawn"))), .dd(.text(t.dateTime(a.withdrawnAt)))))),
            .div(.class("advisory-text"), .p(.text(a.text(t.code)))),
            .p(.class("actions"), link(.advisoryCAP(a.id!), t("advisory.cap"))),
            .if(
                mayEdit && a.withdrawnAt == nil,
                .group(
                    .section(
                        .class("narrow"), .h2(.text(t("advisory.edit"))),
                        postForm(
                            AppPath.advisory(a.id!).path, csrf: csrf, FormField.summary(form),
                            AdvisoryForm(areaOptions: areaOptions, form: form).fields(t),
                            FormField.submit(t("common.save")))),
                    .section(
                        .class("narrow"),
                        postForm(
                            AppPath.advisoryWithdraw(a.id!).path, csrf: csrf,
                            .div(
                                .class("actions"),
                                .button(.type(.submit), .class("danger"), .text(t("advisory.withdraw")))))))))
    }
}

/// The directory (目录): who to call in each country and area, the level and the advisories; a
/// page to print or keep offline. Without a country, the countries with their highest level.
struct DirectoryPage {
    struct Officer { var name: String; var phone: String?; var email: String? }
    struct AreaEntry {
        var name: String
        var level: Int?
        var officers: [Officer]
        var stations: [String]
    }
    struct CountryEntry {
        var code: String
        var highest: Int?
        var advisories: Int
    }

    var countries: [CountryEntry]
    var country: String?
    var areas: [AreaEntry]
    var advisories: [Advisory]

    func body(_ t: Localizer) -> BodyNode {
        .group(
            .p(.class("intro"), .text(t("directory.intro"))),
            .element(
                named: "form",
                nodes: [
                    .attribute(named: "action", value: AppPath.travelDirectory.path),
                    .attribute(named: "method", value: "get"), .class("filters no-print"),
                    .div(
                        .class("field"),
                        FormField.filter(
                            "country", t("directory.country"), country,
                            [("", t("directory.all_countries"))] + countries.map { ($0.code, $0.code) })),
                    .button(.type(.submit), .text(t("oversight.filter"))),
                ]),
            .unwrap(
                country,
                { code in
                    .group(
                        .p(.class("hint no-print"), .text(t("directory.print"))),
                        .forEach(areas) { area in
                            .section(
                                .class("directory-area"),
                                .h2(
                                    .text(area.name + " "),
                                    .unwrap(area.level) {
                                        .span(.class("badge security-\($0)"), .text(t("directory.level", String($0))))
                                    }),
                                .p(.class("hint"), .text(area.stations.joined(separator: ", "))),
                                area.officers.isEmpty
                                    ? .p(.class("empty"), .text(t("directory.no_officer")))
                                    : .ul(
                                        .forEach(area.officers) { o in
                                            .li(
                                                .strong(.text(o.name)),
                                                .unwrap(o.phone) {
                                                    .group(.text(" · "), .a(.href("tel:\($0)"), .text($0)))
                                                },
                                                .unwrap(o.email) {
                                                    .group(.text(" · "), .a(.href("mailto:\($0)"), .text($0)))
                                                })
                                        }))
                        },
                        .h2(.text(t("directory.advisories", code))),
                        advisories.isEmpty
                            ? .p(.class("empty"), .text(t("advisory.none")))
                            : .ul(
                                .forEach(advisories) { a in
                                    .li(
                                        .span(
                                            .class("badge severity-\(a.severity.rawValue)"),
                                            .text(t("advisory.severity.\(a.severity.rawValue)"))),
                                        .text(" "), link(.advisory(a.id!), a.title(t.code)),
                                        .text(
                                            " — "
                                                + t(
                                                    "advisory.valid", t.date(a.validFrom),
                                                    a.validUntil.map { t.date($0) } ?? "—")),
                                        .if(
                                            a.requiresClearance,
                                            .strong(.text(" · " + t("advisory.requires_clearance")))),
                                        .p(.text(a.text(t.code))))
                                }))
                },
                else: dataTable(
                    caption: t("directory.countries"),
                    headers: [t("directory.country"), t("directory.highest"), t("directory.advisory_count")],
                    rows: countries.map { c in
                        [
                            .a(.href(AppPath.travelDirectory.with([("country", c.code)])), .text(c.code)),
                            .unwrap(c.highest) {
                                .span(.class("badge security-\($0)"), .text(t("directory.level", String($0))))
                            },
                            .text(t.number(c.advisories)),
                        ]
                    }, empty: t("directory.none"))))
    }
}
