#!/usr/bin/env python3
"""Checks that the two peers of benchmarks/gemma-vs-peers compute the same model: on tiny random Gemma 2 (GQA,
query_pre_attn_scalar != head_dim, a sliding window shorter than the sequence, both soft-caps) and Gemma (MQA)
directories written by gemma_make_weights.py --tiny, benchmarks/gemma_jax.py and benchmarks/gemma_torch.py must
give the same prefill logits (f32: max abs diff <= --tol) and the same greedy ids (batch 2, 12-token prompt,
10 new tokens: decoding runs past the window through the KV cache). Also prints, for information, bf16's
difference and what transformers' default "sdpa" attention (which drops Gemma 2's attention soft-capping) gives.
Exit status 1 on a mismatch.

usage: python3 benchmarks/gemma_peer_check.py [--work DIR] [--tol 1e-5]
"""
import argparse
import os
import subprocess
import sys
import tempfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def run(script, model, dtype, out, extra=()):
  cmd = [sys.executable, os.path.join(HERE, script), "--model", model, "--dtype", dtype, "--batch", "2",
         "--prompt-len", "12", "--new-tokens", "10", "--repeat", "1", "--check-logits", out + "_logits.npy",
         "--ids-out", out + "_ids.npy", *extra]
  subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
  return np.load(out + "_logits.npy"), np.load(out + "_ids.npy")


def main():
  ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
  ap.add_argument("--work", help="folder for the tiny models and outputs (default: a temporary one)")
  ap.add_argument("--tol", type=float, default=1e-5)
  a = ap.parse_args()
  work = a.work or tempfile.mkdtemp(prefix="gemma_peer_check_")
  ok = True
  for variant in ["gemma2_2b", "gemma_2b"]:
    for dtype in ["float32", "bfloat16"]:
      model = os.path.join(work, f"tiny_{variant}_{dtype}")
      subprocess.run([sys.executable, os.path.join(HERE, "gemma_make_weights.py"), "--variant", variant, "--tiny",
                      "--layers", "3", "--dtype", dtype, "--std", "0.1", "--seed", "1", "--out", model],
                     check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
      jl, jids = run("gemma_jax.py", model, dtype, os.path.join(work, f"jax_{variant}_{dtype}"))
      tl, tids = run("gemma_torch.py", model, dtype, os.path.join(work, f"torch_{variant}_{dtype}"))
      diff = float(np.abs(jl - tl).max())
      same_ids = bool(np.array_equal(jids, tids))
      line = (f"{variant} tiny {dtype}: prefill logits max |jax - transformers| = {diff:.3g} "
              f"(logits std {float(tl.std()):.3g}), greedy ids equal: {same_ids}")
      if dtype == "float32":
        good = diff <= a.tol and same_ids
        ok &= good
        line += "  OK" if good else f"  MISMATCH (tol {a.tol})"
      else:
        line += "  (bf16: information only)"
      print(line)
      if variant == "gemma2_2b" and dtype == "float32":
        sl, sids = run("gemma_torch.py", model, dtype, os.path.join(work, "torch_sdpa"), ["--attn", "sdpa"])
        print(f"  (transformers with attn sdpa instead: max |diff| = {float(np.abs(jl - sl).max()):.3g}, "
              f"greedy ids equal: {bool(np.array_equal(jids, sids))})")
  if jids.shape != (2, 10):
    raise AssertionError(f"expected ids of shape (2, 10), got {jids.shape}")
  print("peer check:", "OK" if ok else "FAILED", f"(work folder {work})")
  sys.exit(0 if ok else 1)


if __name__ == "__main__":
  main()
