#!/usr/bin/env python3
"""Reference outputs of big_vision's ViT for xla4j's model tests (an independent JAX/Flax port).

Regenerate everything (from the repository root; build/ is git-ignored):
  python3 -m venv build/venv
  build/venv/bin/pip install --retries 1 jax==0.10.2 jaxlib==0.10.2 flax numpy scipy
  build/venv/bin/python tools/vit_reference.py                # goldens -> src/test/resources/vit/
  build/venv/bin/python tools/vit_reference.py --emit-hlo     # -> hlo/reference/vit_ti16_jax.mlir
  build/venv/bin/python tools/vit_reference.py --detparams    # values pinned by DetParamsTest.java
  build/venv/bin/python tools/vit_reference.py --params-npz build/vit_params  # full .npz checkpoints (not committed)
  build/venv/bin/python tools/vit_reference.py --check-big-vision ../big_vision  # oracle check, writes nothing

What this is
  A port of big_vision/models/vit.py (and models/proj/flexi/vit.py for FlexiViT) written for this project,
  using the same Flax building blocks big_vision uses (nn.Conv, nn.LayerNorm, nn.MultiHeadDotProductAttention,
  nn.Dense, nn.gelu), so parameter names are big_vision's checkpoint names verbatim, flattened with '/':
    embedding/{kernel,bias}                       conv, kernel [ph, pw, 3, width] (HWIO)
    pos_embedding                                 [1, h*w, width]   (posemb="learn" only)
    cls                                           [1, 1, width]     (pool_type="tok", i.e. a [cls] token)
    Transformer/encoderblock_{i}/LayerNorm_0/{scale,bias}
    Transformer/encoderblock_{i}/MultiHeadDotProductAttention_0/{query,key,value}/kernel  [width, heads, head_dim]
    Transformer/encoderblock_{i}/MultiHeadDotProductAttention_0/{query,key,value}/bias    [heads, head_dim]
    Transformer/encoderblock_{i}/MultiHeadDotProductAttention_0/out/kernel  [heads, head_dim, width]
    Transformer/encoderblock_{i}/MultiHeadDotProductAttention_0/out/bias    [width]
    Transformer/encoderblock_{i}/LayerNorm_1/{scale,bias}
    Transformer/encoderblock_{i}/MlpBlock_0/Dense_0/{kernel,bias}   [width, mlp] [mlp]
    Transformer/encoderblock_{i}/MlpBlock_0/Dense_1/{kernel,bias}   [mlp, width] [width]
    Transformer/encoder_norm/{scale,bias}
    MAPHead_0/probe [1,1,width], MAPHead_0/MultiHeadDotProductAttention_0/..., MAPHead_0/LayerNorm_0/...,
    MAPHead_0/MlpBlock_0/...                      (pool_type="map")
    pre_logits/{kernel,bias}                      (rep_size)
    head/{kernel,bias}                            (num_classes)
  PatchMerger is not in big_vision; its names are ours (see PatchMerger below):
    Transformer/PatchMerger_0/LayerNorm_0/{scale,bias}, Transformer/PatchMerger_0/Dense_0/kernel [width, M]

The semantics, spelled out (checked bit for bit against big_vision's own models/vit.py on these parameters;
B batch, T/S tokens, H heads, D head_dim, W width, F mlp_dim):
  stem      conv NHWC x HWIO, stride = patch, VALID padding, + bias; reshape [B, h*w, W]
  posemb    added BEFORE the [cls] token is prepended (the [cls] token gets no posemb);
            learn: param [1, h*w, W]; sincos2d: [sin(x om), cos(x om), sin(y om), cos(y om)] on the last axis,
            x = column, y = row of the patch, om_k = 10000^-(k / (W/4 - 1)), k < W/4 (float32)
  LayerNorm eps 1e-6; Flax's fast variance: var = max(0, mean(x^2) - mean(x)^2);
            y = (x - mean) * (rsqrt(var + eps) * scale) + bias
  attention q,k,v = einsum("BTW,WHD->BTHD") + bias[H,D]; q = q / sqrt(D) BEFORE the product;
            logits einsum("BTHD,BSHD->BHTS"); softmax over S; einsum("BHTS,BSHD->BTHD");
            out = einsum("BTHD,HDW->BTW") + bias[W]; no mask, no dropout at inference
  block     x = x + Attn(LN_0(x)); x = x + Mlp(LN_1(x))   (pre-LN)
  Mlp       Dense_0 (W->F), gelu, Dense_1 (F->W); gelu = jax.nn.gelu(approximate=True), the tanh form:
            0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))
  encoder   encoder_norm (LayerNorm) after the last block; that is "encoded"
  pooling   tok: token 0 (big_vision's name for a [cls] token; "cls" in the issue); gap: mean over tokens;
            map: MAPHead_0: probe [1,1,W] tiled to [B,1,W] attends (its own MultiHeadDotProductAttention_0,
            queries from the probe, keys/values from the encoded tokens, no LayerNorm before it), then
            x = x + MlpBlock_0(LayerNorm_0(x)), token 0; "0": token 0 without a [cls] param; none
  pre_logits rep_size: tanh(Dense "pre_logits"(x)) (rep_size=True means width); otherwise identity
  head      Dense "head" (big_vision initialises it to zeros: head_zeroinit=True)
  FlexiViT  kernel PI-resize (resample_patchemb below) and posemb grid resize by jax.image.resize "linear"
  posemb resize at load: scipy.ndimage.zoom(order=1) of the square grid = linear, corners aligned

Parameters are deterministic (no multi-MB checkpoints committed): see det_param() for the exact formula, which
src/test/java/xla4j/models/DetParams.java reproduces bit for bit. Each case's JSON lists every parameter with its
shape, scale and offset.
"""
import os
# CPU references only: never let JAX load libtpu (it may be installed in the same venv).
os.environ.setdefault("JAX_PLATFORMS", "cpu")
import argparse
import json
import sys

