import Foundation
import SiteBuilder
import Testing

/// Files copied by hand into Salve's own output folder stop the build instead of being deleted, and
/// staging folders left by a killed build are cleaned up, only when they are Salve's.
@Suite(.timeLimit(.minutes(1)))
struct OutputOwnershipTests {
    @Test func filesAddedByHandStopTheBuildAndAreKept() throws {
        try withTemporaryFolder { temp in
            let output = temp.appending("Output")
            #expect(try Fixtures.build(Fixtures.validSite, output: output).succeeded)
            try FileTree.write([
                "notes.txt": Data("left here by hand".utf8),
                "images/photo.jpg": Data([0xFF, 0xD8, 0xFF]),
            ], to: output)
            let before = try FileTree.read(output)
            var failure: OutputFailure?
            do {
                _ = try Fixtures.build(Fixtures.validSite, output: output)
            } catch let error as OutputFailure {
                failure = error
            }
            let message = try #require(failure).description
            #expect(message.contains("holds 2 files that salve did not write"))
            #expect(message.contains("\n  images/photo.jpg\n  notes.txt\n"))
            #expect(message.contains("Move them somewhere outside"))
            #expect(try FileTree.read(output) == before)
            #expect(leftovers(besideOutput: output).isEmpty)
        }
    }

    @Test func theMarkerListsEveryFileWritten() throws {
        try withTemporaryFolder { temp in
            let output = temp.appending("Output")
            #expect(try Fixtures.build(Fixtures.validSite, output: output).succeeded)
            let files = try FileTree.read(output).keys.filter { $0 != OutputWriter.markerName }
            let marker = try String(contentsOf: output.appendingPathComponent(OutputWriter.markerName), encoding: .utf8)
            let listed = marker.split(separator: "\n").dropFirst(2).map(String.init)
            #expect(listed == files.sorted())
        }
    }

    /// What a build killed half way leaves: a staging folder named for a process that no longer runs.
    @Test func staleStagingOfADeadBuildIsRemoved() throws {
        try withTemporaryFolder { temp in
            let output = temp.appending("Output")
            let dead = Self.deadPID()
            let stale = temp.appending(".Output.staging-\(dead)")
            try FileTree.write([OutputWriter.markerName: Data("x".utf8), "index.html": Data("half".utf8)], to: stale)
            let previous = temp.appending(".Output.previous-\(dead)")
            try FileTree.write([OutputWriter.markerName: Data("x".utf8)], to: previous)
            #expect(try Fixtures.build(Fixtures.validSite, output: output).succeeded)
            #expect(FileTree.names(in: temp.url) == ["Output"])
        }
    }

    @Test func stagingLikeFoldersSalveDidNotMakeOrThatAreInUseStay() throws {
        try withTemporaryFolder { temp in
            let output = temp.appending("Output")
            let dead = Self.deadPID()
            // No marker: not Salve's.
            try FileTree.write(["mine.txt": Data("keep".utf8)], to: temp.appending(".Output.staging-\(dead)"))
            // A running process's (this one's parent): perhaps a build in progress.
            let running = getppid()
            try FileTree.write([OutputWriter.markerName: Data("x".utf8)], to: temp.appending(".Output.staging-\(running)"))
            // Not a PID.
            try FileTree.write([OutputWriter.markerName: Data("x".utf8)], to: temp.appending(".Output.staging-old"))
            // A link to a folder holding a marker.
            try FileTree.write([OutputWriter.markerName: Data("x".utf8)], to: temp.appending("elsewhere"))
            try FileManager.default.createSymbolicLink(atPath: temp.appending(".Output.previous-\(dead)").path,
                                                       withDestinationPath: temp.appending("elsewhere").path)
            #expect(try Fixtures.build(Fixtures.validSite, output: output).succeeded)
            #expect(Set(FileTree.names(in: temp.url)) == [".Output.previous-\(dead)", ".Output.staging-\(dead)",
                                                          ".Output.staging-\(running)", ".Output.staging-old", "Output", "elsewhere"])
        }
    }

    /// A process id no process can have: above any kernel's pid_max (at most 2^22 on Linux).
    static func deadPID() -> Int32 { Int32.max }
}
