#!/usr/bin/env python3
"""Compiles and runs the DSL's emitted MLIR with JAX's XLA:CPU client and compares with the JAX goldens.

Until xla4j's own PJRT bridge can execute graphs, this is how the emitted StableHLO is validated end to end:
  mvn -B -q -Dxla4j.buildDir=target-dsl -Dxla4j.skipNative=true -Dxla4j.skipNativeTests=true test -Dtest='DslCasesTest'
  build/venv-dsl/bin/python tools/dsl_check_mlir.py target-dsl/dsl-cases
Each <name>.mlir is paired with src/test/resources/dsl/cases/<name>.json (inputs, expected outputs, tolerances).
Extra .mlir files without a golden (e.g. hlo/goldens/*.mlir) are only compiled: pass --compile-only FILE...
"""
import os
# CPU references only: never let JAX load libtpu (it may be installed in the same venv).
os.environ.setdefault("JAX_PLATFORMS", "cpu")
import json
import math
import sys

import jax
import numpy as np
from jax._src.lib import xla_client as xc
import jax.extend as je
import ml_dtypes

jax.config.update("jax_enable_x64", True)
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GOLDENS = os.path.join(ROOT, "src", "test", "resources", "dsl", "cases")
DT = {"pred": np.bool_, "s8": np.int8, "s16": np.int16, "s32": np.int32, "s64": np.int64, "u8": np.uint8,
      "u16": np.uint16, "u32": np.uint32, "u64": np.uint64, "f16": np.float16, "bf16": ml_dtypes.bfloat16,
      "f32": np.float32, "f64": np.float64}


def dec(spec):
    t = spec["dtype"]
    vals = spec["data"]
    if t in ("f16", "bf16", "f32", "f64"):
        vals = [float(v) for v in vals]
    elif t == "u64":
        vals = [int(v) for v in vals]
    return np.array(vals, dtype=np.float64 if t in ("f16", "bf16") else DT[t]).astype(DT[t]).reshape(spec["shape"])


def compile_text(backend, text):
    return backend.compile_and_load(text, xc.DeviceList(tuple(backend.devices()[:1])), xc.CompileOptions())


def run_case(backend, mlir_path, golden):
    text = open(mlir_path).read()
    exe = compile_text(backend, text)
    dev = backend.devices()[0]
    args = [jax.device_put(dec(s), dev) for s in golden["inputs"]]
    outs = exe.execute_sharded(args).disassemble_into_single_device_arrays()
    got = [np.asarray(o[0]) for o in outs]
    exp = [dec(s) for s in golden["outputs"]]
    problems = []
    if len(got) != len(exp):
        return ["%d outputs, expected %d" % (len(got), len(exp))]
    for i, (g, e) in enumerate(zip(got, exp)):
        if g.dtype != e.dtype or g.shape != e.shape:
            problems.append("out%d: %s%s, expected %s%s" % (i, g.dtype, g.shape, e.dtype, e.shape))
            continue
        if e.dtype.kind == "f" or e.dtype == ml_dtypes.bfloat16:
            ok = np.allclose(g.astype(np.float64), e.astype(np.float64), rtol=golden["rtol"], atol=golden["atol"], equal_nan=True)
        else:
            ok = np.array_equal(g, e)
        if not ok:
            problems.append("out%d differs:\n got %s\n exp %s" % (i, g, e))
    return problems


def main(argv):
    backend = je.backend.get_backend("cpu")
    if argv and argv[0] == "--compile-only":
        bad = 0
        for p in argv[1:]:
            try:
                compile_text(backend, open(p).read())
                print("OK   compile", p)
            except Exception as e:  # noqa: BLE001
                bad += 1
                print("FAIL compile", p, str(e)[:2000])
        return 1 if bad else 0
    d = argv[0] if argv else os.path.join(ROOT, "target-dsl", "dsl-cases")
    names = sorted(f[:-5] for f in os.listdir(d) if f.endswith(".mlir"))
    failed = 0
    for n in names:
        gp = os.path.join(GOLDENS, n + ".json")
        if not os.path.exists(gp):
            print("SKIP", n, "(no golden)")
            continue
        try:
            problems = run_case(backend, os.path.join(d, n + ".mlir"), json.load(open(gp)))
        except Exception as e:  # noqa: BLE001
            problems = ["error: " + str(e)[:3000]]
        if problems:
            failed += 1
            print("FAIL", n)
            for p in problems:
                print("   ", p)
        else:
            print("OK  ", n)
    print("%d cases, %d failed" % (len(names), failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
