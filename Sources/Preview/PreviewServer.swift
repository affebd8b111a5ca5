import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// Why the preview server could not start.
public enum PreviewError: Error, CustomStringConvertible, Equatable {
    case portInUse(host: String, port: Int)
    case cannotBind(host: String, port: Int, reason: String)

    public var description: String {
        switch self {
        case .portInUse(_, let port):
            "port \(port) is already in use; try --port \(port == 65535 ? 8000 : port + 1)"
        case .cannotBind(let host, let port, let reason):
            "cannot listen on \(host):\(port): \(reason)"
        }
    }
}

/// The HTTP side of the preview: a Hummingbird (SwiftNIO) server with one responder that serves the
/// built site safely, injects the reload script into HTML, and streams reload events.
final class PreviewServer: @unchecked Sendable {
    private let host: String
    private let port: Int
    private let responder: PreviewResponder
    private let lock = NSLock()
    private var group: ServiceGroup?
    private var runTask: Task<Void, Never>?

    init(host: String, port: Int, responder: PreviewResponder) {
        self.host = host
        self.port = port
        self.responder = responder
    }

    /// Starts listening; returns the bound port (the one asked for, or the one the system chose for 0).
    func start() async throws -> Int {
        let bound = OneShot<Int>()
        let logger = Logger(label: "salve.preview", factory: { _ in SwiftLogNoOpLogHandler() })
        let app = Application(
            responder: responder,
            configuration: .init(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in bound.succeed(channel.localAddress?.port ?? 0) },
            logger: logger)
        var configuration = ServiceGroupConfiguration(services: [app], logger: logger)
        // Open page streams are closed before this is asked for; anything still open is then cancelled.
        configuration.maximumGracefulShutdownDuration = .milliseconds(500)
        configuration.maximumCancellationDuration = .seconds(2)
        let group = ServiceGroup(configuration: configuration)
        let (host, port) = (self.host, self.port)
        let task = Task {
            do {
                try await group.run()
                bound.fail(PreviewError.cannotBind(host: host, port: port, reason: "the server stopped"))
            } catch {
                bound.fail(Self.describe(error, host: host, port: port))
            }
        }
        lock.withLock {
            self.group = group
            self.runTask = task
        }
        return try await bound.value
    }

    /// Stops accepting connections, lets requests in flight finish, and returns when the server is down.
    func stop() async {
        let (group, task) = lock.withLock { () -> (ServiceGroup?, Task<Void, Never>?) in
            defer {
                self.group = nil
                self.runTask = nil
            }
            return (self.group, self.runTask)
        }
        guard let group, let task else { return }
        await group.triggerGracefulShutdown()
        await task.value
    }

    static func describe(_ error: any Error, host: String, port: Int) -> PreviewError {
        if let io = error as? IOError, io.errnoCode == EADDRINUSE {
            return .portInUse(host: host, port: port)
        }
        let text = String(describing: error)
        if text.contains("Address already in use") || text.contains("EADDRINUSE") {
            return .portInUse(host: host, port: port)
        }
        if let io = error as? IOError {
            return .cannotBind(host: host, port: port, reason: String(cString: strerror(io.errnoCode)))
        }
        return .cannotBind(host: host, port: port, reason: text)
    }
}

