"""The GitHub automation cannot run here, so test what can be tested: the files
parse, the steps are the make targets CI runs, and the problem matcher turns
our validator's real output into annotations (file, line, message)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from support.fixture import ROOT, build, run_kb

GITHUB = ROOT / ".github"
MATCHER = GITHUB / "problem-matchers" / "content.json"


def workflow(name: str) -> dict:
    data = yaml.safe_load((GITHUB / "workflows" / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def steps(data: dict) -> list[dict]:
    return [step for job in data["jobs"].values() for step in job.get("steps", [])]


def runs(data: dict) -> list[str]:
    return [step["run"].strip() for step in steps(data) if "run" in step]


def uses_all(data: dict, action: str) -> list[dict]:
    return [step for step in steps(data) if step.get("uses", "").startswith(action + "@")]


def uses(data: dict, action: str) -> dict:
    found = uses_all(data, action)
    assert len(found) == 1, f"{action} is used {len(found)} times"
    return found[0]


def make_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([a-z][a-z-]*):", text, re.M))


@pytest.mark.parametrize("name", ["pull-request.yml", "publish.yml"])
def test_workflow_steps_are_make_targets(name: str) -> None:
    data = workflow(name)
    assert data["jobs"] and data["on"]
    commands = [c for c in runs(data) if not c.startswith('echo "::add-matcher::')]
    extra = ["make screenshots"] if name == "pull-request.yml" else []
    assert commands == ["make validate", "make build", "make test", *extra]
    assert {c.split()[1] for c in commands} <= make_targets()
    assert uses(data, "actions/setup-python")["with"]["python-version"] == "3.11"
    uses(data, "actions/checkout")
    test_step = next(s for s in steps(data) if s.get("run") == "make test")
    assert test_step["env"]["CI"] == "true"
    # The problem matcher is registered before validation, from a file that exists.
    run_steps = runs(data)
    matcher = next(c for c in run_steps if "::add-matcher::" in c)
    assert run_steps.index(matcher) < run_steps.index("make validate")
    assert (ROOT / matcher.split("::add-matcher::")[1].strip('"')).resolve() == MATCHER
    env = {k: v for job in data["jobs"].values() for k, v in job.get("env", {}).items()}
    assert env["REPOSITORY_URL"] == "${{ github.server_url }}/${{ github.repository }}"


def test_pull_request_workflow_uploads_the_built_site() -> None:
    data = workflow("pull-request.yml")
    assert "pull_request" in data["on"]
    site_upload, _ = uses_all(data, "actions/upload-artifact")
    assert site_upload["with"]["path"] == "site/"
    names = [s.get("run") or s.get("uses", "").split("@")[0] for s in steps(data)]
    assert names.index("make build") < names.index("actions/upload-artifact")


def test_pull_request_workflow_uploads_the_screenshots() -> None:
    """`make screenshots` writes into build/screenshots/ (kb/tools/screenshots.py), and
    that folder is uploaded after it; the reports of `make lighthouse` never are."""
    from kb.tools.screenshots import OUT

    data = workflow("pull-request.yml")
    uploads = uses_all(data, "actions/upload-artifact")
    assert [u["with"]["path"] for u in uploads] == ["site/", f"{OUT.as_posix()}/"]
    shots = next(s for s in steps(data) if s.get("run") == "make screenshots")
    assert "screenshots" in make_targets() and "lighthouse" in make_targets()
    order = steps(data)
    assert order.index(shots) < order.index(uploads[1])
    step_id = shots["id"]
    assert uploads[1]["if"] == "${{ !cancelled() && steps." + step_id + ".outcome == 'success' }}"
    assert "make lighthouse" not in runs(data)
    assert not any("lighthouse" in str(u["with"]) for u in uploads)


def called(data: dict) -> list[str]:
    """The reusable workflows a workflow's jobs call."""
    return [job["uses"] for job in data["jobs"].values() if "uses" in job]


