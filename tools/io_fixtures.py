#!/usr/bin/env python3
"""Writes the small checkpoint fixtures that xla4j.io's tests read (src/test/resources/io/).

Regenerate (from the repository root; build/venv is git-ignored):
  python3 -m venv build/venv && build/venv/bin/pip install --retries 1 numpy ml_dtypes safetensors
  build/venv/bin/python tools/io_fixtures.py

Every value is a closed formula of its index so the Java tests can check it exactly:
  value(i) = i * step + start, cast to the array's dtype (bool: i % 2 == 1).
The files come from NumPy's own writers (np.savez / np.savez_compressed) and the reference safetensors
writer (safetensors.numpy.save_file); only `bf16.safetensors` is assembled here by hand (the reference
numpy writer has no bfloat16), following the format: u64 header length, JSON header, data.
"""
import json
import os
import struct

import ml_dtypes
import numpy as np
from safetensors.numpy import save_file

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "test", "resources", "io")


def ramp(shape, dtype, start=0.0, step=1.0):
  n = int(np.prod(shape, dtype=np.int64))
  if dtype == np.bool_:
    return (np.arange(n) % 2 == 1).reshape(shape)
  return (np.arange(n, dtype=np.float64) * step + start).astype(dtype).reshape(shape)


def arrays():
  """Names with '/' as big_vision flattens its parameter trees."""
  return {
      "Transformer/encoder_norm/scale": ramp((4,), np.float32, 1.0, 0.25),
      "Transformer/encoderblock_0/MlpBlock_0/Dense_0/kernel": ramp((2, 3), np.float32, -1.0, 0.5),
      "embedding/kernel": ramp((2, 2, 3, 4), np.float32, -2.0, 1 / 16),
      "f64": ramp((3,), np.float64, 0.5, 1.5),
      "f16": ramp((2, 2), np.float16, -1.0, 0.75),
      "i8": ramp((5,), np.int8, -2, 1),
      "i16": ramp((2,), np.int16, -300, 700),
      "i32": ramp((3,), np.int32, -70000, 70000),
      "i64": ramp((2,), np.int64, -5e12, 1e13),
      "u8": ramp((4,), np.uint8, 250, 1),
      "bool": ramp((3,), np.bool_),
      "scalar": np.array(3.5, np.float32),
      "empty": np.zeros((0, 3), np.float32),
  }


def main():
  os.makedirs(OUT, exist_ok=True)
  a = arrays()
  # np.savez writes stored members, each with a zip64 extra field (numpy passes force_zip64=True).
  npz = dict(a)
  npz["bf16"] = ramp((3,), ml_dtypes.bfloat16, -1.0, 0.5)  # descr '<V2', as ml_dtypes saves it
  np.savez(os.path.join(OUT, "numpy_savez.npz"), **npz)
  np.savez_compressed(os.path.join(OUT, "numpy_savez_compressed.npz"), **npz)
  # An array NumPy can save but xla4j has no dtype for: the reader must name the key.
  np.savez(os.path.join(OUT, "complex.npz"), ok=np.ones(2, np.float32), **{"bad/c64": np.ones(2, np.complex64)})

  st = {k: v for k, v in a.items()}
  save_file(st, os.path.join(OUT, "reference.safetensors"), metadata={"format": "np", "source": "io_fixtures.py"})

  # bfloat16 by hand (the reference numpy writer has no bfloat16 dtype).
  bf = ramp((2, 3), ml_dtypes.bfloat16, -1.0, 0.5)
  header = {"w": {"dtype": "BF16", "shape": [2, 3], "data_offsets": [0, bf.nbytes]}}
  h = json.dumps(header, separators=(",", ":")).encode()
  h += b" " * (-len(h) % 8)
  with open(os.path.join(OUT, "bf16.safetensors"), "wb") as f:
    f.write(struct.pack("<Q", len(h)) + h + bf.tobytes())

  for name in sorted(os.listdir(OUT)):
    print(f"{name}: {os.path.getsize(os.path.join(OUT, name))} bytes")


if __name__ == "__main__":
  main()
