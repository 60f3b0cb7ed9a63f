"""actions: event destinations in the style of Segment Actions.

This module is the public API; import from here, not from submodules. The mapping language lives in
:mod:`actions_core.mapping`, subscriptions (FQL) in :mod:`actions_core.subscriptions`.
"""

from .errors import (
    ActionsError,
    FQLSyntaxError,
    InvalidEventError,
    MappingRuntimeError,
    MappingValidationError,
    Problem,
)
from .jsvalues import MISSING, Missing
from .mapping import CompiledMapping, compile_mapping, transform, transform_batch, validate_mapping
from .subscriptions import FQLWarning, Subscription, compile_fql

__all__ = [
    "MISSING",
    "ActionsError",
    "CompiledMapping",
    "FQLSyntaxError",
    "FQLWarning",
    "InvalidEventError",
    "MappingRuntimeError",
    "MappingValidationError",
    "Missing",
    "Problem",
    "Subscription",
    "compile_fql",
    "compile_mapping",
    "transform",
    "transform_batch",
    "validate_mapping",
]
