#!/usr/bin/env python3
"""Hugging Face transformers side of benchmarks/gemma-vs-peers: Gemma2ForCausalLM / GemmaForCausalLM
.from_pretrained(DIR) on the PyTorch CPU, under torch.inference_mode, torch threads = the usable cores.

A manual greedy loop over the model's own KV cache (the DynamicCache it returns): the prefill is one forward of
the prompt with logits_to_keep=1 (what generate() asks for), then one forward per new token. Gemma 2 runs with
attn_implementation="eager", the implementation Hugging Face recommends for it: the default "sdpa" path drops the
attention-logit soft-capping (its kernel has no softcap argument), which changes the logits. Measured like
benchmarks/gemma_jax.py: compile_s is 0 (eager PyTorch; the one-time cost is in the first call, excluded as a
warm-up), prefill tokens/s (B*P over the median of --repeat prefills), decode tokens/s (B*(N-1) over the median
time of the N-1 decode steps that follow the prefill's token, after a warm-up run), peak RSS. One JSON line.

usage: python3 benchmarks/gemma_torch.py --model DIR --dtype bfloat16 --batch 1 --prompt-len 512 --new-tokens 32
       [--repeat 3] [--check-logits OUT.npy] [--ids-out IDS.npy] [--seed 0] [--attn eager|sdpa]
"""
import argparse
import json
import os
import resource
import statistics
import time

import numpy as np
import torch
import transformers
from transformers import AutoConfig, AutoModelForCausalLM

DTYPES = {"float32": torch.float32, "bfloat16": torch.bfloat16}


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
  ap.add_argument("--seed", type=int, default=0, help="seed of the random prompt ids (same ids as gemma_jax.py)")
  ap.add_argument("--attn", choices=["eager", "sdpa"], help="attention implementation (default: eager for "
                  "Gemma 2, whose soft-capping sdpa ignores; sdpa for Gemma)")
  ap.add_argument("--check-logits", help="write the prefill's last-position logits [B, V] (f32) here (.npy)")
  ap.add_argument("--ids-out", help="write the greedy ids [B, N] of the first decode run here (.npy)")
  a = ap.parse_args()
  cores = len(os.sched_getaffinity(0))
  torch.set_num_threads(cores)
  config = AutoConfig.from_pretrained(a.model)
  attn = a.attn or ("eager" if config.model_type == "gemma2" else "sdpa")
  t0 = time.perf_counter()
  model = AutoModelForCausalLM.from_pretrained(a.model, dtype=DTYPES[a.dtype], attn_implementation=attn)
  model.eval()
  load_s = time.perf_counter() - t0
  ids = np.random.default_rng(a.seed).integers(3, config.vocab_size, (a.batch, a.prompt_len), dtype=np.int32)
  ids = torch.from_numpy(ids.astype(np.int64))

  def run_prefill():
    out = model(input_ids=ids, use_cache=True, logits_to_keep=1)
    logits = out.logits[:, -1].float()
    return logits, logits.argmax(-1), out.past_key_values

  def run_decode(tokens, cache, steps, budget_s=None):
    """As gemma_jax.py's: up to `steps` greedy steps, ending early after budget_s seconds (>= 2 steps)."""
    generated = [tokens]
    t0 = time.perf_counter()
    for step in range(steps):
      out = model(input_ids=tokens[:, None], past_key_values=cache, use_cache=True)
      cache = out.past_key_values
      tokens = out.logits[:, -1].argmax(-1)
      generated.append(tokens)
      if budget_s and step >= 1 and time.perf_counter() - t0 > budget_s:
        break
    return torch.stack(generated, dim=1).numpy(), time.perf_counter() - t0

  steps = a.new_tokens - 1  # the prefill gives the first new token, each decode step one more
  with torch.inference_mode():
    logits, tokens, cache = run_prefill()  # warm-up, and the outputs to check
    if a.check_logits:
      np.save(a.check_logits, logits.numpy())
    generated, _ = run_decode(tokens, cache, steps if a.ids_out else min(steps, 2))
    if a.ids_out:
      np.save(a.ids_out, generated)
    prefill_s, decode_rates, decode_steps = [], [], []
    for _ in range(a.repeat):
      t0 = time.perf_counter()
      _, tokens, cache = run_prefill()
      prefill_s.append(time.perf_counter() - t0)
      again, seconds = run_decode(tokens, cache, steps, a.max_decode_s)
      n = min(again.shape[1], generated.shape[1])
      assert np.array_equal(again[:, :n], generated[:, :n]), "greedy decoding is not deterministic"
      decode_steps.append(again.shape[1] - 1)
      if steps:
        decode_rates.append(a.batch * decode_steps[-1] / seconds)
  print(json.dumps(dict(
      system="transformers", version=f"{transformers.__version__} torch {torch.__version__} attn {attn}",
      dtype=a.dtype, batch=a.batch, prompt_len=a.prompt_len, new_tokens=a.new_tokens,
      layers=config.num_hidden_layers, load_s=round(load_s, 3), compile_s=None,
      prefill_tokens_per_s=round(a.batch * a.prompt_len / statistics.median(prefill_s), 2),
      decode_tokens_per_s=round(statistics.median(decode_rates), 3) if steps else None,
      decode_steps_timed=min(decode_steps),
      peak_rss_mb=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1))))


if __name__ == "__main__":
  main()
