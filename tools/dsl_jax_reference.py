#!/usr/bin/env python3
"""What JAX emits for the same computation as xla4j.dsl.Samples.attention (unsharded), for side-by-side reading
with hlo/goldens/attention_bf16.mlir, and a numeric check that both modules agree.

  build/venv-dsl/bin/python tools/dsl_jax_reference.py   # writes hlo/goldens/attention_bf16.jax.mlir
"""
import os
# CPU references only: never let JAX load libtpu (it may be installed in the same venv).
os.environ.setdefault("JAX_PLATFORMS", "cpu")

import jax
import jax.extend as je
import jax.numpy as jnp
import ml_dtypes
import numpy as np
from jax._src.lib import xla_client as xc

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def attention(x, scale, bias, wq, wk, wv, wo):
    # Flax LayerNorm (fast variance) in f32, as Composites.layerNorm on converted inputs.
    xf = x.astype(jnp.float32)
    mean = xf.mean(-1, keepdims=True)
    var = jnp.maximum(0.0, (xf * xf).mean(-1, keepdims=True) - mean * mean)
    y = ((xf - mean) * jax.lax.rsqrt(var + 1e-6) * scale.astype(jnp.float32) + bias.astype(jnp.float32)).astype(jnp.bfloat16)
    q = jnp.einsum("btd,dnh->btnh", y, wq) / jnp.bfloat16(np.sqrt(8))
    k = jnp.einsum("btd,dnh->btnh", y, wk)
    v = jnp.einsum("btd,dnh->btnh", y, wv)
    logits = jnp.einsum("bqnh,bknh->bnqk", q, k, preferred_element_type=jnp.float32)
    probs = jax.nn.softmax(logits, axis=-1).astype(jnp.bfloat16)
    out = jnp.einsum("bnqk,bknh->bqnh", probs, v)
    return x + jnp.einsum("bqnh,nhd->bqd", out, wo)


def main():
    shapes = [(4, 8, 16), (16,), (16,), (16, 2, 8), (16, 2, 8), (16, 2, 8), (2, 8, 16)]
    specs = [jax.ShapeDtypeStruct(s, jnp.bfloat16) for s in shapes]
    text = jax.jit(attention).lower(*specs).as_text()
    out = os.path.join(ROOT, "hlo", "goldens", "attention_bf16.jax.mlir")
    with open(out, "w") as f:
        f.write(text)
    print("wrote", out)
    # Same numbers from both modules on XLA:CPU.
    backend = je.backend.get_backend("cpu")
    rng = np.random.default_rng(1)
    inputs = [rng.standard_normal(s).astype(ml_dtypes.bfloat16) for s in shapes]
    results = []
    for path in (out, os.path.join(ROOT, "hlo", "goldens", "attention_bf16.mlir")):
        exe = backend.compile_and_load(open(path).read(), xc.DeviceList(tuple(backend.devices()[:1])), xc.CompileOptions())
        args = [jax.device_put(x, backend.devices()[0]) for x in inputs]
        results.append(np.asarray(exe.execute_sharded(args).disassemble_into_single_device_arrays()[0][0]).astype(np.float32))
    diff = np.abs(results[0] - results[1]).max()
    print("max |jax - xla4j| =", diff, "(bf16 outputs; identical)" if diff == 0 else "")


if __name__ == "__main__":
    main()
