// xla4j_bf16_matmul: a typed-FFI custom call for bf16 matrix products with few rows on one side (a decode step's
// projections), out[p, q] = sum_k a[p, k] * b[q, k] with a (P, K), b (Q, K) bf16 and out (P, Q) f32.
//
// Why by hand: XLA:CPU runs such products through Eigen's bf16 contraction at 10-20 GB/s of weights (and the
// one-row form at ~1 GB/s once K passes a few thousand), where a batch-1 decode wants the memory bandwidth. The
// libraries that have AVX512-BF16 GEMMs (oneDNN, MKL) are not in the XLA wheel's exported symbols nor reachable as
// packages here; the kernel below is the plain streaming loop: each row of the larger operand is read once and
// multiplied with every row of the smaller one by VDPBF16PS (bf16 pairs, f32 accumulation).
//
// The plugin rewrites a dot into this call only where it pays (see RewriteBf16Dots in client.cc) and only on CPUs
// with AVX512-BF16; the handler keeps a portable loop for an executable loaded on another CPU.
//
// Its own translation unit without the plugin's precompiled header: XLA's public FFI API (xla/ffi/api) and its
// internal FFI headers declare the same names.

#include <immintrin.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstring>
#include <memory>
#include <thread>

#include "xla/ffi/api/ffi.h"

namespace xla::ffi {
// Exported by libtensorflow_cc (xla/ffi/ffi_api.h, an internal header).
const XLA_FFI_Api* GetXlaFfiApi();
}  // namespace xla::ffi

namespace ffi = xla::ffi;

namespace {

float Bf16ToFloat(uint16_t v) {
  uint32_t bits = static_cast<uint32_t>(v) << 16;
  float f;
  std::memcpy(&f, &bits, sizeof f);
  return f;
}

// Rows [q0, q1) of the streamed operand s (Q, K) against all M rows of the small operand x (M, K), M <= 8.
// Writes out[m * ldm + q * ldq].
void RowsPortable(const uint16_t* x, int64_t m_rows, const uint16_t* s, int64_t k_len, int64_t q0, int64_t q1,
                  float* out, int64_t ldm, int64_t ldq) {
  for (int64_t q = q0; q < q1; ++q) {
    const uint16_t* sq = s + q * k_len;
    for (int64_t m = 0; m < m_rows; ++m) {
      const uint16_t* xm = x + m * k_len;
      float acc = 0;
      for (int64_t k = 0; k < k_len; ++k) acc += Bf16ToFloat(xm[k]) * Bf16ToFloat(sq[k]);
      out[m * ldm + q * ldq] = acc;
    }
  }
}

// MT rows of x times NT rows of s at a time: MT * NT accumulators of 16 f32 lanes, each 32 bf16 of a row read once.
template <int MT, int NT>
__attribute__((target("avx512f,avx512bw,avx512bf16"))) void TileAvx512(const uint16_t* x, const uint16_t* s,
                                                                        int64_t k_len, int64_t q, float* out,
                                                                        int64_t ldm, int64_t ldq) {
  __m512 acc[MT][NT];
#pragma GCC unroll 8
  for (int m = 0; m < MT; ++m) {
#pragma GCC unroll 8
    for (int j = 0; j < NT; ++j) acc[m][j] = _mm512_setzero_ps();
  }
  const int64_t full = k_len / 32 * 32;
  for (int64_t k = 0; k < k_len; k += 32) {
    __mmask32 mask = k < full ? ~__mmask32{0} : static_cast<__mmask32>((uint64_t{1} << (k_len - k)) - 1);
    __m512bh b[NT];
#pragma GCC unroll 8
    for (int j = 0; j < NT; ++j) b[j] = (__m512bh)_mm512_maskz_loadu_epi16(mask, s + (q + j) * k_len + k);
#pragma GCC unroll 8
    for (int m = 0; m < MT; ++m) {
      __m512bh xv = (__m512bh)_mm512_maskz_loadu_epi16(mask, x + m * k_len + k);
#pragma GCC unroll 8
      for (int j = 0; j < NT; ++j) acc[m][j] = _mm512_dpbf16_ps(acc[m][j], xv, b[j]);
    }
  }
#pragma GCC unroll 8
  for (int m = 0; m < MT; ++m) {
#pragma GCC unroll 8
    for (int j = 0; j < NT; ++j) out[m * ldm + (q + j) * ldq] = _mm512_reduce_add_ps(acc[m][j]);
  }
}

template <int MT, int NT>
void RowsAvx512(const uint16_t* x, const uint16_t* s, int64_t k_len, int64_t q0, int64_t q1, float* out,
                int64_t ldm, int64_t ldq) {
  int64_t q = q0;
  for (; q + NT <= q1; q += NT) TileAvx512<MT, NT>(x, s, k_len, q, out, ldm, ldq);
  for (; q < q1; ++q) TileAvx512<MT, 1>(x, s, k_len, q, out, ldm, ldq);
}

// Tile shapes measured on Gemma 2 2B's projections (2 Zen 4 cores): 8 streamed rows for one x row, fewer as
// the x rows (and accumulators) grow.
void RowsFast(const uint16_t* x, int64_t m_rows, const uint16_t* s, int64_t k_len, int64_t q0, int64_t q1,
              float* out, int64_t ldm, int64_t ldq) {
  switch (m_rows) {
    case 1: return RowsAvx512<1, 8>(x, s, k_len, q0, q1, out, ldm, ldq);
    case 2: return RowsAvx512<2, 8>(x, s, k_len, q0, q1, out, ldm, ldq);
    case 3: return RowsAvx512<3, 6>(x, s, k_len, q0, q1, out, ldm, ldq);
    case 4: return RowsAvx512<4, 4>(x, s, k_len, q0, q1, out, ldm, ldq);
    case 5: return RowsAvx512<5, 4>(x, s, k_len, q0, q1, out, ldm, ldq);
    case 6: return RowsAvx512<6, 3>(x, s, k_len, q0, q1, out, ldm, ldq);
    case 7: return RowsAvx512<7, 3>(x, s, k_len, q0, q1, out, ldm, ldq);
    default: return RowsAvx512<8, 3>(x, s, k_len, q0, q1, out, ldm, ldq);
  }
}

bool HasAvx512Bf16() {
  static const bool has = __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
                          __builtin_cpu_supports("avx512bf16");
  return has;
}

// Chunks of the streamed rows claimed from a shared counter by the caller and by tasks on XLA's intra-op pool.
// The caller works until no chunk is left and then waits only for chunks other threads have claimed (and so are
// running): it never waits on a task still queued, so a busy pool cannot deadlock it. The state is shared with
// tasks that may start after the call has returned.
struct Work {
  const uint16_t* x;
  int64_t m_rows;
  const uint16_t* s;
  int64_t k_len;
  int64_t q_rows;
  float* out;
  int64_t ldm;
  int64_t ldq;
  int64_t chunk;
  int64_t chunks;
  std::atomic<int64_t> next{0};
  std::atomic<int64_t> done{0};

