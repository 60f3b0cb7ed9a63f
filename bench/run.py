"""Run every benchmark and print one line each: ``python bench/run.py [--seconds N]``.

Benchmarks measure throughput on one core of this machine; they are not tests and are not run by CI.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import bench_fql, bench_mapping, bench_pipeline


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3.0, help="time per measurement")
    seconds = parser.parse_args().seconds
    for module in (bench_mapping, bench_fql, bench_pipeline):
        for name, rate, target in module.main(seconds):
            verdict = (
                "" if target is None else (" ok" if rate >= target else f" BELOW {target:,}/s")
            )
            print(f"{name:<60} {rate:>12,.0f}/s{verdict}")


if __name__ == "__main__":
    main()
