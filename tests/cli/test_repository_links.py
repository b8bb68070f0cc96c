"""Feedback links on the hand-written pages (`repositorio:issues/new`) follow the
repository setting: content/site.yml, or REPOSITORY_URL when the build sets it (a fork or
the publisher's own forge gets its own links)."""

from __future__ import annotations

from pathlib import Path

from support.fixture import build, edit
from support.htmltools import parse


def test_repository_links_follow_the_build_setting(project: Path, tmp_path: Path) -> None:
    edit("docs/fi/index.md", "Tervetuloa.", "[Ilmoita virheestä](repositorio:issues/new).")(project)
    edit("docs/sv/index.md", "Tervetuloa.", "[Anmäl ett fel](repositorio:issues/new).")(project)
    result = build(project, tmp_path / "site", REPOSITORY_URL="https://git.example.org/yhdistys/kb/")
    assert result.returncode == 0, result.stderr
    for page in ("index.html", "sv/index.html"):
        hrefs = {link.get("href") for link in parse(tmp_path / "site" / page).links}
        assert "https://git.example.org/yhdistys/kb/issues/new" in hrefs, page
