"""The progress of a learner: a whole percentage of the programme's items done.

Pure arithmetic, so it can be proven on its own: never below 0 or above 100, 100 only
when every item is done, adding an item never raises it and removing one not yet done
never lowers it."""

from __future__ import annotations


def percent(done: int, total: int) -> int:
    if total <= 0:
        return 0
    done = max(0, min(done, total))
    return (100 * done) // total
