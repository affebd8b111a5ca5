import Foundation

/// A page's distinct searchable words and the fields each is found in, read straight from UTF-8
/// bytes: a 10,000-article build reads about 15 million words, and making a `String` of each, then
/// hashing it into a `Set`, was a third of the build's time. Words are the same as
/// ``SearchText/words(_:)`` gives (a test compares the two on random texts).
public struct PageWords: Sendable {
    /// The distinct words' bytes, one after another: word `i` is `bytes[starts[i]..<starts[i + 1]]`.
    private(set) var bytes: [UInt8] = []
    private(set) var starts: [Int32] = [0]
    private(set) var hashes: [UInt64] = []
    private(set) var fields: [UInt8] = []
    /// Open addressing over `hashes`: a word's number, or -1.
    private var slots: [Int32]
    private var mask: Int

    public init(expected: Int = 64) {
        var size = 16
        while size < expected * 2 { size *= 2 }
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
    }

    public var count: Int { hashes.count }

    public func word(_ index: Int) -> String {
        String(decoding: bytes[Int(starts[index])..<Int(starts[index + 1])], as: UTF8.self)
    }

    /// How many distinct words the title has (at most 7).
    public var titleLength: Int {
        min(fields.reduce(0) { $0 + ($1 & SearchDocument.Fields.title.rawValue != 0 ? 1 : 0) }, 7)
    }

    /// Every word and its fields, as strings (for tests and the preview's small pages).
    public var terms: [String: SearchDocument.Fields] {
        var out: [String: SearchDocument.Fields] = [:]
        for index in 0..<count { out[word(index)] = SearchDocument.Fields(rawValue: fields[index]) }
        return out
    }

    public mutating func add(_ text: String, _ field: SearchDocument.Fields) {
        var text = text
        text.withUTF8 { add(utf8: $0, field) }
    }

    public mutating func add(utf8 text: UnsafeBufferPointer<UInt8>, _ field: SearchDocument.Fields) {
        SearchText.forEachWord(text) { word, hash in insert(word, hash: hash, field: field.rawValue) }
    }

    /// Adds every word of `other` with its fields.
    public mutating func add(_ other: PageWords, as field: SearchDocument.Fields? = nil) {
        other.bytes.withUnsafeBufferPointer { all in
            for index in 0..<other.count {
                let word = UnsafeBufferPointer(rebasing: all[Int(other.starts[index])..<Int(other.starts[index + 1])])
                insert(word, hash: other.hashes[index], field: field?.rawValue ?? other.fields[index])
            }
        }
    }

    /// Calls `body` with each word's bytes, hash and fields.
    func forEach(_ body: (UnsafeBufferPointer<UInt8>, UInt64, UInt8) -> Void) {
        bytes.withUnsafeBufferPointer { all in
            for index in 0..<count {
                body(UnsafeBufferPointer(rebasing: all[Int(starts[index])..<Int(starts[index + 1])]), hashes[index], fields[index])
            }
        }
    }

    private mutating func insert(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64, field: UInt8) {
        switch find(word, hash: hash) {
        case .found(let index): fields[index] |= field
        case .free(let slot):
            guard SearchText.isSearchable(word) else { return }
            append(word, hash: hash, field: field, slot: slot)
        }
    }

    /// The word's number in this table, adding it when new (searchability is the caller's).
    mutating func number(of word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int {
        switch find(word, hash: hash) {
        case .found(let index): return index
        case .free(let slot):
            let index = count
            append(word, hash: hash, field: 0, slot: slot)
            return index
        }
    }

    private enum Probe { case found(Int), free(Int) }

    private func find(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Probe {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let found = Int(slots[slot])
            if found < 0 { return .free(slot) }
            if hashes[found] == hash, SearchText.same(word, bytes, from: Int(starts[found]), to: Int(starts[found + 1])) {
                return .found(found)
            }
            slot = (slot + 1) & mask
        }
    }

    private mutating func append(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64, field: UInt8, slot: Int) {
        slots[slot] = Int32(hashes.count)
        hashes.append(hash)
        fields.append(field)
        bytes.append(contentsOf: word)
        starts.append(Int32(bytes.count))
        if hashes.count * 2 > slots.count { grow() }
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        mask = slots.count - 1
        for (index, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index)
        }
    }
}

/// Every word of the site, numbered once, from any thread: split into shards by hash, each with its
/// own lock, so pages read on different threads rarely wait for each other.
final class WordTable: @unchecked Sendable {
    private static let shardBits = 5
    private final class Shard {
        let lock = NSLock()
        var table = PageWords(expected: 256)
    }
    private let shards: [Shard] = (0..<(1 << WordTable.shardBits)).map { _ in Shard() }

    /// The words' numbers (`local << shardBits | shard`), in `words`' order.
    func ids(of words: PageWords) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(words.count)
        words.forEach { word, hash, _ in
            let shard = Int(hash >> 59) & ((1 << Self.shardBits) - 1)
            let owner = shards[shard]
            let local = owner.lock.withLock { owner.table.number(of: word, hash: hash) }
            out.append(UInt32(local << Self.shardBits | shard))
        }
        return out
    }

    /// Every numbered word, by number (numbers not used are empty strings).
    func allWords() -> [String] {
        let tables = shards.map { shard in shard.lock.withLock { shard.table } }
        let largest = tables.map(\.count).max() ?? 0
        var out = [String](repeating: "", count: largest << Self.shardBits)
        for (shard, table) in tables.enumerated() {
            for local in 0..<table.count { out[local << Self.shardBits | shard] = table.word(local) }
        }
        return out
    }
}

