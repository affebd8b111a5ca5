import ContentModel

/// Takes each article as soon as it is loaded, for a build that writes article pages while the site
/// is still loading. Articles are most of a large site, and their bodies' HTML most of its memory: a
/// build that writes each page at once can drop the body, rather than hold them all until the end.
///
/// An article page shows the conditions, experts, cards and references it names, never other
/// articles, so it can be made before the other articles are loaded.
public protocol ArticleSink: AnyObject, Sendable {
    /// Called once, before any article, with a graph of every other page and the bibliography.
    func begin(context: ContentGraph)
    /// Called from loading threads, for each article the site will publish, before validation: a
    /// caller must not keep what it made if the load ends with errors.
    func take(_ article: Article)
}
