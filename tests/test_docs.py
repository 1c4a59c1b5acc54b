"""The README's command table matches the CLI: every command documented, nothing invented."""

import argparse
import re

from helpers import ROOT

from reminisce.cli import build_parser


def commands(parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()) -> set[str]:
    found = set()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found |= commands(sub, (*prefix, name)) or {" ".join((*prefix, name))}
    return found


def test_every_command_is_in_the_readme_and_every_documented_command_exists():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    real = commands(build_parser())
    assert {"init", "demo", "resident list", "catalog import", "suggest", "user add", "backup", "doctor"} <= real
    for command in real:
        forms = (f"python -m reminisce {command}", f"`{command}`", f"`{command} ")
        assert any(form in readme for form in forms), f"{command} is not in the README"
    documented = set(re.findall(r"`python -m reminisce ([a-z]+(?: [a-z]+)?)", readme))
    for command in documented:
        assert command in real or command.split()[0] in real, command
