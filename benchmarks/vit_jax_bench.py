#!/usr/bin/env python3
"""JAX side of benchmarks/vit-vs-jax: big_vision's ViT (tools/vit_reference.py, the port the tests check
xla4j against) under jax.jit on the CPU, timed exactly like `xla4j vit --bench`: per call, the image batch
goes host -> device and logits, pre_logits and encoded come back to the host.

usage: build/venv/bin/python benchmarks/vit_jax_bench.py --variant B/16 [--batch 8] [--iterations 20] [--json F]
       build/venv/bin/python benchmarks/vit_jax_bench.py --matmul 2048   # f32 matmul GFLOP/s
"""
import os
# CPU references only: never let JAX load libtpu (it may be installed in the same venv).
os.environ.setdefault("JAX_PLATFORMS", "cpu")
import argparse
import json
import sys
import time

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tools"))

import jax  # noqa: E402
import jax.numpy as jnp  # noqa: E402

VARIANTS = {"Ti": (192, 12, 768, 3), "S": (384, 12, 1536, 6), "B": (768, 12, 3072, 12)}


def timed(fn, iterations):
  for _ in range(3):
    fn()
  t = []
  for _ in range(iterations):
    t0 = time.perf_counter()
    fn()
    t.append(time.perf_counter() - t0)
  t.sort()
  return t[len(t) // 2], t[min(len(t) - 1, int(np.ceil(len(t) * 0.9)) - 1)]


def bench_vit(variant, batch, size, iterations):
  import vit_reference as ref  # noqa: the reference model, with jax_default_matmul_precision=highest set
  jax.config.update("jax_default_matmul_precision", "default")
  name, patch = variant.split("/")
  width, depth, mlp, heads = VARIANTS[name]
  model = ref.ViT(num_classes=1000, patch_size=(int(patch), int(patch)), width=width, depth=depth, mlp_dim=mlp,
                  num_heads=heads, posemb="learn", pool_type="gap")
  x = np.asarray(np.random.default_rng(0).uniform(-1, 1, (batch, size, size, 3)), np.float32)
  params = jax.jit(model.init)(jax.random.PRNGKey(0), x)

  def fwd(p, img):
    logits, out = model.apply(p, img)
    return logits, out["pre_logits"], out["encoded"]

  f = jax.jit(fwd)
  t0 = time.perf_counter()
  compiled = f.lower(params, x).compile()
  compile_s = time.perf_counter() - t0
  cost = compiled.cost_analysis()
  cost = cost[0] if isinstance(cost, (list, tuple)) else cost
  flops = float(cost.get("flops", -1)) if cost else -1
  p50, p90 = timed(lambda: [np.asarray(o) for o in f(params, jnp.asarray(x))], iterations)
  return dict(model=f"JAX ViT-{variant} {size}px gap learn f32", jax=jax.__version__, batch=batch,
              compile_s=compile_s, p50_s=p50, p90_s=p90, images_per_s=batch / p50, flops_per_call=flops,
              gflops_per_s=flops / p50 / 1e9 if flops > 0 else None, iterations=iterations)


def bench_matmul(n, iterations):
  a = jnp.asarray(np.random.default_rng(0).standard_normal((n, n), np.float32))
  f = jax.jit(lambda x, y: x @ y)
  p50, _ = timed(lambda: f(a, a).block_until_ready(), iterations)
  return dict(matmul=n, p50_s=p50, gflops_per_s=2 * n ** 3 / p50 / 1e9, jax=jax.__version__)


def main():
  ap = argparse.ArgumentParser()
  ap.add_argument("--variant", default="B/16")
  ap.add_argument("--batch", type=int, default=8)
  ap.add_argument("--image-size", type=int, default=224)
  ap.add_argument("--iterations", type=int, default=20)
  ap.add_argument("--matmul", type=int, default=0)
  ap.add_argument("--json")
  a = ap.parse_args()
  r = bench_matmul(a.matmul, a.iterations) if a.matmul else bench_vit(a.variant, a.batch, a.image_size, a.iterations)
  print(json.dumps(r))
  if a.json:
    with open(a.json, "w") as f:
      json.dump(r, f, indent=2)


if __name__ == "__main__":
  main()
