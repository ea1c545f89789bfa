import ArgumentParser
import Pipeline

struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info", abstract: "Show what the store holds.")

    @Option(help: "The SQLite store.")
    var db: String = "hulpatlas.sqlite"

    func run() throws {
        for line in try InfoStage.lines(db: db) { print(line) }
    }
}
