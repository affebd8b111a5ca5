#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

#if canImport(Glibc)
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
private let systemWrite = Darwin.write
#endif

/// Plain POSIX file writing: one `mkdir` and one `open`/`write`/`close` a page. Foundation's
/// FileManager and Data.write cost more than rendering the page did (measured with perf).
enum FileOutput {
    struct Failure: Error {
        var path: String
        var code: Int32
        var reason: String { String(cString: strerror(code)) }
    }

    /// Creates `path` and any missing parents (like `mkdir -p`).
    static func makeDirectory(_ path: String) throws(Failure) {
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        guard errno == ENOENT else { throw Failure(path: path, code: errno) }
        let parent = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
        guard !parent.isEmpty, parent != path else { throw Failure(path: path, code: ENOENT) }
        try makeDirectory(parent)
        if mkdir(path, 0o755) != 0 && errno != EEXIST { throw Failure(path: path, code: errno) }
    }

    /// Writes to a temporary file beside `path` and renames it over `path`: readers see the old file or
    /// the new one, never half of one.
    static func writeReplacing(_ contents: [UInt8], at path: String) throws(Failure) {
        let temporary = path + ".salve-tmp"
        try write(contents, to: temporary)
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw Failure(path: path, code: code)
        }
    }

    /// Whether process `pid` exists (a process of another user counts: EPERM).
    static func processIsRunning(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno != ESRCH
    }

    /// A folder itself, not a link to one.
    static func isRealDirectory(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }

    /// Everything under `root` that is not a folder (files, links, anything else), as paths relative
    /// to it. Links to folders are listed, not entered.
    static func files(under root: String) -> [String] {
        var found: [String] = []
        var folders = [""]
        while let relative = folders.popLast() {
            let folder = relative.isEmpty ? root : root + "/" + relative
            guard let directory = opendir(folder) else { continue }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafePointer(to: &entry.pointee.d_name) {
                    $0.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)) {
                        String(cString: $0)
                    }
                }
                guard name != ".", name != ".." else { continue }
                let path = relative.isEmpty ? name : relative + "/" + name
                // The type readdir reports costs no stat; only file systems that do not report it need one.
                let type = Int32(entry.pointee.d_type)
                let isFolder = type == Int32(DT_UNKNOWN) ? isRealDirectory(root + "/" + path) : type == Int32(DT_DIR)
                if isFolder {
                    folders.append(path)
                } else {
                    found.append(path)
                }
            }
        }
        return found
    }

    /// Writes the bytes to `path`, replacing any file there.
    static func write(_ contents: [UInt8], to path: String) throws(Failure) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Failure(path: path, code: errno) }
        defer { close(descriptor) }
        let failure: Int32? = contents.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return nil }  // empty: nothing to write
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
        if let failure { throw Failure(path: path, code: failure) }
    }
}
