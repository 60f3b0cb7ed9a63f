"""``actions docs``: a destination's reference page in Markdown."""

from __future__ import annotations

import click

from ..reference_page import render_reference_page
from .installed import exit_invalid, find_destination


@click.command("docs")
@click.argument("destination")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True),
    help="Write the page to this file instead of standard output.",
)
def docs_command(destination: str, output: str | None) -> None:
    """Print DESTINATION's reference page (Markdown): settings, presets, and every action with its
    trigger, batching support and field table. DESTINATION is a short name or a slug.
    """
    page = render_reference_page(find_destination(destination).destination)
    if output is None:
        click.echo(page, nl=False)
        return
    try:
        with open(output, "w", encoding="utf-8") as handle:
            handle.write(page)
    except OSError as error:
        exit_invalid(f"cannot write {output}: {error.strerror}")
    click.echo(f"wrote {output}", err=True)
