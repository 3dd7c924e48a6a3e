package xla4j.hlo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static xla4j.array.DType.BF16;
import static xla4j.array.DType.F32;
import static xla4j.array.DType.PRED;
import static xla4j.array.DType.S32;
import static xla4j.array.DType.U64;
import static xla4j.array.DType.U32;
import static xla4j.hlo.HloRulesTest.addBody;
import static xla4j.hlo.HloRulesTest.v;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import xla4j.array.DType;
import xla4j.array.NdArray;

/**
 * Printed forms, compared with what {@code jax.jit(f).lower(...).as_text()} prints for the same op (jax 0.10.2;
 * only value names and float spelling differ: we print {@code %0}, {@code 2.0} where JAX prints {@code %cst},
 * {@code 2.000000e+00}; both parse to the same attribute).
 */
class MlirPrinterTest {
  /** Prints {@code @main(params)} with {@code ops}, returning the results of the last op; gives the body lines. */
  static List<String> body(List<Value> params, Operation... ops) {
    Operation last = ops[ops.length - 1];
    Region r = new Region(params, List.of(ops), last.results());
    Module m = new Module("m", Map.of(), List.of(), List.of(Func.of("main", true, r)));
    String[] lines = m.toMlir().split("\n");
    List<String> out = new ArrayList<>();
    for (int i = 2; i < lines.length - 3; i++) {
      out.add(lines[i].substring(4));
    }
    return out;
  }

  static String line(List<Value> params, Operation op) {
    List<String> b = body(params, op);
    return b.get(b.size() - 1);
  }

  @Test
  void moduleAndFunctionHeader() {
    Value a = v(F32, 2, 3);
    Elementwise e = Elementwise.of(ElementwiseKind.ADD, a, a);
    Region r = new Region(List.of(a), List.of(e), List.of(e.result()));
    Func f = new Func("main", true, r, List.of(Map.of("jax.arg_info", Attr.string("x"))),
        List.of(Map.of("jax.result_info", Attr.string("result"))));
    Module m = new Module("jit_f", Module.partitionAttrs(1, 1), List.of(), List.of(f));
    assertEquals("module @jit_f attributes {mhlo.num_partitions = 1 : i32, mhlo.num_replicas = 1 : i32} {\n"
        + "  func.func public @main(%arg0: tensor<2x3xf32> {jax.arg_info = \"x\"}) -> (tensor<2x3xf32> {jax.result_info = \"result\"}) {\n"
        + "    %0 = stablehlo.add %arg0, %arg0 : tensor<2x3xf32>\n"
        + "    return %0 : tensor<2x3xf32>\n"
        + "  }\n"
        + "}\n", m.toMlir());
  }

