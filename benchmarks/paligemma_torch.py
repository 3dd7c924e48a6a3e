#!/usr/bin/env python3
"""Hugging Face transformers side of benchmarks/paligemma-vs-peers: PaliGemmaForConditionalGeneration
.from_pretrained(DIR) on the PyTorch CPU, under torch.inference_mode, torch threads = the usable cores.

Inputs as PaliGemma's processor builds them (benchmarks/paligemma_inputs.py, the same images and ids the xla4j side
gets): pixel_values [B, 3, RES, RES] in [-1, 1]; input_ids = image_token_index x (RES/14)^2, then the prompt
(<bos> ... "\\n", --prompt-len ids); token_type_ids 0 (all prefix); attention_mask 1. A manual greedy loop over the
model's own KV cache (the DynamicCache it returns): the first forward takes pixel_values and token_type_ids and
runs the vision tower, the projector and the prefill (logits_to_keep=1, as generate() asks), then one forward per
new token, all --new-tokens of them (no stop at EOS).

Attention: "eager" by default (--attn). In transformers 5.18 PaliGemma's prefix-LM mask (full attention over image +
prompt, causal after) comes from token_type_ids: create_causal_mask turns them into block_sequence_ids, for eager
and sdpa alike, and with them both implementations compute the same logits (--check-attn: max |eager - sdpa| over
every position 2.4e-7 on the tiny model, and the last prompt id moves the image positions' logits, which it cannot
under a causal mask). Without token_type_ids the two differ: eager gets a materialized causal mask (plainly causal,
as documented), while sdpa gets no mask (the causal skip) and PaliGemma's text config sets
use_bidirectional_attention, so its Gemma layers attend in both directions - here the prefix-LM result by accident.
Eager always applies the mask it is handed, so its result does not hang on that skip logic; the inputs here carry
token_type_ids, so --attn sdpa computes the same thing and gives the alternative timing.

Measured after a warm-up (one full first forward, 2 decode steps, one vision call), medians over --repeat:
  latency_s       the whole caption: first forward (vision + projector + prefill) + N-1 decode steps, N new tokens
  first_token_s   the first forward alone (gives the first new token)
  decode_tokens_per_s  B*(N-1) / the time of the N-1 decode steps
  image_s         model.get_image_features(pixel_values) alone (vision tower + projector), image_per_s = B / image_s
  peak_rss_mb     ru_maxrss of the process
compile_s is null (eager PyTorch). --image-only: only image_s / image_per_s (latency fields null).

usage: python3 benchmarks/paligemma_torch.py --model DIR --dtype float32 --batch 1 --new-tokens 32 --repeat 3
       [--prompt-len 8] [--seed 0] [--image-only] [--attn eager|sdpa] [--ids-out IDS.npy] [--logits-out L.npy]
       [--check-attn]
"""
import argparse
import json
import os
import resource
import statistics
import sys
import time

import numpy as np
import torch
import transformers
from transformers import PaliGemmaConfig, PaliGemmaForConditionalGeneration

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import paligemma_inputs  # noqa: E402

DTYPES = {"float32": torch.float32, "bfloat16": torch.bfloat16}


