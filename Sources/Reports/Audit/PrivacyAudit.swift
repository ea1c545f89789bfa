import CSV
import Foundation
import Geo

/// Checks a folder before it is shared: no count of people below the threshold, no PC6 codes
/// outside the area columns, no ids, names or free text from the match history, no e-mail
/// address or phone number in any text, no store.
public struct PrivacyAudit {
    public struct Finding: Sendable, Equatable, CustomStringConvertible {
        public var file: String
        /// Line in a CSV file (1 = header), feature number in a GeoPackage/XLSX layer, 0 for a whole file.
        public var line: Int
        public var field: String
        public var value: String
        public var reason: String
        public var description: String {
            "\(file)\(line > 0 ? ":\(line)" : "")\(field.isEmpty ? "" : " [\(field)]"): \(reason)\(value.isEmpty ? "" : " (\(value))")"
        }
    }

    /// Columns (and report figure measures) that count people or their requests.
    public static let countColumns: Set<String> = [
        "requests", "matched", "not_matched", "open", "help_requests", "info_requests", "total", "count", "matches",
        "same_area_matches",
    ]
    /// Columns that hold area codes (PC4 or PC6 areas, never a requester's postcode).
    public static let areaColumns: Set<String> = ["area_code", "adjacent_to", "group", "target_area"]
    /// Columns of text hulpatlas writes itself (explanations), not names taken from the input.
    static let freeTextColumns: Set<String> = ["description", "why", "not_ranked_reason", "missing_components"]
    /// Column names that carry direct identifiers or free text.
    public static let identifyingColumns: Set<String> = [
        "request_id", "helper_id", "requester_id", "id", "name", "naam", "subcategory", "opmerking", "opmerkingen", "omschrijving",
        "toelichting", "email", "e-mail", "telefoon", "phone", "address", "adres", "requester_postcode", "helper_postcode",
    ]

    public var threshold: Int
    /// Strings that must not appear anywhere (raw ids and free text from the match history):
    /// single words are looked up among a text's words, phrases as substrings.
    let secretWords: Set<String>
    let secretPhrases: [String]

