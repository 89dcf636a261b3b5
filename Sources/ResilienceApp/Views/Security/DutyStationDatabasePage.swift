import Foundation
@preconcurrency import Plot
import ResilienceCore

/// The duty-station database (工作地点数据库): every duty station in reach with its area's level
/// and assessment, its measures compliance and the agencies there; filtered, sorted, paged, on a
/// map, and as CSV.
struct DutyStationDatabasePage {
    var rows: [StationFacts]
    /// All the stations the filters keep, for the map and the counts.
    var matching: [StationFacts]
    var info: PageInfo
    var query: StationQuery
    var countries: [String]
    var regions: [(id: UUID, name: String)]

    func body(_ t: Localizer) -> BodyNode {
        .group(
            .p(.class("intro"), .text(t("database.intro"))),
            filters(t),
            .p(
                .text(t.plural("database.count", count: matching.count, t.number(matching.count))), .text(" "),
                .a(.href(AppPath.dutyStationsCSV.with(query.parameters)), .text(t("database.csv")))),
            .div(.class("map-wrap"), .raw(StationMap.svg(matching, t))),
            .if(!matching.isEmpty, .raw(StationMap.legend(t))),
            table(t),
            pager(info, path: .dutyStations, query: query.parameters, t))
    }

    private func filters(_ t: Localizer) -> BodyNode {
        let levels =
            [("", t("common.all")), ("none", t("security.no_level"))]
            + SecurityLevel.allCases.map {
                (String($0.rawValue), t("security.level_n", $0.rawValue, t("security_level.\($0.code)")))
            }
        return .element(
            named: "form",
            nodes: [
                .attribute(named: "action", value: AppPath.dutyStations.path),
                .attribute(named: "method", value: "get"),
                .class("filters"),
                .div(
                    .class("field"), .label(.for("f-q"), .text(t("duty_station.search"))),
                    .input(.type(.search), .id("f-q"), .name("q"), .value(query.q))),
                .div(
                    .class("field"),
                    FormField.filter(
                        "country", t("field.country"), query.country,
                        [("", t("common.all"))] + countries.map { ($0, $0) })),
                .div(
                    .class("field"),
                    FormField.filter(
                        "region", t("database.region"), query.region,
                        [("", t("common.all"))] + regions.map { ($0.id.uuidString.lowercased(), $0.name) })),
                .div(.class("field"), FormField.filter("level", t("security.level"), query.level, levels)),
                .div(
                    .class("field"),
                    FormField.filter(
                        "assessment", t("assessment.status"), query.assessment,
                        [("", t("common.all"))]
                            + AssessmentStatus.allCases.map { ($0.rawValue, t("assessment_status.\($0.rawValue)")) })),
                .div(
                    .class("field"), .label(.for("f-below"), .text(t("database.below"))),
                    .input(
                        .type(.number), .id("f-below"), .name("below"), .value(query.below),
                        .attribute(named: "min", value: "0"), .attribute(named: "max", value: "100"))),
                .input(.type(.hidden), .name("sort"), .value(query.sort)),
                .button(.type(.submit), .text(t("oversight.filter"))),
            ])
    }

    /// A column header that sorts by it (again: the other way).
    private func header(_ key: String, _ label: String) -> (String, AppPath, [(String, String?)]) {
        var params = query.parameters.filter { $0.0 != "sort" && $0.0 != "dir" && $0.0 != "page" }
        params.append(("sort", key))
        if query.sort == key && !query.descending { params.append(("dir", "desc")) }
        return (label, .dutyStations, params)
    }

    private func table(_ t: Localizer) -> BodyNode {
        let sortable: [String: String] = [
            "name": t("field.name"), "country": t("field.country"), "level": t("security.level"),
            "review": t("security.next_review"), "compliance": t("measures.compliance"),
            "personnel": t("database.personnel"),
        ]
        let columns: [(String?, String)] = [
            ("name", sortable["name"]!), ("country", sortable["country"]!), (nil, t("security.area")),
            (nil, t("field.unit")), ("level", sortable["level"]!), ("review", sortable["review"]!),
            (nil, t("assessment.status")), ("compliance", sortable["compliance"]!),
            ("personnel", sortable["personnel"]!),
        ]
        var html =
            "<div class=\"table-wrap\"><table><caption>" + HTMLEscape.escape(t("database.title"))
            + "</caption><thead><tr>"
        for (key, label) in columns {
            if let key {
                let (text, path, params) = header(key, label)
                let mark = query.sort == key ? (query.descending ? " ↓" : " ↑") : ""
                html +=
                    "<th scope=\"col\"><a href=\"" + HTMLEscape.escape(path.with(params)) + "\">"
                    + HTMLEscape.escape(text + mark) + "</a></th>"
            } else {
                html += "<th scope=\"col\">" + HTMLEscape.escape(label) + "</th>"
            }
        }
        html += "</tr></thead><tbody>"
        for f in rows {
            let level = f.level.flatMap(SecurityLevel.init(rawValue:))
            let badge =
                level.map {
                    "<span class=\"badge security-\($0.rawValue)\">"
                        + HTMLEscape.escape(t("security.level_n", $0.rawValue, t("security_level.\($0.code)")))
                        + "</span>"
                } ?? HTMLEscape.escape(t("security.no_level"))
            let overdue =
                f.reviewOverdue
                ? " <span class=\"badge overdue\">" + HTMLEscape.escape(t("database.overdue")) + "</span>" : ""
            let cells = [
                markupLink(.dutyStation(f.id), f.name), HTMLEscape.escape(f.country),
                HTMLEscape.escape(NameSet.pick(f.areaNames, t.code)), markupLink(.unit(f.unitID), f.unitName),
                badge, HTMLEscape.escape(t.date(f.nextReview)) + overdue,
                "<span class=\"badge sra-\(f.assessment.rawValue)\">"
                    + HTMLEscape.escape(t("assessment_status.\(f.assessment.rawValue)")) + "</span>",
                markupLink(.dutyStationMeasures(f.id), ComplianceViews.percent(f.compliancePercent, t)),
                markupLink(
                    .dutyStationAgencies(f.id),
                    t(
                        "database.personnel_line", t.number(f.internationalStaff + f.nationalStaff),
                        t.number(f.dependants))),
            ]
            html += "<tr>" + cells.map { "<td>" + $0 + "</td>" }.joined() + "</tr>"
        }
        if rows.isEmpty { return .p(.class("empty"), .text(t("duty_station.none"))) }
        return .raw(html + "</tbody></table></div>")
    }
}
