import Foundation
import ResilienceCore

/// Charts of the impact analysis, drawn on the server as SVG: no script, no request, and they
/// print. Each returns markup to embed with `.raw`.
enum Charts {
    static let palette = [
        "#0b5cad", "#b3261e", "#1e6b3a", "#8a5300", "#6a1b9a", "#00796b", "#c2185b", "#455a64",
        "#7cb342", "#f57c00", "#3949ab", "#5d4037",
    ]

    static func escape(_ s: String) -> String { HTMLEscape.escape(s) }

    /// Coordinates as whole pixels: short to send, and cheap to write (String(format:) is slow).
    static func f(_ v: Double) -> String { Int(nearest: v).map(String.init) ?? "0" }

    /// A point of the time ladder as people say it: 4 h, 3 d, 2 wk, 1 mo.
    static func duration(_ hours: Double, _ t: Localizer) -> String {
        let h = hours
        guard h <= Bounds.maximumHours else { return t("duration.hours", PlanChecks.hours(h)) }
        if h >= 720, h.truncatingRemainder(dividingBy: 720) == 0 {
            return t("duration.months", Int(nearest: h / 720) ?? 0)
        }
        if h >= 168, h.truncatingRemainder(dividingBy: 168) == 0 {
            return t("duration.weeks", Int(nearest: h / 168) ?? 0)
        }
        if h >= 24, h.truncatingRemainder(dividingBy: 24) == 0 { return t("duration.days", Int(nearest: h / 24) ?? 0) }
        return t("duration.hours", PlanChecks.hours(h))
    }

    static func categoryName(_ code: String, _ scale: ImpactScale, _ t: Localizer) -> String {
        if ImpactScale.standardCategories.contains(code) { return t("impact_category.\(code)") }
        return t.pick(scale.labels[code]) ?? code
    }

    struct Frame {
        let width: Double, height: Double, left = 28.0, right = 20.0, top = 10.0, bottom = 34.0
        let points: Int
        var plotW: Double { width - left - right }
        var plotH: Double { height - top - bottom }
        func x(_ i: Int) -> Double { left + (points == 1 ? plotW / 2 : plotW * Double(i) / Double(points - 1)) }
        func y(_ r: Double) -> Double { top + plotH * (1 - (r - 1) / 4) }
    }

    /// What every impact chart of a scale has in common: the intolerable band, the grid, the axes.
    static func frame(_ scale: ImpactScale, _ t: Localizer, _ fr: Frame) -> String {
        var s = ""
        let band = fr.y(Double(scale.tolerance) + 0.5)
        s +=
            "<rect x=\"\(f(fr.left))\" y=\"\(f(fr.top))\" width=\"\(f(fr.plotW))\" height=\"\(f(band - fr.top))\" fill=\"#fdecea\"/>"
        for r in 1...5 {
            let y = f(fr.y(Double(r)))
            s +=
                "<line x1=\"\(f(fr.left))\" x2=\"\(f(fr.left + fr.plotW))\" y1=\"\(y)\" y2=\"\(y)\" stroke=\"#d5dbe2\"/>"
            s +=
                "<text x=\"\(f(fr.left - 6))\" y=\"\(f(fr.y(Double(r)) + 4))\" font-size=\"10\" text-anchor=\"end\" fill=\"#5b6775\">\(r)</text>"
        }
        s +=
            "<line x1=\"\(f(fr.left))\" x2=\"\(f(fr.left + fr.plotW))\" y1=\"\(f(band))\" y2=\"\(f(band))\" stroke=\"#b3261e\" stroke-dasharray=\"4 3\"/>"
        for (i, hours) in scale.ladderHours.enumerated() {
            s +=
                "<text x=\"\(f(fr.x(i)))\" y=\"\(f(fr.height - fr.bottom + 14))\" font-size=\"9.5\" text-anchor=\"middle\" fill=\"#5b6775\">\(escape(duration(hours, t)))</text>"
        }
        s +=
            "<text x=\"\(f(fr.left))\" y=\"\(f(fr.height - 4))\" font-size=\"10\" fill=\"#5b6775\">\(escape(t("chart.tolerance", scale.tolerance)))</text>"
        return s
    }

    /// The frame once per page, for charts drawn with `sharedFrame`: a page of sixty charts
    /// sends it once instead of sixty times.
    static func sharedFrame(_ scale: ImpactScale, _ t: Localizer, width: Double, height: Double) -> String {
        let fr = Frame(width: width, height: height, points: scale.ladderHours.count)
        return
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"0\" height=\"0\" aria-hidden=\"true\" style=\"position:absolute\"><defs><g id=\"impact-frame\">\(frame(scale, t, fr))</g></defs></svg>"
    }

