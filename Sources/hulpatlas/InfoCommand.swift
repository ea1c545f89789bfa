import ArgumentParser
import Pipeline
import Store

struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info", abstract: "Show what the store holds.")

    @Option(help: "The SQLite store.")
    var db: String = "hulpatlas.sqlite"

    func run() throws {
        let store = try AtlasStore(path: db, exclusive: false, readOnly: true)
        let sets = try store.areaSets()
        if sets.isEmpty { print("\(db): no areas yet (run `hulpatlas ingest areas`)") }
        for set in sets {
            let indicators = try store.indicators(level: set.level, year: set.year)
            let special = indicators.reduce(0) { $0 + $1.special }
            print("\(set.label): \(set.areaCount) areas from \(set.source) (\(set.sourceCRS)); "
                  + "\(indicators.count) indicators, \(special) CBS-coded cells")
        }
    }
}
