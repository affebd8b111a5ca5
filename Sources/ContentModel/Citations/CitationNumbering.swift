/// Numbers a page's citations in order of first use; citing a key again reuses its number.
public struct CitationNumbering: Sendable {
    public private(set) var order: [CitationKey] = []
    /// Made only once a page cites many sources: below that, scanning `order` is cheaper than
    /// hashing each key, and most pages cite a few dozen.
    private var numbers: [CitationKey: Int] = [:]
    private static let scanLimit = 48

    /// How a screen reader announces a citation, split around its number: ("Reference ", "").
    public let announcement: (before: String, after: String)

    public init() {
        announcement = ("Reference ", "")
    }

    /// - Parameter template: the site's text for a citation, with `{n}` where its number goes.
    public init(announcedAs template: String) {
        var before = "", after = "", seenNumber = false
        for segment in UIStrings.segments(of: template) {
            switch segment {
            case .placeholder("n") where !seenNumber: seenNumber = true
            case .placeholder(let name): if seenNumber { after += "{\(name)}" } else { before += "{\(name)}" }
            case .text(let text): if seenNumber { after += text } else { before += text }
            }
        }
        announcement = (before, after)
    }

    public mutating func number(for key: CitationKey) -> Int {
        if let number = existingNumber(for: key) { return number }
        order.append(key)
        if order.count > Self.scanLimit {
            if numbers.isEmpty {
                for (index, known) in order.enumerated() { numbers[known] = index + 1 }
            } else {
                numbers[key] = order.count
            }
        }
        return order.count
    }

    public func existingNumber(for key: CitationKey) -> Int? {
        guard order.count > Self.scanLimit else { return order.firstIndex(of: key).map { $0 + 1 } }
        return numbers[key]
    }
}
