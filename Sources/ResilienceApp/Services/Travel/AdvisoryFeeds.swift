import Foundation
import ResilienceCore

/// Advisories as other systems read them: each as a Common Alerting Protocol 1.2 alert, and all
/// in force as an Atom feed whose entries link to their alerts.
enum AdvisoryFeeds {
    static let capNamespace = "urn:oasis:names:tc:emergency:cap:1.2"

    /// CAP's language tags (RFC 3066) for the interface's languages.
    static func capLanguage(_ code: String) -> String {
        switch code {
        case "zh-Hans": "zh-CN"
        case "en": "en-US"
        default: code
        }
    }

    /// One CAP 1.2 alert: an `info` block per language, the area by name, country code and, for a
    /// duty station, a point (a circle of radius 0).
    static func cap(
        _ a: Advisory, placeName: [String: String], point: Coordinates?, sender: String, link: String,
        catalogue: Catalogue
    ) -> String {
        let x = FeedText.xml
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<alert xmlns=\"\(capNamespace)\">\n"
        out += "  <identifier>\(x("resilience-advisory-\(a.id!.uuidString.lowercased())"))</identifier>\n"
        out += "  <sender>\(x(sender))</sender>\n"
        // Changed since it was published (saved again after its creation), or withdrawn: an Update
        // or a Cancel that refers to the first alert.
        let changed = (a.updatedAt ?? .distantPast).timeIntervalSince(a.createdAt ?? .distantFuture) > 1
        let sent = a.withdrawnAt ?? (changed ? a.updatedAt! : a.publishedAt)
        out += "  <sent>\(FeedText.cap(sent))</sent>\n"
        out += "  <status>Actual</status>\n"
        out += "  <msgType>\(a.withdrawnAt != nil ? "Cancel" : changed ? "Update" : "Alert")</msgType>\n"
        out += "  <scope>Restricted</scope>\n"
        out += "  <restriction>Personnel of the organization and their dependants</restriction>\n"
        if a.withdrawnAt != nil || changed {
            let first = "resilience-advisory-\(a.id!.uuidString.lowercased())"
            out += "  <references>\(x("\(sender),\(first),\(FeedText.cap(a.publishedAt))"))</references>\n"
        }
        let titles = NameSet.decode(a.titles)
        for language in catalogue.languages
        where titles[language.code] != nil || language.code == Catalogue.fallbackCode {
            let code = language.code
            out += "  <info>\n"
            out += "    <language>\(capLanguage(code))</language>\n"
            out += "    <category>Security</category>\n"
            out += "    <event>\(x(catalogue.text("advisory.event", in: code, [])))</event>\n"
            out += "    <urgency>\(a.validFrom > sent ? "Future" : "Expected")</urgency>\n"
            out += "    <severity>\(a.severity.cap)</severity>\n"
            out += "    <certainty>Likely</certainty>\n"
            out += "    <effective>\(FeedText.cap(a.validFrom))</effective>\n"
            if let until = a.validUntil { out += "    <expires>\(FeedText.cap(until))</expires>\n" }
            out += "    <senderName>\(x(catalogue.text("app.name", in: code, [])))</senderName>\n"
            out += "    <headline>\(x(String(a.title(code).prefix(160))))</headline>\n"
            out += "    <description>\(x(a.text(code)))</description>\n"
            if a.requiresClearance {
                out +=
                    "    <instruction>\(x(catalogue.text("advisory.clearance_instruction", in: code, [])))</instruction>\n"
            }
            out += "    <web>\(x(link))</web>\n"
            out += "    <parameter>\n      <valueName>securityClearanceRequired</valueName>\n"
            out += "      <value>\(a.requiresClearance)</value>\n    </parameter>\n"
            out += "    <area>\n      <areaDesc>\(x(NameSet.pick(placeName, code)))</areaDesc>\n"
            if let point { out += "      <circle>\(point.latitude),\(point.longitude) 0</circle>\n" }
            out +=
                "      <geocode>\n        <valueName>ISO3166-1</valueName>\n        <value>\(x(a.country))</value>\n      </geocode>\n"
            out += "    </area>\n  </info>\n"
        }
        out += "</alert>\n"
        return out
    }

    /// The Atom feed of the advisories given, in the reader's language, each linking to its page
    /// and its CAP alert.
    static func atom(
        _ advisories: [Advisory], base: String, selfPath: String, capPath: (UUID) -> String, pagePath: (UUID) -> String,
        title: String, language: String, now: Date
    ) -> String {
        let x = FeedText.xml
        var out =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(x(language))\">\n"
        out += "  <id>\(x(base + selfPath))</id>\n  <title>\(x(title))</title>\n"
        let updated = advisories.map { $0.updatedAt ?? $0.publishedAt }.max() ?? now
        out += "  <updated>\(FeedText.atom(updated))</updated>\n"
        out += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(x(base + selfPath))\"/>\n"
        out += "  <author><name>Resilience</name></author>\n"
        for a in advisories {
            out += "  <entry>\n"
            out += "    <id>urn:uuid:\(a.id!.uuidString.lowercased())</id>\n"
            out += "    <title>\(x("[\(a.severity.cap)] " + a.title(language)))</title>\n"
            out += "    <updated>\(FeedText.atom(a.updatedAt ?? a.publishedAt))</updated>\n"
            out += "    <published>\(FeedText.atom(a.publishedAt))</published>\n"
            out += "    <author><name>\(x(a.publishedByName))</name></author>\n"
            out += "    <summary>\(x(a.text(language)))</summary>\n"
            out += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(x(base + pagePath(a.id!)))\"/>\n"
            out += "    <link rel=\"related\" type=\"application/cap+xml\" href=\"\(x(base + capPath(a.id!)))\"/>\n"
            out += "  </entry>\n"
        }
        out += "</feed>\n"
        return out
    }
}
