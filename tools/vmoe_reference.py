#!/usr/bin/env python3
"""Reference outputs of V-MoE (google-research/vmoe) for xla4j's tests: an independent NumPy port.

Regenerate (from the repository root):
  python3 tools/vmoe_reference.py            # goldens -> src/test/resources/vmoe/

What this is
  vmoe's VisionTransformerMoe (vmoe/nn/vit_moe.py) at inference, with the deterministic
  NoisyTopExpertsPerItemRouter (vmoe/nn/routing.py) and the einsum Top-Experts-Per-Item dispatcher
  (vmoe/moe.py), written from the papers' and vmoe's descriptions in float64 NumPy. Parameter names are
  vision_transformer's / vmoe's checkpoint names, flattened with '/':
    embedding/{kernel,bias}                               conv kernel [p, p, 3, D] (HWIO), stride p, VALID
    cls                                                   [1, 1, D]   (pool tok)
    Encoder/posembed_input/pos_embedding                  [1, N, D]   N = patches (+1 with cls): added AFTER
                                                                      the class token is prepended
    Encoder/encoderblock_{i}/LayerNorm_0/{scale,bias}
    Encoder/encoderblock_{i}/SelfAttention/{query,key,value}/kernel [D, H, D/H], bias [H, D/H]
    Encoder/encoderblock_{i}/SelfAttention/out/kernel [H, D/H, D], bias [D]
    Encoder/encoderblock_{i}/LayerNorm_1/{scale,bias}
    Encoder/encoderblock_{i}/Mlp/Dense_{0,1}/{kernel,bias}          dense blocks
    Encoder/encoderblock_{i}/Moe/Router/dense/kernel [D, E]         MoE blocks (no bias)
    Encoder/encoderblock_{i}/Moe/Mlp/Dense_0/kernel [E, D, M], bias [E, M]
    Encoder/encoderblock_{i}/Moe/Mlp/Dense_1/kernel [E, M, D], bias [E, D]
    Encoder/encoder_norm/{scale,bias}
    pre_logits/{kernel,bias}                              optional, Dense + tanh
    head/{kernel,bias}

Routing, spelled out (one group = group_size consecutive images' tokens, S tokens):
  gates = softmax(x @ router_kernel) over experts; each token's k largest gates (ties: lower expert id),
  not renormalised. Capacity C = ceil(S * k * capacity_factor / E), rounded up to a multiple of 4.
  Priority: every first choice before any second choice; within a rank, token order, or with batch priority
  descending first gate (stable). Each choice takes the next free slot of its expert; a choice finding all C
  slots taken is dropped. Output of a token = sum over its kept choices of gate * expert_mlp(token).
  This script does it with an explicit per-slot loop (not vmoe's cumsum formulation), so the Java graph's
  cumsum/one-hot dispatch is checked against a different algorithm.

Every case file <case>.json holds exactly the keys of `xla4j vmoe --config`; <case>.npz holds the parameters
under params/ (float32), `images` (B, S, S, 3) and the outputs out/logits, out/pre_logits,
out/dropped_choices (MoE layers, k) and out/dropped_tokens (MoE layers). The float64 reference is checked
to be far from routing ties (top-k and batch-priority order) so float32 evaluation routes the same way.
"""
import json
import math
import os
import sys
import zipfile
import io

import numpy as np

GOLDEN_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "test", "resources", "vmoe")
MIN_MARGIN = 1e-4  # smallest allowed relative gap between gates whose order decides routing


def compute_capacity(num_tokens, num_experts, capacity_factor):
  c = int(math.ceil(num_tokens * capacity_factor / num_experts))
  if c < 1:
    raise ValueError("capacity < 1")
  return c + (-c) % 4


def layer_norm(x, scale, bias, eps=1e-6):
  mu = x.mean(-1, keepdims=True)
  var = ((x - mu) ** 2).mean(-1, keepdims=True)
  return (x - mu) / np.sqrt(var + eps) * scale + bias


def gelu_tanh(x):
  return 0.5 * x * (1 + np.tanh(np.sqrt(2 / np.pi) * (x + 0.044715 * x ** 3)))


def softmax(x, axis=-1):
  e = np.exp(x - x.max(axis, keepdims=True))
  return e / e.sum(axis, keepdims=True)


