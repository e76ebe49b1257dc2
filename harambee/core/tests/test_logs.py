"""HARAMBEE_LOG_FORMAT=json: one JSON object a line, readable by a log collector."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys

from django.test import RequestFactory

from harambee.core.logs import JsonFormatter


def test_a_record_becomes_one_line_of_json_with_the_request_and_extras():
    request = RequestFactory().post("/sms/hooks/generic/x/")
    record = logging.LogRecord(
        "django.request", logging.WARNING, __file__, 1, "Bad %s", ("ɛ",), None
    )
    record.request, record.status_code, record.channel = request, 403, "bench"
    line = JsonFormatter().format(record)
    assert "\n" not in line
    entry = json.loads(line)
    assert entry["message"] == "Bad ɛ" and entry["level"] == "WARNING"
    assert (entry["method"], entry["path"], entry["status"]) == (
        "POST",
        "/sms/hooks/generic/x/",
        403,
    )
    assert entry["channel"] == "bench" and entry["time"].endswith("+00:00")


def test_an_exception_is_kept_in_the_same_line():
    try:
        raise ValueError("boom")
    except ValueError:
        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "failed", (), sys.exc_info())
    entry = json.loads(JsonFormatter().format(record))
    assert "ValueError: boom" in entry["exception"]


def test_the_setting_switches_the_console_handler_to_json(tmp_path):
    env = {**os.environ, "HARAMBEE_LOG_FORMAT": "json", "HARAMBEE_VAR_DIR": str(tmp_path)}
    code = "import logging, django; django.setup(); logging.getLogger('harambee').warning('hello')"
    out = subprocess.run(
        [sys.executable, "-c", code],
        env={**env, "DJANGO_SETTINGS_MODULE": "harambee.settings"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(out.stderr.strip().splitlines()[-1])["message"] == "hello"
