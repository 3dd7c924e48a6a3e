#!/usr/bin/env python3
"""JAX side of benchmarks/gemma-vs-peers: Gemma / Gemma 2 inference written the way a JAX user would write it,
over a Hugging Face model directory (config.json + safetensors, as benchmarks/gemma_make_weights.py writes).

A jax.jit prefill (the prompt, filling a preallocated KV cache of prompt_len + new_tokens positions) and a jitted
decode step (one token per sequence, greedy, the cache updated in place: donate_argnums), both over a plain
dict of parameters; the layers are a Python loop (unrolled under jit, as Google's gemma library does).
Measured: compile_s (lower + compile of both programs), prefill tokens/s (B*P over the median of --repeat
prefills), decode tokens/s (B*N over the median of --repeat runs of N decode steps after the prefill, after one
warm-up run; each step's ids are brought to the host, as a streaming loop would), peak RSS of the process.
Prints one JSON line.

usage: python3 benchmarks/gemma_jax.py --model DIR --dtype bfloat16 --batch 1 --prompt-len 512 --new-tokens 32
       [--repeat 3] [--check-logits OUT.npy] [--ids-out IDS.npy] [--seed 0]
"""
import os

os.environ.setdefault("JAX_PLATFORMS", "cpu")  # never load libtpu from the same environment
import argparse  # noqa: E402
import glob  # noqa: E402
import json  # noqa: E402
import resource  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402
from functools import partial  # noqa: E402

import jax  # noqa: E402
import jax.numpy as jnp  # noqa: E402
import numpy as np  # noqa: E402

DTYPES = {"float32": jnp.float32, "bfloat16": jnp.bfloat16}


# ---------------------------------------------------------------------------------------------------- config
def load_config(model_dir):
  with open(os.path.join(model_dir, "config.json")) as f:
    return config_from(json.load(f), f"{model_dir}/config.json")


def config_from(c, where):
  """The model's shape from a Hugging Face Gemma / Gemma 2 config (config.json, or PaliGemma's text_config)."""
  if c["model_type"] not in ("gemma", "gemma2"):
    raise ValueError(f"{where}: model_type must be gemma or gemma2, got {c['model_type']!r}")
  gemma2 = c["model_type"] == "gemma2"
  layers = c["num_hidden_layers"]
  rope = c.get("rope_parameters") or {}
  if gemma2:
    types = c.get("layer_types") or ["sliding_attention" if (i + 1) % 2 else "full_attention" for i in range(layers)]
  else:
    types = ["full_attention"] * layers
  return dict(
      gemma2=gemma2, layers=layers, width=c["hidden_size"], heads=c["num_attention_heads"],
      kv_heads=c["num_key_value_heads"], head_dim=c["head_dim"], vocab=c["vocab_size"], eps=c["rms_norm_eps"],
      rope_theta=rope.get("rope_theta", c.get("rope_theta", 10000.0)),
      query_scale=(c["query_pre_attn_scalar"] if gemma2 else c["head_dim"]) ** -0.5,
      attn_softcap=c.get("attn_logit_softcapping") if gemma2 else None,
      final_softcap=c.get("final_logit_softcapping") if gemma2 else None,
      window=[c.get("sliding_window") if t == "sliding_attention" else None for t in types])


def read_safetensors(path):
  """(name, NumPy array) for each tensor of a .safetensors file, read one at a time with plain file reads (no
  memory map: a mapped file's pages would count in the process's RSS next to the device copies)."""
  import ml_dtypes  # NumPy's bfloat16, a JAX dependency
  kinds = {"F32": np.float32, "BF16": ml_dtypes.bfloat16, "F16": np.float16}
  with open(path, "rb") as f:
    n = int.from_bytes(f.read(8), "little")
    header = json.loads(f.read(n))
    header.pop("__metadata__", None)
    for name, e in sorted(header.items(), key=lambda kv: kv[1]["data_offsets"][0]):
      if e["dtype"] not in kinds:
        raise ValueError(f"{path}: tensor {name} has dtype {e['dtype']}, expected one of {sorted(kinds)}")
      dtype = np.dtype(kinds[e["dtype"]])
      f.seek(8 + n + e["data_offsets"][0])
      count = int(np.prod(e["shape"], dtype=np.int64))
      yield name, np.fromfile(f, dtype, count).reshape(e["shape"])


