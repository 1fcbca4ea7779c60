"""`make restore FILE=...` hands FILE to the restore command as typed: no shell (and not make) reads it
(issue 33, item 9). Before, the recipe pasted FILE into a double-quoted shell word, so a `"` in it ended
the word and the rest ran as shell code.

`make` runs for real with `-o install` (the venv is not rebuilt) and BIN pointing at a stand-in python
that writes down the arguments it was given.
"""

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="needs make")


def _make_restore(tmp_path: Path, file: str) -> subprocess.CompletedProcess:
    bin_folder = tmp_path / "bin"
    bin_folder.mkdir()
    stand_in = bin_folder / "python"
    stand_in.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > "{tmp_path}/arguments"\n')
    stand_in.chmod(0o755)
    return subprocess.run(
        ["make", "--no-print-directory", "-o", "install", "restore", f"BIN={bin_folder}", f"FILE={file}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=30,
    )


@pytest.mark.parametrize(
    "trick",
    [
        'x"; touch {marker}; echo "',
        "x`touch {marker}`",
        "x$(touch {marker})",
        "$(shell touch {marker})",
        "x'; touch {marker}; echo '",
        'x" && touch {marker} && "',
    ],
)
def test_a_file_name_holding_shell_code_reaches_restore_as_typed_and_runs_nothing(tmp_path, trick):
    marker = tmp_path / "ran"
    file = trick.format(marker=marker)

    done = _make_restore(tmp_path, file)

    assert done.returncode == 0, done.stderr
    assert not marker.exists(), "the file name ran as shell code"
    assert (tmp_path / "arguments").read_text().splitlines() == ["manage.py", "restore", file]


def test_without_a_file_it_says_how_to_use_it(tmp_path):
    done = _make_restore(tmp_path, "")
    assert done.returncode == 2
    assert "Usage: make restore FILE=" in done.stdout
