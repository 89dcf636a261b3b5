@preconcurrency import Plot
import Foundation
import ResilienceCore

/// The fields of a risk, for the add and change forms.
enum RiskForm {
    static func fields(_ form: FormState, _ t: Localizer) -> BodyNode {
        let ratings = [("", t("common.choose"))] + RiskRating.range.map { (String($0), t("risk.rating_\($0)", $0)) }
        return .group(
            FormField.select("kind", t("risk.kind"), form, options: RiskService.kinds().map { ($0, t("risk_kind.\($0)")) }),
            FormField.text("title", t("risk.title_field"), form, required: true),
            FormField.textarea("cause", t("risk.cause"), form, rows: 2),
            FormField.textarea("consequence", t("risk.consequence"), form, rows: 2),
            fieldset("field pair", t("risk.inherent"),
                     FormField.select("likelihood", t("risk.likelihood"), form, options: ratings),
                     FormField.select("impact", t("risk.impact"), form, options: ratings)),
            FormField.textarea("treatment", t("risk.treatment"), form, rows: 2),
            fieldset("field pair", t("risk.residual"),
                     FormField.select("residual_likelihood", t("risk.likelihood"), form, options: ratings),
                     FormField.select("residual_impact", t("risk.impact"), form, options: ratings)),
            FormField.text("owner", t("risk.owner"), form),
            FormField.select("status", t("field.status"), form, options: RiskStatus.allCases.map { ($0.rawValue, t("risk_status.\($0.rawValue)")) }),
            FormField.text("review_date", t("risk.review_date"), form, type: .date),
            FormField.select("source", t("risk.source"), form, options: RiskSource.allCases.map { ($0.rawValue, t("risk_source.\($0.rawValue)")) }))
    }
}

/// A unit's joint risk register (with every unit below it): heat maps before and after
/// treatment, the list (a cell of a heat map filters it), and the forms to add and import.
struct RiskRegisterPage {
    var unitID: UUID
    var unitName: String
    var matrix: RiskMatrix
    /// Counts per cell, before and after treatment.
    var inherent: [[Int]]
    var residual: [[Int]]
    var shown: [Risk]
    var info: PageInfo
    var unitNames: [UUID: String]
    var filter: RiskService.Filter
    var query: [(String, String?)]
    var inPlace: Bool
    var relevant: Set<String>
    var mayEdit: Bool
    var form: FormState
    var importForm: FormState
    var csrf: String
    var clock: PlanDue.Clock

    func body(_ t: Localizer) -> BodyNode {
        let kinds = RiskService.kinds().map { ($0, t("risk_kind.\($0)")) }
        return .group(
            .nav(.class("crumbs"), .attribute(named: "aria-label", value: t("unit.breadcrumbs")), .ul(.li(link(.unit(unitID), unitName)))),
            .p(.safe(t(inPlace ? "risk.in_place" : "risk.not_in_place")), .safe(" " + t("risk.relevant_now", kinds.filter { relevant.contains($0.0) }.map(\.1).joined(separator: ", ")))),
            .if(mayEdit, .element(named: "details", nodes: [.element(named: "summary", nodes: [.safe(t("risk.relevant_change"))]),
                postForm(AppPath.unitRiskKinds(unitID).path, csrf: csrf,
                         FormField.checkboxes("kinds", t("risk.relevant"), FormState(values: Dictionary(uniqueKeysWithValues: relevant.map { ("kinds-\($0)", "true") })),
                                              options: kinds),
                         FormField.submit(t("common.save")))])),
            .div(.class("charts"),
                 heatMap(t("risk.inherent"), "inherent", inherent, t),
                 heatMap(t("risk.residual"), "residual", residual, t)),
            .raw(legend(t)),
            .ul(.class("links"), .li(link(.unitRisksCSV(unitID), t("risk.export_csv"))),
                .if(query.contains { $0.1 != nil }, .li(link(.unitRisks(unitID), t("risk.show_all"))))),
            .element(named: "form", nodes: [.attribute(named: "action", value: AppPath.unitRisks(unitID).path),
                  .attribute(named: "method", value: "get"), .class("search"),
                  FormField.filter("kind", t("risk.kind"), filter.kind, [("", t("common.all"))] + RiskService.kinds().map { ($0, t("risk_kind.\($0)")) }),
                  FormField.filter("level", t("risk.level"), filter.level?.rawValue, [("", t("common.all"))] + RiskLevel.allCases.map { ($0.rawValue, t("risk_level.\($0.rawValue)")) }),
                  FormField.filter("status", t("field.status"), filter.status?.rawValue, [("", t("common.all"))] + RiskStatus.allCases.map { ($0.rawValue, t("risk_status.\($0.rawValue)")) }),
                  .button(.type(.submit), .safe(t("oversight.filter")))]),
            .p(.safe(filter.cell.map { t("risk.cell_filter", t($0.residual ? "risk.residual" : "risk.inherent"), $0.likelihood, $0.impact, info.total ?? 0) }
                     ?? t("risk.count", info.total ?? 0))),
            markupTable(caption: t("risk.list"),
                        headers: [t("risk.title_field"), t("risk.kind"), t("field.unit"), t("risk.inherent"), t("risk.residual"), t("risk.owner"),
                                  t("field.status"), t("risk.review_date")],
                        rows: shown.map { row($0, t) }, empty: t("risk.none")),
            pager(info, path: .unitRisks(unitID), query: query, t),
            .if(mayEdit, .group(
                .section(.class("narrow"), .h2(.safe(t("risk.add"))), FormField.summary(form),
                         postForm(AppPath.unitRisks(unitID).path, csrf: csrf, RiskForm.fields(form, t), FormField.submit(t("risk.add")))),
                .section(.class("narrow"), .h2(.safe(t("risk.import"))), .p(.class("hint"), .safe(t("risk.import_hint", RiskCSV.columns.joined(separator: ", ")))),
                         FormField.summary(importForm),
                         .element(named: "form", nodes: [
                            .attribute(named: "action", value: AppPath.unitRisksImport(unitID).path), .attribute(named: "method", value: "post"),
                            .attribute(named: "enctype", value: "multipart/form-data"), .class("stack"),
                            .input(.type(.hidden), .name(CSRFMiddleware.fieldName), .value(csrf)),
                            FormField.text("file", t("risk.import_file"), importForm, type: .file, required: true, keepValue: false),
                            FormField.submit(t("risk.preview")),
                         ]))))
        )
    }


