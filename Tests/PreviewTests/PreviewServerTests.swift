#if canImport(Glibc)
import Glibc
#endif
import Foundation
@testable import Preview
import Testing

/// `salve preview` serving the site: pages, assets, folders, HEAD, 404, errors, shutdown.
@Suite(.serialized, .timeLimit(.minutes(1)))
struct PreviewServerTests {
    @Test func servesPagesAssetsFoldersHeadAnd404() async throws {
        try await withPreview { _, session, port in
            #expect(session.url == "http://127.0.0.1:\(port)/")

            let home = try await HTTP.get("/", port: port)
            #expect(home.status == 200)
            #expect(home.headers["content-type"] == "text/html; charset=utf-8")
            #expect(home.text.contains("Preview Test Library"))
            // The reload script is injected, just before </body>.
            #expect(home.text.contains("id=\"salve-preview-reload\""))
            #expect(home.text.contains("new EventSource(\"/_salve/events\")"))
            #expect(home.text.range(of: "salve-preview-reload")!.lowerBound < home.text.range(of: "</body>")!.lowerBound)
            #expect(home.headers["content-length"] == String(home.body.count))

            let page = try await HTTP.get("/articles/walking/", port: port)
            #expect(page.status == 200)
            #expect(page.text.contains("ORIGINAL-TEXT"))

            // Drafts are built and marked.
            let draft = try await HTTP.get("/articles/sleeping/", port: port)
            #expect(draft.status == 200)
            #expect(draft.text.contains("Draft"))

            let css = try await HTTP.get("/assets/site.css", port: port)
            #expect(css.status == 200)
            #expect(css.headers["content-type"] == "text/css; charset=utf-8")
            #expect(!css.text.contains("salve-preview"))

            // A folder without its slash redirects to the slash form, keeping the query.
            let folder = try await HTTP.get("/articles/walking?x=1", port: port)
            #expect(folder.status == 301)
            #expect(folder.headers["location"] == "/articles/walking/?x=1")
            let index = try await HTTP.get("/articles/", port: port)
            #expect(index.status == 200)
            #expect(index.text.contains("Walking with back pain"))

            // HEAD: the same head, no body.
            let head = try await HTTP.request("HEAD", "/articles/walking/", port: port)
            #expect(head.status == 200)
            #expect(head.body.isEmpty)
            #expect(head.headers["content-length"] == String(page.body.count))
            #expect(head.headers["content-type"] == "text/html; charset=utf-8")

            // Unknown paths get the site's own 404 page, with status 404 (and the script).
            let missing = try await HTTP.get("/no/such/page/", port: port)
            #expect(missing.status == 404)
            #expect(missing.text.contains("Page not found"))
            #expect(missing.text.contains("salve-preview-reload"))
            let missingHead = try await HTTP.request("HEAD", "/nope.css", port: port)
            #expect(missingHead.status == 404)
            #expect(missingHead.body.isEmpty)

            let post = try await HTTP.request("POST", "/", port: port)
            #expect(post.status == 405)
            #expect(post.headers["allow"] == "GET, HEAD")

            #expect(session.watchMechanism == "inotify")
        }
    }

