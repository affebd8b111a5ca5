import ContentChecks
import ContentLoading
import ContentModel
import Diagnostics
import Foundation
import SiteBuilder
import Templates

// Coverage-guided fuzzing of what Salve reads: one content file (front matter, body, citations,
// rendering), the bibliography's JSON and YAML records. `scripts/fuzz` builds this target with
// `-sanitize=fuzzer -DSALVE_FUZZ`, which makes it a libFuzzer binary; an ordinary build makes it a
// program that replays the files it is given, to reproduce a finding:
//
//     swift build --product SalveFuzz && .build/debug/SalveFuzz crash-1234…
//
// An input's first byte chooses what the rest is fed to (the seed corpus uses ASCII digits):
//   byte % 8 = 0…4  a content file of kind condition, article, exercise, program, expert
//              5    seeds/references.json
//              6    a YAML record (seeds/sources/*.yml)
//              7    a body alone, as `salve render` reads one
//   bit 3 of the first byte sets the site's allow-raw-html (off for ASCII digits).
//
// SALVE_FUZZ_STACK_KB=N runs each input on a thread with an N KiB stack: unbounded recursion on
// deeply nested input then crashes at a depth mutations reach in minutes, not only at the tens of
// thousands of levels an 8 MiB stack allows.

#if canImport(Glibc)
import Glibc
#endif

/// An input handed to a thread of its own.
private final class FuzzJob: @unchecked Sendable {
    let input: UnsafeRawBufferPointer
    init(_ input: UnsafeRawBufferPointer) { self.input = input }
}

enum FuzzInput {
    static let stackKiB: Int? = ProcessInfo.processInfo.environment["SALVE_FUZZ_STACK_KB"].flatMap { Int($0) }

    /// Runs one input, on a thread with a small stack when SALVE_FUZZ_STACK_KB says so.
    static func runChecked(_ input: UnsafeRawBufferPointer) {
        guard let stackKiB else { return run(input) }
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        pthread_attr_setstacksize(&attributes, max(stackKiB, 64) * 1024)
        let job = Unmanaged.passRetained(FuzzJob(input)).toOpaque()
        var thread = pthread_t()
        let started = pthread_create(&thread, &attributes, { context in
            let job = Unmanaged<FuzzJob>.fromOpaque(context!).takeRetainedValue()
            // The crash handler runs on an alternate stack: on the overflowed one it could not run
            // and the input would not be saved.
            let size = 64 * 1024
            let alternate = malloc(size)
            var stack = stack_t()
            stack.ss_sp = alternate
            stack.ss_size = size
            sigaltstack(&stack, nil)
            FuzzInput.run(job.input)
            var disable = stack_t()
            disable.ss_flags = Int32(SS_DISABLE)
            sigaltstack(&disable, nil)
            free(alternate)
            return nil
        }, job)
        pthread_attr_destroy(&attributes)
        precondition(started == 0, "could not start a fuzz thread")
        pthread_join(thread, nil)
    }


    static let kinds = ContentKind.allCases
    static let today = Day(clampingYear: 2026, month: 6, day: 1)

    static func run(_ input: UnsafeRawBufferPointer) {
        guard let first = input.first else { return }
        let bytes = [UInt8](input.dropFirst())
        var site = SiteConfig(title: "Fuzz", baseURL: "https://fuzz.example/")
        site.allowRawHTML = first & 0x08 != 0
        switch Int(first % 8) {
        case 0...4:
            page(bytes, kind: kinds[Int(first % 8)], site: site)
        case 5:
            let (bibliography, diagnostics) = FuzzEntry.loadBibliography(bytes: bytes)
            format(diagnostics, text: bytes)
            for reference in bibliography.entries {
                _ = AMAFormatter.format(reference)
            }
            // The reference checks: identifiers, dates, required fields, duplicates, uncited entries.
            let graph = ContentGraph(site: site, conditions: [], articles: [], exercises: [], programs: [], experts: [],
                                     bibliography: bibliography, sourceRecords: [])
            format(ContentRules.check(graph, today: today), text: bytes)
        case 6:
            let (_, diagnostics) = FuzzEntry.loadYAML(bytes: bytes)
            format(diagnostics, text: bytes)
        default:
            let (body, diagnostics) = ContentLoader.analyzeBody(of: Data(bytes), file: "fuzz.md", folder: ["articles"],
                                                                site: site)
            format(diagnostics, text: bytes)
            if let body { render(body, graph: graph(site: site, page: nil)) }
        }
    }

    /// Loads the page, checks it in a graph of its own, renders its body and formats every finding
    /// with its source excerpt, as `salve check` prints it.
    static func page(_ bytes: [UInt8], kind: ContentKind, site: SiteConfig) {
        let (page, diagnostics) = FuzzEntry.loadPage(bytes: bytes, kind: kind, site: site, render: true)
        format(diagnostics, text: bytes)
        guard let page else { return }
        let graph = graph(site: site, page: page)
        let findings = ContentRules.check(page, in: graph, today: today, retractions: RetractionList())
        format(findings, text: bytes)
        render(page.body, graph: graph)
    }

    static func graph(site: SiteConfig, page: (any ContentPage)?) -> ContentGraph {
        ContentGraph(site: site, pages: page.map { [$0] } ?? [], bibliography: Bibliography(), sourceRecords: [])
    }

    static func render(_ body: Body, graph: ContentGraph) {
        var numbering = CitationNumbering()
        let html = BodyHTMLRenderer(graph: graph).render(body, linker: Linker(from: .contentDepth, site: graph.site),
                                                         numbering: &numbering)
        precondition(html.bytes.count >= 0)
    }

    static func format(_ diagnostics: [Diagnostic], text bytes: [UInt8]) {
        guard !diagnostics.isEmpty else { return }
        let text = String(decoding: bytes, as: UTF8.self)
        let formatter = TextFormatter(sourceProvider: { _ in text })
        _ = formatter.format(DiagnosticList(diagnostics))
    }
}

#if SALVE_FUZZ
@_cdecl("LLVMFuzzerTestOneInput")
public func salveFuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    FuzzInput.runChecked(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}

typealias FuzzCallback = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

/// libFuzzer's driver, for programs that keep their own `main` (`-sanitize=fuzzer` links it).
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                     _ callback: FuzzCallback) -> CInt

/// SwiftPM links an executable's `main` to `<module>_main` (so that tests can link the module), which
/// keeps libFuzzer's own `main` out: this one starts libFuzzer's driver instead.
@_cdecl("SalveFuzz_main")
public func salveFuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return withUnsafeMutablePointer(to: &arguments) { argumentsPointer in
        runFuzzerDriver(&count, argumentsPointer) { data, size in salveFuzzTestOneInput(data, size) }
    }
}
#else
@main
struct Replay {
    static func main() {
        let paths = CommandLine.arguments.dropFirst()
        if paths.isEmpty {
            FileHandle.standardError.write(Data("usage: SalveFuzz FILE… (replays fuzz inputs; see scripts/fuzz)\n".utf8))
            exit(2)
        }
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("SalveFuzz: cannot read \(path)\n".utf8))
                exit(2)
            }
            print("replaying \(path) (\(data.count) bytes)")
            data.withUnsafeBytes { FuzzInput.runChecked($0) }
        }
        print("no crash")
    }
}
#endif