def test_publish_workflow_builds_tests_and_deploys() -> None:
    data = workflow("publish.yml")
    assert "workflow_call" in data["on"], "publish.yml is the reusable workflow the others call"
    assert uses(data, "actions/upload-pages-artifact")["with"]["path"] == "site/"
    uses(data, "actions/deploy-pages")
    assert data["jobs"]["deploy"]["needs"] == "build"
    assert data["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    build = next(s for s in steps(data) if s.get("run") == "make build")
    assert "steps.pages.outputs.base_url" in build["env"]["SITE_URL"]
    # The site is built for the day it is built: a fixed date would freeze the calendar.
    for step in steps(data):
        assert "KB_BUILD_DATE" not in step.get("env", {}), step
    from kb.config import site_config

    assert site_config({}, {"SITE_URL": "https://x.github.io/kanta"}).site_url == "https://x.github.io/kanta/"


@pytest.mark.parametrize("name", ["deploy.yml", "daily.yml"])
def test_deployments_take_turns_and_use_the_one_publish_workflow(name: str) -> None:
    data = workflow(name)
    assert called(data) == ["./.github/workflows/publish.yml"]
    assert (GITHUB / "workflows" / "publish.yml").is_file()
    assert data["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert data["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    assert "workflow_dispatch" in data["on"]


def test_deploy_workflow_publishes_site_from_main() -> None:
    assert workflow("deploy.yml")["on"]["push"]["branches"] == ["main"]


def test_daily_workflow_rebuilds_every_early_morning_in_helsinki() -> None:
    """The calendar's status is computed at build time, so the site is rebuilt once a
    day, after midnight in Helsinki and before the working day, in winter and summer."""
    (schedule,) = workflow("daily.yml")["on"]["schedule"]
    minute, hour, day, month, weekday = schedule["cron"].split()
    assert (day, month, weekday) == ("*", "*", "*"), "every day"
    assert minute.isdigit() and hour.isdigit(), "one run a day"
    for offset in (2, 3):  # EET, EEST
        assert 4 <= int(hour) + offset <= 7, f"{int(hour) + offset}:{minute} in Helsinki is not early morning"


def test_pull_request_template_has_the_checklist() -> None:
    text = (GITHUB / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    boxes = re.findall(r"^- \[ \] \*\*(.+?)\*\*", text, re.M)
    for word in ("Molemmat kielet", "Lähteet", "Tarkistuspäivä", "henkilötietoja"):
        assert any(word in box for box in boxes), word
    assert "checked" in text and "reviewed" in text


# --- the problem matcher against real validator output ---------------------------------------


def matcher_pattern() -> tuple[re.Pattern[str], dict]:
    data = json.loads(MATCHER.read_text(encoding="utf-8"))
    (matcher,) = data["problemMatcher"]
    (pattern,) = matcher["pattern"]
    # GitHub runs the pattern as a JavaScript RegExp; this one uses only syntax that
    # means the same in Python (anchors, classes, groups, \s and \d).
    assert not re.search(r"\(\?[<P=!]|\\[pPk]", pattern["regexp"])
    return re.compile(pattern["regexp"]), pattern


def break_everything(root: Path) -> None:
    """Several kinds of mistakes at once, in several files."""

    def edit(rel: str, old: str, new: str) -> None:
        path = root / rel
        path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")

    edit("content/regions/testialue.yml", "website:", "webstie:")
    edit("content/faq/aihe/vastaus.fi.md", "Teksti.", "<script>alert(1)</script>")
    edit("content/faq/aihe/vastaus.fi.md", "reviewed: 2026-01-01", "reviewed: 1.1.2026")
    edit("content/faq/topics.yml", "topics:", "topics:\n\t- x")
    (root / "content/faq/aihe/yksin.fi.md").write_text(
        (root / "content/faq/aihe/vastaus.sv.md")
        .read_text(encoding="utf-8")
        .replace("id: vastaus", "id: yksin"),
        encoding="utf-8",
    )


def test_problem_matcher_turns_every_validator_line_into_an_annotation(project: Path) -> None:
    regexp, pattern = matcher_pattern()
    break_everything(project)
    result = run_kb(project, "validate")
    assert result.returncode == 1
    *lines, summary = result.stderr.splitlines()
    assert len(lines) >= 4
    for line in lines:
        match = regexp.match(line)
        assert match, f"no annotation for: {line}"
        path, number, message = (match.group(pattern[k]) for k in ("file", "line", "message"))
        assert (project / path).exists(), f"annotation points at a missing file: {path}"
        assert int(number) >= 1 and message and not message.startswith(" ")
        assert line == f"{path}:{number}: {message}"
    assert not regexp.match(summary), "the summary line must not become an annotation"
    files = {regexp.match(line).group(pattern["file"]) for line in lines}
    assert {
        "content/regions/testialue.yml",
        "content/faq/aihe/vastaus.fi.md",
        "content/faq/topics.yml",
    } <= files


def test_problem_matcher_ignores_other_output() -> None:
    regexp, _ = matcher_pattern()
    for line in [
        "make: *** [Makefile:38: validate] Error 1",
        "Content OK: 22 counties, 292 municipalities, 36 answers in 4 topics.",
        "3 problems found; nothing was built.",
        "INFO    -  Building documentation to directory: /tmp/site",
    ]:
        assert not regexp.match(line), line


# --- settings the workflows rely on --------------------------------------------------------


def test_repository_url_from_the_environment_wins(project: Path) -> None:
    """The workflows set REPOSITORY_URL; edit links then point at the forge's repository,
    and without it at content/site.yml's address."""

    def edit_link(env: dict[str, str]) -> str:
        site = project / f"site-{len(env)}"
        result = build(project, site, **env)
        assert result.returncode == 0, result.stderr
        html = (site / "sv" / "alueet" / "testialue" / "index.html").read_text(encoding="utf-8")
        return re.search(r'<a href="([^"]+)"[^>]*rel="edit"', html).group(1)

    assert (
        edit_link({"REPOSITORY_URL": "https://github.com/esimerkki/kanta"})
        == "https://github.com/esimerkki/kanta/edit/main/content/regions/testialue.yml"
    )
    configured = yaml.safe_load((project / "content" / "site.yml").read_text(encoding="utf-8"))
    assert edit_link({}) == f"{configured['repository_url']}/edit/main/content/regions/testialue.yml"
