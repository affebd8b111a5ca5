import Testing
import Foundation
@testable import ContentLoading
@testable import ContentModel
import Diagnostics

@Test func explore() async throws {
    await #expect(processExitsWith: .success) {
        _ = try? JSONReader.parse(#"["\ud83d\u0041"]"#)
    }
    await #expect(processExitsWith: .success) {
        _ = try? JSONReader.parse(#"["\ud83d\ude00"]"#)
    }
}
