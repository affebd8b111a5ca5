import Foundation
import Testing
@testable import Media

@Suite struct ImageProcessingTests {
    @Test func sizeComesFromTheHeader() throws {
        let folder = try TestFolder()
        for (name, width, height) in [("a.png", 400, 300), ("b.jpg", 123, 456), ("c.webp", 50, 20), ("d.gif", 64, 48), ("e.avif", 80, 60)] {
            let path = try folder.image(name, width: width, height: height)
            let plan = try ImagePlanner.plan(source: path, publishedPath: "media/\(name)", format: MediaKind(fileName: name).flatMap {
                if case .image(let format) = $0 { format } else { nil }
            }!)
            #expect(plan.size == PixelSize(width: width, height: height), "\(name)")
        }
    }

    @Test func variantsAreNeverWiderThanTheOriginal() throws {
        let folder = try TestFolder()
        let path = try folder.image("glute-bridge-start.png", width: 1000, height: 500)
        let plan = try ImagePlanner.plan(source: path, publishedPath: "media/exercises/glute-bridge-start.png", format: .png)
        #expect(plan.webp.map(\.width) == [320, 640, 960, 1000])
        #expect(plan.fallback.map(\.width) == [320, 640, 960, 1000])
        #expect(plan.webp.map(\.height) == [160, 320, 480, 500])
        #expect(plan.original.publishedPath == "media/exercises/glute-bridge-start.png")
        let short = plan.hash.short
        #expect(short.count == 6)
        #expect(plan.webp[1].publishedPath == "media/exercises/glute-bridge-start.\(short).640.webp")
        #expect(plan.fallback[1].publishedPath == "media/exercises/glute-bridge-start.\(short).640.png")

        let small = try ImagePlanner.plan(source: try folder.image("small.jpg", width: 200, height: 100), publishedPath: "media/small.jpg", format: .jpeg)
        #expect(small.webp.map(\.width) == [200])
        #expect(small.fallback.map(\.publishedPath) == ["media/small.\(small.hash.short).200.jpg"])

        let large = try ImagePlanner.plan(source: try folder.image("large.webp", width: 2500, height: 100), publishedPath: "media/large.webp", format: .webp)
        #expect(large.webp.map(\.width) == [320, 640, 960, 1280, 1920])
        #expect(large.fallback.isEmpty)
    }

    @Test func theHashFollowsTheContentNotTheName() throws {
        let folder = try TestFolder()
        let a = try ImagePlanner.plan(source: try folder.image("a.png", width: 100, height: 100), publishedPath: "media/a.png", format: .png)
        let b = try ImagePlanner.plan(source: try folder.image("b.png", width: 100, height: 100), publishedPath: "media/b.png", format: .png)
        let c = try ImagePlanner.plan(source: try folder.image("c.png", width: 100, height: 101), publishedPath: "media/c.png", format: .png)
        #expect(a.hash == b.hash)
        #expect(a.hash != c.hash)
    }

    @Test func variantsAreMadeOnceAndReusedFromTheCache() throws {
        let folder = try TestFolder()
        let cache = MediaCache(folder: folder.path + "/.salve-cache/media")
        let plans = try (0..<3).map { index in
            try ImagePlanner.plan(source: try folder.image("p\(index).jpg", width: 700 + index, height: 400),
                                  publishedPath: "media/p\(index).jpg", format: .jpeg)
        }
        let first = ImageProcessor.produce(plans, cache: cache)
        let published = plans.reduce(0) { $0 + $1.published.count }
        // The full-size original and the widest fallback variant are the same file, made once.
        let distinct = Set(plans.flatMap { plan in plan.published.map { cache.path(of: $0, hash: plan.hash) } }).count
        #expect(distinct == published - plans.count)
        #expect(first.failures.isEmpty)
        #expect(first.encoded == distinct)
        #expect(first.reused == plans.count)
        #expect(first.files.count == published)
        for plan in plans {
            for variant in plan.published {
                #expect(try imageWidth(at: cache.path(of: variant, hash: plan.hash)) == variant.width)
            }
        }

        let second = ImageProcessor.produce(plans, cache: cache)
        #expect(second.encoded == 0)
        #expect(second.reused == published)
        #expect(second.files.map(\.cachePath) == first.files.map(\.cachePath))

        // Other settings are another cache entry: encoded again, not mistaken for the first.
        let other = try ImagePlanner.plan(source: plans[0].source, publishedPath: "media/p0.jpg", format: .jpeg,
                                          settings: VariantSettings(widths: [320, 640], jpegQuality: 60))
        let third = ImageProcessor.produce([other], cache: cache)
        #expect(third.encoded == 3, "the JPEGs at quality 60 are new")
        #expect(third.reused == 2, "the WebP variants at 320 and 640 have the same settings as before")
    }

    @Test func publishedImagesCarryNoLocationOrCameraMetadata() throws {
        let folder = try TestFolder()
        let source = try folder.photoWithLocation("patient.jpg", width: 800, height: 600)
        let before = try metadataFields(ofImageAt: source)
        #expect(before.contains("exif-ifd3-GPSLatitude"), "the test photo must carry a location for this test to mean anything")
        #expect(before.contains("exif-ifd0-Make"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: source)).range(of: Data("Acme Phone".utf8)) != nil)

        let plan = try ImagePlanner.plan(source: source, publishedPath: "media/patient.jpg", format: .jpeg)
        let work = ImageProcessor.produce([plan], cache: MediaCache(folder: folder.path + "/cache"))
        #expect(work.failures.isEmpty)
        #expect(work.files.count == plan.published.count)
        for file in work.files {
            // vips' WebP saver writes a fresh EXIF block of its own (resolution, pixel size): harmless.
            // What the photo said about where and with what it was taken must be gone.
            let fields = try metadataFields(ofImageAt: file.cachePath)
            #expect(!fields.contains { $0.contains("GPS") || $0.contains("Make") }, "\(file.publishedPath): \(fields)")
            #expect(!fields.contains { $0.hasPrefix("xmp") || $0.hasPrefix("iptc") })
            let bytes = try Data(contentsOf: URL(fileURLWithPath: file.cachePath))
            #expect(bytes.range(of: Data("Acme Phone".utf8)) == nil, "\(file.publishedPath)")
        }
    }

    @Test func aFileThatIsNotAnImageIsAFailureNotACrash() throws {
        let folder = try TestFolder()
        let path = try folder.write("fake.png", "this is text")
        #expect(throws: MediaFailure.self) {
            try ImagePlanner.plan(source: path, publishedPath: "media/fake.png", format: .png)
        }
    }
}
