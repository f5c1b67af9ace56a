"""Build the one spaCy pipeline from ``models/config.cfg``: en_core_web_sm plus our components."""

from __future__ import annotations

import logging
from functools import cache
from pathlib import Path
from typing import Any

import spacy
import srsly
from confection import Config
from spacy.language import Language
from spacy.util import compile_infix_regex

from pipeline.errors import ExtractionError

# Registering the factories is a side effect of importing their modules.
from pipeline.extract import authorities, cues, dates, lemmas, lines, people, tags  # noqa: F401
from pipeline.settings import MODELS_DIR

LOGGER = logging.getLogger(__name__)
CONFIG_PATH = MODELS_DIR / "config.cfg"


def build_nlp(config_path: Path = CONFIG_PATH) -> Language:
    config = Config().from_disk(config_path, interpolate=False)
    base = config["nlp"]["base"]
    try:
        nlp = spacy.load(base, exclude=list(config["nlp"].get("exclude", [])))
    except OSError as err:
        raise ExtractionError(base, "spaCy model is not installed; run `make install`") from err
    if extra := list(config["nlp"].get("extra_infixes", [])):
        tokenizer: Any = nlp.tokenizer
        tokenizer.infix_finditer = compile_infix_regex([*(nlp.Defaults.infixes or []), *extra]).finditer
    for name in config["nlp"]["components"]:
        settings = dict(config["components"][name])
        factory = settings.pop("factory")
        placement = {k: settings.pop(k) for k in ("before", "after") if k in settings}
        patterns = settings.pop("patterns", None)
        component: Any = nlp.add_pipe(factory, name=name, config=settings, **placement)
        if patterns:
            component.add_patterns(list(srsly.read_jsonl(config_path.parent / patterns)))
    for name in config["nlp"].get("remove", []):
        nlp.remove_pipe(name)
    LOGGER.debug("pipeline: %s", nlp.pipe_names)
    return nlp


@cache
def default_nlp() -> Language:
    return build_nlp()


