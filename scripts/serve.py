"""Live preview on http://127.0.0.1:8000 (`make serve`).

`mkdocs serve` watches the generated Markdown tree (build/docs) and the
templates; this script watches content/ and docs/ and regenerates that tree
when an editor saves a file, so the browser reloads with the change. Content
problems are printed as `path:line: message` and the preview keeps the last
good version.
"""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

from watchdog.events import EVENT_TYPE_CLOSED_NO_WRITE, EVENT_TYPE_OPENED, FileSystemEventHandler
from watchdog.observers import Observer

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import build_site  # noqa: E402

QUIET_SECONDS = 0.3   # regenerate once the events have stopped for this long
# Reading a file is no change; regenerating reads every file under docs/.
READS = {EVENT_TYPE_OPENED, EVENT_TYPE_CLOSED_NO_WRITE}


class Regenerate(FileSystemEventHandler):
    """Trailing debounce: every event restarts a timer, and the tree is regenerated
    once, QUIET_SECONDS after the last event. An editor's save (several events) and
    a quick second save each end in a regeneration that sees the newest files."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._timer: threading.Timer | None = None
        self._changed: Path | None = None

    def on_any_event(self, event) -> None:
        if event.is_directory or event.event_type in READS:
            return
        if "/overrides/" in str(event.src_path):
            return  # mkdocs serve watches the theme itself
        with self._lock:
            self._changed = Path(event.src_path)
            if self._timer is not None:
                self._timer.cancel()
            self._timer = threading.Timer(QUIET_SECONDS, self._regenerate)
            self._timer.daemon = True
            self._timer.start()

    def _regenerate(self) -> None:
        with self._lock:
            changed, self._timer = self._changed, None
        print(f"\nChanged: {changed.relative_to(ROOT)} -> regenerating")
        with build_site.build_lock():
            build_site.generate(ROOT)

    def cancel(self) -> None:
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()


def main() -> int:
    with build_site.build_lock():
        content = build_site.generate(ROOT)
    if content is None:
        return 1
    observer = Observer()
    handler = Regenerate()
    for folder in ("content", "docs"):
        observer.schedule(handler, str(ROOT / folder), recursive=True)
    observer.start()
    cmd = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", "127.0.0.1:8000",
           "--watch", "docs/overrides", "--config-file", str(ROOT / "mkdocs.yml")]
    try:
        return subprocess.call(cmd, cwd=ROOT, env=build_site.mkdocs_environment(content))
    except KeyboardInterrupt:
        return 0
    finally:
        observer.stop()
        observer.join()
        handler.cancel()


if __name__ == "__main__":
    raise SystemExit(main())
