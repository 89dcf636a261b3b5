import Foundation

/// How repeated failed sign-ins for one user name are slowed and then locked.
///
/// Kept per user name whether or not the account exists, so that the answer never tells an
/// attacker which names are real.
public struct SignInThrottle: Sendable, Equatable {
    /// Failures before each further attempt is slowed.
    public var slowAfter = 3
    /// Failures before the name is locked.
    public var lockAfter = 8
    /// How long a lock lasts.
    public var lockDuration: TimeInterval = 15 * 60
    /// Failures older than this are forgotten.
    public var window: TimeInterval = 60 * 60
    /// The wait added per failure past `slowAfter`, capped at `maximumDelay`.
    public var delayStep: TimeInterval = 0.5
    public var maximumDelay: TimeInterval = 3

    public init() {}

    /// The state after an attempt, as stored.
    public struct State: Sendable, Equatable {
        public var failures: Int
        public var lastFailure: Date?
        public var lockedUntil: Date?
        public init(failures: Int = 0, lastFailure: Date? = nil, lockedUntil: Date? = nil) {
            self.failures = failures
            self.lastFailure = lastFailure
            self.lockedUntil = lockedUntil
        }
    }

    /// What to do before checking the password.
    public enum Verdict: Equatable, Sendable {
        case proceed(delay: TimeInterval)
        case locked(until: Date)
    }

    public func verdict(for state: State, now: Date) -> Verdict {
        if let until = state.lockedUntil, until > now { return .locked(until: until) }
        let failures = current(state, now: now).failures
        let over = failures - slowAfter
        return .proceed(delay: over > 0 ? min(Double(over) * delayStep, maximumDelay) : 0)
    }

    /// The state after a failed attempt.
    public func failed(_ state: State, now: Date) -> State {
        var next = current(state, now: now)
        next.failures += 1
        next.lastFailure = now
        if let until = lock(afterFailures: next.failures, now: now) {
            next.lockedUntil = until
            next.failures = 0
        }
        return next
    }

    /// Failures before this moment no longer count (a store that counts failures atomically asks
    /// for it, and restarts its count at one when the last failure is older).
    public func windowStart(now: Date) -> Date { now.addingTimeInterval(-window) }

    /// The end of the lock that this many failures within the window bring, if they bring one.
    public func lock(afterFailures failures: Int, now: Date) -> Date? {
        failures >= lockAfter ? now.addingTimeInterval(lockDuration) : nil
    }

    /// Failures outside the window no longer count; an expired lock is lifted.
    private func current(_ state: State, now: Date) -> State {
        var state = state
        if let until = state.lockedUntil, until <= now { state.lockedUntil = nil }
        if let last = state.lastFailure, now.timeIntervalSince(last) > window { state.failures = 0 }
        return state
    }
}
