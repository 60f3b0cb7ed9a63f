"""Throughput of the mapping language on Insider's orderCompletedEvent default mapping.

Run: ``python bench/bench_mapping.py [--seconds N]``. Prints transforms per second on one core.
Target (issue 2): at least 50,000/s here; Segment's own engine manages about 6,500/s on this machine.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from actions_core.mapping import compile_mapping, transform
from bench.order_completed import order_completed_event, order_completed_mapping

TARGET_PER_SECOND = 50_000


def measure(run: object, seconds: float) -> float:
    """Calls per second of ``run`` over about ``seconds`` (best of three rounds)."""
    assert callable(run)
    best = 0.0
    for _ in range(3):
        calls, started = 0, time.perf_counter()
        while (elapsed := time.perf_counter() - started) < seconds / 3:
            for _ in range(500):
                run()
            calls += 500
        best = max(best, calls / elapsed)
    return best


def main(seconds: float = 3.0) -> list[tuple[str, float, float | None]]:
    mapping, event = order_completed_mapping(), order_completed_event()
    compiled = compile_mapping(mapping)
    return [
        (
            "mapping: compiled orderCompletedEvent",
            measure(lambda: compiled.transform(event), seconds),
            TARGET_PER_SECOND,
        ),
        (
            "mapping: transform() through the cache",
            measure(lambda: transform(mapping, event), seconds),
            None,
        ),
        (
            "mapping: compile orderCompletedEvent",
            measure(lambda: compile_mapping(mapping), seconds),
            None,
        ),
    ]


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3.0)
    for name, rate, target in main(parser.parse_args().seconds):
        verdict = "" if target is None else (" ok" if rate >= target else f" BELOW {target:,}/s")
        print(f"{name:<45} {rate:>12,.0f}/s{verdict}")
