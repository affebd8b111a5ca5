@testable import ContentChecks
@testable import ContentLoading
import ContentModel
import Diagnostics
import Foundation
import Testing

/// `Tests/Fixtures/bibliography/references.json` — real papers from the AMA manual's and *Citing
/// Medicine*'s worked examples and the low back pain literature, and made-up entries (DOIs in
/// Crossref's test prefix 10.5555, `example` addresses) for what real ones do not cover — formatted
/// in both styles and compared line by line with `expected-ama.txt` and `expected-vancouver.txt`.
///
/// Each expected line is `id<TAB>reference`: a work's italic title as `*…*`, rich text from a title as
/// its element (`<i>`, `<sub>`, `<sup>`, `<b>`). `SALVE_UPDATE_GOLDENS=1` rewrites the files; read the
/// diff against the manuals' rules before committing it.
@Suite struct ReferenceStyleGoldenTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()   // ContentChecksTests
        .deletingLastPathComponent()   // Tests
        .appendingPathComponent("Fixtures/bibliography")

    static func bibliography() throws -> (Bibliography, [Diagnostic]) {
        let text = try String(contentsOf: folder.appendingPathComponent("references.json"), encoding: .utf8)
        return BibliographyLoader.load(text, file: "references.json")
    }

    static func marked(_ runs: [StyledRun]) -> String {
        runs.map { run -> String in
            switch run {
            case .plain(let text), .link(let text): return text
            case .italic(let text): return "*\(text)*"
            case .styled(let text, let style):
                var open = "", close = ""
                for (flag, tag) in [(TextStyle.italic, "i"), (.bold, "b"), (.superscript, "sup"), (.subscript, "sub")]
                where style.contains(flag) {
                    open += "<\(tag)>"
                    close = "</\(tag)>" + close
                }
                return open + text + close
            }
        }.joined()
    }

    @Test(arguments: CitationStyle.allCases)
    func everyEntryMatchesItsExpectedReference(style: CitationStyle) throws {
        let (bibliography, diagnostics) = try Self.bibliography()
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(bibliography.entries.count >= 60)
        let actual = bibliography.entries.map { "\($0.id)\t\(Self.marked(ReferenceFormatter.format($0, style: style)))" }
        let file = Self.folder.appendingPathComponent("expected-\(style.rawValue).txt")
        if ProcessInfo.processInfo.environment["SALVE_UPDATE_GOLDENS"] == "1" {
            try (actual.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(actual.count == expected.count)
        for (line, (want, got)) in zip(expected, actual).enumerated() {
            #expect(got == want, "line \(line + 1)")
        }
    }

    /// Every entry is valid CSL-JSON as Salve checks it: seasons, ranges, literal and raw dates, a SICI
    /// DOI, two ISBNs in one field.
    @Test func everyEntryPassesTheReferenceChecks() throws {
        let (bibliography, _) = try Self.bibliography()
        let errors = bibliography.entries.flatMap { ReferenceChecks.check($0, today: day("2026-02-01")) }
            .filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map(\.description))")
    }

    /// Worked examples written out by hand: the AMA manual's and the (as AMA's rules give them),
    /// and *Citing Medicine*'s own, which Vancouver must match to the character.
    @Test(arguments: [
        (CitationStyle.ama, "gawande2009", "Gawande A. The cost conundrum. *New Yorker*. June 1, 2009:36-44."),
        (.ama, "engstrom2018",
         "Engstrom JW. Back and neck pain. In: Jameson JL, Fauci AS, Kasper DL, Hauser SL, Longo DL, Loscalzo J, eds. *Harrison's Principles of Internal Medicine*. 20th ed. McGraw-Hill Education; 2018:111-123."),
        (.ama, "vanderwindt2010",
         "van der Windt DAWM, Simons E, Riphagen II, et al. Physical examination for lumbar radiculopathy due to disc herniation in patients with low-back pain. *Cochrane Database Syst Rev*. 2010;(2):CD007431. doi:10.1002/14651858.CD007431.pub2"),
        (.ama, "online-first",
         "Okafor C, Lindqvist Å. Graded walking after lumbar microdiscectomy: a feasibility trial. *J Orthop Sports Phys Ther*. Published online March 15, 2024. doi:10.5555/jospt.2024.12345"),
        (.ama, "hartvigsen2018",
         "Hartvigsen J, Hancock MJ, Kongsted A, et al; Lancet Low Back Pain Series Working Group. What low back pain is and why we need to pay attention. *Lancet*. 2018;391(10137):2356-2367. doi:10.1016/S0140-6736(18)30480-X"),
        (.ama, "bendavid2020",
         "Bendavid E, Mulaney B, Sood N, et al. COVID-19 antibody seroprevalence in Santa Clara County, California. *medRxiv*. Preprint posted online April 17, 2020. doi:10.1101/2020.04.14.20062463"),
        (.vancouver, "halpern2002",
         "Halpern SD, Ubel PA, Caplan AL. Solid-organ transplantation in HIV-infected patients. N Engl J Med. 2002 Jul 25;347(4):284-7."),
        (.vancouver, "rose2002",
         "Rose ME, Huerbin MB, Melick J, Marion DW, Palmer AM, Schiding JK, et al. Regulation of interstitial excitatory amino acid concentrations after cortical contusion injury. Brain Res. 2002;935(1-2):40-6."),
        (.vancouver, "murray2002",
         "Murray PR, Rosenthal KS, Kobayashi GS, Pfaller MA. Medical microbiology. 4th ed. St. Louis: Mosby; 2002."),
        (.vancouver, "gilstrap2002",
         "Gilstrap LC 3rd, Cunningham FG, VanDorsten JP, editors. Operative obstetrics. 2nd ed. New York: McGraw-Hill; 2002."),
        (.vancouver, "meltzer2002",
         "Meltzer PS, Kallioniemi A, Trent JM. Chromosome alterations in human solid tumors. In: Vogelstein B, Kinzler KW, editors. The genetic basis of human cancer. New York: McGraw-Hill; 2002. p. 93-113."),
        (.vancouver, "thesis-no-genre",
         "Borkowski MM. Infant sleep and feeding: a telephone survey of Hispanic Americans [dissertation]. Mount Pleasant (MI): Central Michigan University; 2002."),
    ])
    func manualExample(style: CitationStyle, id: String, expected: String) throws {
        let (bibliography, _) = try Self.bibliography()
        let entry = try #require(bibliography[CitationKey(id)!])
        #expect(Self.marked(ReferenceFormatter.format(entry, style: style)) == expected)
    }
}
