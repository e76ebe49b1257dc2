"""Rate limits: reads and writes per minute for each person (all their tokens and
their session together) or, anonymous, for each address. Counted in Django's
default cache, which the web processes share (a file cache on one machine, Redis on
several), so the limit holds however many processes answer. Over it: 429 with
``Retry-After``."""

from __future__ import annotations

from django.conf import settings
from rest_framework import permissions, throttling


class _PerMinute(throttling.SimpleRateThrottle):
    setting = ""
    writes = False

    def get_rate(self) -> str | None:
        per_minute = getattr(settings, self.setting)
        return f"{per_minute}/min" if per_minute > 0 else None

    def get_cache_key(self, request, view) -> str | None:
        if (request.method not in permissions.SAFE_METHODS) != self.writes:
            return None  # not counted by this limit
        if request.user.is_authenticated:
            ident = f"user{request.user.pk}"
        else:
            # The address the connection came from: a client cannot choose another
            # by sending X-Forwarded-For. (Behind a proxy, its own address: set the
            # proxy to pass the client's address as REMOTE_ADDR, docs/api.md.)
            ident = f"addr{request.META.get('REMOTE_ADDR', '')}"
        return f"harambee:api-rate:{self.scope}:{ident}"


class ReadThrottle(_PerMinute):
    scope = "read"
    setting = "API_READS_PER_MINUTE"


class WriteThrottle(_PerMinute):
    scope = "write"
    setting = "API_WRITES_PER_MINUTE"
    writes = True
