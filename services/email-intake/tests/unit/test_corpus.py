"""The .eml corpus: every fixture's decision and fields as the table (expected.csv) says, and no
input — however malformed — makes the parser or the decision raise."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest
from email_intake.domain import attachments as att_rules
from email_intake.domain.decision import decide
from email_intake.domain.parsing import parse

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"
with (CORPUS / "expected.csv").open(newline="") as _f:
    ROWS = list(csv.DictReader(_f))


def test_the_table_covers_the_whole_corpus() -> None:
    assert {r["file"] for r in ROWS} == {p.name for p in CORPUS.glob("*.eml")}
    assert len(ROWS) >= 45


@pytest.mark.parametrize("row", ROWS, ids=[r["file"] for r in ROWS])
def test_fixture_decision_and_fields(row: dict[str, str], lookup: object, policy: object) -> None:
    parsed = parse((CORPUS / row["file"]).read_bytes())
    d = decide(parsed, policy=policy, lookup=lookup, recipients=parsed.to + parsed.cc)  # type: ignore[arg-type]
    assert (d.outcome, d.rule) == (row["outcome"], row["rule"]), d.reason
    assert d.reason
    if row["outcome"] == "ticket":
        e = d.extracted
        assert e is not None
        assert (e.title, e.type, e.priority, e.drop_number or "") == (row["title"], row["type"], row["priority"],
                                                                      row["drop_number"])
        assert d.acknowledge
    else:
        assert not d.acknowledge
    if row["thread"]:
        assert d.ticket is not None and d.ticket.key == row["thread"]
    text = d.comment if d.outcome == "comment" else (d.extracted.description if d.extracted else "")
    if row["text_contains"]:
        assert row["text_contains"].replace("\\n", "\n") in (text or "")
    if row["text_excludes"]:
        assert row["text_excludes"] not in (text or "")
    kept = sum(1 for a in parsed.attachments
               if att_rules.check(a.filename, a.data, 0, inline=a.inline, content_id=a.content_id).accepted)
    assert kept == int(row["attachments_kept"])


@pytest.mark.parametrize("cut", [0, 1, 17, 100, 333, 1000])
def test_truncated_and_mangled_input_never_raises(cut: int, lookup: object, policy: object) -> None:
    for path in CORPUS.glob("*.eml"):
        raw = path.read_bytes()
        for variant in (raw[:cut], raw[cut:], raw.replace(b"\r\n", b"\n")[: cut * 3], raw[::-1][:cut * 5]):
            parsed = parse(variant)
            d = decide(parsed, policy=policy, lookup=lookup, recipients=[])  # type: ignore[arg-type]
            assert d.outcome in ("ticket", "comment", "review", "ignored", "rejected", "rate_limited")
