#!/usr/bin/env python3
"""Writes a Hugging Face model directory (config.json + safetensors) of a Gemma / Gemma 2 causal LM with the real
variant's shapes but --layers layers and random weights, for benchmarks/gemma-vs-peers. Nothing is downloaded.

The tensor names and shapes come from transformers' own model class built on the meta device (no memory), and
each tensor is generated and written one at a time, so the peak memory is about one shard (--max-shard-mb), not
the model. Files larger than one shard follow save_pretrained's sharded layout (model-0000k-of-0000n.safetensors
and model.safetensors.index.json). Weights are N(0, --std); the RMSNorm scales (used as 1 + scale) N(0, 0.1).
Each tensor has its own generator, seeded from --seed and its name, so a tensor does not depend on the others.

usage: python3 benchmarks/gemma_make_weights.py --variant gemma2_2b --layers 8 --dtype bfloat16 --out DIR
       python3 benchmarks/gemma_make_weights.py --variant gemma2_2b --tiny --out DIR   # small shapes, for checks
"""
import argparse
import json
import os
import zlib

import torch
from safetensors.torch import save_file
from transformers import Gemma2Config, Gemma2ForCausalLM, GemmaConfig, GemmaForCausalLM

# The released shapes: Gemma report (arXiv:2403.08295) table 1, Gemma 2 report (arXiv:2408.00118) table 1, and
# the Hub configs google/gemma-2b and google/gemma-2-2b.
VARIANTS = {
    "gemma_2b": dict(cls=(GemmaConfig, GemmaForCausalLM), hidden_size=2048, intermediate_size=16384,
                     num_hidden_layers=18, num_attention_heads=8, num_key_value_heads=1, head_dim=256,
                     vocab_size=256000),
    "gemma2_2b": dict(cls=(Gemma2Config, Gemma2ForCausalLM), hidden_size=2304, intermediate_size=9216,
                      num_hidden_layers=26, num_attention_heads=8, num_key_value_heads=4, head_dim=256,
                      vocab_size=256000, query_pre_attn_scalar=256, sliding_window=4096,
                      attn_logit_softcapping=50.0, final_logit_softcapping=30.0),
}
# --tiny: the same structure at toy sizes; Gemma 2 with GQA (4 heads over 2), a query_pre_attn_scalar that differs
# from head_dim and a sliding window shorter than the check's sequences; Gemma with MQA.
TINY = {
    "gemma_2b": dict(hidden_size=64, intermediate_size=160, num_attention_heads=4, num_key_value_heads=1,
                     head_dim=16, vocab_size=512),
    "gemma2_2b": dict(hidden_size=64, intermediate_size=160, num_attention_heads=4, num_key_value_heads=2,
                      head_dim=16, vocab_size=512, query_pre_attn_scalar=24, sliding_window=6),
}
DTYPES = {"float32": torch.float32, "bfloat16": torch.bfloat16}


def make_config(variant, layers, dtype, tiny):
  spec = dict(VARIANTS[variant])
  config_cls, model_cls = spec.pop("cls")
  if tiny:
    spec.update(TINY[variant])
  spec["num_hidden_layers"] = layers if layers is not None else spec["num_hidden_layers"]
  if variant == "gemma_2b":
    spec["hidden_act"] = "gelu_pytorch_tanh"  # the Hub's "gelu" means the tanh approximation for Gemma
  else:
    spec["hidden_activation"] = "gelu_pytorch_tanh"
  config = config_cls(**spec, max_position_embeddings=8192, rms_norm_eps=1e-6, tie_word_embeddings=True,
                      bos_token_id=2, eos_token_id=1, pad_token_id=0)
  config.dtype = dtype
  config.architectures = [model_cls.__name__]
  return config, model_cls


def random_tensor(name, shape, dtype, seed, std):
  gen = torch.Generator().manual_seed((seed * 1000003 + zlib.crc32(name.encode())) % (2 ** 63))
  scale = 0.1 if name.endswith("norm.weight") else std
  out = torch.empty(shape, dtype=dtype)
  rows = max(1, (1 << 24) // max(1, out[0].numel()) if out.dim() > 1 else out.numel())
  for start in range(0, shape[0], rows):  # f32 chunks of <= 64 MB, cast into the target dtype
    chunk = torch.empty((min(rows, shape[0] - start), *shape[1:]), dtype=torch.float32)
    chunk.normal_(0.0, scale, generator=gen)
    out[start:start + chunk.shape[0]] = chunk.to(dtype)
  return out


def main():
  p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
  p.add_argument("--variant", choices=sorted(VARIANTS), required=True)
  p.add_argument("--layers", type=int, help="number of decoder layers (default: the variant's)")
  p.add_argument("--dtype", choices=sorted(DTYPES), default="float32")
  p.add_argument("--seed", type=int, default=0)
  p.add_argument("--std", type=float, default=0.02, help="standard deviation of the weights (not the norms)")
  p.add_argument("--tiny", action="store_true", help="toy sizes with the variant's structure (for checks)")
  p.add_argument("--max-shard-mb", type=int, default=2000, help="shard size as save_pretrained's max_shard_size")
  p.add_argument("--out", required=True)
  a = p.parse_args()
  dtype = DTYPES[a.dtype]
  config, model_cls = make_config(a.variant, a.layers, a.dtype, a.tiny)
  with torch.device("meta"):
    model = model_cls(config)
  specs = [(n, tuple(t.shape)) for n, t in model.state_dict().items()
           if not (config.tie_word_embeddings and n == "lm_head.weight")]
  del model
  # Shards in state-dict order, a new one when the next tensor would pass the limit (as save_pretrained does).
  limit, shards, size = a.max_shard_mb << 20, [[]], 0
  for n, shape in specs:
    nbytes = torch.Size(shape).numel() * dtype.itemsize
    if shards[-1] and size + nbytes > limit:
      shards.append([])
      size = 0
    shards[-1].append((n, shape))
    size += nbytes
  os.makedirs(a.out, exist_ok=True)
  for f in os.listdir(a.out):  # a previous run's files would mix in
    if f.endswith(".safetensors") or f == "model.safetensors.index.json":
      os.remove(os.path.join(a.out, f))
  config.save_pretrained(a.out)
  weight_map, total = {}, 0
  for i, shard in enumerate(shards):
    fname = "model.safetensors" if len(shards) == 1 else f"model-{i + 1:05d}-of-{len(shards):05d}.safetensors"
    tensors = {n: random_tensor(n, shape, dtype, a.seed, a.std) for n, shape in shard}
    save_file(tensors, os.path.join(a.out, fname), metadata={"format": "pt"})
    for n, t in tensors.items():
      weight_map[n] = fname
      total += t.numel() * t.element_size()
    del tensors
  if len(shards) > 1:
    with open(os.path.join(a.out, "model.safetensors.index.json"), "w") as f:
      json.dump({"metadata": {"total_size": total}, "weight_map": dict(sorted(weight_map.items()))}, f, indent=2)
  print(f"gemma_make_weights: {a.variant}{' (tiny)' if a.tiny else ''}, {config.num_hidden_layers} layers, "
        f"{a.dtype}, {total / 1e9:.3f} GB in {len(shards)} file(s) -> {a.out}")


if __name__ == "__main__":
  main()
