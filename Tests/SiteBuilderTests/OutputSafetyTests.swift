import Foundation
import SiteBuilder
import Testing

/// The output folder is replaced as a whole, only when it is Salve's own, and never half-written.
@Suite(.timeLimit(.minutes(1)))
struct OutputSafetyTests {
    @Test func refusesAFolderWithForeignFilesAndNoMarker() throws {
        try withTemporaryFolder { temp in
            let output = temp.appending("Output")
            let foreign: [String: Data] = [
                "thesis.docx": Data("my only copy".utf8),
                "photos/holiday.jpg": Data([0xFF, 0xD8, 0xFF]),
                "index.html": Data("<p>someone else's site</p>".utf8),
            ]
            try FileTree.write(foreign, to: output)
            #expect(throws: OutputFailure.self) {
                try Fixtures.build(Fixtures.validSite, output: output)
            }
            // Nothing inside was deleted or changed, and nothing was added.
            #expect(try FileTree.read(output) == foreign)
            #expect(leftovers(besideOutput: output).isEmpty)
            #expect(FileTree.names(in: temp.url) == ["Output"])
        }
    }

    @Test func refusesAPlainFileAsOutput() throws {
        try withTemporaryFolder { temp in
            let output = temp.appending("Output")
            try Data("not a folder".utf8).write(to: output)
            #expect(throws: OutputFailure.self) {
                try Fixtures.build(Fixtures.validSite, output: output)
            }
            #expect(try Data(contentsOf: output) == Data("not a folder".utf8))
            #expect(leftovers(besideOutput: output).isEmpty)
        }
    }

    @Test func usesAnEmptyFolder() throws {
        try withTemporaryFolder { temp in
            let output = temp.appending("Output")
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
            let report = try Fixtures.build(Fixtures.validSite, output: output)
            #expect(report.succeeded)
            #expect(FileTree.exists(output.appendingPathComponent("index.html")))
            #expect(FileTree.exists(output.appendingPathComponent(OutputWriter.markerName)))
            #expect(leftovers(besideOutput: output).isEmpty)
        }
    }

    /// Files an older build wrote (a page since deleted, a renamed asset), listed in the marker,
    /// are gone after a rebuild.
    @Test func staleFilesAreGoneAfterARebuild() throws {
        try withTemporaryFolder { temp in
            let output = temp.appending("Output")
            let first = try Fixtures.build(Fixtures.validSite, output: output)
            #expect(first.succeeded)
            let good = try FileTree.read(output)
            let old = ["articles/deleted-article/index.html", "assets/old.css"]
            try FileTree.write(Dictionary(uniqueKeysWithValues: old.map { ($0, Data("old".utf8)) }), to: output)
            let marker = output.appendingPathComponent(OutputWriter.markerName)
            let listed = try String(contentsOf: marker, encoding: .utf8) + old.map { $0 + "\n" }.joined()
            try Data(listed.utf8).write(to: marker)
            let second = try Fixtures.build(Fixtures.validSite, output: output)
            #expect(second.succeeded)
            #expect(try FileTree.read(output) == good)
            #expect(!FileTree.exists(output.appendingPathComponent("articles/deleted-article")))
            #expect(leftovers(besideOutput: output).isEmpty)
            #expect(FileTree.names(in: temp.url) == ["Output"])
        }
    }

    @Test func noStagingFoldersAfterSuccessOrFailure() throws {
        try withTemporaryFolder { temp in
            let output = temp.appending("site")
            _ = try Fixtures.build(Fixtures.validSite, output: output)
            #expect(FileTree.names(in: temp.url) == ["site"])

            // A content error: nothing written, nothing left beside the output.
            let broken = temp.appending("broken")
            try FileTree.copy(Fixtures.invalidCases.appendingPathComponent("unknown-condition"), to: broken)
            let failed = try Fixtures.build(broken, output: output)
            #expect(!failed.succeeded)
            #expect(FileTree.names(in: temp.url) == ["broken", "site"])

            // An output failure (foreign folder): nothing left beside it either.
            let foreign = temp.appending("foreign")
            try FileTree.write(["keep.txt": Data("mine".utf8)], to: foreign)
            #expect(throws: OutputFailure.self) { try Fixtures.build(Fixtures.validSite, output: foreign) }
            #expect(FileTree.names(in: temp.url) == ["broken", "foreign", "site"])
        }
    }

    /// A write that fails half way (here: the staging folder cannot be created beside a read-only
    /// parent) leaves the last good site exactly as it was.
    @Test(.enabled(if: getuid() != 0, "root ignores folder permissions"))
    func failedWriteKeepsTheLastGoodSite() throws {
        try withTemporaryFolder { temp in
            let parent = temp.appending("parent")
            let output = parent.appendingPathComponent("Output")
            _ = try Fixtures.build(Fixtures.validSite, output: output)
            let good = try FileTree.read(output)
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: parent.path)
            defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: parent.path) }
            #expect(throws: OutputFailure.self) { try Fixtures.build(Fixtures.validSite, output: output) }
            #expect(try FileTree.read(output) == good)
            #expect(leftovers(besideOutput: output).isEmpty)
        }
    }

    @Test func refusesToWriteOutsideTheOutputFolder() throws {
        try withTemporaryFolder { temp in
            let writer = try OutputWriter(output: temp.appending("Output"))
            try writer.begin()
            defer { writer.abort() }
            for path in ["../escape.html", "a/../../escape.html", "/etc/escape.html", "./x.html", "", "a/./b.html"] {
                #expect(throws: OutputFailure.self, "\(path)") { try writer.write(path, contents: "x") }
            }
            #expect(!FileTree.exists(temp.appending("escape.html")))
        }
    }
}
