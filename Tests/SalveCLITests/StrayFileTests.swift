import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Stray files in `Content/` are reported without their bytes, and a stray pipe never blocks.
@Suite(.timeLimit(.minutes(1)))
struct StrayFileTests {
    @Test func aStrayBinaryFileOrPipeIsReportedWithoutASourceLine() throws {
        try withTemporaryFolder { temp in
            for folder in ["Content", "seeds"] {
                try FileManager.default.copyItem(at: Fixtures.validSite.appendingPathComponent(folder),
                                                 to: temp.appendingPathComponent(folder))
            }
            try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0xFF, 0xFE]).write(
                to: temp.appendingPathComponent("Content/photo.png"))
            #if canImport(Glibc)
            #expect(mkfifo(temp.appendingPathComponent("pipe").path, 0o600) == 0)
            try FileManager.default.createSymbolicLink(atPath: temp.appendingPathComponent("Content/notes.txt").path,
                                                       withDestinationPath: temp.appendingPathComponent("pipe").path)
            #endif
            let result = try Salve.run(["check"], in: temp, timeout: 30)
            #expect(!result.timedOut)
            #expect(result.exited && result.status == 0, "\(result.stderr)")
            let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
            for name in ["Content/photo.png", "Content/notes.txt"] {
                let index = try #require(lines.firstIndex { $0.hasPrefix("\(name):1:1: warning: ") }, "\(result.stdout)")
                // The next line is the next diagnostic, not an excerpt of the file.
                #expect(index + 1 == lines.count || !lines[index + 1].hasPrefix("    "), "\(result.stdout)")
            }
            #expect(!result.stdout.contains("PNG"))
        }
    }
}