    private func row(_ r: Risk, _ t: Localizer) -> [String] {
        func rating(_ rating: RiskRating?) -> String {
            guard let rating, let level = matrix.level(rating) else { return "—" }
            return "<span class=\"badge level-\(level.rawValue)\">" + HTMLEscape.escape(t("risk_level.\(level.rawValue)")) + "</span> \(rating.likelihood)×\(rating.impact)"
        }
        let review = RegisterRules.review(r.summary, clock: clock)
        let flag = review == .overdue || review == .dueSoon
            ? " <span class=\"badge \(review.rawValue)\">" + HTMLEscape.escape(t("standing.\(review.rawValue)")) + "</span>" : ""
        return [markupLink(.unitRisk(r.unitID, r.id!), r.title), HTMLEscape.escape(t("risk_kind.\(r.kind)")), HTMLEscape.escape(unitNames[r.unitID] ?? ""),
                rating(r.inherent), rating(r.residual), HTMLEscape.escape(r.owner ?? ""), HTMLEscape.escape(t("risk_status.\(r.status.rawValue)")),
                HTMLEscape.escape(t.date(r.reviewDate)) + flag]
    }

    static let colors: [RiskLevel: String] = [.low: "#cfe8d5", .medium: "#fbe7a8", .high: "#f6b98a", .veryHigh: "#e88a84"]

    /// A 5×5 heat map: likelihood up, impact across, each cell the level's colour with its count,
    /// linking to the list of its risks.
    /// The heat map's markup depends only on its counts, the matrix, the filter and the language:
    /// it is kept.
    private func heatMap(_ title: String, _ key: String, _ counts: [[Int]], _ t: Localizer) -> BodyNode {
        let id = [unitID.uuidString, key, t.code, filter.kind ?? "", filter.status?.rawValue ?? "",
                  filter.cell.map { "\($0.residual)\($0.likelihood)\($0.impact)" } ?? "", PlanCodec.encode(counts), PlanCodec.encode(matrix)].joined(separator: "|")
        return .raw(RenderCache.pages.cached("heatsvg|" + id) { heatMapMarkup(title, key, counts, t).render() })
    }

    private func heatMapMarkup(_ title: String, _ key: String, _ counts: [[Int]], _ t: Localizer) -> BodyNode {
        let size = 44.0, left = 34.0, top = 8.0
        let width = left + size * 5 + 8, height = top + size * 5 + 34
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart heat\" role=\"img\" viewBox=\"0 0 \(Charts.f(width)) \(Charts.f(height))\" width=\"\(Charts.f(width))\" height=\"\(Charts.f(height))\"><title>\(Charts.escape(title))</title>"
        for l in 1...5 {
            for i in 1...5 {
                let level = matrix.levels[l - 1][i - 1]
                let x = left + Double(i - 1) * size, y = top + Double(5 - l) * size
                let n = counts[l - 1][i - 1]
                let selected = filter.cell.map { $0.residual == (key == "residual") && $0.likelihood == l && $0.impact == i } ?? false
                let href = AppPath.unitRisks(unitID).with([("kind", filter.kind), ("status", filter.status?.rawValue),
                                                           ("rating", key), ("l", String(l)), ("i", String(i))])
                svg += "<a href=\"\(Charts.escape(href))\"><rect x=\"\(Charts.f(x))\" y=\"\(Charts.f(y))\" width=\"\(Charts.f(size - 2))\" height=\"\(Charts.f(size - 2))\" fill=\"\(Self.colors[level]!)\"\(selected ? " stroke=\"#1b2733\" stroke-width=\"3\"" : "")><title>\(Charts.escape(t("risk.cell_title", l, i, t("risk_level.\(level.rawValue)"), n)))</title></rect>"
                if n > 0 { svg += "<text x=\"\(Charts.f(x + size / 2 - 1))\" y=\"\(Charts.f(y + size / 2 + 4))\" font-size=\"13\" font-weight=\"600\" text-anchor=\"middle\">\(n)</text>" }
                svg += "</a>"
            }
            svg += "<text x=\"\(Charts.f(left - 6))\" y=\"\(Charts.f(top + Double(5 - l) * size + size / 2 + 3))\" font-size=\"10\" text-anchor=\"end\">\(l)</text>"
        }
        for i in 1...5 {
            svg += "<text x=\"\(Charts.f(left + Double(i - 1) * size + size / 2 - 1))\" y=\"\(Charts.f(top + size * 5 + 12))\" font-size=\"10\" text-anchor=\"middle\">\(i)</text>"
        }
        svg += "<text x=\"\(Charts.f(left))\" y=\"\(Charts.f(height - 4))\" font-size=\"10\">\(Charts.escape(t("risk.axes")))</text></svg>"
        return .element(named: "figure", nodes: [.raw(svg), .element(named: "figcaption", nodes: [.safe(title)])])
    }

    private func legend(_ t: Localizer) -> String {
        "<p class=\"legend\">" + RiskLevel.allCases.map { level in
            "<span><i style=\"background:\(Self.colors[level]!)\"></i>" + HTMLEscape.escape(t("risk_level.\(level.rawValue)")) + "</span>"
        }.joined(separator: " ") + "</p>"
    }
}