/// Answers every request: the events endpoint, or a file of the built site.
struct PreviewResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let files: StaticFiles
    let channel: ReloadChannel
    let basePath: BasePath

    func respond(to request: Request, context: BasicRequestContext) async throws -> Response {
        let isHead = request.method == .head
        guard request.method == .get || isHead else {
            var headers = HTTPFields()
            headers[.allow] = "GET, HEAD"
            headers[.contentType] = "text/plain; charset=utf-8"
            return Response(status: .methodNotAllowed, headers: headers,
                            body: ResponseBody(byteBuffer: ByteBuffer(string: "Method not allowed\n")))
        }
        let path = request.uri.path
        if path == ReloadScript.eventsPath {
            return events(head: isHead)
        }
        var resolution = files.resolve(rawPath: path, query: request.uri.query)
        let base = basePath.current
        if resolution == .notFound, base != "/", path.hasPrefix(base) {
            // The site is also served under its base URL's path, which the 404 page links through.
            resolution = files.resolve(rawPath: "/" + path.dropFirst(base.count), query: request.uri.query)
        }
        switch resolution {
        case .file(let file):
            guard let data = FileManager.default.contents(atPath: file) else {
                return notFound(head: isHead)
            }
            let type = MIMETypes.type(forPath: file)
            if !MIMETypes.isHTML(type) {
                return Self.file(data, type: type, range: ByteRange.parse(request.headers[.range], length: data.count), head: isHead)
            }
            return page(data, type: type, status: .ok, head: isHead)
        case .redirect(let location):
            var headers = Self.baseHeaders("text/plain; charset=utf-8")
            headers[.location] = location
            return Response(status: .movedPermanently, headers: headers,
                            body: Self.body("Moved to \(location)\n", head: isHead))
        case .forbidden:
            return Response(status: .forbidden, headers: Self.baseHeaders("text/plain; charset=utf-8"),
                            body: Self.body("Forbidden\n", head: isHead))
        case .notFound:
            return notFound(head: isHead)
        }
    }

    /// The site's own 404 page with status 404; before any good build, a page that says why.
    private func notFound(head: Bool) -> Response {
        if let file = files.notFoundPage, let data = FileManager.default.contents(atPath: file) {
            return page(data, type: MIMETypes.type(forPath: file), status: .notFound, head: head)
        }
        let html = """
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Salve preview</title></head>
            <body>
            <h1>Nothing to show yet</h1>
            <p>The site has not been built: fix the errors listed here (and in the terminal), and this page reloads.</p>
            </body>
            </html>

            """
        return page(Data(html.utf8), type: MIMETypes.byExtension["html"]!, status: .notFound, head: head)
    }

    private func page(_ data: Data, type: String, status: HTTPResponse.Status, head: Bool) -> Response {
        var bytes = data
        if MIMETypes.isHTML(type) {
            let state = channel.current
            let stateJSON = "{\"diagnostics\":\(state.overlay.json),\"version\":\(PreviewJSON.string(state.version))}"
            bytes = Data(ReloadScript.inject(into: String(decoding: data, as: UTF8.self), stateJSON: stateJSON).utf8)
        }
        var headers = Self.baseHeaders(type)
        if head {
            headers[.contentLength] = String(bytes.count)
            return Response(status: status, headers: headers, body: ResponseBody())
        }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// A file that is not a page, whole or the byte range asked for (videos are played by seeking).
    private static func file(_ data: Data, type: String, range: ByteRange, head: Bool) -> Response {
        var headers = baseHeaders(type)
        headers[HTTPField.Name("Accept-Ranges")!] = "bytes"
        let status: HTTPResponse.Status
        var bytes = data
        switch range {
        case .whole:
            status = .ok
        case .part(let part):
            status = .partialContent
            headers[HTTPField.Name("Content-Range")!] = "bytes \(part.lowerBound)-\(part.upperBound)/\(data.count)"
            bytes = data.subdata(in: part.lowerBound..<(part.upperBound + 1))
        case .unsatisfiable:
            headers[HTTPField.Name("Content-Range")!] = "bytes */\(data.count)"
            return Response(status: HTTPResponse.Status(code: 416, reasonPhrase: "Range Not Satisfiable"), headers: headers, body: ResponseBody())
        }
        headers[.contentLength] = String(bytes.count)
        if head { return Response(status: status, headers: headers, body: ResponseBody()) }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    private func events(head: Bool) -> Response {
        var headers = Self.baseHeaders("text/event-stream; charset=utf-8")
        headers[HTTPField.Name("X-Accel-Buffering")!] = "no"
        if head { return Response(status: .ok, headers: headers, body: ResponseBody()) }
        let stream = channel.connect()
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            for await chunk in stream {
                try await writer.write(ByteBuffer(string: chunk))
            }
            try await writer.finish(nil)
        })
    }

    /// A preview is never cached: every reload shows the current build.
    private static func baseHeaders(_ contentType: String) -> HTTPFields {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        headers[.cacheControl] = "no-store"
        headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        return headers
    }

    private static func body(_ text: String, head: Bool) -> ResponseBody {
        head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(string: text))
    }
}

/// A value delivered once, awaited by one task.
final class OneShot<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<Value, any Error>?
    private var waiter: CheckedContinuation<Value, any Error>?

    func succeed(_ value: Value) { complete(.success(value)) }
    func fail(_ error: any Error) { complete(.failure(error)) }

    private func complete(_ outcome: Result<Value, any Error>) {
        let waiting: CheckedContinuation<Value, any Error>? = lock.withLock {
            guard result == nil else { return nil }
            result = outcome
            defer { waiter = nil }
            return waiter
        }
        waiting?.resume(with: outcome)
    }

    var value: Value {
        get async throws {
            try await withCheckedThrowingContinuation { continuation in
                let ready: Result<Value, any Error>? = lock.withLock {
                    if let result { return result }
                    waiter = continuation
                    return nil
                }
                if let ready { continuation.resume(with: ready) }
            }
        }
    }
}
