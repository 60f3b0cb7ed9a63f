"""Request options: the defaults every request carries, merged in layers.

The request client lays them base ← ``extend_request`` ← the call; only what a layer sets overrides
the layers below, and headers merge without regard to case.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

import attrs

from .jsvalues import MISSING, Missing
from .secrets import REDACTED

__all__ = ["RequestOptions", "header_names", "merge_headers"]

_OPTION_NAMES: Final = (
    "headers",
    "timeout",
    "params",
    "username",
    "password",
    "throw_http_errors",
)


def header_names(headers: Mapping[str, str | None]) -> str:
    return repr(list(headers))  # names only: values may be credentials


def _param_names(params: Mapping[str, Any] | None) -> str:
    return "None" if params is None else repr(list(params))  # names only: values may be keys


def _hidden(value: object) -> str:
    return "None" if value is None else repr(REDACTED)


@attrs.frozen(kw_only=True, init=False)
class RequestOptions:
    """Defaults merged into every request: base ← ``destination.extend_request(...)`` ← the call.

    Only the options a layer was given override the layers below it, so ``RequestOptions(headers=…)``
    keeps an earlier layer's timeout. Headers merge by name, case-insensitively, the later value
    winning; a ``None`` value deletes the header (also the default ``User-Agent``); values that are
    not ASCII go out as UTF-8. ``params`` replace any query string already in the URL; the layers'
    params merge key by key. Unknown names in a dict of options are a TypeError naming them.
    """

    headers: Mapping[str, str | None] = attrs.field(repr=header_names)
    timeout: float | None
    """Seconds for the whole request, redirects included; None waits for ever."""
    params: Mapping[str, Any] | None = attrs.field(repr=_param_names)
    username: str | None = attrs.field(repr=_hidden)
    password: str | None = attrs.field(repr=_hidden)
    throw_http_errors: bool
    _given: frozenset[str] = attrs.field(eq=False, repr=False)

    def __init__(
        self,
        *,
        headers: Mapping[str, str | None] | Missing = MISSING,
        timeout: float | Missing | None = MISSING,
        params: Mapping[str, Any] | Missing | None = MISSING,
        username: str | Missing | None = MISSING,
        password: str | Missing | None = MISSING,
        throw_http_errors: bool | Missing = MISSING,
    ) -> None:
        given = {
            name
            for name, value in zip(
                _OPTION_NAMES,
                (headers, timeout, params, username, password, throw_http_errors),
                strict=True,
            )
            if value is not MISSING
        }
        self.__attrs_init__(
            headers={} if isinstance(headers, Missing) else dict(headers),
            timeout=10.0 if isinstance(timeout, Missing) else timeout,
            params=None if isinstance(params, Missing) else params,
            username=None if isinstance(username, Missing) else username,
            password=None if isinstance(password, Missing) else password,
            throw_http_errors=True if isinstance(throw_http_errors, Missing) else throw_http_errors,
            given=frozenset(given),
        )

    @classmethod
    def from_mapping(cls, options: Mapping[str, Any]) -> RequestOptions:
        """Options from a plain dict, as ``extend_request`` may return them."""
        unknown = sorted(set(options) - set(_OPTION_NAMES))
        if unknown:
            raise TypeError(
                f"unknown request option {', '.join(map(repr, unknown))} "
                f"(known: {', '.join(_OPTION_NAMES)})"
            )
        return cls(**options)

    def merged(self, other: RequestOptions | Mapping[str, Any] | None) -> RequestOptions:
        """These options with ``other``'s laid over them (later wins)."""
        if other is None:
            return self
        if not isinstance(other, RequestOptions):
            other = RequestOptions.from_mapping(other)
        changes: dict[str, Any] = {name: getattr(other, name) for name in other._given}
        if "headers" in changes:
            changes["headers"] = merge_headers(self.headers, other.headers)
        if other.params is not None and self.params is not None:
            changes["params"] = {**self.params, **other.params}
        elif other.params is None:
            changes.pop("params", None)
        values = {name: getattr(self, name) for name in _OPTION_NAMES} | changes
        merged = object.__new__(RequestOptions)
        merged.__attrs_init__(**values, given=self._given | other._given)
        return merged


def merge_headers(
    base: Mapping[str, str | None], layer: Mapping[str, str | None]
) -> dict[str, str | None]:
    """``layer`` over ``base`` by case-insensitive name; the layer's spelling of a name is kept."""
    merged = dict(base)
    if not layer:
        return merged
    spelling = {name.lower(): name for name in merged}
    for name, value in layer.items():
        earlier = spelling.pop(name.lower(), None)
        if earlier is not None:
            del merged[earlier]
        merged[name] = value
        spelling[name.lower()] = name
    return merged
