"""All the benchmarks, by hand: ``make bench`` (= ``.venv/bin/python benchmarks/run.py``).

1. Generated databases at each scale, cached in var/bench/<scale>.sqlite3
   (``--regenerate`` rebuilds them) — benchmarks/data.py, ``harambee generate``.
2. Latency of the key pages in process at each scale, with a profile at the largest
   — benchmarks/latency.py.
3. Throughput under gunicorn ×2 with wrk against a bare Django hello-world, then peak
   memory per process (with a task worker at 1M) — benchmarks/throughput.py.
4. Write latency and sustained writes through the services — benchmarks/writes.py.
5. docs/performance.md and docs/performance-latency.svg — benchmarks/report.py.

Each step runs in its own process (Django settings are per database) and saves its
results in var/bench/results/, so a step can be rerun alone with ``--only``.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import common, report  # noqa: E402
from benchmarks.data import BENCH_DIR, HARAMBEE, bench_env, ensure_db  # noqa: E402

STEPS = ("latency", "throughput", "writes", "report")


def step(label: str, args: list[str], env: dict[str, str]) -> bool:
    print(f"== {label}", file=sys.stderr, flush=True)
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", *args], env=env, cwd=ROOT)
    print(f"   ({time.perf_counter() - started:.0f} s)", file=sys.stderr, flush=True)
    return done.returncode == 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="10000,100000,1000000")
    parser.add_argument(
        "--throughput-scales",
        default="100000,1000000",
        help="Scales to load with wrk; the largest also runs a task worker for memory.",
    )
    parser.add_argument("--regenerate", action="store_true", help="Rebuild the databases.")
    parser.add_argument("--only", default=",".join(STEPS), help=f"Steps from {STEPS}.")
    parser.add_argument("--requests", type=int, default=200, help="Timed requests per page.")
    parser.add_argument("--duration", type=int, default=15, help="Seconds per wrk run.")
    parser.add_argument("--writes", type=int, default=300)
    args = parser.parse_args()
    scales = [int(s) for s in args.scales.split(",") if s]
    tscales = [int(s) for s in args.throughput_scales.split(",") if s]
    only = set(args.only.split(","))
    env = bench_env()

    common.save("machine", common.machine())
    for scale in sorted(set(scales) | (set(tscales) if "throughput" in only else set())):
        print(f"== database at {scale:,} items", file=sys.stderr, flush=True)
        path, seconds = ensure_db(scale, regenerate=args.regenerate)
        print(
            f"   {path} " + (f"generated in {seconds:.0f} s" if seconds else "(cached)"),
            file=sys.stderr,
        )
    # Manifest static files, as production serves them.
    subprocess.run([HARAMBEE, "collectstatic", "--noinput", "-v0"], env=env, check=True)

    failed = []
    if "latency" in only:
        for scale in scales:
            extra = ["--profile"] if scale == max(scales) else []
            if not step(
                f"latency at {scale:,} items",
                ["benchmarks.latency", "--scale", str(scale), "--requests", str(args.requests)]
                + extra,
                # The production default: a file cache shared by the workers.
                bench_env(
                    scale,
                    HARAMBEE_CACHE_URL=f"file://{BENCH_DIR / 'var' / f'cache-latency-{scale}'}",
                ),
            ):
                failed.append(f"latency {scale}")
    if "throughput" in only:
        if not shutil.which("wrk"):
            print("wrk is missing (apt-get install -y wrk): no throughput", file=sys.stderr)
            failed.append("throughput (no wrk)")
        else:
            for scale in tscales:
                extra = ["--with-worker"] if scale == max(tscales) else []
                if not step(
                    f"throughput at {scale:,} items",
                    [
                        "benchmarks.throughput",
                        "--scale",
                        str(scale),
                        "--duration",
                        str(args.duration),
                    ]
                    + extra,
                    env,
                ):
                    failed.append(f"throughput {scale}")
    if "writes" in only:
        scale = max(scales)
        if not step(
            f"writes at {scale:,} items",
            ["benchmarks.writes", "--scale", str(scale), "--writes", str(args.writes)],
            env,
        ):
            failed.append(f"writes {scale}")
    if "report" in only:
        report.write()
        print(f"== wrote {report.MD.relative_to(ROOT)} and {report.SVG.relative_to(ROOT)}")
    if failed:
        raise SystemExit(f"failed: {', '.join(failed)}")


if __name__ == "__main__":
    main()