extension SearchText {
    /// Calls `body` with each word of the text (normalised as ``allWords(_:)`` does, one-letter and
    /// stop words included) and a 64-bit hash of it. Words longer than 40 bytes are left out
    /// (they are never searchable).
    static func forEachWord(_ text: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>, UInt64) -> Void) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 48) { scratch in
            // The hash takes the word eight bytes at a time (one multiply each), not a byte at a time.
            var length = 0
            var hash: UInt64 = 0
            var chunk: UInt64 = 0
            var tooLong = false
            func flush() {
                if length > 0 && !tooLong {
                    var mixed = (hash ^ chunk ^ UInt64(length) << 56) &* 0x9E37_79B9_7F4A_7C15
                    mixed ^= mixed >> 29
                    mixed = mixed &* 0xBF58_476D_1CE4_E5B9
                    mixed ^= mixed >> 32
                    body(UnsafeBufferPointer(rebasing: scratch[0..<length]), mixed)
                }
                length = 0
                hash = 0
                chunk = 0
                tooLong = false
            }
            func letter(_ byte: UInt8) {
                if length < 41 {
                    scratch[length] = byte
                    chunk |= UInt64(byte) << UInt64((length & 7) * 8)
                    length += 1
                    if length & 7 == 0 {
                        hash = (hash ^ chunk) &* 0x100_0000_01B3 &+ 0x9E37_79B9
                        chunk = 0
                    }
                } else {
                    tooLong = true
                }
            }
            var index = 0
            let count = text.count
            while index < count {
                let byte = text[index]
                if byte < 0x80 {
                    switch byte {
                    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): letter(byte)
                    case UInt8(ascii: "A")...UInt8(ascii: "Z"): letter(byte + 32)
                    default: flush()
                    }
                    index += 1
                    continue
                }
                // A multi-byte scalar (the text is valid UTF-8).
                var value: UInt32
                var size: Int
                if byte >= 0xF0 { value = UInt32(byte & 0x07); size = 4 }
                else if byte >= 0xE0 { value = UInt32(byte & 0x0F); size = 3 }
                else { value = UInt32(byte & 0x1F); size = 2 }
                var next = index + 1
                while next < index + size && next < count {
                    value = value << 6 | UInt32(text[next] & 0x3F)
                    next += 1
                }
                index = next
                for folded in fold(value) {
                    if folded == 0 { flush() } else { letter(folded) }
                }
            }
            flush()
        }
    }

    /// What one scalar becomes in a word, as ``allWords(_:)`` reads it (lower-cased, decomposed,
    /// accents dropped): letters, 0 for a word break, nothing for a combining accent.
    static func fold(_ value: UInt32) -> [UInt8] {
        if value < 0x250 { return latinFolds[Int(value)] }
        if (0x2000...0x206F).contains(value) { return [0] }  // punctuation and spaces
        return computeFold(value)
    }

    private static let latinFolds: [[UInt8]] = (0..<0x250).map { computeFold(UInt32($0)) }

    private static func computeFold(_ value: UInt32) -> [UInt8] {
        guard let scalar = Unicode.Scalar(value) else { return [0] }
        var out: [UInt8] = []
        for part in String(Character(scalar)).lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            let v = part.value
            if (0x61...0x7A).contains(v) || (0x30...0x39).contains(v) { out.append(UInt8(v)) }
            else if (0x300...0x36F).contains(v) { continue }
            else { out.append(0) }
        }
        return out
    }

    /// Whether a normalised word (bytes) is indexed: as ``isSearchable(_:)``.
    static func isSearchable(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = word.count
        guard count > 0, count <= 40 else { return false }
        if count == 1 { return (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(word[0]) }
        if count > stopWordLength { return true }
        var packed: UInt64 = 0
        for byte in word { packed = packed << 8 | UInt64(byte) }
        // A binary search of a few dozen integers: cheaper than hashing into a set.
        var low = 0, high = packedStopWords.count
        while low < high {
            let middle = (low + high) / 2
            if packedStopWords[middle] < packed { low = middle + 1 } else { high = middle }
        }
        return low == packedStopWords.count || packedStopWords[low] != packed
    }

    private static let stopWordLength = stopWords.map(\.utf8.count).max() ?? 0
    /// Stop words' bytes packed into an integer (none is longer than 8 bytes), sorted.
    private static let packedStopWords: [UInt64] = stopWords.map { word in
        word.utf8.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    }.sorted()

    @inline(__always)
    static func same(_ word: UnsafeBufferPointer<UInt8>, _ bytes: [UInt8], from start: Int, to end: Int) -> Bool {
        guard end - start == word.count else { return false }
        return bytes.withUnsafeBufferPointer { all in
            memcmp(word.baseAddress!, all.baseAddress! + start, word.count) == 0
        }
    }
}
