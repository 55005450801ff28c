#!/usr/bin/env python3
"""Throughput of the Python package beside the CLI's, on the same JSON Lines file, in one run.

    scripts/bench_python.py FILE [--threads 2] [--repeat 3] [--depeche target/release/depeche]

Runs, alternately and --repeat times each: `depeche extract FILE --threads N -o /dev/null`
(wall clock of the process: reading, extraction, JSON output), `Pipeline.extract_batch` over
the file's lines (read from the file inside the timing, `jsonl=True`, dicts out), over the
articles as dicts (parsed before the timing), and `extract_arrow` over the lines. Prints the
best articles/s of each. Build the package in release first (scripts/python-test.sh with
DEPECHE_PYTHON_PROFILE=release, or maturin develop --release).
"""

import argparse
import json
import subprocess
import time

import depeche


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("file")
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--depeche", default="target/release/depeche")
    args = p.parse_args()

    with open(args.file, "rb") as f:
        n = sum(1 for line in f if line.strip())
    with open(args.file, "rb") as f:
        dicts = [json.loads(line) for line in f if line.strip()]
    pipeline = depeche.Pipeline(threads=args.threads)

    def cli():
        subprocess.run(
            [args.depeche, "extract", args.file, "--threads", str(args.threads),
             "-o", "/dev/null", "--quiet", "--no-progress"],
            check=True,
        )

    def batch_lines():
        with open(args.file, "rb") as f:
            lines = [line for line in f if line.strip()]
        assert len(pipeline.extract_batch(lines, jsonl=True)) == n

    def batch_dicts():
        assert len(pipeline.extract_batch(dicts)) == n

    def arrow_lines():
        with open(args.file, "rb") as f:
            lines = [line for line in f if line.strip()]
        assert pipeline.extract_arrow(lines, jsonl=True)["articles"].num_rows <= n

    runs = {
        "CLI depeche extract": cli,
        "extract_batch(lines, jsonl=True)": batch_lines,
        "extract_batch(dicts)": batch_dicts,
        "extract_arrow(lines, jsonl=True)": arrow_lines,
    }
    best = {name: float("inf") for name in runs}
    for _ in range(args.repeat):
        for name, run in runs.items():
            t = time.perf_counter()
            run()
            best[name] = min(best[name], time.perf_counter() - t)
    base = n / best["CLI depeche extract"]
    print(f"{args.file}: {n} articles, {args.threads} threads, best of {args.repeat}")
    for name, secs in best.items():
        rate = n / secs
        print(f"  {name:34s} {rate:8.1f} articles/s  {secs:6.2f} s  {100 * rate / base:5.1f} % of the CLI")


if __name__ == "__main__":
    main()
