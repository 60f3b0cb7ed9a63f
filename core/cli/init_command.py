"""``actions init``: scaffold a destination plugin package that passes ``actions test`` at once."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import ActionsError
from ..scaffold import load_destination, scaffold
from ..testing.discovery import default_snapshot_dir
from ..testing.runner import RunOptions, action_steps
from .installed import exit_invalid


@click.command("init")
@click.argument("name")
@click.option(
    "--directory",
    type=click.Path(file_okay=False, path_type=Path),
    help="Where to create the package (default: ./actions-NAME). It must be absent or empty.",
)
def init_command(name: str, directory: Path | None) -> None:
    """Create a new destination plugin package called NAME (e.g. "acme" or "my-crm").

    The package declares one example action with two fields, a preset, a password setting and the
    `actions` entry point; it has a test and the snapshots of its action, so after
    `pip install -e DIR` both `actions test NAME` and its own tests pass.
    """
    root = directory or Path(f"actions-{name.replace('_', '-')}")
    try:
        project = scaffold(name, root)
        destination = load_destination(project)
    except ActionsError as error:
        exit_invalid(str(error))
    options = RunOptions(
        snapshots=default_snapshot_dir(project.tests, destination.key), update=True
    )
    for action in destination.actions.values():
        for step in action_steps(destination, action, options):
            if not step.passed:  # the templates are ours: this is a bug in actions itself
                exit_invalid(f"the new package fails its own check: {step.result}", step.details)
    click.echo(f"created {project.root}/ (destination {name}, package {project.package})")
    click.echo("next:")
    click.echo(f"  pip install -e {project.root}")
    click.echo(f"  actions test {name}")
