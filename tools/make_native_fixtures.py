#!/usr/bin/env python3
"""Writes the StableHLO bytecode fixtures of the native smoke test (native/pjrt_cpu/test/data/).

The smoke test compiles the same (2x4).(4x2) dot_general from three encodings: text (inline in
the test), MLIR bytecode, and a StableHLO portable artifact (VHLO bytecode, what JAX hands to
PJRT plugins). Both bytecode files are produced here by JAX from the local package index:

    python3 -m venv build/venv && build/venv/bin/pip install jax==0.10.2 jaxlib==0.10.2
    build/venv/bin/python tools/make_native_fixtures.py
"""
import os
# CPU references only: never let JAX load libtpu (it may be installed in the same venv).
os.environ.setdefault("JAX_PLATFORMS", "cpu")
from pathlib import Path

import jax
import jax.numpy as jnp
from jax._src.interpreters import mlir
from jax._src.lib import _jax

out = Path(__file__).resolve().parent.parent / "native" / "pjrt_cpu" / "test" / "data"
out.mkdir(parents=True, exist_ok=True)


def dot(a, b):
    return jax.lax.dot_general(a, b, (((1,), (0,)), ((), ())))


lowered = jax.jit(dot).lower(jax.ShapeDtypeStruct((2, 4), jnp.float32),
                             jax.ShapeDtypeStruct((4, 2), jnp.float32))
module = lowered.compiler_ir("stablehlo")
(out / "dot.mlirbc").write_bytes(mlir.module_to_bytecode(module))
text = str(module)
# As JAX does for a PJRT plugin: VHLO bytecode for a StableHLO version the plugin reads. The XLA
# of tensorflow-cpu 2.21 reads up to 1.13.7 (the plugin's stablehlo_current_version attribute).
target = "1.13.0"
(out / "dot.vhlo.mlirbc").write_bytes(_jax.mlir.serialize_portable_artifact(module, target, True))
print(f"jax {jax.__version__}, StableHLO target {target}; wrote {out}/dot.mlirbc, dot.vhlo.mlirbc")
print(text)
