import Atlas
import Foundation
import GRDB

/// How an area's statistics are stored: one row per area (issue #19; it was one row per cell,
/// 15.5 million rows for the PC6 areas of the country), as two JSON arrays by column
/// position: `numbers` (a number, or null) and `codes` (a CBS code, or null; the whole array
/// NULL when the area has none). A position's column name is in `area_columns`. JSON keeps
/// the cells readable in SQL: the view `area_values` turns them back into one row per cell.
///
/// Numbers are written in their shortest round-trip form (whole numbers without a fraction)
/// and read back with `strtod`, so every value comes back bit for bit.
struct AreaCells: Equatable {
    var numbers: String?
    var codes: String?

    /// The positions of a set's columns, assigned in the order first seen.
    struct Columns {
        private(set) var names: [String] = []
        private var positions: [String: Int] = [:]

        /// The position of `name` if it has one.
        func existing(_ name: String) -> Int? { positions[name] }

        /// The position of `name`, and whether it is new.
        mutating func position(of name: String) -> (position: Int, isNew: Bool) {
            if let p = positions[name] { return (p, false) }
            positions[name] = names.count
            names.append(name)
            return (names.count - 1, true)
        }
    }

    /// The cells of one area; new columns get the next positions (`added` lists them).
    static func encode(_ values: [String: CBSValue], columns: inout Columns, added: inout [(position: Int, name: String)]) -> AreaCells {
        var numbers: [Double?] = []
        var codes: [Int?] = []
        var anyCode = false
        for name in values.keys.sorted() {
            guard let value = values[name], value != .empty else { continue }
            let (p, isNew) = columns.position(of: name)
            if isNew { added.append((p, name)) }
            if numbers.count <= p {
                numbers += [Double?](repeating: nil, count: p + 1 - numbers.count)
                codes += [Int?](repeating: nil, count: p + 1 - codes.count)
            }
            switch value {
            case let .number(v) where v.isFinite: numbers[p] = v
            case let .special(code):
                codes[p] = code
                anyCode = true
            case .number, .empty: break  // not finite: no value (JSON has no NaN)
            }
        }
        guard numbers.contains(where: { $0 != nil }) || anyCode else { return AreaCells(numbers: nil, codes: nil) }
        return AreaCells(numbers: json(numbers, format: number), codes: anyCode ? json(codes, format: { String($0) }) : nil)
    }

    /// The statement `encode(_:columns:recordingIn:)` records new columns with.
    static let insertColumnSQL = "INSERT INTO area_columns (level, year, position, name) VALUES (?, ?, ?, ?)"

    /// The cells of one area; each new column is recorded with `newColumn` (prepared from
    /// `insertColumnSQL`, with the set's level and year bound).
    static func encode(_ values: [String: CBSValue], columns: inout Columns, recordingIn newColumn: DirectStatement) throws -> AreaCells {
        var added: [(position: Int, name: String)] = []
        let cells = encode(values, columns: &columns, added: &added)
        for (position, name) in added {
            try newColumn.bind(3, Int64(position))
            try newColumn.bind(4, name)
            try newColumn.step()
        }
        return cells
    }

    /// The cells again, by column name (`names[p]` nil: a column that is not read).
    static func decode(_ cells: AreaCells, names: [String?]) -> [String: CBSValue]? {
        var values: [String: CBSValue] = [:]
        values.reserveCapacity(names.count)
        guard cells.numbers.map({ parse($0, { values[$1] = .number($0) }, names) }) ?? true,
              cells.codes.map({ parse($0, { values[$1] = .special(code: Int(exactly: $0) ?? Int(saturating: $0)) }, names) }) ?? true
        else { return nil }
        return values
    }

    private static func json<T>(_ cells: [T?], format: (T) -> String) -> String {
        var out = "["
        out.reserveCapacity(cells.count * 8 + 2)
        for (k, cell) in cells.enumerated() {
            if k > 0 { out += "," }
            if let cell { out += format(cell) } else { out += "null" }
        }
        return out + "]"
    }

    /// A whole number without its ".0"; any other in Swift's shortest form that reads back exactly.
    private static func number(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e15, !(v == 0 && v.sign == .minus) { return String(Int64(v)) }
        return v.description
    }

    /// Reads `[n, null, …]`, calling `cell` with each number and its column's name, up to the
    /// last position in `names`; false when the text is not such an array.
    private static func parse(_ text: String, _ cell: (Double, String) -> Void, _ names: [String?]) -> Bool {
        text.withCString { start -> Bool in
            var p = start
            func skipSpaces() { while p.pointee == 0x20 || p.pointee == 0x0A || p.pointee == 0x09 || p.pointee == 0x0D { p += 1 } }
            skipSpaces()
            guard p.pointee == 0x5B else { return false }  // [
            p += 1
            skipSpaces()
            if p.pointee == 0x5D { return true }  // ]
            var position = 0
            while true {
                if position >= names.count { return true }  // the rest is not read
                skipSpaces()
                if p.pointee == 0x6E {  // null
                    guard p[1] == 0x75, p[2] == 0x6C, p[3] == 0x6C else { return false }
                    p += 4
                } else {
                    var end: UnsafeMutablePointer<CChar>?
                    let v = strtod(p, &end)
                    guard let end, end != UnsafeMutablePointer(mutating: p), v.isFinite else { return false }
                    p = UnsafePointer(end)
                    if let name = names[position] { cell(v, name) }
                }
                position += 1
                skipSpaces()
                if p.pointee == 0x2C { p += 1; continue }  // ,
                guard p.pointee == 0x5D else { return false }
                p += 1
                skipSpaces()
                return p.pointee == 0
            }
        }
    }
}

extension AreaCells {
    /// Schema step v14: the rows of the old `area_values` table into their areas' cells.
    static func moveCells(_ db: Database) throws {
        let update = try DirectStatement(db, sql: "UPDATE areas SET numbers = ?, codes = ? WHERE level = ? AND year = ? AND code = ?")
        let insertColumn = try DirectStatement(db, sql: insertColumnSQL)
        var columns: [String: Columns] = [:]
        var current: (level: String, year: Int64, code: String)?
        var values: [String: CBSValue] = [:]
        func flush() throws {
            guard let area = current else { return }
            try insertColumn.bind(1, area.level)
            try insertColumn.bind(2, area.year)
            let cells = try encode(values, columns: &columns["\(area.level) \(area.year)", default: Columns()], recordingIn: insertColumn)
            try update.bind(1, cells.numbers)
            try update.bind(2, cells.codes)
            try update.bind(3, area.level)
            try update.bind(4, area.year)
            try update.bind(5, area.code)
            try update.step()
        }
        let cursor = try Row.fetchCursor(db, sql: """
            SELECT level, year, code, indicator, value, special_code FROM area_values ORDER BY level, year, code, indicator
            """)
        while let row = try cursor.next() {
            let key: (level: String, year: Int64, code: String) = (row[0], row[1], row[2])
            if current.map({ $0 != key }) ?? true {
                try flush()
                current = key
                values = [:]
            }
            let special: Int? = row[5]
            values[row[3]] = special.map { .special(code: $0) } ?? .number(row[4])
        }
        try flush()
    }
}
