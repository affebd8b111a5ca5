import ContentModel
import Diagnostics
import Foundation

/// `salve check --online`: every DOI and PMID asked what it is — the DOI resolver (CSL-JSON by content
/// negotiation), PubMed (`esummary`) and Crossref (retractions, expressions of concern) — and compared
/// with the entry that cites it.
public enum ReferenceVerifier {
    public static func check(_ graph: ContentGraph, client: MetadataClient) async -> [Diagnostic] {
        let references = graph.bibliography.entries.filter { reference in
            reference.doi.map { Identifiers.doiProblem($0) == nil } == true
                || reference.pmid.map { Identifiers.isValidPMID($0) } == true
        }
        var requests: [(url: String, accept: String)] = []
        var seen = Set<String>()
        func want(_ url: String, _ accept: String) {
            if seen.insert(accept + " " + url).inserted { requests.append((url, accept)) }
        }
        for reference in references {
            if let doi = usableDOI(reference) {
                want(client.resolverURL(doi: doi), MetadataClient.cslJSON)
                want(client.crossrefURL(doi: doi), MetadataClient.json)
            }
            if let pmid = usablePMID(reference) { want(client.esummaryURL(pmid: pmid), MetadataClient.json) }
        }
        let answers = await withTaskGroup(of: (String, Fetched).self) { group in
            for request in requests {
                group.addTask { (request.accept + " " + request.url, await client.get(request.url, accept: request.accept)) }
            }
            var answers: [String: Fetched] = [:]
            for await (key, fetched) in group { answers[key] = fetched }
            return answers
        }
        await client.save()
        var all: [Diagnostic] = []
        for reference in references {
            let cited = !graph.pages(citing: reference.id).isEmpty
            var diagnostics: [Diagnostic] = []
            defer {
                // As offline: a problem in an entry no page cites cannot reach a page, so it is a warning.
                all += cited ? diagnostics : diagnostics.map { var warning = $0; warning.severity = .warning; return warning }
            }
            if let doi = usableDOI(reference) {
                let location = reference.location(of: "DOI")
                let label = "the DOI of '\(reference.id)' (\(doi))"
                switch answers[MetadataClient.cslJSON + " " + client.resolverURL(doi: doi)] {
                case .answer(let answer) where answer.status == 200:
                    if let work = RemoteWork.csl(answer.body) {
                        diagnostics += compare(reference, with: work, label: label, at: location)
                    } else {
                        diagnostics.append(.warning(.unverifiedReference, "\(label) could not be verified: the resolver's answer is not CSL-JSON", at: location))
                    }
                case .answer(let answer) where answer.status == 404:
                    break  // The link check reports a DOI that does not resolve.
                case .answer(let answer):
                    diagnostics.append(.warning(.unverifiedReference, "\(label) could not be verified: the resolver answered \(answer.status)", at: location))
                case .failed(let reason):
                    diagnostics.append(.warning(.unverifiedReference, "\(label) could not be verified: \(reason)", at: location))
                case nil:
                    break
                }
                if case .answer(let answer) = answers[MetadataClient.json + " " + client.crossrefURL(doi: doi)], answer.status == 200 {
                    diagnostics += notices(UpdateNotice.crossref(answer.body), reference: reference, doi: doi, cited: cited, at: location)
                }
            }
            if let pmid = usablePMID(reference) {
                let location = reference.location(of: "PMID")
                let label = "the PMID of '\(reference.id)' (\(pmid))"
                switch answers[MetadataClient.json + " " + client.esummaryURL(pmid: pmid)] {
                case .answer(let answer) where answer.status == 200:
                    if let work = RemoteWork.esummary(answer.body, pmid: pmid) {
                        diagnostics += compare(reference, with: work, label: label, at: location)
                        if work.publicationTypes.contains("Retracted Publication") {
                            diagnostics.append(Diagnostic(cited ? .error : .warning, .retractedReference,
                                "'\(reference.id)' is retracted: PubMed lists PMID \(pmid) as a retracted publication; do not cite it",
                                at: location))
                        }
                    } else {
                        diagnostics.append(.error(.referenceMismatch, "\(label) is not in PubMed: no record has this PMID; check the number", at: location))
                    }
                case .answer(let answer):
                    diagnostics.append(.warning(.unverifiedReference, "\(label) could not be verified: PubMed answered \(answer.status)", at: location))
                case .failed(let reason):
                    diagnostics.append(.warning(.unverifiedReference, "\(label) could not be verified: \(reason)", at: location))
                case nil:
                    break
                }
            }
        }
        return all
    }

