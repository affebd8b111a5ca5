/// The closest candidate to a misspelt name, if one is close enough to be a likely typo.
public func closestMatch(to word: String, in candidates: some Sequence<String>) -> String? {
    let target = Array(word.lowercased().unicodeScalars)
    var best: (name: String, distance: Int)?
    for candidate in candidates {
        let distance = editDistance(target, Array(candidate.lowercased().unicodeScalars))
        if distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
    }
    guard let best else { return nil }
    // Allow about one edit per three characters: "smith2018" for "smith2019", not "a" for "zz".
    let limit = max(1, min(target.count, best.name.count) / 3)
    return best.distance <= limit ? best.name : nil
}

/// " — did you mean 'x'?" or "", ready to append to a message.
public func didYouMean(_ word: String, in candidates: some Sequence<String>) -> String {
    closestMatch(to: word, in: candidates).map { " — did you mean '\($0)'?" } ?? ""
}

/// Levenshtein distance with a single rolling row.
func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var row = Array(0...b.count)
    for i in 1...a.count {
        var diagonal = row[0]
        row[0] = i
        for j in 1...b.count {
            let above = row[j]
            row[j] = a[i - 1] == b[j - 1] ? diagonal : min(diagonal, row[j - 1], above) + 1
            diagonal = above
        }
    }
    return row[b.count]
}
