/// A stage cannot run with what the store holds or what was asked; the message says what to do.
public struct StageFailure: Error, CustomStringConvertible {
    public let description: String
    public init(description: String) { self.description = description }
}
