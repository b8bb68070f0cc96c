"""Builds that never fail by chance, leave nothing behind, give the same bytes twice,
and stop everything they started when they are stopped.

- The steps after MkDocs (search index beside compression) run many times in a row
  with the CPU busy: every run succeeds with the same output.
- Two builds of the same content for the same build date are byte-identical.
- A stale temporary folder from a killed build is removed by the next build.
- `make build` signalled alone (SIGTERM to make, as a CI timeout or some terminals
  do): within seconds no process the build started is left, and no temporary folder.
- The swap into place: killed at random moments, site/ is always complete.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from support.fixture import BUILD_DATE, ROOT, build, copy_fixture, environment

pytestmark = pytest.mark.slow


def tree(site: Path) -> dict[str, str]:
    """Every file of a site and the hash of its bytes."""
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


@contextmanager
def busy_cpu(processes: int = 2) -> Iterator[None]:
    """Other work on every core while the block runs, as on a loaded CI machine."""
    burners = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(processes)]
    try:
        yield
    finally:
        for burner in burners:
            burner.kill()
            burner.wait()


@pytest.fixture(scope="module")
def mkdocs_output(tmp_path_factory) -> tuple[Path, Path]:
    """The fixture project and its site as MkDocs left it (before any output step)."""
    from datetime import date

    from kb.build import pipeline
    from kb.config import site_config
    from kb.content import read_and_check

    root = copy_fixture(tmp_path_factory.mktemp("stress") / "project")
    content, problems = read_and_check(root, date.fromisoformat(BUILD_DATE))
    assert not problems
    config = site_config(content.site, {"SITE_URL": "https://example.org/"})
    workspace = pipeline.Workspace(root)
    pipeline.generate(content, config, workspace)
    out = root / "mkdocs-output"
    parts = pipeline.language_parts(out, root / "site")
    assert pipeline.run_mkdocs(workspace, out, parts)
    return root, out


def test_the_output_steps_never_fail_by_chance(mkdocs_output, tmp_path: Path) -> None:
    """20 runs of every step after MkDocs with both cores busy: all succeed, all the same.
    (Before the search step waited for Pagefind, about one run in ten failed reading a
    half-written pagefind-entry.json.)"""
    from datetime import date

    from kb.build import pipeline
    from kb.config import site_config
    from kb.content import read_and_check
    from kb.pages.site import language_site

    root, out = mkdocs_output
    content, _ = read_and_check(root, date.fromisoformat(BUILD_DATE))
    config = site_config(content.site, {"SITE_URL": "https://example.org/"})
    sites = [language_site(content, lang, config) for lang in ("fi", "sv")]
    results = []
    with busy_cpu():
        for run in range(20):
            site = tmp_path / f"run-{run}"
            shutil.copytree(out, site)
            assert pipeline.write_outputs(site, content, config, sites), f"run {run} failed"
            results.append(tree(site))
            shutil.rmtree(site)
    assert all(result == results[0] for result in results)
    assert any(name.startswith("pagefind/") for name in results[0])


def test_two_builds_give_the_same_bytes(project: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "first" / "site", tmp_path / "second" / "site"
    for site in (first, second):
        site.parent.mkdir()
        result = build(project, site)
        assert result.returncode == 0, result.stderr
    assert tree(first) == tree(second)


def test_the_real_site_is_reproducible(site: Path, tmp_path: Path) -> None:
    """The session's build of the real content, and one more: the same bytes."""
    again = tmp_path / "site"
    assert build(ROOT, again).returncode == 0
    assert tree(again) == tree(site)


