"""The pure maths against hand-computed fixtures (and networkx as an oracle for the
sector mixing). No database."""

from __future__ import annotations

import math

import networkx as nx
import pytest

from harambee.insights import measures as m


def test_gini_by_hand():
    # [1, 2, 3, 4]: Σ|xi − xj| over ordered pairs = 20, n² x̄ · 2 = 16 · 2.5 · 2 = 80.
    assert m.gini([1, 2, 3, 4]) == pytest.approx(0.25)
    assert m.gini([5, 5, 5]) == pytest.approx(0.0)
    # One person of four writes everything: (n − 1) / n.
    assert m.gini([0, 0, 0, 8]) == pytest.approx(0.75)
    assert m.gini([4, 1, 3, 2]) == m.gini([1, 2, 3, 4])


def test_gini_against_its_definition():
    values = [3, 0, 7, 1, 1, 12, 5]
    n, total = len(values), sum(values)
    pairs = sum(abs(a - b) for a in values for b in values)
    assert m.gini(values) == pytest.approx(pairs / (2 * n * total))


def test_top_share_by_hand():
    # 20 people, 10 % is 2: (10 + 9) / 100.
    values = [10, 9] + [81 / 18] * 18
    assert m.top_share(values) == pytest.approx(0.19)
    # Fewer than ten people: still the single most active one.
    assert m.top_share([6, 3, 1]) == pytest.approx(0.6)


def test_blau_and_shannon_by_hand():
    counts = {"government": 2, "business": 1, "research": 1}
    assert m.blau(counts) == pytest.approx(1 - (0.25 + 0.0625 + 0.0625))
    assert m.shannon(counts) == pytest.approx(1.5)
    assert m.blau({"media": 7}) == 0
    assert m.shannon({"media": 7}) == 0
    assert m.shannon({"a": 1, "b": 1, "c": 1, "d": 1}) == pytest.approx(2.0)


def test_people_without_a_sector_count_as_unknown():
    assert m.sector_counts(["media", "", None, "media"]) == {"media": 2, "unknown": 2}


def test_cross_share_and_ei_by_hand():
    pairs = [("a", "a"), ("a", "b"), ("b", "a"), ("b", "b"), ("a", "b"), ("a", None)]
    matrix = m.reply_matrix(pairs)
    assert matrix == {
        ("a", "a"): 1,
        ("a", "b"): 2,
        ("b", "a"): 1,
        ("b", "b"): 1,
        ("a", "unknown"): 1,
    }
    # Known pairs: 3 across, 2 within; the reply to someone of no sector is left out.
    assert m.cross_share(matrix) == pytest.approx(3 / 5)
    assert m.ei_index(matrix) == pytest.approx((3 - 2) / 5)
    assert m.ei_index(m.reply_matrix([("a", "a")])) == -1
    assert m.ei_index(m.reply_matrix([("a", "b")])) == 1


def test_reply_matrix_agrees_with_networkx_mixing():
    """networkx's attribute mixing matrix of a people graph, with the sector as the
    attribute, counts the same replies per sector pair."""
    sector = {1: "gov", 2: "gov", 3: "biz", 4: "ngo", 5: "biz"}
    replies = [(1, 2), (1, 3), (3, 1), (4, 5), (5, 4), (2, 5), (4, 1), (3, 5)]
    graph = nx.MultiDiGraph()
    for person, s in sector.items():
        graph.add_node(person, sector=s)
    graph.add_edges_from(replies)
    oracle = nx.attribute_mixing_dict(graph, "sector")
    matrix = m.reply_matrix((sector[a], sector[b]) for a, b in replies)
    flat = {(a, b): n for a, row in oracle.items() for b, n in row.items()}
    assert matrix == flat
    total = sum(flat.values())
    across = sum(n for (a, b), n in flat.items() if a != b)
    assert m.cross_share(matrix) == pytest.approx(across / total)
    assert m.ei_index(matrix) == pytest.approx((across - (total - across)) / total)


def test_first_reply_follows_discourses_rules():
    replies = [(7, 100.0, False), (8, 50.0, True), (9, 400.0, False), (7, 20.0, False)]
    # Author 7's own replies and the removed reply at 50 do not count.
    assert m.first_reply_seconds(7, 10.0, replies) == 390.0
    assert m.first_reply_seconds(7, 10.0, [(7, 20.0, False)]) is None


def test_new_and_returning():
    assert m.new_and_returning([1, 2, 3, 3], {1: 5.0, 2: 50.0, 3: 100.0}, 50.0) == (2, 1)


def test_suppression():
    assert [m.suppress(n) for n in (0, 1, 4, 5, 12)] == [0, None, None, 5, 12]


def test_dominant_share():
    assert m.dominant_share({1: 4, 2: 2, 3: 1}) == (1, pytest.approx(4 / 7))
    assert m.dominant_share({}) == (None, None)


@pytest.mark.parametrize(
    "fn", [m.gini, m.top_share, m.median, m.mean, lambda v: m.blau({}), lambda v: m.shannon({})]
)
def test_empty_inputs_give_no_data(fn):
    assert fn([]) is None


def test_nothing_divides_by_zero():
    assert m.gini([0, 0]) is None
    assert m.top_share([0]) is None
    assert m.cross_share({}) is None
    assert m.ei_index({("unknown", "a"): 3}) is None
    assert m.change(None, 1) is None
    assert m.change(3, 1) == 2
    assert math.isfinite(m.shannon({"a": 1}))
