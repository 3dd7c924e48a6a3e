package xla4j.dsl;

import static xla4j.dsl.Composites.gelu;
import static xla4j.dsl.Composites.layerNorm;
import static xla4j.dsl.Composites.logSoftmax;
import static xla4j.dsl.Composites.logsumexp;
import static xla4j.dsl.Composites.meanAxes;
import static xla4j.dsl.Composites.oneHot;
import static xla4j.dsl.Composites.rmsNorm;
import static xla4j.dsl.Composites.silu;
import static xla4j.dsl.Composites.softmax;
import static xla4j.dsl.Composites.variance;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import xla4j.array.DType;
import xla4j.array.NdArray;
import xla4j.hlo.RngBitGenerator;

/**
 * The DSL side of the JAX reference cases in {@code tools/dsl_goldens.py}: each case builds, from parameters
 * {@code x0, x1, ...} shaped as the case's recorded inputs, the same computation as the Python function.
 * Expected outputs live in {@code src/test/resources/dsl/cases/<name>.json}.
 */
final class DslCases {
  private DslCases() {}

  static final Map<String, BiFunction<Graph, List<Tensor>, List<Tensor>>> CASES = new LinkedHashMap<>();

  private static void c(String name, BiFunction<Graph, List<Tensor>, List<Tensor>> f) {
    CASES.put(name, f);
  }

