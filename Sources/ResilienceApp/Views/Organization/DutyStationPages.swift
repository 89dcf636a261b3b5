import Foundation
@preconcurrency import Plot
import ResilienceCore

struct DutyStationPage {
    var station: UnitPage.Station
    var latitude: Double
    var longitude: Double
    var unitID: UUID
    var unitName: String
    /// The area's standing: everyone who may open the station reads its level; the area's own
    /// page is for those who may read the country's security.
    var area: AreaStanding
    var compliance: ComplianceShare
    /// How many agencies are present, and their personnel and dependants together.
    var headcount: (agencies: Int, people: Int)
    var mayViewArea: Bool
    var mayManage: Bool
    var csrf: String

    func body(_ t: Localizer) -> BodyNode {
        .group(
            .dl(
                .class("facts"),
                .dt(.text(t("field.unit"))), .dd(link(.unit(unitID), unitName)),
                .dt(.text(t("field.country"))), .dd(.text(station.country)),
                .dt(.text(t("field.area"))),
                .dd(mayViewArea ? link(.securityArea(area.area.id!), station.area) : .text(station.area)),
                .dt(.text(t("security.level"))), .dd(LevelViews.inForce(area.inForce, overdue: area.overdue, t)),
                .dt(.text(t("security.threats"))), .dd(.text(LevelViews.threats(area.inForce?.threatRatings, t))),
                .dt(.text(t("measures.compliance"))),
                .dd(link(.dutyStationMeasures(station.id), ComplianceViews.share(compliance, t))),
                .dt(.text(t("agencies.title"))),
                .dd(
                    link(
                        .dutyStationAgencies(station.id),
                        t("agencies.headcount_line", t.number(headcount.agencies), t.number(headcount.people)))),
                .dt(.text(t("field.coordinates"))), .dd(.text("\(t.decimal(latitude)), \(t.decimal(longitude))")),
                .dt(.text(t("field.status"))), .dd(.text(station.retired ? t("status.retired") : t("status.active")))),
            .if(
                mayManage && !station.retired,
                .ul(
                    .class("actions-bar"),
                    .li(link(.dutyStationEdit(station.id), t("duty_station.edit"))),
                    .li(link(.dutyStationRetire(station.id), t("duty_station.retire"))))))
    }
}

struct DutyStationFormPage {
    var action: String
    var form: FormState
    var csrf: String
    var submit: String

    func body(_ t: Localizer) -> BodyNode {
        .div(
            .class("narrow"),
            FormField.summary(form),
            postForm(
                action, csrf: csrf,
                FormField.text("name", t("field.name"), form, required: true),
                FormField.text("country", t("field.country"), form, required: true, hint: t("hint.country")),
                FormField.text("area", t("field.area"), form, required: true, hint: t("hint.area")),
                FormField.text("latitude", t("field.latitude"), form, required: true, hint: t("hint.latitude")),
                FormField.text("longitude", t("field.longitude"), form, required: true, hint: t("hint.longitude")),
                FormField.submit(submit)))
    }
}
