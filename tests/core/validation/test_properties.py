"""Properties over arbitrary JSON: only typed errors, no mutation, valid output stays valid."""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from actions_core.errors import PayloadValidationError
from actions_core.fields import Condition, Conditions, Field
from actions_core.validation import (
    PayloadValidator,
    ValidationResult,
    compile_validator,
    parse_js_date,
)
from actions_core.validation.formats import FORMAT_CHECKS
from tests.core.validation.reference_fields import action_fields

EVERY_KIND = {
    "s": Field(label="S", type="string", minimum=1, maximum=5, required=True),
    "t": Field(label="T", type="text"),
    "p": Field(label="P", type="password"),
    "n": Field(label="N", type="number", minimum=1, maximum=100),
    "i": Field(label="I", type="integer", allow_null=True),
    "b": Field(label="B", type="boolean"),
    "d": Field(label="D", type="datetime"),
    "e": Field(label="E", type="string", format="email", multiple=True),
    "u": Field(label="U", type="string", format="uri"),
    "c": Field(label="C", type="string", choices=["a", "b"], allow_null=True),
    "free": Field(label="Free", type="object"),
    "o": Field(
        label="O",
        type="object",
        properties={
            "k": Field(label="K", type="string", required=True),
            "when": Field(
                label="When",
                type="datetime",
                required=Conditions(conditions=[Condition(field="o.k", operator="is", value="x")]),
            ),
        },
    ),
    "items": Field(
        label="Items",
        type="object",
        multiple=True,
        additional_properties=True,
        properties={
            "sku": Field(label="SKU", type="string", required=True),
            "q": Field(label="Q", type="integer"),
        },
    ),
    "needs": Field(
        label="Needs",
        type="string",
        required=Conditions(
            conditions=[
                Condition(field="b", operator="is", value=True),
                Condition(field="s", operator="is_not"),
            ],
            match="any",
        ),
    ),
}

json_scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text()
)
json_values = st.recursive(
    json_scalars,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=5), children, max_size=4)
    ),
    max_leaves=12,
)


def payloads(keys: list[str]) -> st.SearchStrategy[dict[str, Any]]:
    return st.dictionaries(
        st.sampled_from(keys) | st.text(max_size=4), json_values, max_size=len(keys) + 2
    )


def _outcome(
    validator: PayloadValidator, payload: Any
) -> ValidationResult | PayloadValidationError:
    try:
        return validator.check(payload)
    except PayloadValidationError as error:
        return error


def _check_properties(fields: dict[str, Field], payload: dict[str, Any]) -> None:
    validator = compile_validator(fields)
    before = copy.deepcopy(payload)

    outcome = _outcome(validator, payload)

    assert payload == before
    if isinstance(outcome, PayloadValidationError):
        assert outcome.issues
        assert all(issue.message.endswith(".") for issue in outcome.issues)
        assert str(outcome) == " ".join(issue.message for issue in outcome.issues)
    else:
        assert set(outcome.payload) <= set(fields)
        # a valid payload stays valid; a second pass changes nothing more (the first may still
        # leave a top-level "" made by coercion, e.g. `[null]` → `""`, which the next removes)
        again = validator.validate(outcome.payload)
        assert validator.validate(again) == again


@settings(max_examples=200, deadline=None)
@given(payloads(list(EVERY_KIND)))
def test_every_kind_of_field(payload: dict[str, Any]) -> None:
    _check_properties(EVERY_KIND, payload)


ORDER_COMPLETED = action_fields("insider", "orderCompletedEvent")


@settings(max_examples=150, deadline=None)
@given(payloads(list(ORDER_COMPLETED)))
def test_insider_order_completed(payload: dict[str, Any]) -> None:
    _check_properties(ORDER_COMPLETED, payload)


@settings(max_examples=100, deadline=None)
@given(json_values)
def test_any_json_value_as_the_payload(value: Any) -> None:
    before = copy.deepcopy(value)

    _outcome(compile_validator(EVERY_KIND), value)

    assert value == before


@settings(max_examples=300, deadline=None)
@given(st.text() | st.from_regex(r"[0-9A-Za-z :+\-./,()TZ]{0,30}", fullmatch=True))
def test_format_checks_answer_for_any_text(text: str) -> None:
    for name, is_valid in FORMAT_CHECKS.items():
        assert is_valid(text) in (True, False), name
    epoch_ms = parse_js_date(text)
    assert epoch_ms is None or abs(epoch_ms) <= 8.64e15