/// One risk, with its form when the person may change it.
struct RiskPage {
    var unitID: UUID
    var unitName: String
    var risk: Risk
    var matrix: RiskMatrix
    var mayEdit: Bool
    var form: FormState
    var csrf: String

    func body(_ t: Localizer) -> BodyNode {
        let inherent = matrix.level(risk.inherent).map { t("risk_level.\($0.rawValue)") } ?? "—"
        let residual = risk.residual.flatMap { matrix.level($0) }.map { t("risk_level.\($0.rawValue)") } ?? "—"
        return .group(
            .nav(.class("crumbs"), .attribute(named: "aria-label", value: t("unit.breadcrumbs")),
                 .ul(.li(link(.unit(unitID), unitName)), .li(link(.unitRisks(unitID), t("risk.register"))))),
            .dl(.class("facts"),
                .dt(.safe(t("risk.inherent"))), .dd(.safe(inherent)),
                .dt(.safe(t("risk.residual"))), .dd(.safe(residual)),
                .dt(.safe(t("plan.updated"))), .dd(.safe("\(t.dateTime(risk.updatedAt)) · \(risk.updatedByName ?? "")"))),
            .section(.class("narrow"), FormField.summary(form),
                     mayEdit ? postForm(AppPath.unitRisk(unitID, risk.id!).path, csrf: csrf, RiskForm.fields(form, t), FormField.submit(t("common.save")))
                             : fieldset("readonly", t("risk.details"), .element(named: "fieldset", nodes: [.attribute(named: "disabled", value: "disabled"), RiskForm.fields(form, t)])))
        )
    }
}

/// What an import would save: each row with its risk or its errors; saving is offered only when
/// every row is right, and nothing is saved until then.
struct RiskImportPage {
    var unitID: UUID
    var unitName: String
    var rows: [RiskCSV.Row]
    var text: String
    var csrf: String

    func body(_ t: Localizer) -> BodyNode {
        let bad = rows.filter { !$0.errors.isEmpty }
        return .group(
            .nav(.class("crumbs"), .attribute(named: "aria-label", value: t("unit.breadcrumbs")),
                 .ul(.li(link(.unit(unitID), unitName)), .li(link(.unitRisks(unitID), t("risk.register"))))),
            .p(.class(bad.isEmpty ? "notice" : "alert"), .attribute(named: "role", value: bad.isEmpty ? "status" : "alert"),
               .safe(bad.isEmpty ? t("risk.preview_ok", rows.count) : t("risk.preview_errors", bad.count, rows.count))),
            markupTable(caption: t("risk.preview_title"), headers: [t("risk.line"), t("risk.title_field"), t("risk.kind"), t("risk.inherent"), t("risk.problems")],
                        rows: rows.map { r in
                            let problems = r.errors.map { e in HTMLEscape.escape("\(e.field ?? ""): \(t.message(e))") }.joined(separator: "<br>")
                            return [String(r.line), HTMLEscape.escape(r.draft?.title ?? ""), HTMLEscape.escape(r.draft.map { t("risk_kind.\($0.kind)") } ?? ""),
                                    r.draft.map { "\($0.inherent.likelihood)×\($0.inherent.impact)" } ?? "", problems.isEmpty ? "✓" : "<span class=\"bad\">" + problems + "</span>"]
                        }, empty: t("risk.none")),
            .if(bad.isEmpty && !rows.isEmpty,
                postForm(AppPath.unitRisksImport(unitID).path, csrf: csrf,
                         .input(.type(.hidden), .name("csv"), .value(text)), .input(.type(.hidden), .name("confirm"), .value("1")),
                         FormField.submit(t("risk.import_confirm", rows.count)))),
            .p(link(.unitRisks(unitID), t("risk.import_cancel")))
        )
    }
}
