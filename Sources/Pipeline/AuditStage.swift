import Atlas
import Config
import Foundation
import Ingest
import Reports
import Store

/// The ids and free text of a match-history or volunteer file: the values of its id and
/// subcategory columns and of columns named like names, remarks or contact details.
public enum AuditSecrets {
    public static func fromFile(_ path: String, canonical: [String: [String]], mapping: [String: String]) throws -> Set<String> {
        let reader = try CSVRecordReader(path: path)
        let normalise = { (s: String) in s.lowercased().replacingOccurrences(of: " ", with: "_") }
        var wanted = Set<Int>()
        for (i, header) in reader.header.enumerated() {
            let name = normalise(header)
            let mappedTo = mapping.first { normalise($0.value) == name }?.key
            let canonicalName = mappedTo ?? canonical.first { $0.key == name || $0.value.map(normalise).contains(name) }?.key
            if let c = canonicalName, ["request_id", "helper_id", "subcategory"].contains(c) { wanted.insert(i) }
            if PrivacyAudit.identifyingColumns.contains(name), !["requester_postcode", "helper_postcode"].contains(name) {
                wanted.insert(i)
            }
        }
        var out = Set<String>()
        while let record = try reader.next() {
            for i in wanted where i < record.fields.count {
                let v = record.fields[i].trimmingCharacters(in: .whitespaces)
                if !v.isEmpty { out.insert(v) }
            }
        }
        return out
    }
}
