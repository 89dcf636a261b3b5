import Foundation
@preconcurrency import Plot
import ResilienceCore

/// A plan's review: where it stands, the moves the reader may make, the feedback threads on the
/// items of the submitted version, what changed since the version last returned, and the history.
struct ReviewPage {
    struct Message { var author: String; var fromReviewer: Bool; var at: Date?; var body: String }
    struct Thread {
        var id: UUID; var label: String; var version: Int; var state: FeedbackState; var link: AppPath?
        var messages: [Message]; var resolvedBy: String?
    }
    struct Move {
        var at: Date; var by: String; var move: ReviewMove; var from: ReviewState; var to: ReviewState;
        var version: Int?; var comment: String?
    }

    var frame: PlanFrame
    var submittedVersion: Int?
    var returnedVersion: Int?
    var moves: [ReviewMove]
    /// The errors that block submission, while the reader may submit.
    var blocking: [PlanCheck]
    var threads: [Thread]
    var history: [Move]
    /// May answer threads (an editor, while the plan is returned).
    var mayAnswer: Bool
    /// May write in threads and resolve them (a reviewer).
    var mayReview: Bool
    /// May open threads: a reviewer while the plan is in review.
    var mayOpen: Bool
    var itemChoices: [(value: String, label: String)]
    /// A field feedback may name, with the sections whose items have it.
    struct FieldChoice { var value: String; var label: String; var sections: [String] }
    var fieldChoices: [FieldChoice]
    /// What changed since the returned version, rendered.
    var changesSinceReturned: String?
    var moveForm: FormState
    var feedbackForm: FormState
    var csrf: String

    func body(_ t: Localizer) -> BodyNode {
        let id = frame.planID
        return .group(
            frame.header(t),
            .p(.safe(t("review.state_intro.\(frame.state.rawValue)"))),
            .unwrap(submittedVersion) { n in
                .p(.safe(t("review.submitted_version", n) + " "), link(.planVersion(id, n), t("plan.version_n", n)))
            },
            .if(
                !moves.isEmpty,
                .section(
                    .class("narrow"), .h2(.safe(t("review.your_move_title"))),
                    .unwrap(moveForm.errors["move"] ?? moveForm.summary) {
                        .p(.class("alert"), .attribute(named: "role", value: "alert"), .text($0))
                    },
                    .if(
                        moves.contains(.submit) && !blocking.isEmpty,
                        .group(
                            // After a refused submission the alert above already says it.
                            .if(
                                moveForm.errors["move"] == nil,
                                .p(.class("hint"), .safe(t("plan.submit_blocked", blocking.count)))),
                            PlanPages.checkList(blocking, planID: id, t))),
                    postForm(
                        AppPath.planReview(id).path, csrf: csrf,
                        FormField.textarea(
                            "comment", t("review.move_comment"), moveForm, rows: 3,
                            hint: moves.contains(.returnWithFeedback)
                                ? t("review.comment_hint_return") : t("review.comment_hint")),
                        .div(
                            .class("actions"),
                            .forEach(moves) { move in
                                .button(
                                    .type(.submit), .name("move"), .value(move.rawValue),
                                    .class(move == .returnWithFeedback || move == .withdraw ? "" : "primary"),
                                    .text(t("review.move.\(move.rawValue)")))
                            })))),
            .unwrap(changesSinceReturned) { rendered in
                .section(
                    .class("since-returned"), .h2(.safe(t("review.changes_since", returnedVersion ?? 0))),
                    .p(
                        .a(
                            .href(
                                AppPath.planCompare(id).with([
                                    ("from", String(returnedVersion ?? 0)), ("to", String(submittedVersion ?? 0)),
                                ])),
                            .safe(t("review.compare_side_by_side")))),
                    .raw(rendered))
            },
            .section(
                .h2(.safe(t("review.feedback"))),
                .if(threads.isEmpty, .p(.safe(t("review.no_feedback")))),
                .forEach(threads) { thread($0, t) }),
            .if(
                mayOpen,
                .section(
                    .class("narrow"), .id("new-thread"), .h2(.safe(t("review.new_thread"))),
                    FormField.summary(feedbackForm),
                    postForm(
                        AppPath.planFeedback(id).path, csrf: csrf,
                        FormField.select("item", t("review.item"), feedbackForm, options: itemChoices),
                        fieldSelect(t),
                        FormField.textarea("body", t("review.message"), feedbackForm, rows: 3),
                        FormField.submit(t("review.open_thread"))))),
            .section(
                .h2(.safe(t("review.history"))),
                dataTable(
                    caption: t("review.history"),
                    headers: [
                        t("review.when"), t("plan.by"), t("review.move"), t("plan.version"), t("review.comment"),
                    ],
                    rows: history.map { m in
                        [
                            .safe(t.dateTime(m.at)), .text(m.by),
                            .safe("\(t("review.move.\(m.move.rawValue)")) → \(t("plan_status.\(m.to.rawValue)"))"),
                            .safe(m.version.map { t("plan.version_n", $0) } ?? ""), .text(m.comment ?? ""),
                        ]
                    }, empty: t("review.no_history")))
        )
    }

