import CVips
#if canImport(Glibc)
import Glibc
#endif

/// The SHA-256 of a file's bytes, in lowercase hex: the media cache's key, and (shortened) the
/// content hash in published variant names.
public struct ContentHash: Hashable, Sendable, CustomStringConvertible {
    public let hex: String

    public init(hex: String) { self.hex = hex }

    /// The first six hex digits, for file names (`glute-bridge-start.3f9a1c.640.webp`).
    public var short: String { String(hex.prefix(6)) }
    public var description: String { hex }

    /// Hashes the file at `path`, read 64 KB at a time (a video is never held in memory whole).
    public static func ofFile(at path: String) throws(MediaFailure) -> ContentHash {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw MediaFailure("the file could not be read (\(String(cString: strerror(errno))))")
        }
        defer { close(descriptor) }
        guard let sum = salve_sha256_new() else { throw MediaFailure("could not start a checksum") }
        defer { salve_sha256_free(sum) }
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw MediaFailure("the file could not be read (\(String(cString: strerror(errno))))")
            }
            if count == 0 { break }
            buffer.withUnsafeBufferPointer { salve_sha256_update(sum, $0.baseAddress, count) }
        }
        return ContentHash(hex: String(cString: salve_sha256_hex(sum)))
    }

    /// Hashes bytes in memory.
    public static func of(_ bytes: [UInt8]) -> ContentHash {
        let sum = salve_sha256_new()!
        defer { salve_sha256_free(sum) }
        bytes.withUnsafeBufferPointer { salve_sha256_update(sum, $0.baseAddress, $0.count) }
        return ContentHash(hex: String(cString: salve_sha256_hex(sum)))
    }
}
