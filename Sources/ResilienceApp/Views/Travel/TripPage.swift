import Foundation
@preconcurrency import Plot
import ResilienceCore

/// One trip: who, why, the legs and their clearance, and in one place every reason behind a
/// decision (level, advisories, training, operator, flight cap, protection) so the traveller knows
/// what to fix. The forms each reader may use: submit with the advisories acknowledged, change,
/// cancel; clear or refuse a leg; HQ's aviation advice, flight approval, protection assessment.
struct TripPage {
    var request: TravelRequest
    var traveller: Personnel
    var companions: [String]
    var facts: TripFacts
    /// Others booked on each leg's flight, by leg id (for officers).
    var onFlight: [UUID: [String]]
    var mayOwn: Bool
    var decidable: Set<UUID>
    var mayHQ: Bool
    /// The form that came back with errors, by its `form` value, and its state.
    var failed: String?
    var form: FormState
    var csrf: String

    func state(_ name: String) -> FormState { failed == name ? form : FormState() }

    func body(_ t: Localizer) -> BodyNode {
        let id = request.id!
        let open = request.status != .cancelled
        return .group(
            .dl(
                .class("facts"),
                .dt(.text(t("travel.status"))), .dd(TravelPages.status(request, t)),
                .dt(.text(t("travel.traveller"))), .dd(link(.personnel(traveller.id!), traveller.name)),
                .dt(.text(t("travel.field.companions"))),
                .dd(.text(companions.isEmpty ? "—" : companions.joined(separator: ", "))),
                .dt(.text(t("travel.field.purpose"))), .dd(.text(request.purpose)),
                .dt(.text(t("travel.field.accommodation"))), .dd(.text(request.accommodation ?? "—")),
                .dt(.text(t("travel.requested_by"))), .dd(.text(request.requestedByName)),
                .dt(.text(t("travel.kind"))), .dd(.text(t(request.oneWay ? "travel.one_way" : "travel.return")))),
            reasons(t),
            legsTable(t),
            .if(request.status == .draft || (request.status == .refused && request.refusal == nil), submitForm(t, id)),
            .if(!decidable.isEmpty && request.status == .submitted, decisionForms(t, id)),
            .if(mayHQ, hqForms(t, id)),
            .if(
                mayOwn && open,
                .section(
                    .class("narrow"), .h2(.text(t("travel.change_or_cancel"))),
                    .p(.class("hint"), .text(t("travel.change_hint"))),
                    .p(.class("actions"), link(.travelRequestEdit(id), t("travel.change"))),
                    postForm(
                        AppPath.travelRequestCancel(id).path, csrf: csrf, FormField.summary(state("cancel")),
                        .input(.type(.hidden), .name("form"), .value("cancel")),
                        .unwrap(state("cancel").errors["cancel"]) {
                            .p(.class("error"), .id("f-cancel-error"), .text($0))
                        },
                        FormField.checkbox("confirm", t("travel.cancel_confirm"), state("cancel")),
                        .div(.class("actions"), .button(.type(.submit), .class("danger"), .text(t("travel.cancel")))))))
        )
    }

    /// Everything that decides the trip, in one list.
    private func reasons(_ t: Localizer) -> BodyNode {
        var items: [Node<HTML.ListContext>] = []
        for f in facts.legs {
            let n = String(f.leg.position)
            let area = f.area?.name(in: t.code) ?? f.to.name
            if let level = f.level {
                let needs = level >= facts.rules.clearanceLevel
                items.append(
                    .li(
                        .class(needs ? "warn" : "ok"),
                        .text(
                            t(
                                needs ? "travel.reason.level_needs" : "travel.reason.level_fine", n, f.to.name, area,
                                String(level), String(facts.rules.clearanceLevel)))))
            } else {
                items.append(.li(.text(t("travel.reason.no_level", n, f.to.name))))
            }
            for a in f.advisories {
                items.append(
                    .li(
                        .class(a.requiresClearance ? "warn" : ""),
                        .text(
                            t(
                                a.requiresClearance ? "travel.reason.advisory_needs" : "travel.reason.advisory", n,
                                a.title(t.code), t("advisory.severity.\(a.severity.rawValue)")))))
            }
            if let op = f.airOperator {
                switch op.suitability {
                case .notApproved:
                    items.append(
                        .li(
                            .class(f.leg.advisedAt == nil ? "bad" : "warn"),
                            .text(
                                f.leg.advisedAt == nil
                                    ? t("travel.reason.operator_waits", n, op.name)
                                    : t("travel.reason.operator_advised", n, op.name, f.leg.advice ?? ""))))
                case .restricted:
                    items.append(
                        .li(
                            .class("warn"),
                            .text(t("travel.reason.operator_restricted", n, op.name, op.restrictions ?? "—"))))
                case .approved: break
                }
            }
            if let flight = f.leg.flight, ClearanceRules.overCap(booked: f.booked, cap: facts.rules.flightCap) {
                items.append(
                    .li(
                        .class(f.leg.flightApprovedAt == nil ? "bad" : "warn"),
                        .text(
                            t(
                                f.leg.flightApprovedAt == nil
                                    ? "travel.reason.flight_over" : "travel.reason.flight_approved", n,
                                flight, t.number(f.booked), t.number(facts.rules.flightCap)))))
            }
        }
        for traveller in facts.travellers {
            for s in traveller.shortfalls {
                let course = t("travel.course.\(s.course.rawValue)")
                items.append(
                    .li(
                        .class("bad"),
                        .text(
                            s.expiredOn.map { t("travel.reason.training_expired", traveller.name, course, t.date($0)) }
                                ?? t("travel.reason.training_missing", traveller.name, course))))
            }
        }
        if request.seniorOfficial {
            let assessed = facts.travelCase?.assessedAt != nil
            items.append(
                .li(
                    .class(assessed ? "ok" : "warn"),
                    .text(assessed ? t("travel.reason.protection_assessed") : t("travel.reason.protection_waits"))))
        }
        if let refusal = request.refusal {
            items.append(.li(.class("bad"), .text(t("travel.reason.refused", refusal))))
        }
        return .section(
            .class("reasons"), .attribute(named: "aria-labelledby", value: "reasons-title"),
            .h2(.id("reasons-title"), .text(t("travel.reasons_title"))),
            .if(
                request.status == .refused && request.refusal == nil,
                .p(
                    .class("alert"), .text(t("travel.refused_training") + " "),
                    .a(
                        .href(AppPath.personnelTrips(traveller.id!).path + "#training"),
                        .text(t("travel.renew_training"))))),
            items.isEmpty ? .p(.text(t("travel.reason.none"))) : .ul(.class("reasons"), .group(items)))
    }

