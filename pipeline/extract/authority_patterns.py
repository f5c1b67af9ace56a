"""Span-ruler patterns generated from the gazetteer: the forms text really uses for an authority.

``models/patterns/authorities.jsonl`` is derived from ``models/gazetteers/``; regenerate it with
``python -m pipeline.extract.authority_patterns`` (a test fails when the committed copy drifts).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from pipeline.gazetteer import Gazetteer, name_key, read_gazetteer
from pipeline.settings import MODELS_DIR

PATTERNS_PATH = MODELS_DIR / "patterns" / "authorities.jsonl"
COUNCIL_SUFFIXES = (
    "Council",
    "council",
    "County Council",
    "City Council",
    "Borough Council",
    "Metropolitan Borough Council",
    "Metropolitan District Council",
    "council's",
)
COUNCIL_PREFIXES = ("City of", "London Borough of", "Royal Borough of", "Borough of", "the London Borough of")
# Short forms that are all capitals (RBKC, BCP) are kept only in their exact form.
ACRONYM = re.compile(r"^[A-Z&]{2,6}$")


def spelling_variants(name: str) -> set[str]:
    """'&' for 'and', hyphens as spaces and the reverse, curly apostrophes."""
    forms = {name}
    forms |= {f.replace(" and ", " & ") for f in forms} | {f.replace(" & ", " and ") for f in forms}
    forms |= {f.replace("-", " ") for f in forms} | {re.sub(r" (upon|on|under) ", r"-\1-", f) for f in forms}
    forms |= {f.replace("'", "\u2019") for f in forms}
    return forms


def authority_forms(alias: str) -> set[str]:
    forms = spelling_variants(alias)
    if ACRONYM.match(alias) or "council" in alias.lower() or alias.lower().startswith(("city of", "borough of")):
        return forms
    for form in list(forms):
        forms |= {f"{form} {suffix}" for suffix in COUNCIL_SUFFIXES}
        forms |= {f"{prefix} {form}" for prefix in COUNCIL_PREFIXES}
    return forms


def build_patterns(gazetteer: Gazetteer) -> list[dict[str, str]]:
    patterns: dict[tuple[str, str], dict[str, str]] = {}
    for authority in gazetteer.authorities.values():
        for alias in (authority.name, authority.council, *authority.aliases):
            for form in authority_forms(alias):
                patterns[("AUTHORITY", form)] = {"label": "AUTHORITY", "pattern": form, "id": name_key(alias)}
    for grouping in gazetteer.groupings.values():
        for alias in (grouping.name, *grouping.aliases):
            for form in spelling_variants(alias):
                patterns[("GROUPING", form)] = {"label": "GROUPING", "pattern": form, "id": grouping.name}
    return [patterns[key] for key in sorted(patterns)]


def render_patterns(patterns: list[dict[str, str]]) -> str:
    return "".join(json.dumps(p, ensure_ascii=False, sort_keys=True) + "\n" for p in patterns)


def write_patterns(path: Path = PATTERNS_PATH) -> int:
    patterns = build_patterns(read_gazetteer())
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_patterns(patterns), encoding="utf-8")
    return len(patterns)


if __name__ == "__main__":
    print(f"wrote {write_patterns()} patterns to {PATTERNS_PATH}")
