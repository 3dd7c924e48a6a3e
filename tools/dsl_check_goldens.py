#!/usr/bin/env python3
"""Compiles every hlo/goldens/*.mlir with JAX's XLA:CPU client (4 host devices) and runs two of them:

* collectives.mlir on 2 replicas, each output checked against NumPy;
* attention_bf16_sharded_{shardy,gspmd}.mlir on 2 devices (batch split over "x", weights replicated),
  checked to give exactly the numbers of attention_bf16.mlir on one device.

  build/venv-dsl/bin/python tools/dsl_check_goldens.py
"""
import os
# CPU references only: never let JAX load libtpu (it may be installed in the same venv).
os.environ.setdefault("JAX_PLATFORMS", "cpu")
import re
import sys

os.environ["XLA_FLAGS"] = os.environ.get("XLA_FLAGS", "") + " --xla_force_host_platform_device_count=4"
import jax  # noqa: E402
import ml_dtypes  # noqa: E402
import numpy as np  # noqa: E402
import jax.extend as je  # noqa: E402
from jax._src.lib import xla_client as xc  # noqa: E402
from jax.sharding import Mesh, NamedSharding, PartitionSpec as P  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GOLDENS = os.path.join(ROOT, "hlo", "goldens")
backend = je.backend.get_backend("cpu")


def compile_file(path):
    text = open(path).read()
    parts = int(re.search(r"mhlo.num_partitions = (\d+)", text).group(1))
    reps = int(re.search(r"mhlo.num_replicas = (\d+)", text).group(1))
    opts = xc.CompileOptions()
    opts.num_replicas = reps
    opts.num_partitions = parts
    eb = opts.executable_build_options
    if parts > 1:
        eb.use_spmd_partitioning = True
        eb.use_shardy_partitioner = "sdy.mesh" in text
    opts.device_assignment = xc.DeviceAssignment.create(np.arange(reps * parts).reshape(reps, parts))
    devs = backend.devices()[:reps * parts]
    return backend.compile_and_load(text, xc.DeviceList(tuple(devs)), opts), devs


def run(exe, args):
    return [np.asarray(o) for o in (x[0] for x in exe.execute_sharded(args).disassemble_into_single_device_arrays())]


def main():
    failed = 0
    exes = {}
    for f in sorted(os.listdir(GOLDENS)):
        if not f.endswith(".mlir"):
            continue
        try:
            exes[f[:-5]] = compile_file(os.path.join(GOLDENS, f))
            print("OK   compile", f)
        except Exception as e:  # noqa: BLE001
            failed += 1
            print("FAIL compile", f, str(e)[:3000])

    # collectives on 2 replicas
    exe, devs = exes["collectives"]
    xs = [np.arange(8, dtype=np.float32).reshape(4, 2) + 10 * r for r in range(2)]
    arr = jax.make_array_from_single_device_arrays((8, 2), NamedSharding(Mesh(np.array(devs), ("r",)), P("r")),
                                                   [jax.device_put(x, d) for x, d in zip(xs, devs)])
    res = exe.execute_sharded([arr]).disassemble_into_single_device_arrays()
    names = ["all_reduce", "all_gather", "reduce_scatter", "all_to_all", "collective_permute"]
    for k, name in enumerate(names):
        for r in range(2):
            got = np.asarray(res[k][r])
            if name == "all_reduce":
                exp = xs[0] + xs[1]
            elif name == "all_gather":
                exp = np.concatenate(xs, 0)
            elif name == "reduce_scatter":
                exp = np.maximum(xs[0], xs[1])[2 * r:2 * r + 2]
            elif name == "all_to_all":
                exp = np.concatenate([xs[0][2 * r:2 * r + 2], xs[1][2 * r:2 * r + 2]], 1)
            else:
                exp = xs[1 - r]
            ok = np.array_equal(got, exp)
            failed += not ok
            print("OK  " if ok else "FAIL", "collectives", name, "replica", r, "" if ok else (got, exp))

    # sharded attention == unsharded
    rng = np.random.default_rng(1)
    shapes = [(4, 8, 16), (16,), (16,), (16, 2, 8), (16, 2, 8), (16, 2, 8), (2, 8, 16)]
    inputs = [rng.standard_normal(s).astype(ml_dtypes.bfloat16) for s in shapes]
    exe1, devs1 = exes["attention_bf16"]
    ref = run(exe1, [jax.device_put(x, devs1[0]) for x in inputs])[0]
    for variant in ("attention_bf16_sharded_shardy", "attention_bf16_sharded_gspmd"):
        exe2, devs2 = exes[variant]
        mesh = Mesh(np.array(devs2), ("x",))
        args = [jax.device_put(inputs[0], NamedSharding(mesh, P("x")))] + [jax.device_put(x, NamedSharding(mesh, P())) for x in inputs[1:]]
        shards = exe2.execute_sharded(args).disassemble_into_single_device_arrays()[0]
        got = np.concatenate([np.asarray(s) for s in shards], 0)
        ok = got.shape == ref.shape and np.array_equal(got.astype(np.float32), ref.astype(np.float32))
        failed += not ok
        print("OK  " if ok else "FAIL", variant, "on 2 devices equals attention_bf16 on 1 device", "" if ok else
              np.abs(got.astype(np.float32) - ref.astype(np.float32)).max())
    print("failed:", failed)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
