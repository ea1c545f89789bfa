import Foundation

/// Text that looks like a person's name: what a volunteer may type into an organisation or
/// location field ("Jan de Vries", "J. Jansen", "mevr. Bakker"), which would then reach every
/// table that names it. A heuristic, tuned to miss no plain name and to pass organisation names:
/// a title or initials before a surname, or a common first name before a capitalised surname
/// (with its tussenvoegsel), in a text of at most five words and without an organisation word.
enum PersonNames {
    /// dhr. Jansen, mevr. de Boer, mw Bakker, de heer Smit.
    static let titled = try! NSRegularExpression(
        pattern: "(?i)\\b(dhr|mevr|mw|mr|mrs|ms|meneer|mevrouw|de heer)\\.? +(\(tussenvoegsel) +)?[A-Z][a-zà-ÿ'-]+")
    /// J. Jansen, A.B. van Dijk, J van der Berg.
    static let initials = try! NSRegularExpression(
        pattern: "(?<![A-Za-z])([A-Z]\\.? ?){1,3} *(\(tussenvoegsel) +)?[A-Z][a-zà-ÿ'-]{2,}\\b")
    static let tussenvoegsel = "(?:van der|van den|van de|van 't|van|de|der|den|ter|ten|te|op de|in 't|el|al|ben|bin)"

    /// Common given names in the Netherlands (Meertens Instituut's lists, folded to lower case).
    static let firstNames: Set<String> = [
        "aad", "adam", "ahmed", "aisha", "ali", "amira", "anna", "anne", "annemarie", "anouk", "arie", "astrid", "bas", "bart",
        "bram", "carla", "cor", "daan", "david", "dirk", "emma", "eva", "fatima", "femke", "finn", "frank", "gerard", "gert",
        "gerrit", "hans", "hanneke", "hassan", "hendrik", "henk", "ilse", "ingrid", "inge", "jaap", "jan", "jannie", "jasper",
        "jeroen", "johan", "johannes", "joost", "jos", "julia", "karin", "kees", "khadija", "koen", "laura", "lars", "lisa",
        "lotte", "lucas", "maria", "marian", "marieke", "marijke", "mark", "martin", "maarten", "mehmet", "mohamed", "mohammed",
        "monique", "mustafa", "nadia", "noah", "nora", "peter", "piet", "pieter", "rik", "rob", "robert", "ruud", "sandra",
        "sanne", "sara", "sarah", "sem", "sophie", "stefan", "thijs", "thomas", "tim", "tom", "wendy", "willem", "wim",
        "yasmina", "youssef", "zeynep",
    ]

    /// Words of organisations and places: a text with one of them is not a person's name.
    static let organisationWords: Set<String> = [
        "stichting", "kerk", "gemeente", "parochie", "diaconie", "hulp", "helpt", "hulplijn", "team", "wijkteam", "buurt",
        "wijk", "vereniging", "centrum", "kruis", "humanitas", "present", "maatje", "schuldhulpmaatje", "leger", "des",
        "heils", "zorg", "welzijn", "sociaal", "unknown", "onbekend", "all",
    ]

    /// The name-like part of `text`; nil when there is none.
    static func find(in text: String) -> String? {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        guard (2...5).contains(words.count), text.contains(where: \.isUppercase) else { return nil }
        let folded = words.map { $0.lowercased().trimmingCharacters(in: .punctuationCharacters) }
        guard !folded.contains(where: organisationWords.contains) else { return nil }
        let range = NSRange(text.startIndex..., in: text)
        for pattern in [titled, initials] {
            if let m = pattern.firstMatch(in: text, range: range), let r = Range(m.range, in: text) { return String(text[r]) }
        }
        // A first name, then a capitalised surname (after any tussenvoegsel).
        for (i, word) in folded.enumerated() where firstNames.contains(word) && words[i].first?.isUppercase == true {
            let rest = words[(i + 1)...].drop { tussenvoegselWords.contains($0.lowercased()) }
            if let surname = rest.first, surname.first?.isUppercase == true, surname.count >= 2,
               surname.allSatisfy({ $0.isLetter || $0 == "-" || $0 == "'" }) {
                return words[i...].joined(separator: " ")
            }
        }
        return nil
    }

    static let tussenvoegselWords: Set<String> = ["van", "de", "der", "den", "ter", "ten", "te", "op", "in", "'t", "el", "al", "ben", "bin"]
}
