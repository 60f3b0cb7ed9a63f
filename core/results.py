"""The outcome of delivering one event to one action: delivered, or failed with a typed error.

Every event handed to the runtime gets a result, also inside batches, so nothing is lost without a
trace. ``to_dict`` gives Segment's multistatus shape (``status``/``body``/``sent`` or
``status``/``errortype``/``errormessage``/``errorreporter``).
"""

from __future__ import annotations

from typing import Any, Literal

import attrs

from .errors import ActionsError
from .jsvalues import MISSING

__all__ = ["BatchItemFailure", "BatchItemSuccess", "EventResult", "MultiStatus"]


@attrs.frozen(kw_only=True)
class EventResult:
    """What happened to one event in one action."""

    action: str
    status: int
    """The HTTP status of the answer, or the status the error stands for (400 for a bad payload)."""
    body: Any = None
    sent: Any = MISSING
    """The validated payload handed to ``perform`` (MISSING when the event never got that far)."""
    error: ActionsError | None = None
    reporter: Literal["INTEGRATIONS", "DESTINATION"] = "INTEGRATIONS"
    """Who decided the outcome: this framework (mapping, validation) or the destination's API."""

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def retryable(self) -> bool:
        """Whether sending the event again may succeed (timeouts, 429, most 5xx)."""
        return self.error is not None and bool(self.error.retryable)

    def to_dict(self) -> dict[str, Any]:
        """Segment's multistatus entry for this event."""
        if self.error is None:
            entry: dict[str, Any] = {"status": self.status, "body": self.body}
            if self.sent is not MISSING:
                entry["sent"] = self.sent
            return entry
        return {
            "status": self.status,
            "errortype": self.error.code,
            "errormessage": str(self.error),
            "errorreporter": self.reporter,
        }


@attrs.frozen(kw_only=True)
class BatchItemSuccess:
    """One payload of a batch that the destination accepted (for ``perform_batch``'s MultiStatus)."""

    status: int = 200
    body: Any = None


@attrs.frozen(kw_only=True)
class BatchItemFailure:
    """One payload of a batch that was not delivered: rejected by the destination's API (one of
    Iterable's ``failedUpdates``) or stopped by the plugin's own check (``reporter="INTEGRATIONS"``)."""

    error: ActionsError
    body: Any = None
    reporter: Literal["INTEGRATIONS", "DESTINATION"] = "DESTINATION"


MultiStatus = list[BatchItemSuccess | BatchItemFailure]
"""What ``perform_batch`` may return: one item per payload it received, in the same order."""
