import Fluent
@preconcurrency import Plot
import ResilienceCore
import Vapor

/// The answers that come without signing in: the personal link of an e-mail, and Kannel's calls.
extension RollCallsController {
    /// The entry and roll-call of a link, or nil for a forged, altered or expired one (the page
    /// then says the same whatever the reason, so a link tells nothing of who exists).
    private func linked(_ req: Request) async throws -> (RollCallEntry, RollCall, Personnel)? {
        let key = try await AnswerLinks.key(on: req.db)
        guard let token = req.parameters.get("token"), let id = AnswerLinks.entryID(from: token, key: key),
            let entry = try await RollCallEntry.find(id, on: req.db), entry.$dependant.id == nil,
            let call = try await RollCall.find(entry.$rollCall.id, on: req.db), call.closedAt == nil,
            let person = try await Personnel.find(entry.$personnel.id, on: req.db)
        else { return nil }
        return (entry, call, person)
    }

    private func invalidLink(_ req: Request) -> Response {
        Layout.response(
            for: req, title: req.localizer("answer.title"), status: .notFound,
            content: .p(.class("alert"), .text(req.localizer("answer.invalid"))))
    }

    @Sendable func answerPage(_ req: Request) async throws -> Response {
        guard let (entry, call, person) = try await linked(req) else { return invalidLink(req) }
        let others = try await RollCallEntry.query(on: req.db).filter(\.$rollCall.$id == call.requireID())
            .filter(\.$personnel.$id == person.requireID()).filter(\.$dependant.$id != nil).all()
        let names = Dictionary(
            try await Dependant.query(on: req.db).filter(\.$id ~~ Set(others.compactMap(\.$dependant.id))).all().map {
                ($0.id!, $0.name)
            }, uniquingKeysWith: { a, _ in a })
        let page = AnswerPage(
            title: call.title, person: person.name,
            dependants: others.map { ($0.id!, $0.$dependant.id.flatMap { names[$0] } ?? "—", $0.status) },
            current: entry.status, action: req.url.path, csrf: req.csrfToken)
        return Layout.response(for: req, title: req.localizer("answer.title"), content: page.body(req.localizer))
    }

    @Sendable func answer(_ req: Request) async throws -> Response {
        guard let (entry, call, _) = try await linked(req) else { return invalidLink(req) }
        let form = try req.content.decode([String: String].self)
        guard let status = form["status"].flatMap(AccountStatus.init(rawValue:)), [.safe, .needsHelp].contains(status)
        else {
            throw Abort(.badRequest)
        }
        var dependants: [UUID: AccountStatus] = [:]
        for (key, value) in form where key.hasPrefix("dependant-") {
            if let id = UUID(uuidString: String(key.dropFirst("dependant-".count))),
                let s = AccountStatus(rawValue: value), s != .notReached
            {
                dependants[id] = s
            }
        }
        try await RollCallService.answer(
            entry, in: call, status: status, note: form["note"], dependants: dependants, at: req.now, on: req.db)
        return Layout.response(
            for: req, title: req.localizer("answer.title"),
            content: .section(
                .class("narrow"),
                .p(
                    .class("status ok"), .attribute(named: "role", value: "status"),
                    .text(req.localizer(status == .safe ? "answer.thanks_safe" : "answer.thanks_help")))))
    }

    /// Kannel's sms-service calls this with each SMS: `secret`, `from` (%p) and `text` (%a).
    /// The body of the answer is the SMS sent back (nothing for an unknown number).
    @Sendable func inbound(_ req: Request) async throws -> Response {
        guard let config = req.application.appConfig.sms, let secret = req.query[String.self, at: "secret"],
            Self.same(secret, config.secret)
        else {
            throw Abort(.forbidden, reason: req.localizer("sms.secret_wrong"))
        }
        let from = req.query[String.self, at: "from"] ?? ""
        let text = req.query[String.self, at: "text"] ?? ""
        guard !from.isEmpty else { throw AppError.badRequest(req.localizer("sms.from_required")) }
        let reply = try await req.application.smsReplies.submit(.init(from: from, text: text, now: req.now))
        var headers = HTTPHeaders()
        headers.contentType = .plainText
        // Chinese goes back as UCS-2 (Kannel reads these headers with accept-x-kannel-headers).
        if let reply, reply.unicodeScalars.contains(where: { $0.value > 0x7E }) {
            headers.add(name: "X-Kannel-Coding", value: "2")
        }
        return Response(status: .ok, headers: headers, body: .init(string: reply ?? ""))
    }

    /// Kannel's delivery report: `secret`, `message` and `status` (%d).
    @Sendable func delivery(_ req: Request) async throws -> Response {
        guard let config = req.application.appConfig.sms, let secret = req.query[String.self, at: "secret"],
            Self.same(secret, config.secret)
        else {
            throw Abort(.forbidden, reason: req.localizer("sms.secret_wrong"))
        }
        guard let id = req.query[String.self, at: "message"].flatMap(UUID.init(uuidString:)),
            let status = req.query[Int.self, at: "status"]
        else { throw AppError.badRequest(req.localizer("sms.delivery_incomplete")) }
        try await RollCallMessenger.delivery(messageID: id, status: status, now: req.now, on: req.db)
        return Response(status: .noContent)
    }

    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    // MARK: API

    @Sendable func apiList(_ req: Request) async throws -> [RollCallDTO] {
        let unit = try await req.unitParameter()
        var out: [RollCallDTO] = []
        for c in try await RollCall.query(on: req.db).filter(\.$unit.$id == unit.requireID())
            .sort(\.$openedAt, .descending).limit(100).all()
        {
            out.append(RollCallDTO(c, try await RollCallService.figures(of: c, kept: req.kept, on: req.db)))
        }
        return out
    }

