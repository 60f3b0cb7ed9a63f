"""``python -m actions_core.cli``: the same as the ``actions`` command."""

from . import main

main(prog_name="actions")
