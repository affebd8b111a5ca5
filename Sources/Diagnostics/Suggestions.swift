/// The most edits a did-you-mean allows: about one per three characters, and never more than two
/// ("smith2018" for "smith2019", not "a" for "zz"; a word three edits away is rarely what was meant).
func suggestionLimit(_ a: Int, _ b: Int) -> Int {
    min(2, max(1, min(a, b) / 3))
}

/// Names longer than this (in scalars) are neither suggested nor given suggestions: typos are
/// looked for in names people type, and the index's cost grows with the cube of a name's length.
let suggestedLengthLimit = 40

/// The closest candidate to a misspelt name, if one is close enough to be a likely typo. Ties go to
/// the candidate given first.
///
/// Measures the distance to every candidate: for the few names a field or a kind allows. For many
/// candidates asked many times (bibliography keys), build a ``SuggestionIndex`` once.
public func closestMatch(to word: String, in candidates: some Sequence<String>) -> String? {
    let target = Array(word.lowercased().unicodeScalars)
    guard target.count <= suggestedLengthLimit else { return nil }
    var best: (name: String, distance: Int)?
    for candidate in candidates {
        let scalars = Array(candidate.lowercased().unicodeScalars)
        guard scalars.count <= suggestedLengthLimit else { continue }
        let distance = editDistance(target, scalars)
        if distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
    }
    guard let best else { return nil }
    return best.distance <= suggestionLimit(target.count, best.name.unicodeScalars.count) ? best.name : nil
}

/// " — did you mean 'x'?" or "", ready to append to a message.
public func didYouMean(_ word: String, in candidates: some Sequence<String>) -> String {
    closestMatch(to: word, in: candidates).map(didYouMeanHint) ?? ""
}

func didYouMeanHint(_ name: String) -> String { " — did you mean '\(name)'?" }

/// Did-you-mean among many candidates, answered from an index instead of measuring the distance to
/// each: a bibliography of 8,000 keys and as many unknown keys would otherwise cost 64 million
/// distances.
///
/// Two names within two edits (optimal string alignment) become equal after deleting at most two
/// characters from each, so the index holds every such deletion of every candidate (as a hash);
/// a query looks up its own deletions and measures only the candidates found there.
public struct SuggestionIndex: Sendable {
    private let names: [String]
    private let lowered: [[Unicode.Scalar]]
    /// Each deletion variant as one word, its 32-bit hash above the candidate's index, sorted: eight
    /// bytes a variant, and a sort of plain integers. Empty for a short list.
    private let variants: [UInt64]
    /// Where each run of variants whose hash starts with the same `bucketBits` bits begins in
    /// `variants`: a lookup reads two entries here and a few there, not a binary search's worth of
    /// cache misses across the whole list.
    private let bucketStarts: [Int32]
    private let bucketBits: Int
    /// Up to this many candidates, measuring each is cheaper than the index.
    static let directLimit = 64

    public init(_ candidates: some Sequence<String>) {
        names = Array(candidates)
        lowered = names.map { Array($0.lowercased().unicodeScalars) }
        guard names.count > Self.directLimit else {
            variants = []
            bucketStarts = []
            bucketBits = 0
            return
        }
        var variants: [UInt64] = []
        for (index, scalars) in lowered.enumerated() where scalars.count <= suggestedLengthLimit {
            Self.forEachDeletion(of: scalars) { variants.append(Self.word(hash: $0, candidate: index)) }
        }
        variants.sort()
        self.variants = variants
        // About one variant a bucket.
        let bits = min(24, max(4, Int.bitWidth - variants.count.leadingZeroBitCount))
        var starts = [Int32](repeating: 0, count: (1 << bits) + 1)
        var position = 0
        for bucket in 0...(1 << bits) {
            while position < variants.count, Int(variants[position] >> (64 - bits)) < bucket { position += 1 }
            starts[bucket] = Int32(position)
        }
        bucketStarts = starts
        bucketBits = bits
    }

