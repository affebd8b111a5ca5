import ContentModel
import Diagnostics
import Foundation

/// The media files of a site, read for what pages need (sizes, variant names) and for what must be
/// published, before any image is decoded.
public struct MediaSet: Sendable {
    public var library: MediaLibrary
    /// Raster images, whose variants ``ImageProcessor`` makes.
    public var plans: [ImagePlan]
    /// Files published byte for byte (checked SVGs, documents, videos, captions): path in the site →
    /// the file's absolute path.
    public var copies: [(sitePath: String, source: String)]
    public var diagnostics: [Diagnostic]
    /// The text of SVG files with problems, by display path, for the diagnostics' source lines.
    public var sourceTexts: [String: String]

    public static let empty = MediaSet(library: .empty, plans: [], copies: [], diagnostics: [], sourceTexts: [:])
}

public enum MediaScan {
    /// Originals larger than this get a `large-image` warning: pages load the variants, but the
    /// original is still published and the size usually means an unedited camera photo.
    public static let imageSizeBudget = 2 * 1024 * 1024

    /// - Parameter files: each media file's absolute path, its path in the site (relative to
    ///   `Content/`, e.g. `media/x.png`) and its path for diagnostics.
    public static func scan(_ files: [(source: String, sitePath: String, display: String)],
                            settings: VariantSettings = .standard) -> MediaSet {
        enum Found: Sendable {
            case image(ImagePlan)
            case svg(SVGCheck, text: String)
            case file(MediaKind, byteCount: Int)
            case failed(Diagnostic)
        }
        let found: [Found] = files.concurrentMap { file in
            let start = SourceLocation(file: file.display, line: 1, column: 1)
            guard let kind = MediaKind(fileName: file.sitePath) else {
                return .failed(.warning(.strayFile, "this is not a kind of media file Salve publishes; it is left out", at: start))
            }
            switch kind {
            case .image(.svg):
                guard let data = FileManager.default.contents(atPath: file.source) else {
                    return .failed(.error(.readFailed, "this SVG could not be read", at: start))
                }
                let bytes = [UInt8](data)
                return .svg(SVGSanitizer.check(bytes), text: String(decoding: bytes, as: UTF8.self))
            case .image(let format):
                do throws(MediaFailure) {
                    return .image(try ImagePlanner.plan(source: file.source, publishedPath: file.sitePath, format: format,
                                                        settings: settings))
                } catch {
                    return .failed(.error(.invalidMedia, "this image cannot be published: \(error.description)", at: start))
                }
            default:
                guard let size = MediaFiles.size(at: file.source) else {
                    return .failed(.error(.readFailed, "this file could not be read", at: start))
                }
                return .file(kind, byteCount: size)
            }
        }
        var set = MediaSet.empty
        for (file, result) in zip(files, found) {
            switch result {
            case .image(let plan):
                set.library.add(file.sitePath, .image(MediaImage(
                    width: plan.size.width, height: plan.size.height, contentType: plan.format.contentType,
                    webp: plan.webp.map { ($0.publishedPath, $0.width) },
                    fallback: plan.fallback.map { ($0.publishedPath, $0.width) })))
                set.plans.append(plan)
                if plan.byteCount > imageSizeBudget {
                    set.diagnostics.append(.warning(
                        .largeImage,
                        "this image is \(DownloadLabel.size(plan.byteCount)), over the 2 MB budget; pages show smaller copies, but export it smaller (2000 pixels wide is plenty) to keep the site light",
                        at: SourceLocation(file: file.display, line: 1, column: 1)))
                }
            case .svg(let check, let text):
                for problem in check.problems {
                    set.diagnostics.append(.error(.unsafeSVG, "this SVG is not published: \(problem.message)",
                                                  at: SourceLocation(file: file.display, line: problem.line, column: problem.column)))
                }
                if !check.problems.isEmpty { set.sourceTexts[file.display] = text }
                set.library.add(file.sitePath, .vector(width: check.size?.width, height: check.size?.height))
                set.copies.append((file.sitePath, file.source))
            case .file(let kind, let byteCount):
                var label: String?
                if case .document(let format) = kind { label = DownloadLabel(format: format, byteCount: byteCount).description }
                set.library.add(file.sitePath, .file(label: label, byteCount: byteCount))
                set.copies.append((file.sitePath, file.source))
            case .failed(let diagnostic):
                set.diagnostics.append(diagnostic)
            }
        }
        return set
    }
}
