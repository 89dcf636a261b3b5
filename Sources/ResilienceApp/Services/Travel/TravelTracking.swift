import Fluent
import Foundation
import ResilienceCore
import Vapor

/// Tracking follows the trip: once a cleared leg has left, its traveller (and the dependants with
/// them) are where the leg goes, confirmed by the itinerary at its departure. So they count as
/// locatable while travelling and appear in a roll-call at the destination; a one-way trip leaves
/// them at its last destination until they confirm or travel again, and a return trip brings them
/// home. A confirmation given after the leg left is never overwritten.
enum TravelTracking {
    /// Moves the travellers of every cleared leg that has left by `now` and was not yet followed.
    static func follow(at now: Date, on db: any Database) async throws {
        let legs = try await TravelLeg.query(on: db).filter(\.$trackedAt == nil).filter(\.$departsAt <= now)
            .join(TravelRequest.self, on: \TravelLeg.$request.$id == \TravelRequest.$id)
            .filter(TravelRequest.self, \.$status == .cleared)
            .sort(\.$departsAt).limit(5000).all()
        try await move(legs, at: now, on: db)
    }

    /// The same for one request, as soon as it is cleared (a trip already under way).
    static func follow(_ request: TravelRequest, at now: Date, on db: any Database) async throws {
        guard request.status == .cleared else { return }
        let legs = try await TravelLeg.query(on: db).filter(\.$request.$id == request.requireID())
            .filter(\.$trackedAt == nil).filter(\.$departsAt <= now).sort(\.$departsAt).all()
        try await move(legs, at: now, on: db)
    }

    private static func move(_ legs: [TravelLeg], at now: Date, on db: any Database) async throws {
        guard !legs.isEmpty else { return }
        let requestIDs = Array(Set(legs.map(\.$request.id)))
        let requests = Dictionary(
            try await TravelRequest.query(on: db).filter(\.$id ~~ requestIDs).all().map { ($0.id!, $0) },
            uniquingKeysWith: { a, _ in a })
        let companions = Dictionary(
            grouping: try await TravelCompanion.query(on: db).filter(\.$request.$id ~~ requestIDs).all(),
            by: { $0.$request.id })
        try await db.transaction { db in
            // In departure order: the latest leg of a trip decides where its traveller is.
            for leg in legs {
                guard let request = requests[leg.$request.id] else { continue }
                let place: Coordinates? =
                    if let la = leg.toLatitude, let lo = leg.toLongitude {
                        try? Coordinates(latitude: la, longitude: lo)
                    } else { nil }
                let at = leg.departsAt
                try await Personnel.query(on: db).filter(\.$id == request.$personnel.id)
                    .group(.or) { $0.filter(\.$locationConfirmedAt == nil).filter(\.$locationConfirmedAt < at) }
                    .set(\.$locationStation.$id, to: leg.$toStation.id).set(\.$locationLatitude, to: place?.latitude)
                    .set(\.$locationLongitude, to: place?.longitude).set(\.$locationConfirmedAt, to: at)
                    .set(\.$locationSource, to: .travel).update()
                let dependants = (companions[request.id!] ?? []).map(\.$dependant.id)
                if !dependants.isEmpty {
                    try await Dependant.query(on: db).filter(\.$id ~~ dependants)
                        .group(.or) { $0.filter(\.$locationConfirmedAt == nil).filter(\.$locationConfirmedAt < at) }
                        .set(\.$locationStation.$id, to: leg.$toStation.id)
                        .set(\.$locationLatitude, to: place?.latitude).set(\.$locationLongitude, to: place?.longitude)
                        .set(\.$locationConfirmedAt, to: at).set(\.$locationSource, to: .travel).update()
                }
                try await TravelLeg.query(on: db).filter(\.$id == leg.id!).set(\.$trackedAt, to: now).update()
            }
            // Whereabouts are personnel data: the pages that count who can be located change.
            for unitID in Set(requests.values.map(\.$unit.id)) {
                try await DataVersions.bump(.personnel, unitID: unitID, on: db)
            }
        }
    }

    /// Every minute while serving, with the roll-call messages.
    static func schedule(_ app: Application) {
        let task = Task.detached {
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(60))
                guard !Task.isCancelled else { break }
                do {
                    try await follow(at: app.clock.now, on: app.db)
                } catch {
                    app.logger.warning("Trips not followed: \(error)")
                }
            }
        }
        app.lifecycle.use(OversightService.TaskStopper(task: task))
    }
}
