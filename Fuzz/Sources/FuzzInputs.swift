import Atlas
import Config
import Foundation
import Ingest

#if FUZZING
/// libFuzzer entry point: the bytes are a CSV file (read by the strict reader, every field
/// also parsed as a postcode, a date and a CBS value) and a TOML config. Crashes, sanitizer
/// reports and broken invariants (a trap) are findings; every finding becomes a corpus case.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzInputs(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    let path = FuzzFile.path
    guard (try? bytes.write(to: URL(fileURLWithPath: path))) != nil else { return 0 }

    if let reader = try? CSVRecordReader(path: path, maxFieldBytes: 64, maxRecordBytes: 4096) {
        precondition(reader.header.count <= CSVRecordReader.maxFields + 1)
        var lastLine = 1
        var rows: [[String]] = [reader.header]
        while let record = try? reader.next() {
            // Resynchronisation: every record starts on a later line than the one before.
            precondition(record.line > lastLine, "record on line \(record.line) after one on line \(lastLine)")
            lastLine = record.line
            if rows.count < 40 { rows.append(record.fields) }
            precondition(record.fields.count <= CSVRecordReader.maxFields, "too many fields kept")
            for field in record.fields {
                precondition(field.utf8.count <= 64 * 4, "a field longer than its limit was kept")
                check(field)
            }
        }
        // The statistics header detection on the first rows: a header row inside the rows,
        // data after it.
        if let header = try? StatisticsHeaderProbe.detect(rows) {
            precondition(header.row < rows.count && header.dataStart > header.row && header.dataStart <= header.row + 2)
        }
    }
    if let text = String(data: bytes, encoding: .utf8) {
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).prefix(64) { check(String(line)) }
        _ = try? HulpatlasConfig.load(path: path)
    }
    return 0
}

/// SwiftPM links an executable's entry point as `<module>_main`; hand control to libFuzzer.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

@_cdecl("hulpatlas_fuzz_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    var count = argc
    var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzzInputs)
}
#else
/// Without -DFUZZING (a normal build) there is nothing to run: `make fuzz` builds the real one.
@main struct FuzzStub {
    static func main() {
        FileHandle.standardError.write(Data("hulpatlas-fuzz: build with `make fuzz` (libFuzzer, -sanitize=fuzzer,address)\n".utf8))
        exit(2)
    }
}
#endif

/// Every parser on one string, with round-trip invariants.
func check(_ s: String) {
    if let p = try? Postcode(parsing: s) {
        let again = try? Postcode(parsing: p.code)
        precondition(again == p, "postcode does not round-trip: \(s) → \(p.code)")
        precondition(p.pc4.count == 4)
    }
    if let code = try? AreaCode(parsing: s) {
        precondition((try? AreaCode(parsing: code.code))?.code == code.code, "area code does not round-trip: \(s)")
        precondition((try? AreaCode(parsing: code.code, level: code.level)) != nil)
    }
    _ = CBSVocabulary.labelHeader([s])
    if let d = try? Day(parsing: s) {
        precondition((try? Day(parsing: d.description)) == d, "date does not round-trip: \(s)")
        precondition((1...12).contains(d.month) && (1...31).contains(d.day))
    }
    if let v = CBSValue(parsing: s) {
        if case let .number(n) = v { precondition(n.isFinite && n > CBSValue.codeThreshold) }
    }
    _ = CBSValue(parsing: s, decimalComma: true)
}

enum FuzzFile {
    /// One scratch file per process, in memory-backed /dev/shm when there is one.
    static let path: String = {
        let dir = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        return "\(dir)/hulpatlas-fuzz-\(getpid()).csv"
    }()
}
