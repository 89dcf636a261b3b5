import Foundation
import ResilienceCore

/// The duty stations on a map drawn on the server: longitude across, latitude up, fitted to the
/// stations shown, with a graticule every 10° or 30°, each station a dot in its level's colour
/// linking to its page. No tiles: the page works offline and without JavaScript.
enum StationMap {
    /// Beyond this many stations, nearby ones share a dot.
    static let maximumDots = 300

    static let colors = ["#b8b8b8", "#5aa469", "#a6c24a", "#e3b505", "#ee8a2c", "#d64a3b", "#7b1e1e"]

    static func svg(_ stations: [StationFacts], _ t: Localizer) -> String {
        guard !stations.isEmpty else { return "" }
        var minLon = stations.map(\.longitude).min()!, maxLon = stations.map(\.longitude).max()!
        var minLat = stations.map(\.latitude).min()!, maxLat = stations.map(\.latitude).max()!
        // At least 20° across and twice as wide as high, with a margin.
        let span = max(20, maxLon - minLon + 8, (maxLat - minLat + 8) * 2)
        let midLon = (minLon + maxLon) / 2, midLat = (minLat + maxLat) / 2
        minLon = max(-180, midLon - span / 2); maxLon = min(180, midLon + span / 2)
        minLat = max(-90, midLat - span / 4); maxLat = min(90, midLat + span / 4)
        let width = 720.0, height = 360.0
        func x(_ lon: Double) -> Double { (lon - minLon) / (maxLon - minLon) * width }
        func y(_ lat: Double) -> Double { (maxLat - lat) / (maxLat - minLat) * height }
        func n(_ v: Double) -> String { String(format: "%.1f", v) }
        let step = span > 90 ? 30.0 : 10.0
        var out =
            "<svg class=\"station-map\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-labelledby=\"map-title\">"
            + "<title id=\"map-title\">" + HTMLEscape.escape(t("database.map_title", stations.count)) + "</title>"
            + "<rect width=\"\(Int(width))\" height=\"\(Int(height))\" fill=\"#eef4f8\"/>"
        var lon = (minLon / step).rounded(.up) * step
        while lon <= maxLon {
            out += "<line x1=\"\(n(x(lon)))\" y1=\"0\" x2=\"\(n(x(lon)))\" y2=\"\(Int(height))\" class=\"grid\"/>"
            out += "<text x=\"\(n(x(lon) + 3))\" y=\"\(Int(height) - 4)\" class=\"grid-label\">\(Int(lon))°</text>"
            lon += step
        }
        var lat = (minLat / step).rounded(.up) * step
        while lat <= maxLat {
            out += "<line x1=\"0\" y1=\"\(n(y(lat)))\" x2=\"\(Int(width))\" y2=\"\(n(y(lat)))\" class=\"grid\"/>"
            out += "<text x=\"3\" y=\"\(n(y(lat) - 3))\" class=\"grid-label\">\(Int(lat))°</text>"
            lat += step
        }
        // Each country's code at the middle of its stations.
        let countries = Dictionary(grouping: stations, by: \.country)
        for (country, here) in countries.sorted(by: { $0.key < $1.key }) where countries.count <= 40 {
            let cx = here.map(\.longitude).reduce(0, +) / Double(here.count)
            let cy = here.map(\.latitude).reduce(0, +) / Double(here.count)
            out +=
                "<text x=\"\(n(x(cx) + 8))\" y=\"\(n(y(cy) - 8))\" class=\"country\">" + HTMLEscape.escape(country)
                + "</text>"
        }
        func levelName(_ l: Int?) -> String {
            l.flatMap(SecurityLevel.init(rawValue:)).map {
                t("security.level_n", $0.rawValue, t("security_level.\($0.code)"))
            }
                ?? t("security.no_level")
        }
        // Up to `maximumDots` stations each have a dot; beyond, the stations of a cell of the map
        // share one, as large as there are stations and in the colour of the highest level, so
        // that the page stays small on a slow connection.
        if stations.count <= maximumDots {
            for s in stations.sorted(by: { ($0.level ?? 0) < ($1.level ?? 0) }) {
                out +=
                    "<a href=\"" + AppPath.dutyStation(s.id).path
                    + "\"><circle cx=\"\(n(x(s.longitude)))\" cy=\"\(n(y(s.latitude)))\" r=\"9\" fill=\""
                    + colors[s.level ?? 0] + "\"><title>" + HTMLEscape.escape("\(s.name) — \(levelName(s.level))")
                    + "</title></circle></a>"
            }
        } else {
            let cell = span / 48
            let cells = Dictionary(grouping: stations) { s in
                "\(Int((s.longitude / cell).rounded(.down))),\(Int((s.latitude / cell).rounded(.down)))"
            }
            let ordered = cells.values.map { ($0.compactMap(\.level).max(), $0) }.sorted { ($0.0 ?? 0) < ($1.0 ?? 0) }
            for (top, here) in ordered {
                let cx = here.map(\.longitude).reduce(0, +) / Double(here.count)
                let cy = here.map(\.latitude).reduce(0, +) / Double(here.count)
                let r = min(16, 5 + 2 * Double(here.count).squareRoot())
                out +=
                    "<circle cx=\"\(n(x(cx)))\" cy=\"\(n(y(cy)))\" r=\"\(n(r))\" fill=\"" + colors[top ?? 0]
                    + "\"><title>"
                    + HTMLEscape.escape(t.plural("database.map_cell", count: here.count, here.count, levelName(top)))
                    + "</title></circle>"
            }
        }
        return out + "</svg>"
    }

    /// The legend under the map: a dot per level, and "no level".
    static func legend(_ t: Localizer) -> String {
        "<p class=\"legend\">"
            + ([(0, t("security.no_level"))]
            + SecurityLevel.allCases.map {
                ($0.rawValue, t("security.level_n", $0.rawValue, t("security_level.\($0.code)")))
            })
            .map { "<span><i style=\"background:\(colors[$0.0])\"></i>" + HTMLEscape.escape($0.1) + "</span>" }
            .joined() + "</p>"
    }
}
