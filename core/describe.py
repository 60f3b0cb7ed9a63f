"""Destination definitions as plain JSON data, for ``actions describe --json`` and other tools.

The converter is cattrs'; hooks for :class:`Destination` and :class:`Action` name the attributes
they show, so functions (``perform``, ``extend_request``…) can never leak into the output and a
password setting's default is never shown. A field without a default has no ``default`` key (null
is a default of its own), and every action carries the JSON Schema its payloads are validated with.
Building that schema raises :class:`~actions_core.errors.DefinitionError` for a malformed field.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import attrs
import cattrs
from cattrs.gen import make_dict_unstructure_fn, override

from .definitions import Action, Destination, Preset
from .fields import Choice, Condition, Conditions, Field
from .secrets import REDACTED
from .validation import fields_to_json_schema

__all__ = ["definition_converter", "describe_destination"]


def _make_converter() -> cattrs.Converter:
    converter = cattrs.Converter(unstruct_collection_overrides={Sequence: list})
    # Inner classes first: a generated hook looks up the hooks of its attributes when it is made.
    for cls in (Choice, Condition, Conditions, Field, Preset):
        generated: Callable[[Any], dict[str, Any]] = make_dict_unstructure_fn(
            cls, converter, default=override(omit_if_default=True)
        )
        if cls is Field:
            generated = _hiding_secret_default(generated)
        converter.register_unstructure_hook(cls, generated)
    # Predicate hooks: registering by class would make cattrs resolve the type hints of the
    # function attributes, which name types only imported for type checking.
    converter.register_unstructure_hook_func(
        lambda cls: cls is Action, lambda action: _action(converter, action)
    )
    converter.register_unstructure_hook_func(
        lambda cls: cls is Destination, lambda destination: _destination(converter, destination)
    )
    return converter


def _hiding_secret_default(
    unstructure: Callable[[Field], dict[str, Any]],
) -> Callable[[Field], dict[str, Any]]:
    """Keys in declaration order (cattrs puts omittable ones last); a password default as ``***``."""
    order = [attribute.name for attribute in attrs.fields(Field)]

    def unstructure_field(field: Field) -> dict[str, Any]:
        data = unstructure(field)
        if field.is_secret and "default" in data:
            data["default"] = REDACTED
        return {name: data[name] for name in order if name in data}

    return unstructure_field


def _schema_without_secrets(schema: Any) -> Any:
    """The schema with the default of every password property shown as ``***``."""
    if isinstance(schema, list):
        return [_schema_without_secrets(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    cleaned = {key: _schema_without_secrets(value) for key, value in schema.items()}
    if cleaned.get("format") == "password" and "default" in cleaned:
        cleaned["default"] = REDACTED
    return cleaned


def _fields(converter: cattrs.Converter, fields: Mapping[str, Field]) -> dict[str, Any]:
    return {key: converter.unstructure(field, Field) for key, field in fields.items()}


def _action(converter: cattrs.Converter, action: Action) -> dict[str, Any]:
    return {
        "key": action.key,
        "title": action.title,
        "description": action.description,
        "default_subscription": action.default_subscription,
        "platform": action.platform,
        "hidden": action.hidden,
        "batching": action.supports_batch,
        "fields": _fields(converter, action.fields),
        "json_schema": _schema_without_secrets(fields_to_json_schema(action.fields)),
    }


def _destination(converter: cattrs.Converter, destination: Destination) -> dict[str, Any]:
    return {
        "key": destination.key,
        "name": destination.name,
        "slug": destination.slug,
        "description": destination.description,
        "mode": destination.mode,
        "authentication_scheme": destination.authentication_scheme,
        "authentication_test": destination.test_authentication is not None,
        "settings": _fields(converter, destination.settings),
        "presets": [converter.unstructure(preset, Preset) for preset in destination.presets],
        "actions": {
            key: converter.unstructure(action, Action)
            for key, action in destination.actions.items()
        },
    }


definition_converter = _make_converter()
"""Unstructures definitions (Destination, Action, Preset, Field…) into JSON-ready data."""


def describe_destination(destination: Destination) -> dict[str, Any]:
    """The whole definition as JSON-ready data: settings, presets, actions with fields and schema."""
    result: dict[str, Any] = definition_converter.unstructure(destination, Destination)
    return result
