import Foundation

/// E-mail addresses and Dutch phone numbers in text: what a volunteer typed into a location or
/// organisation field of the export, which would then reach every table that names it.
enum ContactDetails {
    static let email = try! NSRegularExpression(pattern: "[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}")
    /// 06-12345678, 010 123 4567, +31 6 1234 5678, 0031612345678: a national prefix, then digits
    /// with at most single spaces or hyphens between them.
    static let phone = try! NSRegularExpression(pattern: "(?<![0-9A-Za-z.,])(\\+31|0031|0)[ -]?[1-9]([ -]?[0-9]){7,8}(?![0-9.,])")

    /// What kind of contact detail `text` holds, and the match; nil when none.
    static func find(in text: String) -> (kind: String, match: String)? {
        guard text.contains(where: { $0 == "@" || $0.isNumber }) else { return nil }
        let range = NSRange(text.startIndex..., in: text)
        if let m = email.firstMatch(in: text, range: range), let r = Range(m.range, in: text) {
            return ("an e-mail address", String(text[r]))
        }
        for m in phone.matches(in: text, range: range) {
            guard let r = Range(m.range, in: text) else { continue }
            let match = String(text[r])
            let digits = match.filter(\.isNumber)
            // A national number has 10 digits (0 + 9); with +31 or 0031 the 0 is dropped.
            let national = match.hasPrefix("+31") ? digits.count == 11 : match.hasPrefix("0031") ? digits.count == 13 : digits.count == 10
            if national { return ("a phone number", match) }
        }
        return nil
    }
}
