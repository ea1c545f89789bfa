import ArgumentParser

@main
struct Hulpatlas: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hulpatlas",
        abstract: "Risk maps and impact reports for neighbourhood-help organisations, from CBS postcode statistics.",
        subcommands: [RunCommand.self, IngestCommand.self, InfoCommand.self])
}

struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest", abstract: "Read input files into the store.",
        subcommands: [IngestAreasCommand.self])
}
