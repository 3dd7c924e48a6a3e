#!/usr/bin/env python3
"""JAX side of benchmarks/paligemma-vs-peers: PaliGemma written the way a JAX user would write it, over the Hugging
Face checkpoint benchmarks/paligemma_make_weights.py writes, the inputs of benchmarks/paligemma_inputs.py.

SigLIP (pool none: patch conv + position embedding, pre-norm blocks, final LayerNorm) and the linear projector give
the image tokens, which enter the Gemma decoder of benchmarks/gemma_jax.py unscaled before the scaled text
embeddings, with big_vision's prefix-LM attention (full over image + prompt, causal after). Three jax.jit programs:
the image encoder alone, the first forward (image encoder + prefill into a preallocated KV cache of image + prompt +
new tokens positions, donated) and a greedy decode step (cache donated, updated in place). Linear weights are
transposed once when loaded to (in, out) (Flax's layout, what a conversion to JAX does; see gemma_jax.load_params).

Measured as benchmarks/paligemma_torch.py measures (its docstring): after a warm-up (one image call, one caption with
2 decode steps), medians over --repeat of latency_s (first forward + N-1 decode steps, each step's ids brought to
the host), first_token_s, decode tokens/s, image_s / image_per_s; compile_s (lower + compile of the three
programs); peak RSS. Prints one JSON line.

usage: python3 benchmarks/paligemma_jax.py --model DIR --dtype float32 --batch 1 --new-tokens 32 --repeat 3
       [--prompt-len 8] [--seed 0] [--image-only] [--ids-out IDS.npy] [--logits-out L.npy]
"""
import os

os.environ.setdefault("JAX_PLATFORMS", "cpu")  # never load libtpu from the same environment
import argparse  # noqa: E402
import glob  # noqa: E402
import json  # noqa: E402
import resource  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from functools import partial  # noqa: E402

import jax  # noqa: E402
import jax.numpy as jnp  # noqa: E402
import numpy as np  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gemma_jax  # noqa: E402
import paligemma_inputs  # noqa: E402


def canonical(name):
  """A checkpoint name in one spelling: 'model.X' for the decoder, 'vision.X' for SigLIP, 'projector.X'; None for
  the tied lm_head. Accepts the Hub's names (language_model.model.*, vision_tower.vision_model.*) and those recent
  transformers save (model.language_model.*, model.vision_tower.*)."""
  n = name[len("model."):] if name.startswith(("model.language_model.", "model.vision_tower.",
                                                "model.multi_modal_projector.")) else name
  if n.endswith("lm_head.weight"):
    return None
  for prefix, to in [("language_model.model.", "model."), ("language_model.", "model."),
                     ("vision_tower.vision_model.", "vision."), ("vision_tower.", "vision."),
                     ("multi_modal_projector.linear.", "projector.")]:
    if n.startswith(prefix):
      return to + n[len(prefix):]
  raise ValueError(f"unexpected tensor {name}")


def load(model_dir, dtype):
  with open(os.path.join(model_dir, "config.json")) as f:
    c = json.load(f)
  text = gemma_jax.config_from(c["text_config"], f"{model_dir}/config.json text_config")
  files = sorted(glob.glob(os.path.join(model_dir, "*.safetensors")))
  if not files:
    raise FileNotFoundError(f"{model_dir}: no .safetensors files")
  params = {}
  for path in files:
    for k, t in gemma_jax.read_safetensors(path):
      k = canonical(k)
      if k is None:
        continue
      if t.ndim == 2 and k.endswith(("_proj.weight", "fc1.weight", "fc2.weight", "projector.weight")):
        t = np.ascontiguousarray(t.T)  # nn.Linear (out, in) -> (in, out)
      params[k] = jax.block_until_ready(jax.device_put(t.astype(dtype, copy=False)))
      del t
  return c, text, params


def layer_norm(x, w, b, eps):
  x32 = x.astype(jnp.float32)
  mean = x32.mean(-1, keepdims=True)
  var = ((x32 - mean) ** 2).mean(-1, keepdims=True)
  return ((x32 - mean) * jax.lax.rsqrt(var + eps) * w.astype(jnp.float32) + b.astype(jnp.float32)).astype(x.dtype)


def image_tokens(vc, params, pixels):
  """pixels [B, R, R, 3] in [-1, 1] -> [B, (R/p)^2, text width]: SigLIP's last LayerNorm, then the projector."""
  p = lambda k: params["vision." + k]  # noqa: E731
  dt = p("post_layernorm.weight").dtype
  eps = vc.get("layer_norm_eps", 1e-6)
  x = jax.lax.conv_general_dilated(pixels.astype(dt), p("embeddings.patch_embedding.weight"),
                                   (vc["patch_size"],) * 2, "VALID", dimension_numbers=("NHWC", "OIHW", "NHWC"))
  x = x + p("embeddings.patch_embedding.bias")
  b, h, w, d = x.shape
  x = x.reshape(b, h * w, d) + p("embeddings.position_embedding.weight")[None]
  heads = vc["num_attention_heads"]
  hd = d // heads
  for i in range(vc["num_hidden_layers"]):
    lp = lambda k: p(f"encoder.layers.{i}.{k}")  # noqa: E731
    y = layer_norm(x, lp("layer_norm1.weight"), lp("layer_norm1.bias"), eps)
    q, k, v = [(y @ lp(f"self_attn.{n}_proj.weight") + lp(f"self_attn.{n}_proj.bias")).reshape(b, h * w, heads, hd)
               for n in "qkv"]
    logits = jnp.einsum("bthd,bshd->bhts", q, k).astype(jnp.float32) * hd ** -0.5
    probs = jax.nn.softmax(logits, axis=-1).astype(dt)
    y = jnp.einsum("bhts,bshd->bthd", probs, v).reshape(b, h * w, d)
    x = x + y @ lp("self_attn.out_proj.weight") + lp("self_attn.out_proj.bias")
    y = layer_norm(x, lp("layer_norm2.weight"), lp("layer_norm2.bias"), eps)
    y = jax.nn.gelu(y @ lp("mlp.fc1.weight") + lp("mlp.fc1.bias"), approximate=True)
    x = x + y @ lp("mlp.fc2.weight") + lp("mlp.fc2.bias")
  x = layer_norm(x, p("post_layernorm.weight"), p("post_layernorm.bias"), eps)
  return x @ params["projector.weight"] + params["projector.bias"]


