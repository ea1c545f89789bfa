import Geo
import LP
import Store

/// What `hulpatlas --version` says: the tool's version and the libraries it runs on.
public enum BuildInfo {
    public static let version = "0.17.0"

    public static var description: String {
        "\(version) (GDAL \(GDALRuntime.version), GLPK \(LinearProgram.solverVersion), SQLite \(AtlasStore.sqliteVersion))"
    }
}