    static func usableDOI(_ reference: Reference) -> String? {
        guard let doi = reference.doi, Identifiers.doiProblem(doi) == nil else { return nil }
        return doi
    }

    static func usablePMID(_ reference: Reference) -> String? {
        guard let pmid = reference.pmid, Identifiers.isValidPMID(pmid) else { return nil }
        return pmid
    }

    /// The entry against the record: a different paper is an error; small differences are warnings.
    public static func compare(_ reference: Reference, with work: RemoteWork, label: String, at location: SourceLocation) -> [Diagnostic] {
        var differences: [String] = []
        var different = false
        if let mine = reference.title, let theirs = work.title {
            switch TitleMatching.compare(mine, theirs, recordSubtitle: work.subtitle) {
            case .same: break
            case .subtitle:
                let full = [theirs, work.subtitle].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
                differences.append("the title differs in its subtitle (the record has '\(TitleMatching.plain(full))')")
            case .different: different = true
            }
        }
        let myFamily = reference.authors.first.flatMap { $0.family ?? $0.literal }
        var familyDiffers = false
        if let myFamily, let theirFamily = work.firstFamily, !TitleMatching.sameFamily(myFamily, theirFamily) {
            familyDiffers = true
            differences.append("the first author is \(theirFamily), not \(myFamily)")
        }
        var yearDiffers = false
        if let year = reference.issued?.year, reference.issued?.literal == nil, !work.years.isEmpty, !work.years.contains(year) {
            yearDiffers = true
            if work.years.contains(where: { abs($0 - year) == 1 }) {
                differences.append("the year is \(work.years.map(String.init).joined(separator: " or ")), not \(year) (online first and in print are often a year apart: use the issue's year)")
            } else {
                differences.append("the year is \(work.years.first!), not \(year)")
            }
        }
        if !work.journals.isEmpty, reference.type.hasPrefix("article") {
            let mine = [reference.containerTitle, reference.containerTitleShort].compactMap { $0 }.filter { !$0.isEmpty }
            if !mine.isEmpty, !mine.contains(where: { name in work.journals.contains { TitleMatching.sameJournal(name, $0) } }) {
                differences.append("the journal is \(work.journals[0]), not \(mine[0])")
            }
        }
        if let pmidDOI = work.pmid.flatMap({ _ in work.doi }), let myDOI = reference.doi, work.doi != nil,
           label.contains("PMID"), pmidDOI.lowercased() != myDOI.lowercased() {
            different = true
        }
        // Without a title to compare, a different first author and year mean a different paper.
        if reference.title == nil || work.title == nil, familyDiffers && yearDiffers { different = true }
        if different {
            return [.error(.referenceMismatch, "\(label) is a different paper: \(work.summary); correct the identifier or the entry", at: location)]
        }
        if differences.isEmpty { return [] }
        return [.warning(.referenceMismatch, "\(label) is this paper, but \(differences.joined(separator: "; ")); make the entry match the record", at: location)]
    }

    static func notices(_ notices: [UpdateNotice], reference: Reference, doi: String, cited: Bool, at location: SourceLocation) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        func detail(_ notice: UpdateNotice) -> String {
            var parts: [String] = []
            if let doi = notice.doi { parts.append("notice \(doi)") }
            if let year = notice.year { parts.append(String(year)) }
            if let source = notice.source { parts.append(source == "retraction-watch" ? "from Retraction Watch" : "from the \(source)") }
            return parts.isEmpty ? "" : " (" + parts.joined(separator: ", ") + ")"
        }
        if let retraction = notices.first(where: \.isRetraction) {
            let what = retraction.type == "withdrawal" ? "withdrawn" : retraction.type == "removal" ? "removed" : retraction.type == "partial_retraction" ? "partly retracted" : "retracted"
            diagnostics.append(Diagnostic(cited ? .error : .warning, .retractedReference,
                "'\(reference.id)' (DOI \(doi)) was \(what)\(detail(retraction)), according to Crossref; do not cite it",
                at: location))
        } else if let concern = notices.first(where: \.isExpressionOfConcern) {
            diagnostics.append(.warning(.expressionOfConcern,
                "'\(reference.id)' (DOI \(doi)) has an expression of concern\(detail(concern)), according to Crossref; read it before relying on the paper",
                at: location))
        }
        return diagnostics
    }
}
