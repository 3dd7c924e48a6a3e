#!/usr/bin/env python3
"""JAX side of benchmarks/vmoe_bench.py: the same V-MoE as `xla4j vmoe` (vmoe's VisionTransformerMoe at inference,
einsum Top-Experts-Per-Item dispatcher, vmoe's cumsum routing), in plain jax.numpy under jax.jit on the CPU,
timed like `xla4j vmoe --bench`: per call the image batch goes host -> device and logits, pre_logits and the drop
counts come back to the host.

usage: python3 benchmarks/vmoe_jax.py --checkpoint C.npz --config CFG.json (--input X.npy | --batch N)
           [--capacity-factor C] [--iterations 10] [--out logits.npy] [--json F]
       python3 benchmarks/vmoe_jax.py --check-goldens      # this port against src/test/resources/vmoe (1e-4)
"""
import os
os.environ.setdefault("JAX_PLATFORMS", "cpu")
import argparse
import glob
import json
import math
import time

import numpy as np
import jax
import jax.numpy as jnp


def compute_capacity(num_tokens, num_experts, capacity_factor):
  c = int(math.ceil(num_tokens * capacity_factor / num_experts))
  if c < 1:
    raise ValueError(f"capacity {c} < 1")
  return c + (-c) % 4


def layer_norm(x, p, eps=1e-6):
  mu = x.mean(-1, keepdims=True)
  var = jnp.square(x - mu).mean(-1, keepdims=True)
  return (x - mu) * jax.lax.rsqrt(var + eps) * p["scale"] + p["bias"]


def mlp(x, p):
  h = jax.nn.gelu(x @ p["Dense_0"]["kernel"] + p["Dense_0"]["bias"], approximate=True)
  return h @ p["Dense_1"]["kernel"] + p["Dense_1"]["bias"]


def attention(x, p, heads):
  q, k, v = (jnp.einsum("btd,dnh->btnh", x, p[n]["kernel"]) + p[n]["bias"] for n in ("query", "key", "value"))
  q = q / jnp.sqrt(q.shape[-1]).astype(q.dtype)
  w = jax.nn.softmax(jnp.einsum("btnh,bsnh->bnts", q, k), axis=-1)
  return jnp.einsum("btnh,nhd->btd", jnp.einsum("bnts,bsnh->btnh", w, v), p["out"]["kernel"]) + p["out"]["bias"]


def route(gates, k, capacity, batch_priority):
  """gates (S, E) -> dispatch (S, E, C), combine (S, E, C), dropped choices (K,), dropped tokens ()."""
  s, e = gates.shape
  top_gates, expert = jax.lax.top_k(gates, k)                 # (S, K), ties to the lower expert
  if batch_priority:
    perm = jnp.argsort(-top_gates[:, 0], stable=True)
    expert = expert[perm]
  flat = expert.T.reshape(-1)                                  # (K*S,), rank-major
  one_hot = jax.nn.one_hot(flat, e, dtype=jnp.int32)
  slot = (jnp.cumsum(one_hot, axis=0) * one_hot - 1).reshape(k, s, e).transpose(1, 0, 2)  # (S, K, E)
  if batch_priority:
    slot = slot[jnp.argsort(perm)]
  dispatch = jax.nn.one_hot(slot.max(1), capacity, dtype=gates.dtype)  # (S, E, C); out of range -> 0
  combine = gates[:, :, None] * dispatch
  dropped = slot.max(2) >= capacity                                     # (S, K)
  return dispatch, combine, dropped.sum(0, dtype=jnp.int32), dropped.all(1).sum(dtype=jnp.int32)


def moe(x, p, cfg, group_tokens):
  b, n, d = x.shape
  xg = x.reshape(-1, group_tokens, d)
  gates = jax.nn.softmax(xg @ p["Router"]["dense"]["kernel"], axis=-1)
  capacity = compute_capacity(group_tokens * cfg["k"], cfg["num_experts"], cfg["capacity_factor"])
  dispatch, combine, dc, dt = jax.vmap(lambda g: route(g, cfg["k"], capacity, cfg["batch_priority"]))(gates)
  e = cfg["num_experts"]
  xe = jnp.einsum("GSEC,GSD->EGCD", dispatch, xg).reshape(e, -1, d)
  m = p["Mlp"]
  h = jax.nn.gelu(jnp.einsum("ETD,EDM->ETM", xe, m["Dense_0"]["kernel"]) + m["Dense_0"]["bias"][:, None], True)
  ye = jnp.einsum("ETM,EMD->ETD", h, m["Dense_1"]["kernel"]) + m["Dense_1"]["bias"][:, None]
  y = jnp.einsum("GSEC,EGCD->GSD", combine, ye.reshape(e, xg.shape[0], capacity, d))
  return y.reshape(b, n, d), dc.sum(0), dt.sum()


