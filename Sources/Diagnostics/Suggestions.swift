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
    /// Up to this many candidates, measuring each is cheaper than the index.
    static let directLimit = 64

    public init(_ candidates: some Sequence<String>) {
        names = Array(candidates)
        lowered = names.map { Array($0.lowercased().unicodeScalars) }
        guard names.count > Self.directLimit else {
            variants = []
            return
        }
        var variants: [UInt64] = []
        for (index, scalars) in lowered.enumerated() where scalars.count <= suggestedLengthLimit {
            Self.forEachDeletion(of: scalars) { variants.append(Self.word(hash: $0, candidate: index)) }
        }
        variants.sort()
        self.variants = variants
    }

    /// The same answer as ``closestMatch(to:in:)`` over the candidates in the order given.
    public func closestMatch(to word: String) -> String? {
        let target = Array(word.lowercased().unicodeScalars)
        guard target.count <= suggestedLengthLimit else { return nil }
        var best: (index: Int, distance: Int)?
        func consider(_ index: Int) {
            guard lowered[index].count <= suggestedLengthLimit else { return }
            let distance = editDistance(target, lowered[index])
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
        var (low, high) = (0, variants.count)
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