  void Run() {
    for (int64_t c; (c = next.fetch_add(1)) < chunks;) {
      int64_t q0 = c * chunk;
      int64_t q1 = std::min(q_rows, q0 + chunk);
      if (HasAvx512Bf16()) {
        RowsFast(x, m_rows, s, k_len, q0, q1, out, ldm, ldq);
      } else {
        RowsPortable(x, m_rows, s, k_len, q0, q1, out, ldm, ldq);
      }
      done.fetch_add(1, std::memory_order_release);
    }
  }
};

constexpr int64_t kMaxSmallRows = 8;

ffi::Error Bf16Matmul(ffi::ThreadPool pool, ffi::Buffer<ffi::BF16> a, ffi::Buffer<ffi::BF16> b,
                      ffi::ResultBuffer<ffi::F32> out) {
  auto ad = a.dimensions();
  auto bd = b.dimensions();
  auto od = out->dimensions();
  if (ad.size() != 2 || bd.size() != 2 || od.size() != 2 || ad[1] != bd[1] || od[0] != ad[0] || od[1] != bd[0]) {
    return ffi::Error::InvalidArgument("xla4j_bf16_matmul requires a (P, K), b (Q, K) and a result (P, Q)");
  }
  const int64_t p = ad[0], q = bd[0], k = ad[1];
  if (std::min(p, q) > kMaxSmallRows) {
    return ffi::Error::InvalidArgument("xla4j_bf16_matmul requires one operand with at most 8 rows");
  }
  auto w = std::make_shared<Work>();
  const bool a_small = p <= q;
  w->x = reinterpret_cast<const uint16_t*>(a_small ? a.untyped_data() : b.untyped_data());
  w->s = reinterpret_cast<const uint16_t*>(a_small ? b.untyped_data() : a.untyped_data());
  w->m_rows = a_small ? p : q;
  w->q_rows = a_small ? q : p;
  w->k_len = k;
  w->out = out->typed_data();
  // out[m, s] when a is the small operand, else out[s, m]
  w->ldm = a_small ? q : 1;
  w->ldq = a_small ? 1 : q;
  if (w->m_rows == 0 || w->q_rows == 0) return ffi::Error::Success();
  if (k == 0) {
    std::fill(w->out, w->out + p * q, 0.0f);
    return ffi::Error::Success();
  }
  const int64_t threads = std::max<int64_t>(1, pool.num_threads());
  // chunks of at least 256 KiB of the streamed operand, about 4 per thread
  const int64_t min_rows = std::max<int64_t>(8, (int64_t{256} << 10) / (2 * k));
  w->chunk = std::max(min_rows, (w->q_rows + 4 * threads - 1) / (4 * threads));
  w->chunk = (w->chunk + 7) / 8 * 8;
  w->chunks = (w->q_rows + w->chunk - 1) / w->chunk;
  for (int64_t t = 1; t < std::min(threads, w->chunks); ++t) {
    pool.Schedule([w] { w->Run(); });
  }
  w->Run();
  while (w->done.load(std::memory_order_acquire) < w->chunks) std::this_thread::yield();
  return ffi::Error::Success();
}

}  // namespace

XLA_FFI_DEFINE_HANDLER(kXla4jBf16Matmul, Bf16Matmul,
                       ffi::Ffi::Bind()
                           .Ctx<ffi::ThreadPool>()
                           .Arg<ffi::Buffer<ffi::BF16>>()
                           .Arg<ffi::Buffer<ffi::BF16>>()
                           .Ret<ffi::Buffer<ffi::F32>>());

XLA_FFI_REGISTER_HANDLER(xla::ffi::GetXlaFfiApi(), "xla4j_bf16_matmul", "Host", kXla4jBf16Matmul);

namespace xla4j {

bool Bf16MatmulSupported() { return HasAvx512Bf16(); }

}  // namespace xla4j
