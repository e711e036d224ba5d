"""`pilotage generate`: user mistakes give one line on stderr, exit code 1, no traceback."""
import pytest
from click.testing import CliRunner

from orchestration.cli import main


def _run(args):
    result = CliRunner().invoke(main, ["generate", "--quiet", *args])
    return result


@pytest.mark.parametrize("args, message", [
    (["--scale", "0"], "pilotage: --scale must be greater than 0, got 0\n"),
    (["--scale", "-1.5"], "pilotage: --scale must be greater than 0, got -1.5\n"),
    (["--start", "2026-01-01", "--end", "2025-01-01"], "pilotage: --start 2026-01-01 is after --end 2025-01-01\n"),
    (["--start", "2026-13-01"], "pilotage: --start must be a date YYYY-MM-DD, got '2026-13-01'\n"),
    (["--end", "31/05/2026"], "pilotage: --end must be a date YYYY-MM-DD, got '31/05/2026'\n"),
    (["--delta-days", "-1"], "pilotage: --delta-days must be 0 or more, got -1\n"),
])
def test_bad_arguments(tmp_path, args, message):
    result = _run(["--out", str(tmp_path / "landing"), *args])
    assert result.exit_code == 1
    assert result.stderr == message
    assert "Traceback" not in result.output
    assert not (tmp_path / "landing").exists()


def test_out_is_a_file(tmp_path):
    f = tmp_path / "landing"
    f.write_text("x")
    result = _run(["--out", str(f)])
    assert result.exit_code == 1
    assert result.stderr == f"pilotage: --out {f} is a file, not a directory\n"


def test_out_is_not_empty(tmp_path):
    (tmp_path / "landing").mkdir()
    (tmp_path / "landing" / "old.csv").write_text("x")
    result = _run(["--out", str(tmp_path / "landing")])
    assert result.exit_code == 1
    assert result.stderr == f"pilotage: --out {tmp_path / 'landing'} is not empty: generate writes a fresh directory\n"


def test_success_prints_the_summary(tmp_path):
    result = _run(["--out", str(tmp_path / "landing"), "--scale", "0.005", "--seed", "3", "--delta-days", "1"])
    assert result.exit_code == 0, result.output
    assert "erp/order_lines" in result.stdout
    assert "rows/s" in result.stdout
    assert (tmp_path / "landing-deltas" / "2026-11-01").is_dir()
