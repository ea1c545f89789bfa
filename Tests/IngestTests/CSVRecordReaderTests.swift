import Foundation
import Ingest
import Testing
import TestSupport

@Suite struct CSVRecordReaderTests {
    func reader(_ bytes: [UInt8], maxFieldBytes: Int = 1_000) throws -> (CSVRecordReader, TemporaryDirectory) {
        let dir = try TemporaryDirectory()
        let path = dir.path("f.csv")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return (try CSVRecordReader(path: path, maxFieldBytes: maxFieldBytes), dir)
    }

    func all(_ r: CSVRecordReader) throws -> [CSVRecordReader.Record] {
        var out: [CSVRecordReader.Record] = []
        while let rec = try r.next() { out.append(rec) }
        return out
    }

    @Test func bomSemicolonCRLFQuotedNewlinesAndLineNumbers() throws {
        let text = "\u{FEFF}a;b;c\r\n1;\"x;y\";\"he said \"\"hi\"\"\"\r\n\r\n2;\"multi\r\nline\";z\r\n3;;\r\n"
        let (r, _dir) = try reader(Array(text.utf8))
        _ = _dir
        #expect(r.header == ["a", "b", "c"])
        #expect(r.delimiter == UInt8(ascii: ";"))
        let recs = try all(r)
        #expect(recs.map(\.fields) == [["1", "x;y", "he said \"hi\""], ["2", "multi\r\nline", "z"], ["3", "", ""]])
        #expect(recs.map(\.line) == [2, 4, 6], "lines count the quoted newline")
        #expect(r.blankLines == 1)
        #expect(recs.allSatisfy { $0.problem == nil })
    }

    @Test func commaIsDetectedAndLoneCRAndLFEndingsWork() throws {
        let (r, _dir) = try reader(Array("a,b\r1,2\n3,4".utf8))
        _ = _dir
        #expect(r.delimiter == UInt8(ascii: ","))
        #expect(try all(r).map(\.fields) == [["1", "2"], ["3", "4"]])
    }

    @Test func problemsAreReportedPerRecord() throws {
        // 0x81 is neither UTF-8 nor Windows-1252.
        var bytes = Array("id,note\n1,caf".utf8) + [0x81] + Array("\n2,\"ok\"x\n3,".utf8)
        bytes += Array(repeating: UInt8(ascii: "a"), count: 10_000) + Array("\n4,\"never closed\n".utf8)
        let (r, _dir) = try reader(bytes)
        _ = _dir
        let recs = try all(r)
        #expect(recs.map(\.problem) == [
            .invalidUTF8(field: 1), .textAfterClosingQuote(field: 1),
            .fieldTooLong(field: 1, bytes: 10_000, limit: 1_000), .unterminatedQuote,
        ])
        #expect(recs[2].fields[1].utf8.count == 1_000, "memory stays bounded: the field is cut")
        #expect(recs.map(\.line) == [2, 3, 4, 5])
    }

    @Test func excelWindows1252IsReadAsSuch() throws {
        // Excel's plain "CSV" on Dutch Windows: é (0xE9), € (0x80), ’ (0x92), also in the header.
        let bytes = Array("id;omschrijving;caf".utf8) + [0xE9] + Array("\n1;".utf8) + [0x80, 0x20, 0x35, 0x92, 0x73] + Array(";x\n".utf8)
        let (r, _dir) = try reader(bytes)
        _ = _dir
        #expect(r.header == ["id", "omschrijving", "café"])
        let recs = try all(r)
        #expect(recs.map(\.problem) == [nil])
        #expect(recs[0].fields == ["1", "€ 5’s", "x"])
        #expect(r.windows1252Fields == 1, "data fields only")
    }

    @Test func wholeFileProblems() throws {
        #expect(throws: CSVRecordReader.FileError.self) { try reader([]) }
        #expect(throws: CSVRecordReader.FileError.self) { try reader([0xFF, 0xFE, 0x61, 0x00]) }
        #expect(throws: CSVRecordReader.FileError.self) { try reader(Array("\n\n\n".utf8)) }
        #expect(throws: CSVRecordReader.FileError.self) { try reader([0x61, 0x81, 0x0A, 0x31]) }
        let dir = try TemporaryDirectory()
        #expect(throws: CSVRecordReader.FileError.cannotRead(path: dir.url.path, reason: "it is a directory")) {
            try CSVRecordReader(path: dir.url.path)
        }
    }
}
