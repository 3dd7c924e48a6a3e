#!/usr/bin/env python3
"""Checks that the two peers of benchmarks/paligemma-vs-peers compute the same model: on a tiny random PaliGemma
(paligemma_make_weights.py --tiny: the real structure and 224 px inputs at toy widths), benchmarks/paligemma_jax.py
and benchmarks/paligemma_torch.py must give the same first-forward logits (f32: max abs diff <= --tol) and the same
greedy ids (batch 2, 8-id prompt, 10 new tokens). Prints bf16's difference for information. Exit status 1 on a
mismatch.

usage: python3 benchmarks/paligemma_peer_check.py [--work DIR] [--tol 1e-4]
"""
import argparse
import os
import subprocess
import sys
import tempfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def run(script, model, dtype, out):
  cmd = [sys.executable, os.path.join(HERE, script), "--model", model, "--dtype", dtype, "--batch", "2",
         "--new-tokens", "10", "--repeat", "1", "--logits-out", out + "_logits.npy", "--ids-out", out + "_ids.npy"]
  subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
  return np.load(out + "_logits.npy"), np.load(out + "_ids.npy")


def main():
  ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
  ap.add_argument("--work", help="folder for the tiny model and outputs (default: a temporary one)")
  ap.add_argument("--tol", type=float, default=1e-4)
  a = ap.parse_args()
  work = a.work or tempfile.mkdtemp(prefix="paligemma_peer_check_")
  ok = True
  for dtype in ["float32", "bfloat16"]:
    model = os.path.join(work, f"tiny_{dtype}")
    if not os.path.exists(os.path.join(model, "config.json")):
      subprocess.run([sys.executable, os.path.join(HERE, "paligemma_make_weights.py"), "--res", "224", "--tiny",
                      "--dtype", dtype, "--seed", "0", "--out", model], check=True, stdout=subprocess.DEVNULL)
    jl, ji = run("paligemma_jax.py", model, dtype, os.path.join(work, f"jax_{dtype}"))
    tl, ti = run("paligemma_torch.py", model, dtype, os.path.join(work, f"torch_{dtype}"))
    diff = float(np.abs(jl - tl).max())
    same = bool(np.array_equal(ji, ti))
    print(f"{dtype}: max |jax - transformers| logits {diff:.3g} (logits up to {float(np.abs(tl).max()):.3g}); "
          f"greedy ids equal: {same}")
    if dtype == "float32" and (diff > a.tol or not same):
      ok = False
  print("OK" if ok else "MISMATCH")
  sys.exit(0 if ok else 1)


if __name__ == "__main__":
  main()
