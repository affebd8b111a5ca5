/// A whole number or a range as written in dosage and plans: `10`, `10-15`, `30+`.
public struct Quantity: Hashable, Sendable, CustomStringConvertible {
    public let lower: Int
    /// `nil` for an open range (`30+`); equal to `lower` for a single number.
    public let upper: Int?

    public init?(lower: Int, upper: Int?) {
        guard lower >= 0, upper.map({ $0 >= lower }) ?? true else { return nil }
        self.lower = lower
        self.upper = upper
    }

    /// Accepts `10`, `10-15`, `10–15` (en dash) and `30+`.
    public init?(parsing text: String) {
        let trimmed = text.trimmingWhitespace
        if trimmed.hasSuffix("+"), let lower = Int(trimmed.dropLast().trimmingWhitespace) {
            self.init(lower: lower, upper: nil)
            return
        }
        // Keep empty pieces so "-5", "10-" and "10--15" are rejected rather than read as something else.
        let parts = trimmed.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "-" || $0 == "–" })
            .map { String($0).trimmingWhitespace }
        if parts.count == 1, let value = Int(parts[0]) {
            self.init(lower: value, upper: value)
        } else if parts.count == 2, let a = Int(parts[0]), let b = Int(parts[1]) {
            self.init(lower: a, upper: b)
        } else {
            return nil
        }
    }

    public var isSingle: Bool { upper == lower }

    /// `10`, `10–15`, `30+`
    public var description: String {
        guard let upper else { return "\(lower)+" }
        return upper == lower ? "\(lower)" : "\(lower)–\(upper)"
    }
}

extension StringProtocol {
    /// The text without leading and trailing whitespace (Foundation-free).
    public var trimmingWhitespace: String {
        let string = String(self)
        // Fast path: nothing to trim at either end (an ASCII letter, digit or punctuation mark).
        if let first = string.utf8.first, let last = string.utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 {
            return string
        }
        let scalars = string.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
