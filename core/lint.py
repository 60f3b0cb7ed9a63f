"""Checks of a destination definition that catch, before any event is sent, what would fail later.

Segment's runtime accepts presets whose mapping cannot satisfy their own action's required fields,
defaults that are not valid mappings and FQL it reads differently from how it looks; each of those
fails (or silently misbehaves) only when events arrive. :func:`lint_destination` reports every such
problem at once, each at a location like ``insider/actions/trackEvent/fields/uuid/default``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Final, Literal

import attrs

from .definitions import Action, Destination, Preset
from .errors import DefinitionError, FQLSyntaxError, MappingValidationError
from .fields import FIELD_TYPES, Conditions, Field
from .mapping import compile_mapping
from .mapping.common import is_directive
from .subscriptions import compile_fql
from .validation import fields_to_json_schema

__all__ = ["EVENT_SLUGS", "FORMATS", "SETTING_TYPES", "Finding", "lint_destination"]

SETTING_TYPES: Final = ("string", "password", "number", "boolean")
"""The types a destination setting may have (Segment's ``GlobalSetting``)."""

FORMATS: Final = (
    "date", "time", "date-time", "uri", "uri-reference", "uri-template", "email", "hostname",
    "ipv4", "ipv6", "regex", "uuid", "password", "text",
)  # fmt: skip
"""The string formats a field may declare (the ajv-formats set Segment validates with)."""

EVENT_SLUGS: Final = (
    "warehouse_entity_added_track", "warehouse_entity_removed_track",
    "warehouse_audience_entered_track", "warehouse_audience_exited_track",
    "warehouse_audience_membership_changed_identify", "warehouse_entity_values_changed_track",
    "warehouse_all_events_track", "journeys_step_entered_track", "journey_step_all_events_track",
)  # fmt: skip
"""The Segment events a ``specificEvent`` preset may bind to."""

_LENGTH_OR_RANGE_TYPES: Final = ("string", "number")


@attrs.frozen
class Finding:
    """One problem in a definition: ``error`` breaks events, ``warning`` probably surprises someone."""

    severity: Literal["error", "warning"]
    location: str
    message: str

    def __str__(self) -> str:
        return f"{self.severity}: {self.location}: {self.message}"


def lint_destination(destination: Destination) -> list[Finding]:
    """Every problem found in ``destination``, in the order settings, actions, presets."""
    linter = _Linter()
    root = destination.key
    for key, field in destination.settings.items():
        linter.setting(f"{root}/settings/{key}", field, destination.settings)
    linter.schema(f"{root}/settings", destination.settings)
    for key, action in destination.actions.items():
        linter.action(f"{root}/actions/{key}", action)
        linter.schema(f"{root}/actions/{key}/fields", action.fields)
    names = [preset.name for preset in destination.presets]
    for index, preset in enumerate(destination.presets):
        location = f"{root}/presets/{index}"
        linter.preset(location, preset, destination)
        if names.count(preset.name) > 1:
            linter.warning(location, f'another preset is also named "{preset.name}"')
    return linter.findings


class _Linter:
    def __init__(self) -> None:
        self.findings: list[Finding] = []

    def error(self, location: str, message: str) -> None:
        self.findings.append(Finding("error", location, message))

    def warning(self, location: str, message: str) -> None:
        self.findings.append(Finding("warning", location, message))

    # Settings and actions

    def setting(self, location: str, field: Field, settings: Mapping[str, Field]) -> None:
        if field.type not in SETTING_TYPES:
            self.error(
                f"{location}/type",
                f'a setting must be of type {_either(SETTING_TYPES)}, not "{field.type}"',
            )
        if field.is_secret and field.has_default:
            self.error(
                f"{location}/default",
                "a password setting must not have a default: the secret would be in the "
                "plugin's code and in every description of the destination",
            )
        self.field(location, field, settings, mapped=False)

    def action(self, location: str, action: Action) -> None:
        if not action.title.strip():
            self.warning(f"{location}/title", "the action has no title")
        if action.default_subscription is not None:
            self.subscription(f"{location}/default_subscription", action.default_subscription)
        for key, field in action.fields.items():
            self.field(f"{location}/fields/{key}", field, action.fields, mapped=True)

    def schema(self, location: str, fields: Mapping[str, Field]) -> None:
        """Whatever the checks above missed, fields no JSON Schema can express are an error."""
        if any(f.severity == "error" and f.location.startswith(location) for f in self.findings):
            return
        try:
            fields_to_json_schema(fields)
        except DefinitionError as error:
            self.error(location, f"no JSON Schema can be built: {error}")

    def subscription(self, location: str, fql: str) -> None:
        try:
            subscription = compile_fql(fql)
        except FQLSyntaxError as error:
            self.error(location, f"invalid subscription: {error}")
            return
        for warning in subscription.warnings:
            self.warning(location, str(warning))

    # Fields

    def field(
        self, location: str, field: Field, root: Mapping[str, Field], *, mapped: bool
    ) -> None:
        """Check one field; ``root`` holds the fields conditions are resolved against."""
        if field.type not in FIELD_TYPES:
            declared: str = field.type  # a plugin may declare any text, typed or not
            hint = " (hide a field with hidden=True)" if declared == "hidden" else ""
            self.error(
                f"{location}/type",
                f'"{field.type}" is not a field type; use {_either(FIELD_TYPES)}{hint}',
            )
        if not field.label.strip():
            self.warning(f"{location}/label", "no label: validation messages name fields by it")
        self.choices(location, field)
        if mapped and field.has_default:
            self.mapping(location, {"default": field.default})
        self.limits(location, field)
        if field.format is not None and field.format not in FORMATS:
            self.error(
                f"{location}/format", f'unknown format "{field.format}"; use {_either(FORMATS)}'
            )
        elif field.format is not None and field.type == "datetime":
            self.warning(
                f"{location}/format",
                'ignored: datetime fields are always checked with the "date-like" format',
            )
        for name in ("required", "depends_on"):
            conditions = getattr(field, name)
            if isinstance(conditions, Conditions):
                self.conditions(f"{location}/{name}", conditions, root)
        if field.type != "object":
            if field.properties is not None:
                self.error(
                    f"{location}/properties",
                    f"only object fields have properties; this field is a {field.type}",
                )
            if field.additional_properties:
                self.warning(
                    f"{location}/additional_properties",
                    f"ignored: only object fields have properties; this field is a {field.type}",
                )
        for key, child in (field.properties or {}).items():
            self.field(f"{location}/properties/{key}", child, root, mapped=mapped)

    def choices(self, location: str, field: Field) -> None:
        if field.choices is None:
            return
        if not field.choices:
            self.error(f"{location}/choices", "the list of choices is empty: no value can pass")
            return
        values = [choice.value for choice in field.choices]
        repeated = sorted({repr(value) for value in values if values.count(value) > 1})
        if repeated:
            self.warning(f"{location}/choices", f"repeated choices: {', '.join(repeated)}")
        if not field.has_default or _holds_directive(field.default) or field.default in (None, ""):
            return
        defaults = (
            field.default if field.multiple and isinstance(field.default, list) else [field.default]
        )
        for value in defaults:
            if value not in values:
                self.error(
                    f"{location}/default",
                    f"the default {value!r} is not one of the choices "
                    f"({', '.join(repr(each) for each in values)})",
                )

    def limits(self, location: str, field: Field) -> None:
        limits = {"minimum": field.minimum, "maximum": field.maximum}
        given = {name: limit for name, limit in limits.items() if limit is not None}
        if not given:
            return
        if field.type not in _LENGTH_OR_RANGE_TYPES:
            self.warning(
                f"{location}/{next(iter(given))}",
                "ignored: minimum and maximum apply to string lengths and number values only, "
                f"not to a {field.type} field",
            )
        for name, limit in given.items():
            if field.type == "string" and (limit < 0 or limit != int(limit)):
                self.error(
                    f"{location}/{name}",
                    f"{name} {limit:g} is not a whole number of characters (a string field's "
                    "minimum and maximum are lengths)",
                )
            elif field.type == "number" and limit == 0:
                self.warning(
                    f"{location}/{name}",
                    f"{name} 0 means no limit (as in Segment): write a small non-zero bound, or "
                    "check the sign in perform",
                )
        if (
            field.minimum is not None
            and field.maximum is not None
            and field.minimum > field.maximum
        ):
            self.error(
                f"{location}/minimum",
                f"minimum {field.minimum:g} is greater than maximum {field.maximum:g}: "
                "no value can pass",
            )

    def conditions(self, location: str, conditions: Conditions, root: Mapping[str, Field]) -> None:
        if not conditions.conditions:
            self.error(location, "no conditions: give at least one")
        for index, condition in enumerate(conditions.conditions):
            if not _resolves(condition.field, root):
                self.error(
                    f"{location}/conditions/{index}/field",
                    f'"{condition.field}" is not a field (fields: {", ".join(root)})',
                )

    def mapping(self, location: str, mapping: Any) -> bool:
        """Compile ``mapping``, reporting every problem at ``location`` plus its place inside."""
        try:
            compile_mapping(mapping)
        except MappingValidationError as error:
            for problem in error.problems:
                place = "" if problem.location == "/" else problem.location
                self.error(location + place, f"invalid mapping: {problem.reason}")
            return False
        return True

    # Presets

    def preset(self, location: str, preset: Preset, destination: Destination) -> None:
        action = destination.actions.get(preset.action)
        if action is None:
            self.error(
                f"{location}/action",
                f'preset "{preset.name}" names the action "{preset.action}", which does not '
                f"exist (actions: {', '.join(destination.actions)})",
            )
        if preset.type == "specificEvent":
            if preset.event_slug not in EVENT_SLUGS:
                self.error(
                    f"{location}/event_slug",
                    f"a specificEvent preset needs an event_slug out of {_either(EVENT_SLUGS)}",
                )
            if preset.subscribe is not None:
                self.warning(f"{location}/subscribe", "ignored by a specificEvent preset")
        elif preset.subscribe is None:
            self.error(f"{location}/subscribe", "an automatic preset needs a subscription (FQL)")
        else:
            self.subscription(f"{location}/subscribe", preset.subscribe)
        if preset.mapping is not None and not self.mapping(f"{location}/mapping", preset.mapping):
            return
        if action is not None:
            self.preset_mapping(location, preset, action)

    def preset_mapping(self, location: str, preset: Preset, action: Action) -> None:
        """The mapping a preset runs with must give every required field a value."""
        own = preset.mapping is not None
        mapping = dict(preset.mapping) if preset.mapping is not None else action.default_mapping
        source = "its mapping" if own else f'the default mapping of "{action.key}"'
        for key, field in action.fields.items():
            if field.required is not True:
                continue
            if key not in mapping:
                self.error(
                    f"{location}/mapping",
                    f'preset "{preset.name}": {source} has no value for the required field '
                    f'"{key}" ({field.label}), so every event it sends fails validation',
                )
            elif mapping[key] == "" or (mapping[key] is None and not field.allow_null):
                self.error(
                    f"{location}/mapping/{key}" if own else f"{location}/mapping",
                    f'preset "{preset.name}": {source} sets the required field "{key}" to '
                    f"{'an empty string' if mapping[key] == '' else 'null'}, which is removed "
                    "before validation, so every event it sends fails",
                )
        if own and action.fields:
            for key in mapping:
                if key not in action.fields:
                    self.warning(
                        f"{location}/mapping/{key}",
                        f'"{key}" is not a field of "{action.key}": it is removed before perform',
                    )


def _resolves(path: str, root: Mapping[str, Field]) -> bool:
    """Whether a condition's field (``key`` or ``object.key``) names a declared field."""
    fields: Mapping[str, Field] | None = root
    for part in path.split("."):
        if fields is None or part not in fields:
            return False
        fields = fields[part].properties
    return True


def _holds_directive(value: Any) -> bool:
    if is_directive(value):
        return True
    if isinstance(value, dict):
        return any(_holds_directive(item) for item in value.values())
    if isinstance(value, list):
        return any(_holds_directive(item) for item in value)
    return False


def _either(options: Iterable[str]) -> str:
    listed = [f'"{option}"' for option in options]
    return ", ".join(listed[:-1]) + " or " + listed[-1]
