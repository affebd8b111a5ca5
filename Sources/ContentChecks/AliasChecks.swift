import ContentModel
import Diagnostics

/// Old addresses (`aliases`) that pages keep working through redirects.
enum AliasChecks {
    /// Aliases must be site paths that no page, no other alias and no file Salve writes already uses.
    static func check(_ graph: ContentGraph) -> [Diagnostic] {
        // Most sites have no aliases: then no page's path is worth listing.
        guard graph.allPages.contains(where: { !$0.aliases.isEmpty }) else { return [] }
        var diagnostics: [Diagnostic] = []
        var taken: [String: String] = [:]
        for page in graph.allPages {
            taken["/\(page.ref.urlPath)"] = page.file
        }
        for page in graph.allPages {
            for alias in page.aliases {
                switch SitePaths.normaliseAlias(alias.value) {
                case .failure(let problem):
                    diagnostics.append(.error(.invalidAlias, "'\(alias.value)' cannot be an alias: \(problem.explanation)", at: alias.location))
                case .success(let path):
                    let segments = path.split(separator: "/")
                    let root = String(segments[0])
                    // A kind's own index (/exercises/) and everything under the site's own files are taken;
                    // /exercises/old-name/ is free unless a page lives there.
                    let isKindIndex = segments.count == 1 && ContentKind(folder: root) != nil
                    if isKindIndex || SitePaths.reservedRoots.contains(root) {
                        diagnostics.append(.error(.invalidAlias, "'\(alias.value)' is a path the site itself uses", at: alias.location))
                    } else if let owner = taken[path] {
                        diagnostics.append(.error(.duplicateAlias, "'\(alias.value)' is already the address of \(owner)", at: alias.location))
                    } else {
                        taken[path] = page.file
                    }
                }
            }
        }
        return diagnostics
    }
}
