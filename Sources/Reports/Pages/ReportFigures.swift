/// Every number a report shows, as CSV values (report_figures.csv) and as page text with a
/// `data-k` (key) and `data-v` (CSV value) attribute, so that page and CSV can be compared.
final class ReportFigures {
    struct Figure {
        var section: String
        var group: String
        var measure: String
        /// The value as in the CSV tables ("" when suppressed or missing).
        var value: String
        var suppressed: Bool
    }

    private(set) var figures: [Figure] = []
    private var seen = Set<String>()
    let text: ReportText

    init(text: ReportText) { self.text = text }

    /// A figure on the page. `csv` is the CSV form ("" = hidden when `suppressed`, else missing);
    /// `display` renders a present value. Every hidden number shows the same mark, "×": the page
    /// says no more about it than the CSV tables do (not whether it is small).
    func cell(_ section: String, _ group: String, _ measure: String, csv: String, suppressed: Bool,
              display: (Double) -> String) -> HTML {
        if seen.insert("\(section)|\(group)|\(measure)").inserted {
            figures.append(Figure(section: section, group: group, measure: measure, value: csv, suppressed: suppressed))
        }
        let shown: String
        if let v = Double(csv) { shown = display(v) } else { shown = suppressed ? ReportFigures.hiddenMark : "–" }
        return "<span class=\"fig\(suppressed ? " hid" : "")\" data-k=\"\(section)|\(group)|\(measure)\" data-v=\"\(csv)\">\(shown)</span>"
    }

    static let hiddenMark = "×"

    func count(_ section: String, _ group: String, _ measure: String, csv: String, suppressed: Bool) -> HTML {
        cell(section, group, measure, csv: csv, suppressed: suppressed) { self.text.count($0) }
    }

    func share(_ section: String, _ group: String, _ measure: String, csv: String, suppressed: Bool) -> HTML {
        cell(section, group, measure, csv: csv, suppressed: suppressed) { self.text.percent($0, decimals: 1) }
    }

    func metres(_ section: String, _ group: String, _ measure: String, csv: String, suppressed: Bool) -> HTML {
        cell(section, group, measure, csv: csv, suppressed: suppressed) { self.text.distance($0) }
    }

    func decimal(_ section: String, _ group: String, _ measure: String, csv: String, suppressed: Bool,
                 decimals: Int) -> HTML {
        cell(section, group, measure, csv: csv, suppressed: suppressed) { self.text.decimal($0, decimals: decimals) }
    }
}

/// A formatted CSV row as a dictionary by header name.
func record(_ header: [String], _ row: [String]) -> [String: String] {
    Dictionary(uniqueKeysWithValues: zip(header, row).map { ($0, $1) })
}