    /// Lines over the time ladder, rating 1–5, with the intolerable band shaded and the MTPD marked.
    static func lines(
        title: String, series: [(name: String, ratings: [Int?])], scale: ImpactScale, mtpdIndex: Int?,
        _ t: Localizer, width: Double = 440, height: Double = 190, sharedFrame: Bool = false
    ) -> String {
        let fr = Frame(width: width, height: height, points: scale.ladderHours.count)
        var s =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 \(f(width)) \(f(height))\" width=\"\(f(width))\" height=\"\(f(height))\" role=\"img\" aria-label=\"\(escape(title))\"><title>\(escape(title))</title>"
        s += sharedFrame ? "<use href=\"#impact-frame\"/>" : frame(scale, t, fr)
        if let mtpdIndex {
            let x = f(fr.x(mtpdIndex))
            s +=
                "<line x1=\"\(x)\" x2=\"\(x)\" y1=\"\(f(fr.top))\" y2=\"\(f(fr.top + fr.plotH))\" stroke=\"#b3261e\" stroke-width=\"1.5\"/>"
            s +=
                "<text x=\"\(f(fr.x(mtpdIndex) + 3))\" y=\"\(f(fr.top + 10))\" font-size=\"10\" fill=\"#b3261e\">MTPD</text>"
        }
        for (k, serie) in series.enumerated() {
            let color = palette[k % palette.count]
            var path = ""
            var pen = false
            for (i, rating) in serie.ratings.prefix(fr.points).enumerated() {
                guard let rating else { pen = false; continue }
                // "l0 0" after a move: with round caps an isolated rating still shows as a dot.
                path += "\(pen ? "L" : "M")\(f(fr.x(i))) \(f(fr.y(Double(rating))))\(pen ? "" : "l0 0")"
                pen = true
            }
            if !path.isEmpty {
                s +=
                    "<path d=\"\(path)\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\" stroke-linejoin=\"round\" stroke-linecap=\"round\"/>"
            }
        }
        return s + "</svg>"
    }

    /// The legend of a lines chart, as HTML.
    static func legend(_ names: [String], palette: [String] = palette, dashes: [String] = []) -> String {
        "<ul class=\"legend\">"
            + names.enumerated().map { k, name in
                let color = palette[k % palette.count]
                let mark =
                    dashes.isEmpty
                    ? "<svg width=\"12\" height=\"12\" aria-hidden=\"true\"><rect width=\"12\" height=\"12\" fill=\"\(color)\"/></svg>"
                    : "<svg width=\"28\" height=\"12\" aria-hidden=\"true\"><line x1=\"0\" x2=\"28\" y1=\"6\" y2=\"6\" stroke=\"\(color)\" stroke-width=\"3\" stroke-dasharray=\"\(dashes[k % dashes.count])\"/></svg>"
                return "<li>\(mark) \(escape(name))</li>"
            }.joined() + "</ul>"
    }

    /// Colours for regions (or any second series), none of them one the figures use, so that a
    /// region is never read as a figure; each with its own dash, for readers who do not tell
    /// colours apart.
    static let regionPalette = ["#00796b", "#6a1b9a", "#f57c00", "#455a64", "#c2185b", "#3949ab", "#7cb342", "#5d4037"]
    static let regionDashes = ["none", "6 3", "2 2", "10 3 2 3", "1 3", "8 4"]

