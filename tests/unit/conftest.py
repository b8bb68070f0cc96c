import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))


import pytest  # noqa: E402

from fixtureproject import copy_fixture  # noqa: E402  (tests/ is on sys.path)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A writable copy of the minimal fixture project (see tests/fixtureproject.py)."""
    return copy_fixture(tmp_path / "project")
