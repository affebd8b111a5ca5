// swift-tools-version:6.0
import PackageDescription

// Stages depend one way only:
// CCmark → Markdown → ContentModel/Diagnostics → ContentLoading → ContentChecks → SiteBuilder → Preview → salve (CLI)
// ContentModel/Diagnostics → LinkChecks (the built site's links, online checks) → salve
// CLibYAML → YAML → ContentLoading;  CVips → Media → ContentLoading;  ContentModel → Templates → SiteBuilder
// SalveFuzz (libFuzzer target) sits beside salve, on ContentLoading, ContentChecks and SiteBuilder.
let package = Package(
    name: "Salve",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "salve", targets: ["salve"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        // Images: libvips through a few C wrappers (Swift cannot call its variadic functions).
        .systemLibrary(
            name: "CVips",
            pkgConfig: "vips",
            providers: [.apt(["libvips-dev"])]
        ),
        // Media files: kinds, image sizes, variants and their cache, SVG checks. The only importer of CVips.
        .target(name: "Media", dependencies: ["CVips", "ContentModel", "Diagnostics"]),
        // Front matter YAML: libyaml's events composed into a lean tree with positions.
        .target(name: "YAML", dependencies: ["CLibYAML"]),
        .target(name: "Diagnostics"),
        .target(name: "Markdown", dependencies: ["CCmark"]),
        .target(name: "ContentModel", dependencies: ["Diagnostics"]),
        .target(
            name: "ContentLoading",
            dependencies: ["ContentModel", "Diagnostics", "Markdown", "Media", "YAML"]
        ),
        .target(name: "ContentChecks", dependencies: ["ContentLoading", "ContentModel", "Diagnostics"]),
        // The built site's links (`check --site`) and the online link and identifier checks (`--online`,
        // `cite add`): they read output files or the network, never the content graph's files.
        .target(name: "LinkChecks", dependencies: ["ContentModel", "Diagnostics"]),
        .target(name: "Templates", dependencies: ["ContentModel"], path: "Templates"),
        // The starter site and page templates of `salve init` and `salve new`.
        .target(name: "Scaffold", dependencies: ["ContentLoading", "ContentModel", "Diagnostics"]),
        .target(
            name: "SiteBuilder",
            dependencies: ["ContentLoading", "ContentChecks", "ContentModel", "Diagnostics", "Markdown", "Media", "Templates"]
        ),
        // The preview server: Hummingbird (SwiftNIO) serving a LiveSite, a file watcher, live reload.
        .target(
            name: "Preview",
            dependencies: [
                "SiteBuilder", "ContentLoading", "ContentModel", "Diagnostics", "Templates",
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        .executableTarget(
            name: "salve",
            dependencies: [
                "SiteBuilder", "ContentLoading", "ContentChecks", "LinkChecks", "ContentModel", "Diagnostics", "Templates", "Preview",
                "Scaffold",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Fuzzing: a libFuzzer target when built by scripts/fuzz (-sanitize=fuzzer -DSALVE_FUZZ), otherwise
        // a program that replays fuzz inputs given on the command line.
        .executableTarget(
            name: "SalveFuzz",
            dependencies: ["ContentLoading", "ContentChecks", "ContentModel", "Diagnostics", "SiteBuilder", "Templates"]
        ),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown"]),
        .testTarget(name: "YAMLTests", dependencies: ["YAML"]),
        .testTarget(name: "MediaTests", dependencies: ["Media", "CVips"]),
        .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics"]),
        .testTarget(name: "ContentModelTests", dependencies: ["ContentModel", "Diagnostics"]),
        .testTarget(name: "ContentLoadingTests", dependencies: ["ContentLoading", "ContentModel", "Diagnostics"]),
        // The checks on whole sites, the link checks among them (over a project on disk, a test server).
        .testTarget(name: "ContentChecksTests", dependencies: ["ContentChecks", "LinkChecks", "ContentLoading", "ContentModel", "Diagnostics", "TestSupport"]),
        // What several test targets share: a local server answering like the DOI resolver, Crossref and E-utilities.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "LinkChecksTests", dependencies: ["LinkChecks", "Diagnostics"]),
        .testTarget(name: "TemplatesTests", dependencies: ["Templates", "ContentModel", "Diagnostics"]),
        // End to end: fixture sites under Tests/Fixtures, built and compared with golden files.
        .testTarget(
            name: "SiteBuilderTests",
            dependencies: ["SiteBuilder", "ContentLoading", "ContentModel", "Diagnostics", "Templates", "Media", "CVips"],
            exclude: []
        ),
        .testTarget(name: "SalveCLITests", dependencies: ["salve", "TestSupport"]),
        .testTarget(
            name: "ScaffoldTests",
            dependencies: ["Scaffold", "ContentChecks", "ContentLoading", "ContentModel", "Diagnostics", "SiteBuilder", "YAML"]
        ),
        .testTarget(name: "PreviewTests", dependencies: ["Preview", "SiteBuilder", "ContentLoading", "Diagnostics"]),
        // The search page in headless Chromium (WebDriver); skipped when chromium is not installed.
        .testTarget(
            name: "BrowserTests",
            dependencies: ["SiteBuilder", "ContentChecks", "ContentLoading", "ContentModel", "Diagnostics", "Templates"]
        ),
    ]
)
