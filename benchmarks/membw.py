#!/usr/bin/env python3
"""Memory bandwidth of this machine, the denominator of issue 9's "batch-1 decode at >= 60% of the bandwidth
bound" (bound tokens/s = GB/s / weight bytes read per token).

copy: --threads threads each memcpy their slice of a --mb MB buffer into another (NumPy's copyto releases the GIL
and calls memcpy, which streams large copies), counted as STREAM's Copy does: bytes read + bytes written.
read: the same threads each sum their slice (bytes read only), for comparison. Best of --reps runs after one
warm-up (STREAM's convention), median alongside. Prints one JSON line.

usage: python3 benchmarks/membw.py [--threads 2] [--mb 1024] [--reps 7]
"""
import argparse
import json
import os
import statistics
import threading
import time

import numpy as np


def timed_parallel(work, threads, reps):
  """Seconds of each of `reps` runs (after one warm-up) of work(i) on `threads` threads started together."""
  times = []
  for rep in range(reps + 1):
    barrier = threading.Barrier(threads + 1)
    pool = [threading.Thread(target=lambda i=i: (barrier.wait(), work(i))) for i in range(threads)]
    for t in pool:
      t.start()
    barrier.wait()
    t0 = time.perf_counter()
    for t in pool:
      t.join()
    if rep:
      times.append(time.perf_counter() - t0)
  return times


def main():
  ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
  ap.add_argument("--threads", type=int, default=2)
  ap.add_argument("--mb", type=int, default=1024, help="size of each buffer (far beyond the caches)")
  ap.add_argument("--reps", type=int, default=7)
  a = ap.parse_args()
  n = (a.mb << 20) // 8
  src = np.ones(n, np.float64)
  dst = np.zeros(n, np.float64)
  bounds = np.linspace(0, n, a.threads + 1).astype(int)
  parts = [(slice(bounds[i], bounds[i + 1])) for i in range(a.threads)]
  copy = timed_parallel(lambda i: np.copyto(dst[parts[i]], src[parts[i]]), a.threads, a.reps)
  sums = [0.0] * a.threads

  def read(i):
    sums[i] = src[parts[i]].sum()

  read_t = timed_parallel(read, a.threads, a.reps)
  assert sum(sums) == n and dst[-1] == 1.0
  nbytes = n * 8
  print(json.dumps(dict(
      threads=a.threads, buffer_mb=a.mb, cores=len(os.sched_getaffinity(0)),
      copy_gb_per_s=round(2 * nbytes / min(copy) / 1e9, 2),
      copy_gb_per_s_median=round(2 * nbytes / statistics.median(copy) / 1e9, 2),
      read_gb_per_s=round(nbytes / min(read_t) / 1e9, 2),
      read_gb_per_s_median=round(nbytes / statistics.median(read_t) / 1e9, 2))))


if __name__ == "__main__":
  main()
