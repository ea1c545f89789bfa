import Atlas

/// How a figure is written on a page.
enum FigureKind {
    case count, share, metres
    case decimal(Int)
}

extension QuarterPage {
    /// A cell of a protected table as a page figure: "–" when the table has no such row or value,
    /// "×" when the cell is hidden. `section` and `group` name the table and row in
    /// report_figures.csv, so that the audit can compare the page with the table.
    func figure<C: TableColumn>(_ section: String, _ group: String, _ row: PublishedRow<C>?, _ column: C, _ kind: FigureKind) -> HTML {
        let csv = row?[column] ?? ""
        let hidden = csv.isEmpty && row.map { r in C(rawValue: "suppressed").map { r[$0] == "1" } ?? false } == true
        switch kind {
        case .count: return figures.count(section, group, column.rawValue, csv: csv, suppressed: hidden)
        case .share: return figures.share(section, group, column.rawValue, csv: csv, suppressed: hidden)
        case .metres: return figures.metres(section, group, column.rawValue, csv: csv, suppressed: hidden)
        case let .decimal(d): return figures.decimal(section, group, column.rawValue, csv: csv, suppressed: hidden, decimals: d)
        }
    }
}
