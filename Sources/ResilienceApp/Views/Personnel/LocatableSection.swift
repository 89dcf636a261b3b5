import Foundation
@preconcurrency import Plot
import ResilienceCore

/// Seed 003's "personnel and dependants locatable" for a unit: its figure, each unit right below
/// it, and each of its security areas.
struct LocatableSection {
    var unit: Unit
    var all: PersonnelReads.Located
    var children: [(Unit, PersonnelReads.Located)]
    var areas: [(String, PersonnelReads.Located)]

    func body(_ t: Localizer) -> BodyNode {
        func cells(_ l: PersonnelReads.Located) -> [BodyNode] {
            [.text(Self.share(l.personnel, t)), .text(Self.share(l.dependants, t))]
        }
        let headers = [t("personnel.locatable_personnel"), t("personnel.locatable_dependants")]
        return .section(
            .h2(.text(t("personnel.locatable_of", unit.name))),
            .p(
                .text(PersonnelListPage.share(t, "personnel.located_personnel", all.personnel)), .text(" · "),
                .text(PersonnelListPage.share(t, "personnel.located_dependants", all.dependants)), .text(" · "),
                link(.unitReconciliation(unit.id!), t("personnel.open_reconciliation"))),
            .if(
                !children.isEmpty,
                dataTable(
                    caption: t("personnel.locatable_of", unit.name), headers: [t("field.unit")] + headers,
                    rows: children.map { u, l in [link(.unitPersonnel(u.id!), u.name)] + cells(l) }, empty: "")),
            .if(
                !areas.isEmpty,
                dataTable(
                    caption: t("personnel.locatable_by_area"), headers: [t("security.area")] + headers,
                    rows: areas.map { name, l in [.text(name)] + cells(l) }, empty: "")))
    }

    /// "3 of 9 (33%)", or a dash when nobody is counted.
    static func share(_ pair: (Int, Int), _ t: Localizer) -> String {
        guard let percent = Locatability.share(pair.0, of: pair.1) else { return "—" }
        return t(
            "personnel.share", t.number(pair.0), t.number(pair.1), t("common.percent", Int(percent.rounded(.down))))
    }
}
