import Atlas
import Config
import Foundation
import Ingest
import Reports
import Store

/// The delivery lists of a stored flyer plan (docs/METHOD.md §10.4): for a PC6 plan its
/// targets grouped by PC4; for a PC4 plan each target split over PC6 areas: `deliveryAreas`
/// (read from a file, not stored) or else the store's PC6 set (of the plan's year, else the
/// nearest year). nil when neither applies (no PC6 areas, or buurten).
public enum DeliveryStage {
    public static func lists(_ stored: StoredTargetPlan, context: RunContext, roundSize: Int,
                             deliveryAreas: [AreaRecord]? = nil) throws -> [DeliveryList]? {
        let targets = stored.plan.targets
        var municipalities = Dictionary(context.areas.compactMap { a in a.municipality.map { (a.code, $0) } },
                                        uniquingKeysWith: { a, _ in a })
        if context.set.level == .pc6, municipalities.isEmpty,
           let pc4 = try nearestSet(.pc4, to: context.set.year, in: context.store) {
            // A PC6 file without municipality names: each PC6 area takes its PC4 area's.
            let byPC4 = Dictionary(try context.store.areas(level: .pc4, year: pc4).compactMap { a in
                a.municipality.map { (a.code, $0) }
            }, uniquingKeysWith: { a, _ in a })
            for t in targets { municipalities[t.code] = byPC4[String(t.code.prefix(4))] }
        }
        let points = Dictionary(context.areas.compactMap { a -> (String, (x: Double, y: Double))? in
            guard let x = a.pointX, let y = a.pointY else { return nil }
            return (a.code, (x, y))
        }, uniquingKeysWith: { a, _ in a })
        switch context.set.level {
        case .pc6:
            return DeliveryList.forPostcodeTargets(targets, municipalities: municipalities, points: points, roundSize: roundSize)
        case .pc4:
            let records: [AreaRecord]
            if let deliveryAreas {
                records = deliveryAreas
            } else {
                guard let year = try nearestSet(.pc6, to: context.set.year, in: context.store) else { return nil }
                records = try context.store.areas(level: .pc6, year: year, only: KnownColumns.households)
            }
            let wanted = Set(targets.map(\.code))
            let pc6 = records.compactMap { a -> DeliveryList.PostcodeArea? in
                guard wanted.contains(String(a.code.prefix(4))), let x = a.pointX, let y = a.pointY else { return nil }
                return DeliveryList.PostcodeArea(code: a.code, households: a.households, x: x, y: y)
            }
            return DeliveryList.forAreaTargets(targets, municipalities: municipalities, points: points, pc6: pc6,
                                               roundSize: roundSize)
        case .wijk, .buurt:
            return nil
        }
    }

    /// The year of the store's area set of `level` nearest to `year` (the later on a tie).
    static func nearestSet(_ level: AreaLevel, to year: Int, in store: AtlasStore) throws -> Int? {
        try store.areaSets().filter { $0.level == level }.map(\.year)
            .min { (abs($0 - year), -$0) < (abs($1 - year), -$1) }
    }

    /// delivery.csv and delivery.html (with `pdf`, delivery.pdf too) in `folder`; returns the file names (none without lists).
    public static func write(_ stored: StoredTargetPlan, context: RunContext, settings: TargetSettings,
                             language: ReportLanguage, pdf: Bool, folder: String, deliveryAreas: [AreaRecord]? = nil) throws -> [String] {
        guard let lists = try lists(stored, context: context, roundSize: settings.roundLetterboxes, deliveryAreas: deliveryAreas),
              !lists.isEmpty else {
            return []
        }
        try DeliveryTable.table(lists).writeCSV(in: folder)
        try DeliveryPage.write(lists, roundSize: settings.roundLetterboxes, language: language, folder: folder)
        let printed = pdf ? try PDFPrinter.print(pages: [DeliveryPage.file], in: folder) : []
        return ["delivery.csv", DeliveryPage.file] + printed
    }

    /// The PC6 areas of a delivery-areas file, read and checked as an area ingest would, not stored.
    public static func readAreas(_ path: String) throws -> (areas: [AreaRecord], rejects: [Reject], summary: String) {
        var options = AreaIngestOptions(boundaries: path)
        options.level = .pc6
        let (areas, rejects) = try AreaIngest.read(options)
        let areaRejects = rejects.filter { $0.file == path }.count
        return (areas, rejects, "delivery areas \(path): \(areas.count + areaRejects) read = \(areas.count) accepted + \(areaRejects) rejected (PC6, for the delivery lists only)")
    }
}
