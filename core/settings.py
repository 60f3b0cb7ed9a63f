"""A destination's validated settings, which never print their secrets."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from .secrets import Secrets

if TYPE_CHECKING:
    from .definitions import Destination

__all__ = ["REDACTED", "Settings", "validate_settings"]

REDACTED = "***"


class Settings(Mapping[str, Any]):
    """Read-only settings. Values of password settings show as ``***`` in repr and :meth:`redacted`."""

    __slots__ = ("_secret_keys", "_values", "secrets")

    def __init__(
        self, values: Mapping[str, Any], secret_keys: frozenset[str] = frozenset()
    ) -> None:
        self._values = dict(values)
        self._secret_keys = secret_keys
        self.secrets = Secrets(
            str(value) for key, value in self._values.items() if key in secret_keys and value
        )

    def __getitem__(self, key: str) -> Any:
        return self._values[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def redacted(self) -> dict[str, Any]:
        """The settings with every password value replaced by ``***``, safe to print or log."""
        return {
            key: REDACTED if key in self._secret_keys else value
            for key, value in self._values.items()
        }

    def __repr__(self) -> str:
        return f"Settings({self.redacted()!r})"


def validate_settings(destination: Destination, values: Mapping[str, Any]) -> Settings:
    """Check ``values`` against the destination's settings fields (coercing them as Segment does).

    Raises InvalidSettingsError listing every problem. Undeclared keys are dropped, as in Segment.
    Settings already validated (a :class:`Settings`) are returned as they are.
    """
    if isinstance(values, Settings):
        return values
    checked = destination.settings_validator.validate(dict(values))
    return Settings(checked, destination.secret_settings)