    @Sendable func apiOpen(_ req: Request) async throws -> Response {
        let unit = try await req.unitParameter()
        let b = try req.decodeJSON(RollCallInput.self)
        var form: [String: String] = [
            "title": b.title ?? "", "occurred_at": b.occurredAt ?? "", "first": b.channels?.first ?? "sms",
            "second": (b.channels?.count ?? 0) > 1 ? b.channels![1] : "",
            "second_after": b.secondAfterMinutes.map(String.init) ?? "",
            "repeat": b.repeatMinutes.map(String.init) ?? "",
        ]
        for id in b.areaIDs ?? [] { form["area-\(id.uuidString.lowercased())"] = "true" }
        for id in b.dutyStationIDs ?? [] { form["station-\(id.uuidString.lowercased())"] = "true" }
        if let r = b.radiusKm {
            form["radius"] = String(r); form["latitude"] = b.latitude.map { String($0) } ?? ""
            form["longitude"] = b.longitude.map { String($0) } ?? ""
        }
        let call = try await RollCallService.open(.init(form: form), for: unit, by: req.auditContext, on: req.db)
        Self.sendInBackground(call, req)
        return try await RollCallDTO(call, try await RollCallService.figures(of: call, kept: req.kept, on: req.db))
            .encodeResponse(status: .created, for: req)
    }

    @Sendable func apiShow(_ req: Request) async throws -> RollCallDTO {
        let call = try await req.rollCallParameter()
        return RollCallDTO(call, try await RollCallService.figures(of: call, kept: req.kept, on: req.db))
    }

    @Sendable func apiEntries(_ req: Request) async throws -> Paged<RollCallEntryDTO> {
        let call = try await req.rollCallParameter()
        let (page, per) = req.pageRequest
        var query = RollCallEntry.query(on: req.db).filter(\.$rollCall.$id == (try call.requireID()))
        if let raw = req.query[String.self, at: "status"], let status = AccountStatus(rawValue: raw) {
            query = query.filter(\.$status == status)
        }
        let rows = try await query.sort(\.$id).range((page - 1) * per..<page * per + 1).all()
        return Paged(
            items: rows.prefix(per).map(RollCallEntryDTO.init),
            metadata: PageInfo(page: page, per: per, total: nil, hasMore: rows.count > per))
    }

    @Sendable func apiMark(_ req: Request) async throws -> RollCallEntryDTO {
        let call = try await req.rollCallParameter()
        let entry = try await Self.entry(req, of: call)
        let b = try req.decodeJSON(MarkInput.self)
        let (status, method) = try Self.mark(b.status, b.method)
        try await RollCallService.mark(
            entry, in: call, as: status, method: method, note: b.note, by: req.auditContext, on: req.db)
        return RollCallEntryDTO(entry)
    }
}

extension RollCallsController {
    @Sendable func apiAddWarden(_ req: Request) async throws -> RollCallDTO {
        let call = try await req.rollCallParameter()
        let body = try req.decodeJSON(WardenInput.self)
        try await RollCallService.addWarden(
            call, username: body.username, stationID: body.dutyStationID, by: req.auditContext, on: req.db)
        return RollCallDTO(call, try await RollCallService.figures(of: call, kept: req.kept, on: req.db))
    }

    @Sendable func apiClose(_ req: Request) async throws -> RollCallDTO {
        let call = try await req.rollCallParameter()
        try await RollCallService.close(call, by: req.auditContext, on: req.db)
        return RollCallDTO(call, try await RollCallService.figures(of: call, kept: req.kept, on: req.db))
    }
}

/// A warden for a zone (a duty station of the roll-call), by user name.
struct WardenInput: Content { var username: String?; var dutyStationID: UUID? }

struct RollCallInput: Content {
    var title: String?; var occurredAt: String?; var areaIDs: [UUID]?; var dutyStationIDs: [UUID]?
    var latitude: Double?; var longitude: Double?; var radiusKm: Double?
    /// In order: `sms`, `email`.
    var channels: [String]?
    var secondAfterMinutes: Int?; var repeatMinutes: Int?
}

struct MarkInput: Content { var status: String?; var method: String?; var note: String? }

struct RollCallDTO: Content {
    var id: UUID; var title: String; var occurredAt: Date; var openedAt: Date; var closedAt: Date?
    /// The duty stations it covers (for a circle, those inside it).
    var dutyStationIDs: [UUID]
    var listed: Int; var counts: [String: Int]; var accountedPercent: Double?
    var secondsToHalf: Double?; var secondsToNinetyPercent: Double?; var secondsToAll: Double?
    init(_ c: RollCall, _ f: RollCallService.Figures) {
        id = c.id!; title = c.title; occurredAt = c.occurredAt; openedAt = c.openedAt; closedAt = c.closedAt
        dutyStationIDs = c.stationIDs.split(separator: ",").compactMap { UUID(uuidString: String($0)) }
        listed = f.total
        counts = Dictionary(uniqueKeysWithValues: AccountStatus.allCases.map { ($0.rawValue, f.counts[$0] ?? 0) })
        accountedPercent = f.progress.percent; secondsToHalf = f.progress.toHalf
        secondsToNinetyPercent = f.progress.toNinetyPercent; secondsToAll = f.progress.toAll
    }
}

struct RollCallEntryDTO: Content {
    var id: UUID; var personnelID: UUID; var dependantID: UUID?; var dutyStationID: UUID?; var status: String
    var method: String?; var markedAt: Date?
    init(_ e: RollCallEntry) {
        id = e.id!; personnelID = e.$personnel.id; dependantID = e.$dependant.id; dutyStationID = e.$station.id
        status = e.status.rawValue; method = e.method?.rawValue; markedAt = e.markedAt
    }
}
