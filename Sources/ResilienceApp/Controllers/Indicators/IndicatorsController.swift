import Fluent
import ResilienceCore
import Vapor

/// The indicators page and its API: every indicator for a unit in the person's reach, kept until
/// anything it counts changes.
struct IndicatorsController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(.GET, .indicators, .somewhere(.viewIndicators), use: page)
        routes.on(.GET, .apiIndicators, .somewhere(.viewIndicators), use: api)
    }

    /// The unit asked for (`?unit=`) if the person may read its indicators, else their widest
    /// reach (HQ for HQ); and the units they may choose.
    static func unit(_ req: Request) async throws -> (Unit, [Unit]) {
        let actor = try req.requireActor()
        let roots = try await UnitQueries.scopeRoots(actor, .viewIndicators, on: req.db).sorted { $0.depth < $1.depth }
        guard let first = roots.first else { throw Abort(.forbidden) }
        var choices = roots
        for root in roots where root.kind == .headquarters || root.kind == .region {
            choices += try await Unit.query(on: req.db).filter(\.$parent.$id == root.requireID())
                .filter(\.$kind ~~ [.region, .countryOperation]).filter(\.$retiredAt == nil).sort(\.$name).all()
        }
        guard let raw = req.query[String.self, at: "unit"], let id = UUID(uuidString: raw) else {
            return (first, choices)
        }
        guard let chosen = try await Unit.find(id, on: req.db), actor.may(.viewIndicators, on: chosen.unitPath) else {
            throw Abort(.notFound)
        }
        if !choices.contains(where: { $0.id == chosen.id }) { choices.append(chosen) }
        return (chosen, choices)
    }

    @Sendable func page(_ req: Request) async throws -> Response {
        let (unit, choices) = try await Self.unit(req)
        let t = req.localizer
        let unitID = try unit.requireID()
        let scopes: [DataScope] = [
            .under(.plans, unitID), .under(.activations, unitID), .under(.risks, unitID), .under(.security, unitID),
            .under(.dutyStations, unitID), .under(.personnel, unitID), .all(.units), .all(.snapshots),
            .all(.settings), .under(.travel, unitID),
        ]
        let choiceIDs = choices.compactMap(\.id).map(\.uuidString).joined(separator: ",")
        let body = try await req.rendered(["indicators", unitID.uuidString, choiceIDs], showing: scopes) {
            let page = IndicatorsPage(
                unit: unit, choices: choices,
                values: try await IndicatorService.values(of: unit, at: req.now, kept: req.kept, on: req.db),
                history: try await IndicatorService.history(of: unit, now: req.now, on: req.db))
            return page.body(t).render()
        }
        return Layout.response(for: req, title: t("indicators.title_of", unit.name), content: .raw(body))
    }

    @Sendable func api(_ req: Request) async throws -> [IndicatorDTO] {
        let (unit, _) = try await Self.unit(req)
        let values = try await IndicatorService.values(of: unit, at: req.now, kept: req.kept, on: req.db)
        let history = try await IndicatorService.history(of: unit, now: req.now, on: req.db)
        return Indicator.allCases.map { i in
            IndicatorDTO(
                code: i.rawValue, seed: i.seed, unitID: unit.id!, share: values[i]?.share, count: values[i]?.count ?? 0,
                total: values[i]?.total ?? 0,
                history: (history[i] ?? []).map { IndicatorDTO.Point(day: $0.day, value: $0.value) })
        }
    }
}

/// An indicator's value for a unit, with its history.
struct IndicatorDTO: Content {
    struct Point: Content { var day: String; var value: Double }
    var code: String; var seed: String; var unitID: UUID; var share: Double?; var count: Int; var total: Int
    var history: [Point]
}
