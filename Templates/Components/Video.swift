import ContentModel

/// A card's `video:`. A file of the site's own plays in `<video>` with its captions; a YouTube or
/// Vimeo video is a facade — the poster from `Content/media/` (or a plain box with the title) and a
/// play button — that asks nothing of the provider until pressed: no iframe, image or script of
/// theirs on page load.
public enum VideoMarkup {
    public static func section(_ card: ExerciseCard, graph: ContentGraph, linker: Linker) -> HTML {
        guard let video = card.video else { return .empty }
        let strings = graph.site.strings
        var content = HTML.empty
        switch video.source {
        case .file(let path, let captions):
            let type = path.lowercased().hasSuffix(".webm") ? "video/webm" : "video/mp4"
            content = "<video controls preload=\"none\""
            if let poster = video.poster { content += " poster=\"\(linker.file(poster))\"" }
            content += "><source src=\"\(linker.file(path))\" type=\"\(type)\">"
            content += "<track kind=\"captions\" src=\"\(linker.file(captions))\" srclang=\"\(graph.site.language)\" default>"
            // Shown only by browsers that cannot play video.
            content += "<a href=\"\(linker.file(path))\">\(card.title)</a></video>\n"
        case .youtube(let id):
            content = facade(provider: "youtube", name: "YouTube", id: id, page: "https://www.youtube.com/watch?v=\(id)",
                             card: card, poster: video.poster, graph: graph, linker: linker)
        case .vimeo(let id):
            content = facade(provider: "vimeo", name: "Vimeo", id: id, page: "https://vimeo.com/\(id)",
                             card: card, poster: video.poster, graph: graph, linker: linker)
        }
        return """
            <section class="card-video" aria-labelledby="video-title">
            <h2 id="video-title">\(strings[.watchVideo])</h2>
            \(content)</section>

            """
    }

    private static func facade(provider: String, name: String, id: String, page: String, card: ExerciseCard,
                               poster: String?, graph: ContentGraph, linker: Linker) -> HTML {
        let strings = graph.site.strings
        let picture = poster.map { PictureMarkup.image($0, alt: "", library: graph.media, linker: linker, lazy: true) } ?? .empty
        let cover: HTML = picture.isEmpty ? "<span class=\"video-title\">\(card.title)</span>" : picture
        return """
            <div class="video-facade" data-provider="\(provider)" data-id="\(id)" data-title="\(card.title)">
            <div class="video-cover">\(cover)<button type="button" class="video-play">\(strings[.playVideo])</button></div>
            <p class="video-note">\(strings(.videoFrom, ["provider": name])) <a href="\(page)">\(strings(.openVideoOn, ["provider": name]))</a></p>
            </div>
            <script>\(HTML.unescaped(script))</script>

            """
    }

    /// Fixed text, no interpolation: the id comes from the facade's `data-id` and is checked again
    /// here against the provider's shape before it goes into the player's address. A `<button>` is
    /// pressed by keyboard as by mouse; focus moves to the player that replaces it.
    static let script = """
        (function () {
          var facades = document.querySelectorAll('.video-facade');
          for (var n = 0; n < facades.length; n++) (function (facade) {
            var button = facade.querySelector('.video-play');
            if (!button) return;
            button.addEventListener('click', function () {
              var id = facade.getAttribute('data-id') || '', provider = facade.getAttribute('data-provider'), src = null;
              if (provider === 'youtube' && /^[A-Za-z0-9_-]{11}$/.test(id)) src = 'https://www.youtube-nocookie.com/embed/' + id + '?autoplay=1';
              if (provider === 'vimeo' && /^[0-9]{1,12}$/.test(id)) src = 'https://player.vimeo.com/video/' + id + '?dnt=1&autoplay=1';
              if (!src) return;
              var frame = document.createElement('iframe');
              frame.src = src;
              frame.title = facade.getAttribute('data-title') || '';
              frame.allow = 'autoplay; fullscreen; picture-in-picture';
              frame.setAttribute('allowfullscreen', '');
              var cover = facade.querySelector('.video-cover');
              cover.parentNode.replaceChild(frame, cover);
              frame.focus();
            });
          })(facades[n]);
        })();
        """
}