    public init(threshold: Int = 5, secrets: Set<String> = []) {
        self.threshold = threshold
        let kept = secrets.map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.count >= 3 }
        secretWords = Set(kept.filter { !$0.contains(" ") })
        secretPhrases = kept.filter { $0.contains(" ") }
    }

    /// The text of a page without its tags and SVG path data (where digit runs mean nothing).
    static func visibleText(_ page: String) -> String {
        let withoutPaths = page.replacingOccurrences(of: " d=\"[^\"]*\"", with: " ", options: .regularExpression)
        return withoutPaths.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
    }

    /// Words of a text: runs of letters, digits and - _ / . (so that ids like R-00012 stay whole).
    static func words(_ text: String) -> [Substring] {
        text.split { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "/" || $0 == ".") }
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ".")) }.map { Substring($0) }
    }

    func containsSecret(_ text: String) -> Bool {
        if !secretWords.isEmpty, Self.words(text).contains(where: { secretWords.contains(String($0)) }) { return true }
        return secretPhrases.contains { text.contains($0) }
    }

    /// A PC6 postcode: 4 digits (not starting with 0), an optional space, 2 capitals other than SA, SD, SS.
    static let pc6 = try! NSRegularExpression(pattern: "\\b[1-9][0-9]{3} ?(?!SA|SD|SS)[A-Z]{2}\\b")

    static func containsPC6(_ s: String) -> Bool {
        pc6.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil
    }

    public func run(folder: String) throws -> (files: Int, findings: [Finding]) {
        let manager = FileManager.default
        guard let walker = manager.enumerator(atPath: folder) else {
            throw ReportError.cannotWrite(path: folder, reason: "not a folder that can be read")
        }
        var findings: [Finding] = []
        var files = 0
        for case let relative as String in walker {
            let path = (folder as NSString).appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            files += 1
            let ext = (relative as NSString).pathExtension.lowercased()
            // A file that cannot be read is a finding of its own (it cannot be shown to be safe),
            // and the audit goes on with the other files.
            func unreadable(_ error: Error) -> Finding {
                Finding(file: relative, line: 0, field: "", value: "",
                        reason: "cannot be read, so it cannot be checked: \(error)")
            }
            switch ext {
            case "csv": do { findings += try csv(path, name: relative) } catch { findings.append(unreadable(error)) }
            case "html", "htm": do { findings += try html(path, name: relative) } catch { findings.append(unreadable(error)) }
            case "gpkg", "xlsx": do { findings += try vector(path, name: relative) } catch { findings.append(unreadable(error)) }
            case "sqlite", "db", "sqlite3":
                findings.append(Finding(file: relative, line: 0, field: "", value: "",
                                        reason: "a hulpatlas store holds personal data (postcodes, dates); keep it out of a folder you share"))
            default:
                if relative.hasSuffix("-journal") || relative.hasSuffix("-wal") {
                    findings.append(Finding(file: relative, line: 0, field: "", value: "",
                                            reason: "part of a SQLite store; keep it out of a folder you share"))
                }
            }
        }
        return (files, findings)
    }

    /// One cell of a table: its column, its value and (for report_figures.csv) the figure's measure.
    func check(file: String, line: Int, column: String, value: String, measure: String? = nil) -> [Finding] {
        var out: [Finding] = []
        let name = column.lowercased()
        if PrivacyAudit.countColumns.contains(measure ?? name), let n = Int(value), n > 0, n < threshold {
            out.append(Finding(file: file, line: line, field: column, value: value,
                               reason: "a count below the suppression threshold of \(threshold)"))
        }
        if !PrivacyAudit.areaColumns.contains(name), PrivacyAudit.containsPC6(value) {
            out.append(Finding(file: file, line: line, field: column, value: value, reason: "a PC6 postcode"))
        }
        if !value.isEmpty, containsSecret(value) {
            out.append(Finding(file: file, line: line, field: column, value: "",
                               reason: "an id or free text from the match history"))
        }
        if Double(value) == nil, let contact = ContactDetails.find(in: value) {
            out.append(Finding(file: file, line: line, field: column, value: "", reason: contact.kind))
        }
        if Double(value) == nil, !PrivacyAudit.freeTextColumns.contains(name), PersonNames.find(in: value) != nil {
            out.append(Finding(file: file, line: line, field: column, value: "", reason: "what looks like a person's name"))
        }
        return out
    }

    func header(_ columns: [String], file: String) -> [Finding] {
        columns.filter { PrivacyAudit.identifyingColumns.contains($0.lowercased()) }.map {
            Finding(file: file, line: 1, field: $0, value: "", reason: "a column of identifiers or free text")
        }
    }

    func csv(_ path: String, name: String) throws -> [Finding] {
        guard let stream = InputStream(fileAtPath: path) else { return [] }
        let reader = try CSVReader(stream: stream, hasHeaderRow: true)
        let columns = reader.headerRow ?? []
        var out = header(columns, file: name)
        let measureIndex = columns.firstIndex(of: "measure")
        var line = 1
        while let row = reader.next() {
            line += 1
            for (i, value) in row.enumerated() where i < columns.count {
                let measure = measureIndex.map { columns[i] == "value" ? row[$0] : columns[i] }
                out += check(file: name, line: line, column: columns[i], value: value, measure: measure)
            }
        }
        return out
    }

    func vector(_ path: String, name: String) throws -> [Finding] {
        // XLSX: the first row is the header (GDAL cannot tell when every cell is text).
        let dataset = try VectorDataset(path: path, options: path.lowercased().hasSuffix(".xlsx") ? ["HEADERS=FORCE"] : [])
        var out: [Finding] = []
        for layerName in dataset.layerNames where layerName != "layer_styles" {
            let layer = try dataset.layer(named: layerName)
            let fields = layer.fields.map(\.name)
            out += header(fields, file: "\(name):\(layerName)")
            for (n, feature) in layer.enumerated() {
                for (i, field) in fields.enumerated() {
                    let text: String
                    switch feature.value(at: i) {
                    case .null: continue
                    case let .integer(v): text = String(v)
                    case let .real(v): text = v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : String(v)
                    case let .text(s): text = s
                    }
                    out += check(file: "\(name):\(layerName)", line: n + 1, column: field, value: text)
                }
            }
        }
        return out
    }

    func html(_ path: String, name: String) throws -> [Finding] {
        let page = try String(contentsOfFile: path, encoding: .utf8)
        var out: [Finding] = []
        // Figures: data-k="section|group|measure" data-v="value".
        let figure = try NSRegularExpression(pattern: "data-k=\"([^\"]*)\" data-v=\"([^\"]*)\"")
        for m in figure.matches(in: page, range: NSRange(page.startIndex..., in: page)) {
            let key = String(page[Range(m.range(at: 1), in: page)!]), value = String(page[Range(m.range(at: 2), in: page)!])
            let measure = key.split(separator: "|").last.map(String.init) ?? ""
            if PrivacyAudit.countColumns.contains(measure), let n = Int(value), n > 0, n < threshold {
                out.append(Finding(file: name, line: 0, field: key, value: value, reason: "a count below the suppression threshold of \(threshold)"))
            }
        }
        // Bars of charts carry their value in a title: "label: value".
        let bar = try NSRegularExpression(pattern: "<rect class=\"bar[^\"]*\"[^>]*><title>[^<]*: ([0-9]+)</title>")
        for m in bar.matches(in: page, range: NSRange(page.startIndex..., in: page)) {
            if let n = Int(page[Range(m.range(at: 1), in: page)!]), n > 0, n < threshold {
                out.append(Finding(file: name, line: 0, field: "chart", value: String(n), reason: "a bar shows a count below the suppression threshold of \(threshold)"))
            }
        }
        // Text outside the maps and the area tables and delivery lists (which list areas, not people).
        var text = page
        for pattern in ["<svg id=\"map-[^\"]*\".*?</svg>", "<section id=\"(reach|targets|delivery)\">.*?</section>", "<style>.*?</style>"] {
            text = try NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
                .stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: " ")
        }
        if let m = PrivacyAudit.pc6.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) {
            out.append(Finding(file: name, line: 0, field: "", value: String(text[Range(m.range, in: text)!]), reason: "a PC6 postcode"))
        }
        if let contact = ContactDetails.find(in: Self.visibleText(text)) {
            out.append(Finding(file: name, line: 0, field: "", value: "", reason: contact.kind))
        }
        if containsSecret(page) {
            out.append(Finding(file: name, line: 0, field: "", value: "", reason: "an id or free text from the match history"))
        }
        return out
    }
}
