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
        // One file at a time: each is read whole, so memory holds one at a time.
        for file in work.files + media.copies.map({ (publishedPath: $0.sitePath, cachePath: $0.source) }) {
            guard let data = FileManager.default.contents(atPath: file.cachePath) else {
                throw OutputFailure(description: "could not read '\(file.cachePath)' to publish it as '\(file.publishedPath)'")
            }
            try writer.write(file.publishedPath, contents: [UInt8](data))
            written += 1
        }
        return written
    }
}
