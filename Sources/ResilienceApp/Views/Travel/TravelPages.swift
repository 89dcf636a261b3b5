import Foundation
@preconcurrency import Plot
import ResilienceCore

/// The travel hub: the person's own trips and where to go for the rest (advisories, the
/// directory, and for officers and HQ their queues).
struct TravelHubPage {
    var personnelID: UUID?
    var trips: [TravelRequest]
    var mayClear: Bool
    var mayAdviseHQ: Bool
    var mayConfigure: Bool

    func body(_ t: Localizer) -> BodyNode {
        .group(
            .p(.class("intro"), .text(t("travel.intro"))),
            .ul(
                .class("links"),
                .li(link(.advisories, t("advisory.title"))), .li(link(.travelDirectory, t("directory.title"))),
                .if(mayClear, .li(link(.travelClearances, t("travel.queue_title")))),
                .if(
                    mayAdviseHQ,
                    .group(
                        .li(link(.travelAviation, t("aviation.title"))),
                        .li(link(.travelCases, t("travel.cases_title"))))),
                .if(mayConfigure, .li(link(.travelSettings, t("travel.settings_title"))))),
            .h2(.text(t("travel.my_trips"))),
            .unwrap(
                personnelID,
                { id in
                    .group(
                        .p(
                            .class("actions"), link(.personnelTripNew(id), t("travel.new")), .text(" · "),
                            link(.personnelTripsCalendar(id), t("travel.calendar"))),
                        TravelPages.tripsTable(trips, t))
                }, else: .p(.class("hint"), .text(t("travel.no_record")))))
    }
}

/// A person's trips, latest first.
struct PersonTripsPage {
    var person: Personnel
    var trips: [TravelRequest]
    var page: PageInfo
    var mayEnter: Bool

    func body(_ t: Localizer) -> BodyNode {
        let id = person.id!
        return .group(
            .p(
                .class("actions"), .if(mayEnter, .group(link(.personnelTripNew(id), t("travel.new")), .text(" · "))),
                link(.personnelTripsCalendar(id), t("travel.calendar")), .text(" · "),
                link(.personnel(id), t("travel.back_to_record"))),
            TravelPages.tripsTable(trips, t),
            keyPager(page, path: .personnelTrips(id), query: [], t))
    }
}

enum TravelPages {
    static func tripsTable(_ trips: [TravelRequest], _ t: Localizer) -> BodyNode {
        dataTable(
            caption: t("travel.trips"),
            headers: [t("travel.field.purpose"), t("travel.starts"), t("travel.ends"), t("travel.status")],
            rows: trips.map { r in
                [
                    link(.travelRequest(r.id!), r.purpose), .text(t.dateTime(r.startsAt)), .text(t.dateTime(r.endsAt)),
                    status(r, t),
                ]
            }, empty: t("travel.none"))
    }

    static func status(_ r: TravelRequest, _ t: Localizer) -> BodyNode {
        .span(.class("badge trip-\(r.status.rawValue)"), .text(t("travel.status.\(r.status.rawValue)")))
    }

    static func clearance(_ c: LegClearance, _ t: Localizer) -> BodyNode {
        .span(.class("badge leg-\(c.rawValue)"), .text(t("travel.clearance.\(c.rawValue)")))
    }

    /// `datetime-local` as browsers send and show it, in UTC.
    static func local(_ date: Date) -> String {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC")!
        let d = c.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02dT%02d:%02d", d.year!, d.month!, d.day!, d.hour!, d.minute!)
    }

    /// A duty station as the form's field takes it back.
    static func stationLabel(_ s: DutyStation) -> String { "\(s.name) (\(s.country))" }
}

/// The form of a trip: purpose, where they stay, who travels with them, and the legs.
struct TripForm {
    var person: Personnel
    var dependants: [Dependant]
    var operators: [AirOperator]
    var form: FormState
    var rows: Int

