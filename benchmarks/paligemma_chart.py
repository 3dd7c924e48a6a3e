#!/usr/bin/env python3
"""Collects the JSON lines of benchmarks/paligemma-vs-peers into one results file, prints the markdown table and draws
the chart (caption latency per run for each system, and image-encoder img/s).

Ratios, > 1 when xla4j is faster, against each peer P (JAX, transformers): latency ratio = P's latency_s / xla4j's
(the issue's target is >= 1.0), image ratio = xla4j's image_per_s / P's. Without xla4j lines there are no ratios.

usage: python3 benchmarks/paligemma_chart.py LINES.jsonl OUT.json OUT.png
"""
import argparse
import json
import os
import platform
import subprocess

SYSTEMS = ["xla4j", "jax", "transformers"]
PEERS = ["jax", "transformers"]
LABELS = {"xla4j": "xla4j", "jax": "JAX", "transformers": "transformers (PyTorch)"}
DTYPE_NAMES = {"f32": "float32", "bf16": "bfloat16"}  # xla4j's spelling -> the peers'
# (column, JSON key, digits) of the table, one column per system for each.
METRICS = [("latency s", "latency_s", 2), ("first token s", "first_token_s", 2),
           ("decode tokens/s", "decode_tokens_per_s", 2), ("image img/s", "image_per_s", 2),
           ("peak RSS MB", "peak_rss_mb", 0)]


def fmt(x, digits=1):
  return "-" if x is None else f"{x:.{digits}f}"


def ratio(a, b):
  return None if a is None or b is None or not b else a / b


def table_rows(runs):
  by = {(r["run"], r["system"]): r for r in runs}
  rows = []
  for name in dict.fromkeys(r["run"] for r in runs):
    first = next(r for r in runs if r["run"] == name)
    row = dict(run=name, dtype=DTYPE_NAMES.get(first["dtype"], first["dtype"]), batch=first["batch"], image_size=first["image_size"],
               text_layers=first.get("text_layers"), image_only=first.get("latency_s") is None)
    for s in SYSTEMS:
      for _, key, _ in METRICS:
        row[f"{s}_{key}"] = by.get((name, s), {}).get(key)
    for p in PEERS:
      row[f"latency_ratio_{p}"] = ratio(row[f"{p}_latency_s"], row["xla4j_latency_s"])
      row[f"image_ratio_{p}"] = ratio(row["xla4j_image_per_s"], row[f"{p}_image_per_s"])
    rows.append(row)
  return rows


def main():
  ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
  ap.add_argument("lines")
  ap.add_argument("out_json")
  ap.add_argument("out_png")
  a = ap.parse_args()
  runs = [json.loads(l) for l in open(a.lines) if l.strip()]
  rows = table_rows(runs)
  systems = [s for s in SYSTEMS if any(r["system"] == s for r in runs)]

  cpu = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
  model_name = next((l.split(":", 1)[1].strip() for l in cpu.splitlines() if l.startswith("Model name")), "")
  result = dict(machine=dict(cores=len(os.sched_getaffinity(0)), processor=model_name or platform.machine(),
                             memory_gb=round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2 ** 30, 1)),
                setup="random-weight Hugging Face checkpoints shaped like google/paligemma-3b-pt-224 with fewer Gemma "
                      "layers (benchmarks/paligemma_make_weights.py); inputs from benchmarks/paligemma_inputs.py "
                      "(random images, an 8-id prompt <bos> .. \"\\n\"); greedy, 32 new tokens, no EOS stop; "
                      "latency_s = vision + prefill + 31 decode steps; first_token_s = the first forward (vision + "
                      "prefill); decode tokens/s = batch * 31 / the decode steps' time; image = vision tower + "
                      "projector alone; medians of the repeats after a warm-up; latency_ratio_P = peer P's / xla4j's "
                      "latency, image_ratio_P = xla4j's / peer P's img/s (> 1: xla4j faster)",
                table=rows, runs=runs)
  with open(a.out_json, "w") as f:
    json.dump(result, f, indent=2)

  peers = [p for p in PEERS if p in systems] if "xla4j" in systems else []
  head = ["run", "dtype", "batch", "px"]
  for title, _, _ in METRICS:
    head += [f"{title} {LABELS[s]}" for s in systems]
    if title == "latency s":
      head += [f"latency ratio ({LABELS[p]} / xla4j)" for p in peers]
    if title == "image img/s":
      head += [f"img/s ratio (xla4j / {LABELS[p]})" for p in peers]
  print("| " + " | ".join(head) + " |")
  print("|" + "---|" * len(head))
  for r in rows:
    cells = [r["run"], r["dtype"], str(r["batch"]), str(r["image_size"])]
    for title, key, digits in METRICS:
      cells += [fmt(r[f"{s}_{key}"], digits) for s in systems]
      if key == "latency_s":
        cells += [fmt(r[f"latency_ratio_{p}"], 2) for p in peers]
      if key == "image_per_s":
        cells += [fmt(r[f"image_ratio_{p}"], 2) for p in peers]
    print("| " + " | ".join(cells) + " |")
  draw(rows, systems, a.out_png)
  print(f"wrote {a.out_json}, {a.out_png}")


def draw(rows, systems, out_png):
  import matplotlib
  matplotlib.use("Agg")
  import matplotlib.pyplot as plt
  panels = [("caption latency s (224 px, 32 new tokens; lower is better)", "latency_s",
             [r for r in rows if not r["image_only"]]),
            ("image encoder img/s (higher is better)", "image_per_s", rows)]
  fig, axes = plt.subplots(1, len(panels), figsize=(6.5 * len(panels), 4.2))
  width = 0.8 / len(systems)
  for ax, (title, key, sel) in zip(axes, panels):
    for i, s in enumerate(systems):
      xs = [j + (i - (len(systems) - 1) / 2) * width for j in range(len(sel))]
      ax.bar(xs, [r[f"{s}_{key}"] or 0 for r in sel], width, label=LABELS[s])
    ax.set_xticks(range(len(sel)), [f"{r['image_size']} px\n{r['dtype']}\nbatch {r['batch']}" for r in sel],
                  fontsize=7)
    ax.set_title(title, fontsize=9)
  axes[0].legend(fontsize=7)
  layers = next((r["text_layers"] for r in rows if not r["image_only"]), None)
  fig.suptitle(f"PaliGemma-3B-shaped ({layers} Gemma layers) on {len(os.sched_getaffinity(0))} CPU cores: "
               + " vs ".join(LABELS[s] for s in systems), fontsize=10)
  fig.tight_layout()
  fig.savefig(out_png, dpi=100)


if __name__ == "__main__":
  main()