  static {
    // elementwise
    c("add_bcast_f32", (g, x) -> List.of(x.get(0).add(x.get(1))));
    c("arith_f32", (g, x) -> {
      Tensor a = x.get(0);
      Tensor b = x.get(1);
      return List.of(a.sub(b).mul(b).div(b), a.maximum(b), a.minimum(b), b.pow(a), a.rem(b), a.atan2(b));
    });
    c("unary_f32", (g, x) -> {
      Tensor a = x.get(0);
      return List.of(a.exp(), a.log(), a.tanh(), a.sqrt(), a.rsqrt(), a.sigmoid(), a.sin(), a.cos(), a.expm1(),
          a.log1p(), a.cbrt(), a.tan());
    });
    c("unary_round_f32", (g, x) -> {
      Tensor a = x.get(0);
      return List.of(a.floor(), a.ceil(), a.round(), a.abs(), a.neg(), a.sign(), a.roundAwayFromZero());
    });
    c("erf_f32", (g, x) -> List.of(x.get(0).erf()));
    c("erfc_gelu_tail_f32", (g, x) -> List.of(x.get(0).erfc(), gelu(x.get(0), false)));
    c("is_finite_f32", (g, x) -> List.of(x.get(0).isFinite()));
    c("arith_bf16", (g, x) -> List.of(x.get(0).add(x.get(1)), x.get(0).mul(x.get(1)), x.get(0).exp()));
    c("arith_f16", (g, x) -> List.of(x.get(0).mul(x.get(1)).add(x.get(0)), x.get(0).sub(x.get(1))));
    c("arith_f64", (g, x) -> List.of(x.get(0).mul(x.get(1)).add(x.get(0)), x.get(0).exp()));
    c("int_s32", (g, x) -> {
      Tensor a = x.get(0);
      Tensor b = x.get(1);
      return List.of(a.add(b), a.sub(b), a.mul(b), a.div(b), a.rem(b), a.and(b), a.or(b), a.xor(b), a.not(),
          a.shiftLeft(b), a.shiftRightArithmetic(b), a.shiftRightLogical(b), a.popcnt(), a.countLeadingZeros(),
          a.abs(), a.neg(), a.maximum(b));
    });
    c("int_u8_wrap", (g, x) -> List.of(x.get(0).add(x.get(1)), x.get(0).mul(x.get(1)), x.get(0).sub(x.get(1))));
    c("int_s64_u32", (g, x) -> List.of(x.get(0).mul(3), x.get(1).add(x.get(1)), x.get(1).div(3)));
    c("pred_logic", (g, x) -> List.of(x.get(0).and(x.get(1)), x.get(0).or(x.get(1)), x.get(0).xor(x.get(1)),
        x.get(0).not()));
    c("compare_select", (g, x) -> {
      Tensor a = x.get(0);
      Tensor b = x.get(1);
      Tensor i = x.get(2);
      return List.of(a.lt(b), a.ge(b), i.eq(1), i.ne(2), x.get(3).gt(3), Ops.select(a.gt(b), a, b));
    });
    c("select_scalar_pred_clamp", (g, x) -> List.of(Ops.select(x.get(0), x.get(1), x.get(2)),
        Ops.clamp(-0.5, x.get(1), 0.5)));
    c("convert_all", (g, x) -> {
      Tensor a = x.get(0);
      Tensor i = x.get(1);
      return List.of(a.convert(DType.BF16), a.convert(DType.F16), a.convert(DType.S32), a.convert(DType.F64),
          i.convert(DType.F32), i.convert(DType.PRED), i.convert(DType.U8), a.gt(0).convert(DType.F32));
    });
    c("iota_const", (g, x) -> List.of(
        g.iota(Shape.of(DType.S32, 2, 3), 1),
        g.iota(Shape.of(DType.F32, 3, 2), 0),
        g.constant(NdArray.of(new float[] {1.5f, -2f, 3.25f, 1e-5f}, 2, 2)),
        g.constant(NdArray.fromFloats(DType.BF16, new float[] {1, 2, 3}, 3)),
        g.constant(NdArray.of(new boolean[] {true, false}, 2)),
        g.constant(NdArray.of(range(100), 10, 10)),
        g.scalar(7, DType.S64),
        g.constant(NdArray.of(new float[] {Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0.5f}, 3)),
        g.full(Shape.of(DType.F32, 2, 2), 3.0)));
    c("rank0_and_size0", (g, x) -> List.of(x.get(0).mul(x.get(0)), x.get(1).sum(0),
        Ops.concatenate(0, x.get(1), x.get(2)), x.get(2).sum()));
    // shapes
    c("reshape_transpose_bcast", (g, x) -> {
      Tensor a = x.get(0);
      Tensor col = a.slice(new long[] {0, 0, 0}, new long[] {1, 3, 1}, new long[] {1, 1, 1}).reshape(3);
      return List.of(a.reshape(6, 4), a.transpose(2, 0, 1), col.broadcastInDim(new long[] {2, 3, 5}, 1), a.reshape(-1));
    });
    c("slice_strided", (g, x) -> {
      Tensor a = x.get(0);
      return List.of(a.slice(new long[] {1, 0}, new long[] {4, 6}, new long[] {1, 2}), a.slice(1, 5, 6),
          a.slice(new long[] {0, 1}, new long[] {5, 6}, new long[] {3, 2}));
    });
    c("dynamic_slice_update", (g, x) -> List.of(x.get(0).dynamicSlice(List.of(x.get(2), x.get(3)), 2, 3),
        x.get(0).dynamicUpdateSlice(x.get(1), List.of(x.get(2), x.get(3)))));
    c("concat_pad_reverse", (g, x) -> {
      Tensor a = x.get(0);
      return List.of(Ops.concatenate(0, a, x.get(1), a), a.pad(-1, new long[] {1, -1}, new long[] {2, 0},
          new long[] {1, 0}), a.reverse(0, 1));
    });
    c("gather_take", (g, x) -> List.of(Ops.take(x.get(0), Ops.clamp(0, x.get(1), 4))));
    c("scatter_add_set", (g, x) -> {
      Tensor idx = g.constant(NdArray.of(new int[] {0, 2}, 2));
      Tensor upd = x.get(2).slice(0, 0, 2);
      return List.of(Ops.scatterRows(x.get(0), x.get(1), x.get(2), Reducer.SUM), Ops.scatterRows(x.get(0), idx, upd, null));
    });
    // contractions
    c("matmul_f32", (g, x) -> List.of(x.get(0).matmul(x.get(1))));
    c("batched_matmul_f32", (g, x) -> List.of(x.get(0).matmul(x.get(1))));
    c("einsum_attention_scores", (g, x) -> List.of(Ops.einsum("bqhd,bkhd->bhqk", x.get(0), x.get(1))));
    c("einsum_proj_sum", (g, x) -> List.of(Ops.einsum("btd,dnh->btnh", x.get(0), x.get(1)),
        Ops.einsum("btd->bd", x.get(0))));
    c("dot_bf16_to_f32", (g, x) -> List.of(Ops.dotGeneral(x.get(0), x.get(1)).contract(new int[] {1}, new int[] {0})
        .resultType(DType.F32).build()));
    c("conv_patch_embed", (g, x) -> List.of(Ops.conv(x.get(0), x.get(1)).strides(4, 4).build()));
    c("conv_same_groups", (g, x) -> List.of(Ops.conv(x.get(0), x.get(1)).strides(2, 2).padding("SAME")
        .featureGroupCount(2).build()));
    c("conv_dilated_nchw", (g, x) -> List.of(Ops.conv(x.get(0), x.get(1)).layout("NCHW", "OIHW", "NCHW")
        .padding(new long[][] {{1, 1}, {2, 0}}).rhsDilation(2, 1).build()));
    // reductions, windows, sorting
    c("reduce_f32", (g, x) -> {
      Tensor a = x.get(0);
      return List.of(a.sum(1), a.max(0, 2), a.min(2), a.prod(0), a.sum());
    });
    c("reduce_int_pred", (g, x) -> {
      Tensor a = x.get(0);
      Tensor p = x.get(1);
      return List.of(a.sum(0), a.max(1), a.min(1), a.prod(1), p.all(1), p.any(0));
    });
    c("reduce_u8_bf16", (g, x) -> List.of(x.get(0).max(1), x.get(0).min(0), x.get(1).max(1), x.get(1).sum(1)));
    c("argmax_ties", (g, x) -> {
      Tensor a = x.get(0);
      return List.of(a.argmax(1), a.slice(0, 0, 2).argmin(1), x.get(1).argmax(0), a.argmax(0));
    });
    c("pooling", (g, x) -> List.of(Ops.maxPool(x.get(0), new long[] {2, 2}, new long[] {2, 2}),
        Ops.avgPool(x.get(0), new long[] {3, 2}, new long[] {1, 2})));
    c("sort_multi_stable", (g, x) -> {
      List<Tensor> kv = Ops.sort(List.of(x.get(0), x.get(1)), 0, 1, false, true);
      return List.of(kv.get(0), kv.get(1), Ops.sort(List.of(x.get(2)), 1, 1, false, false).get(0),
          Ops.sort(List.of(x.get(2)), 0, 1, false, false).get(0));
    });
    c("sort_two_keys", (g, x) -> Ops.sort(List.of(x.get(0), x.get(1)), 0, 2, false, false));
    c("top_k", (g, x) -> Ops.topK(x.get(0), 3));
    // control flow, misc
    c("while_loop", (g, x) -> {
      Tensor zero = g.scalar(0, DType.S32);
      List<Tensor> r = g.whileLoop(List.of(zero, x.get(0)), s -> s.get(0).lt(x.get(1)),
          s -> List.of(s.get(0).add(1), s.get(1).mul(2).add(s.get(0).convert(DType.F32))));
      return List.of(r.get(1));
    });
    c("cond_if", (g, x) -> List.of(
        g.cond(x.get(0), () -> List.of(x.get(2).add(1)), () -> List.of(x.get(2).sub(1))).get(0),
        g.cond(x.get(1), () -> List.of(x.get(2).add(1)), () -> List.of(x.get(2).sub(1))).get(0)));
    c("switch_case", (g, x) -> {
      Tensor v = x.get(2);
      List<java.util.function.Supplier<List<Tensor>>> branches = List.of(() -> List.of(v.add(1)),
          () -> List.of(v.mul(2)), () -> List.of(v.neg()));
      // lax.switch clamps the index into range, as does stablehlo.case for out-of-range (last branch).
      Tensor j = Ops.clamp(0, x.get(1), 2);
      return List.of(g.switchCase(x.get(0), branches).get(0), g.switchCase(j, branches).get(0));
    });
    c("optimization_barrier", (g, x) -> Ops.optimizationBarrier(x.get(0).mul(2), x.get(1)));
    c("rng_three_fry", (g, x) -> {
      Tensor key = x.get(0).reshape(2, 2).bitcastConvert(DType.U64);
      List<Tensor> r = g.rngBitGenerator(key, Shape.of(DType.U32, 3, 4), RngBitGenerator.Algorithm.THREE_FRY);
      return List.of(r.get(0).bitcastConvert(DType.U32).reshape(4), r.get(1));
    });
    // composites
    c("softmax_family", (g, x) -> List.of(softmax(x.get(0), -1), logSoftmax(x.get(0), 0), logsumexp(x.get(0), 1),
        logsumexp(x.get(0), 0, 1)));
    c("activations", (g, x) -> List.of(gelu(x.get(0), false), gelu(x.get(0), true), silu(x.get(0)), x.get(0).relu()));
    c("norms", (g, x) -> List.of(layerNorm(x.get(0), x.get(1), x.get(2), 1e-6), rmsNorm(x.get(0), x.get(1), 1e-6),
        meanAxes(x.get(0), 0, 2), variance(x.get(0), 1)));
    c("one_hot", (g, x) -> List.of(oneHot(x.get(0), 3, DType.F32)));
    c("attention_block_bf16", (g, x) -> List.of(attention(x.get(0), x.get(1), x.get(2), x.get(3), x.get(4))));
    // more dtypes and edge shapes
    c("sort_dtypes", (g, x) -> List.of(Ops.sort(List.of(x.get(0)), -1, 1, false, false).get(0),
        Ops.sort(List.of(x.get(1)), 0, 1, false, false).get(0), Ops.sort(List.of(x.get(2)), 0, 1, false, false).get(0)));
    c("top_k_bf16_argmax_u8", (g, x) -> {
      List<Tensor> tk = Ops.topK(x.get(0), 2);
      return List.of(tk.get(0), tk.get(1), x.get(1).argmax(1), x.get(0).argmax(0));
    });
    c("reduce_f16_size0", (g, x) -> List.of(x.get(0).sum(0), x.get(0).max(1), x.get(1).max(1), x.get(1).min(1),
        x.get(1).sum(1), x.get(1).prod(1)));
    c("conv_bf16_f32acc", (g, x) -> List.of(Ops.conv(x.get(0), x.get(1)).padding("SAME").resultType(DType.F32).build()));
    c("gather_points_dslice_clamp", (g, x) -> List.of(
        Ops.gather(x.get(0), x.get(1), new int[] {}, new int[] {0, 1}, new int[] {0, 1}, 1, new long[] {1, 1}),
        x.get(0).dynamicSlice(List.of(x.get(2), x.get(2)), 2, 3)));
    c("shape_ops_small_ints", (g, x) -> {
      Tensor a = x.get(0);
      Tensor q = x.get(3);
      return List.of(a.transpose(1, 0).reshape(3, 2), Ops.concatenate(1, x.get(1), x.get(1)), x.get(2).reverse(0),
          Ops.concatenate(0, q, q.mul(2)), a.pad(7, new long[] {1, 0}, new long[] {0, 1}, new long[] {0, 1}));
    });
    c("select_clamp_bf16_s32", (g, x) -> List.of(Ops.select(x.get(0), x.get(1), x.get(2)), Ops.clamp(-2, x.get(3), 3),
        Ops.clamp(-0.5, x.get(1), 0.5)));
    c("convert_more", (g, x) -> List.of(x.get(0).convert(DType.F32), x.get(1).convert(DType.BF16).convert(DType.F16),
        x.get(2).convert(DType.S32), x.get(1).abs().convert(DType.U64), x.get(1).convert(DType.S8)));
    c("iota_u32_onehot_bf16", (g, x) -> List.of(g.iota(Shape.of(DType.U32, 5), 0), oneHot(x.get(0), 4, DType.BF16)));
    c("softmax_bf16", (g, x) -> List.of(softmax(x.get(0), -1)));
    c("while_bf16_state", (g, x) -> {
      List<Tensor> r = g.whileLoop(List.of(g.scalar(0, DType.S32), x.get(0)), s -> s.get(0).lt(3),
          s -> List.of(s.get(0).add(1), s.get(1).mul(1.5)));
      return List.of(r.get(1));
    });
    // scans, argsort, uniform
    c("cumsum_argsort", (g, x) -> List.of(Ops.cumsum(x.get(0), 1), Ops.cumsum(x.get(0), 0), Ops.argsort(x.get(1), 0),
        Ops.argsort(x.get(0), 1)));
    c("uniform_three_fry", (g, x) -> {
      Tensor key = x.get(0).reshape(2, 2).bitcastConvert(DType.U64);
      List<Tensor> r = Ops.uniform(key, new long[] {2, 3}, DType.F32, RngBitGenerator.Algorithm.THREE_FRY);
      return List.of(r.get(0).bitcastConvert(DType.U32).reshape(4), r.get(1));
    });
    c("einsum_ellipsis", (g, x) -> List.of(Ops.einsum("...d,df->...f", x.get(0), x.get(1)),
        Ops.einsum("b...,...->b...", x.get(0), x.get(2)), Ops.einsum("...ij->...ji", x.get(0))));
    c("unary_bf16_f16", (g, x) -> {
      List<Tensor> out = new ArrayList<>();
      for (Tensor v : x) {
        out.addAll(List.of(v.log(), v.tanh(), v.sigmoid(), v.sqrt(), v.rsqrt(), v.sin(), v.erf()));
      }
      return out;
    });
    c("int_u32_s8_s64", (g, x) -> {
      Tensor u = x.get(0);
      Tensor v = x.get(1);
      Tensor b = x.get(2);
      Tensor q = x.get(3);
      // b // 2 floors toward -inf in NumPy; for these values (-128, 5, 127) it equals a shift right by one.
      return List.of(u.mul(v), u.div(v), u.rem(v), u.shiftLeft(v), u.xor(v), u.maximum(v), b.add(b), b.neg(),
          b.shiftRightArithmetic(g.scalar(1, DType.S8)), q.mul(q), q.rem(g.scalar(4, DType.S64)),
          q.shiftRightArithmetic(g.scalar(3, DType.S64)));
    });
    c("size0_ops", (g, x) -> {
      Tensor a = x.get(0);
      return List.of(a.matmul(x.get(1)), a.transpose(1, 0).sum(0), Ops.concatenate(1, x.get(2).slice(1, 2, 2), x.get(2)),
          Ops.concatenate(1, x.get(2), a),
          a.pad(0, new long[] {0, 1}, new long[] {0, 1}, new long[] {0, 0}), x.get(1).max(0));
    });
    c("take_along_axis", (g, x) -> List.of(Ops.takeAlongAxis(x.get(0), x.get(1), 1), Ops.takeAlongAxis(x.get(2), x.get(3), 1),
        Ops.takeAlongAxis(x.get(0), Ops.argsort(x.get(0), 0), 0)));
  }

