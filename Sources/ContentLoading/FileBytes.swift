#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Diagnostics

#if canImport(Glibc)
private let systemRead = Glibc.read
#elseif canImport(Darwin)
private let systemRead = Darwin.read
#endif

/// Reads a whole file with POSIX calls: Foundation's `FileManager.contents` and the copy out of its
/// `Data` cost more than decoding the text, on every page.
///
/// Only regular files are read (a link to one is fine): a FIFO would block the build forever and a
/// device such as `/dev/zero` never ends. The file is opened without blocking, checked with `fstat`
/// on the open descriptor, and never read past its kind's size limit, even if it grows while read.
enum FileBytes {
    /// The most a file of each kind may hold.
    enum Limit {
        /// A page, `site.yml` or a source record: far above any real page.
        static let page = 16 << 20
        /// A stylesheet or HTML snippet `site.yml` names: it goes into every page, so it stays small.
        static let siteFile = 1 << 20
        /// `seeds/references.json`: thousands of entries fit in a few MiB.
        static let bibliography = 256 << 20
    }

    /// Why a file could not be read.
    enum Failure: Error, Equatable {
        case missing
        case notRegularFile(kind: String)
        case tooLarge(size: Int, limit: Int)
        case unreadable(reason: String)

        /// The reason in plain words, after the file's name: "… could not be read: <explanation>".
        var explanation: String {
            switch self {
            case .missing:
                return "it does not exist"
            case .notRegularFile(let kind):
                return "it is \(kind), not a regular file; only plain files are read"
            case .tooLarge(let size, let limit):
                let (actual, allowed) = (FileBytes.describe(size), FileBytes.describe(limit))
                return actual == allowed ? "it is larger than the \(allowed) a file of this kind may hold"
                                         : "it is \(actual), more than the \(allowed) a file of this kind may hold"
            case .unreadable(let reason):
                return reason
            }
        }

        /// A diagnostic at `file:1:1` naming the file.
        func diagnostic(file: String) -> Diagnostic {
            .error(self == .missing ? .missingFile : .readFailed, "'\(file)' could not be read: \(explanation)",
                   at: SourceLocation(file: file, line: 1, column: 1))
        }
    }

    static func read(_ path: String, limit: Int = Limit.page) -> Result<[UInt8], Failure> {
        // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer. It has no effect
        // on regular files, the only ones read.
        var descriptor: Int32
        repeat {
            descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        } while descriptor < 0 && errno == EINTR
        guard descriptor >= 0 else {
            let code = errno
            return .failure(code == ENOENT || code == ENOTDIR ? .missing : .unreadable(reason: reason(code)))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failure(.unreadable(reason: reason(errno))) }
        let type = status.st_mode & S_IFMT
        guard type == S_IFREG else { return .failure(.notRegularFile(kind: describe(type: type))) }
        let size = max(Int(status.st_size), 0)
        guard size <= limit else { return .failure(.tooLarge(size: size, limit: limit)) }
        // Never more than limit + 1 bytes, so a file that grows while it is read is caught, not followed.
        var bytes = [UInt8](repeating: 0, count: size)
        var filled = 0
        while true {
            if filled == bytes.count {
                guard bytes.count <= limit else { return .failure(.tooLarge(size: bytes.count, limit: limit)) }
                bytes.append(contentsOf: repeatElement(0, count: min(4096, limit + 1 - bytes.count)))  // grew since fstat
            }
            let count = bytes.withUnsafeMutableBytes { buffer in
                systemRead(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return .failure(.unreadable(reason: reason(errno)))
            }
            if count == 0 { break }
            filled += count
        }
        bytes.removeLast(bytes.count - filled)
        return .success(bytes)
    }

    private static func reason(_ code: Int32) -> String {
        switch code {
        case EACCES, EPERM: return "permission denied; let your user read it"
        case EISDIR: return "it is a folder, not a file"
        case ELOOP: return "it is a symbolic link that leads back to itself"
        case ENAMETOOLONG: return "its path is too long for the system"
        default: return String(cString: strerror(code)).lowercased()
        }
    }

    private static func describe(type: mode_t) -> String {
        switch type {
        case S_IFDIR: return "a folder"
        case S_IFIFO: return "a named pipe (FIFO)"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFSOCK: return "a socket"
        default: return "a special file"
        }
    }

    /// "16 MiB", "3.2 MiB", "900 KiB", "12 bytes".
    static func describe(_ size: Int) -> String {
        if size >= 1 << 20 {
            let tenths = (size * 10 + (1 << 19)) >> 20
            return tenths % 10 == 0 ? "\(tenths / 10) MiB" : "\(tenths / 10).\(tenths % 10) MiB"
        }
        if size >= 1 << 10 { return "\((size + 512) >> 10) KiB" }
        return size == 1 ? "1 byte" : "\(size) bytes"
    }
}
