"""Whether a document is about children's services at all.

A page that uses none of the domain's vocabulary (``models/lexicon/topic.json``) is still stored
and exported, but its place names and names are not the record's authorities and people: a page
listing MPs by constituency, a football report. Judgements and actions need cue words of their
own, so such a page has none already.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import cache

from pipeline import lexicon

TOPIC_FILE = lexicon.LEXICON_DIR / "topic.json"
# How many times the vocabulary must occur. Tuning note (measured with this vocabulary): every page
# of the devset (39), the seeds (5) and the corpus (44) uses it, the fewest once (a parliamentary
# debate naming "children's services" once) or twice (a nursery notice naming Ofsted); of the 1,429
# pages of the web benchmark (shared/bench/web_html, pages on every subject) 1,420 use none, 8 once
# ("adoption" of a standard, "social care" in passing) and 1 three times. A floor of 2 would drop an
# on-topic debate, so one mention is enough; what this check removes is the page with none at all.
MIN_TOPIC_MENTIONS = 1


def _fold(text: str) -> str:
    """Lower case, one kind of apostrophe, hyphens and line breaks as spaces."""
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    text = re.sub(r"(?<=\w)[-\u2010\u2011\u2013](?=\w)", " ", text)
    return " ".join(text.split())


@cache
def vocabulary() -> tuple[str, ...]:
    data = json.loads(TOPIC_FILE.read_text(encoding="utf-8"))
    return tuple(dict.fromkeys(_fold(phrase) for phrase in data["phrases"]))


@cache
def _pattern() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w'])(?:{lexicon.alternation(vocabulary())})(?:s|es)?(?![\w])")


def topic_mentions(text: str) -> Counter[str]:
    """Each vocabulary phrase the text uses, with how often."""
    return Counter(match.group(0) for match in _pattern().finditer(_fold(text)))


def about_childrens_services(text: str) -> bool:
    return sum(topic_mentions(text).values()) >= MIN_TOPIC_MENTIONS
