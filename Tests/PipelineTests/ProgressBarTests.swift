import Atlas
import Foundation
import Synchronization
import Testing
@testable import Pipeline

/// The progress line's text, and the terminal bar that draws it: redrawn in place, rate-limited,
/// cleared at the end, and silent when nothing was drawn.
struct ProgressBarTests {
    @Test func theLineShowsShareCountRateAndTimeLeft() {
        #expect(Progress.line("x", done: 50, total: 200, seconds: 10)
                == "x  [######------------------]  25%  50/200  5/s  0:30 left")
        #expect(Progress.line("areas", done: 189_640, total: 461_209, seconds: 3.6, barWidth: 10)
                == "areas  [####------]  41%  189,640/461,209  52,678/s  0:06 left")
        // Done: full bar, no time left.
        #expect(Progress.line("x", done: 200, total: 200, seconds: 4, barWidth: 4) == "x  [####] 100%  200/200  50/s")
        // More than the total (a count that was an estimate) stays at 100%.
        #expect(Progress.line("x", done: 300, total: 200, seconds: 1, barWidth: 4) == "x  [####] 100%  300/200  300/s")
        // Before any time has passed there is no rate and no estimate.
        #expect(Progress.line("x", done: 0, total: 10, seconds: 0, barWidth: 4) == "x  [----]   0%  0/10")
    }

    @Test func withoutATotalTheLineShowsCountAndRate() {
        #expect(Progress.line("requests.csv", done: 1_234_567, total: 0, seconds: 2) == "requests.csv  1,234,567  617,284/s")
        #expect(Progress.line("requests.csv", done: 0, total: 0, seconds: 0) == "requests.csv  0")
    }

    @Test func timeLeftIsMinutesAndSecondsOrHours() {
        #expect(Progress.clock(0) == "0:00")
        #expect(Progress.clock(59.2) == "1:00")
        #expect(Progress.clock(61) == "1:01")
        #expect(Progress.clock(3_600) == "1:00:00")
        #expect(Progress.clock(3_725) == "1:02:05")
        #expect(Progress.grouped(999) == "999")
        #expect(Progress.grouped(1_000) == "1,000")
        #expect(Progress.grouped(12_345_678) == "12,345,678")
    }

    @Test func theBarRedrawsInPlaceAtMostTenTimesASecondAndClearsAtTheEnd() {
        let written = Mutex<[String]>([])
        let bar = TerminalProgressBar { text in written.withLock { $0.append(text) } }
        bar.begin("pages", total: 1_000)
        for _ in 0..<500 { bar.advance(1) }     // far quicker than 0.1 s: not drawn yet
        #expect(written.withLock { $0.isEmpty })
        Thread.sleep(forTimeInterval: 0.15)
        for _ in 0..<500 { bar.advance(1) }     // drawn once, then again only after 0.1 s
        bar.end()
        let lines = written.withLock { $0 }
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("\r\u{1B}[2Kpages  [") == true)
        #expect(lines.last == "\r\u{1B}[2K")
        // After the end, advancing draws nothing.
        bar.advance(5)
        #expect(written.withLock { $0.count } == 2)
    }

    @Test func aStepThatWasNeverDrawnIsNotCleared() {
        let written = Mutex<[String]>([])
        let bar = TerminalProgressBar { text in written.withLock { $0.append(text) } }
        bar.begin("nothing", total: 3)
        bar.end()
        #expect(written.withLock { $0.isEmpty })
    }

    @Test func withoutATerminalNothingIsShown() throws {
        // Tests run with stderr piped: the command line's bar must then be silent.
        guard isatty(STDERR_FILENO) == 0 else { return }
        #expect(TerminalProgressBar.forStandardError().isActive == false)
        let active = try TerminalProgressBar.showing { Progress.sink.isActive }
        #expect(active == false)
    }
}
