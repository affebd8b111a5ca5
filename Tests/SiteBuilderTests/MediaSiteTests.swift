import CVips
import ContentLoading
import Diagnostics
import Foundation
import Media
import SiteBuilder
import Testing

/// `Tests/Fixtures/media-site`: a site with every kind of media file, built and compared with
/// `expected/`. Its raster images are made here with vips (no binary fixtures), so in the golden
/// tree an image is its format and size, and the short content hash in variant names is `HASH`.
@Suite(.timeLimit(.minutes(2)))
struct MediaSiteTests {
    static let fixture = Fixtures.root.appendingPathComponent("media-site")
    static let expected = fixture.appendingPathComponent("expected")
    static let expectedDiagnostics = fixture.appendingPathComponent("expected-diagnostics.txt")

    /// The fixture copied into `temp` with its pictures drawn, as `[site path: image size]`.
    static func prepare(in temp: TemporaryFolder) throws -> URL {
        let project = temp.appending("project")
        try FileManager.default.copyItem(at: fixture, to: project)
        try? FileManager.default.removeItem(at: project.appendingPathComponent("expected"))
        let media = project.appendingPathComponent("Content/media").path
        try Vips.start()
        for (path, width, height) in [("exercises/glute-bridge-start.png", 800, 600), ("photos/walk.jpg", 1000, 750),
                                      ("photos/park.webp", 2400, 600), ("photos/bend.gif", 120, 90),
                                      ("photos/straighten.avif", 300, 200)] {
            let image = salve_vips_solid(Int32(width), Int32(height), 3, 100)!
            defer { salve_vips_release(image) }
            // Git keeps no empty folders: photos/ exists only once its pictures are drawn.
            try FileManager.default.createDirectory(atPath: (media + "/" + path).components(separatedBy: "/").dropLast().joined(separator: "/"),
                                                    withIntermediateDirectories: true)
            #expect(salve_vips_write_file(image, media + "/" + path) == 0)
        }
        // Not a playable video: the build publishes videos byte for byte, whatever is in them.
        try Data("\u{0}\u{0}\u{0}\u{18}ftypmp42 walking video".utf8).write(to: URL(fileURLWithPath: media + "/video/walk.mp4"))
        return project
    }

    /// The built files with each image's bytes replaced by its format and size, and the short
    /// content hashes (which follow the encoder's bytes) replaced by `HASH`.
    static func normalised(_ files: [String: Data], project: URL) throws -> [String: Data] {
        var hashes: [String] = []
        for path in ["exercises/glute-bridge-start.png", "photos/walk.jpg", "photos/park.webp", "photos/bend.gif", "photos/straighten.avif"] {
            hashes.append(try ContentHash.ofFile(at: project.appendingPathComponent("Content/media/" + path).path).short)
        }
        func replacingHashes(_ text: String) -> String {
            hashes.reduce(text) { $0.replacingOccurrences(of: ".\($1).", with: ".HASH.") }
        }
        var result: [String: Data] = [:]
        for (path, data) in files {
            let name = replacingHashes(path)
            if let kind = MediaKind(fileName: path), case .image(let format) = kind, format != .svg {
                let image = data.withUnsafeBytes { salve_vips_open_buffer($0.baseAddress, $0.count) }
                #expect(image != nil, "\(path) is not an image")
                guard let image else { continue }
                defer { salve_vips_release(image) }
                result[name] = Data("\(format.rawValue) \(vips_image_get_width(image))x\(vips_image_get_height(image))\n".utf8)
            } else {
                result[name] = Data(replacingHashes(String(decoding: data, as: UTF8.self)).utf8)
            }
        }
        return result
    }

    @Test func mediaSiteMatchesGoldenFiles() throws {
        try withTemporaryFolder { temp in
            let project = try Self.prepare(in: temp)
            let output = temp.appending("Output")
            let built = try BuiltSite.build(project, into: output)
            #expect(built.report.succeeded, "\(built.report.diagnostics.lines)")
            let files = try Self.normalised(built.files, project: project)
            let diagnostics = built.report.diagnostics.lines.joined(separator: "\n") + "\n"
            if Fixtures.updatingGoldens {
                try? FileManager.default.removeItem(at: Self.expected)
                try FileTree.write(files, to: Self.expected)
                try Data(diagnostics.utf8).write(to: Self.expectedDiagnostics)
                return
            }
            let problems = FileTree.differences(expected: try FileTree.read(Self.expected), actual: files)
            #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
            #expect(diagnostics == (try String(contentsOf: Self.expectedDiagnostics, encoding: .utf8)))

            // A second build encodes nothing: every variant comes from .salve-cache/media.
            let cache = MediaCache(projectRoot: project.path)
            let before = FileTree.exists(URL(fileURLWithPath: cache.folder)) ? try FileTree.read(URL(fileURLWithPath: cache.folder)) : [:]
            #expect(!before.isEmpty)
            let again = try BuiltSite.build(project, into: output)
            #expect(again.files == built.files)
            #expect(try FileTree.read(URL(fileURLWithPath: cache.folder)) == before)
        }
    }