  @Test
  void elementwiseCompareSelectClampConvertIota() {
    Value a = v(F32, 2, 3);
    Value b = v(F32, 2, 3);
    assertEquals("%0 = stablehlo.multiply %arg0, %arg1 : tensor<2x3xf32>", line(List.of(a, b), Elementwise.of(ElementwiseKind.MULTIPLY, a, b)));
    assertEquals("%0 = stablehlo.negate %arg0 : tensor<2x3xf32>", line(List.of(a), Elementwise.of(ElementwiseKind.NEGATE, a)));
    assertEquals("%0 = stablehlo.is_finite %arg0 : (tensor<2x3xf32>) -> tensor<2x3xi1>", line(List.of(a), Elementwise.of(ElementwiseKind.IS_FINITE, a)));
    assertEquals("%0 = chlo.erf %arg0 : tensor<2x3xf32> -> tensor<2x3xf32>", line(List.of(a), Elementwise.of(ElementwiseKind.ERF, a)));
    assertEquals("%0 = stablehlo.compare GT, %arg0, %arg1, FLOAT : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xi1>",
        line(List.of(a, b), Compare.of(Compare.Direction.GT, a, b)));
    Value i = v(S32);
    Value u = v(DType.U8, 2);
    assertEquals("%0 = stablehlo.compare LT, %arg0, %arg0, SIGNED : (tensor<i32>, tensor<i32>) -> tensor<i1>", line(List.of(i), Compare.of(Compare.Direction.LT, i, i)));
    assertEquals("%0 = stablehlo.compare NE, %arg0, %arg0, UNSIGNED : (tensor<2xui8>, tensor<2xui8>) -> tensor<2xi1>", line(List.of(u), Compare.of(Compare.Direction.NE, u, u)));
    Value p = v(PRED, 2, 3);
    assertEquals("%0 = stablehlo.select %arg0, %arg1, %arg2 : tensor<2x3xi1>, tensor<2x3xf32>", line(List.of(p, a, b), Select.of(p, a, b)));
    Value lo = v(F32);
    assertEquals("%0 = stablehlo.clamp %arg0, %arg1, %arg0 : (tensor<f32>, tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>",
        line(List.of(lo, a), Clamp.of(lo, a, lo)));
    Value j = v(S32);
    assertEquals("%0 = stablehlo.clamp %arg0, %arg1, %arg0 : tensor<i32>", line(List.of(i, j), Clamp.of(i, j, i)));
    assertEquals("%0 = stablehlo.convert %arg0 : (tensor<2x3xf32>) -> tensor<2x3xbf16>", line(List.of(a), Convert.of(a, BF16)));
    assertEquals("%0 = stablehlo.iota dim = 0 : tensor<4xi32>", line(List.of(), Iota.of(TensorType.of(S32, 4), 0)));
  }

  @Test
  void constants() {
    assertEquals("%0 = stablehlo.constant dense<2.0> : tensor<f32>", line(List.of(), Constant.of(NdArray.scalar(2f))));
    assertEquals("%0 = stablehlo.constant dense<[[1.0, 2.0, 3.0]]> : tensor<1x3xf32>",
        line(List.of(), Constant.of(NdArray.of(new float[] {1, 2, 3}, 1, 3))));
    assertEquals("%0 = stablehlo.constant dense<0xFF800000> : tensor<f32>",
        line(List.of(), Constant.of(NdArray.scalar(Float.NEGATIVE_INFINITY))));
    assertEquals("%0 = stablehlo.constant dense<0xFF80> : tensor<bf16>",
        line(List.of(), Constant.of(NdArray.scalar(Float.NEGATIVE_INFINITY).astype(BF16))));
    // bf16(0.1) = 0x3DCD = 0.10009765625; the shortest float text for it rounds back to the same bf16.
    assertEquals("%0 = stablehlo.constant dense<0.100097656> : tensor<bf16>",
        line(List.of(), Constant.of(NdArray.scalar(0.1f).astype(BF16))));
    assertEquals("%0 = stablehlo.constant dense<[true, false]> : tensor<2xi1>",
        line(List.of(), Constant.of(NdArray.of(new boolean[] {true, false}, 2))));
    assertEquals("%0 = stablehlo.constant dense<18446744073709551615> : tensor<ui64>",
        line(List.of(), Constant.of(NdArray.of(new long[] {-1L}).astype(U64))));
    assertEquals("%0 = stablehlo.constant dense<[1, -2]> : tensor<2xi32>", line(List.of(), Constant.of(NdArray.of(new int[] {1, -2}, 2))));
    assertEquals("%0 = stablehlo.constant dense<> : tensor<0x3xf32>", line(List.of(), Constant.of(NdArray.zeros(F32, 0, 3))));
    float[] big = new float[65];
    big[1] = 1f;
    String hex = line(List.of(), Constant.of(NdArray.of(big, 65)));
    assertEquals("%0 = stablehlo.constant dense<\"0x000000000000803F" + "00".repeat(63 * 4) + "\"> : tensor<65xf32>", hex);
  }

