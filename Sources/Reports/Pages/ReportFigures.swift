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
    /// `display` renders a present value.
    /// A hidden count shows "<5" when it is small, "×" when it is hidden only so that a small
    /// count elsewhere cannot be worked out from it (and a hidden statistic shows "×").
    func cell(_ section: String, _ group: String, _ measure: String, csv: String, suppressed: Bool,
              hiddenText: String = ReportFigures.protectedMark, display: (Double) -> String) -> HTML {
        if seen.insert("\(section)|\(group)|\(measure)").inserted {
            figures.append(Figure(section: section, group: group, measure: measure, value: csv, suppressed: suppressed))
        }
        let shown: String
        if let v = Double(csv) { shown = display(v) } else { shown = suppressed ? hiddenText : "–" }
        return "<span class=\"fig\(suppressed ? " hid" : "")\" data-k=\"\(section)|\(group)|\(measure)\" data-v=\"\(csv)\">\(shown)</span>"
    }

    static let protectedMark = "×"

    /// `raw` is the true count, used only to choose between "<5" and "×" when hidden.
    func count(_ section: String, _ group: String, _ measure: String, csv: String, suppressed: Bool, raw: Int?) -> HTML {
        let small = (raw ?? 0) < text.threshold
        return cell(section, group, measure, csv: csv, suppressed: suppressed,
                    hiddenText: small ? text.hidden : ReportFigures.protectedMark) { self.text.count($0) }
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
