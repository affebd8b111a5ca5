import Foundation
import Testing

/// Finds the `salve` executable SwiftPM built beside this test bundle and runs it as a subprocess.
enum Salve {
    /// The `salve` binary of the build that is running these tests, or `nil` when it cannot be found.
    ///
    /// SwiftPM puts every product of a build in one folder, so the binary sits next to the test bundle
    /// (`.build/debug/SalvePackageTests.xctest`, or `….xctest/Contents/MacOS/…` on macOS) whatever the
    /// scratch path. `SALVE_BINARY` overrides the search.
    static let executable: URL? = {
        let fileManager = FileManager.default
        func isExecutable(_ url: URL) -> Bool {
            var isDirectory: ObjCBool = false
            return fileManager.fileExists(atPath: url.path, isDirectory: &isDirectory) && !isDirectory.boolValue
                && fileManager.isExecutableFile(atPath: url.path)
        }
        if let override = ProcessInfo.processInfo.environment["SALVE_BINARY"], !override.isEmpty {
            return URL(fileURLWithPath: override)
        }
        var folders: [URL] = []
        func addWithParents(_ url: URL?, levels: Int) {
            guard var url else { return }
            for _ in 0...levels {
                folders.append(url)
                url = url.deletingLastPathComponent()
            }
        }
        // The test runner itself: on Linux the .xctest is an executable in the products folder.
        addWithParents(Bundle.main.executableURL?.deletingLastPathComponent(), levels: 3)
        addWithParents(Bundle.main.bundleURL, levels: 3)
        for bundle in Bundle.allBundles + Bundle.allFrameworks where bundle.bundlePath.hasSuffix(".xctest") {
            addWithParents(bundle.bundleURL, levels: 1)
        }
        addWithParents(URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent(), levels: 3)
        for folder in folders {
            let candidate = folder.appendingPathComponent("salve")
            if isExecutable(candidate) { return candidate.standardizedFileURL }
        }
        return nil
    }()

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        /// False when the process died of a signal (a crash) instead of exiting.
        var exited: Bool
        var timedOut: Bool
    }

    /// Runs salve with `arguments` in `directory`, feeding it `input`; kills it after `timeout` seconds.
    static func run(_ arguments: [String], in directory: URL, input: Data? = nil, timeout: TimeInterval = 60) throws -> Result {
        let executable = try #require(executable, "the salve binary was not found next to the test bundle; set SALVE_BINARY")
        let capture = FileManager.default.temporaryDirectory.appendingPathComponent("salve-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: capture, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: capture) }
        let outURL = capture.appendingPathComponent("stdout")
        let errURL = capture.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)

        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardOutput = out
        process.standardError = err
        let stdin = Pipe()
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(input) }
        try stdin.fileHandleForWriting.close()

        let deadline = Date().addingTimeInterval(timeout)
        var timedOut = false
        while process.isRunning {
            if Date() > deadline {
                timedOut = true
                process.terminate()
                break
            }
            Thread.sleep(forTimeInterval: 0.01)
        }
        process.waitUntilExit()
        try out.close()
        try err.close()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self),
                      exited: process.terminationReason == .exit, timedOut: timedOut)
    }
}

/// Fixture locations, found from this file.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let validSite = root.appendingPathComponent("valid-site")
    static let invalidCases = root.appendingPathComponent("invalid")

    static var invalidCaseNames: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: invalidCases.path)) ?? []
        return names.filter { name in
            var isDirectory: ObjCBool = false
            return !name.hasPrefix(".")
                && FileManager.default.fileExists(atPath: invalidCases.appendingPathComponent(name).path, isDirectory: &isDirectory)
                && isDirectory.boolValue
        }.sorted()
    }

    /// Files a case needs that are not committed (see Tests/Fixtures/invalid/invalid-utf8/README.md).
    static let runtimeFiles: [String: [String: Data]] = [
        "invalid-utf8": ["Content/articles/bad-bytes.md": Data("---\ntitle: Caf".utf8) + Data([0xC3, 0x28])
            + Data(")\nsummary: Not valid UTF-8.\n---\nBody.\n".utf8)],
    ]
}

/// A temporary folder, removed when `body` returns.
func withTemporaryFolder<T>(_ body: (URL) throws -> T) throws -> T {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("salve-cli-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: url) }
    return try body(url)
}

/// Regular files below `root`, by relative path.
func relativeFiles(under root: URL) -> [String] {
    let rootPath = root.standardizedFileURL.resolvingSymlinksInPath().path
    guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
    var files: [String] = []
    for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
        files.append(String(url.standardizedFileURL.resolvingSymlinksInPath().path.dropFirst(rootPath.count + 1)))
    }
    return files.sorted()
}
