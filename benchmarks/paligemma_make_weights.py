#!/usr/bin/env python3
"""Writes a Hugging Face model directory (config.json + safetensors, save_pretrained's layout) of a
PaliGemmaForConditionalGeneration shaped like google/paligemma-3b-pt-224 (or -448) with random weights and
--text-layers Gemma layers, for benchmarks/paligemma-vs-peers. Nothing is downloaded; no tokenizer (the benchmarks
pass ids).

Shapes (the Hub config of google/paligemma-3b-pt-224; PaliGemma paper arXiv:2407.07726, section 3):
  vision  SigLIP So400m/14: width 1152, 27 layers, 16 heads, MLP 4304, patch 14, image --res (224 -> 256 image
          tokens, 448 -> 1024), no pooling head (vision_use_head False), gelu_pytorch_tanh, LayerNorm eps 1e-6
  text    Gemma 2B: width 2048, MLP 16384, 8 heads, 1 KV head, head_dim 256, vocab 257216 (256000 text ids, 1024
          <locXXXX>, 128 <segXXX>, 64 unused), image_token_index 257152, tied output layer; 18 layers in the release
  projector  Linear 1152 -> 2048 (projection_dim)
Parameters: text embedding 0.527 G, vision 0.412 G, projector 2.4 M, 110 M per text layer: the full 18 layers are
2.92 G (11.7 GB in f32), the default 6 layers 1.60 G (6.4 GB in f32, 3.2 GB in bf16).

The model is built with transformers' own class without its initialisation (no_init_weights), then every
parameter is drawn, in place, from its own generator seeded from --seed and its name (so a tensor does not depend
on the others or on the layer count): weights and biases N(0, --std), SigLIP LayerNorm scales 1 + N(0, 0.1), Gemma
RMSNorm scales (used as 1 + scale) N(0, 0.1). It is then written by save_pretrained in --dtype (always safetensors
in transformers 5; shards of at most 2 GB, so the copy save_pretrained makes of a shard stays small).

usage: python3 benchmarks/paligemma_make_weights.py --res 224 --text-layers 6 --dtype bfloat16 --out DIR
       python3 benchmarks/paligemma_make_weights.py --res 224 --tiny --out DIR   # toy widths, for checks
"""
import argparse
import os
import zlib

import torch
from transformers import PaliGemmaConfig, PaliGemmaForConditionalGeneration
from transformers.initialization import no_init_weights

VISION = dict(hidden_size=1152, intermediate_size=4304, num_hidden_layers=27, num_attention_heads=16, patch_size=14,
              hidden_act="gelu_pytorch_tanh", layer_norm_eps=1e-6, vision_use_head=False)
TEXT = dict(hidden_size=2048, intermediate_size=16384, num_hidden_layers=18, num_attention_heads=8,
            num_key_value_heads=1, head_dim=256, vocab_size=257216, hidden_act="gelu_pytorch_tanh",
            max_position_embeddings=8192, rms_norm_eps=1e-6, rope_parameters={"rope_type": "default",
                                                                               "rope_theta": 10000.0})
TOP = dict(image_token_index=257152, projection_dim=2048, hidden_size=2048, vocab_size=257216)
# --tiny: the same structure at toy widths (patch and resolution kept, so the inputs are the real ones).
TINY_VISION = dict(hidden_size=32, intermediate_size=64, num_attention_heads=2)
TINY_TEXT = dict(hidden_size=64, intermediate_size=128, num_attention_heads=4, num_key_value_heads=1, head_dim=16,
                 vocab_size=1024)
TINY_TOP = dict(image_token_index=1000, projection_dim=64, hidden_size=64, vocab_size=1024)
DTYPES = {"float32": torch.float32, "bfloat16": torch.bfloat16}


def make_config(res, text_layers, vision_layers, tiny):
  vision = {**VISION, **(TINY_VISION if tiny else {}), "image_size": res, "num_hidden_layers": vision_layers}
  text = {**TEXT, **(TINY_TEXT if tiny else {}), "num_hidden_layers": text_layers}
  config = PaliGemmaConfig(vision_config=vision, text_config=text, bos_token_id=2, eos_token_id=1, pad_token_id=0,
                           **(TINY_TOP if tiny else TOP))
  config.text_config.bos_token_id, config.text_config.eos_token_id, config.text_config.pad_token_id = 2, 1, 0
  config.architectures = [PaliGemmaForConditionalGeneration.__name__]
  return config


