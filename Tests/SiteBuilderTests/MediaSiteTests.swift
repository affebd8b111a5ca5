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
                // In the front matter's `images` and in the body alike.
                "Content/exercises/glute-bridge.md:7:10: error: there is no file 'Content/media/exercises/Glute-Bridge-Start.png'; the file is 'Content/media/exercises/glute-bridge-start.png' (letter case matters on the web server) [missing-media]",
                "Content/exercises/glute-bridge.md:20:1: error: there is no file 'Content/media/exercises/Glute-Bridge-Start.png'; the file is 'Content/media/exercises/glute-bridge-start.png' (letter case matters on the web server) [missing-media]",
                "Content/exercises/glute-bridge.md:28:5: error: there is no file 'Content/media/handouts/none.pdf' [missing-media]",
                "Content/exercises/glute-bridge.md:28:57: error: '../pictures/x.png' is not in Content/media/, where pictures, videos and files for pages live [missing-media]",
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

/// `image:` in front matter: checked like a body's picture, at the value's line and column.
@Suite(.timeLimit(.minutes(2)))
struct PageImageTests {
    @Test func everyBadPageImageIsAnErrorAtItsValue() throws {
        try withTemporaryFolder { temp in
            let project = try MediaSiteTests.prepare(in: temp)
            let article = project.appendingPathComponent("Content/articles/knee-guide.md")
            var text = try String(contentsOf: article, encoding: .utf8)
            text = text.replacingOccurrences(of: "  src: ../media/photos/walk.jpg", with: "  src: ../media/photos/Walk.jpg")
            try text.write(to: article, atomically: true, encoding: .utf8)
            let condition = project.appendingPathComponent("Content/conditions/knee-pain.md")
            text = try String(contentsOf: condition, encoding: .utf8)
            text = text.replacingOccurrences(of: "  alt: \"\"\n", with: "")
            try text.write(to: condition, atomically: true, encoding: .utf8)
            let card = project.appendingPathComponent("Content/exercises/glute-bridge.md")
            text = try String(contentsOf: card, encoding: .utf8)
            text = text.replacingOccurrences(of: "review: pending\n", with: "review: pending\nimage: {src: ../media/handouts/knee-handout.pdf, alt: A handout}\n")
            try text.write(to: card, atomically: true, encoding: .utf8)
            let built = try BuiltSite.build(project, into: temp.appending("Output"))
            let errors = built.report.diagnostics.lines.filter { $0.contains(": error: ") }
            #expect(errors == [
                "Content/articles/knee-guide.md:8:8: error: there is no file 'Content/media/photos/Walk.jpg'; the file is 'Content/media/photos/walk.jpg' (letter case matters on the web server) [missing-media]",
                "Content/conditions/knee-pain.md:9:3: error: 'image' needs 'alt': the words a screen reader says instead of the picture (write alt: \"\" only when the picture adds nothing to the text) [missing-field]",
                "Content/exercises/glute-bridge.md:6:14: error: '../media/handouts/knee-handout.pdf' is not a picture; write a path to a PNG, JPEG, WebP, GIF, AVIF or SVG file in Content/media/ [invalid-value]",
            ], "\(built.report.diagnostics.lines)")
            #expect(!built.report.succeeded)
        }
    }

    @Test func aPageImageIsShownOnThePageInItsListAndInLinkPreviews() throws {
        try withTemporaryFolder { temp in
            let project = try MediaSiteTests.prepare(in: temp)
            let built = try BuiltSite.build(project, into: temp.appending("Output"))
            #expect(built.report.succeeded, "\(built.report.diagnostics.lines)")
            let page = String(decoding: built.files["articles/knee-guide/index.html"] ?? Data(), as: UTF8.self)
            let figure = page.components(separatedBy: "<figure class=\"page-image\">").dropFirst().first ?? ""
            let picture = figure.components(separatedBy: "</figure>").first ?? ""
            #expect(picture.contains("width=\"1000\" height=\"750\" alt=\"A person walking on a flat path\""))
            #expect(picture.contains("srcset=\"../../media/photos/walk."))
            #expect(!picture.contains("loading=\"lazy\""), "the page's own picture is on the first screen")
            #expect(picture.contains("<figcaption class=\"credit\">Photo by the fixture team</figcaption>"))
            #expect(page.contains("<meta property=\"og:image\" content=\"https://media.example/media/photos/walk."))
            #expect(page.contains("\"image\":\"https://media.example/media/photos/walk."))
            let list = String(decoding: built.files["articles/index.html"] ?? Data(), as: UTF8.self)
            #expect(list.contains("<li><span class=\"thumb\"><picture>"))
            #expect(list.contains("alt=\"\" loading=\"lazy\""))
            // No picture, no og:image.
            let card = String(decoding: built.files["exercises/glute-bridge/index.html"] ?? Data(), as: UTF8.self)
            #expect(!card.contains("og:image"))
        }
    }

    @Test func aCardEmbeddedInAnArticleShowsItsPicturesBeforeItsSteps() throws {
        try withTemporaryFolder { temp in
            let project = try MediaSiteTests.prepare(in: temp)
            let built = try BuiltSite.build(project, into: temp.appending("Output"))
            #expect(built.report.succeeded, "\(built.report.diagnostics.lines)")
            let page = String(decoding: built.files["articles/knee-guide/index.html"] ?? Data(), as: UTF8.self)
            let embed = page.components(separatedBy: "<aside class=\"card-embed\" aria-label=\"Exercise card: Glute bridge\">")
                .dropFirst().first?.components(separatedBy: "</aside>").first ?? ""
            let figures = embed.components(separatedBy: "<div class=\"steps\">").first ?? ""
            #expect(figures.contains("<div class=\"card-images\">"))
            #expect(figures.contains("alt=\"Lying on your back, knees bent, feet flat\" loading=\"lazy\" decoding=\"async\""))
            #expect(figures.contains("<figcaption>Start</figcaption>"))
            #expect(figures.contains("glute-bridge-end.svg"))
            // On the card's own page they are on the first screen: not lazy.
            let card = String(decoding: built.files["exercises/glute-bridge/index.html"] ?? Data(), as: UTF8.self)
            let cardFigures = card.components(separatedBy: "<div class=\"card-images\">").dropFirst().first ?? ""
            #expect(cardFigures.contains("alt=\"Lying on your back, knees bent, feet flat\" decoding=\"async\">"))
        }
    }
}