import numpy as np

import jax
import jax.numpy as jnp
import flax.linen as nn
from flax import traverse_util

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
GOLDEN_DIR = os.path.join(ROOT, "src", "test", "resources", "vit")
HLO_OUT = os.path.join(ROOT, "hlo", "reference", "vit_ti16_jax.mlir")

jax.config.update("jax_default_matmul_precision", "highest")

# ----------------------------------------------------------------------------------------------------------
# Deterministic parameters: a counter-based generator Java reproduces exactly.
#
#   h        = fnv1a64(utf8(name))            offset basis 0xcbf29ce484222325, prime 0x100000001b3,
#                                             per byte: h ^= byte; h *= prime   (all mod 2^64)
#   x_i      = splitmix64(h + i)              for element i (row-major) of the parameter, where
#              splitmix64(s): z = s + 0x9e3779b97f4a7c15; z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9;
#                             z = (z ^ (z >> 27)) * 0x94d049bb133111eb; return z ^ (z >> 31)   (mod 2^64)
#   u_i      = (x_i >> 40) / 2^24             in [0, 1), exactly representable
#   value_i  = float32(offset + (2 * u_i - 1) * scale)   evaluated in float64 in this order, then rounded
#                                             to nearest-even float32 (Java: (float) (offset + (2*u - 1) * scale))
# ----------------------------------------------------------------------------------------------------------
_M64 = (1 << 64) - 1


def fnv1a64(name: str) -> int:
  h = 0xCBF29CE484222325
  for b in name.encode("utf-8"):
    h ^= b
    h = (h * 0x100000001B3) & _M64
  return h


def _splitmix64(s: np.ndarray) -> np.ndarray:
  with np.errstate(over="ignore"):
    z = s + np.uint64(0x9E3779B97F4A7C15)
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return z ^ (z >> np.uint64(31))


def det_uniform(name: str, n: int) -> np.ndarray:
  """u_i in [0, 1) as float64, i = 0..n-1."""
  with np.errstate(over="ignore"):
    s = np.uint64(fnv1a64(name)) + np.arange(n, dtype=np.uint64)
  x = _splitmix64(s)
  return (x >> np.uint64(40)).astype(np.float64) / float(1 << 24)


def det_param(name, shape, scale, offset=0.0) -> np.ndarray:
  n = int(np.prod(shape, dtype=np.int64))
  u = det_uniform(name, n)
  v = (2.0 * u - 1.0) * float(scale)
  v = float(offset) + v
  return v.astype(np.float32).reshape(shape)


def det_image(name, shape) -> np.ndarray:
  """A deterministic image batch with big_vision's value range: px = floor(256 u) in 0..255, then
  float32(px) / float32(127.5) - float32(1), so every value is one of 256 exact floats in [-1, 1]."""
  px = np.floor(det_uniform(name, int(np.prod(shape))) * 256.0).astype(np.float32).reshape(shape)
  return px / np.float32(127.5) - np.float32(1.0)


def param_rule(name, shape):
  """(scale, offset) of a parameter: values uniform in offset +- scale.

  kernels: scale sqrt(3 / fan_in) (standard deviation 1/sqrt(fan_in)), fan_in = product of all but the last
  dimension, except attention query/key/value kernels [width, heads, head_dim] whose fan_in is width;
  biases 0.05; LayerNorm scales 1 +- 0.1; pos_embedding and cls 0.5; MAP probe 1.0.
  """
  leaf = name.rsplit("/", 1)[-1]
  if leaf == "kernel":
    if any(f"/{p}/kernel" in "/" + name for p in ("query", "key", "value")):
      fan_in = shape[0]
    else:
      fan_in = int(np.prod(shape[:-1]))
    return float(np.sqrt(3.0 / fan_in)), 0.0
  if leaf == "scale":
    return 0.1, 1.0
  if leaf == "bias":
    return 0.05, 0.0
  if leaf in ("pos_embedding", "cls"):
    return 0.5, 0.0
  if leaf == "probe":
    return 1.0, 0.0
  raise ValueError(f"no scale rule for parameter {name} {shape}")


def det_params(shapes: dict) -> tuple:
  """Flat {name: shape} -> (flat {name: float32 array}, [{name, shape, scale, offset}])."""
  params, spec = {}, []
  for name, shape in shapes.items():
    scale, offset = param_rule(name, shape)
    params[name] = det_param(name, shape, scale, offset)
    spec.append({"name": name, "shape": list(shape), "scale": scale, "offset": offset})
  return params, spec


