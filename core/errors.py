"""The error types every part of actions raises.

Errors are data: each carries a stable ``code``, a message that names where the problem is, and
whether retrying could help. Callers catch :class:`ActionsError` and never see a bare traceback for
bad input.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs


class ActionsError(Exception):
    """Base class of every error actions raises on purpose."""

    code: str = "ACTIONS_ERROR"
    """Stable identifier; a class sets it, or an instance when it depends on the case (HTTPError)."""

    @property
    def retryable(self) -> bool:
        """Whether sending again may succeed. A class overrides it with ``retryable = True`` or,
        where it depends on the instance (an HTTP status), with a property."""
        return False

    @property
    def message(self) -> str:
        return str(self)


@attrs.frozen
class Problem:
    """One thing wrong with a mapping, at one place in it.

    ``location`` is a slash path from the mapping's root through object keys, array indices and
    directive names (``/traits/email/@path``); the root is ``/``.
    """

    location: str
    reason: str

    def __str__(self) -> str:
        return f"{self.location} {self.reason}."


class MappingValidationError(ActionsError):
    """A mapping is malformed. Lists every problem found, not only the first."""

    code = "INVALID_MAPPING"

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))

    @property
    def messages(self) -> list[str]:
        return [str(problem) for problem in self.problems]


class MappingRuntimeError(ActionsError):
    """A well-formed mapping could not be applied to this particular input."""

    code = "MAPPING_FAILED"

    def __init__(self, location: str, reason: str) -> None:
        self.location = location
        self.reason = reason
        super().__init__(f"{location}: {reason}")


class InvalidEventError(ActionsError):
    """The input given to a mapping or subscription is not an event (e.g. not a JSON object)."""

    code = "INVALID_EVENT"


class FQLSyntaxError(ActionsError):
    """A subscription (FQL) expression cannot be parsed.

    ``position`` is the 0-based character offset in ``expression`` where the problem starts.
    """

    code = "INVALID_SUBSCRIPTION"

    def __init__(self, expression: str, position: int, reason: str) -> None:
        self.expression = expression
        self.position = position
        self.reason = reason
        super().__init__(f"{reason} (at position {position})")

    def pointer(self) -> str:
        """The expression with a caret under the offending character, for terminals."""
        return f"{self.expression}\n{' ' * self.position}^"
