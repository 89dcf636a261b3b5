import Foundation
@preconcurrency import Plot
import ResilienceCore

/// The audit trail: who did what, when, with the fields before and after.
struct AuditPage {
    struct Row {
        var at: Date; var actor: String; var action: AuditAction; var entity: String; var summary: String
        var before: [String: String]; var after: [String: String]
    }
    var rows: [Row]
    var info: PageInfo
    var filter: String?
    var query: [(String, String?)]

    func body(_ t: Localizer) -> BodyNode {
        .group(
            .unwrap(filter) { .p(.text(t("audit.filtered", $0))) },
            dataTable(
                caption: t("nav.audit"),
                headers: [t("audit.when"), t("audit.who"), t("audit.action"), t("audit.record"), t("audit.changes")],
                rows: rows.map { r in
                    [
                        .text(t.dateTime(r.at)), .text(r.actor), .text(t("audit.action.\(r.action.rawValue)")),
                        .text("\(t("audit.entity.\(r.entity)")): \(r.summary)"), changes(r, t),
                    ]
                }, empty: t("audit.none")),
            pager(info, path: .audit, query: query, t))
    }

    private func changes(_ row: Row, _ t: Localizer) -> BodyNode {
        let fields = Set(row.before.keys).union(row.after.keys).sorted()
        if fields.isEmpty { return .text("") }
        return .ul(
            .class("changes"),
            .forEach(fields) { field in
                .li(
                    .element(named: "code", nodes: [.text(field)]), .text(": "),
                    .element(named: "del", nodes: [.text(row.before[field].map { $0.isEmpty ? "∅" : $0 } ?? "∅")]),
                    .text(" → "),
                    .element(named: "ins", nodes: [.text(row.after[field].map { $0.isEmpty ? "∅" : $0 } ?? "∅")]))
            })
    }
}
