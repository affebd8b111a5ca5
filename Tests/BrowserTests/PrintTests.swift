import ContentModel
import Foundation
import SiteBuilder
import Testing

/// An exercise card is a handout: printed on A4 or US Letter, a card with two drawings, seven steps, a
/// caution and a reference fits one page, its drawings beside the steps.
@Suite(.serialized, .enabled(if: BrowserTools.available, Comment(rawValue: BrowserTools.missing)))
struct PrintTests {
    static let drawing = """
        <svg xmlns="http://www.w3.org/2000/svg" width="400" height="240" viewBox="0 0 400 240">
        <rect x="20" y="200" width="360" height="16" fill="#2b6a4f"/><circle cx="90" cy="170" r="24" fill="#2b6a4f"/>
        </svg>

        """

    /// The search fixture with a card like the real site's glute bridge.
    static func project(in folder: URL) throws -> URL {
        let project = folder.appendingPathComponent("project")
        try FileManager.default.copyItem(at: SearchPageTests.fixture, to: project)
        let media = project.appendingPathComponent("Content/media/exercises")
        try FileManager.default.createDirectory(at: media, withIntermediateDirectories: true)
        for name in ["bridge-start.svg", "bridge-end.svg"] {
            try drawing.write(to: media.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        try """
            ---
            title: Bridge
            kind: strength
            conditions: [herniated-disc]
            body-areas: [buttocks, lower back, back of the thigh]
            equipment: [exercise mat or soft floor (optional)]
            cautions:
              - Some discomfort while you move is OK and does not mean you are doing harm, but stay within a level of pain that you find acceptable.
            review: pending
            ---
            A strength exercise for your buttock muscles and your core. Physical therapists often suggest it
            for back pain, and a strong core helps support a strong back.

            ![Lying on your back on a mat, with your knees bent and your feet flat on the floor](../media/exercises/bridge-start.svg)

            1. Lie on your back with both knees bent, your feet flat on the floor and about as wide apart as
               your hips.
            2. Rest your arms by your sides with your palms down.
            3. Tighten your belly muscles and squeeze your buttocks.
            4. Push through your heels to lift your hips, until your body makes a straight line from your
               shoulders to your knees.
            5. Pause at the top and keep breathing.
            6. Slowly lower your hips back to the floor.
            7. Repeat slowly and smoothly.

            ![Hips lifted so that your shoulders, hips and knees make a straight line](../media/exercises/bridge-end.svg)

            """.write(to: project.appendingPathComponent("Content/exercises/bridge.md"), atomically: true, encoding: .utf8)
        return project
    }

    /// Pages in a PDF as Chromium writes it: one `/Type /Page` object each.
    static func pageCount(_ pdf: Data) -> Int {
        let text = String(decoding: pdf, as: UTF8.self)
        return text.components(separatedBy: "/Type /Page").dropFirst().filter { !$0.hasPrefix("s") }.count
    }

    @Test func aCardPrintsOnOnePageOfA4AndOfLetter() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("salve-print-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try await SearchPageTests.withSite(project: try Self.project(in: folder)) { browser, base in
            try await browser.open(base + "exercises/bridge/")
            // Wait for both drawings: printing does not wait for pictures still loading.
            _ = try await eventually("the drawings") { () -> Bool? in
                try await browser.run("""
                    var images = document.querySelectorAll(".steps img");
                    return images.length === 2 && Array.prototype.every.call(images, function (i) { return i.complete && i.naturalWidth > 0; }) ? true : null;
                    """) as? Bool
            }
            let a4 = try await browser.printed(width: 21.0, height: 29.7)
            let letter = try await browser.printed(width: 21.59, height: 27.94)
            #expect(a4.starts(with: Data("%PDF".utf8)) && letter.starts(with: Data("%PDF".utf8)))
            #expect(Self.pageCount(a4) == 1, "A4")
            #expect(Self.pageCount(letter) == 1, "Letter")
            // In print, the drawings stand to the right of the steps, one above the other.
            try await browser.devTools("Emulation.setEmulatedMedia", ["media": "print"])
            let boxes = try await browser.run("""
                function box(e) { var r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; }
                var images = document.querySelectorAll(".steps img");
                return [box(document.querySelector(".steps ol"))].concat(Array.prototype.map.call(images, box));
                """) as? [[Double]]
            let list = try #require(boxes?.first), start = try #require(boxes?[1]), end = try #require(boxes?[2])
            #expect(start[0] >= list[2] && end[0] >= list[2], "\(String(describing: boxes))")
            #expect(end[1] >= start[3], "the end drawing is below the start drawing")
            #expect(start[1] < list[3], "the drawings sit beside the list, not after it")
            // On screen, the drawings stay in the reading order, full width of the column.
            try await browser.devTools("Emulation.setEmulatedMedia", ["media": "screen"])
            let screen = try await browser.run("""
                var list = document.querySelector(".steps ol").getBoundingClientRect();
                var end = document.querySelectorAll(".steps img")[1].getBoundingClientRect();
                return end.top >= list.bottom;
                """) as? Bool
            #expect(screen == true)
        }
    }
}