def main():
  ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
  ap.add_argument("--model", required=True)
  ap.add_argument("--dtype", choices=sorted(gemma_jax.DTYPES), default="float32")
  ap.add_argument("--batch", type=int, default=1)
  ap.add_argument("--prompt-len", type=int, default=8, help="prompt ids after the image tokens, <bos> .. \"\\n\"")
  ap.add_argument("--new-tokens", type=int, default=32)
  ap.add_argument("--repeat", type=int, default=3)
  ap.add_argument("--seed", type=int, default=0, help="seed of the images and prompt ids (paligemma_inputs.py)")
  ap.add_argument("--image-only", action="store_true", help="time the image encoder only (vision tower + projector)")
  ap.add_argument("--ids-out", help="write the greedy ids [B, N] of the first timed run here (.npy)")
  ap.add_argument("--logits-out", help="write the first forward's last-position logits [B, V] (f32) here (.npy)")
  a = ap.parse_args()
  dtype = gemma_jax.DTYPES[a.dtype]
  t0 = time.perf_counter()
  c, text, params = load(a.model, dtype)
  load_s = time.perf_counter() - t0
  vc = c["vision_config"]
  res = vc["image_size"]
  n_image = (res // vc["patch_size"]) ** 2
  image_token = c.get("image_token_index", c.get("image_token_id"))
  pixels = jnp.asarray(paligemma_inputs.images(a.batch, res, a.seed))
  ids = jnp.asarray(paligemma_inputs.prompt_ids(a.batch, a.prompt_len, image_token, a.seed).astype(np.int32))
  prefix_len = n_image + a.prompt_len
  text["prefix_len"] = prefix_len
  text["dot_f32"] = False
  length = prefix_len + a.new_tokens

  image_fn = jax.jit(lambda params, pixels: image_tokens(vc, params, pixels))

  @partial(jax.jit, donate_argnums=(3,))
  def first(params, pixels, ids, cache):
    logits, cache = gemma_jax.forward(text, params, ids, 0, cache, prefix=image_tokens(vc, params, pixels))
    return logits, jnp.argmax(logits, axis=-1).astype(jnp.int32), cache

  @partial(jax.jit, donate_argnums=(3,))
  def decode_step(params, tokens, pos, cache):
    logits, cache = gemma_jax.forward(text, params, tokens[:, None], pos, cache)
    return jnp.argmax(logits, axis=-1).astype(jnp.int32), cache

  t0 = time.perf_counter()
  image_c = image_fn.lower(params, pixels).compile()
  if not a.image_only:
    cache = gemma_jax.new_cache(text, a.batch, length, dtype)
    first_c = first.lower(params, pixels, ids, cache).compile()
    decode_c = decode_step.lower(params, jnp.zeros((a.batch,), jnp.int32), jnp.int32(0), cache).compile()
  compile_s = time.perf_counter() - t0

  def run_image():
    t0 = time.perf_counter()
    image_c(params, pixels).block_until_ready()
    return time.perf_counter() - t0

  def run_caption(steps):
    """First forward (image + prefill), then `steps` greedy decode steps: ids [B, steps+1], logits, times."""
    cache = jax.block_until_ready(gemma_jax.new_cache(text, a.batch, length, dtype))
    t0 = time.perf_counter()
    logits, tokens, c = first_c(params, pixels, ids, cache)
    out = [np.asarray(tokens)]
    first_s = time.perf_counter() - t0
    for step in range(steps):
      tokens, c = decode_c(params, tokens, jnp.int32(prefix_len + step), c)
      out.append(np.asarray(tokens))
    return np.stack(out, axis=1), logits, first_s, time.perf_counter() - t0

  steps = a.new_tokens - 1
  image_s, first_s, latency_s, decode_rates, reference = [], [], [], [], None
  run_image()  # warm-up
  if not a.image_only:
    _, logits, _, _ = run_caption(min(steps, 2))  # warm-up
    if a.logits_out:
      np.save(a.logits_out, np.asarray(logits))
  for _ in range(a.repeat):
    image_s.append(run_image())
    if a.image_only:
      continue
    generated, _, first, total = run_caption(steps)
    if reference is None:
      reference = generated
      if a.ids_out:
        np.save(a.ids_out, generated)
    assert np.array_equal(generated, reference), "greedy decoding is not deterministic"
    first_s.append(first)
    latency_s.append(total)
    if steps:
      decode_rates.append(a.batch * steps / (total - first))

  def median(xs, digits=4):
    return round(statistics.median(xs), digits) if xs else None

  print(json.dumps(dict(
      system="jax", version=jax.__version__, dtype=a.dtype, batch=a.batch, image_size=res, prompt_len=a.prompt_len,
      new_tokens=None if a.image_only else a.new_tokens, text_layers=text["layers"], load_s=round(load_s, 3),
      compile_s=round(compile_s, 3), image_s=median(image_s), image_per_s=round(a.batch / statistics.median(image_s), 3),
      first_token_s=median(first_s), latency_s=median(latency_s), decode_tokens_per_s=median(decode_rates, 3),
      peak_rss_mb=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1))))


if __name__ == "__main__":
  main()