@torch.no_grad()
def redraw(name, param, seed, std):
  gen = torch.Generator().manual_seed((seed * 1000003 + zlib.crc32(name.encode())) % (2 ** 63))
  if "vision_tower" in name and ("layer_norm" in name or "post_layernorm" in name) and name.endswith(".weight"):
    mean, scale = 1.0, 0.1  # SigLIP LayerNorm: x * scale
  elif name.endswith("norm.weight"):
    mean, scale = 0.0, 0.1  # Gemma RMSNorm: x * (1 + scale)
  else:
    mean, scale = 0.0, std
  flat = param.view(param.shape[0], -1) if param.dim() > 1 else param.view(-1, 1)
  rows = max(1, (1 << 24) // flat.shape[1])
  for start in range(0, flat.shape[0], rows):  # f32 chunks of <= 64 MB, cast into the parameter's dtype
    chunk = torch.empty((min(rows, flat.shape[0] - start), flat.shape[1]), dtype=torch.float32)
    chunk.normal_(mean, scale, generator=gen)
    flat[start:start + chunk.shape[0]] = chunk.to(param.dtype)


def main():
  p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
  p.add_argument("--res", type=int, choices=[224, 448], default=224, help="image resolution (pixels)")
  p.add_argument("--text-layers", type=int, help="Gemma layers (default 6; 2 with --tiny)")
  p.add_argument("--vision-layers", type=int, help="SigLIP layers (default 27; 2 with --tiny)")
  p.add_argument("--dtype", choices=sorted(DTYPES), default="float32")
  p.add_argument("--seed", type=int, default=0)
  p.add_argument("--std", type=float, default=0.02, help="standard deviation of the weights and biases")
  p.add_argument("--tiny", action="store_true", help="toy widths with the real structure (for checks)")
  p.add_argument("--out", required=True)
  a = p.parse_args()
  text_layers = a.text_layers if a.text_layers is not None else (2 if a.tiny else 6)
  vision_layers = a.vision_layers if a.vision_layers is not None else (2 if a.tiny else 27)
  dtype = DTYPES[a.dtype]
  config = make_config(a.res, text_layers, vision_layers, a.tiny)
  with no_init_weights():
    model = PaliGemmaForConditionalGeneration._from_config(config, dtype=dtype)
  model.tie_weights()  # init_weights, skipped above, is what ties lm_head to the embedding
  assert model.lm_head.weight is model.model.language_model.embed_tokens.weight, "lm_head is not tied"
  params = dict(model.named_parameters())  # the tied lm_head.weight is embed_tokens.weight, listed once
  for name, param in params.items():
    redraw(name, param, a.seed, a.std)
  bad = [n for n, t in params.items() if not torch.isfinite(t).all() or not t.any()]
  assert not bad, f"paligemma_make_weights: all-zero or non-finite tensors {bad}"
  sizes = {}
  for name, t in params.items():
    part = ("text embedding" if "embed_tokens" in name else "vision" if "vision_tower" in name else
            "projector" if "multi_modal_projector" in name else "text layers")
    sizes[part] = sizes.get(part, 0) + t.numel() * t.element_size()
  os.makedirs(a.out, exist_ok=True)
  for f in os.listdir(a.out):  # a previous run's files would mix in
    if f.endswith(".safetensors") or f == "model.safetensors.index.json":
      os.remove(os.path.join(a.out, f))
  model.save_pretrained(a.out, max_shard_size="2GB")
  on_disk = sum(os.path.getsize(os.path.join(a.out, f)) for f in os.listdir(a.out) if f.endswith(".safetensors"))
  tokens = (a.res // config.vision_config.patch_size) ** 2
  print(f"paligemma_make_weights: {'tiny ' if a.tiny else ''}PaliGemma {a.res} px ({tokens} image tokens), "
        f"{vision_layers} vision + {text_layers} text layers, {a.dtype}: "
        + ", ".join(f"{k} {v / 1e6:.1f} MB" for k, v in sizes.items())
        + f"; {sum(p.numel() for p in params.values()) / 1e6:.1f} M parameters, {on_disk / 1e6:.1f} MB on disk"
        f" -> {a.out}")


if __name__ == "__main__":
  main()
