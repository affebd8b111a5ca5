import Testing
@testable import Media

@Suite struct MediaKindTests {
    @Test(arguments: [
        ("start.png", MediaKind.image(.png)), ("photo.JPG", .image(.jpeg)), ("photo.jpeg", .image(.jpeg)),
        ("a.webp", .image(.webp)), ("spin.gif", .image(.gif)), ("draw.svg", .image(.svg)), ("x.avif", .image(.avif)),
        ("handout.pdf", .document(.pdf)), ("plan.docx", .document(.docx)), ("walk.mp4", .video(.mp4)),
        ("walk.webm", .video(.webm)), ("walk.en.vtt", .captions),
    ])
    func kindsByExtension(name: String, kind: MediaKind) {
        #expect(MediaKind(fileName: name) == kind)
        #expect(MediaKind(fileName: "media/sub.folder/" + name) == kind)
    }

    @Test(arguments: ["notes", "script.js", "page.html", "archive.tar.gz", "folder.png/notes", ".png/x"])
    func unpublishedTypes(name: String) {
        #expect(MediaKind(fileName: name) == nil)
    }

    @Test func contentTypes() {
        #expect(MediaKind.image(.svg).contentType == "image/svg+xml")
        #expect(MediaKind.video(.mp4).contentType == "video/mp4")
        #expect(MediaKind.captions.contentType.hasPrefix("text/vtt"))
        #expect(MediaKind.document(.pdf).contentType == "application/pdf")
    }

    @Test(arguments: [
        (245_760, "PDF, 240 KB"), (100, "PDF, 1 KB"), (0, "PDF, 1 KB"), (1_572_864, "PDF, 1.5 MB"),
        (1_048_576, "PDF, 1 MB"), (12_582_912, "PDF, 12 MB"), (1_048_575, "PDF, 1 MB"),
    ])
    func downloadLabels(bytes: Int, label: String) {
        #expect(DownloadLabel(format: .pdf, byteCount: bytes).description == label)
    }

    @Test func otherDocumentLabels() {
        #expect(DownloadLabel(format: .docx, byteCount: 20_480).description == "Word document, 20 KB")
    }
}