def load_params(model_dir, dtype):
  """Every tensor of the directory's safetensors file(s) as a device array of `dtype`, one at a time (the host
  holds one tensor at a time). The projections' [out, in] matrices (PyTorch's nn.Linear layout) are transposed
  once, here, to [in, out] (Flax's Dense kernel layout, what a conversion to JAX does): XLA:CPU runs `x @ w.T`
  with w [out, in] about 100x slower than `x @ w` when the contracted dimension is long (the MLP's down
  projection; measured with jax 0.10.2)."""
  files = sorted(glob.glob(os.path.join(model_dir, "*.safetensors")))
  if not files:
    raise FileNotFoundError(f"{model_dir}: no .safetensors files")
  params = {}
  for path in files:
    for k, t in read_safetensors(path):
      if k.endswith("_proj.weight"):
        t = np.ascontiguousarray(t.T)
      params[k] = jax.block_until_ready(jax.device_put(t.astype(dtype, copy=False)))
      del t
  return params


# ---------------------------------------------------------------------------------------------------- model
def linear(cfg, x, w):
  """x @ w, w [in, out]; with --dot-f32 the product accumulates and comes out in f32 (then cast back)."""
  if cfg["dot_f32"]:
    return jnp.matmul(x, w, preferred_element_type=jnp.float32).astype(x.dtype)
  return x @ w


def rms_norm(x, scale, eps):
  x32 = x.astype(jnp.float32)
  y = x32 * jax.lax.rsqrt(jnp.mean(x32 * x32, axis=-1, keepdims=True) + eps)
  return (y * (1.0 + scale.astype(jnp.float32))).astype(x.dtype)


