import Foundation
import ResilienceCore

/// The oversight charts, as SVG drawn on the server: regions side by side, and each figure's
/// history. Shares are 0…1 and drawn as percentages.
enum OversightCharts {
    /// One group of bars per region (labelled by its code), one bar per figure.
    static func groupedBars(title: String, groups: [(label: String, values: [Double])], series: [String]) -> String {
        let barW = 14.0, gap = 14.0, left = 36.0, top = 10.0, plotH = 160.0, bottom = 24.0
        let groupW = Double(series.count) * barW + gap
        let width = left + Double(max(groups.count, 1)) * groupW + 10
        let height = top + plotH + bottom
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 \(Charts.f(width)) \(Charts.f(height))\" width=\"\(Charts.f(width))\" height=\"\(Charts.f(height))\"><title>\(Charts.escape(title))</title>"
        for tick in stride(from: 0, through: 100, by: 25) {
            let y = top + plotH * (1 - Double(tick) / 100)
            svg +=
                "<line x1=\"\(Charts.f(left))\" x2=\"\(Charts.f(width - 10))\" y1=\"\(Charts.f(y))\" y2=\"\(Charts.f(y))\" stroke=\"#ddd\"/>"
            svg +=
                "<text x=\"\(Charts.f(left - 4))\" y=\"\(Charts.f(y + 4))\" font-size=\"10\" text-anchor=\"end\">\(tick)%</text>"
        }
        for (g, group) in groups.enumerated() {
            let x0 = left + Double(g) * groupW + gap / 2
            for (i, value) in group.values.enumerated() {
                let h = plotH * max(0, min(1, value))
                let x = x0 + Double(i) * barW
                svg +=
                    "<rect x=\"\(Charts.f(x))\" y=\"\(Charts.f(top + plotH - h))\" width=\"\(Charts.f(barW - 2))\" height=\"\(Charts.f(h))\" fill=\"\(Charts.palette[i % Charts.palette.count])\"><title>\(Charts.escape(group.label)) · \(Charts.escape(series[i])): \(Int((value * 100).rounded()))%</title></rect>"
            }
            let cx = x0 + Double(series.count) * barW / 2
            svg +=
                "<text x=\"\(Charts.f(cx))\" y=\"\(Charts.f(top + plotH + 14))\" font-size=\"12\" text-anchor=\"middle\">\(Charts.escape(String(group.label.prefix(12))))</text>"
        }
        return svg + "</svg>" + Charts.legend(series)
    }

    /// One line per region over time, 0–100 %.
    static func history(
        title: String, series: [(name: String, points: [(day: String, value: Double)])], days: [String],
        _ t: Localizer
    ) -> String {
        let width = 520.0, height = 180.0, left = 36.0, right = 10.0, top = 10.0, bottom = 28.0
        let plotW = width - left - right, plotH = height - top - bottom
        // Days placed by date: monthly points early in the year, daily ones in the last month.
        let dates = Dictionary(
            uniqueKeysWithValues: days.compactMap { d in
                (try? TextRules.day(d, field: "day")).flatMap { $0 }.map { (d, $0) }
            })
        let first = days.first.flatMap { dates[$0] } ?? Date(), last = days.last.flatMap { dates[$0] } ?? Date()
        let span = max(last.timeIntervalSince(first), 1)
        func x(_ day: String) -> Double? {
            guard let date = dates[day] else { return nil }
            return days.count <= 1 ? left + plotW / 2 : left + plotW * date.timeIntervalSince(first) / span
        }
        func y(_ v: Double) -> Double { top + plotH * (1 - max(0, min(1, v))) }
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 \(Charts.f(width)) \(Charts.f(height))\" width=\"\(Charts.f(width))\" height=\"\(Charts.f(height))\"><title>\(Charts.escape(title))</title>"
        for tick in stride(from: 0, through: 100, by: 50) {
            svg +=
                "<line x1=\"\(Charts.f(left))\" x2=\"\(Charts.f(width - right))\" y1=\"\(Charts.f(y(Double(tick) / 100)))\" y2=\"\(Charts.f(y(Double(tick) / 100)))\" stroke=\"#ddd\"/>"
            svg +=
                "<text x=\"\(Charts.f(left - 4))\" y=\"\(Charts.f(y(Double(tick) / 100) + 4))\" font-size=\"10\" text-anchor=\"end\">\(tick)%</text>"
        }
        // A tick at the start of every other month, named in the reader's language.
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC")!
        if var month = utc.date(from: utc.dateComponents([.year, .month], from: first)) {
            var k = 0
            while month <= last {
                if month >= first, k % 2 == 0 {
                    let mx = left + plotW * month.timeIntervalSince(first) / span
                    svg +=
                        "<line x1=\"\(Charts.f(mx))\" x2=\"\(Charts.f(mx))\" y1=\"\(Charts.f(top))\" y2=\"\(Charts.f(top + plotH + 4))\" stroke=\"#e3e8ee\"/>"
                        + "<text x=\"\(Charts.f(mx))\" y=\"\(Charts.f(height - 8))\" font-size=\"11\" text-anchor=\"middle\" fill=\"#3d4957\">\(Charts.escape(t.month(month)))</text>"
                }
                k += 1
                guard let next = utc.date(byAdding: .month, value: 1, to: month) else { break }
                month = next
            }
        }
        for (s, line) in series.enumerated() {
            let color = Charts.regionPalette[s % Charts.regionPalette.count]
            let dash = Charts.regionDashes[s % Charts.regionDashes.count]
            let points = line.points.compactMap { p in x(p.day).map { "\(Charts.f($0)),\(Charts.f(y(p.value)))" } }
            guard !points.isEmpty else { continue }
            svg +=
                "<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"2.5\" stroke-dasharray=\"\(dash)\" points=\"\(points.joined(separator: " "))\"><title>\(Charts.escape(line.name))</title></polyline>"
            if let lastPoint = points.last {
                let xy = lastPoint.split(separator: ",")
                svg += "<circle cx=\"\(xy[0])\" cy=\"\(xy[1])\" r=\"3\" fill=\"\(color)\"/>"
            }
        }
        return svg + "</svg>"
    }
}
