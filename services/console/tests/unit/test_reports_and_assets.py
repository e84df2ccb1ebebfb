"""The reports catalogue against the contracts, the chart layout, and the vendored assets."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from console.domain import reports

STATIC = Path(__file__).resolve().parents[2] / "src" / "console" / "static"
VENDORED = {"htmx-2.0.11.min.js": "d6fdc75f204e6bdefa99b69bf1e6d4ac69b8a364f77929f45c13476b4000f717"}


def _operations(contracts_dir: Path) -> dict[str, dict]:
    ops: dict[str, dict] = {}
    for doc in (contracts_dir / "openapi").glob("*.json"):
        for path, methods in json.loads(doc.read_text())["paths"].items():
            if "get" in methods:
                ops[path] = methods["get"]
    return ops


@pytest.mark.parametrize("report", reports.REPORTS, ids=[r.key for r in reports.REPORTS])
def test_reports_catalogue_matches_contracts(report: reports.Report, contracts_dir: Path) -> None:
    ops = _operations(contracts_dir)
    assert report.path in ops, f"{report.key}: no GET {report.path} in contracts/openapi"
    known = {p["name"] for p in ops[report.path].get("parameters", []) if p["in"] == "query"}
    assert set(report.params) <= known, f"{report.key}: unknown parameters {set(report.params) - known}"
    for fmt, path in report.exports.items():
        assert path in ops, f"{report.key}: no {fmt} export at {path}"
        taken = {p["name"] for p in ops[path].get("parameters", []) if p["in"] == "query"}
        wanted = set(report.params) | set(report.export_filters) | set(report.export_params.get(fmt, {}))
        assert wanted <= taken, f"{report.key}: the {fmt} export takes no {wanted - taken}"


def test_tables_and_charts_from_a_report_answer() -> None:
    data = {"period": "week", "total": 3,
            "by_period": [{"period_start": "2026-11-23", "met": 4, "breached": 1},
                          {"period_start": "2026-11-30", "met": 2, "breached": 2}],
            "by_source": {"email": 3, "qcontact": 7}}
    found = reports.tables(data)
    assert [t.title for t in found] == ["By period", "By source"]
    chart = found[0].chart
    assert chart is not None and [b.label for b in chart.bars] == ["2026-11-23", "2026-11-30"]
    assert chart.bars[0].height > chart.bars[1].height  # 4 met against 2
    assert found[1].rows == [["email", 3], ["qcontact", 7]]
    assert dict(reports.summary(data)) == {"period": "week", "total": 3}
    assert reports.bar_chart("empty", []) is None


def test_vendored_assets_match_their_recorded_hashes() -> None:
    recorded = (STATIC / "VENDORED.md").read_text()
    for name, digest in VENDORED.items():
        assert hashlib.sha256((STATIC / name).read_bytes()).hexdigest() == digest
        assert name in recorded and digest in recorded
