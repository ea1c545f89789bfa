import Atlas
import Foundation
import Synchronization

/// A progress bar on stderr, redrawn in place at most ten times a second and cleared at the
/// end, so that the printed summaries stay as they are. Only on a terminal: piped or
/// redirected output never sees it (`forStandardError()` is silent then).
public final class TerminalProgressBar: ProgressSink {
    private struct State {
        var label = ""
        var total = 0
        var done = 0
        var started = Date()
        var drawn = Date()
        var hasDrawn = false
        var running = false
    }

    private let state = Mutex(State())
    private let write: @Sendable (String) -> Void

    init(write: @escaping @Sendable (String) -> Void) { self.write = write }

    /// The bar when stderr is a terminal (and TERM is not "dumb"), else silence.
    public static func forStandardError() -> any ProgressSink {
        guard isatty(STDERR_FILENO) == 1, ProcessInfo.processInfo.environment["TERM"] != "dumb" else { return Progress.Silent() }
        return TerminalProgressBar { text in FileHandle.standardError.write(Data(text.utf8)) }
    }

    /// Runs `body` with the bar as the task's progress sink (silent when stderr is no terminal).
    public static func showing<T>(_ body: () throws -> T) throws -> T {
        try Progress.$sink.withValue(forStandardError()) { try body() }
    }

    public var isActive: Bool { true }

    public func begin(_ label: String, total: Int) {
        // The first draw waits 0.1 s too, so that the rate is not guessed from the first unit.
        let now = Date()
        state.withLock { $0 = State(label: label, total: max(0, total), started: now, drawn: now, running: true) }
    }

    public func advance(_ units: Int) {
        let line: String? = state.withLock { s in
            guard s.running else { return nil }
            s.done += units
            let now = Date()
            guard now.timeIntervalSince(s.drawn) >= 0.1 else { return nil }
            s.drawn = now
            s.hasDrawn = true
            return Progress.line(s.label, done: s.done, total: s.total, seconds: now.timeIntervalSince(s.started))
        }
        if let line { write("\r\u{1B}[2K" + line) }
    }

    public func end() {
        let wasRunning = state.withLock { s in
            defer { s.running = false }
            return s.running && s.hasDrawn
        }
        if wasRunning { write("\r\u{1B}[2K") }
    }
}