def forward(params, images, cfg):
  p = params
  pch = cfg["patch"]
  x = jax.lax.conv_general_dilated(images, p["embedding"]["kernel"], (pch, pch), "VALID",
                                   dimension_numbers=("NHWC", "HWIO", "NHWC")) + p["embedding"]["bias"]
  b = x.shape[0]
  x = x.reshape(b, -1, x.shape[-1])
  if cfg["pool"] == "tok":
    x = jnp.concatenate([jnp.broadcast_to(p["cls"], (b, 1, x.shape[-1])), x], axis=1)
  enc = p["Encoder"]
  x = x + enc["posembed_input"]["pos_embedding"]
  n = x.shape[1]
  dropped_choices, dropped_tokens = [], []
  for i in range(cfg["depth"]):
    blk = enc[f"encoderblock_{i}"]
    x = x + attention(layer_norm(x, blk["LayerNorm_0"]), blk["SelfAttention"], cfg["num_heads"])
    y = layer_norm(x, blk["LayerNorm_1"])
    if i in cfg["moe_layers"]:
      y, dc, dt = moe(y, blk["Moe"], cfg, cfg["group_size"] * n)
      dropped_choices.append(dc)
      dropped_tokens.append(dt)
    else:
      y = mlp(y, blk["Mlp"])
    x = x + y
  x = layer_norm(x, enc["encoder_norm"])
  x = x[:, 0] if cfg["pool"] == "tok" else x.mean(1)
  if "pre_logits" in p:
    x = jnp.tanh(x @ p["pre_logits"]["kernel"] + p["pre_logits"]["bias"])
  logits = x @ p["head"]["kernel"] + p["head"]["bias"]
  out = {"logits": logits, "pre_logits": x}
  if dropped_choices:
    out["dropped_choices"] = jnp.stack(dropped_choices)
    out["dropped_tokens"] = jnp.stack(dropped_tokens)
  return out


def load_params(path):
  flat = dict(np.load(path))
  if any(k.startswith("params/") for k in flat):
    flat = {k[len("params/"):]: v for k, v in flat.items() if k.startswith("params/")}
  tree = {}
  for k, v in flat.items():
    node = tree
    *parents, leaf = k.split("/")
    for q in parents:
      node = node.setdefault(q, {})
    node[leaf] = jnp.asarray(v, jnp.float32)
  return tree


def timed(fn, iterations):
  for _ in range(3):
    fn()
  t = []
  for _ in range(iterations):
    t0 = time.perf_counter()
    fn()
    t.append(time.perf_counter() - t0)
  t.sort()
  return t[len(t) // 2]


def check_goldens():
  jax.config.update("jax_default_matmul_precision", "highest")
  here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "test", "resources", "vmoe")
  for f in sorted(glob.glob(os.path.join(here, "*.json"))):
    cfg = json.load(open(f))
    npz = f[:-5] + ".npz"
    golden = dict(np.load(npz))
    out = jax.jit(lambda p, x: forward(p, x, cfg))(load_params(npz), golden["images"])
    err = float(np.abs(np.asarray(out["logits"]) - golden["out/logits"]).max())
    same = (np.array_equal(np.asarray(out["dropped_choices"]), golden["out/dropped_choices"])
            and np.array_equal(np.asarray(out["dropped_tokens"]), golden["out/dropped_tokens"]))
    print(f"{os.path.basename(f)[:-5]}: max |logits - golden| {err:.2e}, drop counts {'equal' if same else 'DIFFER'}")
    assert err <= 1e-4 and same


def main():
  ap = argparse.ArgumentParser()
  ap.add_argument("--checkpoint")
  ap.add_argument("--config")
  ap.add_argument("--input")
  ap.add_argument("--batch", type=int)
  ap.add_argument("--capacity-factor", type=float)
  ap.add_argument("--iterations", type=int, default=10)
  ap.add_argument("--out")
  ap.add_argument("--json")
  ap.add_argument("--check-goldens", action="store_true")
  a = ap.parse_args()
  if a.check_goldens:
    check_goldens()
    return
  cfg = json.load(open(a.config))
  if a.capacity_factor is not None:
    cfg["capacity_factor"] = a.capacity_factor
  params = load_params(a.checkpoint)
  if a.input:
    x = np.load(a.input).astype(np.float32)
  else:
    x = np.random.default_rng(0).uniform(-1, 1, (a.batch, cfg["image_size"], cfg["image_size"], 3)).astype(np.float32)
  t0 = time.perf_counter()
  fwd = jax.jit(lambda p, img: forward(p, img, cfg))
  compiled = fwd.lower(params, x).compile()
  compile_s = time.perf_counter() - t0
  cost = compiled.cost_analysis()
  cost = cost[0] if isinstance(cost, list) else cost
  flops = float(cost.get("flops", -1)) if cost else -1

  def call():
    return jax.device_get(compiled(params, x))

  out = call()
  p50 = timed(call, a.iterations)
  if a.out:
    np.save(a.out, np.asarray(out["logits"]))
  r = {"impl": "jax " + jax.__version__, "batch": int(x.shape[0]), "capacity_factor": cfg["capacity_factor"],
       "compile_s": compile_s, "p50_s": p50, "images_per_s": x.shape[0] / p50,
       "gflops_per_image": flops / x.shape[0] / 1e9 if flops > 0 else None}
  print(json.dumps(r))
  if a.json:
    json.dump(r, open(a.json, "w"), indent=1)


if __name__ == "__main__":
  main()