    /// The same answer as ``closestMatch(to:in:)`` over the candidates in the order given.
    public func closestMatch(to word: String) -> String? {
        let target = Array(word.lowercased().unicodeScalars)
        guard target.count <= suggestedLengthLimit else { return nil }
        var best: (index: Int, distance: Int)?
        var rows = EditDistanceRows()
        func consider(_ index: Int) {
            guard lowered[index].count <= suggestedLengthLimit else { return }
            // No suggestion is more than two edits away: only distances up to the best so far matter.
            let cutoff = min(best?.distance ?? 2, 2)
            guard let distance = rows.distance(target, lowered[index], atMost: cutoff) else { return }
            if let current = best, (current.distance, current.index) <= (distance, index) { return }
            best = (index, distance)
        }
        if variants.isEmpty {
            for index in lowered.indices { consider(index) }
        } else {
            var seen = Set<Int>()
            Self.forEachDeletion(of: target) { hash in
                let first = Self.word(hash: hash, candidate: 0)
                var position = lowerBound(of: first)
                while position < variants.count, variants[position] >> 32 == first >> 32 {
                    let candidate = Int(variants[position] & 0xFFFF_FFFF)
                    if seen.insert(candidate).inserted { consider(candidate) }
                    position += 1
                }
            }
        }
        guard let best else { return nil }
        return best.distance <= suggestionLimit(target.count, lowered[best.index].count) ? names[best.index] : nil
    }

    public func didYouMean(_ word: String) -> String {
        closestMatch(to: word).map(didYouMeanHint) ?? ""
    }

    private static func word(hash: UInt64, candidate: Int) -> UInt64 {
        (hash ^ (hash >> 32)) << 32 | UInt64(UInt32(truncatingIfNeeded: candidate))
    }

    private func lowerBound(of word: UInt64) -> Int {
        let bucket = Int(word >> (64 - bucketBits))
        var (low, high) = (Int(bucketStarts[bucket]), Int(bucketStarts[bucket + 1]))
        while low < high {
            let middle = (low + high) / 2
            if variants[middle] < word { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The hash of the name, of each one-scalar deletion and each two-scalar deletion.
    private static func forEachDeletion(of scalars: [Unicode.Scalar], _ body: (UInt64) -> Void) {
        let count = scalars.count
        func hash(skipping first: Int, _ second: Int) -> UInt64 {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a
            for index in 0..<count where index != first && index != second {
                hash = (hash ^ UInt64(scalars[index].value)) &* 0x100_0000_01b3
            }
            return hash ^ UInt64(count - (first >= 0 ? 1 : 0) - (second >= 0 ? 1 : 0))
        }
        body(hash(skipping: -1, -1))
        for first in 0..<count {
            body(hash(skipping: first, -1))
            for second in (first + 1)..<max(count, first + 1) { body(hash(skipping: first, second)) }
        }
    }
}

/// Edit distance counting a swap of two neighbouring letters as one edit ("titel" → "title"), the
/// typo writers make most (optimal string alignment distance).
func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous2 = Array(repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = Array(repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                current[j] = min(current[j], previous2[j - 2] + 1)
            }
        }
        (previous2, previous, current) = (previous, current, previous2)
    }
    return previous[b.count]
}

/// ``editDistance(_:_:)`` that gives up once the distance is sure to exceed a small limit, reusing
/// its rows from call to call: the index measures many near-misses for each unknown name.
struct EditDistanceRows {
    private var previous2: [Int] = []
    private var previous: [Int] = []
    private var current: [Int] = []

    /// The distance, or nil when it is more than `limit`.
    mutating func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], atMost limit: Int) -> Int? {
        guard abs(a.count - b.count) <= limit else { return nil }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        let width = b.count + 1
        if previous.count < width {
            previous2 = Array(repeating: 0, count: width)
            previous = Array(repeating: 0, count: width)
            current = Array(repeating: 0, count: width)
        }
        for j in 0...b.count { previous[j] = j }
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previous2[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            // Every later cell is at least one of this row's or the row before's (a swap): both above the limit.
            if rowMinimum > limit && i > 1 && previous.prefix(width).min()! > limit { return nil }
            (previous2, previous, current) = (previous, current, previous2)
        }
        let distance = previous[b.count]
        return distance <= limit ? distance : nil
    }
}