def processor_inputs(config, batch, prompt_len, seed, dtype):
  """What PaliGemmaProcessor returns for B images at the model's resolution and B prompts of equal length."""
  res = config.vision_config.image_size
  tokens = (res // config.vision_config.patch_size) ** 2
  prompt = torch.from_numpy(paligemma_inputs.prompt_ids(batch, prompt_len, config.image_token_index, seed))
  input_ids = torch.cat([torch.full((batch, tokens), config.image_token_index, dtype=torch.long), prompt], dim=1)
  pixels = torch.from_numpy(paligemma_inputs.images(batch, res, seed)).permute(0, 3, 1, 2).contiguous()
  return dict(input_ids=input_ids, pixel_values=pixels.to(dtype), attention_mask=torch.ones_like(input_ids),
              token_type_ids=torch.zeros_like(input_ids))


def check_attn(model_dir, dtype, inputs):
  """eager == sdpa at every position of [image][prompt], and the prefix-LM mask is applied (the last prompt id
  changes the logits at the image positions)."""
  logits = {}
  for attn in ["eager", "sdpa"]:
    m = PaliGemmaForConditionalGeneration.from_pretrained(model_dir, dtype=dtype, attn_implementation=attn).eval()
    changed = dict(inputs, input_ids=inputs["input_ids"].clone())
    changed["input_ids"][:, -1] = 7
    logits[attn] = [m(**x, logits_to_keep=0).logits.float() for x in (inputs, changed)]
  tokens = int((inputs["input_ids"][0] == m.config.image_token_index).sum())
  for attn, (a, b) in logits.items():
    moved = (a[:, :tokens] - b[:, :tokens]).abs().max().item()
    print(f"check-attn: {attn}: last prompt id moves the image positions' logits by {moved:.3g} "
          f"(0 under a causal mask)", file=sys.stderr)
    assert moved > 0, f"{attn} does not apply the prefix-LM mask"
  diff = max((x - y).abs().max().item() for x, y in zip(logits["eager"], logits["sdpa"]))
  scale = logits["eager"][0].abs().max().item()
  print(f"check-attn: max |eager - sdpa| over all positions {diff:.3g} (logits up to {scale:.3g})", file=sys.stderr)


def main():
  ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
  ap.add_argument("--model", required=True)
  ap.add_argument("--dtype", choices=sorted(DTYPES), default="float32")
  ap.add_argument("--batch", type=int, default=1)
  ap.add_argument("--prompt-len", type=int, default=8, help="prompt ids after the image tokens, <bos> .. \"\\n\"")
  ap.add_argument("--new-tokens", type=int, default=32)
  ap.add_argument("--repeat", type=int, default=3)
  ap.add_argument("--seed", type=int, default=0, help="seed of the images and prompt ids (paligemma_inputs.py)")
  ap.add_argument("--image-only", action="store_true", help="time the image encoder only (vision tower + projector)")
  ap.add_argument("--attn", choices=["eager", "sdpa"], default="eager", help="attention implementation")
  ap.add_argument("--ids-out", help="write the greedy ids [B, N] of the first timed run here (.npy)")
  ap.add_argument("--logits-out", help="write the first forward's last-position logits [B, V] (f32) here (.npy)")
  ap.add_argument("--check-attn", action="store_true", help="check eager vs sdpa and the prefix-LM mask, then exit")
  a = ap.parse_args()
  cores = len(os.sched_getaffinity(0))
  torch.set_num_threads(cores)
  dtype = DTYPES[a.dtype]
  if a.check_attn:  # loads the model twice (eager, sdpa): meant for small models
    inputs = processor_inputs(PaliGemmaConfig.from_pretrained(a.model), a.batch, a.prompt_len, a.seed, dtype)
    with torch.inference_mode():
      check_attn(a.model, dtype, inputs)
    return
  t0 = time.perf_counter()
  model = PaliGemmaForConditionalGeneration.from_pretrained(a.model, dtype=dtype, attn_implementation=a.attn)
  model.eval()
  load_s = time.perf_counter() - t0
  config = model.config
  inputs = processor_inputs(config, a.batch, a.prompt_len, a.seed, dtype)

  def run_image():
    t0 = time.perf_counter()
    model.get_image_features(inputs["pixel_values"])
    return time.perf_counter() - t0

  def run_caption(steps):
    """First forward (image + prefill), then `steps` greedy decode steps: ids [B, steps+1] and the times."""
    t0 = time.perf_counter()
    out = model(**inputs, use_cache=True, logits_to_keep=1)
    tokens = out.logits[:, -1].argmax(-1)
    first_s = time.perf_counter() - t0
    if a.logits_out:
      np.save(a.logits_out, out.logits[:, -1].float().numpy())
    cache, mask, generated = out.past_key_values, inputs["attention_mask"], [tokens]
    for _ in range(steps):
      mask = torch.cat([mask, mask.new_ones((mask.shape[0], 1))], dim=1)  # as generate() extends it
      out = model(input_ids=tokens[:, None], attention_mask=mask, past_key_values=cache, use_cache=True)
      cache = out.past_key_values
      tokens = out.logits[:, -1].argmax(-1)
      generated.append(tokens)
    total_s = time.perf_counter() - t0
    return torch.stack(generated, dim=1).numpy(), first_s, total_s

  steps = a.new_tokens - 1  # the first forward gives the first new token, each decode step one more
  image_s, first_s, latency_s, decode_rates, reference = [], [], [], [], None
  with torch.inference_mode():
    run_image()  # warm-up
    if not a.image_only:
      run_caption(min(steps, 2))  # warm-up
    for _ in range(a.repeat):
      image_s.append(run_image())
      if a.image_only:
        continue
      ids, first, total = run_caption(steps)
      if reference is None:
        reference = ids
        if a.ids_out:
          np.save(a.ids_out, ids)
      assert np.array_equal(ids, reference), "greedy decoding is not deterministic"
      first_s.append(first)
      latency_s.append(total)
      if steps:
        decode_rates.append(a.batch * steps / (total - first))

  def median(xs, digits=4):
    return round(statistics.median(xs), digits) if xs else None

  print(json.dumps(dict(
      system="transformers", version=f"{transformers.__version__} torch {torch.__version__} attn {a.attn}",
      dtype=a.dtype, batch=a.batch, image_size=config.vision_config.image_size, prompt_len=a.prompt_len,
      new_tokens=None if a.image_only else a.new_tokens, text_layers=config.text_config.num_hidden_layers,
      load_s=round(load_s, 3), compile_s=None, image_s=median(image_s),
      image_per_s=round(a.batch / statistics.median(image_s), 3), first_token_s=median(first_s),
      latency_s=median(latency_s), decode_tokens_per_s=median(decode_rates, 3),
      peak_rss_mb=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1))))


if __name__ == "__main__":
  main()
