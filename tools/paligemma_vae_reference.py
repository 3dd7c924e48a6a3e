#!/usr/bin/env python3
"""Reference outputs of PaliGemma's mask decoder and output parser for xla4j's tests.

Regenerate (from the repository root; JAX 0.10.2 / Flax 0.12.8, PyTorch 2.x CPU, Pillow >= 7):
  python3 tools/paligemma_vae_reference.py        # -> src/test/resources/paligemma/vae/

What this is
  1. The VQ-VAE mask decoder of big_vision's PaliGemma segmentation evaluator
     (big_vision/evaluators/proj/paligemma/transfers/segmentation.py: `Decoder`, `ResBlock`, `_get_params`,
     `_quantized_values_from_codebook_indices`; big_vision commit 0127fb6), re-written here with the same
     Flax modules (nn.Conv, nn.ConvTranspose(kernel 4, stride 2, padding=2, transpose_kernel=True), nn.relu).
     The one change: big_vision hard-codes dim=128; here `dim` is an attribute, so a tiny checkpoint (dim 16)
     runs through the same module. The checkpoint keys are those of big_vision's `vae-oid.npz` (a PyTorch
     state dict saved with np.savez), which `_get_params` maps to Flax names:
       _vq_vae._embedding                    (K, D)            codebook, K = 128 (<seg000>..<seg127>)
       decoder.0.{weight,bias}               (C, D, 1, 1)      Conv_0, OIHW
       decoder.{2,3}.net.{0,2}.{weight,bias} (C, C, 3, 3)      ResBlock_{0,1}/Conv_{0,1}, padding 1
       decoder.{2,3}.net.4.{weight,bias}     (C, C, 1, 1)      ResBlock_{0,1}/Conv_2
       decoder.{4,6,8,10}.{weight,bias}      (Cin, Cout, 4, 4) ConvTranspose_{0..3}, PyTorch's IOHW
       decoder.12.{weight,bias}              (1, C4, 1, 1)     Conv_1
     `_get_params` transposes every weight with (2, 3, 1, 0); for the transposed convolutions that gives
     Flax's transpose_kernel layout (kh, kw, features, in_features). Channels: Conv_0 and the ResBlocks C,
     ConvTranspose_i outputs C, C/2, C/4, C/8 (big_vision: dim=128 for the first, then dim //= 2).
     Encoder keys (encoder.*) are in the real file too; the decoder ignores them, and so do we (a few are
     written to the tiny checkpoint to prove it).
  2. An independent check of (1): the PyTorch module the checkpoint comes from (nn.Conv2d, ReLU, ResBlock with
     `net` = Sequential(conv3x3, ReLU, conv3x3, ReLU, conv1x1), nn.ConvTranspose2d(k=4, s=2, p=1)), loaded
     from the same state dict by name; its logits must agree with Flax's within 1e-5.
  3. The demo's post-processing of one object (Google's PaliGemma demo, big-vision/paligemma Hugging Face
     space, paligemma_parse.py `extract_objs`): box from <locYYYY> tokens as round(loc / 1024 * size)
     (Python's round: half to even), m64 = clip(logits * 0.5 + 0.5, 0, 1), uint8(m64 * 255) (truncation),
     PIL.Image.resize([x2 - x1, y2 - y1]) with Pillow's default filter (BICUBIC for mode "L"), pasted into a
     zero (height, width) image when y2 > y1 and x2 > x1; the demo divides by 255 (we store the uint8 levels).
  4. The demo's parser (`_SEGMENT_DETECT_RE` matched repeatedly at the start of the remaining text) on a set
     of strings, recorded as JSON with Python's own `re` semantics (Unicode \\s and \\d, '.' not matching
     '\\n').

Files written (all small):
  vae-tiny.npz      the tiny checkpoint, float32, keys as vae-oid.npz (plus encoder.* keys that are ignored)
  golden.npz        codes (B, 16) int32, logits (B, 64, 64) float32 (Flax, float32, matmul precision highest),
                    and for each mask case i: mask{i}_levels (height, width) uint8 made from logits[row]
  golden.json       the mask cases: row, box tokens, image width and height, and the pixel box
  parse_cases.json  parser cases: text, width, height -> objects (before, content, name, label = name stripped of
                    Python's whitespace, locs, box, codes), rest
"""
import json
import os
import re

