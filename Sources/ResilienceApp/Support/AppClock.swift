import Foundation
import NIOConcurrencyHelpers
import Vapor

/// The time as the application reads it: the system's, or one a test sets and moves. Pages,
/// services (through `AuditContext.at`) and the hourly run read it, so a test puts the whole
/// system at a date without waiting (running the suite under `faketime` hung its timers).
final class AppClock: Sendable {
    private let fixed = NIOLockedValueBox<Date?>(nil)

    /// Now: the time set, or the system's when none is.
    var now: Date { fixed.withLockedValue { $0 } ?? Date() }

    /// Stops the clock at `date` (a test's "today").
    func set(_ date: Date) { fixed.withLockedValue { $0 = date } }

    /// Moves the clock on (from the system's time if none was set).
    func advance(by seconds: TimeInterval) {
        fixed.withLockedValue { $0 = ($0 ?? Date()).addingTimeInterval(seconds) }
    }
}

extension Application {
    private struct ClockKey: StorageKey { typealias Value = AppClock }

    /// The application's one clock, made with the application (one per test app).
    var clock: AppClock {
        get { storage[ClockKey.self] ?? AppClock() }
        set { storage[ClockKey.self] = newValue }
    }

    /// The system acting now by the application's clock (seed, commands, the hourly run).
    var systemContext: AuditContext { .system(at: clock.now) }
}

extension Request {
    /// The application's time now.
    var now: Date { application.clock.now }
}