    /// The fields of the item chosen, by their labels; each option says which sections' items have
    /// it, so that where JavaScript runs the list follows the item as it is chosen.
    private func fieldSelect(_ t: Localizer) -> BodyNode {
        let error = feedbackForm.errors["field"]
        return .div(
            .class(error == nil ? "field" : "field invalid"),
            .label(.for("f-field"), .text(t("review.field"))),
            .select(
                .attribute(named: "id", value: "f-field"), .attribute(named: "name", value: "field"),
                .attribute(named: "data-follows", value: "f-item"),
                .attribute(
                    named: "aria-describedby", value: error == nil ? "f-field-hint" : "f-field-error f-field-hint"),
                .element(
                    named: "option",
                    nodes: [
                        .attribute(named: "value", value: "", ignoreIfValueIsEmpty: false),
                        .text(t("review.whole_item")),
                    ]),
                .forEach(fieldChoices) { choice in
                    .element(
                        named: "option",
                        nodes: [
                            .attribute(named: "value", value: choice.value),
                            .attribute(named: "data-sections", value: choice.sections.joined(separator: " ")),
                            .if(
                                feedbackForm["field"] == choice.value, .attribute(named: "selected", value: "selected")),
                            .text(choice.label),
                        ])
                }),
            .unwrap(error) { .p(.class("error"), .id("f-field-error"), .text($0)) },
            .p(.class("hint"), .id("f-field-hint"), .text(t("review.field_hint"))))
    }

    private func thread(_ thread: Thread, _ t: Localizer) -> BodyNode {
        let id = frame.planID
        let open = thread.state != .resolved
        return .article(
            .class("thread \(thread.state.rawValue)"), .id("thread-\(thread.id.uuidString.lowercased())"),
            .h3(
                .span(.class("badge \(thread.state.rawValue)"), .safe(t("feedback_state.\(thread.state.rawValue)"))),
                .text(" "),
                .unwrap(thread.link, { link($0, thread.label) }, else: .text(thread.label)),
                .span(.class("hint"), .safe(" · " + t("plan.version_n", thread.version)))),
            .ol(
                .class("messages"),
                .forEach(thread.messages) { m in
                    .li(
                        .class(m.fromReviewer ? "reviewer" : "answer"),
                        .p(
                            .class("meta"), .text(m.author),
                            .safe(
                                " · " + t(m.fromReviewer ? "review.reviewer" : "review.focal") + " · "
                                    + t.dateTime(m.at))),
                        .p(.text(m.body)))
                }),
            .unwrap(thread.resolvedBy) { .p(.class("hint"), .safe(t("review.resolved_by", $0))) },
            .if(
                open && (mayAnswer || mayReview),
                postForm(
                    AppPath.planFeedbackAnswer(id, thread.id).path, csrf: csrf,
                    .div(
                        .class("field"),
                        .label(
                            .for("body-\(thread.id)"), .safe(t(mayAnswer ? "review.your_answer" : "review.your_reply"))),
                        .element(
                            named: "textarea",
                            nodes: [
                                .attribute(named: "id", value: "body-\(thread.id)"),
                                .attribute(named: "name", value: "body"), .attribute(named: "rows", value: "2"),
                            ])),
                    .div(
                        .class("actions"),
                        .if(
                            mayAnswer,
                            .button(
                                .type(.submit), .class("primary"),
                                .attribute(named: "formaction", value: AppPath.planFeedbackAnswer(id, thread.id).path),
                                .safe(t("review.answer")))),
                        .if(
                            mayReview,
                            .group(
                                .button(
                                    .type(.submit),
                                    .attribute(
                                        named: "formaction", value: AppPath.planFeedbackReply(id, thread.id).path),
                                    .safe(t("review.reply"))),
                                .button(
                                    .type(.submit), .class("primary"),
                                    .attribute(
                                        named: "formaction", value: AppPath.planFeedbackResolve(id, thread.id).path),
                                    .safe(t("review.resolve")))))))))
    }
}