def attention(p, prefix, x, heads):
  def proj(name):
    return np.einsum("btd,dnh->btnh", x, p[prefix + name + "/kernel"]) + p[prefix + name + "/bias"]
  q, k, v = proj("query"), proj("key"), proj("value")
  q = q / np.sqrt(q.shape[-1])
  w = softmax(np.einsum("btnh,bsnh->bnts", q, k))
  a = np.einsum("bnts,bsnh->btnh", w, v)
  return np.einsum("btnh,nhd->btd", a, p[prefix + "out/kernel"]) + p[prefix + "out/bias"]


def mlp(x, k0, b0, k1, b1):
  return gelu_tanh(x @ k0 + b0) @ k1 + b1


class Margins:
  def __init__(self):
    self.smallest = float("inf")

  def see(self, a, b):
    """Relative gap of two gates whose order decides routing (float32 softmax errors are relative)."""
    self.smallest = min(self.smallest, abs(a - b) / max(abs(a), abs(b)))


def route_group(gates, k, capacity, batch_priority, margins):
  """One group's routing, slot by slot. gates (S, E). Returns kept [(token, expert, gate)], dropped per rank."""
  s, e = gates.shape
  order = np.argsort(-gates, axis=1, kind="stable")  # per token, experts by descending gate, ties lower id
  for t in range(s):
    sg = gates[t, order[t]]
    for r in range(min(k, e - 1)):
      margins.see(sg[r], sg[r + 1])
  if batch_priority:
    first = gates[np.arange(s), order[:, 0]]
    tokens = sorted(range(s), key=lambda t: -first[t])  # Python's sort is stable
    srt = np.sort(first)
    for a, b in zip(srt[:-1], srt[1:]):
      margins.see(a, b)
  else:
    tokens = list(range(s))
  used = [0] * e
  kept = []
  dropped = [0] * k
  chosen_kept = np.zeros((s,), dtype=np.int64)
  for r in range(k):
    for t in tokens:
      ex = int(order[t, r])
      if used[ex] < capacity:
        used[ex] += 1
        kept.append((t, ex, gates[t, ex]))
        chosen_kept[t] += 1
      else:
        dropped[r] += 1
  return kept, dropped, int((chosen_kept == 0).sum())


def moe(p, prefix, x, cfg, group_tokens, margins):
  b, n, d = x.shape
  flat = x.reshape(-1, group_tokens, d)
  out = np.zeros_like(flat)
  e = cfg["num_experts"]
  capacity = compute_capacity(group_tokens * cfg["k"], e, cfg["capacity_factor"])
  dropped = np.zeros((cfg["k"],), np.int64)
  dropped_tokens = 0
  for g in range(flat.shape[0]):
    gates = softmax(flat[g] @ p[prefix + "Router/dense/kernel"])
    kept, drop, none = route_group(gates, cfg["k"], capacity, cfg["batch_priority"], margins)
    dropped += drop
    dropped_tokens += none
    for t, ex, gate in kept:
      y = mlp(flat[g, t], p[prefix + "Mlp/Dense_0/kernel"][ex], p[prefix + "Mlp/Dense_0/bias"][ex],
              p[prefix + "Mlp/Dense_1/kernel"][ex], p[prefix + "Mlp/Dense_1/bias"][ex])
      out[g, t] += gate * y
  return out.reshape(b, n, d), dropped, dropped_tokens


