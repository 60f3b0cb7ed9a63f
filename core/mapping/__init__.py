"""Segment's mapping language: directives such as ``{"@path": "$.userId"}`` that turn an event into a payload.

A mapping is validated and compiled once into a :class:`CompiledMapping`; applying it to an event
does no parsing. :func:`transform` compiles through a cache, so calling it repeatedly with the same
mapping costs one compile.

Usage::

    from actions_core.mapping import compile_mapping

    mapping = compile_mapping({"email": {"@path": "$.traits.email"}})
    mapping.transform({"traits": {"email": "ann@example.com"}})   # {"email": "ann@example.com"}
"""

from ..jsvalues import MISSING, Missing
from .compiler import CompiledMapping, compile_mapping, transform, transform_batch, validate_mapping

__all__ = [
    "MISSING",
    "CompiledMapping",
    "Missing",
    "compile_mapping",
    "transform",
    "transform_batch",
    "validate_mapping",
]
