"""Throughput of the whole dry-run pipeline for one action: map, validate, build the request, serialise.

Run: ``python bench/bench_pipeline.py [--seconds N]``. Two workloads on a realistic "Order Completed"
event with three products, requests answered in-process (``RecordingSender``, as ``actions send
--dry-run`` does), nothing leaving the machine:

* the kit: an action with a dozen fields and a products array whose perform posts the validated
  payload (bench/ecommerce_action.py). Target (issue 3): at least 20,000 events/s on one core;
  Segment's engine does about 4,000/s here with its HTTP client stubbed out.
* Insider's ``orderCompletedEvent``: the same, plus the plugin's own body building.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from actions_core import Destination, DestinationInstance, RecordingSender
from actions_core.plugins import default_registry
from bench.ecommerce_action import BENCH_DESTINATION
from bench.order_completed import order_completed_event

TARGET_PER_SECOND = 20_000


async def _rate(
    destination: Destination, settings: dict[str, Any], action: str, seconds: float
) -> float:
    event = order_completed_event()
    recorder = RecordingSender()
    instance = DestinationInstance(destination, settings, http=recorder)
    first = await instance.execute(action, event)
    assert first.ok, first.error
    best = 0.0
    for _ in range(3):
        calls, started = 0, time.perf_counter()
        while (elapsed := time.perf_counter() - started) < seconds / 6:
            for _ in range(200):
                await instance.execute(action, event)
                recorder.requests.clear()  # as the CLI does once it has printed an event's line
            calls += 200
        best = max(best, calls / elapsed)
    return best


def main(seconds: float = 3.0) -> list[tuple[str, float, float | None]]:
    insider = default_registry().get("insider")
    insider_settings = {"account_name": "acme", "ucd_key": "bench-key"}
    return [
        (
            "pipeline: kit action, 13 fields + products (dry run)",
            asyncio.run(_rate(BENCH_DESTINATION, {}, "orderCompleted", seconds)),
            TARGET_PER_SECOND,
        ),
        (
            "pipeline: insider orderCompletedEvent (dry run)",
            asyncio.run(_rate(insider, insider_settings, "orderCompletedEvent", seconds)),
            None,
        ),
    ]


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3.0)
    for name, rate, target in main(parser.parse_args().seconds):
        verdict = "" if target is None else (" ok" if rate >= target else f" BELOW {target:,}/s")
        print(f"{name:<60} {rate:>12,.0f}/s{verdict}")
