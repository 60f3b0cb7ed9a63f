"""Validating payloads (and settings) against fields, with Segment's semantics and messages.

Usage::

    from actions_core.validation import compile_validator

    validator = compile_validator(action.fields)      # once per action
    payload = validator.validate(mapped_payload)      # per event: coerced, cleaned, new dict
    # raises PayloadValidationError listing every problem, e.g.
    # "The root value is missing the required field 'userId'. Count must be an integer but it was a string."

:func:`fields_to_json_schema` gives the JSON Schema the checks are compiled from.
"""

from .formats import is_date_like
from .jsdate import parse_js_date
from .schema import fields_to_json_schema
from .validator import (
    PayloadValidator,
    ValidationResult,
    compile_settings_validator,
    compile_validator,
)

__all__ = [
    "PayloadValidator",
    "ValidationResult",
    "compile_settings_validator",
    "compile_validator",
    "fields_to_json_schema",
    "is_date_like",
    "parse_js_date",
]