  /** Multi-head self-attention as einsums (B, T/S tokens, D model, N heads, H head dim). */
  static Tensor attention(Tensor x, Tensor wq, Tensor wk, Tensor wv, Tensor wo) {
    Tensor q = Ops.einsum("btd,dnh->btnh", x, wq).div(Math.sqrt(wq.dim(2)));
    Tensor k = Ops.einsum("btd,dnh->btnh", x, wk);
    Tensor v = Ops.einsum("btd,dnh->btnh", x, wv);
    Tensor probs = softmax(Ops.einsum("bqnh,bknh->bnqk", q, k), -1);
    return Ops.einsum("bqnh,nhd->bqd", Ops.einsum("bnqk,bknh->bqnh", probs, v), wo);
  }


  private static float[] range(int n) {
    float[] r = new float[n];
    for (int i = 0; i < n; i++) {
      r[i] = i;
    }
    return r;
  }

  // ---------------------------------------------------------------------------------------------
  // Reading the JSON goldens

  static JsonObject load(String name) {
    try (InputStream in = DslCases.class.getResourceAsStream("/dsl/cases/" + name + ".json")) {
      if (in == null) {
        throw new IllegalStateException("missing golden /dsl/cases/" + name + ".json; run tools/dsl_goldens.py");
      }
      return JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static Shape shapeOf(JsonObject spec) {
    JsonArray s = spec.getAsJsonArray("shape");
    long[] dims = new long[s.size()];
    for (int i = 0; i < dims.length; i++) {
      dims[i] = s.get(i).getAsLong();
    }
    return Shape.of(DType.fromXlaName(spec.get("dtype").getAsString()), dims);
  }

  /** Decodes a recorded array (floats may be "inf"/"-inf"/"nan" strings, u64 are decimal strings). */
  static NdArray arrayOf(JsonObject spec) {
    Shape s = shapeOf(spec);
    JsonArray data = spec.getAsJsonArray("data");
    DType t = s.dtype();
    int n = data.size();
    if (t.isFloating()) {
      double[] v = new double[n];
      for (int i = 0; i < n; i++) {
        v[i] = number(data.get(i));
      }
      return NdArray.of(v, s.dims()).astype(t);
    }
    if (t == DType.PRED) {
      boolean[] v = new boolean[n];
      for (int i = 0; i < n; i++) {
        v[i] = data.get(i).getAsBoolean();
      }
      return NdArray.of(v, s.dims());
    }
    long[] v = new long[n];
    for (int i = 0; i < n; i++) {
      v[i] = t == DType.U64 ? Long.parseUnsignedLong(data.get(i).getAsString()) : data.get(i).getAsLong();
    }
    return NdArray.of(v, s.dims()).astype(t);
  }

  static double number(JsonElement e) {
    if (e.getAsJsonPrimitive().isString()) {
      String s = e.getAsString();
      return s.equals("inf") ? Double.POSITIVE_INFINITY : s.equals("-inf") ? Double.NEGATIVE_INFINITY : Double.NaN;
    }
    return e.getAsDouble();
  }

  /** Builds case {@code name} on parameters shaped like its recorded inputs; outputs are {@code out0, out1...}. */
  static Graph build(String name) {
    JsonObject doc = load(name);
    Graph g = new Graph("case_" + name);
    List<Tensor> params = new ArrayList<>();
    JsonArray inputs = doc.getAsJsonArray("inputs");
    for (int i = 0; i < inputs.size(); i++) {
      params.add(g.parameter("x" + i, shapeOf(inputs.get(i).getAsJsonObject())));
    }
    List<Tensor> outs = CASES.get(name).apply(g, params);
    for (int i = 0; i < outs.size(); i++) {
      g.output("out" + i, outs.get(i));
    }
    return g;
  }
}
