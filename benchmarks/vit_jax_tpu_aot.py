#!/usr/bin/env python3
"""JAX's deviceless (ahead-of-time) compile of its own ViT-B/16 (bf16, batch 8, 224 px) for a TPU topology, to
compare with `xla4j compile vit --variant B/16 --dtype bf16 --plugin tpu:v5e:2x2`. Needs libtpu in the venv
(build/venv/bin/pip install libtpu==0.0.42.1). Run without network and without metadata queries:
  TPU_SKIP_MDS_QUERY=1 unshare -n build/venv/bin/python benchmarks/vit_jax_tpu_aot.py [v5e:2x2]
"""
import json
import os
import sys

if os.environ.get("TPU_SKIP_MDS_QUERY") != "1":
  sys.exit("set TPU_SKIP_MDS_QUERY=1 (libtpu would query a cloud metadata server)")
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tools"))

import jax  # noqa: E402
import jax.numpy as jnp  # noqa: E402
from jax.experimental import topologies  # noqa: E402

import vit_reference as ref  # noqa: E402

topology = sys.argv[1] if len(sys.argv) > 1 else "v5e:2x2"
jax.config.update("jax_default_matmul_precision", "default")
topo = topologies.get_topology_desc(topology_name=topology, platform="tpu")
device = topo.devices[0]
sharding = jax.sharding.SingleDeviceSharding(device)
model = ref.ViT(num_classes=1000, patch_size=(16, 16), width=768, depth=12, mlp_dim=3072, num_heads=12,
                posemb="learn", pool_type="gap")
image = jax.ShapeDtypeStruct((8, 224, 224, 3), jnp.bfloat16, sharding=sharding)
params = jax.eval_shape(lambda: model.init(jax.random.PRNGKey(0), jnp.zeros((8, 224, 224, 3), jnp.bfloat16)))
params = jax.tree.map(lambda p: jax.ShapeDtypeStruct(p.shape, jnp.bfloat16, sharding=sharding), params)


def fwd(p, img):
  logits, out = model.apply(p, img)
  return logits, out["pre_logits"], out["encoded"]


compiled = jax.jit(fwd).lower(params, image).compile()
m = compiled.memory_analysis()
cost = compiled.cost_analysis()
cost = cost[0] if isinstance(cost, (list, tuple)) else cost
r = dict(topology=topology, device=str(device.device_kind), jax=jax.__version__,
         argument_bytes=m.argument_size_in_bytes, output_bytes=m.output_size_in_bytes,
         temp_bytes=m.temp_size_in_bytes, generated_code_bytes=m.generated_code_size_in_bytes,
         flops=cost.get("flops"), bytes_accessed=cost.get("bytes accessed"),
         transcendentals=cost.get("transcendentals"))
print(json.dumps(r, indent=2))
