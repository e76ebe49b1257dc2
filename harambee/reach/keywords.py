"""What an inbound text asks for. A keyword counts only as the whole message (or,
for JOIN and report keywords, its first word), in any letter case, with punctuation
around it ignored: "Stop." opts out, "Please don't stop" does not."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# (word, language it tells about the sender or "" when it says nothing)
STOP = {
    "STOP": "",
    "STOPALL": "en",
    "UNSUBSCRIBE": "en",
    "END": "en",
    "QUIT": "en",
    "CANCEL": "en",
    "OPTOUT": "en",
    "REVOKE": "en",
    "ARRET": "fr",
    "ARRETER": "fr",
    "DESABONNER": "fr",
    "ACHA": "sw",
    "SITISHA": "sw",
    "PARAR": "pt",
    "SAIR": "pt",
    "CANCELAR": "pt",
}
START = {
    "START": "",
    "UNSTOP": "en",
    "YES": "en",
    "OUI": "fr",
    "COMMENCER": "fr",
    "NDIYO": "sw",
    "ANZA": "sw",
    "SIM": "pt",
    "INICIAR": "pt",
}
HELP = {"HELP": "en", "INFO": "", "AIDE": "fr", "MSAADA": "sw", "AJUDA": "pt"}
JOIN = {"JOIN": "en", "REJOINDRE": "fr", "JIUNGE": "sw", "ENTRAR": "pt"}

_EDGE = re.compile(r"^[\W_]+|[\W_]+$")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Parsed:
    action: str  # "stop", "start", "help", "join", "report", "answer", "text"
    word: str = ""
    rest: str = ""
    language: str = ""


def fold(word: str) -> str:
    """Upper case without accents: "Arrêt" and "ARRET" are one word."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).upper()


def parse(text: str, report_keywords: frozenset[str] = frozenset()) -> Parsed:
    words = _SPACE.split(text.strip())
    whole = fold(_EDGE.sub("", text.strip()))
    for table, action in ((STOP, "stop"), (START, "start"), (HELP, "help")):
        if whole in table:
            return Parsed(action, whole, "", table[whole])
    if not words or not words[0]:
        return Parsed("text")
    first = fold(_EDGE.sub("", words[0]))
    rest = " ".join(words[1:]).strip()
    if first in JOIN and len(words) == 2:
        return Parsed("join", first, fold(_EDGE.sub("", words[1])), JOIN[first])
    if first in report_keywords and rest:
        return Parsed("report", first, rest)
    if whole.isdigit() and len(whole) <= 2:
        return Parsed("answer", whole)
    return Parsed("text", rest=text.strip())
