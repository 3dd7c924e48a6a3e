#!/usr/bin/env python3
"""Collects the JSON lines of benchmarks/gemma-vs-peers into one results file, prints the markdown table (ratios
xla4j/JAX and xla4j/transformers, the batch-1 bandwidth bound) and draws the chart.

Bandwidth bound of batch-1 decode: copy GB/s (benchmarks/membw.py, 2 threads, STREAM's convention) / bytes of
weights read per token. Every weight is read once per decode step: the layers' matrices and the tied embedding
as the output projection (the embedding lookup reads one row of that same matrix); the KV cache read is left
out (under 1% of the bytes at these context lengths). The bytes come from the checkpoint's safetensors headers.

Rounds (gemma-vs-peers --rounds): every figure in the table is the system's best over the rounds (highest tokens/s
and copy bandwidth, lowest compile seconds, highest peak RSS); every round's line stays in OUT.json's "runs".

usage: python3 benchmarks/gemma_chart.py LINES.jsonl OUT.json OUT.png --weights DIR
"""
import argparse
import glob
import json
import os
import platform
import subprocess

SYSTEMS = ["xla4j", "jax", "transformers"]
LABELS = {"xla4j": "xla4j", "jax": "JAX (jax.jit)", "transformers": "transformers (PyTorch)"}


def checkpoint_bytes(model_dir):
  total = 0
  for path in glob.glob(os.path.join(model_dir, "*.safetensors")):
    with open(path, "rb") as f:
      n = int.from_bytes(f.read(8), "little")
      header = json.loads(f.read(n))
    total += sum(e["data_offsets"][1] - e["data_offsets"][0] for k, e in header.items() if k != "__metadata__")
  return total


def fmt(x, digits=1):
  return "-" if x is None else f"{x:.{digits}f}"


def ratio(a, b):
  return None if a is None or b is None or not b else a / b


def best_of_rounds(lines):
  """One record from a system's lines for one run over the rounds: each figure its best."""
  out = dict(lines[0], rounds=len(lines))
  for key, pick in [("prefill_tokens_per_s", max), ("decode_tokens_per_s", max), ("compile_s", min),
                    ("load_s", min), ("peak_rss_mb", max)]:
    vals = [l[key] for l in lines if l.get(key) is not None]
    out[key] = pick(vals) if vals else None
  return out


