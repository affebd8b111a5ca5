import ContentLoading
import Foundation
import Media

/// Publishes `Content/media/`: image variants (made, or taken from `.salve-cache/media/`), the
/// images at their stable URLs without metadata, and every other media file as it is.
enum MediaOutput {
    /// Returns the number of files written.
    static func write(_ media: MediaSet, projectRoot: String, to writer: OutputWriter) throws -> Int {
        let work = ImageProcessor.produce(media.plans, cache: MediaCache(projectRoot: projectRoot))
        if let failure = work.failures.first {
            throw OutputFailure(description: "the image '\(failure.source)' could not be published: \(failure.failure.description)")
        }
        var written = 0
        // Variants are linked from the cache; originals of other media are copied (a link to a file in
        // Content/ would let an edit there change the published site).
        for file in work.files {
            try writer.place(file.publishedPath, from: file.cachePath)
            written += 1
        }
        for file in media.copies {
            guard let data = FileManager.default.contents(atPath: file.source) else {
                throw OutputFailure(description: "could not read '\(file.source)' to publish it as '\(file.sitePath)'")
            }
            try writer.write(file.sitePath, contents: [UInt8](data))
            written += 1
        }
        return written
    }
}
