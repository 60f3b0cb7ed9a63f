"""The ``actions`` command line: see ``actions --help`` and docs/cli.md.

Every command reads and writes JSON one object per line, so commands compose with pipes. Exit codes:
0 success, 1 some events failed (each has an error line in the output), 2 the command itself was
given something invalid (a mapping, an FQL expression, a file).
"""

from __future__ import annotations

import click

from .describe_command import describe_command
from .docs_command import docs_command
from .init_command import init_command
from .list_command import list_command
from .map_command import map_command
from .match_command import match_command
from .send_command import send_command
from .test_command import test_command
from .validate_command import validate_command

__all__ = ["main"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="actions", prog_name="actions")
def main() -> None:
    """See exactly what a destination would do with your events."""


main.add_command(map_command)
main.add_command(match_command)
main.add_command(test_command)
main.add_command(init_command)
main.add_command(list_command)
main.add_command(describe_command)
main.add_command(validate_command)
main.add_command(send_command)
main.add_command(docs_command)
