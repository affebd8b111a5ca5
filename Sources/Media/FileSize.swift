#if canImport(Glibc)
import Glibc
#endif

/// The size of the file at `path` in bytes (0 when it cannot be read; reading it then reports why).
func fileSize(_ path: String) -> Int {
    var info = stat()
    return stat(path, &info) == 0 ? Int(info.st_size) : 0
}

public enum MediaFiles {
    /// The size of the file at `path` in bytes, or nil when it cannot be read.
    public static func size(at path: String) -> Int? {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : nil
    }
}
