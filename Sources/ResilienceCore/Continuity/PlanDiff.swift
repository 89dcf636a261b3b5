import Foundation

/// One difference between two versions of a plan.
public struct PlanChange: Equatable, Sendable {
    public enum Kind: String, Codable, Sendable { case added, removed, changed, moved }
    public var section: PlanSection
    /// The list item concerned; nil for the single-record sections (national staff, other).
    public var itemID: UUID?
    /// The item's name as the newer version has it (the older one for a removal).
    public var itemName: String
    public var kind: Kind
    /// For `changed`: the fields that differ, e.g. `["impact", "rtoHours"]`.
    public var fields: [String]
}

/// What changed between two versions of a plan: items added, removed, moved or changed, by
/// section, and which fields of a changed item differ. Items are matched by their identifier, so
/// renaming is a change, not a removal and an addition.
public enum PlanDiff {
    public static func compare(_ old: PlanContent, _ new: PlanContent) -> [PlanChange] {
        var changes: [PlanChange] = []
        changes += list(.team, old.team, new.team) { $0.name }
        changes += list(.scenarios, old.scenarios, new.scenarios) { $0.title }
        changes += list(.processes, old.processes, new.processes) { $0.name }
        changes += list(.sites, old.sites, new.sites) { $0.name }
        changes += list(.agreements, old.agreements, new.agreements) { $0.partner }
        changes += single(.nationalStaff, old.nationalStaff, new.nationalStaff)
        changes += list(.exercises, old.exercises, new.exercises) { PlanChecks.isoDay($0.date) }
        changes += single(.other, old.other, new.other)
        return changes
    }

    private static func list<Item: Identifiable & Encodable & Equatable>(
        _ section: PlanSection, _ old: [Item], _ new: [Item], name: (Item) -> String
    ) -> [PlanChange] where Item.ID == UUID {
        let oldIndex = Dictionary(uniqueKeysWithValues: old.enumerated().map { ($1.id, $0) })
        let newIDs = Set(new.map(\.id))
        var changes: [PlanChange] = []
        // Items both versions keep, in the new order: moved when their order among the kept
        // items differs, so an insertion or removal elsewhere does not make everything "moved".
        let keptOld = old.filter { newIDs.contains($0.id) }.map(\.id)
        let keptNew = new.filter { oldIndex[$0.id] != nil }.map(\.id)
        for item in new {
            guard let before = oldIndex[item.id] else {
                changes.append(
                    PlanChange(section: section, itemID: item.id, itemName: name(item), kind: .added, fields: []))
                continue
            }
            // Most items are unchanged; comparing values first keeps encoding to the changed ones.
            let fields = old[before] == item ? [] : differingFields(old[before], item)
            if !fields.isEmpty {
                changes.append(
                    PlanChange(section: section, itemID: item.id, itemName: name(item), kind: .changed, fields: fields))
            }
            if keptOld.firstIndex(of: item.id) != keptNew.firstIndex(of: item.id) {
                changes.append(
                    PlanChange(section: section, itemID: item.id, itemName: name(item), kind: .moved, fields: []))
            }
        }
        for item in old where !newIDs.contains(item.id) {
            changes.append(
                PlanChange(section: section, itemID: item.id, itemName: name(item), kind: .removed, fields: []))
        }
        return changes
    }

    private static func single<Record: Encodable & Equatable>(
        _ section: PlanSection, _ old: Record, _ new: Record
    ) -> [PlanChange] {
        let fields = old == new ? [] : differingFields(old, new)
        return fields.isEmpty
            ? [] : [PlanChange(section: section, itemID: nil, itemName: "", kind: .changed, fields: fields)]
    }

    /// The top-level fields whose encoded values differ (absent and null count as the same).
    static func differingFields<T: Encodable>(_ a: T, _ b: T) -> [String] {
        let left = fields(of: a), right = fields(of: b)
        return Set(left.keys).union(right.keys).filter { left[$0] != right[$0] }.sorted()
    }

    /// The fields of an item (or of a section kept as one record, with no id) that feedback can
    /// name, as the comparison names them; nil when there is no such item.
    public static func itemFields(_ content: PlanContent, section: PlanSection, id: UUID?) -> [String]? {
        func keys<T: Encodable>(_ value: T?) -> [String]? {
            value.map { fields(of: $0).keys.filter { $0 != "id" }.sorted() }
        }
        func find<T: Identifiable & Encodable>(_ list: [T]) -> T? where T.ID == UUID { list.first { $0.id == id } }
        switch section {
        case .team: return keys(find(content.team))
        case .scenarios: return keys(find(content.scenarios))
        case .processes, .impact, .alternatives: return keys(find(content.processes))
        case .sites: return keys(find(content.sites))
        case .agreements: return keys(find(content.agreements))
        case .exercises: return keys(find(content.exercises))
        case .nationalStaff: return id == nil ? keys(content.nationalStaff) : nil
        case .other: return id == nil ? keys(content.other) : nil
        }
    }

    /// Each top-level field of an item as compact JSON, for showing two versions side by side.
    public static func fieldValues<T: Encodable>(_ value: T) -> [String: String] { fields(of: value) }

    private static func fields<T: Encodable>(of value: T) -> [String: String] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        guard let data = try? encoder.encode(value) else { return [:] }
        return topLevelFields(Array(data))
    }

    /// The members of a JSON object as key → raw JSON text, found in one pass over the bytes
    /// (JSONSerialization, which bridges every value to an object, was most of a comparison's time).
    static func topLevelFields(_ bytes: [UInt8]) -> [String: String] {
        var result: [String: String] = [:]
        var depth = 0, inString = false, escaped = false
        var keyStart = -1, keyEnd = -1, valueStart = -1
        func close(_ end: Int) {
            guard keyStart >= 0, valueStart >= 0 else { return }
            let key = String(decoding: bytes[keyStart..<keyEnd], as: UTF8.self)
            // The encoder writes no whitespace between tokens.
            let value = String(decoding: bytes[valueStart..<end], as: UTF8.self)
            if value != "null" { result[key] = value }
            keyStart = -1; keyEnd = -1; valueStart = -1
        }
        for (i, byte) in bytes.enumerated() {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                    if depth == 1 && valueStart < 0 && keyEnd < 0 { keyEnd = i }
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                inString = true
                if depth == 1 && valueStart < 0 && keyStart < 0 { keyStart = i + 1 }
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if depth == 1 { close(i) }
                depth -= 1
            case UInt8(ascii: ":") where depth == 1 && valueStart < 0:
                valueStart = i + 1
            case UInt8(ascii: ",") where depth == 1:
                close(i)
            default:
                break
            }
        }
        return result
    }
}
