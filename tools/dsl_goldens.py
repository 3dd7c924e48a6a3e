#!/usr/bin/env python3
"""Reference values for the xla4j DSL execution tests, computed with JAX.

Each case is a JAX function plus deterministic inputs; this script writes
src/test/resources/dsl/cases/<name>.json with the inputs and JAX's outputs (dtype, shape, row-major data).
The Java tests (src/test/java/xla4j/dsl/DslCases.java) build the same computation with the DSL and compare.

Regenerate:  build/venv-dsl/bin/python tools/dsl_goldens.py [case ...]   (jax==0.10.2, jaxlib==0.10.2, numpy)
             build/venv-dsl/bin/python tools/dsl_goldens.py --spmd        (shard_map case on 4 host devices)
"""
import os
# CPU references only: never let JAX load libtpu (it may be installed in the same venv).
os.environ.setdefault("JAX_PLATFORMS", "cpu")
import json
import math
import sys

os.environ["XLA_FLAGS"] = os.environ.get("XLA_FLAGS", "") + " --xla_force_host_platform_device_count=4"

import jax
import jax.numpy as jnp
import numpy as np
from jax import lax

jax.config.update("jax_enable_x64", True)
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "src", "test", "resources", "dsl", "cases")
SPMD_OUT = os.path.join(ROOT, "src", "test", "resources", "dsl", "spmd")

NAMES = {np.dtype(np.bool_): "pred", np.dtype(np.int8): "s8", np.dtype(np.int16): "s16", np.dtype(np.int32): "s32",
         np.dtype(np.int64): "s64", np.dtype(np.uint8): "u8", np.dtype(np.uint16): "u16", np.dtype(np.uint32): "u32",
         np.dtype(np.uint64): "u64", np.dtype(np.float16): "f16", np.dtype(jnp.bfloat16): "bf16",
         np.dtype(np.float32): "f32", np.dtype(np.float64): "f64"}


def enc(x):
    x = np.asarray(x)
    name = NAMES[x.dtype]
    flat = x.reshape(-1)
    if name == "pred":
        data = [bool(v) for v in flat]
    elif name in ("f16", "bf16", "f32", "f64"):
        data = []
        for v in flat.astype(np.float64):
            data.append(str(v) if not math.isfinite(v) else float(v))
    elif name == "u64":
        data = [str(int(v)) for v in flat]  # exact as strings
    else:
        data = [int(v) for v in flat]
    return {"dtype": name, "shape": list(x.shape), "data": data}


CASES = []


def case(name, *inputs, rtol=1e-6, atol=1e-6):
    def deco(fn):
        CASES.append((name, fn, inputs, rtol, atol))
        return fn
    return deco


rng = np.random.default_rng(0)
f32 = lambda *s: rng.standard_normal(s).astype(np.float32)
pos = lambda *s: (rng.random(s) + 0.5).astype(np.float32)
bf16 = lambda *s: rng.standard_normal(s).astype(jnp.bfloat16)
s32 = lambda lo, hi, *s: rng.integers(lo, hi, s).astype(np.int32)

# --- elementwise -----------------------------------------------------------------------------------
case("add_bcast_f32", f32(2, 3), f32(3))(lambda a, b: a + b)
case("arith_f32", f32(2, 3), pos(2, 3))(lambda a, b: ((a - b) * b / b, jnp.maximum(a, b), jnp.minimum(a, b), lax.pow(b, a), lax.rem(a, b), lax.atan2(a, b)))
case("unary_f32", pos(7), rtol=2e-6, atol=2e-6)(lambda a: (jnp.exp(a), jnp.log(a), jnp.tanh(a), jnp.sqrt(a), lax.rsqrt(a), jax.nn.sigmoid(a),
                                                          jnp.sin(a), jnp.cos(a), jnp.expm1(a), jnp.log1p(a), jnp.cbrt(a), jnp.tan(a)))
case("unary_round_f32", np.array([-2.5, -1.5, -0.4, 0.5, 1.5, 2.7, 0.0], np.float32))(
    lambda a: (jnp.floor(a), jnp.ceil(a), lax.round(a, lax.RoundingMethod.TO_NEAREST_EVEN), jnp.abs(a), -a, jnp.sign(a),
               lax.round(a, lax.RoundingMethod.AWAY_FROM_ZERO)))