def forward(p, cfg, images, margins):
  pch = cfg["patch"]
  b, hh, ww, _ = images.shape
  gh, gw = hh // pch, ww // pch
  patches = images[:, :gh * pch, :gw * pch].reshape(b, gh, pch, gw, pch, 3).transpose(0, 1, 3, 2, 4, 5)
  x = np.einsum("bhwijc,ijcd->bhwd", patches, p["embedding/kernel"]) + p["embedding/bias"]
  x = x.reshape(b, gh * gw, -1)
  if cfg["pool"] == "tok":
    x = np.concatenate([np.broadcast_to(p["cls"], (b, 1, x.shape[-1])), x], axis=1)
  x = x + p["Encoder/posembed_input/pos_embedding"]
  n = x.shape[1]
  dropped, dropped_tokens = [], []
  for i in range(cfg["depth"]):
    pre = f"Encoder/encoderblock_{i}/"
    y = layer_norm(x, p[pre + "LayerNorm_0/scale"], p[pre + "LayerNorm_0/bias"])
    x = x + attention(p, pre + "SelfAttention/", y, cfg["num_heads"])
    y = layer_norm(x, p[pre + "LayerNorm_1/scale"], p[pre + "LayerNorm_1/bias"])
    if i in cfg["moe_layers"]:
      y, drop, none = moe(p, pre + "Moe/", y, cfg, cfg["group_size"] * n, margins)
      dropped.append(drop)
      dropped_tokens.append(none)
    else:
      y = mlp(y, p[pre + "Mlp/Dense_0/kernel"], p[pre + "Mlp/Dense_0/bias"], p[pre + "Mlp/Dense_1/kernel"],
              p[pre + "Mlp/Dense_1/bias"])
    x = x + y
  x = layer_norm(x, p["Encoder/encoder_norm/scale"], p["Encoder/encoder_norm/bias"])
  x = x[:, 0] if cfg["pool"] == "tok" else x.mean(1)
  if "pre_logits/kernel" in p:
    x = np.tanh(x @ p["pre_logits/kernel"] + p["pre_logits/bias"])
  logits = x @ p["head/kernel"] + p["head/bias"]
  return {"logits": logits, "pre_logits": x, "dropped_choices": np.array(dropped, np.int32).reshape(-1, cfg["k"]),
          "dropped_tokens": np.array(dropped_tokens, np.int32)}


