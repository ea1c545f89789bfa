/// How far a long step has come, for a progress display. The command line sets a terminal bar
/// for the task (`Progress.$sink.withValue`); everywhere else, and in tests, nothing is shown.
public protocol ProgressSink: Sendable {
    /// Whether anything is shown: when not, a step need not count its units first.
    var isActive: Bool { get }
    /// A step starts with `total` units (0: not known beforehand).
    func begin(_ label: String, total: Int)
    /// `units` more are done (from any thread).
    func advance(_ units: Int)
    /// The step is over: the display is cleared.
    func end()
}

public enum Progress {
    /// The sink of the current task: silent unless the command line set one.
    @TaskLocal public static var sink: any ProgressSink = Silent()

    public struct Silent: ProgressSink {
        public init() {}
        public var isActive: Bool { false }
        public func begin(_ label: String, total: Int) {}
        public func advance(_ units: Int) {}
        public func end() {}
    }

    /// The text of a progress line: label, bar, share, count, rate and time left, e.g.
    /// `areas cbs_pc6.gpkg  [######----------]  41%  189,640/461,209  52,300/s  0:05 left`.
    /// Without a total: label, count and rate.
    public static func line(_ label: String, done: Int, total: Int, seconds: Double, barWidth: Int = 24) -> String {
        let rate = seconds > 0 ? Double(done) / seconds : 0
        let rateText = rate > 0 ? "  \(grouped(Int(rate.rounded())))/s" : ""
        guard total > 0 else { return "\(label)  \(grouped(done))\(rateText)" }
        let share = min(1, Double(done) / Double(total))
        let filled = Int((share * Double(barWidth)).rounded(.down))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: barWidth - filled)
        let percent = Int((share * 100).rounded(.down))
        let left = rate > 0 && done < total ? "  \(clock(Double(total - done) / rate)) left" : ""
        return "\(label)  [\(bar)] \(percent < 10 ? "  " : percent < 100 ? " " : "")\(percent)%  \(grouped(done))/\(grouped(total))\(rateText)\(left)"
    }

    /// m:ss, or h:mm:ss from an hour.
    public static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded(.up))
        let (h, m, r) = (s / 3600, s / 60 % 60, s % 60)
        let two = { (n: Int) in n < 10 ? "0\(n)" : "\(n)" }
        return h > 0 ? "\(h):\(two(m)):\(two(r))" : "\(m):\(two(r))"
    }

    public static func grouped(_ n: Int) -> String {
        var digits = Array(String(n)), out: [Character] = []
        while digits.count > 3 {
            out = [","] + digits.suffix(3) + out
            digits.removeLast(3)
        }
        return String(digits + out)
    }
}