# ----------------------------------------------------------------------------------------------------------
# The model: big_vision/models/vit.py semantics (inference only: dropout is the identity).
# ----------------------------------------------------------------------------------------------------------
def posemb_sincos_2d(h, w, width, temperature=10_000.0, dtype=jnp.float32):
  """MoCo v3's 2-D sin-cos embedding, as big_vision: [sin(x w), cos(x w), sin(y w), cos(y w)] with
  w_k = 1 / temperature^(k / (width/4 - 1)), k = 0..width/4-1, (y, x) the row and column of the patch."""
  y, x = jnp.mgrid[:h, :w]
  assert width % 4 == 0, "width must be a multiple of 4 for sincos2d"
  omega = jnp.arange(width // 4) / (width // 4 - 1)
  omega = 1.0 / (temperature ** omega)
  y = jnp.einsum("m,d->md", y.flatten(), omega)
  x = jnp.einsum("m,d->md", x.flatten(), omega)
  pe = jnp.concatenate([jnp.sin(x), jnp.cos(x), jnp.sin(y), jnp.cos(y)], axis=1)
  return jnp.asarray(pe, dtype)[None, :, :]


def get_posemb(module, typ, seqshape, width, name, dtype=jnp.float32):
  if typ == "learn":
    return module.param(name, nn.initializers.normal(stddev=1 / np.sqrt(width)),
                        (1, int(np.prod(seqshape)), width), dtype)
  if typ == "sincos2d":
    return posemb_sincos_2d(*seqshape, width, dtype=dtype)
  raise ValueError(f"unknown posemb type: {typ}")


class MlpBlock(nn.Module):
  mlp_dim: int | None = None

  @nn.compact
  def __call__(self, x):
    d = x.shape[-1]
    x = nn.Dense(self.mlp_dim or 4 * d)(x)
    x = nn.gelu(x)  # approximate=True: the tanh form, Flax's (and so big_vision's) default
    return nn.Dense(d)(x)


class Encoder1DBlock(nn.Module):
  mlp_dim: int | None = None
  num_heads: int = 12

  @nn.compact
  def __call__(self, x):
    out = {}
    y = nn.LayerNorm()(x)
    y = out["sa"] = nn.MultiHeadDotProductAttention(num_heads=self.num_heads, deterministic=True)(y, y)
    x = out["+sa"] = x + y
    y = nn.LayerNorm()(x)
    y = out["mlp"] = MlpBlock(mlp_dim=self.mlp_dim)(y)
    x = out["+mlp"] = x + y
    return x, out


class PatchMerger(nn.Module):
  """Renggli et al. 2022, "Learning to Merge Tokens in Vision Transformers": N tokens -> M tokens.

    y      = LayerNorm_0(x)                         [B, N, D]
    scores = y @ Dense_0/kernel                     [B, N, M]  (no bias; the paper's W^T X^T, transposed)
    w      = softmax(scores) over the N tokens      [B, N, M]
    out    = einsum("bnm,bnd->bmd", w, y)           [B, M, D]  (weighted sums of the normalised tokens)

  big_vision has no PatchMerger; the names (PatchMerger_0, LayerNorm_0, Dense_0) are ours, in Flax's style.
  """
  num_tokens: int

  @nn.compact
  def __call__(self, x):
    y = nn.LayerNorm()(x)
    scores = nn.Dense(self.num_tokens, use_bias=False)(y)
    w = jax.nn.softmax(scores, axis=1)
    return jnp.einsum("bnm,bnd->bmd", w, y)


class Encoder(nn.Module):
  depth: int
  mlp_dim: int | None = None
  num_heads: int = 12
  merge_after: int | None = None  # PatchMerger after this many blocks (None: no merger)
  merge_tokens: int = 8

  @nn.compact
  def __call__(self, x):
    out = {}
    for lyr in range(self.depth):
      if self.merge_after is not None and lyr == self.merge_after:
        x = out["merged"] = PatchMerger(self.merge_tokens, name="PatchMerger_0")(x)
      x, out[f"block{lyr:02d}"] = Encoder1DBlock(
          name=f"encoderblock_{lyr}", mlp_dim=self.mlp_dim, num_heads=self.num_heads)(x)
    out["pre_ln"] = x
    return nn.LayerNorm(name="encoder_norm")(x), out


class MAPHead(nn.Module):
  """Multihead attention pooling: a learned probe attends over the tokens, then LN + MLP residual."""
  mlp_dim: int | None = None
  num_heads: int = 12

  @nn.compact
  def __call__(self, x):
    n, _, d = x.shape
    probe = self.param("probe", nn.initializers.xavier_uniform(), (1, 1, d), x.dtype)
    probe = jnp.tile(probe, [n, 1, 1])
    x = nn.MultiHeadDotProductAttention(num_heads=self.num_heads)(probe, x)
    y = nn.LayerNorm()(x)
    x = x + MlpBlock(mlp_dim=self.mlp_dim)(y)
    return x[:, 0]


def tf_bilinear_matrix(old: int, new: int) -> np.ndarray:
  """[new, old] matrix of tf.image.resize(method="bilinear", antialias=False) in 1-D (TF2: half-pixel
  centres): in = (i + 0.5) * old/new - 0.5, lower = max(floor(in), 0), upper = min(ceil(in), old - 1),
  weight (1 - (in - floor(in))) on lower and (in - floor(in)) on upper. Computed in float32 as TF does."""
  m = np.zeros((new, old), np.float64)
  scale = np.float32(old) / np.float32(new)
  for i in range(new):
    pos = (np.float32(i) + np.float32(0.5)) * scale - np.float32(0.5)
    f = np.floor(pos)
    lo, hi = max(int(f), 0), min(int(np.ceil(pos)), old - 1)
    lerp = float(pos - f)
    m[i, lo] += 1.0 - lerp
    m[i, hi] += lerp
  return m


def resample_patchemb(old: np.ndarray, new_hw) -> np.ndarray:
  """FlexiViT's PI-resize of a patch-embedding kernel [ph, pw, c, width] to new_hw (big_vision
  models/proj/flexi/vit.py): with B the matrix of bilinear resizing a ph x pw patch to new_hw (tf.image.resize,
  no antialiasing), the new kernel is pinv(B^T) @ old, per (c, width) slice; <x, old> = <B x, new> exactly when
  upsampling, in the least-squares sense when downsampling. The pinv of the full 2-D matrix, in float64."""
  old = np.asarray(old)
  if tuple(old.shape[:2]) == tuple(new_hw):
    return old
  mat = np.kron(tf_bilinear_matrix(old.shape[0], new_hw[0]), tf_bilinear_matrix(old.shape[1], new_hw[1]))
  pinv = np.linalg.pinv(mat.T)  # [new_h*new_w, old_h*old_w]
  flat = old.reshape(old.shape[0] * old.shape[1], -1).astype(np.float64)
  return (pinv @ flat).reshape(*new_hw, *old.shape[2:]).astype(old.dtype)


def resample_posemb(old: np.ndarray, new_tokens: int) -> np.ndarray:
  """big_vision vit.resample_posemb (the loader's "high-res finetuning"): a square grid of [1, N, D] posembs
  zoomed with scipy.ndimage.zoom(order=1), i.e. linear interpolation with corners aligned:
  in = out * (old_gs - 1) / (new_gs - 1)."""
  import scipy.ndimage
  if old.shape[1] == new_tokens:
    return old
  gs_old, gs_new = int(np.sqrt(old.shape[1])), int(np.sqrt(new_tokens))
  grid = old.reshape(gs_old, gs_old, -1)
  grid = scipy.ndimage.zoom(grid, (gs_new / gs_old, gs_new / gs_old, 1), order=1)
  return grid.reshape(1, gs_new * gs_new, -1)


class ViT(nn.Module):
  """big_vision vit._Model at inference; FlexiViT's forward when posemb_size / seqhw are set."""
  num_classes: int | None = None
  patch_size: tuple = (16, 16)
  width: int = 768
  depth: int = 12
  mlp_dim: int | None = None
  num_heads: int = 12
  posemb: str = "learn"
  rep_size: int | bool = False
  pool_type: str = "gap"
  merge_after: int | None = None
  merge_tokens: int = 8
  # FlexiViT (models/proj/flexi/vit.py): parameters stored for patch_size and a posemb grid of posemb_size;
  # at apply time the image is cut into seqhw x seqhw patches, the kernel PI-resized, the posemb resized.
  posemb_size: tuple | None = None
  seqhw: int | None = None

  @nn.compact
  def __call__(self, image):
    out = {}
    if self.seqhw is None:
      x = out["stem"] = nn.Conv(self.width, self.patch_size, strides=self.patch_size, padding="VALID",
                                name="embedding")(image)
    else:
      x = out["stem"] = FlexiPatchify(self.patch_size, self.width, self.seqhw, name="embedding")(image)
    n, h, w, c = x.shape
    x = jnp.reshape(x, [n, h * w, c])

    if self.posemb_size is None:
      pos_emb = get_posemb(self, self.posemb, (h, w), c, "pos_embedding", x.dtype)
    else:
      pos_emb = get_posemb(self, self.posemb, self.posemb_size, c, "pos_embedding", x.dtype)
      if pos_emb.shape[1] != h * w:  # FlexiViT: jax.image.resize "linear" of the posemb grid
        pos_emb = jnp.reshape(pos_emb, (1, *self.posemb_size, c))
        pos_emb = jax.image.resize(pos_emb, (1, h, w, c), "linear")
        pos_emb = jnp.reshape(pos_emb, (1, h * w, c))
    x = out["with_posemb"] = x + pos_emb

    if self.pool_type == "tok":
      cls = self.param("cls", nn.initializers.zeros, (1, 1, c), x.dtype)
      x = jnp.concatenate([jnp.tile(cls, [n, 1, 1]), x], axis=1)

    x, out["encoder"] = Encoder(depth=self.depth, mlp_dim=self.mlp_dim, num_heads=self.num_heads,
                                merge_after=self.merge_after, merge_tokens=self.merge_tokens,
                                name="Transformer")(x)
    encoded = out["encoded"] = x

    if self.pool_type == "map":
      x = out["head_input"] = MAPHead(num_heads=self.num_heads, mlp_dim=self.mlp_dim)(x)
    elif self.pool_type == "gap":
      x = out["head_input"] = jnp.mean(x, axis=1)
    elif self.pool_type == "0":
      x = out["head_input"] = x[:, 0]
    elif self.pool_type == "tok":
      x = out["head_input"] = x[:, 0]
      encoded = encoded[:, 1:]
    elif self.pool_type != "none":
      raise ValueError(f"unknown pool type: {self.pool_type}")

    has_2d = self.merge_after is None
    if has_2d:
      x_2d = jnp.reshape(encoded, [n, h, w, -1])
    if self.rep_size:
      rep_size = self.width if self.rep_size is True else self.rep_size
      hid = nn.Dense(rep_size, name="pre_logits")
      if has_2d:
        x_2d = jnp.tanh(hid(x_2d))
      x = jnp.tanh(hid(x))
    if has_2d:
      out["pre_logits_2d"] = x_2d
    out["pre_logits"] = x

    if self.num_classes:
      head = nn.Dense(self.num_classes, name="head")
      if has_2d:
        out["logits_2d"] = head(x_2d)
      x = out["logits"] = head(x)
    return x, out


class FlexiPatchify(nn.Module):
  """FlexiViT's patchify: kernel/bias named as nn.Conv's; kernel PI-resized to image_hw // seqhw."""
  patch_size: tuple
  width: int
  seqhw: int

  @nn.compact
  def __call__(self, image):
    n, h, w, c = image.shape
    kernel = self.param("kernel", nn.initializers.normal(stddev=1 / np.sqrt(self.width)),
                        (*self.patch_size, c, self.width), image.dtype)
    bias = self.param("bias", nn.initializers.zeros, (self.width,), image.dtype)
    patch = (h // self.seqhw, w // self.seqhw)
    if patch != tuple(self.patch_size):
      # Resized outside the trace (big_vision resizes numerically too), then used as a constant.
      dt = np.dtype(image.dtype)
      kernel = jax.pure_callback(lambda k: resample_patchemb(np.asarray(k), patch).astype(dt),
                                 jax.ShapeDtypeStruct((*patch, c, self.width), image.dtype), kernel)
    x = jax.lax.conv_general_dilated(image, kernel, window_strides=patch, padding="VALID",
                                     dimension_numbers=("NHWC", "HWIO", "NHWC"))
    return x + bias


# ----------------------------------------------------------------------------------------------------------
# Cases
# ----------------------------------------------------------------------------------------------------------
TI16 = dict(width=192, depth=12, mlp_dim=768, num_heads=3, patch_size=(16, 16))  # decode_variant("Ti/16")

KEEP_HEAD = ("out/head_input", "out/pre_logits", "out/logits")
KEEP_ALL = ("out/stem", "out/with_posemb", "out/encoder/block00/+sa", "out/encoder/block00/+mlp", "out/encoded",
            *KEEP_HEAD)
CASES = [
    # name, model config, image size, notes
    dict(name="ti16_tok_learn", model=dict(**TI16, num_classes=10, pool_type="tok", posemb="learn"),
         res=64, notes="[cls] token (pool_type='tok'), learned posemb; per-patch outputs without the [cls] token",
         keep=(*KEEP_ALL, "out/pre_logits_2d", "out/logits_2d")),
    dict(name="ti16_gap_sincos2d", model=dict(**TI16, num_classes=10, pool_type="gap", posemb="sincos2d",
                                              rep_size=True),
         res=64, notes="global average pooling, sincos2d posemb (no pos_embedding param), rep_size=True (pre_logits 192, tanh)",
         keep=("out/with_posemb", "out/encoded", *KEEP_HEAD)),
    dict(name="ti16_map_learn", model=dict(**TI16, num_classes=10, pool_type="map", posemb="learn", rep_size=96),
         res=64, notes="MAP head (MAPHead_0), learned posemb, rep_size=96 (also on the per-patch outputs)",
         keep=("out/encoded", *KEEP_HEAD, "out/pre_logits_2d", "out/logits_2d")),
    dict(name="ti16_gap_patchmerger", model=dict(**TI16, num_classes=10, pool_type="gap", posemb="learn",
                                                 merge_after=6, merge_tokens=5),
         res=64, notes="PatchMerger after 6 blocks: 16 tokens -> 5 (Transformer/PatchMerger_0)",
         keep=("out/encoder/merged", "out/encoded", *KEEP_HEAD)),
    dict(name="ti16_flexi_patch8", model=dict(**TI16, num_classes=10, pool_type="tok", posemb="learn",
                                              posemb_size=(4, 4), seqhw=8),
         res=64, ckpt_res=64,
         notes="FlexiViT: parameters of a /16 model at 64 px (posemb 4x4), run with 8x8 patches of 8 px: "
               "embedding/kernel PI-resized 16x16 -> 8x8, posemb resized 4x4 -> 8x8 by jax.image.resize 'linear'",
         keep=KEEP_HEAD),
    dict(name="ti16_tok_learn_posemb_resize", model=dict(**TI16, num_classes=10, pool_type="tok", posemb="learn"),
         res=96, ckpt_res=64,
         notes="checkpoint at 64 px (pos_embedding 1x16x192) loaded for 96 px: resized to 1x36x192 by "
               "big_vision vit.resample_posemb (scipy.ndimage.zoom order=1) before the forward",
         keep=KEEP_HEAD),
    dict(name="ti16_0_learn_72px", model=dict(**TI16, num_classes=10, pool_type="0", posemb="learn"),
         res=72, notes="pool_type '0' (token 0, no [cls] param); 72 px is not a multiple of 16: the VALID stem "
                       "gives 4x4 patches and drops the last 8 rows and columns",
         keep=("out/stem", "out/encoded", *KEEP_HEAD)),
]
BATCH = 2
TOLERANCE = dict(rtol=1e-4, atol=1e-4)


def build(case):
  return ViT(**case["model"])


def param_shapes(model, image_shape):
  """Flat {name: shape} of the model's parameters (no computation)."""
  abstract = jax.eval_shape(lambda: model.init(jax.random.PRNGKey(0), jnp.zeros(image_shape, jnp.float32)))
  flat = traverse_util.flatten_dict(abstract["params"], sep="/")
  return {k: tuple(v.shape) for k, v in flat.items()}


def checkpoint_shapes(case):
  """Parameter shapes as stored in the case's checkpoint (before any load-time resize)."""
  model = build(case)
  res = case.get("ckpt_res", case["res"])
  if case["model"].get("seqhw"):
    # A FlexiViT checkpoint is a plain /16 model's parameters (posemb grid posemb_size).
    cfg = {k: v for k, v in case["model"].items() if k not in ("seqhw", "posemb_size")}
    return param_shapes(ViT(**cfg), (BATCH, res, res, 3))
  return param_shapes(model, (BATCH, res, res, 3))


def flatten_out(out, prefix="out"):
  flat = traverse_util.flatten_dict(out, sep="/")
  return {f"{prefix}/{k}": np.asarray(v) for k, v in flat.items()}



def savez_deterministic(path, arrays):
  """np.savez_compressed's layout (deflated NAME.npy members) with a fixed member timestamp, so that
  regenerating unchanged goldens gives byte-identical files."""
  import io
  import zipfile
  with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
    for name, a in arrays.items():
      buf = io.BytesIO()
      np.lib.format.write_array(buf, np.ascontiguousarray(a), allow_pickle=False)
      info = zipfile.ZipInfo(name + ".npy", date_time=(1980, 1, 1, 0, 0, 0))
      info.compress_type = zipfile.ZIP_DEFLATED
      z.writestr(info, buf.getvalue())


def run_case(case, write=True):
  res = case["res"]
  image = det_image("image", (BATCH, res, res, 3))
  ckpt, spec = det_params(checkpoint_shapes(case))
  params = dict(ckpt)
  extra = {}
  if case.get("ckpt_res") and not case["model"].get("seqhw"):
    new = param_shapes(build(case), image.shape)["pos_embedding"]
    params["pos_embedding"] = resample_posemb(ckpt["pos_embedding"], new[1]).astype(np.float32)
    extra["resized/pos_embedding"] = params["pos_embedding"]
  model = build(case)
  want = param_shapes(model, image.shape)
  got = {k: tuple(v.shape) for k, v in params.items()}
  assert got == want, f"{case['name']}: parameter names/shapes differ from the model's: {set(got) ^ set(want)}"
  variables = {"params": traverse_util.unflatten_dict(params, sep="/")}
  logits, out = jax.jit(model.apply)(variables, image)
  outs = {k: v for k, v in flatten_out(out).items() if k in case["keep"]}
  assert len(outs) == len(case["keep"]), (case["name"], sorted(flatten_out(out)))
  if case["model"].get("seqhw"):
    patch = res // case["model"]["seqhw"]
    k = resample_patchemb(ckpt["embedding/kernel"], (patch, patch))
    extra["resized/embedding/kernel[:,:,:,:8]"] = k[..., :8]
    pe = jax.image.resize(ckpt["pos_embedding"].reshape(1, *case["model"]["posemb_size"], -1),
                          (1, case["model"]["seqhw"], case["model"]["seqhw"], ckpt["pos_embedding"].shape[-1]),
                          "linear")
    extra["resized/pos_embedding[:,:,:8]"] = np.asarray(pe).reshape(1, -1, pe.shape[-1])[:, :, :8]
    if "resized/pos_embedding" in extra:
      del extra["resized/pos_embedding"]
  elif "resized/pos_embedding" in extra:
    extra["resized/pos_embedding[:,:,:8]"] = extra.pop("resized/pos_embedding")[:, :, :8]

  # How far float32 itself is from the exact answer: the same forward in float64.
  # (global switch, not the thread-local context manager: the FlexiViT resize runs in a callback thread)
  jax.config.update("jax_enable_x64", True)
  try:
    p64 = jax.tree.map(lambda a: np.asarray(a, np.float64), variables)
    _, out64 = jax.jit(model.apply)(p64, image.astype(np.float64))
    out64 = flatten_out(out64)
  finally:
    jax.config.update("jax_enable_x64", False)
  f32_err = {k: float(np.max(np.abs(outs[k].astype(np.float64) - out64[k]))) for k in outs}

  golden = {"image": image, **{k: v.astype(np.float32) for k, v in outs.items()},
            **{k: np.asarray(v, np.float32) for k, v in extra.items()}}
  meta = {
      "case": case["name"], "notes": case["notes"], "batch": BATCH, "image_size": res,
      "checkpoint_image_size": case.get("ckpt_res", res),
      "model": {k: (list(v) if isinstance(v, tuple) else v) for k, v in case["model"].items()},
      "image": "det_image('image', [batch, res, res, 3]): px = floor(256 u_i), value = f32(px)/127.5f - 1f",
      "tolerance": {**TOLERANCE, "rule": "|xla4j - golden| <= atol + rtol * |golden| elementwise, float32"},
      "reference_f32_vs_f64_max_abs": f32_err,
      "outputs": {k: list(v.shape) for k, v in golden.items()},
      "params_format": "[name, shape, scale, offset]: values det_param(name, shape, scale, offset)",
      "params": "see params_json below",
  }
  if write:
    os.makedirs(GOLDEN_DIR, exist_ok=True)
    savez_deterministic(os.path.join(GOLDEN_DIR, case["name"] + ".npz"), golden)
    with open(os.path.join(GOLDEN_DIR, case["name"] + ".json"), "w") as f:
      text = json.dumps(meta, indent=1)
      rows = ",\n".join("  " + json.dumps([p["name"], p["shape"], p["scale"], p["offset"]]) for p in spec)
      text = text.replace('"see params_json below"', "[\n" + rows + "\n ]")
      f.write(text + "\n")
  return golden, meta, ckpt


# ----------------------------------------------------------------------------------------------------------
# Self-checks of the ports against closed forms / scipy / jax (run with every generation).
# ----------------------------------------------------------------------------------------------------------
def self_checks():
  # PI-resize 16 -> 8 (2x downsampling, TF bilinear = 2x2 average) is exactly 2x2 sum pooling.
  k = det_param("check/kernel", (16, 16, 3, 4), 1.0)
  r = resample_patchemb(k, (8, 8))
  np.testing.assert_allclose(r, k.reshape(8, 2, 8, 2, 3, 4).sum(axis=(1, 3)), rtol=1e-5, atol=1e-5)
  # ... and the 2-D pinv is the Kronecker product of 1-D pinvs (what a Java port can use).
  for old, new in ((16, 8), (8, 16), (16, 12), (14, 16), (16, 48)):
    a = tf_bilinear_matrix(old, new)
    full = np.linalg.pinv(np.kron(a, a).T)
    np.testing.assert_allclose(full, np.kron(np.linalg.pinv(a.T), np.linalg.pinv(a.T)), atol=1e-9)
  # PI-resize upwards preserves the patch embedding of a bilinearly upsampled patch exactly.
  x = det_param("check/patch", (8, 8), 1.0).astype(np.float64)
  k8 = det_param("check/kernel8", (8, 8, 1, 1), 1.0).astype(np.float64)
  k16 = resample_patchemb(k8, (16, 16))
  up = tf_bilinear_matrix(8, 16) @ x @ tf_bilinear_matrix(8, 16).T
  np.testing.assert_allclose((up * k16[..., 0, 0]).sum(), (x * k8[..., 0, 0]).sum(), rtol=1e-9)
  # big_vision's posemb resize (scipy.ndimage.zoom, order=1) is linear interpolation with aligned corners:
  # out[i] = lerp at in = i * (old - 1) / (new - 1), separably in rows and columns.
  def corners_matrix(old, new):
    m = np.zeros((new, old))
    for i in range(new):
      pos = i * (old - 1) / (new - 1)
      lo = min(int(np.floor(pos)), old - 2)
      m[i, lo], m[i, lo + 1] = 1 - (pos - lo), pos - lo
    return m
  for old, new in ((4, 6), (4, 8), (14, 24), (24, 16)):
    pe = det_param("check/posemb", (1, old * old, 8), 1.0).astype(np.float64)
    want = np.einsum("ia,jb,abd->ijd", corners_matrix(old, new), corners_matrix(old, new), pe.reshape(old, old, 8))
    np.testing.assert_allclose(resample_posemb(pe, new * new).reshape(new, new, 8), want, rtol=1e-7, atol=1e-9)
  # TF's bilinear upsampling = jax.image.resize "linear" (antialiasing only acts when downsampling).
  g = det_param("check/grid", (5, 7), 1.0)
  np.testing.assert_allclose(tf_bilinear_matrix(5, 9) @ g @ tf_bilinear_matrix(7, 11).T,
                             np.asarray(jax.image.resize(g, (9, 11), "linear")), rtol=1e-5, atol=1e-6)


def check_against_big_vision(checkout):
  """Runs big_vision's own models/vit.py (and models/proj/flexi/vit.py) from a checkout of
  github.com/google-research/big_vision on the same parameters and images, and compares names, shapes and
  outputs. Only the model files are imported; big_vision.utils / models.common (used by their loaders) are
  stubbed, and so is TensorFlow, whose tf.image.resize the FlexiViT kernel resize calls: the stub computes it
  with tf_bilinear_matrix, so the FlexiViT comparison checks the wiring, not TF's resize itself."""
  import types
  sys.path.insert(0, os.path.abspath(checkout))
  import flax.training.checkpoints  # noqa: F401  (import before the TensorFlow stub exists)
  for name in ("big_vision.utils", "big_vision.models.common"):
    sys.modules[name] = types.ModuleType(name)

  class _TfTensor:
    def __init__(self, a):
      self.a = np.asarray(a)

    def __getitem__(self, k):
      return _TfTensor(self.a[k])

    def numpy(self):
      return self.a

  def _tf_resize(x, shape, method):
    assert method == "bilinear"
    a = x.a[0, :, :, 0]
    mh, mw = tf_bilinear_matrix(a.shape[0], shape[0]), tf_bilinear_matrix(a.shape[1], shape[1])
    return _TfTensor((mh @ a @ mw.T).astype(np.float32)[None, :, :, None])

  tf = types.ModuleType("tensorflow")
  tf.constant = _TfTensor
  tf.image = types.SimpleNamespace(resize=_tf_resize)
  sys.modules["tensorflow"] = tf
  from big_vision.models import vit as bv
  from big_vision.models.proj.flexi import vit as bv_flexi

  for case in CASES:
    if case["model"].get("merge_after") is not None:
      print(f"{case['name']}: skipped (big_vision has no PatchMerger)")
      continue
    golden, _, ckpt = run_case(case, write=False)
    res = case["res"]
    image = det_image("image", (BATCH, res, res, 3))
    flexi = bool(case["model"].get("seqhw"))
    model = bv_flexi.Model(**case["model"]) if flexi else bv.Model(**case["model"])
    init = jax.eval_shape(lambda: model.init(jax.random.PRNGKey(0), image))
    want = {k: tuple(v.shape) for k, v in traverse_util.flatten_dict(init["params"], sep="/").items()}
    params = dict(ckpt)
    if not flexi and case.get("ckpt_res"):
      params["pos_embedding"] = bv.resample_posemb(params["pos_embedding"], np.zeros(want["pos_embedding"]))
    got = {k: tuple(v.shape) for k, v in params.items()}
    assert got == want, f"{case['name']}: names/shapes differ from big_vision's: {set(got) ^ set(want)}"
    logits, out = jax.jit(model.apply)({"params": traverse_util.unflatten_dict(params, sep="/")}, image)
    d = {k: float(np.max(np.abs(np.asarray(out[k.split("/")[-1]]) - golden[k])))
         for k in ("out/logits", "out/pre_logits")}
    print(f"{case['name']}: names and shapes identical to big_vision's; max |difference| {d}")
    np.testing.assert_allclose(np.asarray(logits), golden["out/logits"], **TOLERANCE)


# ----------------------------------------------------------------------------------------------------------
def emit_hlo():
  case = CASES[0]
  model = build(case)
  image = jnp.zeros((BATCH, 224, 224, 3), jnp.float32)
  shapes = param_shapes(model, image.shape)
  abstract = {"params": traverse_util.unflatten_dict(
      {k: jax.ShapeDtypeStruct(v, jnp.float32) for k, v in shapes.items()}, sep="/")}

  def logits(variables, image):
    return model.apply(variables, image)[0]

  # JAX's default matmul precision (no precision attribute on the dots), as a plain jax.jit user gets it.
  jax.config.update("jax_default_matmul_precision", None)
  text = jax.jit(logits).lower(abstract, jax.ShapeDtypeStruct(image.shape, image.dtype)).as_text()
  names = [jax.tree_util.keystr(p, simple=True, separator="/")
           for p, _ in jax.tree_util.tree_flatten_with_path(abstract)[0]]
  header = ("// jax.jit(ViT-Ti/16 logits).lower(params, image).as_text(): pool_type=tok, posemb=learn, num_classes=10,\n"
            "// batch 2 x 224 x 224 x 3 float32, JAX's default matmul precision. Arguments: the parameter tree\n"
            "// flattened in sorted-key order, then the image:\n"
            + "".join(f"//   %arg{i}: {n}\n" for i, n in enumerate(names))
            + f"//   %arg{len(names)}: image\n"
            f"// jax {jax.__version__}, flax {__import__('flax').__version__}; made by tools/vit_reference.py --emit-hlo\n")
  os.makedirs(os.path.dirname(HLO_OUT), exist_ok=True)
  with open(HLO_OUT, "w") as f:
    f.write(header + text)
  print(f"{HLO_OUT}: {os.path.getsize(HLO_OUT)} bytes")


def print_detparams():
  """The values DetParamsTest.java pins."""
  for name in ("", "a", "Transformer/encoderblock_0/MlpBlock_0/Dense_0/kernel"):
    print(f"fnv1a64({name!r}) = 0x{fnv1a64(name):016x}")
  print(f"splitmix64(0) = 0x{int(_splitmix64(np.array([0], np.uint64))[0]):016x}")
  for name, shape, scale, offset in (("embedding/kernel", (16, 16, 3, 192), float(np.sqrt(3.0 / 768)), 0.0),
                                     ("Transformer/encoder_norm/scale", (192,), 0.1, 1.0),
                                     ("head/bias", (10,), 0.05, 0.0)):
    v = det_param(name, shape, scale, offset).reshape(-1)
    for i in (0, 1, 2, v.size - 1):
      print(f"det_param({name!r}, scale={scale!r}, offset={offset!r})[{i}] = {v[i]!r} "
            f"(bits 0x{v[i:i+1].view(np.uint32)[0]:08x})")
  img = det_image("image", (BATCH, 64, 64, 3)).reshape(-1)
  for i in (0, 1, 2, img.size - 1):
    print(f"det_image('image', (2, 64, 64, 3))[{i}] = {img[i]!r} (px {int(round((img[i] + 1) * 127.5))})")


def main():
  ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
  ap.add_argument("--emit-hlo", action="store_true", help=f"write {os.path.relpath(HLO_OUT, ROOT)} only")
  ap.add_argument("--detparams", action="store_true", help="print the values DetParamsTest pins")
  ap.add_argument("--params-npz", metavar="DIR", help="also write each case's full checkpoint .npz to DIR")
  ap.add_argument("--case", action="append", help="only these cases")
  ap.add_argument("--check-big-vision", metavar="CHECKOUT",
                  help="compare with big_vision's own vit.py from this checkout (writes nothing)")
  args = ap.parse_args()
  if args.check_big_vision:
    check_against_big_vision(args.check_big_vision)
    return
  if args.emit_hlo:
    emit_hlo()
    return
  if args.detparams:
    print_detparams()
    return
  self_checks()
  for case in CASES:
    if args.case and case["name"] not in args.case:
      continue
    golden, meta, ckpt = run_case(case)
    if args.params_npz:
      os.makedirs(args.params_npz, exist_ok=True)
      np.savez(os.path.join(args.params_npz, case["name"] + "_params.npz"), **ckpt)
    worst = max(meta["reference_f32_vs_f64_max_abs"].values())
    size = os.path.getsize(os.path.join(GOLDEN_DIR, case["name"] + ".npz"))
    print(f"{case['name']}: logits {golden['out/logits'].shape} {golden['out/logits'][0, :3]} ... "
          f"f32-vs-f64 max abs {worst:.2e}; {size} bytes")


if __name__ == "__main__":
  sys.exit(main())