case("erf_f32", f32(6), rtol=1e-5, atol=1e-6)(lambda a: lax.erf(a))
case("erfc_gelu_tail_f32", np.array([-9.0, -6.0, -3.0, 0.0, 2.0, 5.0], np.float32), rtol=1e-5, atol=0)(
    lambda a: (lax.erfc(a), jax.nn.gelu(a, approximate=False)))
case("is_finite_f32", np.array([1.0, np.inf, -np.inf, np.nan, 0.0], np.float32))(lambda a: jnp.isfinite(a))
case("arith_bf16", bf16(4, 3), bf16(3), rtol=1e-2, atol=1e-2)(lambda a, b: (a + b, a * b, jnp.exp(a)))
case("arith_f16", f32(5).astype(np.float16), f32(5).astype(np.float16), rtol=1e-3, atol=1e-3)(lambda a, b: (a * b + a, a - b))
case("arith_f64", rng.standard_normal(4), rng.standard_normal(4))(lambda a, b: (a * b + a, jnp.exp(a)))
case("int_s32", s32(-50, 50, 6), s32(1, 7, 6))(lambda a, b: (a + b, a - b, a * b, lax.div(a, b), lax.rem(a, b), a & b, a | b, a ^ b, ~a,
                                                          lax.shift_left(a, b), lax.shift_right_arithmetic(a, b), lax.shift_right_logical(a, b),
                                                          lax.population_count(a), lax.clz(a), jnp.abs(a), -a, jnp.maximum(a, b)))