/// `site.yml`'s `favicon` and `logo`.
@Suite(.timeLimit(.minutes(2)))
struct SiteIconTests {
    @Test func theFaviconIsLinkedAndTheLogoShownBeforeTheTitle() throws {
        try withTemporaryFolder { temp in
            let project = try MediaSiteTests.prepare(in: temp)
            let built = try BuiltSite.build(project, into: temp.appending("Output"))
            #expect(built.report.succeeded, "\(built.report.diagnostics.lines)")
            // 404.html links from the site root (it is served at any address); the verification file is static.
            let pages = built.files.keys.filter { $0.hasSuffix(".html") && !$0.hasPrefix("google") && $0 != "404.html" }
            #expect(!pages.isEmpty)
            for path in pages {
                let page = String(decoding: built.files[path]!, as: UTF8.self)
                let up = String(repeating: "../", count: path.split(separator: "/").count - 1)
                #expect(page.contains("<link rel=\"icon\" href=\"\(up)icon.svg\" type=\"image/svg+xml\">"), "\(path)")
                #expect(page.contains("<a class=\"site-name\" href=\"\(up.isEmpty ? "./" : up)\"><img class=\"site-logo\" src=\"\(up)media/exercises/glute-bridge-end.svg\" alt=\"\" width=\"320\" height=\"160\">Media Fixture</a>"), "\(path)")
            }
            #expect(built.files["icon.svg"] != nil)
            // Used by every page: not unused media.
            #expect(!built.report.diagnostics.lines.contains { $0.contains("glute-bridge-end.svg") && $0.contains("unused-media") })
        }
    }

    @Test func withoutAFaviconNoPageLinksOne() throws {
        try withTemporaryFolder { temp in
            let built = try BuiltSite.build(Fixtures.validSite, into: temp.appending("Output"))
            #expect(built.report.succeeded)
            for (path, data) in built.files where path.hasSuffix(".html") {
                #expect(!String(decoding: data, as: UTF8.self).contains("rel=\"icon\""), "\(path)")
            }
        }
    }

