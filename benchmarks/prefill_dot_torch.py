#!/usr/bin/env python3
"""The PyTorch side of benchmarks/prefill-dot: torch.nn.functional.linear(x, w), x (M, K), w (N, K) in DTYPE, torch
threads = cores; one warm-up call, then REPS runs of CALLS calls; prints one JSON line like xla4j.bench.PrefillDot.

usage: python3 benchmarks/prefill_dot_torch.py DTYPE M K N [REPS [CALLS]]
"""
import json
import os
import statistics
import sys
import time

import torch


def main():
  dtype, m, k, n = sys.argv[1], *map(int, sys.argv[2:5])
  reps = int(sys.argv[5]) if len(sys.argv) > 5 else 5
  calls = int(sys.argv[6]) if len(sys.argv) > 6 else 3
  torch.set_num_threads(len(os.sched_getaffinity(0)))
  dt = {"bf16": torch.bfloat16, "f32": torch.float32}[dtype]
  g = torch.Generator().manual_seed(0)
  x = torch.randn(m, k, generator=g).to(dt)
  w = torch.randn(n, k, generator=g).to(dt)
  with torch.inference_mode():
    torch.nn.functional.linear(x, w)
    rates = []
    for _ in range(reps):
      t = time.perf_counter()
      for _ in range(calls):
        torch.nn.functional.linear(x, w)
      rates.append(2.0 * m * k * n * calls / (time.perf_counter() - t) / 1e9)
  print(json.dumps(dict(system="torch " + torch.__version__, dtype=dtype, m=m, k=k, n=n,
                        best_gflop_per_s=round(max(rates), 1), median_gflop_per_s=round(statistics.median(rates), 1))))


if __name__ == "__main__":
  main()