  @Test
  void shapeOps() {
    Value a = v(F32, 2, 3);
    assertEquals("%0 = stablehlo.reshape %arg0 : (tensor<2x3xf32>) -> tensor<3x2xf32>", line(List.of(a), Reshape.of(a, 3, 2)));
    assertEquals("%0 = stablehlo.transpose %arg0, dims = [1, 0] : (tensor<2x3xf32>) -> tensor<3x2xf32>", line(List.of(a), Transpose.of(a, 1, 0)));
    assertEquals("%0 = stablehlo.broadcast_in_dim %arg0, dims = [1, 2] : (tensor<2x3xf32>) -> tensor<1x2x3xf32>",
        line(List.of(a), BroadcastInDim.of(a, new long[] {1, 2, 3}, 1, 2)));
    Value m = v(F32, 4, 4);
    assertEquals("%0 = stablehlo.slice %arg0 [0:2, 1:4:2] : (tensor<4x4xf32>) -> tensor<2x2xf32>",
        line(List.of(m), Slice.of(m, new long[] {0, 1}, new long[] {2, 4}, new long[] {1, 2})));
    Value i = v(S32);
    assertEquals("%0 = stablehlo.dynamic_slice %arg0, %arg1, %arg1, sizes = [2, 2] : (tensor<4x4xf32>, tensor<i32>, tensor<i32>) -> tensor<2x2xf32>",
        line(List.of(m, i), DynamicSlice.of(m, List.of(i, i), 2, 2)));
    Value u = v(F32, 2, 2);
    assertEquals("%0 = stablehlo.dynamic_update_slice %arg0, %arg1, %arg2, %arg2 : (tensor<4x4xf32>, tensor<2x2xf32>, tensor<i32>, tensor<i32>) -> tensor<4x4xf32>",
        line(List.of(m, u, i), DynamicUpdateSlice.of(m, u, List.of(i, i))));
    Value x2 = v(F32, 2);
    Value x3 = v(F32, 3);
    assertEquals("%0 = stablehlo.concatenate %arg0, %arg1, dim = 0 : (tensor<2xf32>, tensor<3xf32>) -> tensor<5xf32>",
        line(List.of(x2, x3), Concatenate.of(List.of(x2, x3), 0)));
    Value c = v(F32);
    Value x5 = v(F32, 5);
    assertEquals("%0 = stablehlo.pad %arg0, %arg1, low = [1], high = [2], interior = [1] : (tensor<5xf32>, tensor<f32>) -> tensor<12xf32>",
        line(List.of(x5, c), Pad.of(x5, c, new long[] {1}, new long[] {2}, new long[] {1})));
    assertEquals("%0 = stablehlo.reverse %arg0, dims = [0] : tensor<5xf32>", line(List.of(x5), Reverse.of(x5, 0)));
    Value k = v(U32, 2, 2);
    assertEquals("%0 = stablehlo.bitcast_convert %arg0 : (tensor<2x2xui32>) -> tensor<2xui64>", line(List.of(k), BitcastConvert.of(k, U64)));
  }

