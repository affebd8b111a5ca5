import LinkChecks
import ArgumentParser
import ContentChecks
import ContentLoading
import Foundation

struct Cite: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage the bibliography (seeds/references.json).",
        subcommands: [Add.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add papers to seeds/references.json by DOI or PMID, and print the keys to cite them with.",
            discussion: """
                Fetches each paper's CSL-JSON (from the DOI resolver; a PMID through PubMed's E-utilities) and \
                appends it to references.json with a key such as belavy2017, keeping the file's layout. A DOI or \
                PMID already in the file is refused. Exit status: 0 all added, 1 some refused or not found, 2 usage \
                or I/O errors.
                """)

        @OptionGroup var project: ProjectOptions

        @Argument(help: "DOIs (10.1038/srep45975, doi:…, https://doi.org/…) or PMIDs (28422125).")
        var identifiers: [String]

        @Option(help: "The base URL DOIs are resolved against.")
        var doiResolver = "https://doi.org/"

        @Option(help: "NCBI's E-utilities, asked for PubMed records.")
        var eutils = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils/"

        @Option(help: "Seconds before a request is given up.")
        var timeout: Double = 10

        @Option(help: "Further attempts after a timeout, 429 or a server error, with doubling back-off.")
        var retries = 2

        func validate() throws {
            if identifiers.isEmpty { throw ValidationError("give at least one DOI or PMID") }
            for text in identifiers where PaperIdentifier(text) == nil {
                throw ValidationError("'\(text)' is neither a DOI (10.…/…) nor a PMID (1–8 digits)")
            }
        }

        func run() throws {
            let file = project.seedsURL.appendingPathComponent("references.json")
            let display = ProjectPaths(displayRoot: project.rootURL).display(file)
            var text = "[\n]\n"
            if FileManager.default.fileExists(atPath: file.path) {
                guard let data = FileManager.default.contents(atPath: file.path), let read = String(data: data, encoding: .utf8) else {
                    Terminal.error("'\(display)' could not be read as UTF-8 text")
                    throw ExitCode(2)
                }
                text = read
            }
            var existing: CitationAdder.Existing
            do {
                existing = try CitationAdder.existing(in: text)
            } catch {
                Terminal.error("'\(display)' was left as it is: \(error)")
                throw ExitCode(2)
            }
            var options = OnlineOptions()
            options.doiResolver = OnlineOptions.base(doiResolver)
            options.eutils = OnlineOptions.base(eutils)
            options.timeout = timeout
            options.retries = retries
            options.contactEmail = contactEmail()
            let client = MetadataClient(options: options)

            var refused = false
            var added: [(key: String, fields: [(String, JSONValue)])] = []
            var seen: [String] = []
            for identifier in identifiers.compactMap(PaperIdentifier.init) {
                if let key = holder(of: identifier, in: existing) {
                    Terminal.error("\(identifier) is already in \(display) as '\(key)'; cite it as [@\(key)]")
                    refused = true
                    continue
                }
                if seen.contains(identifier.description) { continue }
                seen.append(identifier.description)
                let lookup = Self.wait { await CitationAdder.lookUp(identifier, client: client) }
                switch lookup {
                case .found(let fields):
                    let doi = fields.first { $0.0 == "DOI" }?.1.string
                    let pmid = fields.first { $0.0 == "PMID" }?.1.string
                    if let other = [doi.map(PaperIdentifier.doi), pmid.map(PaperIdentifier.pmid)].compactMap({ $0 })
                        .first(where: { holder(of: $0, in: existing) != nil }) {
                        let key = holder(of: other, in: existing)!
                        Terminal.error("\(identifier) is \(other), already in \(display) as '\(key)'; cite it as [@\(key)]")
                        refused = true
                        continue
                    }
                    let key = CitationAdder.key(for: fields, taken: existing.ids)
                    existing.ids.insert(key)
                    if let doi { existing.keyByDOI[doi.lowercased()] = key }
                    if let pmid { existing.keyByPMID[pmid] = key }
                    added.append((key, [("id", .string(key))] + fields))
                case .notFound(let reason), .failed(let reason):
                    Terminal.error("\(identifier) was not added: \(reason)")
                    refused = true
                }
            }
            if !added.isEmpty {
                do {
                    let updated = try CitationAdder.appending(added.map(\.fields), to: text)
                    _ = try CitationAdder.existing(in: updated)  // still valid JSON before anything is written
                    try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try Data(updated.utf8).write(to: file, options: .atomic)
                } catch {
                    Terminal.error("'\(display)' was left as it is: \(error)")
                    throw ExitCode(2)
                }
                for entry in added {
                    let title = entry.fields.first { $0.0 == "title" }?.1.string.map { ": " + $0 } ?? ""
                    print("[@\(entry.key)]\(title)")
                }
                Terminal.stderr("salve: added \(added.count) \(added.count == 1 ? "entry" : "entries") to \(display)")
            }
            if refused { throw ExitCode(1) }
        }

        private func holder(of identifier: PaperIdentifier, in existing: CitationAdder.Existing) -> String? {
            switch identifier {
            case .doi(let doi): return existing.keyByDOI[doi.lowercased()]
            case .pmid(let pmid): return existing.keyByPMID[pmid]
            }
        }

        /// `contact-email` from site.yml, when there is one.
        private func contactEmail() -> String? {
            let url = project.contentURL.appendingPathComponent("site.yml")
            guard FileManager.default.fileExists(atPath: url.path) else { return nil }
            return ContentLoader.loadSite(url, ProjectPaths(displayRoot: project.rootURL)).0.contactEmail
        }

        private static func wait(_ work: @escaping @Sendable () async -> CitationAdder.Lookup) -> CitationAdder.Lookup {
            let box = LookupBox()
            let done = DispatchSemaphore(value: 0)
            Task {
                box.value = await work()
                done.signal()
            }
            done.wait()
            return box.value!
        }
    }
}

private final class LookupBox: @unchecked Sendable {
    var value: CitationAdder.Lookup?
}