    @Test func manyConcurrentRequests() async throws {
        try await withPreview { _, _, port in
            let paths = ["/", "/articles/walking/", "/assets/site.css", "/conditions/back-pain/", "/missing"]
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<60 {
                    group.addTask { try await HTTP.get(paths[index % paths.count], port: port).status }
                }
                var all: [Int] = []
                for try await status in group { all.append(status) }
                return all
            }
            #expect(statuses.count == 60)
            #expect(statuses.filter { $0 == 200 }.count == 48)
            #expect(statuses.filter { $0 == 404 }.count == 12)
        }
    }

    @Test func pathTraversalNeverLeavesTheSite() async throws {
        try await withPreview { _, session, port in
            // Links inside the built site pointing out of it: a folder and a file.
            let output = session.outputDirectory
            try FileManager.default.createSymbolicLink(atPath: output.appendingPathComponent("escape").path,
                                                       withDestinationPath: "/etc")
            try FileManager.default.createSymbolicLink(atPath: output.appendingPathComponent("passwd.html").path,
                                                       withDestinationPath: "/etc/passwd")
            let attempts = [
                "/../etc/passwd",
                "/../../../../etc/passwd",
                "/%2e%2e/%2e%2e/etc/passwd",
                "/%2E%2E/%2E%2E/etc/passwd",
                "/..%2f..%2fetc/passwd",
                "/..%2F..%2F..%2Fetc%2Fpasswd",
                "/articles/../../etc/passwd",
                "/articles/%2e%2e/%2e%2e/etc/passwd",
                "/.%2e/.%2e/etc/passwd",
                "/%252e%252e/etc/passwd",
                "/..\\..\\etc\\passwd",
                "/etc/passwd%00.html",
                "/escape/passwd",
                "/escape/",
                "/passwd.html",
            ]
            for path in attempts {
                // The HTTP parser may refuse a malformed target outright (no response at all): also safe.
                guard let reply = try? await HTTP.get(path, port: port) else { continue }
                #expect(reply.status == 403 || reply.status == 404 || reply.status == 400, "\(path) gave \(reply.status)")
                #expect(!reply.text.contains("root:"), "\(path) leaked /etc/passwd")
            }
            // A link that stays inside the site is fine.
            try FileManager.default.createSymbolicLink(atPath: output.appendingPathComponent("walk").path,
                                                       withDestinationPath: output.appendingPathComponent("articles/walking").path)
            #expect(try await HTTP.get("/walk/", port: port).status == 200)
        }
    }

    @Test func aPortInUseGivesAClearError() async throws {
        let busy = try TestSocket.listen()
        defer { close(busy.fd) }
        let site = try FixtureSite()
        defer { site.remove() }
        let session = PreviewSession(site.previewConfiguration(port: busy.port))
        do {
            _ = try await session.start()
            await session.stop()
            Issue.record("the preview started on a busy port")
        } catch let error as PreviewError {
            #expect(error == .portInUse(host: "127.0.0.1", port: busy.port))
            #expect(error.description == "port \(busy.port) is already in use; try --port \(busy.port + 1)")
        }
        // The temporary site is gone even though the start failed.
        #expect(!FileManager.default.fileExists(atPath: session.outputDirectory.path))
    }

    @Test func stopClosesOpenReloadConnectionsPromptly() async throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let session = PreviewSession(site.previewConfiguration())
        let port = try await session.start()
        var clients: [EventStreamClient] = []
        for _ in 0..<3 { clients.append(try await EventStreamClient.open(port: port)) }
        for client in clients {
            #expect(client.status == 200)
            #expect(client.contentType.hasPrefix("text/event-stream"))
            #expect(await client.next(named: "hello") != nil)
        }
        #expect(await eventually { session.openPages == 3 })
        // An idle keep-alive connection too.
        let idle = try TestSocket.connect(port: port)
        defer { close(idle) }

        // Open event streams never end by themselves: a stop() that waited for them would not return.
        // The bounds only catch that hang; they do not time a busy machine.
        let started = Date()
        await session.stop()
        let stopTime = Date().timeIntervalSince(started)
        #expect(stopTime < 30, "stop() took \(stopTime) s")
        for client in clients {
            #expect(await client.waitForEnd(timeout: 30), "an event stream stayed open after stop()")
        }
        #expect(!FileManager.default.fileExists(atPath: session.outputDirectory.path))
        let after = try? await HTTP.get("/", port: port)
        #expect(after == nil, "the server still answers after stop()")
    }

    @Test func theSiteIsAlsoServedUnderItsBasePath() async throws {
        try await withPreview(prepare: { site in
            try site.write("Content/site.yml", "title: Preview Test Library\nbase-url: https://preview.example/health/\n")
        }) { _, _, port in
            // The 404 page links through the base path; those links work in the preview.
            let underBase = try await HTTP.get("/health/assets/site.css", port: port)
            let atRoot = try await HTTP.get("/assets/site.css", port: port)
            let page = try await HTTP.get("/health/articles/walking/", port: port)
            #expect(underBase.status == 200)
            #expect(atRoot.status == 200)
            #expect(page.text.contains("ORIGINAL-TEXT"))
        }
    }
}