  @Test
  void dotAndConvolution() {
    Value a = v(F32, 2, 3, 4, 5);
    Value b = v(F32, 2, 6, 4, 5);
    assertEquals("%0 = stablehlo.dot_general %arg0, %arg1, batching_dims = [0, 2] x [0, 2], contracting_dims = [3] x [3], "
        + "precision = [DEFAULT, DEFAULT] : (tensor<2x3x4x5xf32>, tensor<2x6x4x5xf32>) -> tensor<2x4x3x6xf32>",
        line(List.of(a, b), DotGeneral.of(a, b, new int[] {0, 2}, new int[] {0, 2}, new int[] {3}, new int[] {3}, null, null)));
    Value x = v(F32, 2, 3);
    Value y = v(F32, 3, 4);
    assertEquals("%0 = stablehlo.dot_general %arg0, %arg1, contracting_dims = [1] x [0], precision = [DEFAULT, DEFAULT] : "
        + "(tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>",
        line(List.of(x, y), DotGeneral.of(x, y, new int[0], new int[0], new int[] {1}, new int[] {0}, null, null)));
    Value img = v(F32, 1, 8, 8, 3);
    Value w = v(F32, 4, 4, 3, 16);
    assertEquals("%0 = stablehlo.convolution(%arg0, %arg1) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], "
        + "window = {stride = [2, 2], pad = [[0, 0], [0, 0]], lhs_dilate = [1, 1], rhs_dilate = [1, 1], reverse = [false, false]} "
        + "{batch_group_count = 1 : i64, feature_group_count = 1 : i64, precision_config = [#stablehlo<precision DEFAULT>, "
        + "#stablehlo<precision DEFAULT>]} : (tensor<1x8x8x3xf32>, tensor<4x4x3x16xf32>) -> tensor<1x3x3x16xf32>",
        line(List.of(img, w), Convolution.of(img, w, ConvDimensionNumbers.nhwc(), new long[] {2, 2}, new long[][] {{0, 0}, {0, 0}},
            new long[] {1, 1}, new long[] {1, 1}, 1, 1, null, null)));
    assertEquals("[b, f, 0, 1]x[o, i, 0, 1]->[b, f, 0, 1]", ConvDimensionNumbers.of("NCHW", "OIHW", "NCHW").toMlir());
  }

  @Test
  void reduceCompactAndGenericForms() {
    Value x = v(F32, 2, 3);
    Value init = v(F32);
    assertEquals("%0 = stablehlo.reduce(%arg0 init: %arg1) applies stablehlo.add across dimensions = [1] : "
        + "(tensor<2x3xf32>, tensor<f32>) -> tensor<2xf32>", line(List.of(x, init), Reduce.of(List.of(x), List.of(init), new int[] {1}, addBody(F32))));
    // A body that is not one binary op on (acc, x) prints generically with its region.
    Value a = v(F32);
    Value b = v(F32);
    Elementwise e = Elementwise.of(ElementwiseKind.ADD, b, a);
    Region swapped = new Region(List.of(a, b), List.of(e), List.of(e.result()));
    assertEquals(List.of(
        "%0 = \"stablehlo.reduce\"(%arg0, %arg1) <{dimensions = array<i64: 1>}> ({",
        "^bb0(%arg2: tensor<f32>, %arg3: tensor<f32>):",
        "  %1 = stablehlo.add %arg3, %arg2 : tensor<f32>",
        "  stablehlo.return %1 : tensor<f32>",
        "}) : (tensor<2x3xf32>, tensor<f32>) -> tensor<2xf32>"),
        body(List.of(x, init), Reduce.of(List.of(x), List.of(init), new int[] {1}, swapped)));
  }

