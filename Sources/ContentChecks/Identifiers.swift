/// Syntax checks for the identifiers a bibliography entry carries.
public enum Identifiers {
    /// Crossref's recommended pattern, `^10.\d{4,9}/[-._;()/:A-Z0-9]+$`, case-insensitive.
    public static func isValidDOI(_ doi: String) -> Bool {
        let bytes = Array(doi.utf8)
        guard bytes.count > 8, bytes[0] == UInt8(ascii: "1"), bytes[1] == UInt8(ascii: "0"), bytes[2] == UInt8(ascii: ".") else {
            return false
        }
        var index = 3
        var digits = 0
        while index < bytes.count, (48...57).contains(bytes[index]) {
            digits += 1
            index += 1
        }
        guard (4...9).contains(digits), index < bytes.count, bytes[index] == UInt8(ascii: "/") else { return false }
        let suffix = bytes[(index + 1)...]
        guard !suffix.isEmpty else { return false }
        let allowed = Set("-._;()/:".utf8)
        return suffix.allSatisfy { byte in
            (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte) || allowed.contains(byte)
        }
    }

    /// Why a DOI is wrong, in words a writer can act on, or nil when it is fine.
    public static func doiProblem(_ doi: String) -> String? {
        let lower = doi.lowercased()
        for prefix in ["https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:"]
        where lower.hasPrefix(prefix) {
            return "write the DOI without '\(doi.prefix(prefix.count))' (just '\(doi.dropFirst(prefix.count))')"
        }
        if let last = doi.last, ".,;:".contains(last) {
            return "the DOI ends with '\(last)'; remove the trailing punctuation"
        }
        return isValidDOI(doi) ? nil : "'\(doi)' is not a DOI; a DOI looks like 10.1038/srep45975"
    }

    /// PubMed ids: 1 to 8 digits, no leading zero.
    public static func isValidPMID(_ pmid: String) -> Bool {
        let bytes = Array(pmid.utf8)
        return (1...8).contains(bytes.count) && bytes[0] != UInt8(ascii: "0") && bytes.allSatisfy { (48...57).contains($0) }
    }

    /// PubMed Central ids: `PMC` and digits.
    public static func isValidPMCID(_ pmcid: String) -> Bool {
        guard pmcid.hasPrefix("PMC") else { return false }
        let digits = pmcid.utf8.dropFirst(3)
        return !digits.isEmpty && digits.count <= 10 && digits.allSatisfy { (48...57).contains($0) }
    }

    /// ISBN-10 or ISBN-13 with a correct check digit; hyphens and spaces are ignored.
    public static func isValidISBN(_ isbn: String) -> Bool {
        let characters = isbn.filter { $0 != "-" && $0 != " " }
        if characters.count == 10 {
            var sum = 0
            for (index, character) in characters.enumerated() {
                let value: Int
                if let digit = character.wholeNumberValue, character.isASCII {
                    value = digit
                } else if index == 9, character == "X" || character == "x" {
                    value = 10
                } else {
                    return false
                }
                sum += value * (10 - index)
            }
            return sum % 11 == 0
        }
        if characters.count == 13 {
            var sum = 0
            for (index, character) in characters.enumerated() {
                guard character.isASCII, let digit = character.wholeNumberValue else { return false }
                sum += digit * (index % 2 == 0 ? 1 : 3)
            }
            return sum % 10 == 0
        }
        return false
    }

    public enum URLVerdict: Equatable {
        case ok
        case insecure
        case invalid(String)

        /// An address that can be requested (plain http included).
        public var isUsable: Bool {
            if case .invalid = self { return false }
            return true
        }
    }

    /// Absolute http(s) URLs only; plain http is allowed but worth a warning.
    public static func checkURL(_ url: String) -> URLVerdict {
        let lower = url.lowercased()
        let rest: Substring
        if lower.hasPrefix("https://") {
            rest = url.dropFirst(8)
        } else if lower.hasPrefix("http://") {
            rest = url.dropFirst(7)
        } else {
            return .invalid("'\(url)' is not a web address; it must start with https://")
        }
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard !host.isEmpty, host.contains("."), !url.contains(" ") else {
            return .invalid("'\(url)' is not a complete web address")
        }
        return lower.hasPrefix("http://") ? .insecure : .ok
    }
}
