"""Words of a text and how alike two texts are: TF-IDF with cosine similarity, in
plain Python over a bounded set of candidates (``related.CANDIDATES``)."""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

# Common words of English and French that say nothing about a text's subject.
_STOP = """
a about above after again against all also am an and any are as at be because been
before being below between both but by can could did do does doing down during each
few for from further had has have having he her here hers herself him himself his
how i if in into is it its itself just more most my myself no nor not now of off on
once only or other our ours ourselves out over own same she should so some such than
that the their theirs them themselves then there these they this those through to
too under until up very was we were what when where which while who whom why will
with would you your yours yourself yourselves one two three many much may might must
us get got make made way well even still yet per via within without across among new
used using use like including include first last next often every into upon le la
les un une des du de et ou mais donc car ni que qui quoi dont où au aux ce ces cet
cette il elle ils elles nous vous leur leurs son sa ses mon ma mes ton ta tes est
sont été être avoir a ont pas plus par pour sur dans avec sans sous entre context
tried happened learned evidence methods questions open peers what was
ask asked asks separately said says told took taken time times year years
month months week weeks day days often rather quite really just
"""
_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)
_LINK = re.compile(r"https?://\S+|\[\[[^\]]*\]\]")


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


STOP_WORDS = frozenset(_fold(word) for word in _STOP.split())


def words(text: str) -> list[str]:
    """The subject words of ``text``: letters only, three or more, accents folded,
    stop words and addresses dropped."""
    text = _LINK.sub(" ", text)
    return [w for w in _WORD.findall(_fold(text)) if w not in STOP_WORDS]


def term_counts(title: str, body: str) -> Counter[str]:
    """Title words count twice: a title says what a text is about."""
    counts = Counter(words(body))
    for word in words(title):
        counts[word] += 2
    return counts


def idf(documents: Iterable[Counter[str]]) -> dict[str, float]:
    docs = list(documents)
    df: Counter[str] = Counter()
    for doc in docs:
        df.update(doc.keys())
    n = len(docs)
    return {term: math.log((1 + n) / (1 + k)) + 1.0 for term, k in df.items()}


def weights(counts: Counter[str], idf_of: dict[str, float]) -> dict[str, float]:
    vector = {t: (1 + math.log(c)) * idf_of.get(t, 1.0) for t, c in counts.items()}
    norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
    return {t: v / norm for t, v in vector.items()}


def similarity(a: dict[str, float], b: dict[str, float], top: int = 5) -> tuple[float, list[str]]:
    """Cosine of two normalised vectors, and the ``top`` terms that add most to it."""
    if len(a) > len(b):
        a, b = b, a
    shared = {t: a[t] * b[t] for t in a if t in b}
    best = sorted(shared, key=lambda t: (-shared[t], t))[:top]
    return sum(shared.values()), best
