"""actions: event destinations in the style of Segment Actions.

This module is the public API; import from here, not from submodules. The mapping language lives in
:mod:`actions_core.mapping`, subscriptions (FQL) in :mod:`actions_core.subscriptions`, the test harness
in :mod:`actions_core.testing`.
"""

from .definitions import (
    Action,
    ActionData,
    ActionSubscription,
    BatchData,
    Destination,
    Preset,
    RequestData,
)
from .describe import describe_destination
from .errors import (
    ActionsError,
    ConnectionFailedError,
    DefinitionError,
    DuplicateDestinationError,
    FQLSyntaxError,
    HTTPError,
    IntegrationError,
    InvalidAuthenticationError,
    InvalidEventError,
    InvalidSettingsError,
    MappingRuntimeError,
    MappingValidationError,
    PayloadValidationError,
    PerformError,
    Problem,
    RequestTimeoutError,
    RetryableError,
    UnknownActionError,
    UnknownDestinationError,
    ValidationIssue,
)
from .execute import DestinationInstance
from .fields import Choice, Condition, Conditions, Field
from .jsvalues import MISSING, Missing
from .lint import Finding, lint_destination
from .mapping import CompiledMapping, compile_mapping, transform, transform_batch, validate_mapping
from .plugins import PluginLoadError, Registry, default_registry, hookimpl
from .recording import RecordingSender
from .reference_page import render_reference_page
from .request import RequestClient, RequestOptions, Response
from .results import BatchItemFailure, BatchItemSuccess, EventResult, MultiStatus
from .secrets import RedactingFilter, Secrets
from .settings import Settings
from .subscriptions import FQLWarning, Subscription, compile_fql
from .validation import ValidationResult, compile_validator, fields_to_json_schema

__all__ = [
    "MISSING",
    "Action",
    "ActionData",
    "ActionSubscription",
    "ActionsError",
    "BatchData",
    "BatchItemFailure",
    "BatchItemSuccess",
    "Choice",
    "CompiledMapping",
    "Condition",
    "Conditions",
    "ConnectionFailedError",
    "DefinitionError",
    "Destination",
    "DestinationInstance",
    "DuplicateDestinationError",
    "EventResult",
    "FQLSyntaxError",
    "FQLWarning",
    "Field",
    "Finding",
    "HTTPError",
    "IntegrationError",
    "InvalidAuthenticationError",
    "InvalidEventError",
    "InvalidSettingsError",
    "MappingRuntimeError",
    "MappingValidationError",
    "Missing",
    "MultiStatus",
    "PayloadValidationError",
    "PerformError",
    "PluginLoadError",
    "Preset",
    "Problem",
    "RecordingSender",
    "RedactingFilter",
    "Registry",
    "RequestClient",
    "RequestData",
    "RequestOptions",
    "RequestTimeoutError",
    "Response",
    "RetryableError",
    "Secrets",
    "Settings",
    "Subscription",
    "UnknownActionError",
    "UnknownDestinationError",
    "ValidationIssue",
    "ValidationResult",
    "compile_fql",
    "compile_mapping",
    "compile_validator",
    "default_registry",
    "describe_destination",
    "fields_to_json_schema",
    "hookimpl",
    "lint_destination",
    "render_reference_page",
    "transform",
    "transform_batch",
    "validate_mapping",
]