    @Test func everyBadIconIsAnErrorAtItsValue() throws {
        try withTemporaryFolder { temp in
            let project = try MediaSiteTests.prepare(in: temp)
            let site = project.appendingPathComponent("Content/site.yml")
            var text = try String(contentsOf: site, encoding: .utf8)
            text = text.replacingOccurrences(of: "favicon: static/icon.svg", with: "favicon: static/Icon.svg")
                .replacingOccurrences(of: "  src: media/exercises/glute-bridge-end.svg", with: "  src: brand/logo.svg")
            try text.write(to: site, atomically: true, encoding: .utf8)
            var built = try BuiltSite.build(project, into: temp.appending("Output"))
            #expect(built.report.diagnostics.lines.filter { $0.contains(": error: ") } == [
                "Content/site.yml:4:10: error: there is no file 'Content/static/Icon.svg'; the file is 'icon.svg' in the same folder (letter case matters on the web server) [missing-media]",
                "Content/site.yml:6:8: error: 'logo' should be a path inside Content/media/ or Content/static/, like 'media/brand/logo.svg'; 'brand/logo.svg' is not [invalid-value]",
            ])
            text = text.replacingOccurrences(of: "favicon: static/Icon.svg", with: "favicon: media/handouts/knee-handout.pdf")
                .replacingOccurrences(of: "  src: brand/logo.svg", with: "  src: media/none.png")
            try text.write(to: site, atomically: true, encoding: .utf8)
            built = try BuiltSite.build(project, into: temp.appending("Output"))
            #expect(built.report.diagnostics.lines.filter { $0.contains(": error: ") } == [
                "Content/site.yml:4:10: error: 'favicon' should be a picture (ICO, PNG, SVG, JPEG, WebP, GIF or AVIF); 'knee-handout.pdf' is not one [invalid-value]",
                "Content/site.yml:6:8: error: there is no file 'Content/media/none.png' [missing-media]",
            ])
        }
    }
}

/// An exercise card's `images:`: a row of figures before the steps.
@Suite(.timeLimit(.minutes(2)))
struct CardImagesTests {
    @Test func theCardShowsItsPicturesWithCaptionsBeforeTheSteps() throws {
        try withTemporaryFolder { temp in
            let project = try MediaSiteTests.prepare(in: temp)
            let built = try BuiltSite.build(project, into: temp.appending("Output"))
            #expect(built.report.succeeded, "\(built.report.diagnostics.lines)")
            let page = String(decoding: built.files["exercises/glute-bridge/index.html"] ?? Data(), as: UTF8.self)
            guard let row = page.range(of: "<div class=\"card-images\">"), let steps = page.range(of: "id=\"steps\"") else {
                Issue.record("no row of pictures, or no steps")
                return
            }
            #expect(row.upperBound < steps.lowerBound, "the pictures come before the steps")
            let figures = String(page[row.upperBound...]).components(separatedBy: "</div>").first ?? ""
            #expect(figures.components(separatedBy: "<figure>").count - 1 == 2)
            #expect(figures.contains("alt=\"Lying on your back, knees bent, feet flat\" decoding=\"async\"></picture><figcaption>Start</figcaption></figure>"))
            #expect(figures.contains("alt=\"Hips lifted in a straight line\" decoding=\"async\"><figcaption>End</figcaption></figure>"))
        }
    }

    @Test func aBadCardPictureIsAnErrorAtItsValue() throws {
        try withTemporaryFolder { temp in
            let project = try MediaSiteTests.prepare(in: temp)
            let card = project.appendingPathComponent("Content/exercises/glute-bridge.md")
            var text = try String(contentsOf: card, encoding: .utf8)
            text = text.replacingOccurrences(of: "    alt: Hips lifted in a straight line\n", with: "")
                .replacingOccurrences(of: "  - src: ../media/exercises/glute-bridge-start.png", with: "  - src: ../media/exercises/nowhere.png")
            try text.write(to: card, atomically: true, encoding: .utf8)
            let built = try BuiltSite.build(project, into: temp.appending("Output"))
            #expect(built.report.diagnostics.lines.filter { $0.contains(": error: ") } == [
                "Content/exercises/glute-bridge.md:7:10: error: there is no file 'Content/media/exercises/nowhere.png' [missing-media]",
                "Content/exercises/glute-bridge.md:10:5: error: 'images' needs 'alt': the words a screen reader says instead of the picture (write alt: \"\" only when the picture adds nothing to the text) [missing-field]",
            ], "\(built.report.diagnostics.lines)")
        }
    }
}

