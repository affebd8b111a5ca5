import Foundation

/// The first error among work running on several threads; the rest are dropped.
final class FirstFailure<Failure: Error>: @unchecked Sendable {
    private let lock = NSLock()
    private var failure: Failure?

    var hasFailure: Bool { lock.withLock { failure != nil } }
    var first: Failure? { lock.withLock { failure } }

    func record(_ error: Failure) {
        lock.withLock { if failure == nil { failure = error } }
    }
}