def param_shapes(cfg, rep_size):
  d, m, e = cfg["width"], cfg["mlp_dim"], cfg["num_experts"]
  h = cfg["num_heads"]
  pch = cfg["patch"]
  n = (cfg["image_size"] // pch) ** 2 + (1 if cfg["pool"] == "tok" else 0)
  shapes = {"embedding/kernel": (pch, pch, 3, d), "embedding/bias": (d,)}
  if cfg["pool"] == "tok":
    shapes["cls"] = (1, 1, d)
  shapes["Encoder/posembed_input/pos_embedding"] = (1, n, d)
  for i in range(cfg["depth"]):
    pre = f"Encoder/encoderblock_{i}/"
    for ln in ("LayerNorm_0", "LayerNorm_1"):
      shapes[pre + ln + "/scale"] = (d,)
      shapes[pre + ln + "/bias"] = (d,)
    for q in ("query", "key", "value"):
      shapes[pre + f"SelfAttention/{q}/kernel"] = (d, h, d // h)
      shapes[pre + f"SelfAttention/{q}/bias"] = (h, d // h)
    shapes[pre + "SelfAttention/out/kernel"] = (h, d // h, d)
    shapes[pre + "SelfAttention/out/bias"] = (d,)
    if i in cfg["moe_layers"]:
      shapes[pre + "Moe/Router/dense/kernel"] = (d, e)
      shapes[pre + "Moe/Mlp/Dense_0/kernel"] = (e, d, m)
      shapes[pre + "Moe/Mlp/Dense_0/bias"] = (e, m)
      shapes[pre + "Moe/Mlp/Dense_1/kernel"] = (e, m, d)
      shapes[pre + "Moe/Mlp/Dense_1/bias"] = (e, d)
    else:
      shapes[pre + "Mlp/Dense_0/kernel"] = (d, m)
      shapes[pre + "Mlp/Dense_0/bias"] = (m,)
      shapes[pre + "Mlp/Dense_1/kernel"] = (m, d)
      shapes[pre + "Mlp/Dense_1/bias"] = (d,)
  shapes["Encoder/encoder_norm/scale"] = (d,)
  shapes["Encoder/encoder_norm/bias"] = (d,)
  if rep_size:
    shapes["pre_logits/kernel"] = (d, rep_size)
    shapes["pre_logits/bias"] = (rep_size,)
  shapes["head/kernel"] = (rep_size or d, cfg["num_classes"])
  shapes["head/bias"] = (cfg["num_classes"],)
  return shapes


def make_params(cfg, rep_size, seed):
  rng = np.random.default_rng(seed)
  p = {}
  for name, shape in param_shapes(cfg, rep_size).items():
    if name.endswith("/scale"):
      v = 1 + 0.1 * rng.standard_normal(shape)
    elif "Router" in name:
      v = 1.5 * rng.standard_normal(shape)  # peaky gates: uneven expert loads, so capacity matters
    elif name.endswith("bias") or name == "cls":
      v = 0.1 * rng.standard_normal(shape)
    else:
      fan_in = int(np.prod(shape[:-1])) if "SelfAttention/out" in name or len(shape) == 2 else shape[-2]
      if name.startswith("embedding"):
        fan_in = int(np.prod(shape[:-1]))
      if "query" in name or "key" in name or "value" in name:
        fan_in = shape[0]
      v = rng.standard_normal(shape) / np.sqrt(fan_in)
    p[name] = v.astype(np.float32)
  return p


BASE = {"patch": 4, "image_size": 8, "width": 8, "depth": 4, "mlp_dim": 16, "num_heads": 2, "num_classes": 5,
        "num_experts": 4, "k": 2, "capacity_factor": 1.0, "moe_layers": [1, 3], "batch_priority": False,
        "group_size": 2, "pool": "tok"}

CASES = [
    # name, overrides, pre_logits size (0: none), seed of parameters, seed of images
    ("top1_tok_every2", {"k": 1}, 6, 1, 101),
    ("top2_tok_every2", {}, 6, 2, 102),
    ("top2_drop", {"capacity_factor": 0.5}, 0, 3, 103),
    ("top2_drop_bpr", {"capacity_factor": 0.5, "batch_priority": True}, 0, 3, 103),
    ("top1_drop_bpr_gap_every2", {"k": 1, "capacity_factor": 0.5, "batch_priority": True, "pool": "gap",
                                  "depth": 6, "moe_layers": [1, 3, 5]}, 0, 6, 106),
    ("top2_gap_last2", {"pool": "gap", "depth": 6, "moe_layers": [3, 5], "capacity_factor": 0.75}, 6, 5, 105),
]
BATCH = 4


def savez_deterministic(path, arrays):
  """Deflated .npy members with a fixed timestamp, so regenerating gives identical bytes."""
  with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
    for name, a in arrays.items():
      buf = io.BytesIO()
      np.lib.format.write_array(buf, np.ascontiguousarray(a), allow_pickle=False)
      info = zipfile.ZipInfo(name + ".npy", date_time=(1980, 1, 1, 0, 0, 0))
      info.compress_type = zipfile.ZIP_DEFLATED
      z.writestr(info, buf.getvalue())


def main():
  os.makedirs(GOLDEN_DIR, exist_ok=True)
  results = {}
  for name, over, rep, pseed, iseed in CASES:
    cfg = dict(BASE, **over)
    params32 = make_params(cfg, rep, pseed)
    params = {k: v.astype(np.float64) for k, v in params32.items()}
    images = np.random.default_rng(iseed).uniform(-1, 1, (BATCH, cfg["image_size"], cfg["image_size"], 3))
    images = images.astype(np.float32)
    margins = Margins()
    out = forward(params, cfg, images.astype(np.float64), margins)
    if margins.smallest < MIN_MARGIN:
      sys.exit(f"{name}: routing too close to a tie ({margins.smallest:.2e}); pick other seeds")
    results[name] = out
    arrays = {"params/" + k: v for k, v in params32.items()}
    arrays["images"] = images
    for k, v in out.items():
      arrays["out/" + k] = v.astype(np.float32) if v.dtype.kind == "f" else v
    savez_deterministic(os.path.join(GOLDEN_DIR, name + ".npz"), arrays)
    with open(os.path.join(GOLDEN_DIR, name + ".json"), "w") as f:
      json.dump(cfg, f, indent=1)
      f.write("\n")
    print(f"{name}: dropped choices {out['dropped_choices'].tolist()} tokens {out['dropped_tokens'].tolist()} "
          f"margin {margins.smallest:.3g} logits[0,:3] {out['logits'][0, :3]}")
  if np.allclose(results["top2_drop"]["logits"], results["top2_drop_bpr"]["logits"], atol=1e-3):
    sys.exit("batch priority routing did not change the logits of top2_drop; pick other seeds")
  for name in results:
    if "drop" in name and results[name]["dropped_choices"].sum() == 0:
      sys.exit(f"{name} drops no choice; lower its capacity factor")


if __name__ == "__main__":
  main()
