import CGDAL
import Foundation

/// One-time GDAL set-up: registers the drivers, asks PROJ for x/y = lon/lat order, and installs
/// an error handler so GDAL never prints to the terminal. Failures surface as `GeoError` with
/// GDAL's message (read back with `CPLGetLastErrorMsg`); warnings are collected in
/// `GDALDiagnostics` for the caller to report.
public enum GDALRuntime {
    private static let initialised: Void = {
        CPLSetErrorHandler { errorClass, _, message in
            let text = message.map { String(cString: $0) } ?? "(no message)"
            switch errorClass {
            case CE_Warning: GDALDiagnostics.shared.addWarning(text)
            case CE_Failure, CE_Fatal: GDALDiagnostics.shared.addFailure(text)
            default: break
            }
        }
        GDALAllRegister()
    }()

    /// Call before any GDAL use; cheap after the first time.
    public static func ensureInitialised() { _ = initialised }

    /// GDAL's release name, e.g. "3.6.2".
    public static var version: String {
        ensureInitialised()
        return String(cString: GDALVersionInfo("RELEASE_NAME"))
    }

    /// The last failure message GDAL recorded on this thread, then reset.
    static func takeLastErrorMessage(default fallback: String) -> String {
        let message = String(cString: CPLGetLastErrorMsg())
        CPLErrorReset()
        return message.isEmpty ? fallback : message
    }
}

/// Warnings and failures GDAL reported through its error handler.
public final class GDALDiagnostics: @unchecked Sendable {
    public static let shared = GDALDiagnostics()
    private let lock = NSLock()
    private var warnings: [String] = []
    private var droppedWarnings = 0
    private let maxKept = 1_000

    func addWarning(_ text: String) {
        lock.lock(); defer { lock.unlock() }
        if warnings.count < maxKept { warnings.append(text) } else { droppedWarnings += 1 }
    }

    func addFailure(_ text: String) {
        // Failures are read back with CPLGetLastErrorMsg by the call that failed; keep a copy
        // as a warning too, so a failure inside a call that still returns is never lost.
        addWarning("error: " + text)
    }

    /// Returns and clears the warnings collected so far (plus how many were not kept).
    public func drain() -> (warnings: [String], notKept: Int) {
        lock.lock(); defer { lock.unlock() }
        let result = (warnings, droppedWarnings)
        warnings.removeAll()
        droppedWarnings = 0
        return result
    }
}
