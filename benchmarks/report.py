"""Write docs/performance.md and docs/performance-latency.svg from the saved results
in var/bench/results/ (so a report can be rewritten without measuring again):

    python -m benchmarks.report
"""

from __future__ import annotations

import math
import re
import sys
from html import escape
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.common import load  # noqa: E402
from benchmarks.data import generation_seconds  # noqa: E402

DOCS = ROOT / "docs"
SVG = DOCS / "performance-latency.svg"
MD = DOCS / "performance.md"

P50_BUDGET, P99_BUDGET = 15.0, 60.0
COLOURS = ("#1b6ca8", "#d1495b", "#2e8b57", "#edae49", "#6a4c93", "#00798c", "#8c564b")


def fmt(x: float | None, digits: int = 1) -> str:
    return "—" if x is None else f"{x:,.{digits}f}"


def verdict(value: float | None, budget: float, *, higher_is_better: bool = False) -> str:
    if value is None:
        return "not measured"
    ok = value >= budget if higher_is_better else value <= budget
    if ok:
        return "✅ within"
    if higher_is_better:
        return f"❌ {budget - value:,.1f} short ({value / budget:.0%} of budget)"
    return f"❌ over by {value - budget:,.1f} ({value / budget:.1f}×)"


def chart(latency: dict[int, dict[str, Any]]) -> str:
    """Latency against scale: p50 solid, p99 dashed, log-scaled x, budgets as grey lines."""
    scales = sorted(latency)
    pages = [row["page"] for row in latency[scales[0]]["pages"]]
    top = max([P99_BUDGET] + [row["p99"] for s in scales for row in latency[s]["pages"]])
    ymax = 10 ** math.ceil(math.log10(top)) if top > 0 else 100
    ymax = ymax / 2 if top < ymax / 2 else ymax
    # A few contended tails should not flatten every other line: clip at 200 ms.
    ymax = min(ymax, 200.0)
    width, height, left, right, top_pad, bottom = 860, 460, 70, 280, 40, 60
    plot_w, plot_h = width - left - right, height - top_pad - bottom
    lo, hi = math.log10(min(scales)), math.log10(max(scales))
    span = (hi - lo) or 1.0

    def x(scale: int) -> float:
        return left + (math.log10(scale) - lo) / span * plot_w if len(scales) > 1 else left

    def y(ms: float) -> float:
        return top_pad + plot_h - min(ms, ymax) / ymax * plot_h

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="12">',
        f'<rect width="{width}" height="{height}" fill="#fff"/>',
        f'<text x="{left}" y="22" font-size="15" font-weight="bold">Server time per page '
        "against content items (SQLite, warm, in process)</text>",
    ]
    for i in range(6):
        ms = ymax * i / 5
        out.append(
            f'<line x1="{left}" x2="{left + plot_w}" y1="{y(ms):.1f}" y2="{y(ms):.1f}" '
            'stroke="#eee"/>'
        )
        out.append(f'<text x="{left - 8}" y="{y(ms) + 4:.1f}" text-anchor="end">{ms:g}</text>')
    for scale in scales:
        out.append(
            f'<text x="{x(scale):.1f}" y="{top_pad + plot_h + 18}" text-anchor="middle">'
            f"{scale:,}</text>"
        )
    out.append(
        f'<text x="{left + plot_w / 2}" y="{height - 18}" text-anchor="middle">'
        "content items (log scale)</text>"
    )
    out.append(
        f'<text x="18" y="{top_pad + plot_h / 2}" text-anchor="middle" '
        f'transform="rotate(-90 18 {top_pad + plot_h / 2})">milliseconds</text>'
    )
    for ms, label in ((P50_BUDGET, "p50 budget 15 ms"), (P99_BUDGET, "p99 budget 60 ms")):
        if ms <= ymax:
            out.append(
                f'<line x1="{left}" x2="{left + plot_w}" y1="{y(ms):.1f}" y2="{y(ms):.1f}" '
                'stroke="#777" stroke-width="1.5" stroke-dasharray="2 3"/>'
            )
            out.append(
                f'<text x="{left + plot_w - 4}" y="{y(ms) - 4:.1f}" text-anchor="end" '
                f'fill="#555">{label}</text>'
            )
    for n, page in enumerate(pages):
        colour = COLOURS[n % len(COLOURS)]
        for key, dash in (("p50", ""), ("p99", ' stroke-dasharray="6 4"')):
            points = []
            for scale in scales:
                row = next(r for r in latency[scale]["pages"] if r["page"] == page)
                points.append((x(scale), y(row[key])))
            path = " ".join(f"{px:.1f},{py:.1f}" for px, py in points)
            out.append(
                f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"{dash}/>'
            )
            for px, py in points:
                out.append(f'<circle cx="{px:.1f}" cy="{py:.1f}" r="3" fill="{colour}"/>')
        ly = top_pad + 10 + n * 20
        lx = left + plot_w + 20
        out.append(
            f'<line x1="{lx}" x2="{lx + 24}" y1="{ly}" y2="{ly}" stroke="{colour}" '
            'stroke-width="2"/>'
        )
        out.append(f'<text x="{lx + 30}" y="{ly + 4}">{escape(page)}</text>')
    ly = top_pad + 10 + len(pages) * 20 + 10
    lx = left + plot_w + 20
    out.append(
        f'<line x1="{lx}" x2="{lx + 24}" y1="{ly}" y2="{ly}" stroke="#333" stroke-width="2"/>'
    )
    out.append(f'<text x="{lx + 30}" y="{ly + 4}">p50</text>')
    out.append(
        f'<line x1="{lx}" x2="{lx + 24}" y1="{ly + 18}" y2="{ly + 18}" stroke="#333" '
        'stroke-width="2" stroke-dasharray="6 4"/>'
    )
    out.append(f'<text x="{lx + 30}" y="{ly + 22}">p99</text>')
    if top > ymax:
        out.append(
            f'<text x="{left + 4}" y="{top_pad + 12}" fill="#555">values above {ymax:g} ms '
            "are drawn at the top edge; see the table</text>"
        )
    out.append("</svg>")
    return "\n".join(out) + "\n"


