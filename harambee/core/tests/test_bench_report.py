"""``benchmarks/report.py`` rewrites docs/performance.md from its own runs and keeps the
sections that the search and digest benchmarks' runs wrote."""

from __future__ import annotations

from benchmarks.report import kept_sections


def test_the_report_keeps_the_search_and_digest_sections():
    old = (
        "# Performance\n\n## Summary\nold figures\n\n## Search\nfast\n\n### 1M\nrows\n\n"
        "## Reproduce\nmake bench\n\n## Digests\nminutes\n"
    )
    kept = kept_sections(old)
    assert "## Search\nfast\n\n### 1M\nrows\n" in kept and "## Digests\nminutes\n" in kept
    assert "old figures" not in kept and "## Reproduce" not in kept
    assert kept.index("## Search") < kept.index("## Digests")
    assert kept_sections("# Performance\n\n## Summary\nx\n") == ""
