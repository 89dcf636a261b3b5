/// The ranges that numbers from outside must fall in, checked where they enter, and the one
/// conversion from a decimal to a whole number that cannot trap on a value stored before the
/// ranges were checked.
public enum Bounds {
    /// The longest duration a plan or HQ's scale speaks of, in hours: ten years. Business
    /// continuity plans for months; anything longer is a typing mistake, and a bound keeps every
    /// figure drawn or printed from it finite.
    public static let maximumHours: Double = 87_600
    /// The most people a count of staff may name.
    public static let maximumStaff = 10_000
    /// The most workstations an alternate site may have.
    public static let maximumWorkstations = 100_000
}

extension Int {
    /// The whole number nearest to `value`, or nil when an `Int` cannot hold one (not a number,
    /// infinite, or beyond about 9.2e18), where `Int(value)` would stop the process.
    public init?(nearest value: Double) {
        self.init(exactly: value.rounded())
    }
}
