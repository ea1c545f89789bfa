import ArgumentParser
import Foundation
import Pipeline

@main
enum Main {
    static func main() {
        do {
            var command = try Hulpatlas.parseAsRoot()
            // A progress bar on stderr for the long steps, on a terminal only.
            try TerminalProgressBar.showing { try command.run() }
        } catch {
            // Flush what was printed before the error goes to stderr, so that they appear in order.
            fflush(nil)
            Hulpatlas.exit(withError: error)
        }
    }
}

struct Hulpatlas: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hulpatlas",
        abstract: "Risk maps and impact reports for neighbourhood-help organisations, from CBS postcode statistics.",
        version: BuildInfo.description,
        subcommands: [RunCommand.self, IngestCommand.self, IndexCommand.self, AnalyseCommand.self, TargetCommand.self,
                      ReportCommand.self, StudyCommand.self, CampaignCommand.self, ExportCommand.self, AuditCommand.self, InfoCommand.self])
}

struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest", abstract: "Read input files into the store.",
        subcommands: [IngestAreasCommand.self, IngestRequestsCommand.self, IngestHelpersCommand.self])
}