    private func legsTable(_ t: Localizer) -> BodyNode {
        // A draft, or a trip refused for training, has not asked for clearance yet.
        let asked = request.status != .draft && !(request.status == .refused && request.refusal == nil)
        return dataTable(
            caption: t("travel.legs"),
            headers: [
                "#", t("travel.field.from"), t("travel.field.to"), t("travel.field.departs"), t("travel.field.arrives"),
                t("travel.field.means"), t("travel.clearance_title"),
            ],
            rows: facts.legs.map { f in
                let leg = f.leg
                let how = [
                    t("travel.means.\(leg.means.rawValue)"), f.airOperator?.name, leg.flight,
                ].compactMap { $0 }.joined(separator: " · ")
                var decided: [String] = []
                if let by = leg.decidedByName { decided.append(t("travel.decided_by", by, t.dateTime(leg.decidedAt))) }
                if let c = leg.conditions { decided.append(t("travel.conditions_are", c)) }
                if let r = leg.refusalReason { decided.append(t("travel.reason_is", r)) }
                return [
                    .text(String(leg.position)), .text(f.from.name + (leg.fromPlace.map { " · \($0)" } ?? "")),
                    .text(f.to.name + (leg.toPlace.map { " · \($0)" } ?? "")), .text(t.dateTime(leg.departsAt)),
                    .text(t.dateTime(leg.arrivesAt)), .text(how),
                    .group(
                        asked
                            ? TravelPages.clearance(leg.clearance, t)
                            : .span(.class("badge trip-draft"), .text(t("travel.clearance.not_asked"))),
                        .forEach(decided) { .span(.class("hint block"), .text($0)) }),
                ]
            }, empty: t("travel.none"))
    }

    private func submitForm(_ t: Localizer, _ id: UUID) -> BodyNode {
        let s = state("submit")
        return .section(
            .class("narrow"), .h2(.text(t("travel.submit_title"))),
            postForm(
                AppPath.travelRequestSubmit(id).path, csrf: csrf, FormField.summary(s),
                .input(.type(.hidden), .name("form"), .value("submit")),
                facts.advisories.isEmpty
                    ? .p(.class("hint"), .text(t("travel.no_advisories")))
                    : fieldset(
                        s.errors["acknowledge"] == nil ? "field checks" : "field checks invalid",
                        t("travel.advisories_to_read"),
                        .forEach(facts.advisories) { a in
                            .div(
                                .class("advisory severity-\(a.severity.rawValue)"),
                                .h3(.text(a.title(t.code))),
                                .p(
                                    .class("hint"),
                                    .text(
                                        t("advisory.severity.\(a.severity.rawValue)") + " · "
                                            + t(
                                                "advisory.valid", t.date(a.validFrom),
                                                a.validUntil.map { t.date($0) } ?? "—"))),
                                .p(.text(a.text(t.code))),
                                .div(
                                    .class("check"),
                                    .input(
                                        .type(.checkbox), .id("f-ack-\(a.id!.uuidString)"),
                                        .name("ack-\(a.id!.uuidString)"),
                                        .value("true"), .checked(s["ack-\(a.id!.uuidString)"] == "true")),
                                    .label(.for("f-ack-\(a.id!.uuidString)"), .text(t("travel.acknowledge")))))
                        },
                        .unwrap(s.errors["acknowledge"]) { .p(.class("error"), .id("f-acknowledge-error"), .text($0)) }),
                FormField.submit(t(request.status == .refused ? "travel.submit_again" : "travel.submit"))))
    }

