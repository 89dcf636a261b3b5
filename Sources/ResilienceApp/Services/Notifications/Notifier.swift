import Fluent
import Foundation
import ResilienceCore
import Vapor

/// Puts what needs people in their inboxes, and e-mails it when an SMTP server is configured.
/// The inbox entry is written first; mail is sent afterwards, off the request, and a failure to
/// send only leaves `emailed_at` empty.
enum Notifier {
    /// Active accounts holding one of `roles` on the unit or above it, except `except`.
    static func holders(of roles: Set<Role>, over unit: Unit, except: UUID?, on db: any Database) async throws -> [User]
    {
        let grants = try await RoleGrant.query(on: db).filter(\.$unit.$id ~~ unit.unitPath.ids).filter(
            \.$role ~~ Array(roles)
        )
        .filter(\.$revokedAt == nil).all()
        let ids = Array(Set(grants.map(\.$user.id)).subtracting(except.map { [$0] } ?? []))
        guard !ids.isEmpty else { return [] }
        return try await User.query(on: db).filter(\.$id ~~ ids).filter(\.$isActive == true).all()
    }

    static func notify(
        _ users: [User], kind: String, args: [String], link: String, unitID: UUID?, app: Application?,
        on db: any Database
    ) async throws {
        var items: [(InboxItem, User)] = []
        for user in users {
            let item = InboxItem()
            item.$user.id = try user.requireID()
            item.kind = kind
            item.args = PlanCodec.encode(args)
            item.link = link
            item.unitID = unitID
            item.id = UUID()
            items.append((item, user))
        }
        // One statement for all of them.
        if !items.isEmpty { try await items.map(\.0).create(on: db) }
        // Without the application (the demo's seed), the inbox only.
        guard let app, let smtp = app.appConfig.smtp else { return }
        let mail = items.compactMap { item, user -> (UUID, MailMessage)? in
            guard let email = user.email, !email.isEmpty else { return nil }
            let t = Localizer(code: user.language ?? Catalogue.fallbackCode)
            let text = t.catalogue.text("inbox.\(kind)", in: t.code, args)
            let url = (app.appConfig.publicURL ?? "") + link
            return (item.id!, MailMessage(to: email, subject: text, body: "\(text)\n\n\(url)\n\n— \(t("app.name"))"))
        }
        guard !mail.isEmpty else { return }
        let client = SMTPClient(config: smtp)
        let logger = app.logger
        let pool = app.threadPool
        let database = app.db
        Task.detached {
            for (id, message) in mail {
                do {
                    try await pool.runIfActive { try client.send(message) }
                    try await InboxItem.query(on: database).filter(\.$id == id).set(\.$emailedAt, to: Date()).update()
                } catch {
                    logger.warning("E-mail to \(message.to) not sent: \(error)")
                }
            }
        }
    }

    static func unreadCount(_ userID: UUID, on db: any Database) async throws -> Int {
        try await InboxItem.query(on: db).filter(\.$user.$id == userID).filter(\.$readAt == nil).count()
    }
}
