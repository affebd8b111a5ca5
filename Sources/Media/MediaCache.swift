import ContentModel
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Encoded variants kept between builds in `.salve-cache/media/`, each under a name made of the
/// source's SHA-256 and the variant's settings (width, format, encoder options, settings version):
/// an unchanged image with unchanged settings is never encoded again, whatever its file is called.
public struct MediaCache: Sendable {
    /// The cache folder's absolute path.
    public let folder: String

    public init(folder: String) {
        self.folder = folder
    }

    /// `<project>/.salve-cache/media`.
    public init(projectRoot: String) {
        self.folder = projectRoot + "/.salve-cache/media"
    }

    /// Where `variant` of an image with content `hash` is kept.
    public func path(of variant: ImageVariant, hash: ContentHash) -> String {
        let settings = ContentHash.of(Array("v\(VariantSettings.version)\(variant.saver)".utf8)).short
        return "\(folder)/\(hash.hex.prefix(2))/\(hash.hex).\(settings).\(variant.width).\(variant.format.fileExtension)"
    }
}

/// What making variants did.
public struct MediaWork: Sendable {
    /// Variants encoded in this run.
    public var encoded = 0
    /// Variants found in the cache.
    public var reused = 0
    /// Images that could not be processed, with why.
    public var failures: [(source: String, failure: MediaFailure)] = []
    /// Where each published file's bytes are: its cache file (relative path in the site → absolute path).
    public var files: [(publishedPath: String, cachePath: String)] = []
}

public enum ImageProcessor {
    /// Makes every variant `plans` name that the cache lacks, one image a worker on every core;
    /// each worker decodes its image once per variant with shrink-on-load, streaming, so memory holds
    /// about one image a core, never the whole set.
    public static func produce(_ plans: [ImagePlan], cache: MediaCache) -> MediaWork {
        let results = plans.concurrentMap { plan -> (encoded: Int, reused: Int, failure: MediaFailure?, files: [(String, String)]) in
            var encoded = 0, reused = 0
            var files: [(String, String)] = []
            for variant in plan.published {
                let cachePath = cache.path(of: variant, hash: plan.hash)
                files.append((variant.publishedPath, cachePath))
                if access(cachePath, R_OK) == 0 {
                    reused += 1
                    continue
                }
                do throws(MediaFailure) {
                    let image = try VipsImageHandle(thumbnailOf: plan.source, width: variant.width, allFrames: plan.allFrames)
                    let bytes = try image.encoded(variant.saver)
                    try writeAtomically(bytes, to: cachePath)
                    encoded += 1
                } catch {
                    return (encoded, reused, error, [])
                }
            }
            return (encoded, reused, nil, files)
        }
        var work = MediaWork()
        for (plan, result) in zip(plans, results) {
            work.encoded += result.encoded
            work.reused += result.reused
            if let failure = result.failure { work.failures.append((plan.source, failure)) }
            work.files += result.files.map { (publishedPath: $0.0, cachePath: $0.1) }
        }
        return work
    }

    /// Writes to a temporary file in the same folder and renames it into place: a build killed half
    /// way, or two builds at once, never leave half a variant that a later build would take as done.
    static func writeAtomically(_ bytes: [UInt8], to path: String) throws(MediaFailure) {
        let folder = String(path[..<path.lastIndex(of: "/")!])
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw MediaFailure("the media cache folder '\(folder)' could not be created (\(error.localizedDescription))")
        }
        let temporary = "\(path).\(getpid()).\(UInt64.random(in: 0...UInt64.max)).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else {
            throw MediaFailure("could not write '\(temporary)' (\(String(cString: strerror(errno))))")
        }
        var written = 0
        let failed = bytes.withUnsafeBytes { buffer -> Int32? in
            while written < buffer.count {
                let count = write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                written += count
            }
            return nil
        }
        close(descriptor)
        if let failed {
            unlink(temporary)
            throw MediaFailure("could not write '\(path)' (\(String(cString: strerror(failed))))")
        }
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw MediaFailure("could not write '\(path)' (\(String(cString: strerror(code))))")
        }
    }
}
