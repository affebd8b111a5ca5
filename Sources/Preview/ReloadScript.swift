import Foundation

/// The small script the preview server — and only the preview server — adds to every HTML page it
/// serves: it listens on the events endpoint, reloads the page on `reload`, and shows the current
/// content errors in an overlay (`role="alert"`) on `diagnostics`. `salve build` never writes it.
enum ReloadScript {
    /// The events endpoint the script connects to.
    static let eventsPath = "/_salve/events"
    /// The id of the injected state element; also how tests and `salve build` checks recognise injection.
    static let stateElementID = "salve-preview-state"
    static let marker = "salve-preview-reload"

    /// Inserts the state and the script before the last `</body>`, or at the end when there is none.
    static func inject(into html: String, stateJSON: String) -> String {
        let snippet = self.snippet(stateJSON: stateJSON)
        if let range = html.range(of: "</body>", options: [.caseInsensitive, .backwards]) {
            var result = html
            result.insert(contentsOf: snippet, at: range.lowerBound)
            return result
        }
        return html + snippet
    }

    static func snippet(stateJSON: String) -> String {
        // The state is JSON inside a script element: `<` is escaped so no `</script>` can end it early.
        let safeJSON = stateJSON.replacingOccurrences(of: "<", with: "\\u003c")
        return "<script type=\"application/json\" id=\"\(stateElementID)\">\(safeJSON)</script>\n"
            + "<script id=\"\(marker)\">\n\(source)</script>\n"
    }

    /// The script itself: no dependencies, text inserted with `textContent` only.
    static let source = #"""
        (function () {
          "use strict";
          if (window.__salvePreview) return;
          window.__salvePreview = true;
          var state = {};
          try { state = JSON.parse(document.getElementById("salve-preview-state").textContent); } catch (e) {}
          var version = state.version;
          var key = "salve-preview-scroll:" + location.pathname;
          try {
            var saved = sessionStorage.getItem(key);
            if (saved !== null) { sessionStorage.removeItem(key); window.scrollTo(0, parseInt(saved, 10) || 0); }
          } catch (e) {}
          function reload() {
            try { sessionStorage.setItem(key, String(window.scrollY || 0)); } catch (e) {}
            location.reload();
          }
          function show(report) {
            var old = document.getElementById("salve-preview-overlay");
            if (old) old.parentNode.removeChild(old);
            var items = (report && report.diagnostics) || [];
            if (!items.length) return;
            var box = document.createElement("div");
            box.id = "salve-preview-overlay";
            box.setAttribute("role", "alert");
            box.setAttribute("style", "position:fixed;z-index:2147483647;left:0;right:0;top:0;max-height:60vh;" +
              "overflow:auto;margin:0;padding:1rem 1.25rem;background:#fff4f4;color:#1a1a1a;" +
              "border-bottom:4px solid #b00020;font:15px/1.45 system-ui,sans-serif;box-shadow:0 2px 12px rgba(0,0,0,.25)");
            var title = document.createElement("h2");
            title.setAttribute("style", "margin:0 0 .5rem;font-size:1.05rem;color:#8a0015");
            var n = report.errors || 0;
            title.textContent = "Salve: the content has " + n + (n === 1 ? " error" : " errors") +
              ". You are seeing the last good version of the site; this clears when the errors are fixed.";
            box.appendChild(title);
            var list = document.createElement("ul");
            list.setAttribute("style", "margin:0;padding-left:1.25rem");
            items.forEach(function (d) {
              var li = document.createElement("li");
              var where = document.createElement("code");
              where.setAttribute("style", "font:13px/1.4 ui-monospace,monospace;background:#ffe0e0;padding:0 .25em");
              where.textContent = d.location;
              li.appendChild(where);
              li.appendChild(document.createTextNode(" " + d.severity + ": " + d.message + (d.code ? " [" + d.code + "]" : "")));
              list.appendChild(li);
            });
            box.appendChild(list);
            var close = document.createElement("button");
            close.type = "button";
            close.textContent = "Hide";
            close.setAttribute("style", "margin-top:.5rem");
            close.onclick = function () { box.parentNode.removeChild(box); };
            box.appendChild(close);
            document.body.appendChild(box);
          }
          show(state.diagnostics);
          if (!window.EventSource) return;
          // Only visible pages hold a connection (browsers allow few per host); a page shown again
          // reconnects, and "hello" reloads it if the site changed meanwhile.
          var source = null;
          function connect() {
            if (source) return;
            source = new EventSource("/_salve/events");
            source.addEventListener("hello", function (e) {
              try { if (version && JSON.parse(e.data).version !== version) reload(); } catch (err) {}
            });
            source.addEventListener("reload", reload);
            source.addEventListener("diagnostics", function (e) {
              try { show(JSON.parse(e.data)); } catch (err) {}
            });
          }
          function disconnect() {
            if (source) { source.close(); source = null; }
          }
          document.addEventListener("visibilitychange", function () {
            if (document.hidden) { disconnect(); } else { connect(); }
          });
          window.addEventListener("pagehide", disconnect);
          if (!document.hidden) connect();
        })();

        """#
}
