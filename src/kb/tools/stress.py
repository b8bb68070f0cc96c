"""`kb stress` (`make stress`): many full builds in a row with the CPU busy, as on a loaded
CI machine. Every build must succeed and give the same bytes (the same build date);
a build that fails by chance would show here.

    kb stress --builds 20 --busy 2
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def tree_hash(site: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        digest.update(path.relative_to(site).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def main_stress(root: Path, builds: int, busy: int) -> int:
    env = {**os.environ, "KB_BUILD_DATE": os.environ.get("KB_BUILD_DATE", "2026-12-03")}
    burners = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(busy)]
    hashes, failures, times = [], 0, []
    try:
        with tempfile.TemporaryDirectory(prefix="kb-stress-") as tmp:
            site = Path(tmp) / "site"
            for number in range(1, builds + 1):
                started = time.perf_counter()
                result = subprocess.run(
                    [sys.executable, "-m", "kb", "--root", str(root), "build", "--site-dir", str(site)],
                    env=env,
                    capture_output=True,
                    text=True,
                )
                times.append(time.perf_counter() - started)
                if result.returncode != 0:
                    failures += 1
                    print(f"build {number}: FAILED\n{result.stderr}", file=sys.stderr)
                    continue
                hashes.append(tree_hash(site))
                print(f"build {number}: ok in {times[-1]:.1f} s")
    finally:
        for burner in burners:
            burner.kill()
            burner.wait()
    same = len(set(hashes)) <= 1
    times.sort()
    print(
        f"{builds - failures} of {builds} builds passed with {busy} busy processes; "
        f"{'all gave the same bytes' if same else 'the outputs DIFFER'}; "
        f"median {times[len(times) // 2]:.1f} s"
    )
    return 0 if failures == 0 and same else 1