    func fields(_ t: Localizer) -> BodyNode {
        let means = TravelMeans.allCases.map { ($0.rawValue, t("travel.means.\($0.rawValue)")) }
        let ops =
            [("", "—")]
            + operators.map {
                ($0.id!.uuidString, "\($0.name) · \(t("aviation.suitability.\($0.suitability.rawValue)"))")
            }
        return .group(
            FormField.text("purpose", t("travel.field.purpose"), form, required: true),
            FormField.text(
                "accommodation", t("travel.field.accommodation"), form, hint: t("travel.accommodation_hint")),
            .if(
                !dependants.isEmpty,
                FormField.checkboxes(
                    "companion", t("travel.field.companions"), form,
                    options: dependants.map { ($0.id!.uuidString, $0.name) })),
            .p(.class("hint"), .text(t("travel.legs_hint"))),
            .forEach(1...rows) { n in
                fieldset(
                    "leg", t("travel.leg_n", String(n)),
                    .div(
                        .class("leg-grid"),
                        station("leg\(n)_from", t("travel.field.from"), t),
                        station("leg\(n)_to", t("travel.field.to"), t),
                        FormField.text(
                            "leg\(n)_departs", t("travel.field.departs"), form,
                            type: .init(rawValue: "datetime-local")!, hint: t("travel.utc_hint")),
                        FormField.text(
                            "leg\(n)_arrives", t("travel.field.arrives"), form, type: .init(rawValue: "datetime-local")!
                        ),
                        FormField.select("leg\(n)_means", t("travel.field.means"), form, options: means),
                        FormField.select("leg\(n)_operator", t("travel.field.operator"), form, options: ops),
                        FormField.text("leg\(n)_flight", t("travel.field.flight"), form, hint: t("travel.flight_hint")),
                        FormField.text(
                            "leg\(n)_to_place", t("travel.field.to_place"), form, hint: t("travel.place_hint")),
                        FormField.text("leg\(n)_to_latitude", t("travel.field.latitude"), form),
                        FormField.text("leg\(n)_to_longitude", t("travel.field.longitude"), form)))
            })
    }

    /// A duty station typed by name; where JavaScript runs, stations are offered as it is typed.
    private func station(_ name: String, _ label: String, _ t: Localizer) -> BodyNode {
        let error = form.errors[name]
        var attributes: [Attribute<HTML.InputContext>] = [
            .type(.text), .id("f-\(name)"), .name(name), .value(form[name]),
            .attribute(named: "autocomplete", value: "off"), .attribute(named: "list", value: "f-\(name)-list"),
            .attribute(named: "data-suggest", value: AppPath.dutyStationSuggestions.path),
        ]
        if error != nil {
            attributes.append(.attribute(named: "aria-invalid", value: "true"))
            attributes.append(.attribute(named: "aria-describedby", value: "f-\(name)-error"))
        }
        return FormField.wrap(
            name, label, error: error, hint: nil,
            .group(
                .selfClosedElement(named: "input", attributes: attributes),
                .element(named: "datalist", nodes: [.id("f-\(name)-list")])))
    }

    /// A request's values as its form shows them.
    static func values(
        _ r: TravelRequest, legs: [TravelLeg], stations: [UUID: DutyStation], companions: [UUID]
    ) -> [String: String] {
        var v = ["purpose": r.purpose, "accommodation": r.accommodation ?? ""]
        for c in companions { v["companion-\(c.uuidString)"] = "true" }
        for leg in legs {
            let n = leg.position
            v["leg\(n)_from"] = stations[leg.$fromStation.id].map(TravelPages.stationLabel) ?? ""
            v["leg\(n)_to"] = stations[leg.$toStation.id].map(TravelPages.stationLabel) ?? ""
            v["leg\(n)_departs"] = TravelPages.local(leg.departsAt)
            v["leg\(n)_arrives"] = TravelPages.local(leg.arrivesAt)
            v["leg\(n)_means"] = leg.means.rawValue
            v["leg\(n)_operator"] = leg.$airOperator.id?.uuidString ?? ""
            v["leg\(n)_flight"] = leg.flight ?? ""
            v["leg\(n)_to_place"] = leg.toPlace ?? ""
            v["leg\(n)_to_latitude"] = leg.toLatitude.map { String($0) } ?? ""
            v["leg\(n)_to_longitude"] = leg.toLongitude.map { String($0) } ?? ""
        }
        return v
    }
}

struct TripFormPage {
    var action: AppPath
    var tripForm: TripForm
    var csrf: String
    var submitLabel: String

    func body(_ t: Localizer) -> BodyNode {
        .section(
            .class("narrow"),
            .p(.class("intro"), .text(t("travel.form_intro", tripForm.person.name))),
            postForm(
                action.path, csrf: csrf, FormField.summary(tripForm.form), tripForm.fields(t),
                FormField.submit(submitLabel)))
    }
}
