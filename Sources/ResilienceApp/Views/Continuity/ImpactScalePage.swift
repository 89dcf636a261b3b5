import Foundation
@preconcurrency import Plot
import ResilienceCore

/// The impact scale as a form: the ladder as hours, one category per line, the tolerance.
enum ImpactScaleForm {
    static func values(_ scale: ImpactScale) -> FormState {
        FormState(values: [
            "ladder": scale.ladderHours.map { PlanChecks.hours($0) }.joined(separator: ", "),
            "categories": scale.categories.map { code in
                ([code] + ["en", "zh-Hans"].map { scale.labels[code]?[$0] ?? "" }).joined(separator: " | ")
                    .trimmingCharacters(in: CharacterSet(charactersIn: " |"))
            }.joined(separator: "\n"),
            "tolerance": String(scale.tolerance),
        ])
    }

    static func parse(_ form: [String: String]) throws -> ImpactScale {
        var v = ValidationCollector()
        var ladder: [Double] = []
        for part in (form["ladder"] ?? "").split(whereSeparator: { $0 == "," || $0 == " " || $0 == "，" })
        where !part.isEmpty {
            guard let hours = Double(part), hours.isFinite else {
                v.add(DomainError(.notANumber, field: "ladder")); break
            }
            ladder.append(hours)
        }
        var categories: [String] = [], labels: [String: [String: String]] = [:]
        for line in (form["categories"] ?? "").split(whereSeparator: \.isNewline) {
            let parts = line.split(separator: "|", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard let code = parts.first, !code.isEmpty else { continue }
            categories.append(code)
            var names: [String: String] = [:]
            if parts.count > 1, !parts[1].isEmpty { names["en"] = String(parts[1].prefix(100)) }
            if parts.count > 2, !parts[2].isEmpty { names["zh-Hans"] = String(parts[2].prefix(100)) }
            if !names.isEmpty { labels[code] = names }
        }
        let tolerance = try v.check { try TextRules.integer(form["tolerance"], field: "tolerance", in: 1...4) }
        try v.finish()
        return try ImpactScale(ladderHours: ladder, categories: categories, tolerance: tolerance!, labels: labels)
    }
}

struct ImpactScalePage {
    var form: FormState
    var saved: Bool
    var csrf: String

    func body(_ t: Localizer) -> BodyNode {
        .div(
            .class("narrow"),
            .p(.safe(t("scale.intro"))),
            .if(saved, .p(.class("notice"), .attribute(named: "role", value: "status"), .safe(t("common.saved")))),
            FormField.summary(form),
            postForm(
                AppPath.impactScale.path, csrf: csrf,
                FormField.text("ladder", t("scale.ladder"), form, required: true, hint: t("scale.ladder_hint")),
                FormField.textarea(
                    "categories", t("scale.categories"), form, rows: 7, hint: t("scale.categories_hint")),
                FormField.select(
                    "tolerance", t("scale.tolerance"), form,
                    options: (1...4).map { (String($0), t("scale.tolerance_option", $0)) }),
                FormField.submit(t("common.save"))))
    }
}

/// The critical processes with their analysis, for spreadsheets: UTF-8 with a byte-order mark so
/// that spreadsheet programs read Chinese names right.
enum PlanCSV {
    static func field(_ value: String) -> String {
        var v = value
        // A cell starting like a formula is written as text.
        if let first = v.first, "=+-@".contains(first) { v = "'" + v }
        if v.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return v
    }

    static func processes(_ snapshot: PlanSnapshot, _ t: Localizer) -> String {
        let scale = snapshot.scale
        let ordered = ImpactAnalysis.recoveryOrder(snapshot.content.processes, scale: scale)
        var header = [
            "recovery_order", "process", "criteria", "programme_criticality", "classification", "minimum_staff",
            "named_staff",
            "rto_hours", "mtpd_hours", "tier", "driving_category", "rto_exceeds_mtpd", "alternatives", "dependencies",
        ]
        for c in scale.categories { for h in scale.ladderHours { header.append("\(c)@\(PlanChecks.hours(h))h") } }
        var lines = [header.joined(separator: ",")]
        for (i, p) in ordered.enumerated() {
            let a = ImpactAnalysis.analyse(p, scale: scale)
            let criteria: String = p.criteria.map(\.rawValue).sorted().joined(separator: ";")
            let pc: String = p.programmeCriticality?.rawValue.uppercased() ?? ""
            let classification: String = p.classification?.rawValue ?? ""
            let staff: String = p.staff.map(\.name).joined(separator: ";")
            let rto: String = a.rtoHours.map { PlanChecks.hours($0) } ?? ""
            let mtpd: String = a.mtpdHours.map { PlanChecks.hours($0) } ?? ""
            let tier: String = a.tier?.rawValue ?? ""
            let driving: String = a.drivingCategory ?? ""
            let alternatives: String = p.alternatives.joined(separator: ";")
            let dependencies: String = p.dependencies.map(\.name).joined(separator: ";")
            var row: [String] = [
                String(i + 1), p.name, criteria, pc, classification, String(p.minimumStaffCount), staff,
            ]
            row += [rto, mtpd, tier, driving, a.rtoExceedsMTPD ? "yes" : "no", alternatives, dependencies]
            for c in scale.categories {
                for k in scale.ladderHours.indices {
                    row.append(((p.impact[c] ?? [])[safe: k] ?? nil).map(String.init) ?? "")
                }
            }
            lines.append(row.map(field).joined(separator: ","))
        }
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }

    /// Rows of cells as a CSV file, the first row the header.
    static func document(_ rows: [[String]]) -> String {
        "\u{FEFF}" + rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }
}
