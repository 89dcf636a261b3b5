import Foundation

/// A risk as a register row holds it, before it is saved.
public struct RiskDraft: Equatable, Sendable {
    public var kind: String
    public var title: String
    public var cause: String?
    public var consequence: String?
    public var inherent: RiskRating
    /// After treatment; nil until it is rated.
    public var residual: RiskRating?
    public var owner: String?
    public var treatment: String?
    public var status: RiskStatus
    public var reviewDate: Date?
    public var source: RiskSource
    /// The treatment's actions, each with its due date.
    public var actions: [RiskAction]

    public init(
        kind: String, title: String, cause: String? = nil, consequence: String? = nil, inherent: RiskRating,
        residual: RiskRating? = nil, owner: String? = nil, treatment: String? = nil, status: RiskStatus = .open,
        reviewDate: Date? = nil, source: RiskSource = .own, actions: [RiskAction] = []
    ) {
        self.kind = kind; self.title = title; self.cause = cause; self.consequence = consequence;
        self.inherent = inherent
        self.residual = residual; self.owner = owner; self.treatment = treatment; self.status = status
        self.reviewDate = reviewDate; self.source = source; self.actions = actions
    }
}

/// Registers as people keep them today, in spreadsheets: CSV in and out. Reading checks every row
/// and reports each row's refusals by column, so that a preview can show them all before anything
/// is saved.
public enum RiskCSV {
    public static let columns = [
        "kind", "title", "cause", "consequence", "likelihood", "impact", "residual_likelihood",
        "residual_impact", "owner", "treatment", "status", "review_date", "source", "actions",
    ]
    public static let required: Set<String> = ["kind", "title", "likelihood", "impact"]
    public static let maximumRows = 5000
    /// The columns whose cells are one of a list: a code, or a name the vocabulary knows.
    public static let listed = [
        "kind", "likelihood", "impact", "residual_likelihood", "residual_impact", "status", "source",
    ]

    /// What people write instead of codes: column names and values in the interface's languages.
    /// The codes themselves are always understood.
    public struct Vocabulary: Sendable {
        /// A column's name as people write it, folded (see `fold`) → the column.
        public var columns: [String: String]
        /// For each listed column, a value's name, folded → its code.
        public var values: [String: [String: String]]

        public init(columns: [String: String] = [:], values: [String: [String: String]] = [:]) {
            self.columns = columns; self.values = values
        }

        /// Codes only.
        public static let codes = Vocabulary()

        /// Lower case, trimmed, inner spaces and underscores as one space: "Business  continuity",
        /// "business_continuity" and "BUSINESS CONTINUITY" are one name.
        public static func fold(_ text: String) -> String {
            text.lowercased().replacingOccurrences(of: "_", with: " ").split(whereSeparator: \.isWhitespace)
                .joined(separator: " ")
        }

        func column(_ header: String) -> String {
            let folded = Self.fold(header)
            return columns[folded] ?? folded.replacingOccurrences(of: " ", with: "_")
        }

        func value(_ raw: String, of column: String) -> String {
            values[column]?[Self.fold(raw)] ?? raw
        }
    }

    /// One data row: its line in the file, the risk it gives, or why not (each error names its column).
    public struct Row: Sendable, Equatable {
        public var line: Int
        public var draft: RiskDraft?
        public var errors: [DomainError]
        /// The row's cells as typed, by column: what a preview shows of a row that is wrong.
        public var cells: [String: String] = [:]
    }