    /// The preview's site (built in place, page by page) holds the same media and static files as a build,
    /// and a replaced image reaches the pages that show it.
    @Test func thePreviewPublishesMediaAsABuildDoes() throws {
        try withTemporaryFolder { temp in
            let project = try Self.prepare(in: temp)
            let built = try BuiltSite.build(project, into: temp.appending("Output"))
            let live = LiveSite(options: Fixtures.options(for: project), output: temp.appending("Live"))
            _ = try live.rebuild()
            var files = try FileTree.read(temp.appending("Live"))
            var expected = built.files
            expected[OutputWriter.markerName] = nil
            #expect(FileTree.differences(expected: expected, actual: files).isEmpty)

            // A wider picture under the same name: new variants, and the card shows the new size.
            let image = salve_vips_solid(1200, 600, 3, 50)!
            defer { salve_vips_release(image) }
            #expect(salve_vips_write_file(image, project.appendingPathComponent("Content/media/exercises/glute-bridge-start.png").path) == 0)
            _ = try live.rebuild(changedPaths: [project.appendingPathComponent("Content/media/exercises/glute-bridge-start.png").path])
            files = try FileTree.read(temp.appending("Live"))
            let card = String(decoding: files["exercises/glute-bridge/index.html"] ?? Data(), as: UTF8.self)
            #expect(card.contains("width=\"1200\" height=\"600\""))
            let rebuilt = try BuiltSite.build(project, into: temp.appending("Output"))
            expected = rebuilt.files
            expected[OutputWriter.markerName] = nil
            #expect(FileTree.differences(expected: expected, actual: files).isEmpty, "stale variants are removed, new ones written")
        }
    }

    @Test func missingMediaIsAnErrorAtTheReference() throws {
        try withTemporaryFolder { temp in
            let project = try Self.prepare(in: temp)
            let card = project.appendingPathComponent("Content/exercises/glute-bridge.md")
            var text = try String(contentsOf: card, encoding: .utf8)
            text = text.replacingOccurrences(of: "glute-bridge-start.png", with: "Glute-Bridge-Start.png")
            text += "\nSee [the missing sheet](../media/handouts/none.pdf) and ![A bad place](../pictures/x.png).\n"
            try text.write(to: card, atomically: true, encoding: .utf8)
            let built = try BuiltSite.build(project, into: temp.appending("Output"))
            let errors = built.report.diagnostics.lines.filter { $0.contains("[missing-media]") }
            #expect(errors == [
                "Content/exercises/glute-bridge.md:9:1: error: there is no file 'Content/media/exercises/Glute-Bridge-Start.png'; the file is 'Content/media/exercises/glute-bridge-start.png' (letter case matters on the web server) [missing-media]",
                "Content/exercises/glute-bridge.md:17:5: error: there is no file 'Content/media/handouts/none.pdf' [missing-media]",
                "Content/exercises/glute-bridge.md:17:57: error: '../pictures/x.png' is not in Content/media/, where pictures, videos and files for pages live [missing-media]",
            ])
            #expect(!built.report.succeeded)
        }
    }

    @Test func aStaticFileThatWouldReplaceAGeneratedOneIsAnError() throws {
        try withTemporaryFolder { temp in
            let project = try Self.prepare(in: temp)
            try "User-agent: *\n".write(to: project.appendingPathComponent("Content/static/robots.txt"), atomically: true, encoding: .utf8)
            try FileManager.default.createDirectory(at: project.appendingPathComponent("Content/static/media/photos"), withIntermediateDirectories: true)
            try "x".write(to: project.appendingPathComponent("Content/static/media/photos/walk.jpg"), atomically: true, encoding: .utf8)
            let output = temp.appending("Output")
            let built = try BuiltSite.build(project, into: output)
            #expect(built.report.diagnostics.lines.filter { $0.contains("static-collision") } == [
                "Content/static/media/photos/walk.jpg:1:1: error: this file would replace 'media/photos/walk.jpg', which Salve writes; rename or remove it [static-collision]",
                "Content/static/robots.txt:1:1: error: this file would replace 'robots.txt', which Salve writes; rename or remove it [static-collision]",
            ])
            #expect(!built.report.succeeded)
            #expect(!FileTree.exists(output))
        }
    }

    @Test func anUnsafeSVGStopsTheBuildAtItsLine() throws {
        try withTemporaryFolder { temp in
            let project = try Self.prepare(in: temp)
            let svg = project.appendingPathComponent("Content/media/exercises/glute-bridge-end.svg")
            try "<svg width=\"10\" height=\"10\">\n  <rect onclick=\"steal()\"/>\n</svg>\n".write(to: svg, atomically: true, encoding: .utf8)
            let built = try BuiltSite.build(project, into: temp.appending("Output"))
            #expect(built.report.diagnostics.lines.filter { $0.contains("unsafe-svg") } == [
                "Content/media/exercises/glute-bridge-end.svg:2:9: error: this SVG is not published: the event attribute 'onclick' runs code; remove it [unsafe-svg]",
            ])
            #expect(!built.report.succeeded)
        }
    }
}