/// A card's `video:`: a captioned file of the site's own, or a facade for YouTube and Vimeo.
@Suite(.timeLimit(.minutes(2)))
struct CardVideoTests {
    @Test func aVideoFilePlaysWithItsCaptionsAndAProviderVideoWaitsForTheReader() throws {
        try withTemporaryFolder { temp in
            let project = try MediaSiteTests.prepare(in: temp)
            let built = try BuiltSite.build(project, into: temp.appending("Output"))
            #expect(built.report.succeeded, "\(built.report.diagnostics.lines)")
            let bridge = String(decoding: built.files["exercises/glute-bridge/index.html"] ?? Data(), as: UTF8.self)
            #expect(bridge.contains("<video controls preload=\"none\" poster=\"../../media/photos/walk.jpg\"><source src=\"../../media/video/walk.mp4\" type=\"video/mp4\"><track kind=\"captions\" src=\"../../media/video/walk.vtt\" srclang=\"en\" default>"))
            let slide = String(decoding: built.files["exercises/heel-slide/index.html"] ?? Data(), as: UTF8.self)
            #expect(slide.contains("<div class=\"video-facade\" data-provider=\"youtube\" data-id=\"dQw4w9WgXcQ\" data-title=\"Heel slide\">"))
            #expect(slide.contains("<button type=\"button\" class=\"video-play\">Play the video</button>"))
            #expect(slide.contains("<span class=\"video-title\">Heel slide</span>"), "no poster: a plain box with the title")
            // Nothing of the provider's loads with the page: no iframe, and its addresses appear only in
            // the script (used on a click) and in a link.
            for (path, data) in built.files where path.hasSuffix(".html") {
                let page = String(decoding: data, as: UTF8.self)
                #expect(!page.contains("<iframe"), "\(path)")
                let withoutScripts = page.components(separatedBy: "<script>").enumerated()
                    .map { $0.offset == 0 ? $0.element : ($0.element.components(separatedBy: "</script>").last ?? "") }.joined()
                let loads = withoutScripts.components(separatedBy: "src=\"").dropFirst().filter { $0.hasPrefix("http") }
                #expect(loads.isEmpty, "\(path) loads \(loads.map { $0.prefix(60) })")
            }
            #expect(slide.contains("https://www.youtube-nocookie.com/embed/"))
        }
    }

    @Test func everyBadVideoIsAnErrorAtItsValue() throws {
        try withTemporaryFolder { temp in
            let project = try MediaSiteTests.prepare(in: temp)
            let bridge = project.appendingPathComponent("Content/exercises/glute-bridge.md")
            var text = try String(contentsOf: bridge, encoding: .utf8)
            text = text.replacingOccurrences(of: "  captions: ../media/video/walk.vtt\n", with: "")
            try text.write(to: bridge, atomically: true, encoding: .utf8)
            let slide = project.appendingPathComponent("Content/exercises/heel-slide.md")
            text = try String(contentsOf: slide, encoding: .utf8)
            text = text.replacingOccurrences(of: "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=10", with: "\"x\\\"onload=alert(1)\"")
            try text.write(to: slide, atomically: true, encoding: .utf8)
            let built = try BuiltSite.build(project, into: temp.appending("Output"))
            #expect(built.report.diagnostics.lines.filter { $0.contains(": error: ") } == [
                "Content/exercises/glute-bridge.md:14:8: error: this video has no captions: add 'captions' with a WebVTT (.vtt) file of what is said, so people who cannot hear it can follow (WCAG 1.2.2, Captions) [missing-field]",
                "Content/exercises/heel-slide.md:7:12: error: 'x\"onload=alert(1)' is not a YouTube video: write its 11-character id (like dQw4w9WgXcQ) or its address [invalid-value]",
            ], "\(built.report.diagnostics.lines)")
        }
    }

    @Test func videoAddressesGiveOnlyTheProvidersIdShapes() {
        #expect(VideoAddress.youtubeID("dQw4w9WgXcQ") == "dQw4w9WgXcQ")
        #expect(VideoAddress.youtubeID("https://youtu.be/dQw4w9WgXcQ?t=3") == "dQw4w9WgXcQ")
        #expect(VideoAddress.youtubeID("https://www.youtube.com/embed/dQw4w9WgXcQ") == "dQw4w9WgXcQ")
        #expect(VideoAddress.youtubeID("dQw4w9WgXc") == nil)
        #expect(VideoAddress.youtubeID("dQw4w9WgX<Q") == nil)
        #expect(VideoAddress.vimeoID("https://vimeo.com/76979871") == "76979871")
        #expect(VideoAddress.vimeoID("https://player.vimeo.com/video/76979871?h=1") == "76979871")
        #expect(VideoAddress.vimeoID("76979871a") == nil)
    }
}
