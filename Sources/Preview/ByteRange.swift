import Foundation

/// A `Range: bytes=…` request header resolved against a file's length (RFC 9110 §14), so a browser
/// can seek in a video without loading all of it.
enum ByteRange: Equatable {
    /// No range asked for, or one that is ignored (several ranges, another unit, bad syntax): the
    /// whole file is sent, which the RFC allows.
    case whole
    case part(ClosedRange<Int>)
    /// The range starts past the end: 416, with the file's length.
    case unsatisfiable

    static func parse(_ header: String?, length: Int) -> ByteRange {
        guard let header else { return .whole }
        let trimmed = header.trimmingCharacters(in: .whitespaces)
        guard trimmed.lowercased().hasPrefix("bytes="), !trimmed.contains(",") else { return .whole }
        let spec = trimmed.dropFirst("bytes=".count).trimmingCharacters(in: .whitespaces)
        guard let dash = spec.firstIndex(of: "-") else { return .whole }
        let first = spec[..<dash].trimmingCharacters(in: .whitespaces)
        let last = spec[spec.index(after: dash)...].trimmingCharacters(in: .whitespaces)
        guard first.allSatisfy(\.isASCIIDigit), last.allSatisfy(\.isASCIIDigit), first.count <= 18, last.count <= 18 else {
            return .whole
        }
        if first.isEmpty {
            // The last N bytes.
            guard let suffix = Int(last) else { return .whole }
            guard suffix > 0, length > 0 else { return .unsatisfiable }
            return .part(max(0, length - suffix)...(length - 1))
        }
        guard let start = Int(first) else { return .whole }
        guard start < length else { return .unsatisfiable }
        guard !last.isEmpty else { return .part(start...(length - 1)) }
        guard let end = Int(last), end >= start else { return .whole }
        return .part(start...min(end, length - 1))
    }
}

private extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
