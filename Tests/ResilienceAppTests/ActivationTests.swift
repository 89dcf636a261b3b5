import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import ResilienceApp
@testable import ResilienceCore

/// A plan activated for a disruptive event, as the focal point runs it and HQ watches it.
@Suite struct ActivationTests {
    @Test func aFocalPointActivatesReportsAndClosesAndTheAfterActionNoteJoinsThePlan() async throws {
        try await withTestApp { app in
            let bangladesh = try await unit("BGD", app)
            let focal = Browser(app)
            #expect(try await focal.signIn("focal.bangladesh"))
            // Bad input comes back with what to fix, nothing saved.
            var response = try await focal.post(
                AppPath.unitActivations(bangladesh.id!).path,
                ["kind": "meteor", "startedAt": "2099-01-01T00:00", "places": ""])
            #expect(response.status == .unprocessableEntity)
            let page = response.body.string
            #expect(
                page.contains("Choose one of the listed options.") && page.contains("This time is in the future")
                    && page.contains("This field is required."))
            #expect(try await Activation.query(on: app.db).count() == 0)
            response = try await focal.post(
                AppPath.unitActivations(bangladesh.id!).path,
                ["kind": "flood", "startedAt": "2026-07-02T05:30", "places": "Cox's Bazar camps"])
            #expect(response.status == .seeOther)
            let activation = try #require(try await Activation.query(on: app.db).first())
            #expect(
                activation.status == .open
                    && activation.startedAt == ISO8601DateFormatter().date(from: "2026-07-02T05:30:00Z"))
            // The processes are those of the last final version, in recovery order.
            let processes = ActivationService.processes(activation)
            #expect(processes.first?.name == "Security communications and staff tracking" && processes.count == 4)
            #expect(
                try await focal.post(
                    AppPath.unitActivations(bangladesh.id!).path,
                    ["kind": "fire", "startedAt": "2026-07-02T06:00", "places": "Dhaka"]
                ).status == .unprocessableEntity)

            response = try await focal.post(
                AppPath.activationProcess(activation.id!, processes[1].id).path,
                ["state": "relocated", "note": "Team moved to Ukhia compound"])
            #expect(response.status == .seeOther)
            let reloaded = try #require(try await Activation.find(activation.id, on: app.db))
            #expect(ActivationService.states(reloaded)[processes[1].id] == .relocated)
            #expect(
                try await ActivationEntry.query(on: app.db).filter(\.$processID == processes[1].id).first()?.note
                    == "Team moved to Ukhia compound")
            #expect(
                try await focal.post(AppPath.activationProcess(activation.id!, processes[1].id).path, ["state": "gone"])
                    .status == .unprocessableEntity)

            // HQ watches the page refresh itself; the focal point's page does not (it has forms).
            let hq = Browser(app)
            #expect(try await hq.signIn("hq.oversight"))
            let watched = try await hq.get(AppPath.activation(activation.id!).path)
            #expect(watched.status == .ok && watched.body.string.contains("http-equiv=\"refresh\""))
            #expect(watched.body.string.contains("Relocated"))
            #expect(
                !(try await focal.get(AppPath.activation(activation.id!).path).body.string.contains(
                    "http-equiv=\"refresh\"")))

            #expect(
                try await focal.post(AppPath.activationClose(activation.id!).path, ["afterAction": ""]).status
                    == .unprocessableEntity)
            response = try await focal.post(
                AppPath.activationClose(activation.id!).path,
                ["afterAction": "Kits were at the office only; keep two at Ukhia."])
            #expect(response.status == .seeOther)
            let closed = try #require(try await Activation.find(activation.id, on: app.db))
            #expect(
                closed.status == .closed && closed.afterAction == "Kits were at the office only; keep two at Ukhia.")
            // The activation followed the plan in force, which stays as approved; the record joins
            // the draft being written for the next review, and the unit's last exercise is today.
            let activated = try #require(try await Plan.find(closed.$plan.id, on: app.db))
            #expect(activated.state == .inForce)
            #expect(
                !(try PlanCodec.decode(PlanContent.self, activated.content).exercises.contains {
                    $0.kind == .activation
                }))
            let draft = try #require(
                try await Plan.query(on: app.db).filter(\.$unit.$id == bangladesh.requireID()).filter(
                    \.$state == .draft
                ).first())
            let record = try #require(try PlanCodec.decode(PlanContent.self, draft.content).exercises.last)
            #expect(record.kind == .activation && record.findings == "Kits were at the office only; keep two at Ukhia.")
            let standing = try #require(
                try await PlanStanding.query(on: app.db).filter(\.$unitID == bangladesh.requireID()).first())
            #expect(standing.lastExercise.map { abs($0.timeIntervalSinceNow) < 60 } == true)
            #expect(
                try await focal.post(
                    AppPath.activationProcess(activation.id!, processes[0].id).path, ["state": "normal"]
                ).status == .unprocessableEntity)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$entityType == "activation").count() == 3)
        }
    }

    @Test func whoMayActivateAndWhoMayWatch() async throws {
        try await withTestApp { app in
            let bangladesh = try await unit("BGD", app)
            let activation = try await ActivationService.start(
                at: bangladesh, ActivationInput(kind: "cyber", startedAt: "2026-01-01T00:00", places: "Dhaka"),
                by: app.systemContext, now: app.clock.now, on: app.db)
            let contributor = Browser(app)
            #expect(try await contributor.signIn("contributor.bangladesh"))
            #expect(try await contributor.get(AppPath.activation(activation.id!).path).status == .ok)
            #expect(
                try await contributor.post(AppPath.activationClose(activation.id!).path, ["afterAction": "x"]).status
                    == .forbidden)
            let manager = Browser(app)
            #expect(try await manager.signIn("manager.bangladesh"))
            #expect(
                try await manager.post(AppPath.activationLog(activation.id!).path, ["note": "Staff accounted for"])
                    .status == .seeOther)
            let office = Browser(app)
            #expect(try await office.signIn("staff.coxsbazar"))
            #expect(try await office.get(AppPath.activation(activation.id!).path).status == .forbidden)
        }
    }

    @Test func theAPIRunsAnActivationToo() async throws {
        try await withTestApp { app in
            let bangladesh = try await unit("BGD", app)
            let headers = try await apiHeaders("focal.bangladesh", app)
            let started = try await app.testing().sendRequest(
                .POST, AppPath.apiUnitActivations(bangladesh.id!).path, headers: headers,
                body: ByteBuffer(string: #"{"kind":"pandemic","startedAt":"2026-03-01T08:00","places":"All offices"}"#))
            #expect(started.status == .created)
            let dto = try started.content.decode(ActivationsController.ActivationDTO.self)
            let reported = try await app.testing().sendRequest(
                .POST, AppPath.apiActivationProcess(dto.id, dto.processes[0].id).path, headers: headers,
                body: ByteBuffer(string: #"{"state":"remote","note":"Working from home"}"#))
            #expect(reported.status == .ok)
            #expect(
                try reported.content.decode(ActivationsController.ActivationDTO.self).processes[0].state == "remote")
            let bad = try await app.testing().sendRequest(
                .POST, AppPath.apiActivationClose(dto.id).path, headers: headers,
                body: ByteBuffer(string: #"{"afterAction":""}"#))
            #expect(bad.status == .unprocessableEntity)
        }
    }
}

/// The inbox, and e-mail through an SMTP server when one is configured.
@Suite struct InboxTests {
    @Test func anActivationReachesTheInboxesAboveAndTheirMailInTheirLanguage() async throws {
        try await withTestApp { app in
            let sink = try SMTPSink()
            defer { sink.stop() }
            app.appConfig.smtp = SMTPConfig(host: "127.0.0.1", port: sink.port, from: "resilience@example.org")
            // The regional reviewer reads Chinese.
            let reviewer = try await user("reviewer.asia", app)
            reviewer.language = "zh-Hans"
            try await reviewer.save(on: app.db)
            let bangladesh = try await unit("BGD", app)
            let focal = Browser(app)
            #expect(try await focal.signIn("focal.bangladesh"))
            #expect(
                try await focal.post(
                    AppPath.unitActivations(bangladesh.id!).path,
                    ["kind": "flood", "startedAt": "2026-07-02T05:30", "places": "Cox's Bazar"]
                ).status == .seeOther)
            // HQ oversight, the Asia reviewer, the senior manager; not the focal point who did it,
            // not the other regions.
            // (The demo's trips have put theirs in the security officers' inboxes already.)
            let items = try await InboxItem.query(on: app.db).filter(\.$kind == "activation_started").with(\.$user)
                .all()
            #expect(Set(items.map(\.user.username)) == ["hq.oversight", "reviewer.asia", "manager.bangladesh"])
            let mail = await sink.wait(for: 3)
            #expect(mail.count == 3)
            let chinese = try #require(mail.first { $0.to.contains("<reviewer.asia@example.org>") })
            let subject = "=?UTF-8?B?\(Data("Bangladesh 的计划已启动：Cox's Bazar。".utf8).base64EncodedString())?="
            #expect(chinese.data.contains("Subject: \(subject)"))
            #expect(chinese.data.contains("/activations/"))
            // Each entry is marked e-mailed after its message left: wait for that, up to 15 s on a busy machine.
            let started = InboxItem.query(on: app.db).filter(\.$kind == "activation_started")
            for _ in 0..<750 where try await started.copy().filter(\.$emailedAt == nil).count() > 0 {
                try await Task.sleep(nanoseconds: 20_000_000)
            }
            #expect(try await started.copy().filter(\.$emailedAt == nil).count() == 0)

            let hq = Browser(app)
            #expect(try await hq.signIn("hq.oversight"))
            #expect(try await hq.get(AppPath.home.path).body.string.contains("1 item in your inbox needs you."))
            let inbox = try await hq.get(AppPath.inbox.path).body.string
            #expect(
                inbox.contains("The plan of Bangladesh has been activated: Cox&#39;s Bazar.")
                    || inbox.contains("The plan of Bangladesh has been activated: Cox's Bazar."))
            #expect(try await hq.post(AppPath.inboxRead.path).status == .seeOther)
            #expect(try await Notifier.unreadCount(try await user("hq.oversight", app).requireID(), on: app.db) == 0)
        }
    }

    @Test func withoutAnSMTPServerTheInboxAloneWorksAndAnUnreachableServerLosesNothing() async throws {
        try await withTestApp { app in
            let bangladesh = try await unit("BGD", app)
            // A port nobody listens on.
            app.appConfig.smtp = SMTPConfig(host: "127.0.0.1", port: 9, from: "resilience@example.org")
            let headers = try await apiHeaders("manager.bangladesh", app)
            let started = try await app.testing().sendRequest(
                .POST, AppPath.apiUnitActivations(bangladesh.id!).path, headers: headers,
                body: ByteBuffer(string: #"{"kind":"fire","startedAt":"2026-03-01T08:00","places":"Dhaka office"}"#))
            #expect(started.status == .created)
            #expect(try await InboxItem.query(on: app.db).filter(\.$kind == "activation_started").count() == 3)
            let inbox = try await app.testing().sendRequest(
                .GET, AppPath.apiInbox.path, headers: try await apiHeaders("focal.bangladesh", app))
            #expect(inbox.status == .ok && inbox.body.string.contains("Dhaka office"))
        }
    }
}