import numpy as np

os.environ.setdefault("XLA_FLAGS", "--xla_force_host_platform_device_count=1")
import jax  # noqa: E402
import jax.numpy as jnp  # noqa: E402
import flax.linen as nn  # noqa: E402
import PIL  # noqa: E402
import PIL.Image  # noqa: E402
import torch  # noqa: E402

jax.config.update("jax_default_matmul_precision", "highest")
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "test", "resources", "paligemma", "vae")

K, D, C = 128, 8, 16  # codebook size (as vae-oid), embedding width and decoder width (vae-oid: C = 128)


# ---------------------------------------------------------------------------------------------------------------
# 1. big_vision's decoder, dim as an attribute


class ResBlock(nn.Module):
  features: int

  @nn.compact
  def __call__(self, x):
    skip = x
    x = nn.relu(nn.Conv(self.features, (3, 3), padding=1)(x))
    x = nn.relu(nn.Conv(self.features, (3, 3), padding=1)(x))
    x = nn.Conv(self.features, (1, 1), padding=0)(x)
    return x + skip


class Decoder(nn.Module):
  dim: int

  @nn.compact
  def __call__(self, x):
    dim = self.dim
    x = nn.relu(nn.Conv(dim, (1, 1), padding=0)(x))
    for _ in range(2):
      x = ResBlock(dim)(x)
    for _ in range(4):
      x = nn.ConvTranspose(dim, (4, 4), strides=(2, 2), padding=2, transpose_kernel=True)(x)
      x = nn.relu(x)
      dim //= 2
    return nn.Conv(1, (1, 1), padding=0)(x)


def flax_params(ckpt):
  """big_vision's _get_params: PyTorch names and layouts -> Flax's."""
  def conv(name):
    return {"kernel": np.transpose(ckpt[name + ".weight"], (2, 3, 1, 0)), "bias": ckpt[name + ".bias"]}

  def res(name):
    return {"Conv_0": conv(name + ".0"), "Conv_1": conv(name + ".2"), "Conv_2": conv(name + ".4")}

  return {
      "Conv_0": conv("decoder.0"), "ResBlock_0": res("decoder.2.net"), "ResBlock_1": res("decoder.3.net"),
      "ConvTranspose_0": conv("decoder.4"), "ConvTranspose_1": conv("decoder.6"),
      "ConvTranspose_2": conv("decoder.8"), "ConvTranspose_3": conv("decoder.10"), "Conv_1": conv("decoder.12"),
  }


def flax_logits(ckpt, codes):
  emb = jnp.take(ckpt["_vq_vae._embedding"], codes.reshape(-1), axis=0).reshape(codes.shape[0], 4, 4, -1)
  out = Decoder(C).apply({"params": flax_params(ckpt)}, emb)
  return np.asarray(out[..., 0], np.float32)


# ---------------------------------------------------------------------------------------------------------------
# 2. the PyTorch module the checkpoint's names come from


class TorchResBlock(torch.nn.Module):
  def __init__(self, c):
    super().__init__()
    self.net = torch.nn.Sequential(torch.nn.Conv2d(c, c, 3, padding=1), torch.nn.ReLU(),
                                   torch.nn.Conv2d(c, c, 3, padding=1), torch.nn.ReLU(), torch.nn.Conv2d(c, c, 1))

  def forward(self, x):
    return x + self.net(x)


def torch_logits(ckpt, codes):
  layers = [torch.nn.Conv2d(D, C, 1), torch.nn.ReLU(), TorchResBlock(C), TorchResBlock(C)]
  c = C
  for i in range(4):
    out = C if i == 0 else c // 2
    layers += [torch.nn.ConvTranspose2d(c, out, 4, stride=2, padding=1), torch.nn.ReLU()]
    c = out
  layers += [torch.nn.Conv2d(c, 1, 1)]
  decoder = torch.nn.Sequential(*layers)
  state = {k[len("decoder."):]: torch.from_numpy(v) for k, v in ckpt.items() if k.startswith("decoder.")}
  decoder.load_state_dict(state, strict=True)
  emb = torch.from_numpy(ckpt["_vq_vae._embedding"])[torch.from_numpy(codes.reshape(-1).astype(np.int64))]
  x = emb.reshape(codes.shape[0], 4, 4, D).permute(0, 3, 1, 2)
  with torch.no_grad():
    return decoder.double()(x.double())[:, 0].numpy()


