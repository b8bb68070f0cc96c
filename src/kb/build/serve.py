"""Live preview on http://127.0.0.1:8000 (`make serve`): the real build, served.

The preview runs exactly the pipeline of `make build` (search, redirects, open
data and feeds included) into site/, serves site/ on localhost, and rebuilds
when a file under content/, docs/ or the theme (src/kb/theme/) changes;
open pages reload by themselves once the new site is in place. Content
problems are printed as `path:line: message` and the preview keeps the last
good site.

Reloading: every HTML page the preview serves gets one extra external script
(/__kb/reload.js, allowed by the pages' own CSP), which asks /__kb/version every
second. The files in site/ are not changed by this.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from pathlib import Path

from watchdog.events import (
    EVENT_TYPE_CLOSED_NO_WRITE,
    EVENT_TYPE_OPENED,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer

from .mkdocs import THEME
from .pipeline import build

QUIET_SECONDS = 0.3  # rebuild once changes have stopped for this long
READS = {EVENT_TYPE_OPENED, EVENT_TYPE_CLOSED_NO_WRITE}  # reading a file is no change
WATCHED = ("content", "docs")
RELOAD_JS = b"""(function () {
  var seen = null;
  function poll() {
    fetch("/__kb/version", {cache: "no-store"}).then(function (r) { return r.text(); })
      .then(function (version) {
        if (seen !== null && version !== seen) { location.reload(); }
        seen = version;
      }).catch(function () {}).then(function () { setTimeout(poll, 1000); });
  }
  poll();
})();
"""


class Preview:
    """The served site's version, bumped after each successful rebuild."""

    def __init__(self) -> None:
        self.version = 0
        self.changed = threading.Event()


class Handler(http.server.SimpleHTTPRequestHandler):
    preview: Preview

    def log_message(self, *args: object) -> None:  # keep the terminal for build output
        pass

    def do_GET(self) -> None:
        if self.path == "/__kb/reload.js":
            return self._send(RELOAD_JS, "text/javascript")
        if self.path == "/__kb/version":
            return self._send(str(self.preview.version).encode(), "text/plain")
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix == ".html" and path.is_file():
            page = path.read_bytes().replace(b"</body>", b'<script src="/__kb/reload.js"></script></body>', 1)
            return self._send(page, "text/html; charset=utf-8")
        return super().do_GET()

    def _send(self, body: bytes, kind: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)


class Changes(FileSystemEventHandler):
    """Trailing debounce: the preview rebuilds once, QUIET_SECONDS after the last event."""

    def __init__(self, preview: Preview, root: Path) -> None:
        self.preview = preview
        self.watched = [root / name for name in WATCHED] + [THEME]
        self._timer: threading.Timer | None = None
        self._lock = threading.Lock()

    def relevant(self, path: str) -> bool:
        changed = Path(path)
        return any(changed == place or place in changed.parents for place in self.watched)

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.is_directory or event.event_type in READS or not self.relevant(str(event.src_path)):
            return
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
            self._timer = threading.Timer(QUIET_SECONDS, self.preview.changed.set)
            self._timer.daemon = True
            self._timer.start()


def serve(root: Path, port: int = 8000) -> int:
    os.environ.setdefault("SITE_URL", f"http://127.0.0.1:{port}/")
    site = root / "site"
    preview = Preview()
    if build(root, site) != 0:
        return 1
    handler = functools.partial(type("PreviewHandler", (Handler,), {"preview": preview}), directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    observer = Observer()
    changes = Changes(preview, root)
    observer.schedule(changes, str(root / "content"), recursive=True)
    observer.schedule(changes, str(root / "docs"), recursive=True)
    observer.schedule(changes, str(THEME), recursive=True)  # mkdocs.yml and the templates
    observer.start()
    print(f"Serving the site on http://127.0.0.1:{port}/ (Ctrl-C stops)")
    try:
        while True:
            preview.changed.wait()
            preview.changed.clear()
            print("\nChanged: rebuilding")
            if build(root, site) == 0:  # the builder runs in the main thread (signals)
                preview.version += 1
    except KeyboardInterrupt:
        return 0
    finally:
        observer.stop()
        observer.join()
        server.shutdown()
