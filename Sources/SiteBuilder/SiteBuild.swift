import ContentChecks
import ContentLoading
import ContentModel
import Diagnostics
import Dispatch
import Foundation
import Templates

/// What a build produced.
public struct BuildReport: Sendable {
    public var diagnostics: DiagnosticList
    public var sourceTexts: [String: String]
    /// Files written, or 0 when errors stopped the build before writing.
    public var filesWritten: Int
    /// The site as loaded. A caller about to exit can keep it to the end rather than free it: a large
    /// site is tens of thousands of objects, freed one at a time on one core.
    public var graph: ContentGraph?
    public var succeeded: Bool { !diagnostics.hasErrors }
}

/// load → check → render → write, into a staging folder that replaces Output/ only when the content
/// has no errors.
public enum SiteBuild {
    /// Dates (reviews, references, scheduled articles) are judged as of `options.today`.
    ///
    /// Article pages are written into the staging folder while the site loads; the other pages once
    /// it is loaded and checked. The staging folder replaces `output` only when there are no errors.
    public static func build(_ options: LoadOptions, output: URL) throws -> BuildReport {
        // Refuse an unsafe output folder before any work is done.
        let writer = try OutputWriter(output: output)
        try writer.begin()
        // The load's stages, with a stage of the build's own between them: every page but the
        // articles is read, then each article's page is written as soon as the article is read.
        let options = CheckedContent.prepared(options)
        let load: ContentLoad
        do {
            load = try ContentLoad(options)
        } catch {
            writer.abort()
            throw error
        }
        load.loadPages(of: Set(ContentKind.allCases).subtracting([.article]))
        let articles = ArticlePageWriter(writer: writer, context: load.publishedSoFar())
        load.loadArticles(handing: articles.write)
        let loaded = CheckedContent.check(load.finish(), options: options)
        guard !loaded.diagnostics.hasErrors else {
            writer.abort()
            return BuildReport(diagnostics: loaded.diagnostics, sourceTexts: loaded.sourceTexts, filesWritten: 0,
                               graph: loaded.graph)
        }
        if let failure = articles.failures.first {
            writer.abort()
            throw failure
        }
        let mediaWritten: Int
        do {
            mediaWritten = try MediaOutput.write(loaded.media, projectRoot: options.displayRoot.path, to: writer)
        } catch {
            writer.abort()
            throw error
        }
        let order = SearchOrder(graph: loaded.graph)
        do {
            try articles.rankFragments(order)
        } catch {
            writer.abort()
            throw error
        }
        let entries = SitePlan.entries(for: loaded.graph, articles: false, search: articles.search, order: order)
        let staticFiles = StaticFolder.files(in: options.contentDirectory, displayRoot: options.displayRoot)
        let generated = writer.writtenPaths.union(entries.map(\.file))
        let collisions = staticFiles.filter { generated.contains($0.sitePath) }.map { file in
            Diagnostic.error(.staticCollision, "this file would replace '\(file.sitePath)', which Salve writes; rename or remove it",
                             at: SourceLocation(file: file.display, line: 1, column: 1))
        }
        guard collisions.isEmpty else {
            writer.abort()
            var diagnostics = loaded.diagnostics
            diagnostics.append(contentsOf: collisions)
            return BuildReport(diagnostics: diagnostics, sourceTexts: loaded.sourceTexts, filesWritten: 0, graph: loaded.graph)
        }
        for file in staticFiles {
            guard let data = FileManager.default.contents(atPath: file.source) else {
                writer.abort()
                throw OutputFailure(description: "could not read '\(file.display)' to copy it into the site")
            }
            try writer.write(file.sitePath, contents: [UInt8](data))
        }
        let written = try write(entries, to: writer)
        return BuildReport(diagnostics: loaded.diagnostics, sourceTexts: loaded.sourceTexts,
                           filesWritten: articles.filesWritten + mediaWritten + staticFiles.count + written, graph: loaded.graph)
    }

    /// Renders every entry on every core, streaming each to disk as it is made, then swaps the site in.
    static func write(_ entries: [SitePlan.Entry], to writer: OutputWriter) throws(OutputFailure) -> Int {
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