    /// The recovery timeline: one bar per process in recovery order up to its RTO (or MTPD), on a
    /// logarithmic time axis with the recovery tiers behind.
    static func timeline(
        _ rows: [(name: String, analysis: ProcessAnalysis)], scale: ImpactScale, _ t: Localizer
    ) -> String {
        // Laid out in per cent of the width the page gives it, with text in pixels: as readable at
        // 390 px as at 1366. The axis starts at 0 (a 1 h RTO has a bar) on a log(1 + hours) scale.
        let rowH = 40.0, top = 22.0, axisH = 22.0
        let height = top + rowH * Double(max(rows.count, 1)) + axisH
        let maxHours = max(
            scale.ladderHours.last ?? 2160, rows.compactMap { $0.analysis.rtoHours ?? $0.analysis.mtpdHours }.max() ?? 1
        )
        let left = 1.0, plot = 96.0
        func x(_ hours: Double) -> Double { left + plot * log1p(max(hours, 0)) / log1p(max(maxHours, 1)) }
        func pct(_ v: Double) -> String { f(v) + "%" }
        let title = t("chart.timeline")
        var s =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" width=\"100%\" height=\"\(f(height))\" role=\"img\" aria-label=\"\(escape(title))\"><title>\(escape(title))</title>"
        let tiers: [(RecoveryTier, Double, Double, String)] = [
            (.immediate, 0, 4, "#fdecea"), (.sameDay, 4, 24, "#fff4e0"),
            (.withinWeek, 24, 168, "#eef6ee"), (.longer, 168, maxHours, "#eef2f8"),
        ]
        for (tier, from, to, fill) in tiers where to > from {
            s +=
                "<rect x=\"\(pct(x(from)))\" y=\"\(f(top - 4))\" width=\"\(pct(max(x(to) - x(from), 0)))\" height=\"\(f(height - top - axisH + 4))\" fill=\"\(fill)\"><title>\(escape(t("tier.\(tier.rawValue)")))</title></rect>"
        }
        // The tiers' names above, where there is room for them (not the narrow first one).
        for (tier, from, to, _) in tiers.dropFirst() where to > from {
            s +=
                "<text x=\"\(pct(x(from) + 0.5))\" y=\"\(f(top - 8))\" font-size=\"11\" fill=\"#3d4957\">\(escape(t("tier.\(tier.rawValue)")))</text>"
        }
        for hours in [0] + scale.ladderHours {
            s +=
                "<line x1=\"\(pct(x(hours)))\" x2=\"\(pct(x(hours)))\" y1=\"\(f(top - 4))\" y2=\"\(f(height - axisH + 2))\" stroke=\"#c9d1da\" stroke-width=\"1\"/>"
                + "<text x=\"\(pct(x(hours)))\" y=\"\(f(height - 6))\" font-size=\"11\" text-anchor=\"\(hours == 0 ? "start" : "middle")\" fill=\"#3d4957\">\(escape(hours == 0 ? "0" : duration(hours, t)))</text>"
        }
        for (i, row) in rows.enumerated() {
            let y = top + rowH * Double(i)
            let name = row.name.count > 48 ? String(row.name.prefix(47)) + "…" : row.name
            s +=
                "<text x=\"\(pct(left))\" y=\"\(f(y + 13))\" font-size=\"13\" fill=\"#1b2733\"><title>\(escape(row.name))</title>\(i + 1). \(escape(name))</text>"
            if let rto = row.analysis.rtoHours {
                let color = row.analysis.rtoExceedsMTPD ? "#b3261e" : "#0b5cad"
                s +=
                    "<rect x=\"\(pct(left))\" y=\"\(f(y + 19))\" width=\"\(pct(max(x(rto) - left, 0.6)))\" height=\"12\" fill=\"\(color)\"><title>RTO \(escape(duration(rto, t)))</title></rect>"
            }
            if let mtpd = row.analysis.mtpdHours {
                s +=
                    "<line x1=\"\(pct(x(mtpd)))\" x2=\"\(pct(x(mtpd)))\" y1=\"\(f(y + 15))\" y2=\"\(f(y + 35))\" stroke=\"#b3261e\" stroke-width=\"3\"><title>MTPD \(escape(duration(mtpd, t)))</title></line>"
            }
        }
        return s + "</svg>" + timelineLegend(t)
    }

    /// What the timeline's marks mean.
    static func timelineLegend(_ t: Localizer) -> String {
        // Styled inline: the pocket plan carries no stylesheet.
        let key = "display:inline-block;width:12px;height:12px;margin:0 4px 0 12px;vertical-align:-1px;background:"
        return
            "<p class=\"legend\" style=\"font-size:.85em\"><span><span style=\"\(key)#0b5cad\"></span>\(escape(t("chart.legend_rto")))</span> "
            + "<span><span style=\"\(key)#b3261e\"></span>\(escape(t("chart.legend_rto_too_long")))</span> "
            + "<span><span style=\"\(key)#b3261e;width:3px;height:14px\"></span>\(escape(t("chart.legend_mtpd")))</span></p>"
    }

    /// A small completeness bar.
    static func bar(_ share: Double, label: String) -> String {
        let w = 100.0 * min(max(share, 0), 1)
        let color = share >= 0.999 ? "#1e6b3a" : share >= 0.5 ? "#0b5cad" : "#b3261e"
        return
            "<svg class=\"bar\" width=\"100\" height=\"10\" role=\"img\" aria-label=\"\(escape(label))\"><rect width=\"100\" height=\"10\" fill=\"#e3e8ee\"/><rect width=\"\(f(w))\" height=\"10\" fill=\"\(color)\"/></svg>"
    }
}
