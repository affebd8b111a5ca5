/// An image's size in pixels as shown (after its EXIF orientation is applied).
public struct PixelSize: Hashable, Sendable, CustomStringConvertible {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    public var description: String { "\(width)×\(height)" }

    /// The height at `width` with the same proportions, at least 1.
    func height(atWidth newWidth: Int) -> Int {
        guard width > 0 else { return height }
        return max(1, (height * newWidth + width / 2) / width)
    }
}

/// How variants are made: their widths and encoder settings. Part of every cache key, so a change
/// re-encodes what it affects and nothing else.
public struct VariantSettings: Hashable, Sendable {
    /// Widths in pixels, ascending. An image gets those narrower than itself, plus its own width
    /// when that is within the largest (variants are never wider than the original).
    public var widths: [Int]
    public var webpQuality: Int
    public var jpegQuality: Int
    public var avifQuality: Int
    /// Bumped when the encoding changes in a way the numbers above do not say.
    static let version = 1

    public init(widths: [Int], webpQuality: Int = 80, jpegQuality: Int = 82, avifQuality: Int = 60) {
        self.widths = widths.sorted()
        self.webpQuality = webpQuality
        self.jpegQuality = jpegQuality
        self.avifQuality = avifQuality
    }

    public static let standard = VariantSettings(widths: [320, 640, 960, 1280, 1920])

    /// The vips saver and options for `format`, always stripping metadata (EXIF with GPS location,
    /// XMP, IPTC, comments): patient photos must not say where they were taken.
    func saver(for format: ImageFormat) -> String {
        switch format {
        case .webp: ".webp[Q=\(webpQuality),strip]"
        case .jpeg: ".jpg[Q=\(jpegQuality),strip,interlace,optimize_coding]"
        case .png: ".png[strip,compression=9]"
        case .gif: ".gif[strip]"
        case .avif: ".avif[Q=\(avifQuality),strip]"
        case .svg: ".svg"
        }
    }

    /// The widths an image `width` pixels wide is published at.
    func widths(forImageWidth width: Int) -> [Int] {
        var result = widths.filter { $0 < width }
        if let largest = widths.last, width <= largest { result.append(width) }
        if result.isEmpty { result = [width] }
        return result
    }
}

/// One published file made from an image: its width, format and place in the site.
public struct ImageVariant: Hashable, Sendable {
    public var width: Int
    public var height: Int
    public var format: ImageFormat
    /// Relative to the site root, e.g. `media/exercises/glute-bridge-start.3f9a1c.640.webp`.
    public var publishedPath: String
    /// The vips saver string, part of the cache key.
    var saver: String
}

/// Everything known about an image before any pixel is decoded: enough to write its `<img>` (size,
/// variant URLs) while the variants are made elsewhere.
public struct ImagePlan: Hashable, Sendable {
    /// The source file's absolute path.
    public var source: String
    public var format: ImageFormat
    public var size: PixelSize
    public var hash: ContentHash
    public var byteCount: Int
    /// The image at full size, stripped of metadata, at its stable URL (`media/x/photo.jpg`), for links
    /// to "the original" that must keep working after the image is replaced.
    public var original: ImageVariant
    /// WebP variants, narrowest first.
    public var webp: [ImageVariant]
    /// Variants in the original format, narrowest first (empty for a WebP original: `webp` serves).
    public var fallback: [ImageVariant]
    /// Keep every frame of an animation.
    var allFrames: Bool

    /// Every file this plan publishes.
    public var published: [ImageVariant] { [original] + webp + fallback }
}

public enum ImagePlanner {
    /// Reads the header and hashes the file at `source` (published as `publishedPath`, relative to the
    /// site root) and names its variants. Decodes no pixels.
    public static func plan(source: String, publishedPath: String, format: ImageFormat,
                            settings: VariantSettings = .standard) throws(MediaFailure) -> ImagePlan {
        precondition(format.isRaster, "SVG is copied, not planned")
        let hash = try ContentHash.ofFile(at: source)
        let header = try VipsImageHandle(opening: source)
        let frameHeight = header.pageHeight > 0 ? header.pageHeight : header.height
        let size = header.isTurnedSideways
            ? PixelSize(width: frameHeight, height: header.width)
            : PixelSize(width: header.width, height: frameHeight)
        guard size.width > 0, size.height > 0 else { throw MediaFailure("the image has no pixels") }
        let byteCount = fileSize(source)
        let (folder, stem) = splitStem(publishedPath)
        func variant(_ width: Int, _ format: ImageFormat) -> ImageVariant {
            ImageVariant(width: width, height: size.height(atWidth: width), format: format,
                         publishedPath: "\(folder)\(stem).\(hash.short).\(width).\(format.fileExtension)",
                         saver: settings.saver(for: format))
        }
        let widths = settings.widths(forImageWidth: size.width)
        let original = ImageVariant(width: size.width, height: size.height, format: format,
                                    publishedPath: publishedPath, saver: settings.saver(for: format))
        return ImagePlan(source: source, format: format, size: size, hash: hash, byteCount: byteCount,
                         original: original,
                         webp: widths.map { variant($0, .webp) },
                         fallback: format == .webp ? [] : widths.map { variant($0, format) },
                         allFrames: format.mayBeAnimated)
    }

    /// `("media/x/", "photo")` for `media/x/photo.jpg`.
    static func splitStem(_ path: String) -> (folder: Substring, stem: Substring) {
        let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        let name = path[slash...]
        let stem = name.lastIndex(of: ".").map { name[..<$0] } ?? name
        return (path[..<slash], stem)
    }
}
