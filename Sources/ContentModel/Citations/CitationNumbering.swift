/// Numbers a page's citations in order of first use; citing a key again reuses its number.
public struct CitationNumbering: Sendable {
    public private(set) var order: [CitationKey] = []
    private var numbers: [CitationKey: Int] = [:]

    public init() {}

    public mutating func number(for key: CitationKey) -> Int {
        if let number = numbers[key] { return number }
        order.append(key)
        numbers[key] = order.count
        return order.count
    }

    public func existingNumber(for key: CitationKey) -> Int? { numbers[key] }
}
