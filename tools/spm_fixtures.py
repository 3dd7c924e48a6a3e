#!/usr/bin/env python3
"""Writes the SentencePiece fixtures that xla4j.io.SentencePieceTest reads (src/test/resources/tokenizer/).

Regenerate (from the repository root):
  pip install sentencepiece protobuf
  python3 tools/spm_fixtures.py

Trains a tiny BPE model with Gemma's settings (byte fallback, digits split, no dummy prefix, identity
normalisation, extra whitespace kept, user-defined symbols such as <loc0000>, ids pad=0 eos=1 bos=2 unk=3)
on a corpus generated here, then records what the sentencepiece library itself answers for tricky strings:
  tiny_bpe.model   the model (ModelProto)
  golden.json      {"sentencepiece": version, "vocab_size", "bos", "eos", "pad", "unk",
                    "cases": [{"text", "ids", "pieces", "decoded"}], "decode_only": [{"ids", "text"}]}
A second model, tiny_bpe_dummy.model (add_dummy_prefix and remove_extra_whitespaces on, no byte fallback),
covers the normaliser's other branches and unknown-piece handling; its cases are in golden_dummy.json.
"""
import io
import json
import os
import random

import sentencepiece as spm

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "test", "resources", "tokenizer")

USER_SYMBOLS = ["<loc0000>", "<loc0001>", "<start_of_turn>", "<end_of_turn>"]

TEXTS = [
    "",
    "hello world",
    "Hello World",
    " leading space",
    "trailing space ",
    "  two  spaces   inside  ",
    "   ",
    " ",
    "line one\nline two\n",
    "\n\n",
    "tab\tseparated\tvalues",
    "12345",
    "year 2024, pi 3.14159",
    "emoji 😀 and 👍🏽 here",
    "日本語のテキスト",
    "中文 mixed with English",
    "Ελληνικά и русский",
    "<loc0000><loc0001>",
    "find<loc0000>inside<loc0001>words",
    "<start_of_turn>user\nhi there<end_of_turn>",
    "<start_of_turn",
    "loc0000 <loc00",
    "ünïcödé àccents",
    "the the the the",
    "a",
    "▁ already escaped ▁▁",
    "<s> </s> <unk> <pad> <0x41>",
    "mixed: abc123def, 😀日本 ok\t\n end",
]


def corpus():
  rng = random.Random(0)
  words = ("the quick brown fox jumps over lazy dog hello world token model piece byte fallback "
           "language gemma paligemma image caption answer question describe locate segment").split()
  lines = []
  for _ in range(3000):
    n = rng.randint(3, 12)
    ws = [rng.choice(words) for _ in range(n)]
    if rng.random() < 0.3:
      ws.insert(rng.randint(0, n), str(rng.randint(0, 99999)))
    if rng.random() < 0.2:
      ws.insert(rng.randint(0, n), rng.choice(["Hello", "World", "The", "Gemma"]))
    lines.append(" ".join(ws))
  lines += ["ñandú café über straße"] * 20 + ["Ελληνικά русский"] * 5
  return lines


def train(name, **kwargs):
  model = io.BytesIO()
  spm.SentencePieceTrainer.train(
      sentence_iterator=iter(corpus()), model_writer=model, model_type="bpe",
      normalization_rule_name="identity", character_coverage=1.0, pad_id=0, eos_id=1, bos_id=2, unk_id=3,
      pad_piece="<pad>", eos_piece="<eos>", bos_piece="<bos>", unk_piece="<unk>",
      user_defined_symbols=USER_SYMBOLS, minloglevel=2, num_threads=1, **kwargs)
  path = os.path.join(OUT, name + ".model")
  with open(path, "wb") as f:
    f.write(model.getvalue())
  return spm.SentencePieceProcessor(model_file=path)


def random_texts():
  """Merge-heavy texts: corpus-like sentences and random mixes of corpus words, symbols and odd characters."""
  rng = random.Random(1)
  lines = corpus()
  texts = [rng.choice(lines) for _ in range(20)]
  alphabet = list("abcdefghijklmnopqrstuvwxyz      0123456789\n\t.,!?") + ["é", "ß", "λ", "日", "😀", "▁"] + USER_SYMBOLS
  words = " ".join(lines[:50]).split()
  for _ in range(40):
    parts = [rng.choice(words) if rng.random() < 0.5 else rng.choice(alphabet) for _ in range(rng.randint(1, 15))]
    texts.append("".join(parts) if rng.random() < 0.5 else " ".join(parts))
  return texts


def golden(sp, name, decode_only):
  cases = []
  for t in TEXTS + random_texts():
    ids = sp.encode(t)
    cases.append({"text": t, "ids": ids, "pieces": [sp.id_to_piece(i) for i in ids], "decoded": sp.decode(ids)})
  g = {
      "sentencepiece": spm.__version__,
      "vocab_size": sp.get_piece_size(),
      "bos": sp.bos_id(), "eos": sp.eos_id(), "pad": sp.pad_id(), "unk": sp.unk_id(),
      "pieces": [sp.id_to_piece(i) for i in range(sp.get_piece_size())],
      "cases": cases,
      "decode_only": [{"ids": ids, "text": sp.decode(ids)} for ids in decode_only],
  }
  with open(os.path.join(OUT, name + ".json"), "w", encoding="utf-8") as f:
    json.dump(g, f, ensure_ascii=False, indent=1)
    f.write("\n")


def main():
  os.makedirs(OUT, exist_ok=True)
  sp = train("tiny_bpe", vocab_size=420, byte_fallback=True, split_digits=True, add_dummy_prefix=False,
             remove_extra_whitespaces=False)
  b = lambda h: sp.piece_to_id("<0x%02X>" % h)
  decode_only = [
      [2, 1, 0],                                   # bos, eos, pad: control, dropped
      [3],                                         # unk: its surface
      [b(0xE2), b(0x82), b(0xAC)],                 # euro sign from three bytes
      [b(0xE2), b(0x82)],                          # truncated: two replacement characters
      [b(0xFF), b(0x41)],                          # invalid byte then 'A'
      [b(0xC0), b(0x80)],                          # overlong NUL: invalid
      [b(0xED), b(0xA0), b(0x80)],                 # UTF-16 surrogate: invalid
      sp.encode("ab") + [b(0xF0), b(0x9F), b(0x98), b(0x80)] + sp.encode(" cd"),
      [2] + sp.encode(" x"),                       # bos then a piece with a leading space
  ]
  golden(sp, "golden", decode_only)
  sp2 = train("tiny_bpe_dummy", vocab_size=160, byte_fallback=False, split_digits=True, add_dummy_prefix=True,
              remove_extra_whitespaces=True)
  golden(sp2, "golden_dummy", [[2] + sp2.encode("x y"), sp2.encode("  a") + sp2.encode(" b"), [3, 3]])


if __name__ == "__main__":
  main()
