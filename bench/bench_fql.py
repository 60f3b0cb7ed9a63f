"""How many events per second a compiled subscription checks (one core, no parsing per event).

Run: ``python bench/bench_fql.py`` (with actions_core importable). Prints events/s per expression;
the target for ``type = "track" and event = "Order Completed"`` is at least 500,000 per second.
"""

from __future__ import annotations

import time

from actions_core.subscriptions import compile_fql

ITERATIONS = 1_000_000
TARGET_PER_SECOND = 500_000  # for the first expression

EVENT = {
    "type": "track",
    "event": "Order Completed",
    "userId": "user-123",
    "properties": {"total": 99.5, "currency": "USD", "nested": {"level": {"deep": "yes"}}},
    "traits": {"plan": "premium"},
    "context": {"page": {"url": "https://example.com/checkout?step=2"}},
}

EXPRESSIONS = [
    'type = "track" and event = "Order Completed"',
    'type = "track"',
    "properties.total > 50",
    'properties.nested.level.deep = "yes"',
    'contains(context.page.url, "checkout") and !match(event, "Refund*")',
    '(type = "identify" or type = "track") and properties.total > 50 and userId != null',
    'type = "page" or event = "Signed Up" or event = "Order Refunded"',
]


def events_per_second(expression: str, iterations: int = ITERATIONS) -> float:
    matches = compile_fql(expression).matches
    event = EVENT
    start = time.perf_counter()
    for _ in range(iterations):
        matches(event)
    return iterations / (time.perf_counter() - start)


def compiles_per_second(expression: str, iterations: int = 100_000) -> float:
    """compile_fql per event (the cache makes it a lookup)."""
    compile_fql(expression)
    start = time.perf_counter()
    for _ in range(iterations):
        compile_fql(expression)
    return iterations / (time.perf_counter() - start)


def main() -> None:
    width = max(len(expression) for expression in EXPRESSIONS)
    results = {expression: events_per_second(expression) for expression in EXPRESSIONS}
    for expression, rate in results.items():
        print(f"{expression:<{width}}  {rate:>12,.0f} events/s")
    cached = compiles_per_second(EXPRESSIONS[0])
    print(f"{'compile_fql(...) from the cache':<{width}}  {cached:>12,.0f} calls/s")
    verdict = "met" if results[EXPRESSIONS[0]] >= TARGET_PER_SECOND else "NOT met"
    print(f"target {TARGET_PER_SECOND:,} events/s for {EXPRESSIONS[0]!r}: {verdict}")


if __name__ == "__main__":
    main()
