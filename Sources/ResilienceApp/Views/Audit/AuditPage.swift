import Foundation
@preconcurrency import Plot
import ResilienceCore

/// The audit trail: who did what, when, with the fields before and after.
struct AuditPage {
    struct Row {
        var at: Date; var actor: String?; var actorID: UUID?; var action: AuditAction; var entity: String;
        var summary: String
        var before: [String: String]; var after: [String: String]
    }
    var rows: [Row]
    var info: PageInfo
    var filter: String?
    var query: [(String, String?)]
    /// Units and people the entries refer to by id, by name.
    var names: [UUID: String] = [:]

    func body(_ t: Localizer) -> BodyNode {
        .group(
            .unwrap(filter) { .p(.text(t("audit.filtered", $0))) },
            dataTable(
                caption: t("nav.audit"),
                headers: [t("audit.when"), t("audit.who"), t("audit.action"), t("audit.record"), t("audit.changes")],
                rows: rows.map { r in
                    [
                        .text(t.dateTime(r.at)), .text(AuditReading(t: t, names: names).actor(r.actor, id: r.actorID)),
                        .text(t("audit.action.\(r.action.rawValue)")),
                        .text(
                            "\(t("audit.entity.\(r.entity)")): \(AuditReading(t: t, names: names).summary(entity: r.entity, r.summary))"
                        ), changes(r, t),
                    ]
                }, empty: t("audit.none")),
            pager(info, path: .audit, query: query, t))
    }

    private func changes(_ row: Row, _ t: Localizer) -> BodyNode {
        let lines = AuditReading(t: t, names: names).lines(entity: row.entity, before: row.before, after: row.after)
        if lines.isEmpty { return .text("") }
        return .ul(
            .class("changes"),
            .forEach(lines) { line in
                .li(
                    .strong(.text(line.label)), .text(": "),
                    .element(named: "del", nodes: [.text(line.before.isEmpty ? "∅" : line.before)]),
                    .text(" → "),
                    .element(named: "ins", nodes: [.text(line.after.isEmpty ? "∅" : line.after)]))
            })
    }
}
