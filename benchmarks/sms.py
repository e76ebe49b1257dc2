"""The inbound SMS webhook under load: acknowledged p99 and messages per second, with
replays mixed in, then a check that each provider id made exactly one message.

    python -m benchmarks.sms [--duration 15] [--connections 16] [--replay-every 5]
        [--with-worker] [--workers 2]

A fresh SQLite database (WAL) in a temporary directory, the production set-up
(gunicorn, 2 sync workers; the database task backend, so the webhook only stores and
enqueues), on 127.0.0.1 only. wrk replays signed requests of the generic gateway
(HMAC-SHA256 and a timestamp, made before the run, each with its own provider id;
every ``--replay-every``-th request repeats an earlier id). Budget (DESIGN.md):
acknowledged p99 ≤ 200 ms and ≥ 500 messages a second on 2 cores, exactly once.
``--with-worker`` then runs one task worker until the queue is empty and reports how
many messages a second it handles (reports, replies).
"""

from __future__ import annotations

import argparse
import hashlib
import hmac
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.throughput import BIN, start_gunicorn, stop  # noqa: E402

SECRET = "bench-secret-0123456789abcdef"
CHANNEL = "bench"
TEXTS = (
    "FIRE Bono East 3 trees cut near river",
    "LOGGING trucks at night near Techiman",
    "When is the next forum meeting?",
    "HELP",
    "JOIN FOREST",
)

LUA = """
local lines = {}
local count = 0
local thread_no = 0
local threads = {}

function setup(thread)
  thread:set("id", thread_no)
  thread_no = thread_no + 1
  table.insert(threads, thread)
end

function init(args)
  for line in io.lines(args[1]) do
    local stamp, sig, body = line:match("^(%d+)\\t(%x+)\\t(.*)$")
    table.insert(lines, {stamp, sig, body})
  end
  count = id
end

function request()
  local item = lines[(count % #lines) + 1]
  count = count + 2
  return wrk.format("POST", nil, {
    ["Content-Type"] = "application/json",
    ["X-Sms-Timestamp"] = item[1],
    ["X-Sms-Signature"] = item[2],
  }, item[3])
end
"""


def env_for(var: Path) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "harambee.settings",
        "HARAMBEE_VAR_DIR": str(var),
        "HARAMBEE_SECRET_KEY": "bench-" + "x" * 40,
        "HARAMBEE_DEBUG": "false",
        "HARAMBEE_STEWARD_MFA": "false",
        "HARAMBEE_CACHE_URL": "locmem://",
        "HARAMBEE_LOG_LEVEL": "WARNING",
        "HARAMBEE_TASKS": "database",
        "HARAMBEE_SMS_CHANNELS": json.dumps(
            {
                CHANNEL: {
                    "gateway": "generic",
                    "secret": SECRET,
                    "send_url": "http://127.0.0.1:9/",
                    "per_second": 1000,
                },
                "console": {"gateway": "console", "quiet": True},
            }
        ),
        "HARAMBEE_SMS_DEFAULT_CHANNEL": "console",
    }


def write_requests(path: Path, n: int, replay_every: int, prefix: str = "bench") -> int:
    """``n`` signed requests; returns how many distinct provider ids they carry."""
    stamp = str(int(time.time()))
    ids = 0
    with path.open("w") as out:
        for i in range(n):
            if replay_every and i % replay_every == replay_every - 1:
                provider_id = f"{prefix}-{max(ids - 1, 0)}"  # the previous id again
            else:
                provider_id = f"{prefix}-{ids}"
                ids += 1
            body = json.dumps(
                {
                    "type": "message",
                    "id": provider_id,
                    "from": f"+2332055{i % 50000:05d}",
                    "text": TEXTS[i % len(TEXTS)],
                },
                separators=(",", ":"),
            )
            sig = hmac.new(
                SECRET.encode(), stamp.encode() + b"." + body.encode(), hashlib.sha256
            ).hexdigest()
            out.write(f"{stamp}\t{sig}\t{body}\n")
    return ids


def run_wrk(url: str, script: Path, data: Path, connections: int, duration: int) -> dict[str, Any]:
    from benchmarks.throughput import wrk

    return wrk(url, connections, duration, threads=2, script=script, script_args=(str(data),))


def counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        q = conn.execute
        return {
            "raw_requests": q("SELECT COUNT(*) FROM reach_inboundrequest").fetchone()[0],
            "accepted": q(
                "SELECT COUNT(*) FROM reach_inboundrequest WHERE verdict='accepted'"
            ).fetchone()[0],
            "duplicates": q(
                "SELECT COUNT(*) FROM reach_inboundrequest WHERE verdict='duplicate'"
            ).fetchone()[0],
            "messages_in": q("SELECT COUNT(*) FROM reach_message WHERE direction='in'").fetchone()[
                0
            ],
            "ids_twice": q(
                "SELECT COUNT(*) FROM (SELECT provider_id FROM reach_message WHERE direction='in' "
                "GROUP BY channel, provider_id HAVING COUNT(*) > 1)"
            ).fetchone()[0],
            "handled": q(
                "SELECT COUNT(*) FROM reach_message WHERE direction='in' AND status='processed'"
            ).fetchone()[0],
            "reports": q("SELECT COUNT(*) FROM reach_fieldreport").fetchone()[0],
            "replies": q("SELECT COUNT(*) FROM reach_message WHERE purpose='reply'").fetchone()[0],
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--duration", type=int, default=15)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--replay-every", type=int, default=5)
    parser.add_argument("--with-worker", action="store_true")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="harambee-sms-bench-") as tmp:
        var = Path(tmp)
        env = env_for(var)
        harambee = str(BIN / "harambee")
        subprocess.run([harambee, "migrate", "--noinput", "-v0"], env=env, check=True)
        subprocess.run([harambee, "collectstatic", "--noinput", "-v0"], env=env, check=True)
        # Enough requests that wrk never wraps round within the run.
        data, script = var / "requests.tsv", var / "sms.lua"
        distinct = write_requests(data, 4000 * args.duration, args.replay_every)
        # The warm-up sends ids of its own, so the measured run meets no warm-up id.
        warm = var / "warm.tsv"
        write_requests(warm, 8000, args.replay_every, prefix="warm")
        script.write_text(LUA)
        db = var / "harambee.sqlite3"
        proc, base = start_gunicorn("harambee.wsgi", env, workers=args.workers)
        try:
            url = f"{base}/sms/hooks/generic/{CHANNEL}/"
            run_wrk(url, script, warm, 4, 2)  # warm-up
            before = counts(db)
            result = run_wrk(url, script, data, args.connections, args.duration)
            during = counts(db)
        finally:
            stop(proc)
        found = counts(db)
        # New messages accepted in the measured run only (not the warm-up).
        accepted_per_second = (during["accepted"] - before["accepted"]) / args.duration
        print(result["raw"], file=sys.stderr)
        print(
            f"webhook: {result['rps']:.0f} requests/s, p50 {result['p50']} ms, "
            f"p90 {result['p90']} ms, p99 {result['p99']} ms, non-2xx {result['non_2xx']} "
            f"of {result['requests']}"
        )
        print(
            f"stored raw {found['raw_requests']}, accepted {found['accepted']} "
            f"(≈{accepted_per_second:.0f} new messages/s), duplicates {found['duplicates']}, "
            f"messages {found['messages_in']}, provider ids stored twice {found['ids_twice']} "
            f"(of {distinct} distinct ids prepared)"
        )
        ok = (
            found["ids_twice"] == 0
            and found["messages_in"] == found["accepted"]
            and result["non_2xx"] == 0
        )
        print("exactly once:", "yes" if ok else "NO")
        if args.with_worker:
            started = time.monotonic()
            worker = subprocess.Popen(
                [harambee, "db_worker", "--batch", "--interval", "0"], env=env
            )
            worker.wait(timeout=1800)
            took = time.monotonic() - started
            after = counts(db)
            print(
                f"worker: handled {after['handled']} messages in {took:.1f} s "
                f"({after['handled'] / took:.0f}/s): {after['reports']} reports, "
                f"{after['replies']} replies"
            )


if __name__ == "__main__":
    main()