# ---------------------------------------------------------------------------------------------------------------
# the tiny checkpoint


def make_checkpoint(rng):
  ckpt = {"_vq_vae._embedding": rng.normal(0, 1, (K, D))}

  def conv(name, o, i, k):
    ckpt[name + ".weight"] = rng.normal(0, np.sqrt(2.0 / (i * k * k)), (o, i, k, k))
    ckpt[name + ".bias"] = rng.normal(0, 0.1, (o,))

  def convt(name, i, o):
    ckpt[name + ".weight"] = rng.normal(0, np.sqrt(2.0 / (i * 4)), (i, o, 4, 4))  # PyTorch (in, out, kh, kw)
    ckpt[name + ".bias"] = rng.normal(0.05, 0.1, (o,))

  conv("decoder.0", C, D, 1)
  for b in (2, 3):
    conv(f"decoder.{b}.net.0", C, C, 3)
    conv(f"decoder.{b}.net.2", C, C, 3)
    conv(f"decoder.{b}.net.4", C, C, 1)
  chans = [C, C, C // 2, C // 4, C // 8]
  for i in range(4):
    convt(f"decoder.{4 + 2 * i}", chans[i], chans[i + 1])
  conv("decoder.12", 1, chans[4], 1)
  # a few encoder keys, as the real vae-oid.npz has: the decoder must ignore them
  conv("encoder.0", C, 1, 3)
  return {k: v.astype(np.float32) for k, v in ckpt.items()}


# ---------------------------------------------------------------------------------------------------------------
# 3. the demo's post-processing of one object


def loc_box(locs, width, height):
  y1, x1, y2, x2 = [int(v) / 1024 for v in locs]
  return [round(y1 * height), round(x1 * width), round(y2 * height), round(x2 * width)]


def demo_mask(logits64, box, width, height):
  y1, x1, y2, x2 = box
  m64 = np.clip(np.asarray(logits64, np.float32) * np.float32(0.5) + np.float32(0.5), 0, 1)
  img = PIL.Image.fromarray((m64 * 255).astype("uint8"))
  levels = np.zeros([height, width], np.uint8)
  if y2 > y1 and x2 > x1:
    levels[y1:y2, x1:x2] = np.array(img.resize([x2 - x1, y2 - y1]))
  return levels


# ---------------------------------------------------------------------------------------------------------------
# 4. the demo's parser

SEGMENT_DETECT_RE = re.compile(
    r"(.*?)" + r"<loc(\d{4})>" * 4 + r"\s*" + "(?:%s)?" % (r"<seg(\d{3})>" * 16) + r"\s*([^;<>]+)? ?(?:; )?")


def parse(text, width, height):
  objs = []
  while text:
    m = SEGMENT_DETECT_RE.match(text)
    if not m:
      break
    groups = list(m.groups())
    before, name = groups[0], groups[-1]
    locs = [int(v) for v in groups[1:5]]
    segs = groups[5:21]
    objs.append({
        "before": before, "content": m.group()[len(before):], "name": name, "label": (name or "").strip(),
        "locs": locs,
        "box": loc_box(groups[1:5], width, height),
        "codes": None if segs[0] is None else [int(v) for v in segs]})
    text = text[len(m.group()):]
  return {"objects": objs, "rest": text}


def L(*v):
  return "".join("<loc%04d>" % x for x in v)


def S(*v):
  return "".join("<seg%03d>" % x for x in v)


PARSE_CASES = [
    (L(100, 200, 612, 800) + " cat", 640, 480),
    (L(100, 200, 612, 800) + " cat ; " + L(0, 0, 1023, 1023) + " dog", 640, 480),
    (L(10, 20, 30, 40) + " " + S(*range(16)) + " black cat ; " + L(512, 512, 1000, 900) + " "
     + S(*range(112, 128)) + " dog", 333, 250),
    (L(512, 512, 512, 512) + " half", 5, 7),  # 2.5 -> 2 and 3.5 -> 4: Python rounds half to even
    ("sure: " + L(1, 2, 3, 4) + " a b  c ; " + L(5, 6, 7, 8) + " d ; <loc0001><loc02 garbage", 1024, 1024),
    (L(1, 2, 3, 4) + " black cat;" + L(5, 6, 7, 8) + "dog", 100, 100),  # no space after ';'
    ("text\n" + L(1, 2, 3, 4) + " cat", 100, 100),  # '.' does not cross a newline: nothing parsed
    (L(1, 2, 3, 4) + S(*range(15)) + " cat", 100, 100),  # 15 seg tokens: no codes, no label, stop
    (L(1, 2, 3, 4), 100, 100),  # no label
    (L(1, 2, 3, 4) + "\u00a0cat\x1c ; " + L(9999, 2, 3, 4) + " far", 100, 100),  # Unicode whitespace; loc > 1023
    (L(1, 2, 3, 4) + " cat\ndog ; x", 100, 100),  # a label may hold a newline
    (L(1, 2, 3, 4) + " " + S(*([999] * 16)) + " big codes", 64, 64),  # 3-digit codes beyond the codebook
    ("no objects at all", 10, 10),
    ("", 10, 10),
]

# ---------------------------------------------------------------------------------------------------------------


def main():
  os.makedirs(OUT, exist_ok=True)
  rng = np.random.RandomState(20240514)
  ckpt = make_checkpoint(rng)
  codes = np.stack([np.arange(16), np.arange(112, 128), rng.randint(0, K, 16), rng.randint(0, K, 16)])
  codes = codes.astype(np.int32)
  # rescale the last conv so the logits straddle 0 (about -3..3): the mask then has both levels
  raw = flax_logits(ckpt, codes)
  scale = 2.0 / float(raw.std())
  ckpt["decoder.12.weight"] = (ckpt["decoder.12.weight"] * scale).astype(np.float32)
  ckpt["decoder.12.bias"] = (ckpt["decoder.12.bias"] * scale - raw.mean() * scale).astype(np.float32)
  logits = flax_logits(ckpt, codes)
  ref = torch_logits(ckpt, codes)
  err = float(np.abs(ref - logits).max())
  assert err < 1e-5, f"Flax and PyTorch decoders disagree by {err}"
  frac = float((logits > 0).mean())
  assert 0.2 < frac < 0.8, f"logits > 0 on {frac} of the pixels"

  np.savez(os.path.join(OUT, "vae-tiny.npz"), **ckpt)

  # mask cases: (row, locs, width, height)
  cases = [
      (0, [100, 200, 612, 800], 160, 120),   # box 60 x 94 px: fewer rows, more columns than 64
      (1, [0, 0, 1023, 1023], 160, 120),     # nearly the whole image: upscale both ways
      (2, [300, 300, 500, 420], 160, 120),   # 24 x 19 px: downscale both ways
      (3, [0, 0, 546, 410], 128, 120),       # exactly 64 x 51: one pass only (height 64 kept)
      (0, [500, 500, 500, 700], 160, 120),   # empty box: all zeros
  ]
  golden = {"codes": codes, "logits": logits}
  meta = []
  for i, (row, locs, w, h) in enumerate(cases):
    box = loc_box([str(v) for v in locs], w, h)
    golden[f"mask{i}_levels"] = demo_mask(logits[row], box, w, h)
    meta.append({"row": row, "locs": locs, "width": w, "height": h, "box": box})
  np.savez_compressed(os.path.join(OUT, "golden.npz"), **golden)
  with open(os.path.join(OUT, "golden.json"), "w") as f:
    json.dump({"versions": {"jax": jax.__version__, "flax": __import__("flax").__version__,
                            "torch": torch.__version__, "pillow": PIL.__version__, "numpy": np.__version__},
               "flax_vs_torch_max_abs": err, "mask_cases": meta}, f, indent=1)
    f.write("\n")
  with open(os.path.join(OUT, "parse_cases.json"), "w", encoding="utf-8") as f:
    json.dump([{"text": t, "width": w, "height": h, **parse(t, w, h)} for t, w, h in PARSE_CASES], f,
              indent=1, ensure_ascii=True)
    f.write("\n")
  print(f"wrote {OUT}: logits in [{logits.min():.3f}, {logits.max():.3f}], flax vs torch {err:.2e}")


if __name__ == "__main__":
  main()
