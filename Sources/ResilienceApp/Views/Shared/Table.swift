@preconcurrency import Plot

/// A data table with a caption for screen readers and a message when it is empty.
/// `rowIDs`, when given, are the rows' ids (an anchor a link or a redirect can point at).
func dataTable(
    caption: String, headers: [String], rows: [[BodyNode]], empty: String, rowIDs: [String]? = nil
) -> BodyNode {
    if rows.isEmpty { return .p(.class("empty"), .text(empty)) }
    return .div(
        .class("table-wrap"),
        .table(
            .caption(.text(caption)),
            .thead(.tr(.forEach(headers) { .th(.attribute(named: "scope", value: "col"), .text($0)) })),
            .tbody(
                .forEach(rows.enumerated()) { i, cells in
                    .tr(.unwrap(rowIDs.flatMap { i < $0.count ? $0[i] : nil }) { .id($0) }, .forEach(cells) { .td($0) })
                })))
}

/// The same table written straight as markup, for long lists (a region's units): building a
/// Plot node per cell was most of the time of such a page. Cells are markup already escaped.
func markupTable(caption: String, headers: [String], rows: [[String]], empty: String) -> BodyNode {
    if rows.isEmpty { return .p(.class("empty"), .safe(empty)) }
    var html = "<div class=\"table-wrap\"><table><caption>" + HTMLEscape.escape(caption) + "</caption><thead><tr>"
    for h in headers { html += "<th scope=\"col\">" + HTMLEscape.escape(h) + "</th>" }
    html += "</tr></thead><tbody>"
    for row in rows {
        html += "<tr>"
        for cell in row { html += "<td>" + cell + "</td>" }
        html += "</tr>"
    }
    return .raw(html + "</tbody></table></div>")
}

/// A link as markup, for `markupTable`.
func markupLink(_ path: AppPath, _ text: String) -> String {
    "<a href=\"" + path.path + "\">" + HTMLEscape.escape(text) + "</a>"
}

/// Previous / next links for a paginated list, keeping the list's other query values.
func pager(_ page: PageInfo, path: AppPath, query: [(String, String?)], _ t: Localizer) -> BodyNode {
    .nav(
        .class("pager"), .attribute(named: "aria-label", value: t("pager.label")),
        .if(
            page.page > 1,
            .a(
                .attribute(named: "rel", value: "prev"),
                .href(path.with(query + [("page", String(page.page - 1))])), .text(t("pager.previous")))),
        .span(
            .text(
                page.total.map { t("pager.position", t.number(page.page), t.number(page.pageCount ?? 1), t.number($0)) }
                    ?? t("pager.page", t.number(page.page)))),
        .if(
            page.hasMore,
            .a(
                .attribute(named: "rel", value: "next"),
                .href(path.with(query + [("page", String(page.page + 1))])), .text(t("pager.next")))))
}

/// Previous / next links for a list read by key: the first page, and pages just before or after
/// a row, keeping the list's other query values.
func keyPager(_ page: PageInfo, path: AppPath, query: [(String, String?)], _ t: Localizer) -> BodyNode {
    .nav(
        .class("pager"), .attribute(named: "aria-label", value: t("pager.label")),
        .unwrap(page.previousBefore) { before in
            .group(
                .a(.href(path.with(query)), .text(t("pager.first"))),
                .a(
                    .attribute(named: "rel", value: "prev"), .href(path.with(query + [("before", before)])),
                    .text(t("pager.previous"))))
        },
        .unwrap(page.nextAfter) { after in
            .a(
                .attribute(named: "rel", value: "next"), .href(path.with(query + [("after", after)])),
                .text(t("pager.next")))
        })
}

/// A link to a path.
func link(_ path: AppPath, _ text: String) -> BodyNode { .a(.href(path.path), .text(text)) }
