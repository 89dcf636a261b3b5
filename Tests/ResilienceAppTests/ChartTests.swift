import Foundation
import Testing

@testable import ResilienceApp
@testable import ResilienceCore

/// Charts readable at 1366 and at 390 px: an axis from 0, text no smaller than 11 px, legends, and
/// regions never drawn in a figure's colour.
@Suite struct ChartTests {
    @Test func aOneHourRTOHasABarAndTheTimelineSaysWhatItsMarksMean() throws {
        var process = CriticalProcess(name: "Security communications and staff tracking in the camps of Cox's Bazar")
        process.rtoHours = 1
        process.impact = ["staff_safety": [4]]
        let scale = ImpactScale.standard
        let analysis = ImpactAnalysis.analyse(process, scale: scale)
        let svg = Charts.timeline([(process.name, analysis)], scale: scale, Localizer(code: "en"))
        // The RTO bar of 1 h: a width in per cent of the chart, well visible (at least 5 %).
        let bar = try #require(svg.firstMatch(of: #/<rect x="[0-9.]+%" y="[0-9.]+" width="([0-9.]+)%" height="12"/#))
        #expect(try #require(Double(bar.output.1)) >= 5)
        // The axis starts at 0; no text under 11 px; the name is not cut to 30 characters.
        #expect(svg.contains(">0</text>"))
        let sizes = svg.matches(of: #/font-size="([0-9.]+)"/#).compactMap { Double($0.output.1) }
        #expect(!sizes.isEmpty && sizes.allSatisfy { $0 >= 11 })
        #expect(svg.contains("Security communications and staff tracking in t"))
        #expect(svg.contains("Bar: recovery time objective (RTO)") && svg.contains("maximum tolerable period"))
    }

    @Test func regionsAreNeverDrawnInAFiguresColour() {
        let figures = Set(Charts.palette.prefix(Figure.allCases.count))
        #expect(Set(Charts.regionPalette).isDisjoint(with: figures))
        let svg = OversightCharts.history(
            title: "x", series: [("Asia", [("2026-01-01", 0.1), ("2026-06-01", 0.3)])],
            days: ["2026-01-01", "2026-06-01"], Localizer(code: "zh-Hans"))
        #expect(svg.contains(Charts.regionPalette[0]) && !figures.contains { svg.contains("stroke=\"\($0)\"") })
        // Months on the axis, named in the reader's language, not two ISO dates.
        #expect(svg.contains("2026年1月") && svg.contains("2026年3月") && !svg.contains("2026-01-01<"))
    }
}