  @Test
  void reduceWindowSortAndMultiResults() {
    Value x = v(F32, 1, 4, 4, 3);
    Value init = v(F32);
    long[] w = {1, 2, 2, 1};
    assertEquals("%0 = \"stablehlo.reduce_window\"(%arg0, %arg1) <{base_dilations = array<i64: 1, 1, 1, 1>, padding = dense<0> : tensor<4x2xi64>, "
        + "window_dilations = array<i64: 1, 1, 1, 1>, window_dimensions = array<i64: 1, 2, 2, 1>, window_strides = array<i64: 1, 2, 2, 1>}> ({",
        body(List.of(x, init), ReduceWindow.of(List.of(x), List.of(init), w, w, new long[] {1, 1, 1, 1}, new long[] {1, 1, 1, 1},
            new long[4][2], addBody(F32))).get(0));
    Value k = v(F32, 5);
    Value i = v(S32, 5);
    Value[] s = {v(F32), v(F32), v(S32), v(S32)};
    Compare lt = Compare.of(Compare.Direction.LT, Compare.CompareType.TOTALORDER, s[0], s[1]);
    Region cmp = new Region(List.of(s), List.of(lt), List.of(lt.result()));
    Sort sort = Sort.of(List.of(k, i), 0, true, cmp);
    Elementwise use = Elementwise.of(ElementwiseKind.ADD, sort.results().get(1), sort.results().get(1));
    assertEquals(List.of(
        "%0:2 = \"stablehlo.sort\"(%arg0, %arg1) <{dimension = 0 : i64, is_stable = true}> ({",
        "^bb0(%arg2: tensor<f32>, %arg3: tensor<f32>, %arg4: tensor<i32>, %arg5: tensor<i32>):",
        "  %1 = stablehlo.compare LT, %arg2, %arg3, TOTALORDER : (tensor<f32>, tensor<f32>) -> tensor<i1>",
        "  stablehlo.return %1 : tensor<i1>",
        "}) : (tensor<5xf32>, tensor<5xi32>) -> (tensor<5xf32>, tensor<5xi32>)",
        "%2 = stablehlo.add %0#1, %0#1 : tensor<5xi32>"), body(List.of(k, i), sort, use));
    Value key = v(U64, 2);
    assertEquals("%0:2 = stablehlo.rng_bit_generator %arg0, algorithm = THREE_FRY : (tensor<2xui64>) -> (tensor<2xui64>, tensor<3x4xui32>)",
        line(List.of(key), RngBitGenerator.of(RngBitGenerator.Algorithm.THREE_FRY, key, TensorType.of(U32, 3, 4))));
    Value f = v(F32, 2);
    assertEquals("%0:2 = stablehlo.optimization_barrier %arg0, %arg1 : tensor<2xf32>, tensor<5xi32>",
        line(List.of(f, i), OptimizationBarrier.of(List.of(f, i))));
  }

  @Test
  void caseCapturesOuterValues() {
    Value p = v(PRED);
    Value x = v(F32, 2);
    Elementwise neg = Elementwise.of(ElementwiseKind.NEGATE, x);
    Operation ifOp = Case.ifOp(p, new Region(List.of(), List.of(neg), List.of(neg.result())), new Region(List.of(), List.of(), List.of(x)));
    assertEquals(List.of(
        "%0 = \"stablehlo.if\"(%arg0) ({",
        "  %1 = stablehlo.negate %arg1 : tensor<2xf32>",
        "  stablehlo.return %1 : tensor<2xf32>",
        "}, {",
        "  stablehlo.return %arg1 : tensor<2xf32>",
        "}) : (tensor<i1>) -> tensor<2xf32>"), body(List.of(p, x), ifOp));
  }

  @Test
  void gatherScatterForms() {
    Value e = v(F32, 5, 3);
    Value idx = v(S32, 2, 1);
    assertEquals("%0 = \"stablehlo.gather\"(%arg0, %arg1) <{dimension_numbers = #stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [0], "
        + "start_index_map = [0], index_vector_dim = 1>, indices_are_sorted = false, slice_sizes = array<i64: 1, 3>}> : "
        + "(tensor<5x3xf32>, tensor<2x1xi32>) -> tensor<2x3xf32>",
        line(List.of(e, idx), Gather.of(e, idx, new int[] {1}, new int[] {0}, new int[] {0}, 1, new long[] {1, 3}, false)));
    Value upd = v(F32, 2, 3);
    assertEquals("%0 = \"stablehlo.scatter\"(%arg0, %arg1, %arg2) <{indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<"
        + "update_window_dims = [1], inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>, unique_indices = false}> ({",
        body(List.of(e, idx, upd), Scatter.of(e, idx, upd, new int[] {1}, new int[] {0}, new int[] {0}, 1, false, false, addBody(F32))).get(0));
  }