case("int_u8_wrap", np.array([250, 3, 128, 255], np.uint8), np.array([10, 4, 128, 1], np.uint8))(lambda a, b: (a + b, a * b, a - b))
case("int_s64_u32", np.array([2**40, -3], np.int64), np.array([4000000000, 7], np.uint32))(lambda a, b: (a * 3, b + b, b // np.uint32(3)))
case("pred_logic", np.array([True, False, True, False]), np.array([True, True, False, False]))(lambda a, b: (a & b, a | b, a ^ b, ~a))
case("compare_select", f32(2, 3), f32(2, 3), s32(0, 3, 2, 3), np.array([5, 1, 4000000000], np.uint32))(
    lambda a, b, i, u: (a < b, a >= b, i == 1, i != 2, u > np.uint32(3), jnp.where(a > b, a, b)))
case("select_scalar_pred_clamp", np.array(True), f32(4), f32(4))(lambda p, a, b: (lax.select(jnp.broadcast_to(p, (4,)), a, b), jnp.clip(a, -0.5, 0.5)))
case("convert_all", np.array([-2.7, -0.5, 0.0, 1.5, 2.5, 300.7], np.float32), np.array([0, 1, 2, 255], np.int32))(
    lambda a, i: (a.astype(jnp.bfloat16), a.astype(np.float16), a.astype(np.int32), a.astype(np.float64), i.astype(np.float32),
                  i.astype(np.bool_), i.astype(np.uint8), (a > 0).astype(np.float32)))
case("iota_const")(lambda: (lax.broadcasted_iota(np.int32, (2, 3), 1), lax.broadcasted_iota(np.float32, (3, 2), 0),
                            jnp.array([[1.5, -2.0], [3.25, 1e-5]], np.float32), jnp.array([1, 2, 3], jnp.bfloat16),
                            jnp.array([True, False]), jnp.arange(100, dtype=np.float32).reshape(10, 10), jnp.array(7, np.int64),
                            jnp.array([np.inf, -np.inf, 0.5], np.float32), jnp.full((2, 2), 3.0, np.float32)))
case("rank0_and_size0", np.array(2.5, np.float32), np.zeros((0, 3), np.float32), f32(2, 3))(
    lambda s, z, x: (s * s, jnp.sum(z, axis=0), jnp.concatenate([z, x], axis=0), jnp.sum(x)))

# --- shapes --------------------------------------------------------------------------------------
case("reshape_transpose_bcast", f32(2, 3, 4))(lambda a: (a.reshape(6, 4), a.transpose(2, 0, 1), lax.broadcast_in_dim(a[0, :, 0], (2, 3, 5), (1,)), a.reshape(-1)))
case("slice_strided", f32(5, 6))(lambda a: (a[1:4, ::2], a[:, 5:6], lax.slice(a, (0, 1), (5, 6), (3, 2))))
case("dynamic_slice_update", f32(5, 6), f32(2, 3), np.array(1, np.int32), np.array(4, np.int32))(
    lambda a, u, i, j: (lax.dynamic_slice(a, (i, j), (2, 3)), lax.dynamic_update_slice(a, u, (i, j))))
case("concat_pad_reverse", f32(2, 3), f32(1, 3))(lambda a, b: (jnp.concatenate([a, b, a], 0), lax.pad(a, np.float32(-1), [(1, 2, 1), (-1, 0, 0)]), lax.rev(a, (0, 1))))
case("gather_take", f32(5, 3), np.array([[4, 0], [2, 7]], np.int32))(lambda e, i: jnp.take(e, jnp.clip(i, 0, 4), axis=0))
case("scatter_add_set", f32(5, 3), np.array([1, 3, 1], np.int32), f32(3, 3))(lambda a, i, u: (a.at[i].add(u), a.at[np.array([0, 2])].set(u[:2])))

# --- contractions --------------------------------------------------------------------------------
case("matmul_f32", f32(4, 8), f32(8, 5), rtol=1e-5, atol=1e-5)(lambda a, b: a @ b)
case("batched_matmul_f32", f32(2, 3, 4), f32(2, 4, 5), rtol=1e-5, atol=1e-5)(lambda a, b: a @ b)
case("einsum_attention_scores", f32(2, 3, 4, 5), f32(2, 6, 4, 5), rtol=1e-5, atol=1e-5)(lambda q, k: jnp.einsum("bqhd,bkhd->bhqk", q, k))
case("einsum_proj_sum", f32(2, 3, 8), f32(8, 4, 2), rtol=1e-5, atol=1e-5)(lambda x, w: (jnp.einsum("btd,dnh->btnh", x, w), jnp.einsum("btd->bd", x)))
case("dot_bf16_to_f32", bf16(3, 16), bf16(16, 4), rtol=1e-2, atol=1e-2)(
    lambda a, b: lax.dot_general(a, b, (((1,), (0,)), ((), ())), preferred_element_type=np.float32))
case("conv_patch_embed", f32(2, 8, 8, 3), f32(4, 4, 3, 6), rtol=1e-5, atol=1e-5)(
    lambda x, w: lax.conv_general_dilated(x, w, (4, 4), "VALID", dimension_numbers=("NHWC", "HWIO", "NHWC")))
case("conv_same_groups", f32(1, 5, 5, 4), f32(3, 3, 2, 6), rtol=1e-5, atol=1e-5)(
    lambda x, w: lax.conv_general_dilated(x, w, (2, 2), "SAME", dimension_numbers=("NHWC", "HWIO", "NHWC"), feature_group_count=2))
case("conv_dilated_nchw", f32(1, 2, 7, 7), f32(3, 2, 3, 3), rtol=1e-5, atol=1e-5)(
    lambda x, w: lax.conv_general_dilated(x, w, (1, 1), ((1, 1), (2, 0)), rhs_dilation=(2, 1), dimension_numbers=("NCHW", "OIHW", "NCHW")))

# --- reductions, windows, sorting ----------------------------------------------------------------
case("reduce_f32", f32(3, 4, 5), rtol=1e-5, atol=1e-5)(lambda a: (a.sum(1), a.max((0, 2)), a.min(2), a.prod(0), a.sum()))
case("reduce_int_pred", s32(-9, 9, 3, 4), rng.random((3, 4)) > 0.5)(lambda a, p: (a.sum(0, dtype=np.int32), a.max(1), a.min(1), a.prod(1, dtype=np.int32), p.all(1), p.any(0)))
case("reduce_u8_bf16", np.array([[1, 200], [3, 100]], np.uint8), bf16(2, 8), rtol=1e-2, atol=1e-2)(lambda a, b: (a.max(1), a.min(0), b.max(1), b.sum(1)))
case("argmax_ties", np.array([[1, 3, 3, 0], [-1, -1, -2, -5], [0, np.nan, 2, np.nan]], np.float32), s32(0, 3, 2, 5))(
    lambda a, i: tuple(r.astype(np.int32) for r in (jnp.argmax(a, 1), jnp.argmin(a[:2], 1), jnp.argmax(i, 0), jnp.argmax(a, 0))))
case("pooling", f32(1, 4, 6, 2), rtol=1e-6, atol=1e-6)(
    lambda x: (lax.reduce_window(x, -np.inf, lax.max, (1, 2, 2, 1), (1, 2, 2, 1), "VALID"),
               lax.reduce_window(x, 0.0, lax.add, (1, 3, 2, 1), (1, 1, 2, 1), "VALID") / 6.0))
case("sort_multi_stable", np.array([3, 1, 2, 1, 3, 0], np.float32), np.array([0, 1, 2, 3, 4, 5], np.int32), f32(2, 5))(
    lambda k, v, m: (*lax.sort((k, v), num_keys=1, is_stable=True), jnp.sort(m, axis=1), jnp.sort(m, axis=0)))
case("sort_two_keys", np.array([2, 1, 2, 1, 0], np.int32), np.array([5., 7., 1., 2., 9.], np.float32))(
    lambda a, b: lax.sort((a, b), num_keys=2))
case("top_k", np.array([[1, 5, 3, 5, 2], [0, -1, 7, 7, 7]], np.float32))(lambda a: lax.top_k(a, 3))

# --- control flow, misc ---------------------------------------------------------------------------
case("while_loop", f32(3), np.array(5, np.int32))(lambda x, n: lax.fori_loop(0, n, lambda i, c: c * 2 + i.astype(np.float32), x))
case("cond_if", np.array(True), np.array(False), f32(3))(lambda p, q, x: (lax.cond(p, lambda: x + 1, lambda: x - 1), lax.cond(q, lambda: x + 1, lambda: x - 1)))
case("switch_case", np.array(1, np.int32), np.array(7, np.int32), f32(3))(
    lambda i, j, x: (lax.switch(i, [lambda: x + 1, lambda: x * 2, lambda: -x]), lax.switch(j, [lambda: x + 1, lambda: x * 2, lambda: -x])))
case("optimization_barrier", f32(3), s32(0, 5, 2))(lambda a, b: lax.optimization_barrier((a * 2, b)))
case("rng_three_fry", np.array([1, 2, 3, 4], np.uint32))(
    lambda k: lax.rng_bit_generator(k, (3, 4), np.uint32, algorithm=lax.RandomAlgorithm.RNG_THREE_FRY))

# --- composites ----------------------------------------------------------------------------------
case("softmax_family", f32(3, 5) * 3, rtol=1e-5, atol=1e-6)(
    lambda a: (jax.nn.softmax(a, axis=-1), jax.nn.log_softmax(a, axis=0), jax.nn.logsumexp(a, axis=1), jax.nn.logsumexp(a)))
case("activations", f32(2, 6) * 2, rtol=1e-5, atol=1e-6)(lambda a: (jax.nn.gelu(a, approximate=False), jax.nn.gelu(a, approximate=True), jax.nn.silu(a), jax.nn.relu(a)))
case("norms", f32(2, 3, 8), pos(8), f32(8), rtol=1e-5, atol=1e-5)(
    lambda x, s, b: ((x - x.mean(-1, keepdims=True)) * lax.rsqrt(jnp.maximum(0.0, (x * x).mean(-1, keepdims=True) - x.mean(-1, keepdims=True) ** 2) + 1e-6) * s + b,
                     x * lax.rsqrt((x * x).mean(-1, keepdims=True) + 1e-6) * s, x.mean((0, 2)), x.var(1)))
case("one_hot", np.array([[0, 2], [3, -1]], np.int32))(lambda i: jax.nn.one_hot(i, 3, dtype=np.float32))
case("attention_block_bf16", bf16(2, 4, 8), bf16(8, 2, 4), bf16(8, 2, 4), bf16(8, 2, 4), bf16(2, 4, 8), rtol=3e-2, atol=3e-2)(
    lambda x, wq, wk, wv, wo: jnp.einsum("bqnh,nhd->bqd", jnp.einsum("bnqk,bknh->bqnh", jax.nn.softmax(
        jnp.einsum("bqnh,bknh->bnqk", jnp.einsum("btd,dnh->btnh", x, wq) / np.sqrt(4).astype(jnp.bfloat16),
                   jnp.einsum("btd,dnh->btnh", x, wk)), axis=-1), jnp.einsum("btd,dnh->btnh", x, wv)), wo))


# --- more dtypes and edge shapes ------------------------------------------------------------------
u8 = lambda *s: rng.integers(0, 255, s).astype(np.uint8)
case("sort_dtypes", bf16(2, 5), s32(-9, 9, 7), u8(6), rtol=0, atol=0)(lambda a, b, c: (jnp.sort(a, axis=-1), jnp.sort(b), jnp.sort(c)))
case("top_k_bf16_argmax_u8", bf16(2, 6), u8(3, 4), rtol=0, atol=0)(lambda a, u: (*lax.top_k(a, 2), jnp.argmax(u, 1).astype(np.int32), jnp.argmax(a, 0).astype(np.int32)))
case("reduce_f16_size0", f32(3, 4).astype(np.float16), np.zeros((2, 0), np.float32), rtol=1e-3, atol=1e-3)(
    lambda h, z: (h.sum(0), h.max(1), lax.reduce_max(z, (1,)), lax.reduce_min(z, (1,)), z.sum(1), z.prod(1)))
case("conv_bf16_f32acc", bf16(1, 6, 6, 4), bf16(3, 3, 4, 5), rtol=2e-2, atol=2e-2)(
    lambda x, w: lax.conv_general_dilated(x, w, (1, 1), "SAME", dimension_numbers=("NHWC", "HWIO", "NHWC"), preferred_element_type=np.float32))
case("gather_points_dslice_clamp", f32(4, 5), np.array([[0, 1], [3, 4], [2, 0]], np.int32), np.array(9, np.int32))(
    lambda x, ij, k: (x[ij[:, 0], ij[:, 1]], lax.dynamic_slice(x, (k, k), (2, 3))))
case("shape_ops_small_ints", rng.integers(-100, 100, (2, 3)).astype(np.int8), rng.integers(0, 60000, (3, 2)).astype(np.uint16),
     rng.random((2, 2)) > 0.5, rng.integers(-5, 5, (2,)).astype(np.int64))(
    lambda a, b, p, q: (a.T.reshape(3, 2), jnp.concatenate([b, b], 1), lax.rev(p, (0,)), jnp.concatenate([q, q * 2]),
                        lax.pad(a, np.int8(7), [(1, 0, 0), (0, 1, 1)])))
case("select_clamp_bf16_s32", np.array([True, False, True]), bf16(3), bf16(3), s32(-9, 9, 3), rtol=0, atol=0)(
    lambda p, a, b, i: (jnp.where(p, a, b), jnp.clip(i, -2, 3), jnp.clip(a, jnp.bfloat16(-0.5), jnp.bfloat16(0.5))))
case("convert_more", np.array([0, 3, 2**40], np.uint64), np.array([-1.5, 0.25, 70000.0], np.float32), np.array([True, False]))(
    lambda u, f, p: (u.astype(np.float32), f.astype(jnp.bfloat16).astype(np.float16), p.astype(np.int32), jnp.abs(f).astype(np.uint64),
                     f.astype(np.int8)))
case("iota_u32_onehot_bf16", np.array([2, 0, 1], np.int32))(lambda i: (lax.iota(np.uint32, 5), jax.nn.one_hot(i, 4, dtype=jnp.bfloat16)))
case("softmax_bf16", bf16(2, 7), rtol=2e-2, atol=2e-2)(lambda a: jax.nn.softmax(a, axis=-1))
case("while_bf16_state", bf16(4), rtol=0, atol=0)(lambda x: lax.fori_loop(0, 3, lambda i, c: c * jnp.bfloat16(1.5), x))


# --- scans, argsort, uniform -----------------------------------------------------------------------
case("cumsum_argsort", f32(3, 5), np.array([3, 1, 2, 1, 0], np.int32), rtol=1e-5, atol=1e-5)(
    lambda a, b: (jnp.cumsum(a, axis=1), jnp.cumsum(a, axis=0), jnp.argsort(b, stable=True).astype(np.int32), jnp.argsort(a, axis=1, stable=True).astype(np.int32)))


def _uniform_ref(k):
    # jax.random's bits-to-float rule, written out: keep 23 mantissa bits under exponent 0, subtract 1.
    state, bits = lax.rng_bit_generator(k, (2, 3), np.uint32, algorithm=lax.RandomAlgorithm.RNG_THREE_FRY)
    f = lax.bitcast_convert_type((bits >> np.uint32(9)) | np.uint32(0x3F800000), np.float32) - np.float32(1)
    return state, f


case("uniform_three_fry", np.array([7, 0, 9, 1], np.uint32))(_uniform_ref)

case("einsum_ellipsis", f32(2, 3, 4), f32(4, 5), f32(3, 4), rtol=1e-5, atol=1e-5)(
    lambda a, w, b: (jnp.einsum("...d,df->...f", a, w), jnp.einsum("b...,...->b...", a, b), jnp.einsum("...ij->...ji", a)))

case("unary_bf16_f16", pos(6).astype(jnp.bfloat16), pos(6).astype(np.float16), rtol=2e-2, atol=2e-2)(
    lambda a, h: tuple(f(v) for v in (a, h) for f in (jnp.log, jnp.tanh, jax.nn.sigmoid, jnp.sqrt, lax.rsqrt, jnp.sin, lax.erf)))
case("int_u32_s8_s64", np.array([7, 4000000000, 5], np.uint32), np.array([2, 3, 4], np.uint32), np.array([-128, 5, 127], np.int8),
     np.array([2**40 + 3, -7, 9], np.int64))(
    lambda u, v, b, q: (u * v, lax.div(u, v), lax.rem(u, v), lax.shift_left(u, v), u ^ v, jnp.maximum(u, v), b + b, -b, b // np.int8(2),
                        q * q, lax.rem(q, np.int64(4)), lax.shift_right_arithmetic(q, np.int64(3))))
case("size0_ops", np.zeros((3, 0), np.float32), np.zeros((0, 4), np.float32), f32(3, 4))(
    # size-0 tensors as intermediates (outputs stay non-empty: reading back empty buffers is a known pjrt bug)
    lambda a, b, x: (a @ b, a.T.sum(0), jnp.concatenate([x[:, 2:2], x], 1), jnp.concatenate([x, a], 1), jnp.pad(a, ((0, 0), (1, 1))),
                     lax.reduce_max(b, (0,))))

case("take_along_axis", f32(3, 5), np.array([[4, 0], [1, 1], [3, 2]], np.int32), f32(2, 3, 4), np.array([[[0, 2, 1, 0]], [[1, 0, 0, 2]]], np.int32))(
    lambda a, i, b, j: (jnp.take_along_axis(a, i, axis=1), jnp.take_along_axis(b, j, axis=1), jnp.take_along_axis(a, jnp.argsort(a, axis=0), axis=0)))


def shard_map_collectives():
    """2x2 mesh (data, model); DslExecutionTest#shardMapCollectivesMatchJax builds the same."""
    from jax.sharding import Mesh, PartitionSpec as P
    mesh = Mesh(np.array(jax.devices("cpu")[:4]).reshape(2, 2), ("data", "model"))

    def body(x, w):
        y = x @ w
        return (lax.psum(y, "model"), lax.all_gather(x, "data", axis=0, tiled=True), lax.all_to_all(y, "model", 0, 1, tiled=True),
                lax.ppermute(x, "data", [(0, 1), (1, 0)]), lax.psum_scatter(y, "model", scatter_dimension=1, tiled=True),
                lax.pmax(x, ("data", "model")))
    f = jax.jit(jax.shard_map(body, mesh=mesh, in_specs=(P("data", "model"), P("model", None)),
                              out_specs=(P("data", None), P(None, "model"), P("data", "model"), P("data", "model"), P("data", "model"), P()),
                              check_vma=False))
    return f


def main_spmd():
    os.makedirs(SPMD_OUT, exist_ok=True)
    x = f32(4, 8)
    w = f32(8, 4)
    outs = shard_map_collectives()(x, w)
    doc = {"name": "shard_map_collectives", "generator": "tools/dsl_goldens.py", "jax": jax.__version__, "rtol": 1e-5, "atol": 1e-5,
           "inputs": [enc(x), enc(w)], "outputs": [enc(np.asarray(o)) for o in outs]}
    with open(os.path.join(SPMD_OUT, "shard_map_collectives.json"), "w") as fh:
        json.dump(doc, fh, separators=(",", ":"))
        fh.write("\n")
    print("wrote shard_map_collectives", [o["dtype"] + str(o["shape"]) for o in doc["outputs"]])


def main():
    os.makedirs(OUT, exist_ok=True)
    only = set(sys.argv[1:])
    for name, fn, inputs, rtol, atol in CASES:
        if only and name not in only:
            continue
        with jax.default_device(jax.devices("cpu")[0]):
            out = jax.jit(fn)(*inputs)
        outs = list(out) if isinstance(out, (tuple, list)) else [out]
        doc = {"name": name, "generator": "tools/dsl_goldens.py", "jax": jax.__version__, "rtol": rtol, "atol": atol,
               "inputs": [enc(x) for x in inputs], "outputs": [enc(np.asarray(o)) for o in outs]}
        with open(os.path.join(OUT, name + ".json"), "w") as f:
            json.dump(doc, f, separators=(",", ":"))
            f.write("\n")
        print("wrote", name, [o["dtype"] + str(o["shape"]) for o in doc["outputs"]])


if __name__ == "__main__":
    if sys.argv[1:] == ["--spmd"]:
        main_spmd()
    else:
        main()
