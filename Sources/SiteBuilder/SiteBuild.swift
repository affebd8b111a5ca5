import ContentChecks
import ContentLoading
import ContentModel
import Diagnostics
import Dispatch
import Foundation

/// What a build produced.
public struct BuildReport: Sendable {
    public var diagnostics: DiagnosticList
    public var sourceTexts: [String: String]
    /// Files written, or 0 when errors stopped the build before writing.
    public var filesWritten: Int
    public var succeeded: Bool { !diagnostics.hasErrors }
}

/// load → check → render → write. Nothing is written unless the content has no errors.
public enum SiteBuild {
    /// Dates (reviews, references, scheduled articles) are judged as of `options.today`.
    public static func build(_ options: LoadOptions, output: URL) throws -> BuildReport {
        let loaded = try SiteChecker.loadAndCheck(options)
        guard !loaded.diagnostics.hasErrors else {
            return BuildReport(diagnostics: loaded.diagnostics, sourceTexts: loaded.sourceTexts, filesWritten: 0)
        }
        // Refuse an unsafe output folder before any work is done.
        let writer = try OutputWriter(output: output)
        let written = try write(loaded.graph, to: writer)
        return BuildReport(diagnostics: loaded.diagnostics, sourceTexts: loaded.sourceTexts, filesWritten: written)
    }

    /// Renders every page on every core, streaming each to disk as it is made, then swaps the site in.
    static func write(_ graph: ContentGraph, to writer: OutputWriter) throws(OutputFailure) -> Int {
        let entries = SitePlan.entries(for: graph)
        try writer.begin()
        let failures = FirstFailure<OutputFailure>()
        DispatchQueue.concurrentPerform(iterations: entries.count) { index in
            guard !failures.hasFailure else { return }
            do throws(OutputFailure) {
                try writer.write(entries[index].file, contents: entries[index].render())
            } catch {
                failures.record(error)
            }
        }
        if let failure = failures.first {
            writer.abort()
            throw failure
        }
        try writer.commit()
        return entries.count
    }
}