def main():
  ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
  ap.add_argument("lines")
  ap.add_argument("out_json")
  ap.add_argument("out_png")
  ap.add_argument("--weights", required=True, help="the folder holding the runs' model directories")
  a = ap.parse_args()
  records = [json.loads(l) for l in open(a.lines) if l.strip()]
  membws = [r for r in records if r.get("run") == "membw"]
  membw = max(membws, key=lambda r: r["copy_gb_per_s"], default=None)
  runs = [r for r in records if r.get("run") != "membw"]
  by = {}
  for r in runs:
    by.setdefault((r["run"], r["system"]), []).append(r)
  by = {k: best_of_rounds(v) for k, v in by.items()}

  # One table row per (model, dtype): prefill from the batch-1 run (512-token prompt), decode from both.
  models = []
  for r in runs:
    base = r["run"].rsplit("_b", 1)[0]
    if base not in models:
      models.append(base)
  rows = []
  for base in models:
    weight_bytes = checkpoint_bytes(os.path.join(a.weights, base))
    bound = membw["copy_gb_per_s"] * 1e9 / weight_bytes if membw and weight_bytes else None
    for metric, run, key in [("prefill tokens/s (batch 1, 512-token prompt)", "b1", "prefill_tokens_per_s"),
                             ("decode tokens/s, batch 1", "b1", "decode_tokens_per_s"),
                             ("decode tokens/s, batch 8", "b8", "decode_tokens_per_s"),
                             ("compile s (prefill + decode), batch 1", "b1", "compile_s"),
                             ("peak RSS MB, batch 1", "b1", "peak_rss_mb")]:
      vals = {s: by.get((f"{base}_{run}", s), {}).get(key) for s in SYSTEMS}
      if all(v is None for v in vals.values()):
        continue
      row = dict(model=base, metric=metric, **vals,
                 xla4j_over_jax=ratio(vals["xla4j"], vals["jax"]),
                 xla4j_over_transformers=ratio(vals["xla4j"], vals["transformers"]))
      if metric == "decode tokens/s, batch 1":
        row["bandwidth_bound_tokens_per_s"] = bound
        row["weight_bytes_per_token"] = weight_bytes
        row.update({f"{s}_fraction_of_bound": ratio(vals[s], bound) for s in SYSTEMS})
      rows.append(row)

  cpu = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
  model_name = next((l.split(":", 1)[1].strip() for l in cpu.splitlines() if l.startswith("Model name")), "")
  result = dict(machine=dict(cores=len(os.sched_getaffinity(0)), processor=model_name or platform.machine(),
                             memory_gb=round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2 ** 30, 1)),
                setup="random-weight Hugging Face checkpoints (benchmarks/gemma_make_weights.py); b1 = batch 1, "
                      "512-token prompt, 32 new tokens; b8 = batch 8, 64-token prompt, 32 new tokens; greedy; "
                      "decode tokens/s = batch * 31 / time of the 31 decode steps after the prefill's token "
                      "(median of the repeats); each figure the system's best over the rounds",
                membw=membw, membw_rounds=membws, table=rows, runs=runs)
  with open(a.out_json, "w") as f:
    json.dump(result, f, indent=2)

  if membw:
    for m in membws:
      print(f"copy bandwidth (round {m.get('round', 1)}): {m['copy_gb_per_s']} GB/s ({m['threads']} threads, best of "
            f"the reps; median {m['copy_gb_per_s_median']}); read-only: {m['read_gb_per_s']} GB/s")
    print(f"bound below from the best: {membw['copy_gb_per_s']} GB/s")
  print("| model | metric | xla4j | JAX | transformers | xla4j/JAX | xla4j/transformers |")
  print("|---|---|---|---|---|---|---|")
  for r in rows:
    d = 2 if "decode" in r["metric"] or "compile" in r["metric"] else 1
    print(f"| {r['model']} | {r['metric']} | {fmt(r['xla4j'], d)} | {fmt(r['jax'], d)} | "
          f"{fmt(r['transformers'], d)} | {fmt(r['xla4j_over_jax'], 2)} | {fmt(r['xla4j_over_transformers'], 2)} |")
  for r in rows:
    if "bandwidth_bound_tokens_per_s" in r and r["bandwidth_bound_tokens_per_s"]:
      fr = ", ".join(f"{LABELS[s]} {100 * r[s + '_fraction_of_bound']:.0f}%" for s in SYSTEMS
                     if r.get(s + "_fraction_of_bound") is not None)
      print(f"{r['model']}: batch-1 bandwidth bound {r['bandwidth_bound_tokens_per_s']:.2f} tokens/s "
            f"({r['weight_bytes_per_token'] / 1e9:.3f} GB of weights per token); reached: {fr}")
  draw(rows, a.out_png)
  print(f"wrote {a.out_json}, {a.out_png}")


def draw(rows, out_png):
  import matplotlib
  matplotlib.use("Agg")
  import matplotlib.pyplot as plt
  metrics = ["prefill tokens/s (batch 1, 512-token prompt)", "decode tokens/s, batch 1", "decode tokens/s, batch 8"]
  models = [m for m in dict.fromkeys(r["model"] for r in rows)]
  fig, axes = plt.subplots(1, len(metrics), figsize=(4.2 * len(metrics), 4))
  width = 0.8 / len(SYSTEMS)
  for ax, metric in zip(axes, metrics):
    sel = {r["model"]: r for r in rows if r["metric"] == metric}
    names = [m for m in models if m in sel]
    for i, s in enumerate(SYSTEMS):
      xs = [j + (i - (len(SYSTEMS) - 1) / 2) * width for j in range(len(names))]
      ax.bar(xs, [sel[m][s] or 0 for m in names], width, label=LABELS[s])
    if metric == "decode tokens/s, batch 1":
      for j, m in enumerate(names):
        b = sel[m].get("bandwidth_bound_tokens_per_s")
        if b:
          ax.hlines(b, j - 0.45, j + 0.45, colors="k", linestyles="dashed",
                    label="copy-bandwidth bound" if j == 0 else None)
    ax.set_xticks(range(len(names)), [m.replace("gemma2_2b_", "").replace("_", "\n") for m in names], fontsize=8)
    ax.set_title(metric, fontsize=9)
  axes[0].legend(fontsize=7)
  fig.suptitle(f"Gemma on {len(os.sched_getaffinity(0))} CPU cores: xla4j vs JAX vs transformers", fontsize=10)
  fig.tight_layout()
  fig.savefig(out_png, dpi=100)


if __name__ == "__main__":
  main()
