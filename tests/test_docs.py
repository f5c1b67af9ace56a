"""The README stays true: every command the CLI offers is documented there, and the reverse."""

from __future__ import annotations

import re

from pipeline.cli import main
from tests.conftest import ROOT


def test_every_command_is_in_the_readme_and_every_documented_command_exists() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = set(main.commands)
    documented = set(re.findall(r"\$T (\w+)", readme))
    assert commands - documented == set(), "commands missing from the README"
    assert documented - commands == set(), "the README documents commands that do not exist"


def test_the_two_commands_open_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = readme.split("```")[1]
    assert "make demo" in first_block and "make test" in first_block