def rope(x, positions, theta):
  """x: [B, T, H, D]; positions: [B, T]; half-split layout (rotate_half), angles in f32."""
  d = x.shape[-1]
  inv_freq = 1.0 / (theta ** (jnp.arange(0, d, 2, dtype=jnp.float32) / d))
  ang = positions[..., None].astype(jnp.float32) * inv_freq  # [B, T, D/2]
  ang = jnp.concatenate([ang, ang], axis=-1)[:, :, None, :]
  cos, sin = jnp.cos(ang).astype(x.dtype), jnp.sin(ang).astype(x.dtype)
  x1, x2 = x[..., : d // 2], x[..., d // 2:]
  return x * cos + jnp.concatenate([-x2, x1], axis=-1) * sin


def softcap(x, cap):
  return x if cap is None else jnp.tanh(x / cap) * cap


def attention(cfg, p, x, positions, k_cache, v_cache, start, window):
  """x: [B, T, W] at `positions` [B, T] = start + arange(T); the new keys/values are written into the caches
  ([B, S, KV, D]) at `start`, and the queries attend to cache positions <= their own (and > pos - window)."""
  b, t, _ = x.shape
  h, kv, d = cfg["heads"], cfg["kv_heads"], cfg["head_dim"]
  q = linear(cfg, x, p["self_attn.q_proj.weight"]).reshape(b, t, h, d)
  k = linear(cfg, x, p["self_attn.k_proj.weight"]).reshape(b, t, kv, d)
  v = linear(cfg, x, p["self_attn.v_proj.weight"]).reshape(b, t, kv, d)
  q, k = rope(q, positions, cfg["rope_theta"]), rope(k, positions, cfg["rope_theta"])
  k_cache = jax.lax.dynamic_update_slice(k_cache, k.astype(k_cache.dtype), (0, start, 0, 0))
  v_cache = jax.lax.dynamic_update_slice(v_cache, v.astype(v_cache.dtype), (0, start, 0, 0))
  q = q.reshape(b, t, kv, h // kv, d)
  logits = jnp.einsum("btkgd,bskd->bkgts", q, k_cache) * jnp.asarray(cfg["query_scale"], x.dtype)
  logits = softcap(logits, cfg["attn_softcap"])
  kpos = jnp.arange(k_cache.shape[1])
  allowed = kpos[None, None, :] <= positions[:, :, None]  # [B, T, S]
  if window is not None:
    allowed &= kpos[None, None, :] > positions[:, :, None] - window
  if cfg.get("prefix_len"):  # prefix-LM (PaliGemma): full attention over the first prefix_len positions
    allowed |= kpos[None, None, :] < cfg["prefix_len"]
  logits = jnp.where(allowed[:, None, None], logits.astype(jnp.float32), jnp.finfo(jnp.float32).min)
  probs = jax.nn.softmax(logits, axis=-1).astype(x.dtype)
  out = jnp.einsum("bkgts,bskd->btkgd", probs, v_cache).reshape(b, t, h * d)
  return linear(cfg, out, p["self_attn.o_proj.weight"]), k_cache, v_cache


def mlp(cfg, p, x):
  gate = jax.nn.gelu(linear(cfg, x, p["mlp.gate_proj.weight"]), approximate=True)
  return linear(cfg, gate * linear(cfg, x, p["mlp.up_proj.weight"]), p["mlp.down_proj.weight"])


def forward(cfg, params, ids, start, cache, prefix=None):
  """ids: [B, T] at positions start..start+T-1 (after `prefix` [B, I, W], embeddings taken as they are, when given:
  PaliGemma's image tokens); returns the last position's logits [B, V] (f32) and the cache."""
  embed = params["model.embed_tokens.weight"]
  x = embed[ids] * jnp.asarray(cfg["width"] ** 0.5, embed.dtype)
  if prefix is not None:
    x = jnp.concatenate([prefix.astype(x.dtype), x], axis=1)
  positions = start + jnp.broadcast_to(jnp.arange(x.shape[1]), x.shape[:2])
  new_cache = []
  for i in range(cfg["layers"]):
    p = {k[len(f"model.layers.{i}."):]: v for k, v in params.items() if k.startswith(f"model.layers.{i}.")}
    k_cache, v_cache = cache[i]
    h = rms_norm(x, p["input_layernorm.weight"], cfg["eps"])
    h, k_cache, v_cache = attention(cfg, p, h, positions, k_cache, v_cache, start, cfg["window"][i])
    new_cache.append((k_cache, v_cache))
    if cfg["gemma2"]:
      x = x + rms_norm(h, p["post_attention_layernorm.weight"], cfg["eps"])
      h = mlp(cfg, p, rms_norm(x, p["pre_feedforward_layernorm.weight"], cfg["eps"]))
      x = x + rms_norm(h, p["post_feedforward_layernorm.weight"], cfg["eps"])
    else:
      x = x + h
      x = x + mlp(cfg, p, rms_norm(x, p["post_attention_layernorm.weight"], cfg["eps"]))
  x = rms_norm(x[:, -1], params["model.norm.weight"], cfg["eps"])
  if cfg["dot_f32"]:
    logits = jnp.matmul(x, embed.T, preferred_element_type=jnp.float32)
  else:
    logits = x @ embed.T
  logits = softcap(logits, cfg["final_softcap"])
  return logits.astype(jnp.float32), new_cache


def new_cache(cfg, batch, length, dtype):
  shape = (batch, length, cfg["kv_heads"], cfg["head_dim"])
  return [(jnp.zeros(shape, dtype), jnp.zeros(shape, dtype)) for _ in range(cfg["layers"])]


# ---------------------------------------------------------------------------------------------------- bench
def main():
  ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
  ap.add_argument("--model", required=True)
  ap.add_argument("--dtype", choices=sorted(DTYPES), default="float32")
  ap.add_argument("--batch", type=int, default=1)
  ap.add_argument("--prompt-len", type=int, default=16)
  ap.add_argument("--new-tokens", type=int, default=16)
  ap.add_argument("--repeat", type=int, default=3)
  ap.add_argument("--max-decode-s", type=float, help="end a timed decode run after this many seconds (at least "
                  "2 steps; the rate is over the steps done) - for configurations too slow for N steps")
  ap.add_argument("--seed", type=int, default=0, help="seed of the random prompt ids")
  ap.add_argument("--dot-f32", action="store_true", help="matmuls accumulate in f32 (preferred_element_type; "
                  "with bf16 weights XLA:CPU then takes another, often faster, path); default: plain x @ w")
  ap.add_argument("--check-logits", help="write the prefill's last-position logits [B, V] (f32) here (.npy)")
  ap.add_argument("--ids-out", help="write the greedy ids [B, N] of the first decode run here (.npy)")
  a = ap.parse_args()
  dtype = DTYPES[a.dtype]
  cfg = load_config(a.model)
  cfg["dot_f32"] = a.dot_f32
  t0 = time.perf_counter()
  params = load_params(a.model, dtype)
  load_s = time.perf_counter() - t0
  ids = np.random.default_rng(a.seed).integers(3, cfg["vocab"], (a.batch, a.prompt_len), dtype=np.int32)
  length = a.prompt_len + a.new_tokens

  @partial(jax.jit, donate_argnums=(2,))
  def prefill(params, ids, cache):
    logits, cache = forward(cfg, params, ids, 0, cache)
    return logits, jnp.argmax(logits, axis=-1).astype(jnp.int32), cache

  @partial(jax.jit, donate_argnums=(3,))
  def decode_step(params, tokens, pos, cache):
    logits, cache = forward(cfg, params, tokens[:, None], pos, cache)
    return jnp.argmax(logits, axis=-1).astype(jnp.int32), cache

  cache = new_cache(cfg, a.batch, length, dtype)
  t0 = time.perf_counter()
  prefill_c = prefill.lower(params, ids, cache).compile()
  decode_c = decode_step.lower(params, jnp.zeros((a.batch,), jnp.int32), jnp.int32(0), cache).compile()
  compile_s = time.perf_counter() - t0

  def run_prefill(cache):
    logits, tokens, c = prefill_c(params, ids, cache)
    tokens.block_until_ready()
    return logits, tokens, c

  def run_decode(tokens, c, steps, budget_s=None):
    """Up to `steps` greedy steps after the prefill's token; stops early once budget_s seconds have passed
    (after at least 2 steps). Returns the ids [B, 1 + steps done] and the seconds of the steps."""
    out = [np.asarray(tokens)]
    t0 = time.perf_counter()
    for step in range(steps):
      tokens, c = decode_c(params, tokens, jnp.int32(a.prompt_len + step), c)
      out.append(np.asarray(tokens))
      if budget_s and step >= 1 and time.perf_counter() - t0 > budget_s:
        break
    return np.stack(out, axis=1), time.perf_counter() - t0

  logits, tokens, c = run_prefill(cache)  # warm-up, and the outputs to check
  if a.check_logits:
    np.save(a.check_logits, np.asarray(logits))
  steps = a.new_tokens - 1  # the prefill gives the first new token, each decode step one more
  generated, _ = run_decode(tokens, c, steps if a.ids_out else min(steps, 2))
  if a.ids_out:
    np.save(a.ids_out, generated)
  prefill_s, decode_rates, decode_steps = [], [], []
  for _ in range(a.repeat):
    cache = jax.block_until_ready(new_cache(cfg, a.batch, length, dtype))
    t0 = time.perf_counter()
    _, tokens, c = run_prefill(cache)
    prefill_s.append(time.perf_counter() - t0)
    again, seconds = run_decode(tokens, c, steps, a.max_decode_s)
    n = min(again.shape[1], generated.shape[1])
    assert np.array_equal(again[:, :n], generated[:, :n]), "greedy decoding is not deterministic"
    decode_steps.append(again.shape[1] - 1)
    if steps:
      decode_rates.append(a.batch * decode_steps[-1] / seconds)
  print(json.dumps(dict(
      system="jax" + ("-dot-f32" if a.dot_f32 else ""), version=jax.__version__, dtype=a.dtype, batch=a.batch,
      prompt_len=a.prompt_len, new_tokens=a.new_tokens, layers=cfg["layers"], load_s=round(load_s, 3),
      compile_s=round(compile_s, 3),
      prefill_tokens_per_s=round(a.batch * a.prompt_len / statistics.median(prefill_s), 2),
      decode_tokens_per_s=round(statistics.median(decode_rates), 3) if steps else None,
      decode_steps_timed=min(decode_steps),
      peak_rss_mb=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1))))


if __name__ == "__main__":
  main()
