#!/usr/bin/env python3
"""Merges the per-model JSON of benchmarks/vit-vs-jax into one results file, prints the table, draws the chart."""
import json
import os
import platform
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def main(tmp, out_json, out_png):
  peak = json.load(open(os.path.join(tmp, "matmul.json")))
  rows = []
  for tag in ["Ti", "S", "B"]:
    ours = json.load(open(os.path.join(tmp, f"xla4j_{tag}.json")))
    jax = json.load(open(os.path.join(tmp, f"jax_{tag}.json")))
    rows.append(dict(model=f"ViT-{tag}/16", xla4j=ours, jax=jax,
                     throughput_ratio=ours["images_per_s"] / jax["images_per_s"],
                     xla4j_peak_fraction=(ours["gflops_per_s"] or 0) / peak["gflops_per_s"],
                     jax_peak_fraction=(jax["gflops_per_s"] or 0) / peak["gflops_per_s"]))
  pm = json.load(open(os.path.join(tmp, "xla4j_B_pm.json")))
  base = rows[-1]["xla4j"]
  patchmerger = dict(model=pm["model"], xla4j=pm, flops_reduction=1 - pm["flops_per_call"] / base["flops_per_call"],
                     speedup=pm["images_per_s"] / base["images_per_s"])
  result = dict(machine=dict(cores=os.cpu_count(), processor=platform.processor() or platform.machine()),
                setup="224 px, batch 8, f32, CPU; per call: image host->device, logits/pre_logits/encoded back",
                matmul_peak=peak, models=rows, patchmerger=patchmerger)
  with open(out_json, "w") as f:
    json.dump(result, f, indent=2)
  print(f"matmul peak (f32 2048^3, XLA:CPU via JAX): {peak['gflops_per_s']:.1f} GFLOP/s")
  print("| model | xla4j img/s | JAX img/s | ratio | xla4j p50 ms | JAX p50 ms | xla4j GFLOP/s (peak %) | "
        "compile s (xla4j / JAX) |")
  print("|---|---|---|---|---|---|---|---|")
  for r in rows:
    o, j = r["xla4j"], r["jax"]
    print(f"| {r['model']} | {o['images_per_s']:.2f} | {j['images_per_s']:.2f} | {r['throughput_ratio']:.2f} | "
          f"{o['p50_s'] * 1e3:.0f} | {j['p50_s'] * 1e3:.0f} | {o['gflops_per_s']:.0f} "
          f"({100 * r['xla4j_peak_fraction']:.0f}%) | {o['compile_s']:.2f} / {j['compile_s']:.2f} |")
  print(f"PatchMerger 6:8 on ViT-B/16: {100 * patchmerger['flops_reduction']:.1f}% fewer FLOPs (XLA cost "
        f"analysis), {pm['images_per_s']:.2f} vs {base['images_per_s']:.2f} images/s "
        f"(x{patchmerger['speedup']:.2f})")
  fig, ax = plt.subplots(figsize=(6, 3.5))
  xs = range(len(rows))
  ax.bar([x - 0.2 for x in xs], [r["xla4j"]["images_per_s"] for r in rows], 0.4, label="xla4j")
  ax.bar([x + 0.2 for x in xs], [r["jax"]["images_per_s"] for r in rows], 0.4, label="JAX (jax.jit)")
  ax.set_xticks(list(xs), [r["model"] for r in rows])
  ax.set_ylabel("images / s (batch 8, f32)")
  ax.set_title(f"ViT inference on {os.cpu_count()} CPU cores")
  ax.legend()
  fig.tight_layout()
  fig.savefig(out_png, dpi=100)
  print(f"wrote {out_json}, {out_png}")


if __name__ == "__main__":
  main(*sys.argv[1:4])