def write(extra_notes: str = "") -> None:
    machine = load("machine") or {}
    latency = {}
    for scale in (10_000, 100_000, 1_000_000):
        data = load(f"latency-{scale}")
        if data:
            latency[scale] = data
    throughput = {s: load(f"throughput-{s}") for s in (100_000, 1_000_000)}
    throughput = {s: d for s, d in throughput.items() if d}
    writes = {s: load(f"writes-{s}") for s in (10_000, 100_000, 1_000_000)}
    writes = {s: d for s, d in writes.items() if d}
    analysis = ROOT / "benchmarks" / "analysis.md"
    notes = {"analysis": analysis.read_text().strip()} if analysis.exists() else {}

    if latency:
        SVG.write_text(chart(latency))
    md: list[str] = ["# Performance", ""]
    md += [
        f"Measured {machine.get('date', '?')} by `make bench` (`benchmarks/run.py`) on "
        f"{machine.get('cores', '?')} cores ({machine.get('cpu', '?')}), "
        f"{machine.get('memory', '?')} memory, {machine.get('os', '?')}; "
        f"Python {machine.get('python', '?')}, Django {machine.get('django', '?')}, "
        f"SQLite {machine.get('sqlite', '?')}, gunicorn {machine.get('gunicorn', '?')}, "
        f"{machine.get('wrk', 'wrk ?')}; commit {machine.get('commit', '?')}.",
        "",
        'Every figure stands beside its budget from DESIGN.md ("Budgets"). Search, '
        "digests and the SMS webhook are measured by their own benchmarks (their sections "
        "below, kept when this page is rewritten); cold page weight by the browser tests.",
        "",
        "## Summary against the budgets",
        "",
        "| budget (DESIGN.md) | measured | verdict |",
        "|---|---|---|",
    ]
    big = max(latency) if latency else None
    if big:
        rows = latency[big]["pages"]
        worst50 = max(rows, key=lambda r: r["p50"])
        worst99 = max(rows, key=lambda r: r["p99"])
        worstq = max(rows, key=lambda r: r["queries"])
        at = f"at {big:,} items"
        md.append(
            f"| warm page p50 ≤ 15 ms at 1M items | worst page p50 {fmt(worst50['p50'])} ms "
            f"({worst50['page']}) {at} | {verdict(worst50['p50'], P50_BUDGET)} |"
        )
        md.append(
            f"| warm page p99 ≤ 60 ms at 1M items | worst page p99 {fmt(worst99['p99'])} ms "
            f"({worst99['page']}) {at} | {verdict(worst99['p99'], P99_BUDGET)} |"
        )
        md.append(
            f"| SQL queries per page ≤ 12, constant | at most {worstq['queries']} "
            f"({worstq['page']}); constant in the data size "
            f"({_queries_constant(latency)}) | {verdict(worstq['queries'], 12)} |"
        )
    for scale, data in sorted(throughput.items()):
        runs = data["runs"]
        for name, label, budget in (
            ("post_member", "thread page throughput ≥ 25% of hello-world (signed in)", 0.25),
            (
                "post_own",
                "thread page throughput ≥ 25% of hello-world "
                "(signed in, the reader wrote all 50 replies)",
                0.25,
            ),
            ("post", "thread page throughput ≥ 25% of hello-world (anonymous, cached)", 0.25),
            ("home_anonymous", "cached anonymous page ≥ 60% of hello-world", 0.60),
        ):
            for hello, run in zip(runs["hello"], runs.get(name, []), strict=False):
                ratio = run["rps"] / hello["rps"] if hello["rps"] else 0
                md.append(
                    f"| {label} | {ratio:.1%} ({run['rps']:,.0f} vs {hello['rps']:,.0f} req/s, "
                    f"{run['connections']} connections, {scale:,} items) | "
                    f"{verdict(ratio * 100, budget * 100, higher_is_better=True)} |"
                )
    for scale, data in sorted(throughput.items()):
        mem = data.get("memory")
        if not mem:
            continue
        worker_mb = [w["VmHWM"] / 1024 for w in mem["workers_kb"]]
        md.append(
            f"| ≤ 100 MB RSS per web worker | peak {', '.join(f'{m:.0f}' for m in worker_mb)} "
            f"MB ({scale:,} items, after load) | {verdict(max(worker_mb), 100)} |"
        )
        if "task_worker_kb" in mem:
            task_mb = mem["task_worker_kb"]["VmHWM"] / 1024
            master_mb = mem["master_kb"]["VmHWM"] / 1024
            total = sum(worker_mb) + task_mb
            md.append(
                f"| web ×2 + worker ≤ 400 MB at 1M items | {total:.0f} MB "
                f"({' + '.join(f'{m:.0f}' for m in worker_mb)} + {task_mb:.0f}; "
                f"{total + master_mb:.0f} MB with gunicorn's master, {master_mb:.0f} MB) "
                f"at {scale:,} items | {verdict(total, 400)} |"
            )
    for scale, data in sorted(writes.items()):
        md.append(
            f"| write a post p95 ≤ 100 ms | post_create p95 "
            f"{fmt(data['post_create']['p95'], 2)} ms, comment_create p95 "
            f"{fmt(data['comment_create']['p95'], 2)} ms ({scale:,} items) | "
            f"{verdict(max(data['post_create']['p95'], data['comment_create']['p95']), 100)} |"
        )
    md.append("")
    if notes.get("analysis"):
        md += [
            "## What the profiles say",
            "",
            "(Written by hand from this run's profiles: `benchmarks/analysis.md`.)",
            "",
            notes["analysis"],
            "",
        ]

    # Data
    md += ["## Data", ""]
    md += [
        "`harambee generate --scale N` writes a synthetic alliance into an empty, migrated "
        "database: N content items (every kind: out of 20, 8 threads, 2 stream posts, 2 "
        "inquiry cycles, 3 learning notes, 2 lessons, a wiki page, a resource and a story — "
        "a story call or a collection in some blocks; with their revisions, themes, tags "
        "and initiative profiles; the search index rebuilt and related experiences of the "
        "newest 2,000 computed — at every "
        "visibility: 30% public, 25% alliance, 35% space, 10% private, some private ones "
        "with co-authors, 0.5% removed), N/200 people (at least 50; stewards, members and "
        "2% outside guests), N/4000 organisations (at least 10), N/2000 spaces (at least "
        "60, every combination of kind, listing and join policy) with memberships of every "
        "role (some expired), comments with one level of replies on one item in five "
        "(and a 50-comment thread in every thousand items), and reactions on one item in "
        "five. Dates run forward over 1,000 days with the ids.",
        "",
        "| scale | content items | comments | database size | generation time |",
        "|---|---|---|---|---|",
    ]
    for scale, data in sorted(latency.items()):
        secs = generation_seconds(scale)
        md.append(
            f"| {scale:,} | {data['content']:,} | {data['comments']:,} | "
            f"{data['db_bytes'] / 2**20:,.0f} MiB | "
            f"{(fmt(secs) + ' s') if secs else 'cached'} |"
        )
    md += [
        "",
        "Generation time includes migrating the empty database and the final ANALYZE. The "
        "generator writes about 5–10k content items a second on this machine (with their "
        "comments, reactions and child rows), slowing as the indexes grow.",
        "",
    ]

    # Latency
    md += ["## Latency (server time, in process)", ""]
    md += [
        "Each page is requested through Django's test client (the whole middleware stack "
        "and templates, no network) 20 times to warm up, then timed "
        f"{next(iter(latency.values()))['requests'] if latency else '?'} times. Production "
        "settings (DEBUG off, manifest static files, the default file cache shared by the "
        'workers, emptied first: anonymous pages "(cached)" come from the anonymous page '
        'cache, "(rendered)" is the same page rendered for a visitor whose browser sends '
        "a dead session cookie; replies come from the fragment cache once rendered). The "
        '"50 replies all by the reader" and "200 replies" threads are added to the '
        "generated data by benchmarks/fixtures.py. Budget at 1M items: "
        "p50 ≤ 15 ms, p99 ≤ 60 ms, ≤ 12 queries.",
        "",
        "![Latency against scale](performance-latency.svg)",
        "",
    ]
    for scale, data in sorted(latency.items()):
        md += [
            f"### {scale:,} content items",
            "",
            "| page | p50 ms | p95 ms | p99 ms | mean ms | queries | HTML bytes | gzip bytes "
            "| load avg |",
            "|---|---|---|---|---|---|---|---|---|",
        ]
        for r in data["pages"]:
            md.append(
                f"| {r['page']} | {fmt(r['p50'])} | {fmt(r['p95'])} | {fmt(r['p99'])} | "
                f"{fmt(r['mean'])} | {r['queries']} | {r['html_bytes']:,} | "
                f"{r['gzip_bytes'] if r['gzip_bytes'] is not None else '—'} | "
                f"{fmt(r.get('loadavg_after'), 2)} |"
            )
        md += [
            "",
            f"The post page is the busiest public thread ({data['busy_comments']} comments "
            "with replies); the space page is page 1 of the space with the most items, seen "
            "by its lead.",
            "",
        ]

    # Throughput
    md += ["## Throughput (gunicorn, 2 sync workers, wrk)", ""]
    if throughput:
        md += [
            "The app and a bare Django hello-world (`benchmarks/hello/`: no apps, no "
            "middleware, no database, one view returning a short text) are each served by "
            "gunicorn with 2 sync workers on 127.0.0.1 and loaded in turn by "
            "`wrk -t2 -cC -dDs --latency` (wrk shares the 2 cores with the server, as a "
            "same-machine test does). The post page is the busiest public thread, read "
            "anonymously (served from the anonymous page cache) and by a signed-in member "
            "who may read it (a session made with the app's own store, sent by wrk as a "
            "cookie; rendered on every request); the home page is anonymous (cached). The "
            "app uses the production default cache, a file cache shared by its workers "
            "(emptied before each scale).",
            "",
        ]
        for scale, data in sorted(throughput.items()):
            md += [
                f"### {scale:,} content items, {data['duration']} s per run",
                "",
                "| target | connections | req/s | of hello-world | p50 ms | p99 ms | errors "
                "| load avg |",
                "|---|---|---|---|---|---|---|---|",
            ]
            hello_by_c = {r["connections"]: r["rps"] for r in data["runs"]["hello"]}
            for name, label in (
                ("hello", "hello-world"),
                ("post", "post page, 50 comments, anonymous (cached)"),
                ("post_member", "post page, 50 comments, signed-in member"),
                ("post_own", "post page, 50 replies all by the signed-in reader"),
                ("home_anonymous", "home page, anonymous (cached)"),
            ):
                for r in data["runs"].get(name, []):
                    ratio = r["rps"] / hello_by_c[r["connections"]]
                    md.append(
                        f"| {label} | {r['connections']} | {r['rps']:,.1f} | {ratio:.1%} | "
                        f"{fmt(r['p50'])} | {fmt(r['p99'])} | {r['errors']} "
                        f"({r['requests']:,} requests) | {fmt(r.get('loadavg_after'), 2)} |"
                    )
            md.append("")
    else:
        md += ["Not measured in this run.", ""]

    # Memory
    md += ["## Memory", ""]
    mems = [(s, d["memory"]) for s, d in sorted(throughput.items()) if d.get("memory")]
    if mems:
        md += [
            "Peak resident set (VmHWM from /proc/<pid>/status) of each process after the "
            "throughput runs above. The task worker (`harambee worker`, the database queue) "
            "ran alongside the web server during the 1M-item load.",
            "",
            "| scale | gunicorn master MB | web worker 1 MB | web worker 2 MB | "
            "task worker MB | web ×2 + worker MB |",
            "|---|---|---|---|---|---|",
        ]
        for scale, mem in mems:
            workers = [w["VmHWM"] / 1024 for w in mem["workers_kb"]]
            task = mem.get("task_worker_kb", {}).get("VmHWM")
            total = sum(workers) + (task / 1024 if task else 0)
            md.append(
                f"| {scale:,} | {mem['master_kb']['VmHWM'] / 1024:.0f} | "
                + " | ".join(f"{w:.0f}" for w in workers)
                + f" | {task / 1024:.0f} | {total:.0f} |"
                if task
                else f"| {scale:,} | {mem['master_kb']['VmHWM'] / 1024:.0f} | "
                + " | ".join(f"{w:.0f}" for w in workers)
                + f" | not run | {total:.0f} (web only) |"
            )
        md.append("")
    else:
        md += ["Not measured in this run.", ""]

    # Writes
    md += ["## Writes (SQLite, through the services)", ""]
    if writes:
        md += [
            "On a throw-away copy of the generated database: 300 calls each of "
            "`harambee.spaces.services.post_create` and `harambee.core.services."
            "comment_create` (each its own transaction, WAL, synchronous=NORMAL), after 20 "
            "warm-up calls; then posts and comments alternately, in one process, for 10 s. "
            "Today a post write renders Markdown and inserts two rows; there is no search "
            "index and no notification fan-out yet, so the budget's 'index + fan-out "
            "enqueue' is not yet part of the measured write.",
            "",
            "| scale | write | p50 ms | p95 ms | p99 ms | budget |",
            "|---|---|---|---|---|---|",
        ]
        for scale, data in sorted(writes.items()):
            for name in ("post_create", "comment_create"):
                d = data[name]
                md.append(
                    f"| {scale:,} | {name} | {fmt(d['p50'], 2)} | {fmt(d['p95'], 2)} | "
                    f"{fmt(d['p99'], 2)} | p95 ≤ 100 ms |"
                )
            s = data["sustained"]
            md.append("")
            md.append(
                f"Sustained at {scale:,} items: {s['per_second']:,.0f} writes/s "
                f"({s['writes']:,} writes in {s['seconds']:.1f} s, one writer)."
            )
        md.append("")
    else:
        md += ["Not measured in this run.", ""]

    md += [
        "## Reproduce",
        "",
        "```sh",
        "apt-get install -y wrk             # once; the throughput runs need it",
        "make bench                         # everything: generate (cached), latency, "
        "throughput, memory, writes, report; search and digests",
        "HARAMBEE_BENCH_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/harambee_bench "
        "make bench   # search on PostgreSQL too",
        "",
        "# or step by step:",
        ".venv/bin/python benchmarks/run.py --scales 10000,100000,1000000",
        ".venv/bin/python benchmarks/run.py --regenerate      # rebuild var/bench/*.sqlite3",
        ".venv/bin/python benchmarks/run.py --only latency --scales 10000 --requests 50",
        ".venv/bin/python -m benchmarks.report                # rewrite this page from "
        "var/bench/results/",
        "",
        "# a generated database by hand:",
        "DATABASE_URL=sqlite:///var/bench/x.sqlite3 .venv/bin/harambee migrate",
        "DATABASE_URL=sqlite:///var/bench/x.sqlite3 .venv/bin/harambee generate --scale 100000",
        "```",
        "",
        "Generated databases are cached in `var/bench/<scale>.sqlite3` (about 1.4 KiB per "
        "content item); raw results, including every page's SQL and the profiles, are in "
        "`var/bench/results/*.json`.",
        "",
    ]
    if extra_notes:
        md += [extra_notes, ""]
    MD.write_text("\n".join(md) + kept_sections(MD.read_text() if MD.exists() else ""))


