@testable import ContentModel
import Testing

/// The identifier syntax rules `salve check` applies to bibliography entries, case by case.
@Suite struct IdentifierTests {
    // MARK: DOI — Crossref's pattern ^10.\d{4,9}/[-._;()/:A-Z0-9]+$, case-insensitive

    @Test(arguments: [
        ("10.1038/srep45975", true),
        ("10.1000/182", true),                                  // the DOI Handbook's own DOI
        ("10.1016/S0140-6736(17)30484-6", true),                // parentheses and capitals
        ("10.1002/ABC-def_ghi.1;2:x/y", true),                  // every allowed punctuation mark
        ("10.123456789/x", true),                               // nine-digit registrant
        ("10.123/abc", true),                                  // the DOI Handbook sets no length on a registrant code
        ("10.1234567890/abc", true),                           // nor a maximum
        ("10.12345/", false),                                   // no suffix
        ("10.1234", false),                                     // no slash
        ("11.1038/srep45975", false),                           // not the 10. directory
        ("10.1038/srep 45975", false),                          // a space
        ("10.1038/sr%C3ep", true),                             // a suffix is any printable characters
        ("10.1038/cafè", true),                                // Unicode included
        ("10.1002/(SICI)1097-4636(199911)47:2<155::AID-JBM5>3.0.CO;2-W", true), // an old Wiley SICI DOI: real, with < and >
        ("doi:10.1038/srep45975", false),
        ("https://doi.org/10.1038/srep45975", false),
        ("", false),
    ])
    func doiPattern(doi: String, valid: Bool) {
        #expect(Identifiers.isValidDOI(doi) == valid, "\(doi)")
    }

    @Test(arguments: [
        ("https://doi.org/10.1038/srep45975", "write the DOI without 'https://doi.org/' (just '10.1038/srep45975')"),
        ("http://dx.doi.org/10.1038/srep45975", "write the DOI without 'http://dx.doi.org/' (just '10.1038/srep45975')"),
        ("HTTPS://DOI.ORG/10.1038/srep45975", "write the DOI without 'HTTPS://DOI.ORG/' (just '10.1038/srep45975')"),
        ("doi:10.1038/srep45975", "write the DOI without 'doi:' (just '10.1038/srep45975')"),
        ("10.1038/srep45975.", "the DOI ends with '.'; remove the trailing punctuation"),
        ("10.1038/srep45975,", "the DOI ends with ','; remove the trailing punctuation"),
        ("10.1038/srep45975;", "the DOI ends with ';'; remove the trailing punctuation"),
        ("srep45975", "'srep45975' is not a DOI; a DOI is '10.', the registrant's number, '/' and a suffix without spaces, like 10.1038/srep45975"),
    ])
    func doiProblems(doi: String, problem: String) {
        #expect(Identifiers.doiProblem(doi) == problem)
    }

    @Test func aValidDOIHasNoProblem() {
        #expect(Identifiers.doiProblem("10.1038/srep45975") == nil)
        #expect(Identifiers.doiProblem("10.1016/S0140-6736(17)30484-6") == nil)
    }

    // MARK: PMID, PMCID

    @Test(arguments: [
        ("1", true), ("28422125", true), ("99999999", true),
        ("0", false), ("01234567", false), ("123456789", false), ("12a45", false), ("", false), (" 123", false),
        ("١٢٣", false),  // Arabic-Indic digits
    ])
    func pmid(pmid: String, valid: Bool) {
        #expect(Identifiers.isValidPMID(pmid) == valid, "\(pmid)")
    }

    @Test(arguments: [
        ("PMC1234567", true), ("PMC1", true), ("PMC1234567890", true),
        ("PMC", false), ("1234567", false), ("PMC12x4", false), ("PMC12345678901", false), ("PMC 123", false),
    ])
    func pmcid(pmcid: String, valid: Bool) {
        #expect(Identifiers.isValidPMCID(pmcid) == valid, "\(pmcid)")
    }

    // MARK: ISBN

    @Test(arguments: [
        ("0-306-40615-2", true),        // ISBN-10
        ("0306406152", true),
        ("0-8044-2957-X", true),        // check digit X (10)
        ("080442957x", true),
        ("978-0-306-40615-7", true),    // ISBN-13
        ("9780306406157", true),
        ("978 0 306 40615 7", true),    // spaces are ignored like hyphens
        ("979-10-90636-07-1", true),    // a 979 prefix
        ("0-306-40615-3", false),       // wrong ISBN-10 check digit
        ("978-0-306-40615-8", false),   // wrong ISBN-13 check digit
        ("X306406152", false),          // X only as the last of ten
        ("978030640615X", false),       // no X in an ISBN-13
        ("978030640615", false),        // twelve digits
        ("03064061520", false),         // eleven digits
        ("０306406152", false),          // a full-width digit
        ("", false),
    ])
    func isbn(isbn: String, valid: Bool) {
        #expect(Identifiers.isValidISBN(isbn) == valid, "\(isbn)")
    }

    // MARK: URLs

    /// The verdict as text (`URLVerdict` is not `Sendable`, which test arguments must be).
    static func describe(_ verdict: Identifiers.URLVerdict) -> String {
        switch verdict {
        case .ok: "ok"
        case .insecure: "insecure"
        case .invalid(let why): "invalid: " + why
        }
    }

    @Test(arguments: [
        ("https://example.org", "ok"),
        ("https://example.org/path?x=1#y", "ok"),
        ("HTTPS://EXAMPLE.ORG/", "ok"),
        ("http://example.org/page", "insecure"),
        ("/health/knee", "invalid: '/health/knee' is not a web address; it must start with https://"),
        ("example.org/knee", "invalid: 'example.org/knee' is not a web address; it must start with https://"),
        ("ftp://example.org/file", "invalid: 'ftp://example.org/file' is not a web address; it must start with https://"),
        ("https://", "invalid: 'https://' is not a complete web address"),
        ("https:///path", "invalid: 'https:///path' is not a complete web address"),
        ("https://localhost/page", "invalid: 'https://localhost/page' is not a complete web address"),
        ("https://exa mple.org/", "invalid: 'https://exa mple.org/' is not a complete web address"),
    ])
    func url(url: String, verdict: String) {
        #expect(Self.describe(Identifiers.checkURL(url)) == verdict)
    }
}
