import Fluent
@preconcurrency import Plot
import ResilienceCore
import Vapor

/// The review of a plan, for pages and the API: moves through the cycle and feedback on items.
/// Which move a person may make is the core's `ReviewCycle`; the routes only need them to read the plan
/// (moves) or to hold the reviewing or editing action (feedback).
struct ReviewController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(.GET, .planReview(AppPath.any), .plan(.viewPlans), use: page)
        routes.on(.POST, .planReview(AppPath.any), .plan(.viewPlans), use: move)
        routes.on(.POST, .planFeedback(AppPath.any), .plan(.reviewPlans), use: openThread)
        routes.on(.POST, .planFeedbackAnswer(AppPath.any, AppPath.any), .plan(.editPlans)) {
            try await reply($0, .answer)
        }
        routes.on(.POST, .planFeedbackReply(AppPath.any, AppPath.any), .plan(.reviewPlans)) {
            try await reply($0, .reply)
        }
        routes.on(.POST, .planFeedbackResolve(AppPath.any, AppPath.any), .plan(.reviewPlans)) {
            try await reply($0, .resolve)
        }
        routes.on(.GET, .apiPlanReview(AppPath.any), .plan(.viewPlans), use: apiReview)
        routes.on(.POST, .apiPlanMoves(AppPath.any), .plan(.viewPlans), use: apiMove)
        routes.on(.POST, .apiPlanFeedback(AppPath.any), .plan(.reviewPlans), use: apiOpenThread)
        routes.on(.POST, .apiPlanFeedbackAnswer(AppPath.any, AppPath.any), .plan(.editPlans)) {
            try await apiReply($0, .answer)
        }
        routes.on(.POST, .apiPlanFeedbackReply(AppPath.any, AppPath.any), .plan(.reviewPlans)) {
            try await apiReply($0, .reply)
        }
        routes.on(.POST, .apiPlanFeedbackResolve(AppPath.any, AppPath.any), .plan(.reviewPlans)) {
            try await apiReply($0, .resolve)
        }
    }

    // MARK: Pages

    @Sendable func page(_ req: Request) async throws -> Response {
        // Opened from what the reviewer reads: the item and field to write about, chosen.
        var feedback = FormState()
        for name in ["item", "field"] {
            if let value = req.query[String.self, at: name] {
                // Items are named `section:id` with the id in lower case, as the list offers them.
                feedback.values[name] = name == "item" ? value.lowercased() : value
            }
        }
        return try await render(req, moveForm: FormState(), feedbackForm: feedback)
    }

    func render(_ req: Request, moveForm: FormState, feedbackForm: FormState) async throws -> Response {
        let plan = try await req.planParameter()
        let t = req.localizer
        let actor = try req.requireActor()
        let unit = try await req.loadUnit(plan.$unit.id)
        let frame = try await PlansController().frame(req, plan, "review")
        let threads = try await ReviewService.threadsWithMessages(of: plan, on: req.db)
        let history = try await ReviewService.moves(of: plan, on: req.db)
        let mayReview = actor.may(.reviewPlans, on: unit.unitPath)
        var itemChoices: [(value: String, label: String)] = [], fieldChoices: [ReviewPage.FieldChoice] = []
        var submittedContent: PlanContent?
        if let number = plan.submittedVersion, let version = try await PlanService.version(number, of: plan, on: req.db)
        {
            submittedContent = try await req.snapshot(version).content
        }
        if mayReview, plan.state.opensFeedback, let content = submittedContent {
            itemChoices = FeedbackTarget.choices(content, t: t)
            fieldChoices = FeedbackTarget.fields(content, chosen: feedbackForm["item"]).map {
                .init(value: $0.name, label: t.field($0.name), sections: $0.sections)
            }
        }
        var changes: String?
        if [.submitted, .inReview].contains(plan.state), let returned = plan.returnedVersion,
            let submitted = plan.submittedVersion, returned < submitted,
            let old = try await PlanService.version(returned, of: plan, on: req.db),
            let new = try await PlanService.version(submitted, of: plan, on: req.db)
        {
            let comparison = PlanComparison.of(
                try await req.snapshot(old).content,
                try await req.snapshot(new).content,
                key: "\(old.id!)|\(new.id!)", kept: req.kept)
            let compare = ComparePage(
                frame: frame, fromLabel: t("plan.version_n", returned), toLabel: t("plan.version_n", submitted),
                comparison: comparison)
            changes = await req.kept.value(KeptCache.Key(.page, ["compare", comparison.key, t.code])) {
                compare.changesBlock(t).render()
            }
        }
        let page = ReviewPage(
            frame: frame, submittedVersion: plan.submittedVersion, returnedVersion: plan.returnedVersion,
            moves: ReviewCycle.available(from: plan.state, grants: actor.grants, on: unit.unitPath),
            blocking: plan.state.isEditable
                ? try await req.snapshot(plan).checks.filter { $0.severity == .error } : [],
            threads: threads.map { th in
                ReviewPage.Thread(
                    id: th.id!,
                    label: FeedbackTarget.display(section: th.section, itemName: th.label, field: th.field, t),
                    version: th.version, state: th.state,
                    link: th.itemID.map {
                        AppPath.planItem(
                            plan.id!, th.section == .impact || th.section == .alternatives ? .processes : th.section, $0
                        )
                    }
                        ?? .planSection(plan.id!, th.section),
                    messages: th.messages.sorted { ($0.createdAt ?? .distantPast) < ($1.createdAt ?? .distantPast) }
                        .map {
                            .init(author: $0.authorName, fromReviewer: $0.fromReviewer, at: $0.createdAt, body: $0.body)
                        },
                    resolvedBy: th.resolvedByName)
            },
            history: history.map {
                .init(
                    at: $0.at, by: $0.actorName, move: $0.move, from: $0.from, to: $0.to, version: $0.version,
                    comment: $0.comment)
            },
            mayAnswer: plan.state.takesAnswers && actor.may(.editPlans, on: unit.unitPath),
            mayReview: mayReview && plan.state.takesReviewerReplies,
            mayOpen: mayReview && plan.state.opensFeedback,
            itemChoices: itemChoices, fieldChoices: fieldChoices, changesSinceReturned: changes,
            moveForm: moveForm, feedbackForm: feedbackForm, csrf: req.csrfToken)
        let title = "\(frame.unitName) · \(t("plan.cycle_title", frame.cycle)) · \(t("review.tab"))"
        return Layout.response(for: req, title: title, content: page.body(t))
    }

    @Sendable func move(_ req: Request) async throws -> Response {
        let plan = try await req.planParameter()
        let form = try req.content.decode([String: String].self)
        let unit = try await req.loadUnit(plan.$unit.id)
        return try await req.saveForm(
            values: form,
            {
                let made = try await ReviewService.move(
                    plan, form["move"], comment: form["comment"], by: Reviewer(req), unit: unit, now: req.now,
                    app: req.application, on: req.db)
                return req.redirect(to: AppPath.planReview(plan.id!).path, said: Said(made.move))
            }, reshow: { try await render(req, moveForm: $0, feedbackForm: FormState()) })
    }

    @Sendable func openThread(_ req: Request) async throws -> Response {
        let plan = try await req.planParameter()
        let form = try req.content.decode([String: String].self)
        return try await req.saveForm(
            values: form,
            {
                let thread = try await ReviewService.openThread(
                    plan, .init(item: form["item"], field: form["field"], body: form["body"]),
                    by: Reviewer(req), t: req.localizer, on: req.db)
                return req.redirect(
                    to: AppPath.planReview(plan.id!).path + "#thread-\(thread.id!.uuidString.lowercased())",
                    said: Said(.sent))
            }, reshow: { try await render(req, moveForm: FormState(), feedbackForm: $0) })
    }

    func reply(_ req: Request, _ kind: ReviewService.Reply) async throws -> Response {
        let plan = try await req.planParameter()
        guard let id = req.parameters.get("threadID").flatMap(UUID.init(uuidString:)) else { throw Abort(.notFound) }
        let form = try req.content.decode([String: String].self)
        return try await req.saveForm(
            values: [:],
            {
                try await ReviewService.reply(
                    plan, thread: id, kind, body: form["body"], by: Reviewer(req), on: req.db)
                return req.redirect(
                    to: AppPath.planReview(plan.id!).path + "#thread-\(id.uuidString.lowercased())", said: Said(.sent))
            },
            reshow: { form in
                var form = form
                form.summary = form.errors.values.first
                return try await render(req, moveForm: form, feedbackForm: FormState())
            })
    }

    // MARK: API

    struct ReviewDTO: Content {
        struct ThreadDTO: Content {
            struct MessageDTO: Content { var author: String; var fromReviewer: Bool; var at: Date?; var body: String }
            var id: UUID; var version: Int; var section: String; var itemID: UUID?; var field: String?;
            var label: String
            var state: String; var messages: [MessageDTO]
        }
        struct MoveDTO: Content {
            var move: String; var from: String; var to: String; var version: Int?; var comment: String?; var by: String;
            var at: Date
        }
        var planID: UUID; var state: String; var submittedVersion: Int?; var returnedVersion: Int?
        var approvedAt: Date?; var dueAt: Date?; var standing: String
        var availableMoves: [String]; var threads: [ThreadDTO]; var history: [MoveDTO]
    }

    func dto(_ req: Request, _ plan: Plan) async throws -> ReviewDTO {
        let actor = try req.requireActor()
        let unit = try await req.loadUnit(plan.$unit.id)
        let threads = try await ReviewService.threadsWithMessages(of: plan, on: req.db)
        return ReviewDTO(
            planID: plan.id!, state: plan.state.rawValue, submittedVersion: plan.submittedVersion,
            returnedVersion: plan.returnedVersion,
            approvedAt: plan.approvedAt, dueAt: plan.dueAt,
            standing: PlanDue.standing(dueAt: plan.dueInForce, now: req.now).rawValue,
            availableMoves: ReviewCycle.available(from: plan.state, grants: actor.grants, on: unit.unitPath).map(
                \.rawValue),
            threads: threads.map { th in
                .init(
                    id: th.id!, version: th.version, section: th.section.rawValue, itemID: th.itemID, field: th.field,
                    label: FeedbackTarget.display(
                        section: th.section, itemName: th.label, field: th.field, req.localizer),
                    state: th.state.rawValue,
                    messages: th.messages.sorted { ($0.createdAt ?? .distantPast) < ($1.createdAt ?? .distantPast) }
                        .map {
                            .init(author: $0.authorName, fromReviewer: $0.fromReviewer, at: $0.createdAt, body: $0.body)
                        })
            },
            history: try await ReviewService.moves(of: plan, on: req.db).map {
                .init(
                    move: $0.move.rawValue, from: $0.from.rawValue, to: $0.to.rawValue, version: $0.version,
                    comment: $0.comment, by: $0.actorName, at: $0.at)
            })
    }

    @Sendable func apiReview(_ req: Request) async throws -> ReviewDTO {
        try await dto(req, try await req.planParameter())
    }

    struct MoveBody: Content { var move: String?; var comment: String? }

    @Sendable func apiMove(_ req: Request) async throws -> ReviewDTO {
        let plan = try await req.planParameter()
        let body = try req.decodeJSON(MoveBody.self)
        try await ReviewService.move(
            plan, body.move, comment: body.comment, by: Reviewer(req),
            unit: try await req.loadUnit(plan.$unit.id), now: req.now, app: req.application, on: req.db)
        return try await dto(req, plan)
    }

    @Sendable func apiOpenThread(_ req: Request) async throws -> Response {
        let plan = try await req.planParameter()
        let body = try req.decodeJSON(ReviewService.FeedbackInput.self)
        try await ReviewService.openThread(plan, body, by: Reviewer(req), t: req.localizer, on: req.db)
        return try await dto(req, plan).encodeResponse(status: .created, for: req)
    }

    struct ReplyBody: Content { var body: String? }

    func apiReply(_ req: Request, _ kind: ReviewService.Reply) async throws -> ReviewDTO {
        let plan = try await req.planParameter()
        guard let id = req.parameters.get("threadID").flatMap(UUID.init(uuidString:)) else { throw Abort(.notFound) }
        let body = try req.decodeJSON(ReplyBody.self)
        try await ReviewService.reply(
            plan, thread: id, kind, body: body.body, by: Reviewer(req), on: req.db)
        return try await dto(req, plan)
    }
}
