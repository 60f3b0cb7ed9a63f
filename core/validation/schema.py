"""Fields → JSON Schema, the shape Segment's ``fieldsToJsonSchema`` gives them.

The schema is what ``actions describe --json`` and the generated docs show, and it is also what
:mod:`.validator` compiles, so what users read is exactly what is enforced. One deliberate change
from Segment: a ``multiple`` field's ``format`` goes on its items, so every item is checked.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from ..errors import DefinitionError
from ..fields import FIELD_TYPES, Condition, Conditions, Field
from ..jsvalues import MISSING
from .formats import FORMAT_CHECKS

__all__ = [
    "SCHEMA_DIALECT",
    "escape_pointer",
    "fields_to_json_schema",
    "schema_types",
]

SCHEMA_DIALECT: Final = "http://json-schema.org/schema#"

_JSON_TYPES: Final[dict[str, str | list[str]]] = {
    "string": "string",
    "text": "string",
    "password": "string",
    "number": "number",
    "integer": "integer",
    "boolean": "boolean",
    "datetime": ["string", "number"],
    "object": "object",
}
_IMPLIED_FORMATS: Final = {"datetime": "date-like", "password": "password", "text": "text"}
_DECLARABLE_FORMATS: Final = tuple(name for name in FORMAT_CHECKS if name != "date-like")


def schema_types(schema: Mapping[str, Any]) -> tuple[str, ...]:
    """The ``type`` of a schema as a tuple (``()`` when it has none)."""
    declared = schema.get("type")
    if declared is None:
        return ()
    return (declared,) if isinstance(declared, str) else tuple(declared)


def escape_pointer(key: str) -> str:
    """A key as a JSON-pointer segment: ``~`` → ``~0``, ``/`` → ``~1``."""
    return key.replace("~", "~0").replace("/", "~1")


def fields_to_json_schema(fields: Mapping[str, Field]) -> dict[str, Any]:
    """The root schema of an action's (or a destination's settings) fields.

    Raises :class:`~actions_core.errors.DefinitionError` for a field no schema can express
    (an unknown type or format, a non-integer string length).
    """
    conditional: list[tuple[tuple[str, ...], Conditions]] = []
    root = {"$schema": SCHEMA_DIALECT, **_object_schema(fields, False, (), conditional)}
    if conditional:
        root["allOf"] = [
            {"if": _condition_schema(conditions, path), "then": _then_schema(path)}
            for path, conditions in conditional
        ]
    return root


def _object_schema(
    fields: Mapping[str, Field],
    additional_properties: bool,
    parent: tuple[str, ...],
    conditional: list[tuple[tuple[str, ...], Conditions]],
) -> dict[str, Any]:
    properties: dict[str, Any] = {}
    required: list[str] = []
    for key, field in fields.items():
        path = (*parent, key)
        properties[key] = _field_schema(field, path, conditional)
        if field.required is True:
            required.append(key)
        elif isinstance(field.required, Conditions):
            conditional.append((path, field.required))
    return {
        "type": "object",
        "additionalProperties": additional_properties,
        "properties": properties,
        "required": required,
    }


def _field_schema(
    field: Field,
    path: tuple[str, ...],
    conditional: list[tuple[tuple[str, ...], Conditions]],
) -> dict[str, Any]:
    _check_definition(field, path)
    json_type = _JSON_TYPES[field.type]
    schema: dict[str, Any] = {"title": field.label}
    if field.description:
        schema["description"] = field.description
    schema["type"] = json_type
    declared_format = _IMPLIED_FORMATS.get(field.type, field.format)
    if declared_format is not None:
        schema["format"] = declared_format
    if field.default is not MISSING:
        schema["default"] = field.default
    # minimum/maximum apply to strings (as lengths) and numbers only; 0 means "no limit", as in Segment.
    limits = {"string": ("minLength", "maxLength"), "number": ("minimum", "maximum")}.get(
        field.type
    )
    if limits is not None:
        for keyword, limit in zip(limits, (field.minimum, field.maximum), strict=True):
            if limit:
                schema[keyword] = int(limit) if field.type == "string" else limit
    if field.choices is not None:
        schema["enum"] = [choice.value for choice in field.choices]
    if field.allow_null:
        schema["type"] = [*([json_type] if isinstance(json_type, str) else json_type), "null"]
        if "enum" in schema:
            schema["enum"].append(None)
    if field.multiple:
        items: dict[str, Any] = {"type": json_type}
        for moved in ("enum", "format"):  # our change: formats of items are checked too
            if moved in schema:
                items[moved] = schema.pop(moved)
        schema["type"] = "array"
        schema["items"] = items
    if field.type == "object" and field.properties is not None:
        nested = _object_schema(field.properties, field.additional_properties, path, conditional)
        if field.multiple:
            schema["items"] = nested
        else:
            schema.update(nested)  # as in Segment, this also drops allow_null's "null" type
    return schema


def _check_definition(field: Field, path: tuple[str, ...]) -> None:
    where = f"Field '{'.'.join(path)}'"
    if field.type not in FIELD_TYPES:
        raise DefinitionError(
            f"{where} has type {field.type!r}, which is not a field type; use one of: "
            f"{', '.join(FIELD_TYPES)} (hide a field from user interfaces with hidden=True)."
        )
    if field.format is not None and field.format not in _DECLARABLE_FORMATS:
        raise DefinitionError(
            f"{where} has format {field.format!r}, which is not a known format; use one of: "
            f"{', '.join(_DECLARABLE_FORMATS)}."
        )
    if field.type == "string":
        for name, limit in (("minimum", field.minimum), ("maximum", field.maximum)):
            if limit and (limit < 0 or not float(limit).is_integer()):
                raise DefinitionError(
                    f"{where} has {name} {limit!r}; a string field's minimum and maximum are "
                    "lengths, so they must be whole numbers of characters."
                )
    if isinstance(field.required, Conditions) and not field.required.conditions:
        raise DefinitionError(f"{where} has a conditional 'required' without any condition.")


def _condition_schema(conditions: Conditions, path: tuple[str, ...]) -> dict[str, Any]:
    """The ``if`` part: when the conditions hold (keys of objects are reached with dots)."""
    alone = len(conditions.conditions) == 1
    parts = [_one_condition(condition, alone) for condition in conditions.conditions]
    if alone:
        return parts[0]
    return {"anyOf" if conditions.match == "any" else "allOf": parts}


def _one_condition(condition: Condition, alone: bool) -> dict[str, Any]:
    *parents, key = condition.field.split(".")
    schema: dict[str, Any]
    if condition.value is MISSING:  # "has a value" / "has no value"
        if condition.operator == "is":
            schema = (
                {"anyOf": [{"not": {"required": [key]}}, {"properties": {key: {"type": "null"}}}]}
                if alone
                else {"not": {"required": [key]}}
            )
        else:
            schema = (
                {"allOf": [{"required": [key]}, {"not": {"properties": {key: {"type": "null"}}}}]}
                if alone
                else {"required": [key]}
            )
    else:
        const: dict[str, Any] = {"const": condition.value}
        schema = {
            "properties": {key: const if condition.operator == "is" else {"not": const}},
            "required": [key],
        }
    for parent in reversed(parents):
        if condition.value is MISSING and condition.operator == "is":
            # "a.b has no value" also holds when there is no "a" at all
            schema = {"anyOf": [{"not": {"required": [parent]}}, {"properties": {parent: schema}}]}
        else:
            schema = {"properties": {parent: schema}, "required": [parent]}
    return schema


def _then_schema(path: tuple[str, ...]) -> dict[str, Any]:
    """The ``then`` part: the field is required, and so is every object on the way to it."""
    schema: dict[str, Any] = {"required": [path[-1]]}
    for parent in reversed(path[:-1]):
        schema = {"properties": {parent: schema}, "required": [parent]}
    return schema
