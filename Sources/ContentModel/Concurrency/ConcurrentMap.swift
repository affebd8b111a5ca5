import Dispatch
import Foundation

extension Array where Element: Sendable {
    /// `map` on every core, results in the original order. For independent per-page work (loading,
    /// validating, checking), where a serial loop left a core idle.
    public func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        let results = ResultSlots<T>(count: count)
        self.withUnsafeBufferPointer { elements in
            // The buffer outlives the calls: concurrentPerform returns only when every iteration has.
            nonisolated(unsafe) let elements = elements
            DispatchQueue.concurrentPerform(iterations: elements.count) { index in
                results[index] = transform(elements[index])
            }
        }
        return results.values
    }
}

/// Fixed-size storage that concurrent iterations each write one distinct slot of.
private final class ResultSlots<Value>: @unchecked Sendable {
    private var storage: [Value?]
    private let lock = NSLock()

    init(count: Int) {
        storage = Array(repeating: nil, count: count)
    }

    subscript(index: Int) -> Value? {
        get { lock.withLock { storage[index] } }
        set { lock.withLock { storage[index] = newValue } }
    }

    var values: [Value] { storage.compactMap { $0 } }
}