    private func decisionForms(_ t: Localizer, _ id: UUID) -> BodyNode {
        .section(
            .h2(.text(t("travel.decide_title"))),
            .forEach(facts.legs.filter { decidable.contains($0.leg.id!) && $0.leg.clearance == .pending }) { f in
                let legID = f.leg.id!
                let s = state("decision-\(legID.uuidString)")
                return .div(
                    .class("narrow decision"),
                    .h3(.text(t("travel.leg_to", String(f.leg.position), f.to.name))),
                    .unwrap(onFlight[legID]) { names in
                        .p(
                            .class("hint"),
                            .text(t("travel.on_flight", f.leg.flight ?? "", names.joined(separator: ", "))))
                    },
                    .if(
                        !f.blockers.isEmpty,
                        .ul(.forEach(f.blockers) { .li(.class("bad"), .text(t("travel.blocker.\($0.rawValue)"))) })),
                    .unwrap(s.errors["decision"]) { .p(.class("error"), .id("f-decision-error"), .text($0)) },
                    postForm(
                        AppPath.travelLegDecision(id, legID).path, csrf: csrf, FormField.summary(s),
                        .input(.type(.hidden), .name("form"), .value("decision-\(legID.uuidString)")),
                        FormField.textarea("conditions", t("travel.field.conditions"), s, rows: 2),
                        FormField.textarea(
                            "reason", t("travel.field.reason"), s, rows: 2, hint: t("travel.reason_hint")),
                        .div(
                            .class("actions"),
                            .button(
                                .type(.submit), .name("decision"), .value("clear"), .class("primary"),
                                .text(t("travel.clear"))),
                            .button(
                                .type(.submit), .name("decision"), .value("refuse"), .class("danger"),
                                .text(t("travel.refuse"))))))
            })
    }

    private func hqForms(_ t: Localizer, _ id: UUID) -> BodyNode {
        let advice = facts.legs.filter { $0.leg.adviceRequestedAt != nil && $0.leg.advisedAt == nil }
        let flights = facts.legs.filter {
            $0.leg.flightApprovedAt == nil && ClearanceRules.overCap(booked: $0.booked, cap: facts.rules.flightCap)
        }
        let caseForm = state("case")
        return .group(
            .forEach(advice) { f in
                let s = state("advice-\(f.leg.id!.uuidString)")
                return .section(
                    .class("narrow"),
                    .h2(.text(t("aviation.advice_for", String(f.leg.position), f.airOperator?.name ?? ""))),
                    postForm(
                        AppPath.travelLegAdvice(id, f.leg.id!).path, csrf: csrf, FormField.summary(s),
                        .input(.type(.hidden), .name("form"), .value("advice-\(f.leg.id!.uuidString)")),
                        FormField.textarea("advice", t("aviation.field.advice"), s, rows: 3),
                        FormField.submit(t("aviation.give_advice"))))
            },
            .forEach(flights) { f in
                .section(
                    .class("narrow"), .h2(.text(t("travel.flight_approval_for", f.leg.flight ?? ""))),
                    .p(
                        .text(
                            t(
                                "travel.reason.flight_over", String(f.leg.position), f.leg.flight ?? "",
                                t.number(f.booked), t.number(facts.rules.flightCap)))),
                    .unwrap(state("flight-\(f.leg.id!.uuidString)").errors["flight"]) {
                        .p(.class("error"), .id("f-flight-error"), .text($0))
                    },
                    postForm(
                        AppPath.travelLegFlight(id, f.leg.id!).path, csrf: csrf,
                        .input(.type(.hidden), .name("form"), .value("flight-\(f.leg.id!.uuidString)")),
                        FormField.submit(t("travel.approve_flight"))))
            },
            .unwrap(facts.travelCase) { c in
                .section(
                    .class("narrow"), .id("case"), .h2(.text(t("travel.case_title"))),
                    .if(
                        c.assessedAt != nil,
                        .p(
                            .text(
                                t(
                                    "travel.case_assessed", t("travel.threat.\(c.threat?.rawValue ?? "low")"),
                                    c.protection ?? "",
                                    c.assessedByName ?? "", t.dateTime(c.assessedAt))))),
                    postForm(
                        AppPath.travelCase(id).path, csrf: csrf, FormField.summary(caseForm),
                        .input(.type(.hidden), .name("form"), .value("case")),
                        FormField.select(
                            "threat", t("travel.field.threat"), caseForm,
                            options: [("", "—")]
                                + ProtectionThreat.allCases.map { ($0.rawValue, t("travel.threat.\($0.rawValue)")) }),
                        FormField.textarea("protection", t("travel.field.protection"), caseForm, rows: 3),
                        FormField.submit(t("travel.assess"))))
            })
    }
}
