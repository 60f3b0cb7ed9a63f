"""How many events per second a compiled subscription checks (one core, no parsing per event).

Run: ``python bench/bench_fql.py`` (``python bench/run.py`` runs every benchmark). Prints events/s per
expression; the target for ``type = "track" and event = "Order Completed"`` is at least 500,000 per second.
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


def main(seconds: float = 3.0) -> list[tuple[str, float, float | None]]:
    """(name, events per second, target) per expression; ``seconds`` is the time to spend overall."""
    iterations = max(10_000, int(seconds * 150_000 / len(EXPRESSIONS)))
    rows: list[tuple[str, float, float | None]] = [
        (
            f"fql: {expression}",
            events_per_second(expression, iterations),
            TARGET_PER_SECOND if index == 0 else None,
        )
        for index, expression in enumerate(EXPRESSIONS)
    ]
    rows.append(("fql: compile_fql(...) from the cache", compiles_per_second(EXPRESSIONS[0]), None))
    return rows


if __name__ == "__main__":
    for name, rate, target in main():
        verdict = "" if target is None else (" ok" if rate >= target else f" BELOW {target:,}/s")
        print(f"{name:<90} {rate:>12,.0f}/s{verdict}")
