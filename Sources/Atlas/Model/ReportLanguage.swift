/// The language of report text for users: Dutch by default, English on request.
public enum ReportLanguage: String, Sendable, CaseIterable { case nl, en }
