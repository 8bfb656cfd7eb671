/// What users report about hardware in comments, by the words they use. A comment that matches becomes a
/// `user-report` claim whose value is the topic, so several commenters saying the same thing line up.
public enum UserReportTopics {
    static let topics: [(topic: String, cues: [String])] = [
        ("thermal throttling", ["throttl"]),
        ("overheating", ["overheat", "runs hot", "running hot", "gets hot"]),
        ("fan noise", ["fan noise", "loud fan", "fans are loud", "fans spin up"]),
        ("no internal access for cleaning", ["no internal access", "can't open it", "cannot be opened", "impossible to open", "for cleaning"]),
        ("coil whine", ["coil whine"]),
        ("kernel panics", ["kernel panic"]),
    ]

    /// The topics a sentence reports, in table order.
    public static func topics(in sentence: String) -> [String] {
        let lower = LowercasedText(sentence)
        return topics.filter { $0.cues.contains(where: lower.contains) }.map(\.topic)
    }
}
