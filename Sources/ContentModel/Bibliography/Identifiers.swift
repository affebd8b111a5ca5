/// Syntax checks for the identifiers a bibliography entry carries.
public enum Identifiers {
    /// A DOI's syntax (ISO 26324): `10.`, a registrant code (digits, with dot-separated sub-codes such as
    /// `10.1000.10`), `/`, and a suffix of any printable characters — old Wiley SICI DOIs hold `<`, `>`,
    /// `;` and `#`, so a narrower pattern rejects real DOIs.
    public static func isValidDOI(_ doi: String) -> Bool {
        let bytes = Array(doi.utf8)
        guard bytes.count > 4, bytes[0] == UInt8(ascii: "1"), bytes[1] == UInt8(ascii: "0"), bytes[2] == UInt8(ascii: ".") else {
            return false
        }
        guard let slash = bytes.firstIndex(of: UInt8(ascii: "/")), slash > 3 else { return false }
        let registrant = bytes[3..<slash]
        let isDigit = { (byte: UInt8) in (48...57).contains(byte) }
        guard registrant.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
            .allSatisfy({ !$0.isEmpty && $0.allSatisfy(isDigit) }) else { return false }
        let suffix = bytes[(slash + 1)...]
        // Printable: no spaces or control characters (multi-byte UTF-8 is allowed).
        return !suffix.isEmpty && suffix.allSatisfy { $0 > 0x20 && $0 != 0x7F }
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
        return isValidDOI(doi) ? nil
            : "'\(doi)' is not a DOI; a DOI is '10.', the registrant's number, '/' and a suffix without spaces, like 10.1038/srep45975"
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

    /// One or more ISBNs (Zotero writes "9780071825009 0071825002"), each ISBN-10 or ISBN-13 with a correct
    /// check digit; hyphens are ignored, and spaces inside one ISBN ("978 0 07 182500 9") too.
    public static func isValidISBN(_ isbn: String) -> Bool {
        if isValidSingleISBN(isbn) { return true }
        let parts = isbn.split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" })
        return parts.count > 1 && parts.allSatisfy { isValidSingleISBN(String($0)) }
    }

    /// One ISBN-10 or ISBN-13 with a correct check digit; hyphens and spaces are ignored.
    static func isValidSingleISBN(_ isbn: String) -> Bool {
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
