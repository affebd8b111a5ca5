/// Numbers a page's citations in order of first use; citing a key again reuses its number.
public struct CitationNumbering: Sendable {
    public private(set) var order: [CitationKey] = []
    /// Made only once a page cites many sources: below that, scanning `order` is cheaper than
    /// hashing each key, and most pages cite a few dozen.
    private var numbers: [CitationKey: Int] = [:]
    private static let scanLimit = 48

    public init() {}

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
