import json
from pathlib import Path

from typer.testing import CliRunner

from yorum.cli import app

runner = CliRunner()


def test_check_prints_a_readable_verdict() -> None:
    result = runner.invoke(app, ["check", "BU HABER TAMAMEN YALAN VE ÇARPITMA"])
    assert result.exit_code == 1
    assert "rejected" in result.output
    assert "all_caps" in result.output


def test_check_json() -> None:
    result = runner.invoke(app, ["check", "--json", "Great reporting, thank you."])
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["decision"] == "approved"
    assert data["language"] == "en"


def test_empty_text_is_refused() -> None:
    result = runner.invoke(app, ["check", "   "])
    assert result.exit_code == 2
    assert "empty" in result.output


def test_batch_keeps_fields_and_reports_bad_lines(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    out = tmp_path / "out.jsonl"
    src.write_bytes(
        b'{"id": 1, "text": "Great reporting, thank you.", "source": "web"}\n'
        b"this is not json\n"
        b'{"id": 3}\n'
        b'{"id": 4, "text": "BU HABER TAMAMEN YALAN VE \xc3\x87ARPITMA"}\n'
        b"\xff\xfe binary\n"
    )
    result = runner.invoke(app, ["check", "--input", str(src), "--output", str(out)])
    assert result.exit_code == 1
    assert "line 2" in result.output and "line 3" in result.output and "line 5" in result.output
    rows = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert [r["id"] for r in rows] == [1, 4]
    assert rows[0]["source"] == "web" and rows[0]["decision"] == "approved"
    assert rows[1]["decision"] == "rejected"


def test_bad_policy_file_is_reported(tmp_path: Path) -> None:
    policy = tmp_path / "p.toml"
    policy.write_text("[rules.nope]\n", encoding="utf-8")
    result = runner.invoke(app, ["check", "--policy", str(policy), "hello there"])
    assert result.exit_code == 2
    assert "unknown rule" in result.output