    /// Every row of the file, each with its risk or its errors. The file as a whole is refused
    /// (with `field: "file"`) when its header lacks a required column or it has too many rows.
    public static func read(
        _ text: String, kinds: Set<String>, vocabulary: Vocabulary = .codes
    ) throws(DomainError) -> [Row] {
        var records = self.records(text)
        guard !records.isEmpty else { throw DomainError(.required, field: "file") }
        let header = records.removeFirst().map { vocabulary.column($0) }
        let missing = required.subtracting(header)
        guard missing.isEmpty else {
            throw DomainError(.csvMissingColumns, field: "file", args: [missing.sorted().joined(separator: ", ")])
        }
        let data = records.enumerated().filter {
            !$0.element.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty }
        }
        guard data.count <= maximumRows else {
            throw DomainError(.csvTooManyRows, field: "file", args: [String(maximumRows)])
        }
        return data.map { index, cells in
            var value: [String: String] = [:], typed: [String: String] = [:]
            for (i, name) in header.enumerated() where i < cells.count {
                typed[name] = cell(cells[i])
                value[name] = listed.contains(name) ? vocabulary.value(typed[name]!, of: name) : typed[name]
            }
            var read = row(value, line: index + 2, kinds: kinds)
            read.cells = typed
            return read
        }
    }

    /// A cell as typed: trimmed, and without the quote `write` puts before formula-like text.
    public static func cell(_ raw: String) -> String {
        let v = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if v.hasPrefix("'"), let second = v.dropFirst().first, "=+-@".contains(second) { return String(v.dropFirst()) }
        return v
    }

    /// One row (or form) of fields named as the columns: its risk, or its errors by column. The
    /// actions come from the `actions` cell, or from a form's rows `action-N-description`,
    /// `-owner`, `-due` and `-done` (a row left empty is no action).
    public static func row(_ value: [String: String], line: Int, kinds: Set<String>) -> Row {
        var v = ValidationCollector()
        func check<T>(_ body: () throws(DomainError) -> T) -> T? {
            do { return try body() } catch { v.add(error); return nil }
        }
        func text(_ name: String, max: Int = 2000) -> String? {
            check { () throws(DomainError) in try TextRules.optional(value[name], field: name, max: max) } ?? nil
        }
        func rating(_ name: String, required: Bool) -> Int? {
            let raw = value[name] ?? ""
            if raw.isEmpty {
                if required { v.add(DomainError(.required, field: name)) }
                return nil
            }
            guard let n = Int(raw), RiskRating.range.contains(n) else {
                v.add(DomainError(.ratingOutOfRange, field: name)); return nil
            }
            return n
        }
        let kind = (value["kind"] ?? "").lowercased().replacingOccurrences(of: " ", with: "_")
        if kind.isEmpty {
            v.add(DomainError(.required, field: "kind"))
        } else if !kinds.contains(kind) {
            v.add(DomainError(.invalidChoice, field: "kind"))
        }
        let title = check { () throws(DomainError) in try TextRules.name(value["title"], field: "title") }
        let cause = text("cause"), consequence = text("consequence"), owner = text("owner", max: 200),
            treatment = text("treatment")
        let likelihood = rating("likelihood", required: true), impact = rating("impact", required: true)
        let residualLikelihood = rating("residual_likelihood", required: false),
            residualImpact = rating("residual_impact", required: false)
        if (residualLikelihood == nil) != (residualImpact == nil)
            && v.errors.allSatisfy({ !$0.field!.hasPrefix("residual") })
        {
            v.add(DomainError(.required, field: residualLikelihood == nil ? "residual_likelihood" : "residual_impact"))
        }
        let status = choice(value["status"], default: RiskStatus.open, field: "status", &v)
        let source = choice(value["source"], default: RiskSource.own, field: "source", &v)
        let review: Date? =
            check { () throws(DomainError) in try TextRules.day(value["review_date"], field: "review_date") } ?? nil
        let actions =
            value["actions"] != nil
            ? check { () throws(DomainError) in try RiskAction.parse(cell: value["actions"]!) } ?? []
            : formActions(value, &v)
        guard v.errors.isEmpty, let title, let likelihood, let impact else {
            return Row(line: line, draft: nil, errors: v.errors, cells: value)
        }
        let residual = residualLikelihood.flatMap { l in residualImpact.map { RiskRating(likelihood: l, impact: $0) } }
        return Row(
            line: line,
            draft: RiskDraft(
                kind: kind, title: title, cause: cause, consequence: consequence,
                inherent: RiskRating(likelihood: likelihood, impact: impact), residual: residual,
                owner: owner, treatment: treatment, status: status, reviewDate: review, source: source,
                actions: actions),
            errors: [], cells: value)
    }

    /// The actions of a form's rows, each row's errors under its own field.
    private static func formActions(_ value: [String: String], _ v: inout ValidationCollector) -> [RiskAction] {
        var actions: [RiskAction] = []
        for n in 0..<RiskAction.maximumCount {
            let field = { (name: String) in
                (value["action-\(n)-\(name)"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            }
            if field("description").isEmpty && field("owner").isEmpty && field("due").isEmpty { continue }
            var errors: [DomainError] = []
            func run<T>(_ body: () throws(DomainError) -> T) -> T? {
                do { return try body() } catch { errors.append(error); return nil }
            }
            let description = run { () throws(DomainError) in
                try TextRules.name(field("description"), field: "action-\(n)-description")
            }
            let owner = run { () throws(DomainError) in
                try TextRules.optional(field("owner"), field: "action-\(n)-owner", max: 200)
            }
            let due = run { () throws(DomainError) in try TextRules.day(field("due"), field: "action-\(n)-due") }
            errors.forEach { v.add($0) }
            if errors.isEmpty, let description, let owner, let due {
                actions.append(
                    RiskAction(
                        description: description, owner: owner, dueDate: due,
                        done: ["true", "on", "1"].contains(field("done"))))
            }
        }
        return actions
    }

    private static func choice<T: RawRepresentable>(
        _ raw: String?, default fallback: T, field: String, _ v: inout ValidationCollector
    ) -> T
    where T.RawValue == String {
        let value = (raw ?? "").lowercased().replacingOccurrences(of: " ", with: "_")
        if value.isEmpty { return fallback }
        guard let choice = T(rawValue: value) else { v.add(DomainError(.invalidChoice, field: field)); return fallback }
        return choice
    }

    /// The records of a CSV text (RFC 4180: quoted fields, doubled quotes, CRLF or LF), without a
    /// byte-order mark.
    public static func records(_ text: String) -> [[String]] {
        var records: [[String]] = [], record: [String] = [], field = ""
        var quoted = false, afterQuote = false
        var scalars = text.unicodeScalars[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
        var iterator = scalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        while let c = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" {
                            field.unicodeScalars.append("\"")
                        } else {
                            quoted = false; afterQuote = true; pending = next
                        }
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"" where field.isEmpty && !afterQuote: quoted = true
            case ",": record.append(field); field = ""; afterQuote = false
            case "\r": break
            case "\n": record.append(field); records.append(record); record = []; field = ""; afterQuote = false
            default: field.unicodeScalars.append(c)
            }
        }
        if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
        return records
    }

    /// Risks as a CSV file with the columns `read` takes: what is exported imports back unchanged.
    public static func write(_ drafts: [RiskDraft]) -> String {
        var lines = [columns.joined(separator: ",")]
        for d in drafts {
            let row: [String] = [
                d.kind, d.title, d.cause ?? "", d.consequence ?? "", String(d.inherent.likelihood),
                String(d.inherent.impact),
                d.residual.map { String($0.likelihood) } ?? "", d.residual.map { String($0.impact) } ?? "",
                d.owner ?? "", d.treatment ?? "", d.status.rawValue, d.reviewDate.map(PlanChecks.isoDay) ?? "",
                d.source.rawValue,
                RiskAction.cell(d.actions),
            ]
            lines.append(row.map(quoted).joined(separator: ","))
        }
        return file(lines)
    }

    /// A file of a header and rows as given (a template to fill in).
    public static func records(forTemplate header: [String], _ rows: [String]...) -> String {
        file([header.map(quoted).joined(separator: ",")] + rows.map { $0.map(quoted).joined(separator: ",") })
    }

    /// A cell written so that a spreadsheet reads it as text: quoted when it must be, and with a
    /// quote before anything that looks like a formula.
    public static func quoted(_ s: String) -> String {
        var v = s
        if let first = v.first, "=+-@".contains(first) { v = "'" + v }
        return v.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            ? "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : v
    }

    /// Lines as a file spreadsheets open in UTF-8 (with a byte-order mark) and CRLF.
    public static func file(_ lines: [String]) -> String { "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n" }
}
