import Foundation
import Geo

/// How every output file is written: to a temporary file beside it, `.<name>.tmp-<pid>.<ext>`
/// (`VectorFileWriter.temporaryPath`, the name the GeoPackage and XLSX writer uses too), renamed
/// over the target when complete. A run killed half-way leaves such a file; the next run that
/// writes into the folder removes the ones whose process is gone (`removeStaleTemporaries`).
public enum OutputFile {
    /// Writes `data` to `path` atomically (temporary file, then rename).
    public static func write(_ data: Data, to path: String) throws(ReportError) {
        let temporary = VectorFileWriter.temporaryPath(for: path)
        do {
            try data.write(to: URL(fileURLWithPath: temporary))
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw ReportError.cannotWrite(path: path, reason: POSIXErrorDescription(error) ?? "\(error)")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw ReportError.cannotWrite(path: path, reason: reason)
        }
    }

    /// `.<name>.tmp-<pid>.<ext>`: the pid of the process that wrote it.
    static func temporaryOwner(_ name: String) -> pid_t? {
        guard name.hasPrefix("."), let range = name.range(of: #"\.tmp-([0-9]{1,10})\.[^.]*$"#, options: .regularExpression)
        else { return nil }
        let digits = name[range].dropFirst(5).prefix { $0.isNumber }
        return pid_t(digits)
    }

    /// Removes the temporary files of runs that were killed (their process no longer exists);
    /// returns their names.
    @discardableResult
    public static func removeStaleTemporaries(in folder: String) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        var removed: [String] = []
        for name in names.sorted() {
            guard let pid = temporaryOwner(name), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            if (try? FileManager.default.removeItem(atPath: (folder as NSString).appendingPathComponent(name))) != nil {
                removed.append(name)
            }
        }
        return removed
    }
}

/// Cells that a spreadsheet program would run as a formula (OWASP, *CSV Injection*): text that
/// starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, so that Excel,
/// LibreOffice and Google Sheets show it as text. Numbers (`-3`, `+1.5e3`) are left alone.
public enum SpreadsheetSafe {
    static let triggers: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    public static func cell(_ text: String) -> String {
        guard let first = text.first, triggers.contains(first) else { return text }
        if Double(text) != nil, text.allSatisfy({ "0123456789+-.eE".contains($0) }) { return text }
        return "'" + text
    }
}

/// The files hulpatlas writes into an output folder, so that no input is overwritten by them.
public enum OutputNames {
    static let fixed: Set<String> = Set(IndexPage.descriptions.map(\.file)).union(["index.html", "targets.gpkg"])

    public static func isWritten(_ name: String) -> Bool {
        fixed.contains(name) || (name.hasPrefix("report") && name.hasSuffix(".html"))
    }

    /// A path with `..`, `.` and links resolved.
    static func resolved(_ path: String) -> URL { URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath() }

    /// The inputs that lie in `folder` under a name hulpatlas writes there.
    public static func inputsOverwritten(by folder: String, inputs: [String]) -> [String] {
        let target = resolved(folder).path
        return inputs.filter { input in
            let url = resolved(input)
            return url.deletingLastPathComponent().path == target && isWritten(url.lastPathComponent)
        }
    }

    /// Whether two paths name the same file.
    public static func sameFile(_ a: String, _ b: String) -> Bool { resolved(a).path == resolved(b).path }
}
