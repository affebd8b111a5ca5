import Foundation
import Testing
import Diagnostics
@testable import ContentLoading
@testable import ContentModel
#if canImport(Glibc)
import Glibc
#endif

/// Files that are not plain files, or far too large, or cannot be reached: each is named in a
/// diagnostic at `path:1:1`, and nothing blocks or grows without bound.
@Suite(.timeLimit(.minutes(1)))
struct HostileFileTests {
    static let siteYML = "title: Test site\nbase-url: https://example.org/\n"
    static let sciatica = ContentLoaderTests.sciatica
    static let references = """
        [{"id": "smith2018", "type": "webpage", "title": "Sciatica", "URL": "https://example.org/s"}]
        """

    static func project() throws -> TempProject {
        let project = try TempProject()
        try project.write("Content/site.yml", siteYML)
        try project.write("Content/conditions/sciatica.md", sciatica)
        try project.write("seeds/references.json", references)
        return project
    }

    static func fifo(_ project: TempProject, _ path: String) throws {
        let url = project.root.appendingPathComponent(path)
        try? FileManager.default.removeItem(at: url)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        #expect(mkfifo(url.path, 0o600) == 0)
    }

    static func link(_ project: TempProject, _ path: String, to destination: String) throws {
        let url = project.root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: destination)
    }

    /// The errors, as printed (the fixture's pending review is a warning on every run).
    static func lines(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.filter { $0.severity == .error }.map(\.description)
    }

    // MARK: FileBytes

    @Test func readsOnlyRegularFilesWithinTheLimit() throws {
        let project = try TempProject()
        defer { project.remove() }
        try project.write("ten.txt", "0123456789")
        let path = project.root.appendingPathComponent("ten.txt").path
        #expect(FileBytes.read(path, limit: 10) == .success(Array("0123456789".utf8)))
        #expect(FileBytes.read(path, limit: 9) == .failure(.tooLarge(size: 10, limit: 9)))
        #expect(FileBytes.read(project.root.appendingPathComponent("none").path) == .failure(.missing))
        #expect(FileBytes.read(project.root.path) == .failure(.notRegularFile(kind: "a folder")))
        try Self.fifo(project, "pipe")
        #expect(FileBytes.read(project.root.appendingPathComponent("pipe").path) == .failure(.notRegularFile(kind: "a named pipe (FIFO)")))
        // A link to a regular file is read; a link to a device is refused without reading a byte.
        try Self.link(project, "link.txt", to: path)
        #expect(FileBytes.read(project.root.appendingPathComponent("link.txt").path, limit: 10) == .success(Array("0123456789".utf8)))
        try Self.link(project, "zero", to: "/dev/zero")
        #expect(FileBytes.read(project.root.appendingPathComponent("zero").path) == .failure(.notRegularFile(kind: "a character device")))
    }

    @Test func sizesAreSaidInPlainUnits() {
        #expect(FileBytes.describe(16 << 20) == "16 MiB")
        #expect(FileBytes.describe((16 << 20) + (3 << 19)) == "17.5 MiB")
        #expect(FileBytes.describe(2048) == "2 KiB")
        #expect(FileBytes.describe(12) == "12 bytes")
    }

    // MARK: Each kind of file

    @Test func aFIFOAsSiteYMLIsNamedAndNotCalledMissing() throws {
        let project = try Self.project()
        defer { project.remove() }
        try Self.fifo(project, "Content/site.yml")
        let result = try project.load()
        #expect(Self.lines(result.diagnostics.sorted.filter { $0.location.file == "Content/site.yml" }) == [
            "Content/site.yml:1:1: error: 'Content/site.yml' could not be read: it is a named pipe (FIFO), not a regular file; only plain files are read [read-failed]",
        ])
        #expect(result.graph.condition(slug("sciatica")) != nil)
    }

    @Test func aFIFOAsTheBibliographyIsTheOneCause() throws {
        let project = try Self.project()
        defer { project.remove() }
        try Self.fifo(project, "seeds/references.json")
        let result = try project.load()
        #expect(Self.lines(result.diagnostics.sorted) == [
            "seeds/references.json:1:1: error: 'seeds/references.json' could not be read: it is a named pipe (FIFO), not a regular file; only plain files are read; the bibliography could not be loaded, so 1 citation was not checked [read-failed]",
        ])
    }

    @Test func aFIFOAsASourceRecordIsNamed() throws {
        let project = try Self.project()
        defer { project.remove() }
        try Self.fifo(project, "seeds/sources/smith2018.yml")
        let result = try project.load()
        #expect(Self.lines(result.diagnostics.sorted) == [
            "seeds/sources/smith2018.yml:1:1: error: 'seeds/sources/smith2018.yml' could not be read: it is a named pipe (FIFO), not a regular file; only plain files are read [read-failed]",
        ])
    }

    @Test func anArticleLinkedToAFIFOOrToDevZeroIsNamed() throws {
        let project = try Self.project()
        defer { project.remove() }
        try Self.fifo(project, "pipe.md")
        try Self.link(project, "Content/articles/piped.md", to: project.root.appendingPathComponent("pipe.md").path)
        try Self.link(project, "Content/articles/zero.md", to: "/dev/zero")
        let result = try project.load()
        #expect(Self.lines(result.diagnostics.sorted) == [
            "Content/articles/piped.md:1:1: error: 'Content/articles/piped.md' could not be read: it is a named pipe (FIFO), not a regular file; only plain files are read [read-failed]",
            "Content/articles/zero.md:1:1: error: 'Content/articles/zero.md' could not be read: it is a character device, not a regular file; only plain files are read [read-failed]",
        ])
    }

    @Test func aPageOverTheLimitIsRefusedWithItsSize() throws {
        let project = try Self.project()
        defer { project.remove() }
        // Sparse: the size is real, the disk blocks are not.
        let url = project.root.appendingPathComponent("Content/articles/huge.md")
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: url.path, contents: nil))
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: UInt64(20 << 20))
        try handle.close()
        let result = try project.load()
        #expect(Self.lines(result.diagnostics.sorted) == [
            "Content/articles/huge.md:1:1: error: 'Content/articles/huge.md' could not be read: it is 20 MiB, more than the 16 MiB a file of this kind may hold [read-failed]",
        ])
    }

    @Test func aFolderTooDeepForThePathLimitIsReported() throws {
        let project = try Self.project()
        defer { project.remove() }
        // Made one level at a time relative to the last: the whole path is longer than mkdir accepts.
        let name = String(repeating: "d", count: 200)
        var descriptor = open(project.root.appendingPathComponent("Content").path, O_RDONLY | O_DIRECTORY)
        #expect(descriptor >= 0)
        try FileManager.default.createDirectory(at: project.root.appendingPathComponent("Content/articles"),
                                                withIntermediateDirectories: true)
        let articles = openat(descriptor, "articles", O_RDONLY | O_DIRECTORY)
        close(descriptor)
        descriptor = articles
        for _ in 0..<22 {
            #expect(mkdirat(descriptor, name, 0o755) == 0)
            let next = openat(descriptor, name, O_RDONLY | O_DIRECTORY)
            close(descriptor)
            descriptor = next
        }
        let file = openat(descriptor, "deep.md", O_WRONLY | O_CREAT, 0o644)
        close(file)
        close(descriptor)
        let result = try project.load()
        let found = result.with(.readFailed)
        #expect(found.count == 1)
        #expect(found.first?.message.contains("its path is longer than the system allows") == true)
        #expect(found.first?.message.contains("the pages in it were not loaded") == true)
        #expect(found.first?.location.line == 1 && found.first?.location.column == 1)
        // Clean up from the inside out: removeItem cannot reach so deep either.
        _ = try? Self.removeDeep(project.root.appendingPathComponent("Content/articles").path, name: name, depth: 22)
    }

    @Test(.enabled(if: getuid() != 0, "root reads any folder"))
    func anUnreadableFolderIsReported() throws {
        let project = try Self.project()
        defer { project.remove() }
        try project.write("Content/articles/locked/walking.md", ContentLoaderTests.article("Walking"))
        let locked = project.root.appendingPathComponent("Content/articles/locked").path
        #expect(chmod(locked, 0o000) == 0)
        defer { chmod(locked, 0o755) }
        let result = try project.load()
        #expect(Self.lines(result.diagnostics.sorted) == [
            "Content/articles/locked:1:1: error: the folder 'Content/articles/locked' could not be read (permission denied); the pages in it were not loaded [read-failed]",
        ])
    }

    private static func removeDeep(_ top: String, name: String, depth: Int) throws {
        var descriptors = [open(top, O_RDONLY | O_DIRECTORY)]
        for _ in 0..<depth { descriptors.append(openat(descriptors.last!, name, O_RDONLY | O_DIRECTORY)) }
        unlinkat(descriptors.last!, "deep.md", 0)
        for level in stride(from: depth - 1, through: 0, by: -1) {
            close(descriptors[level + 1])
            unlinkat(descriptors[level], name, AT_REMOVEDIR)
        }
        close(descriptors[0])
    }

    @Test func binaryFilesGiveNoExcerpt() throws {
        let project = try TempProject()
        defer { project.remove() }
        try project.write("photo.png", Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0xFF]))
        try project.write("nul.bin", Data("text\u{0}more".utf8))
        try project.write("notes.txt", "a note\n")
        try Self.fifo(project, "pipe.txt")
        #expect(ContentLoader.excerptText(atPath: project.root.appendingPathComponent("photo.png").path) == nil)
        #expect(ContentLoader.excerptText(atPath: project.root.appendingPathComponent("nul.bin").path) == nil)
        #expect(ContentLoader.excerptText(atPath: project.root.appendingPathComponent("pipe.txt").path) == nil)
        #expect(ContentLoader.excerptText(atPath: project.root.appendingPathComponent("notes.txt").path) == "a note\n")
    }

    // MARK: Knock-on errors

    static let expert = "---\nname: Jane Doe\ntitle: Physical therapist\n---\nBio.\n"

    static func reviewedCard(_ name: String) -> String {
        "---\ntitle: \(name)\nkind: strength\nconditions: [sciatica]\nreview:\n  reviewer: jane-doe\n  role: clinical\n  date: 2026-01-10\n---\n1. Lie down.\n"
    }

    @Test func aLatin1ExpertIsOneCauseNotSevenUnknownReviewers() throws {
        let project = try Self.project()
        defer { project.remove() }
        try project.write("Content/experts/jane-doe.md", Data(Array("---\nname: Jos".utf8) + [0xE9] + Array("\ntitle: PT\n---\n".utf8)))
        for name in ["a", "b", "c"] { try project.write("Content/exercises/\(name).md", Self.reviewedCard(name)) }
        let result = try project.load(today: day("2026-06-01"))
        #expect(Self.lines(result.diagnostics.sorted.filter { $0.severity == .error }) == [
            "Content/experts/jane-doe.md:2:10: error: the file is not valid UTF-8 text; save it as UTF-8; 3 references to this page in other files were not checked [invalid-utf8]",
        ])
    }

    @Test func anEmptyExpertTitleIsOneCauseAndPrintsFirst() throws {
        let project = try Self.project()
        defer { project.remove() }
        try project.write("Content/experts/jane-doe.md", "---\nname: Jane Doe\ntitle:\n---\nBio.\n")
        try project.write("Content/exercises/a.md", Self.reviewedCard("a"))
        // An unrelated error in a file that sorts before the expert's.
        try project.write("Content/articles/aaa.md", "---\ntitle: A\n---\n")
        let result = try project.load(today: day("2026-06-01"))
        let errors = result.diagnostics.sorted.filter { $0.severity == .error }
        #expect(errors.first?.location.file == "Content/experts/jane-doe.md")
        #expect(errors.first?.message.hasSuffix("; 1 reference to this page in other files was not checked") == true)
        #expect(result.with(.unknownExpert).isEmpty)
    }

    @Test func aTrailingCommaInTheBibliographyIsTheOneCause() throws {
        let project = try Self.project()
        defer { project.remove() }
        try project.write("seeds/references.json", "[{\"id\": \"smith2018\", \"type\": \"webpage\"},]\n")
        for name in ["a", "b"] {
            try project.write("Content/articles/\(name).md", ContentLoaderTests.article(name, body: "See [@smith2018] and [@jones2020].\n"))
        }
        let result = try project.load(today: day("2026-06-01"))
        let errors = result.diagnostics.sorted.filter { $0.severity == .error }
        #expect(errors.count == 1)
        #expect(errors.first?.location.file == "seeds/references.json")
        #expect(errors.first?.message.hasSuffix("the bibliography could not be loaded, so 5 citations were not checked") == true)
    }

    @Test func anEntryLeftOutForAnErrorIsTheCauseOfItsCitations() throws {
        let project = try Self.project()
        defer { project.remove() }
        try project.write("seeds/references.json", "[\n  {\"id\": \"smith2018\", \"title\": \"No type\"}\n]\n")
        try project.write("Content/articles/a.md", ContentLoaderTests.article("a", body: "See [@smith2018] and [@smith2018].\n"))
        let result = try project.load(today: day("2026-06-01"))
        #expect(Self.lines(result.diagnostics.sorted) == [
            "seeds/references.json:2:3: error: the entry 'smith2018' has no 'type' (such as article-journal or webpage); 3 citations of it were not checked [invalid-bibliography]",
        ])
    }

    @Test func aMissingBibliographyIsNamedWhenPagesCite() throws {
        let project = try Self.project()
        defer { project.remove() }
        try FileManager.default.removeItem(at: project.root.appendingPathComponent("seeds/references.json"))
        try project.write("Content/articles/a.md", ContentLoaderTests.article("a", body: "See [@smith2018].\n"))
        let result = try project.load(today: day("2026-06-01"))
        #expect(Self.lines(result.diagnostics.sorted.filter { $0.severity == .error }) == [
            "seeds/references.json:1:1: error: 'seeds/references.json' does not exist, so pages' citations cannot be looked up; 2 citations were not checked [missing-file]",
        ])
    }

    @Test func aMissingBibliographyIsNotAnErrorWhenNothingCites() throws {
        let project = try TempProject()
        defer { project.remove() }
        try project.write("Content/site.yml", Self.siteYML)
        try project.write("Content/experts/jane-doe.md", Self.expert)
        let result = try project.load()
        #expect(result.diagnostics.isEmpty)
    }

    @Test func aLinkToAFailedPageIsCountedNotReported() throws {
        let project = try Self.project()
        defer { project.remove() }
        try project.write("Content/articles/broken.md", "no front matter\n")
        try project.write("Content/articles/a.md", ContentLoaderTests.article("a", body: "Read [this](broken.md) and [that](broken.md).\n"))
        let result = try project.load(today: day("2026-06-01"))
        #expect(result.with(.brokenLink).isEmpty)
        let cause = result.diagnostics.sorted.first
        #expect(cause?.location.file == "Content/articles/broken.md")
        #expect(cause?.message.hasSuffix("; 2 references to this page in other files were not checked") == true)
    }

    // MARK: used-by

    @Test func usedByNamesAFileByAnyTailOfItsPath() throws {
        let project = try Self.project()
        defer { project.remove() }
        try project.write("Content/articles/2026/walking.md", ContentLoaderTests.article("Walking"))
        try project.write("seeds/sources/smith2018.yml", """
            reference: smith2018
            description: A page.
            used-by:
              - walking.md
              - 2026/walking.md
              - articles/2026/walking.md
              - Content/articles/2026/walking.md
              - alking.md
              - articles/walking.md
            """)
        let result = try project.load(today: day("2026-06-01"))
        #expect(result.with(.missingFile).map { position($0.location) } == ["8:5", "9:5"])
    }
}

extension TempProject {
    func load(today: Day, includeDrafts: Bool = false) throws -> LoadResult {
        try ContentLoader.load(LoadOptions(
            contentDirectory: root.appendingPathComponent("Content"), seedsDirectory: root.appendingPathComponent("seeds"),
            displayRoot: root, includeDrafts: includeDrafts, today: today))
    }
}
