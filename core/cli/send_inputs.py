"""What ``actions send`` checks before the first event: settings, the mapping, the presets.

Each check adds what is wrong to a :class:`Problems` list instead of stopping, so one run shows
every mistake in the user's files (the command then exits 2), not the first one only.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import attrs
import click

from ..definitions import Destination
from ..errors import FQLSyntaxError, InvalidSettingsError, MappingValidationError
from ..jsvalues import js_type_name, number_to_string
from ..mapping import compile_mapping
from ..secrets import Secrets
from ..settings import Settings, validate_settings
from ..subscriptions import compile_fql
from .installed import exit_invalid
from .jsonl import load_json_file

__all__ = ["Problems", "check_presets", "chosen_mapping", "load_object", "raw_secrets", "settings"]


@attrs.define
class Problems:
    """Problems found so far, each a message with indented details."""

    found: list[tuple[str, list[str]]] = attrs.field(factory=list)

    def add(self, message: str, details: Iterable[str] = ()) -> None:
        self.found.append((message, list(details)))

    def exit_if_any(self) -> None:
        """Print every problem on stderr and exit 2, if there is any."""
        if not self.found:
            return
        for message, details in self.found:
            click.echo(f"error: {message}", err=True)
            for detail in details:
                click.echo(f"  {detail}", err=True)
        raise SystemExit(2)


def load_object(path: str, option: str) -> dict[str, Any]:
    """The JSON object in the file ``path`` names; exit 2 when it cannot be read or is no object."""
    value = load_json_file(path, option)
    if not isinstance(value, dict):
        exit_invalid(f"{path} ({option}) must hold a JSON object, not {js_type_name(value)}")
    return value


def raw_secrets(destination: Destination, values: Mapping[str, Any]) -> Secrets:
    """The password values as given, to keep them out of messages before settings are validated."""
    return Secrets(
        value if isinstance(value, str) else number_to_string(value)
        for key, value in values.items()
        if key in destination.secret_settings
        and isinstance(value, str | int | float)
        and not isinstance(value, bool)
    )


def settings(
    destination: Destination,
    values: Mapping[str, Any],
    path: str,
    secrets: Secrets,
    problems: Problems,
) -> Settings | None:
    """The settings validated (and coerced) as the destination declares them; None if invalid."""
    try:
        return validate_settings(destination, values)
    except InvalidSettingsError as error:
        problems.add(
            f"{path} holds invalid settings for {destination.key}:",
            [secrets.redact(issue.message) for issue in error.issues],
        )
        return None


def chosen_mapping(
    destination: Destination, action_key: str | None, path: str | None, problems: Problems
) -> dict[str, Any] | None:
    """The mapping ``--action`` runs with: the defaults with ``--mapping``'s keys over them."""
    if action_key is None:
        if path is not None:
            problems.add("--mapping needs --action: presets run with their own mappings")
        return None
    if action_key not in destination.actions:
        known = ", ".join(destination.actions) or "none"
        problems.add(
            f'destination "{destination.key}" has no action "{action_key}" (actions: {known})'
        )
        return None
    overrides = load_object(path, "--mapping") if path is not None else {}
    mapping = destination.actions[action_key].mapping_with(overrides)
    try:
        compile_mapping(mapping)
    except MappingValidationError as error:
        given = f"{path} over " if path is not None else ""
        problems.add(
            f"the mapping ({given}the defaults of {action_key}) is not valid:",
            [str(problem) for problem in error.problems],
        )
    return mapping


def check_presets(destination: Destination, problems: Problems) -> None:
    """Every preset must name an action and have valid FQL and a valid mapping."""
    found = []
    for preset in destination.preset_subscriptions:
        where = f'preset "{preset.name}"'
        if preset.action not in destination.actions:
            found.append(f'{where}: no action "{preset.action}"')
        try:
            compile_fql(preset.subscribe)
        except FQLSyntaxError as error:
            found.append(f"{where}: invalid subscription: {error}")
        if preset.mapping is not None:
            try:
                compile_mapping(preset.mapping)
            except MappingValidationError as error:
                found.extend(f"{where}: invalid mapping: {each}" for each in error.problems)
    if found:
        problems.add(f"the presets of {destination.key} cannot run (see actions validate):", found)
