#!/usr/bin/env python3
"""The inputs of benchmarks/paligemma-vs-peers, shared by both sides so that they see the same images and prompts:
benchmarks/paligemma_torch.py imports it, benchmarks/paligemma_xla4j_bench runs it to write the .npy images and the
comma-separated prompt ids that `xla4j paligemma` takes.

images(B, RES, seed): B random RGB images as PaliGemma's processor would hand them to the model at its own resolution
  (no resize): uint8 pixels drawn from default_rng([seed, 1]), then x / 127.5 - 1 in float32 -> [B, RES, RES, 3] in
  [-1, 1] (channels last; the model's pixel_values are the same transposed to [B, 3, RES, RES]).
prompt_ids(B, P, image_token_index, seed): [B, P] ids like "<bos>caption en\\n": ids[:, 0] = 2 (<bos>), ids[:, -1]
  = 108 ("\\n"), the rest drawn from default_rng([seed, 2]) in [3, min(256000, image_token_index)) (Gemma's text ids;
  the model's input_ids are image_token_index repeated once per image token, then these).

usage: python3 benchmarks/paligemma_inputs.py --model DIR --batch B [--prompt-len 8] [--seed 0] --out TMPDIR
       writes TMPDIR/image_0.npy ... and prints one line per example: "TMPDIR/image_i.npy IDS" (IDS comma-separated)
"""
import argparse
import json
import os

import numpy as np

BOS, NEWLINE = 2, 108  # Gemma's <bos> and "\n"
TEXT_IDS = 256000  # Gemma's text vocabulary; PaliGemma's <locXXXX>/<segXXX>/image tokens come after it


def images(batch, res, seed=0):
  pixels = np.random.default_rng([seed, 1]).integers(0, 256, (batch, res, res, 3), dtype=np.uint8)
  return (pixels.astype(np.float32) / np.float32(127.5) - np.float32(1.0)).astype(np.float32)


def prompt_ids(batch, prompt_len, image_token_index, seed=0):
  if prompt_len < 2:
    raise ValueError(f"prompt_ids requires a prompt of at least 2 ids (<bos> and \"\\n\"), got {prompt_len}")
  ids = np.random.default_rng([seed, 2]).integers(3, min(TEXT_IDS, image_token_index), (batch, prompt_len),
                                                  dtype=np.int64)
  ids[:, 0] = BOS
  ids[:, -1] = NEWLINE
  return ids


def model_shape(model_dir):
  """(image size, image_token_index) from a PaliGemma config.json."""
  with open(os.path.join(model_dir, "config.json")) as f:
    config = json.load(f)
  return config["vision_config"]["image_size"], config.get("image_token_index", config.get("image_token_id"))


def main():
  ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
  ap.add_argument("--model", required=True)
  ap.add_argument("--batch", type=int, required=True)
  ap.add_argument("--prompt-len", type=int, default=8)
  ap.add_argument("--seed", type=int, default=0)
  ap.add_argument("--out", required=True)
  a = ap.parse_args()
  res, image_token = model_shape(a.model)
  os.makedirs(a.out, exist_ok=True)
  ids = prompt_ids(a.batch, a.prompt_len, image_token, a.seed)
  for i, image in enumerate(images(a.batch, res, a.seed)):
    path = os.path.join(a.out, f"image_{i}.npy")
    np.save(path, image)
    print(path, ",".join(map(str, ids[i])))


if __name__ == "__main__":
  main()