# Sections of the page written from other benchmarks' runs (benchmarks/search.py,
# benchmarks/digests.py, benchmarks/sms.py, benchmarks/insights.py), which this report
# does not measure: kept as they are.
KEPT_SECTIONS = (
    "## Before and after",
    "## Search",
    "## Digests",
    "## SMS webhook",
    "## make run on a fresh machine",
    "## Scale-out on PostgreSQL",
    "## Facilitation insights",
)


def kept_sections(old: str) -> str:
    """The sections of ``old`` that this report keeps, in their order."""
    parts = re.split(r"(?m)^(?=## )", old)
    kept = [p.rstrip() + "\n" for p in parts if p.startswith(KEPT_SECTIONS)]
    return "\n" + "\n".join(kept) if kept else ""


def _queries_constant(latency: dict[int, dict[str, Any]]) -> str:
    per_page: dict[str, set[int]] = {}
    for data in latency.values():
        for r in data["pages"]:
            per_page.setdefault(r["page"], set()).add(r["queries"])
    varying = [p for p, q in per_page.items() if len(q) > 1]
    if not varying:
        return "the same count at every scale"
    return (
        f"{', '.join(varying)} differ by one between scales: the reader or space differs, "
        "see 'Query counts' below"
    )


if __name__ == "__main__":
    write()
    print(MD)
