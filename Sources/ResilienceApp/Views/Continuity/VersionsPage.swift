import Foundation
@preconcurrency import Plot
import ResilienceCore

/// The versions of a plan (one per submission for review) and the form to compare two.
struct VersionsPage {
    struct Row { var number: Int; var at: Date?; var by: String; var note: String? }
    var frame: PlanFrame
    var rows: [Row]

    func body(_ t: Localizer) -> BodyNode {
        let id = frame.planID
        return .group(
            frame.header(t),
            dataTable(
                caption: t("plan.versions"),
                headers: [t("plan.version"), t("plan.finalized_at"), t("plan.by"), t("plan.version_note"), ""],
                rows: rows.map { r in
                    [
                        link(.planVersion(id, r.number), t("plan.version_n", r.number)), .safe(t.dateTime(r.at)),
                        .safe(r.by), .safe(r.note ?? ""),
                        .a(
                            .href(AppPath.planCompare(id).with([("from", String(r.number)), ("to", "draft")])),
                            .safe(t("plan.compare_with_draft"))),
                    ]
                }, empty: t("plan.no_versions")),
            .if(
                rows.count >= 2,
                .form(
                    .action(AppPath.planCompare(id).path), .method(.get), .class("search"),
                    .label(.for("f-from"), .safe(t("plan.compare_from"))),
                    .select(
                        .attribute(named: "id", value: "f-from"), .attribute(named: "name", value: "from"),
                        .forEach(rows.dropFirst()) { option(String($0.number), t("plan.version_n", $0.number)) }),
                    .label(.for("f-to"), .safe(t("plan.compare_to"))),
                    .select(
                        .attribute(named: "id", value: "f-to"), .attribute(named: "name", value: "to"),
                        .forEach(rows) { option(String($0.number), t("plan.version_n", $0.number)) },
                        option("draft", t("plan.working_copy"), selected: true)),
                    .button(.type(.submit), .safe(t("plan.compare")))))
        )
    }
}
