package xla4j.hlo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static xla4j.array.DType.BF16;
import static xla4j.array.DType.F32;
import static xla4j.array.DType.PRED;
import static xla4j.array.DType.S32;
import static xla4j.array.DType.S64;
import static xla4j.array.DType.U32;
import static xla4j.array.DType.U64;
import static xla4j.array.DType.U8;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import xla4j.array.DType;

/** One row per shape/dtype rule of the IR: the bad construction throws IllegalArgumentException with this text. */
class HloRulesTest {
  static Value v(DType t, long... dims) {
    return Value.of(TensorType.of(t, dims));
  }

  /** {@code (a, b) -> a + b} over scalars of {@code t}. */
  static Region addBody(DType t) {
    Value a = v(t);
    Value b = v(t);
    Elementwise e = Elementwise.of(ElementwiseKind.ADD, a, b);
    return new Region(List.of(a, b), List.of(e), List.of(e.result()));
  }

  static Region returning(List<Value> args, Value... rets) {
    return new Region(args, List.of(), List.of(rets));
  }

  static Arguments rule(String name, String message, Executable bad) {
    return Arguments.of(name, message, bad);
  }

  static final int[] NONE = {};

  static Stream<Arguments> rules() {
    Value f23 = v(F32, 2, 3);
    Value f3 = v(F32, 3);
    Value s0 = v(S32);
    return Stream.of(
        rule("tensor type dims", "tensor type requires non-negative dimensions, got (2, -1)", () -> TensorType.of(F32, 2, -1)),
        // elementwise
        rule("elementwise arity", "add requires 2 operands, got 1", () -> Elementwise.of(ElementwiseKind.ADD, f23)),
        rule("elementwise dtypes", "add requires arguments to have the same dtypes, got f32 and bf16",
            () -> Elementwise.of(ElementwiseKind.ADD, f23, v(BF16, 2, 3))),
        rule("elementwise shapes", "add requires arguments to have the same shape, got (2, 3) and (3,)",
            () -> Elementwise.of(ElementwiseKind.ADD, f23, f3)),
        rule("elementwise float domain", "exponential requires a floating-point argument, got s32",
            () -> Elementwise.of(ElementwiseKind.EXPONENTIAL, s0)),
        rule("elementwise int domain", "shift_left requires an integer argument, got f32",
            () -> Elementwise.of(ElementwiseKind.SHIFT_LEFT, f3, f3)),
        rule("elementwise bool domain", "and requires an integer or boolean argument, got f32",
            () -> Elementwise.of(ElementwiseKind.AND, f3, f3)),
        rule("elementwise numeric domain", "add requires an integer or floating-point argument, got pred",
            () -> Elementwise.of(ElementwiseKind.ADD, v(PRED), v(PRED))),
        rule("abs unsigned", "abs requires a signed integer or floating-point argument, got u8",
            () -> Elementwise.of(ElementwiseKind.ABS, v(U8))),
        // compare / select / clamp / convert / iota
        rule("compare dtypes", "compare requires arguments to have the same dtypes, got f32 and s32",
            () -> Compare.of(Compare.Direction.LT, v(F32), s0)),
        rule("compare shapes", "compare requires arguments to have the same shape, got (3,) and (2, 3)",
            () -> Compare.of(Compare.Direction.LT, f3, f23)),
        rule("compare type", "compare requires comparison type SIGNED to match the element type, got f32",
            () -> Compare.of(Compare.Direction.LT, Compare.CompareType.SIGNED, f3, f3)),
        rule("select pred dtype", "select requires a boolean predicate, got s32", () -> Select.of(s0, f3, f3)),
        rule("select branch dtypes", "select requires on_true and on_false to have the same dtypes, got f32 and s32",
            () -> Select.of(v(PRED), v(F32), s0)),
        rule("select branch shapes", "select requires on_true and on_false to have the same shape, got (3,) and (2, 3)",
            () -> Select.of(v(PRED), f3, f23)),
        rule("select pred shape", "select requires the predicate to be a scalar or have the same shape as on_true, got (2,) and (3,)",
            () -> Select.of(v(PRED, 2), f3, f3)),
        rule("clamp dtypes", "clamp requires min, operand and max to have the same dtypes, got s32 and f32",
            () -> Clamp.of(s0, f3, v(F32))),
        rule("clamp shapes", "clamp requires min and max to be scalars or have the operand's shape, got (2,) and (3,)",
            () -> Clamp.of(v(F32, 2), f3, v(F32))),
        rule("convert null", "convert requires a target dtype, got null", () -> Convert.of(f3, null)),
        rule("iota rank", "iota requires a result of rank >= 1, got s32[]", () -> Iota.of(TensorType.of(S32), 0)),
        rule("iota dimension", "iota requires dimension to be in range [0, 2), got 2", () -> Iota.of(TensorType.of(S32, 2, 3), 2)),
        rule("iota pred", "iota requires a numeric element type, got pred", () -> Iota.of(TensorType.of(PRED, 2), 0)),
        rule("bitcast pred", "bitcast_convert requires non-boolean types, got pred and u8", () -> BitcastConvert.of(v(PRED, 2), U8)),
        rule("bitcast ratio", "bitcast_convert requires the last dimension to equal the width ratio 2 when converting u32 to u64, got (3,)",
            () -> BitcastConvert.of(v(U32, 3), U64)),
        // shape ops
        rule("reshape size", "reshape requires the total size to be unchanged, got (4,) (of total size 4) for operand shape (2, 3) (of total size 6)",
            () -> Reshape.of(f23, 4)),
        rule("transpose permutation", "transpose requires permutation to be a permutation of the operand dimensions, got (0, 0) for operand shape (2, 3)",
            () -> Transpose.of(f23, 0, 0)),
        rule("broadcast dims length", "broadcast_in_dim requires broadcast_dimensions to have length equal to operand ndim, got (0,) for operand ndim 2",
            () -> BroadcastInDim.of(f23, new long[] {2, 3}, 0)),
        rule("broadcast target rank", "broadcast_in_dim requires the target shape to have rank >= operand ndim, got (6,) for operand shape (2, 3)",
            () -> BroadcastInDim.of(f23, new long[] {6}, 0, 1)),
        rule("broadcast dims range", "broadcast_in_dim requires broadcast_dimensions to be in range [0, 2), got (2,)",
            () -> BroadcastInDim.of(f3, new long[] {4, 3}, 2)),
        rule("broadcast dims unique", "broadcast_in_dim requires broadcast_dimensions to be unique, got (1, 1)",
            () -> BroadcastInDim.of(f23, new long[] {4, 3, 3}, 1, 1)),
        rule("broadcast sizes", "broadcast_in_dim requires operand dimension sizes to be 1 or equal to their target dimensions, got operand shape (3,), target shape (2, 4), broadcast_dimensions (1,)",
            () -> BroadcastInDim.of(f3, new long[] {2, 4}, 1)),
        rule("slice lengths", "slice requires start_indices, limit_indices and strides to have length equal to operand ndim 2, got (0,), (1,) and (1,)",
            () -> Slice.of(f23, new long[] {0}, new long[] {1}, new long[] {1})),
        rule("slice start", "slice requires start_indices to be non-negative, got (-1,)",
            () -> Slice.of(f3, new long[] {-1}, new long[] {2}, new long[] {1})),
        rule("slice limit", "slice requires limit_indices to be less than or equal to the operand shape, got (4,) for operand shape (3,)",
            () -> Slice.of(f3, new long[] {0}, new long[] {4}, new long[] {1})),
        rule("slice order", "slice requires limit_indices to be greater than or equal to start_indices, got start_indices (2,) and limit_indices (1,)",
            () -> Slice.of(f3, new long[] {2}, new long[] {1}, new long[] {1})),
        rule("slice strides", "slice requires strides to be positive, got (0,)",
            () -> Slice.of(f3, new long[] {0}, new long[] {1}, new long[] {0})),
        rule("dynamic_slice index count", "dynamic_slice requires one start index per operand dimension, got 1 indices for operand shape (2, 3)",
            () -> DynamicSlice.of(f23, List.of(s0), 1, 1)),
        rule("dynamic_slice sizes length", "dynamic_slice requires slice_sizes to have length equal to operand ndim, got (1,) for operand shape (2, 3)",
            () -> DynamicSlice.of(f23, List.of(s0, s0), 1)),
        rule("dynamic_slice index type", "dynamic_slice requires start indices to be integer scalars, got f32[]",
            () -> DynamicSlice.of(f3, List.of(v(F32)), 1)),
        rule("dynamic_slice index dtypes", "dynamic_slice requires start indices to have the same dtypes, got s32 and s64",
            () -> DynamicSlice.of(f23, List.of(s0, v(S64)), 1, 1)),
        rule("dynamic_slice sizes range", "dynamic_slice requires slice_sizes to be in range [0, operand shape], got (4,) for operand shape (3,)",
            () -> DynamicSlice.of(f3, List.of(s0), 4)),
        rule("dus dtypes", "dynamic_update_slice requires operand and update to have the same dtypes, got f32 and s32",
            () -> DynamicUpdateSlice.of(f3, v(S32, 1), List.of(s0))),
        rule("dus rank", "dynamic_update_slice requires update to have the operand's rank, got (2, 3) and (3,)",
            () -> DynamicUpdateSlice.of(f23, f3, List.of(s0, s0))),
        rule("dus size", "dynamic_update_slice requires update shape to be smaller than operand shape, got (3,) and (4,)",
            () -> DynamicUpdateSlice.of(f3, v(F32, 4), List.of(s0))),
        rule("dus index count", "dynamic_update_slice requires one start index per operand dimension, got 2 indices for operand shape (3,)",
            () -> DynamicUpdateSlice.of(f3, f3, List.of(s0, s0))),
        rule("concatenate empty", "concatenate requires at least one operand, got 0", () -> Concatenate.of(List.of(), 0)),
        rule("concatenate dimension", "concatenate requires dimension to be in range [0, 1), got 1", () -> Concatenate.of(List.of(f3), 1)),
        rule("concatenate dtypes", "concatenate requires operands to have the same dtypes, got f32 and s32",
            () -> Concatenate.of(List.of(f3, v(S32, 3)), 0)),
        rule("concatenate ranks", "concatenate requires operands to have the same rank, got (3,) and (2, 3)",
            () -> Concatenate.of(List.of(f3, f23), 0)),
        rule("concatenate shapes", "concatenate requires operands to have the same shape except in dimension 0, got (2, 3) and (2, 4)",
            () -> Concatenate.of(List.of(f23, v(F32, 2, 4)), 0)),
        rule("pad scalar", "pad requires a scalar padding value, got f32[3]",
            () -> Pad.of(f3, f3, new long[] {0}, new long[] {0}, new long[] {0})),
        rule("pad dtype", "pad requires operand and padding value to have the same dtypes, got f32 and s32",
            () -> Pad.of(f3, s0, new long[] {0}, new long[] {0}, new long[] {0})),
        rule("pad lengths", "pad requires low, high and interior padding to have length equal to operand ndim 1, got (0, 0), (0,) and (0,)",
            () -> Pad.of(f3, v(F32), new long[] {0, 0}, new long[] {0}, new long[] {0})),
        rule("pad interior", "pad requires interior padding to be non-negative, got (-1,)",
            () -> Pad.of(f3, v(F32), new long[] {0}, new long[] {0}, new long[] {-1})),
        rule("pad negative result", "pad requires the padded shape to be non-negative, got dimension 0 of size -1",
            () -> Pad.of(f3, v(F32), new long[] {-2}, new long[] {-2}, new long[] {0})),
        rule("reverse axes", "reverse requires dimensions to be in range [0, 1), got (1,)", () -> Reverse.of(f3, 1)),
        // dot_general
        rule("dot dtypes", "dot_general requires operands to have the same dtypes, got f32 and bf16",
            () -> DotGeneral.of(f23, v(BF16, 3, 4), NONE, NONE, new int[] {1}, new int[] {0}, null, null)),
        rule("dot pred", "dot_general requires numeric operands, got pred",
            () -> DotGeneral.of(v(PRED, 3), v(PRED, 3), NONE, NONE, new int[] {0}, new int[] {0}, null, null)),
        rule("dot batch lengths", "dot_general requires lhs batch dimensions and rhs batch dimensions to have the same length, got (0,) and ()",
            () -> DotGeneral.of(f23, f23, new int[] {0}, NONE, NONE, NONE, null, null)),
        rule("dot contracting lengths", "dot_general requires lhs contracting dimensions and rhs contracting dimensions to have the same length, got (1,) and ()",
            () -> DotGeneral.of(f23, f23, NONE, NONE, new int[] {1}, NONE, null, null)),
        rule("dot lhs axes", "dot_general requires lhs batch and contracting dimensions to be in range [0, 2), got (2,)",
            () -> DotGeneral.of(f23, f3, NONE, NONE, new int[] {2}, new int[] {0}, null, null)),
        rule("dot lhs axes unique", "dot_general requires lhs batch and contracting dimensions to be unique, got (0, 0)",
            () -> DotGeneral.of(f23, f23, new int[] {0}, new int[] {0}, new int[] {0}, new int[] {1}, null, null)),
        rule("dot rhs axes", "dot_general requires rhs batch and contracting dimensions to be in range [0, 1), got (1,)",
            () -> DotGeneral.of(f23, f3, NONE, NONE, new int[] {1}, new int[] {1}, null, null)),
        rule("dot batch shapes", "dot_general requires lhs batch dimensions and rhs batch dimensions to have the same shape, got (2,) and (3,)",
            () -> DotGeneral.of(v(F32, 2, 4, 5), v(F32, 3, 5, 6), new int[] {0}, new int[] {0}, new int[] {2}, new int[] {1}, null, null)),
        rule("dot contracting sizes", "dot_general requires contracting dimensions to have the same size, got (3,) and (4,)",
            () -> DotGeneral.of(f23, v(F32, 4, 5), NONE, NONE, new int[] {1}, new int[] {0}, null, null)),
        // convolution
        rule("conv layout lengths", "convolution requires layout strings of equal length, got 'NHWC', 'HWO' and 'NHWC'",
            () -> ConvDimensionNumbers.of("NHWC", "HWO", "NHWC")),
        rule("conv layout letters", "convolution requires layouts with N and C (input, output) and O and I (kernel), got 'NHWX', 'HWIO' and 'NHWC'",
            () -> ConvDimensionNumbers.of("NHWX", "HWIO", "NHWC")),
        rule("conv layout spatial", "convolution requires spatial dimension 'H' in every layout, got 'NXWC', 'HWIO' and 'NXWC'",
            () -> ConvDimensionNumbers.of("NXWC", "HWIO", "NXWC")),
        rule("conv dtypes", "convolution requires lhs and rhs to have the same dtypes, got f32 and bf16",
            () -> conv(v(F32, 1, 4, 4, 3), v(BF16, 2, 2, 3, 8), 1, 1, 0)),
        rule("conv ranks", "convolution requires lhs and rhs to have rank 4 (dimension numbers), got (1, 4, 3) and (2, 2, 3, 8)",
            () -> conv(v(F32, 1, 4, 3), v(F32, 2, 2, 3, 8), 1, 1, 0)),
        rule("conv features", "convolution requires lhs feature dimension to equal rhs input feature dimension times feature_group_count, got 3 and 2 * 1",
            () -> conv(v(F32, 1, 4, 4, 3), v(F32, 2, 2, 2, 8), 1, 1, 0)),
        rule("conv group output", "convolution requires rhs output feature dimension to be a multiple of feature_group_count, got 9 and 2",
            () -> conv(v(F32, 1, 4, 4, 4), v(F32, 2, 2, 2, 9), 2, 1, 0)),
        rule("conv groups both", "convolution requires feature_group_count or batch_group_count to be 1, got 2 and 2",
            () -> conv(v(F32, 2, 4, 4, 4), v(F32, 2, 2, 2, 8), 2, 2, 0)),
        rule("conv batch groups", "convolution requires lhs batch and rhs output feature dimensions to be multiples of batch_group_count, got 3, 8 and 2",
            () -> conv(v(F32, 3, 4, 4, 4), v(F32, 2, 2, 4, 8), 1, 2, 0)),
        rule("conv window", "convolution requires the padded input to be at least as large as the dilated window, got 4 and 5 in spatial dimension 0",
            () -> conv(v(F32, 1, 4, 4, 3), v(F32, 5, 2, 3, 8), 1, 1, 0)),
        rule("conv strides", "convolution requires positive strides and dilations, got strides (0, 1), lhs_dilation (1, 1), rhs_dilation (1, 1)",
            () -> Convolution.of(v(F32, 1, 4, 4, 3), v(F32, 2, 2, 3, 8), ConvDimensionNumbers.nhwc(), new long[] {0, 1},
                new long[][] {{0, 0}, {0, 0}}, new long[] {1, 1}, new long[] {1, 1}, 1, 1, null, null)),
        // reduce family
        rule("reduce count", "reduce requires one init value per input, got 1 inputs and 2 init values",
            () -> Reduce.of(List.of(f3), List.of(v(F32), v(F32)), new int[] {0}, addBody(F32))),
        rule("reduce init scalar", "reduce requires scalar init values, got f32[3]",
            () -> Reduce.of(List.of(f3), List.of(f3), new int[] {0}, addBody(F32))),
        rule("reduce init dtype", "reduce requires init values to have the inputs' dtypes, got f32 and s32",
            () -> Reduce.of(List.of(f3), List.of(s0), new int[] {0}, addBody(F32))),
        rule("reduce dims", "reduce requires dimensions to be in range [0, 1), got (1,)",
            () -> Reduce.of(List.of(f3), List.of(v(F32)), new int[] {1}, addBody(F32))),
        rule("reduce body args", "reduce requires the body to take arguments (f32[], f32[]), got (s32[], s32[])",
            () -> Reduce.of(List.of(f3), List.of(v(F32)), new int[] {0}, addBody(S32))),
        rule("reduce body returns", "reduce requires the body to return (f32[]), got (f32[], f32[])", () -> {
          Value a = v(F32);
          Value b = v(F32);
          Reduce.of(List.of(f3), List.of(v(F32)), new int[] {0}, returning(List.of(a, b), a, b));
        }),
        rule("reduce shapes", "reduce requires inputs to have the same shape, got (3,) and (2,)",
            () -> Reduce.of(List.of(f3, v(S32, 2)), List.of(v(F32), s0), new int[] {0}, addBody(F32))),
        rule("reduce_window lengths", "reduce_window requires window dimensions, strides, dilations and padding of length equal to operand ndim 1, got 2, 1, 1, 1 and 1",
            () -> ReduceWindow.of(List.of(f3), List.of(v(F32)), new long[] {1, 1}, new long[] {1}, new long[] {1},
                new long[] {1}, new long[][] {{0, 0}}, addBody(F32))),
        rule("reduce_window init", "reduce_window requires scalar init values of the inputs' dtypes, got s32[] for input f32[3]",
            () -> ReduceWindow.of(List.of(f3), List.of(s0), new long[] {1}, new long[] {1}, new long[] {1},
                new long[] {1}, new long[][] {{0, 0}}, addBody(F32))),
        rule("reduce_window window", "reduce_window requires positive window dimensions, strides and dilations, got window (0,) and strides (1,)",
            () -> ReduceWindow.of(List.of(f3), List.of(v(F32)), new long[] {0}, new long[] {1}, new long[] {1},
                new long[] {1}, new long[][] {{0, 0}}, addBody(F32))),
        rule("sort dimension", "sort requires dimension to be in range [0, 1), got 1", () -> Sort.of(List.of(f3), 1, true, addBody(F32))),
        rule("sort shapes", "sort requires inputs to have the same shape, got (3,) and (2, 3)", () -> Sort.of(List.of(f3, f23), 0, true, addBody(F32))),
        rule("sort comparator", "sort requires the comparator to return (pred[]), got (f32[])", () -> Sort.of(List.of(f3), 0, true, addBody(F32))),
        // control flow
        rule("while cond", "while requires the cond to return (pred[]), got (f32[3])", () -> {
          Value a = v(F32, 3);
          Value b = v(F32, 3);
          While.of(List.of(f3), returning(List.of(a), a), returning(List.of(b), b));
        }),
        rule("while body", "while requires the body to take arguments (f32[3]), got (s32[])", () -> {
          Value a = v(F32, 3);
          Value p = v(PRED);
          Value b = v(S32);
          While.of(List.of(f3), new Region(List.of(a), List.of(), List.of(p)), returning(List.of(b), b));
        }),
        rule("if pred", "if requires a scalar boolean predicate, got pred[2]",
            () -> Case.ifOp(v(PRED, 2), returning(List.of(), f3), returning(List.of(), f3))),
        rule("case index", "case requires a scalar s32 index, got s64[]", () -> Case.caseOp(v(S64), List.of(returning(List.of(), f3)))),
        rule("case empty", "case requires at least one branch, got 0", () -> Case.caseOp(s0, List.of())),
        rule("case branch types", "case requires all branches to return the same types, got (f32[3]) and (s32[])",
            () -> Case.caseOp(s0, List.of(returning(List.of(), f3), returning(List.of(), s0)))),
        rule("optimization_barrier empty", "optimization_barrier requires at least one operand, got 0", () -> OptimizationBarrier.of(List.of())),
        rule("rng state", "rng_bit_generator requires a rank-1 u64 state, got u32[4]",
            () -> RngBitGenerator.of(RngBitGenerator.Algorithm.DEFAULT, v(U32, 4), TensorType.of(U32, 2))),
        rule("rng state size", "rng_bit_generator requires a state of size 2 for THREE_FRY, got u64[3]",
            () -> RngBitGenerator.of(RngBitGenerator.Algorithm.THREE_FRY, v(U64, 3), TensorType.of(U32, 2))),
        rule("rng output", "rng_bit_generator requires an unsigned integer output, got f32",
            () -> RngBitGenerator.of(RngBitGenerator.Algorithm.DEFAULT, v(U64, 2), TensorType.of(F32, 2))),
        // gather / scatter
        rule("gather indices", "gather requires integer indices, got f32",
            () -> Gather.of(f23, v(F32, 2, 1), new int[] {1}, new int[] {0}, new int[] {0}, 1, new long[] {1, 3}, false)),
        rule("gather start_index_map", "gather requires start_index_map to have one entry per index vector element, got (0, 1) for index vector size 1",
            () -> Gather.of(f23, v(S32, 2, 1), new int[] {1}, new int[] {0}, new int[] {0, 1}, 1, new long[] {1, 3}, false)),
        rule("gather slice sizes", "gather requires slice_sizes to be in range [0, operand shape], got (1, 4) for operand shape (2, 3)",
            () -> Gather.of(f23, v(S32, 2, 1), new int[] {1}, new int[] {0}, new int[] {0}, 1, new long[] {1, 4}, false)),
        rule("gather collapsed", "gather requires collapsed slice dims to have slice size 0 or 1, got (0,) and slice_sizes (2, 3)",
            () -> Gather.of(f23, v(S32, 2, 1), new int[] {1}, new int[] {0}, new int[] {0}, 1, new long[] {2, 3}, false)),
        rule("gather offset dims count", "gather requires one offset dim per non-collapsed slice dimension, got offset_dims () and 1 slice dimensions",
            () -> Gather.of(f23, v(S32, 2, 1), NONE, new int[] {0}, new int[] {0}, 1, new long[] {1, 3}, false)),
        rule("gather index_vector_dim", "gather requires index_vector_dim to be in range [0, 2], got 3",
            () -> Gather.of(f23, v(S32, 2, 1), new int[] {1}, new int[] {0}, new int[] {0}, 3, new long[] {1, 3}, false)),
        rule("scatter dtypes", "scatter requires operand and updates to have the same dtypes, got f32 and s32",
            () -> Scatter.of(f23, v(S32, 2, 1), v(S32, 2, 3), new int[] {1}, new int[] {0}, new int[] {0}, 1, false, false, addBody(F32))),
        rule("scatter window dims", "scatter requires update_window_dims and inserted_window_dims to cover the operand rank 2, got (1,) and ()",
            () -> Scatter.of(f23, v(S32, 2, 1), f23, new int[] {1}, NONE, new int[] {0}, 1, false, false, addBody(F32))),
        rule("scatter updates rank", "scatter requires updates of rank 2 (scatter batch rank 1 + 1 window dims), got (3,)",
            () -> Scatter.of(f23, v(S32, 2, 1), f3, new int[] {1}, new int[] {0}, new int[] {0}, 1, false, false, addBody(F32))),
        rule("scatter batch dims", "scatter requires the updates' scatter dims to match the indices' batch dims, got (3,) and (2,)",
            () -> Scatter.of(f23, v(S32, 2, 1), v(F32, 3, 3), new int[] {1}, new int[] {0}, new int[] {0}, 1, false, false, addBody(F32))),
        rule("scatter window size", "scatter requires update window dims to fit the operand, got window size 4 for operand dimension 1 of size 3",
            () -> Scatter.of(f23, v(S32, 2, 1), v(F32, 2, 4), new int[] {1}, new int[] {0}, new int[] {0}, 1, false, false, addBody(F32))),
        rule("reduce_window padding pairs", "reduce_window requires padding pairs (low, high), got 1 values",
            () -> ReduceWindow.of(List.of(f3), List.of(v(F32)), new long[] {1}, new long[] {1}, new long[] {1},
                new long[] {1}, new long[][] {{0}}, addBody(F32))),
        rule("scatter computation", "scatter requires the update computation to take arguments (f32[], f32[]), got (s32[], s32[])",
            () -> Scatter.of(f23, v(S32, 2, 1), f23, new int[] {1}, new int[] {0}, new int[] {0}, 1, false, false, addBody(S32))),
        // collectives
        rule("all_reduce groups", "all_reduce requires at least one replica group, got 0",
            () -> Collectives.AllReduce.of(f3, new long[0][], 1, true, addBody(F32))),
        rule("all_reduce group sizes", "all_reduce requires replica groups of equal size, got 2 and 1",
            () -> Collectives.AllReduce.of(f3, new long[][] {{0, 1}, {2}}, 1, true, addBody(F32))),
        rule("all_gather dim", "all_gather requires all_gather_dim to be in range [0, 1), got 1",
            () -> Collectives.AllGather.of(f3, 1, new long[][] {{0, 1}}, 1, true)),
        rule("reduce_scatter divisible", "reduce_scatter requires the scatter dimension to be divisible by the group size, got 3 and 2",
            () -> Collectives.ReduceScatter.of(f3, 0, new long[][] {{0, 1}}, 1, true, addBody(F32))),
        rule("all_to_all divisible", "all_to_all requires the split dimension to be divisible by split_count, got 3 and 2",
            () -> Collectives.AllToAll.of(f23, 1, 0, new long[][] {{0, 1}}, 1)),
        rule("collective_permute targets", "collective_permute requires unique targets, got 1 twice",
            () -> Collectives.CollectivePermute.of(f3, new long[][] {{0, 1}, {2, 1}}, 1)),
        // manual computation (shard_map)
        rule("manual_computation in count", "manual_computation requires one in_sharding per operand, got 1 operands and 0 shardings",
            () -> ManualComputation.of(List.of(v(F32, 4)), List.of(), List.of(), returning(List.of()))),
        rule("manual_computation out count", "manual_computation requires one out_sharding per result, got 1 results and 0 shardings", () -> {
          Value a = v(F32, 2);
          ManualComputation.of(List.of(v(F32, 4)), List.of(new Sharding(mesh2(), List.of(List.of("x")))), List.of(),
              returning(List.of(a), a));
        }),
        rule("manual_computation local types", "manual_computation requires the body to take arguments (f32[2]), got (f32[4])", () -> {
          Value a = v(F32, 4);
          Sharding s = new Sharding(mesh2(), List.of(List.of("x")));
          ManualComputation.of(List.of(v(F32, 4)), List.of(s), List.of(s), returning(List.of(a), a));
        }),
        // remaining rules, one row each
        rule("value null", "value requires a type, got null", () -> Value.of(null)),
        rule("tensor type null", "tensor type requires a dtype, got null", () -> TensorType.of(null, 2)),
        rule("constant null", "constant requires a value, got null", () -> Constant.of(null)),
        rule("attr empty", "attribute text must be non-empty, got ''", () -> Attr.raw("")),
        rule("reduce empty", "reduce requires at least one input, got 0", () -> Reduce.of(List.of(), List.of(), NONE, addBody(F32))),
        rule("sort empty", "sort requires at least one input, got 0", () -> Sort.of(List.of(), 0, true, addBody(F32))),
        rule("reduce_window count", "reduce_window requires one init value per input and at least one input, got 1 inputs and 0 init values",
            () -> ReduceWindow.of(List.of(f3), List.of(), new long[] {1}, new long[] {1}, new long[] {1}, new long[] {1},
                new long[][] {{0, 0}}, addBody(F32))),
        rule("reduce_window shapes", "reduce_window requires inputs to have the same shape, got (3,) and (2,)",
            () -> ReduceWindow.of(List.of(f3, v(F32, 2)), List.of(v(F32), v(F32)), new long[] {1}, new long[] {1}, new long[] {1},
                new long[] {1}, new long[][] {{0, 0}}, addBody(F32))),
        rule("case branch args", "case requires branches without arguments, got 1 in branch 0",
            () -> Case.caseOp(s0, List.of(returning(List.of(f3), f3)))),
        rule("if branch types", "if requires all branches to return the same types, got (f32[3]) and (f32[2, 3])".replace("f32[2, 3]", "f32[2,3]"),
            () -> Case.ifOp(v(PRED), returning(List.of(), f3), returning(List.of(), f23))),
        rule("conv option lengths", "convolution requires strides, padding and dilations with one entry per spatial dimension (2), got 1, 2, 2 and 2",
            () -> Convolution.of(v(F32, 1, 4, 4, 3), v(F32, 2, 2, 3, 8), ConvDimensionNumbers.nhwc(), new long[] {1},
                new long[][] {{0, 0}, {0, 0}}, new long[] {1, 1}, new long[] {1, 1}, 1, 1, null, null)),
        rule("conv group counts positive", "convolution requires positive feature_group_count and batch_group_count, got 0 and 1",
            () -> conv(v(F32, 1, 4, 4, 3), v(F32, 2, 2, 3, 8), 0, 1, 0)),
        rule("conv padding pairs", "convolution requires padding pairs (low, high), got 1 values",
            () -> Convolution.of(v(F32, 1, 4, 4, 3), v(F32, 2, 2, 3, 8), ConvDimensionNumbers.nhwc(), new long[] {1, 1},
                new long[][] {{0}, {0}}, new long[] {1, 1}, new long[] {1, 1}, 1, 1, null, null)),
        rule("conv spatial count", "convolution requires the same number of spatial dimensions in input, kernel and output, got 2, 1 and 2",
            () -> new ConvDimensionNumbers(0, 3, new int[] {1, 2}, 2, 3, new int[] {0}, 0, 3, new int[] {1, 2})),
        rule("gather slice sizes length", "gather requires slice_sizes to have length equal to operand ndim, got (1,) for operand shape (2, 3)",
            () -> Gather.of(f23, v(S32, 2, 1), new int[] {1}, new int[] {0}, new int[] {0}, 1, new long[] {1}, false)),
        rule("gather offset dims sorted", "gather requires offset_dims to be sorted, got (2, 1)",
            () -> Gather.of(v(F32, 2, 3, 4), v(S32, 2, 1), new int[] {2, 1}, new int[] {0}, new int[] {0}, 1, new long[] {1, 3, 4}, false)),
        rule("scatter indices", "scatter requires integer indices, got f32",
            () -> Scatter.of(f23, v(F32, 2, 1), f23, new int[] {1}, new int[] {0}, new int[] {0}, 1, false, false, addBody(F32))),
        rule("scatter index_vector_dim", "scatter requires index_vector_dim to be in range [0, 2], got 3",
            () -> Scatter.of(f23, v(S32, 2, 1), f23, new int[] {1}, new int[] {0}, new int[] {0}, 3, false, false, addBody(F32))),
        rule("scatter index map", "scatter requires scatter_dims_to_operand_dims to have one entry per index vector element, got (0, 1) for index vector size 1",
            () -> Scatter.of(f23, v(S32, 2, 1), f23, new int[] {1}, new int[] {0}, new int[] {0, 1}, 1, false, false, addBody(F32))),
        rule("reduce_scatter dim", "reduce_scatter requires scatter_dimension to be in range [0, 1), got 1",
            () -> Collectives.ReduceScatter.of(f3, 1, new long[][] {{0, 1}}, 1, true, addBody(F32))),
        rule("all_to_all dims", "all_to_all requires split and concat dimensions in range [0, 2), got 2 and 0",
            () -> Collectives.AllToAll.of(f23, 2, 0, new long[][] {{0, 1}}, 1)),
        rule("collective_permute empty", "collective_permute requires at least one source-target pair, got 0",
            () -> Collectives.CollectivePermute.of(f3, new long[0][], 1)),
        rule("collective_permute pairs", "collective_permute requires (source, target) pairs, got (0, 1, 2)",
            () -> Collectives.CollectivePermute.of(f3, new long[][] {{0, 1, 2}}, 1)),
        rule("collective_permute sources", "collective_permute requires unique sources, got 0 twice",
            () -> Collectives.CollectivePermute.of(f3, new long[][] {{0, 1}, {0, 2}}, 1)),
        rule("manual_computation out rank", "manual_computation requires out_sharding 0 to have one entry per dimension, got 2 entries for f32[2]", () -> {
          Value a = v(F32, 2);
          Sharding in = new Sharding(mesh2(), List.of(List.of("x")));
          ManualComputation.of(List.of(v(F32, 4)), List.of(in), List.of(new Sharding(mesh2(), List.of(List.of("x"), List.of()))),
              returning(List.of(a), a));
        }),
        rule("mesh axis name", "mesh axis requires a non-empty name, got ''", () -> new MeshDecl.Axis("", 2)),
        rule("mesh name", "mesh requires a symbol name made of letters, digits, '_', '$' or '.', got '@m'",
            () -> new MeshDecl("@m", List.of())),
        rule("func result attrs", "func @f requires one attribute map per result, got 0 maps for 1 results",
            () -> new Func("f", true, returning(List.of(f3), f3), List.of(Map.of()), List.of())),
        // sharding, mesh, func, module
        rule("mesh axis size", "mesh axis 'x' requires a positive size, got 0", () -> new MeshDecl.Axis("x", 0)),
        rule("mesh axis unique", "mesh @mesh requires unique axis names, got 'x' twice",
            () -> new MeshDecl("mesh", List.of(new MeshDecl.Axis("x", 2), new MeshDecl.Axis("x", 2)))),
        rule("sharding unknown axis", "mesh @mesh has no axis 'y', axes are [x]",
            () -> new Sharding(mesh2(), List.of(List.of("y")))),
        rule("sharding axis twice", "sharding requires each mesh axis at most once, got 'x' twice in [[x], [x]]",
            () -> new Sharding(mesh2(), List.of(List.of("x"), List.of("x")))),
        rule("sharding rank", "arg requires a sharding with one entry per dimension, got 1 entries for f32[2,3]",
            () -> new Sharding(mesh2(), List.of(List.of("x"))).checkFits("arg", f23.type())),
        rule("sharding divisible", "arg requires sharded dimensions to be divisible by the number of shards, got dimension 1 of size 3 split 2 ways in f32[2,3]",
            () -> new Sharding(mesh2(), List.of(List.of(), List.of("x"))).checkFits("arg", f23.type())),
        rule("func name", "func requires a name made of letters, digits, '_', '$' or '.', got 'bad name'",
            () -> Func.of("bad name", true, returning(List.of(), f3))),
        rule("func attrs", "func @f requires one attribute map per argument, got 0 maps for 1 arguments",
            () -> new Func("f", true, returning(List.of(f3), f3), List.of(), List.of(Map.of()))),
        rule("module name", "module requires a name made of letters, digits, '_', '$' or '.', got '1x'",
            () -> new Module("1x", Map.of(), List.of(), List.of())));
  }

  static MeshDecl mesh2() {
    return new MeshDecl("mesh", List.of(new MeshDecl.Axis("x", 2)));
  }

  static Convolution conv(Value x, Value k, long fgc, long bgc, long pad) {
    return Convolution.of(x, k, ConvDimensionNumbers.nhwc(), new long[] {1, 1}, new long[][] {{pad, pad}, {pad, pad}},
        new long[] {1, 1}, new long[] {1, 1}, fgc, bgc, null, null);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void badConstructionThrowsWithMessage(String name, String message, Executable bad) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, bad);
    assertEquals(message, e.getMessage());
  }
}