def test_a_stale_temporary_folder_is_removed_by_the_next_build(project: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    dead = 2**22 + 12345  # above the kernel's pid limit here: no such process
    for name in (f".site.building-{dead}", f".site.building-sv-{dead}", f".site.building-{dead}.old"):
        (tmp_path / name / "sub").mkdir(parents=True)
    assert build(project, site).returncode == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project", "site"]


# --- a stopped build stops everything it started -----------------------------------------


def processes_with(token: str) -> dict[int, str]:
    """Processes whose environment carries `token` (every child inherits it): pid -> command."""
    found = {}
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit() or int(proc.name) == os.getpid():
            continue
        try:
            if token.encode() in (proc / "environ").read_bytes():
                found[int(proc.name)] = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode()[:120]
        except OSError:
            continue
    return found


def wait_until(test, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if test():
            return True
        time.sleep(0.05)
    return test()


@pytest.mark.parametrize("stop_after", ["Generated", "MkDocs built", "Compressed"])
def test_signalling_make_alone_ends_every_process_of_the_build(tmp_path: Path, stop_after) -> None:
    """SIGTERM to `make` only (not its process group): GNU make passes it to the build,
    which ends MkDocs, Pagefind and the compression workers and removes its folders.
    `stop_after`: the build is stopped when it prints this line (while MkDocs runs,
    while the outputs are written, while Pagefind may still run). The code before this
    change left Pagefind's service and the compression workers running."""
    root = copy_fixture(tmp_path / "project")
    token = f"KB_TEST_TOKEN={uuid.uuid4()}"
    env = environment(KB_TEST_TOKEN=token.split("=", 1)[1])
    make = subprocess.Popen(
        ["make", "--no-print-directory", "-C", str(ROOT), "build", f"ROOT={root}"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )  # the test signals make, not a group
    try:
        for line in make.stdout:  # type: ignore[union-attr]
            if line.startswith(stop_after):
                break
        assert processes_with(token), "the build had already ended"
        make.send_signal(signal.SIGTERM)
        make.wait(30)
        assert wait_until(lambda: not processes_with(token), 8), processes_with(token)
        leftovers = [p.name for p in root.iterdir() if p.name.startswith(".site.")]
        assert leftovers == [], leftovers
    finally:
        for pid in processes_with(token):  # never leave a failed test's processes behind
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)


# --- the swap ---------------------------------------------------------------------------

SWAPPER = """
import sys, time
from pathlib import Path
from kb.build.swap import remove_leftovers, swap_into_place, temporary_sibling
final = Path(sys.argv[1])
remove_leftovers(final)  # as a build does: what the killed swapper before left behind
n = 0
while True:
    n += 1
    new = temporary_sibling(final, f"building{n}")
    new.mkdir()
    for i in range(30):
        (new / f"page-{i}.html").write_text("x" * 200)
    (new / "index.html").write_text(str(n))
    (new / "complete").write_text(str(n))   # written last: the site is complete
    swap_into_place(new, final)
"""


def complete(site: Path) -> bool:
    try:
        return (
            (site / "complete").is_file()
            and (site / "index.html").is_file()
            and len(list(site.glob("page-*.html"))) == 30
        )
    except OSError:
        return False


def test_the_swap_never_leaves_a_moment_without_a_complete_site(tmp_path: Path) -> None:
    """A process swaps new sites in as fast as it can and is killed at random moments
    (30 times); a reader checks site/ all along and after each kill. With two renames
    instead of the exchange, the reader finds no site within a few hundred swaps."""
    final = tmp_path / "site"
    final.mkdir()
    for i in range(30):
        (final / f"page-{i}.html").write_text("x")
    (final / "index.html").write_text("0")
    (final / "complete").write_text("0")
    rng = random.Random(2026)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    for _ in range(30):
        swapper = subprocess.Popen([sys.executable, "-c", SWAPPER, str(final)], env=env)
        stop = time.monotonic() + rng.uniform(0.3, 0.8)
        checks = 0
        # at least 100 looks, however busy the machine: the reader must overlap swaps
        while time.monotonic() < stop or checks < 100:
            assert final.is_dir(), "a reader found no site/ during a swap"
            # A look-up that began just before an exchange may still meet a file of the old
            # site as it is being removed; looked up again, site/ is the complete new one.
            assert complete(final) or complete(final), "a reader found an incomplete site/"
            checks += 1
        swapper.kill()
        swapper.wait()
        assert complete(final), "the swap was killed and left no complete site/"
    assert int((final / "index.html").read_text()) > 0, "the swapper never swapped"
