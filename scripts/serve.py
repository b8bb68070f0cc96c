"""Live preview on http://127.0.0.1:8000 (`make serve`).

`mkdocs serve` watches the generated Markdown tree (build/docs) and the
templates; this script watches content/ and docs/ and regenerates that tree
when an editor saves a file, so the browser reloads with the change. Content
problems are printed as `path:line: message` and the preview keeps the last
good version.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from watchdog.events import FileSystemEventHandler
from watchdog.observers import Observer

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import build_site  # noqa: E402


class Regenerate(FileSystemEventHandler):
    def __init__(self) -> None:
        self.last = 0.0

    def on_any_event(self, event) -> None:
        if event.is_directory or time.monotonic() - self.last < 0.5:
            return
        if "/overrides/" in str(event.src_path):
            return  # mkdocs serve watches the theme itself
        self.last = time.monotonic()
        print(f"\nChanged: {Path(event.src_path).relative_to(ROOT)} -> regenerating")
        with build_site.build_lock():
            build_site.generate(ROOT)


def main() -> int:
    with build_site.build_lock():
        env = build_site.generate(ROOT)
    if env is None:
        return 1
    observer = Observer()
    handler = Regenerate()
    for folder in ("content", "docs"):
        observer.schedule(handler, str(ROOT / folder), recursive=True)
    observer.start()
    cmd = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", "127.0.0.1:8000",
           "--watch", "docs/overrides", "--config-file", str(ROOT / "mkdocs.yml")]
    try:
        return subprocess.call(cmd, cwd=ROOT, env={**os.environ, **env})
    except KeyboardInterrupt:
        return 0
    finally:
        observer.stop()
        observer.join()


if __name__ == "__main__":
    raise SystemExit(main())