  @Test
  void collectivesAndShardings() {
    Value x = v(F32, 4, 2);
    long[][] g = {{0, 1}};
    assertEquals("%0 = \"stablehlo.all_gather\"(%arg0) <{all_gather_dim = 0 : i64, channel_handle = #stablehlo.channel_handle<handle = 1, type = 1>, "
        + "replica_groups = dense<[[0, 1]]> : tensor<1x2xi64>, use_global_device_ids}> : (tensor<4x2xf32>) -> tensor<8x2xf32>",
        line(List.of(x), Collectives.AllGather.of(x, 0, g, 1, true)));
    assertEquals("%0 = \"stablehlo.collective_permute\"(%arg0) <{channel_handle = #stablehlo.channel_handle<handle = 2, type = 1>, "
        + "source_target_pairs = dense<[[0, 1], [1, 0]]> : tensor<2x2xi64>}> : (tensor<4x2xf32>) -> tensor<4x2xf32>",
        line(List.of(x), Collectives.CollectivePermute.of(x, new long[][] {{0, 1}, {1, 0}}, 2)));
    assertEquals("%0 = \"stablehlo.all_to_all\"(%arg0) <{channel_handle = #stablehlo.channel_handle<handle = 3, type = 1>, concat_dimension = 1 : i64, "
        + "replica_groups = dense<[[0, 1]]> : tensor<1x2xi64>, split_count = 2 : i64, split_dimension = 0 : i64}> : (tensor<4x2xf32>) -> tensor<2x4xf32>",
        line(List.of(x), Collectives.AllToAll.of(x, 0, 1, g, 3)));
    MeshDecl mesh = new MeshDecl("mesh", List.of(new MeshDecl.Axis("data", 2), new MeshDecl.Axis("model", 4)));
    assertEquals("sdy.mesh @mesh = <[\"data\"=2, \"model\"=4]>", mesh.toMlir());
    Sharding s = new Sharding(mesh, List.of(List.of("data"), List.of()));
    assertEquals("#sdy.sharding<@mesh, [{\"data\"}, {}]>", s.shardy().text());
    assertEquals("{devices=[2,1,4]<=[8] last_tile_dim_replicate}", s.gspmd());
    assertEquals("{devices=[4,2]<=[2,4]T(1,0)}", new Sharding(mesh, List.of(List.of("model"), List.of("data"))).gspmd());
    assertEquals("{devices=[1,8]<=[8]}", new Sharding(mesh, List.of(List.of(), List.of("data", "model"))).gspmd());
    assertEquals("{replicated}", new Sharding(mesh, List.of(List.of(), List.of())).gspmd());
    Value y = v(F32, 8, 4);
    assertEquals("%0 = sdy.sharding_constraint %arg0 <@mesh, [{\"data\"}, {}]> : tensor<8x4xf32>",
        line(List.of(y), ShardingConstraint.of(y, s, false)));
    assertEquals("%0 = stablehlo.custom_call @Sharding(%arg0) {mhlo.sharding = \"{devices=[2,1,4]<=[8] last_tile_dim_replicate}\"} : "
        + "(tensor<8x4xf32>) -> tensor<8x4xf32>", line(List.of(y), ShardingConstraint.of(y, s, true)));
  }

  @Test
  void undefinedValuesAreReportedNotPrinted() {
    Value stray = v(F32);
    Elementwise e = Elementwise.of(ElementwiseKind.NEGATE, stray);
    Region r = new Region(List.of(), List.of(e), List.of(e.result()));
    Module m = new Module("m", Map.of(), List.of(), List.of(Func.of("main", true, r)));
    IllegalStateException ex = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, m::toMlir);
    org.junit.jupiter.api.Assertions.assertTrue(ex.getMessage().startsWith(
        "printer found a use of a value that is not defined before it: Value@"), ex.getMessage());
  }

  @Test
  void locationsAreAppendedWhenGiven() {
    Value a = v(F32);
    Elementwise e = Elementwise.of(ElementwiseKind.NEGATE, a);
    Region r = new Region(List.of(a), List.of(e), List.of(e.result()));
    Module m = new Module("m", Map.of(), List.of(), List.of(Func.of("main", true, r)));
    String text = MlirPrinter.print(m, op -> op == e ? "\"Model.java\":12:0" : null);
    assertEquals("    %0 = stablehlo.negate %arg0 : tensor<f32> loc(\"Model.java\":12:0)", text.split("\n")[2]);
  }
}
