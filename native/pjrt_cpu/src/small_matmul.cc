// Typed-FFI custom calls for matrix products with few rows on one side (a decode step's projections and output
// embedding), out f32:
//   xla4j_bf16_matmul    out[p, q] = sum_k a[p, k] * b[q, k], a (P, K), b (Q, K) bf16, min(P, Q) <= 8
//   xla4j_f32_matmul     the same in f32
//   xla4j_f32_matmul_nn  out[m, n] = sum_k x[m, k] * w[k, n], x (M, K) with M <= 8, w (K, N), f32
// and for many rows on both sides (a prefill's projections):
//   xla4j_bf16_gemm      out[m, n] = sum_k a[m, k] * b[n, k], a (M, K), b (N, K) bf16, through oneDNN (onednn.cc)
//
// Why by hand: XLA:CPU runs such products through Eigen at 10-30 GB/s of weights (a bf16 row with a long contraction at
// ~1 GB/s), where a decode step wants the memory bandwidth; oneDNN's matmul (onednn.cc) reads 19 GB/s of weight for one
// row against Gemma 2 2B's tied embedding, these loops 27-33 (benchmarks/README.md, Gemma). The kernels are the plain
// streaming loops: each row (or block of rows) of the large operand is read once and multiplied with every row of the
// small one, in registers: VDPBF16PS (bf16 pairs, f32 accumulation) on CPUs with AVX512-BF16, else FMA on 16 f32 lanes
// (bf16 widened to f32 first); bf16 on CPUs with AVX2 but not AVX512: FMA on 8 f32 lanes. XLA4J_BF16_DOT=widen or =avx2
// chooses one of the latter also where a wider kernel would run (so that one machine's tests cover each).
//
// The plugin rewrites dots into these calls (RewriteSmallDots in client.cc) only on CPUs with AVX512 (bf16 also with
// AVX2 and FMA); each handler keeps a portable loop for an executable loaded on another CPU.
//
// Its own translation unit without the plugin's precompiled header: XLA's public FFI API (xla/ffi/api) and its
// internal FFI headers declare the same names.

#include <immintrin.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <type_traits>
#include <vector>

#include "onednn.h"
#include "xla/ffi/api/ffi.h"

namespace xla::ffi {
// Exported by libtensorflow_cc (xla/ffi/ffi_api.h, an internal header).
const XLA_FFI_Api* GetXlaFfiApi();
}  // namespace xla::ffi

namespace ffi = xla::ffi;


namespace {

constexpr int64_t kMaxSmallRows = 8;

float ToFloat(uint16_t bf16) {
  uint32_t bits = static_cast<uint32_t>(bf16) << 16;
  float f;
  std::memcpy(&f, &bits, sizeof f);
  return f;
}
float ToFloat(float f) { return f; }

bool HasAvx512() {
  static const bool has = __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw");
  return has;
}

bool HasAvx512Bf16() {
  static const bool has = HasAvx512() && __builtin_cpu_supports("avx512bf16");
  return has;
}

bool HasAvx2Fma() {
  static const bool has = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
  return has;
}

// The tile of an a . b^T: VDPBF16PS on 16 lanes (TileNTDp, bf16), FMA on 16 f32 lanes (TileNTFma: f32, or bf16
// widened) or on 8 (TileNTFma8, bf16 widened), or the portable loop.
enum class NtKernel { kDp, kFma16, kFma8, kPortable };

// The widest the CPU runs, or a narrower one XLA4J_BF16_DOT names (widen: TileNTFma, avx2: TileNTFma8) where the CPU
// runs that one.
NtKernel ChosenBf16Kernel() {
  static const NtKernel kernel = [] {
    const char* env = std::getenv("XLA4J_BF16_DOT");
    const std::string want = env == nullptr ? "" : env;
    if (HasAvx512Bf16() && want != "widen" && want != "avx2") return NtKernel::kDp;
    if (HasAvx512() && want != "avx2") return NtKernel::kFma16;
    if (HasAvx2Fma()) return NtKernel::kFma8;
    return NtKernel::kPortable;
  }();
  return kernel;
}

// ---------------------------------------------------------------------------------------------------------------
// a . b^T: rows [q0, q1) of the streamed operand s (Q, K) against the M rows of the small operand x (M, K), written
// at out[m * ldm + q * ldq].

template <typename T>
void RowsPortable(const T* x, int64_t m_rows, const T* s, int64_t k_len, int64_t q0, int64_t q1, float* out,
                  int64_t ldm, int64_t ldq) {
  for (int64_t q = q0; q < q1; ++q) {
    for (int64_t m = 0; m < m_rows; ++m) {
      float acc = 0;
      for (int64_t k = 0; k < k_len; ++k) acc += ToFloat(x[m * k_len + k]) * ToFloat(s[q * k_len + k]);
      out[m * ldm + q * ldq] = acc;
    }
  }
}

// MT rows of x times NT rows of s, bf16 with VDPBF16PS (AVX512-BF16): MT * NT accumulators of 16 f32 lanes; each
// row's K values are read once, 32 at a time (the last step masked).
template <int MT, int NT>
__attribute__((target("avx512f,avx512bw,avx512bf16"))) void TileNTDp(const uint16_t* x, const uint16_t* s,
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
    const __mmask32 mask =
        k < full ? ~__mmask32{0} : static_cast<__mmask32>((uint64_t{1} << static_cast<uint64_t>(k_len - k)) - 1);
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

// 16 values as f32 lanes (masked): f32 as they are, bf16 widened (a 16-bit shift, exact).
__attribute__((target("avx512f,avx512bw"))) inline __m512 Load16(__mmask16 mask, const float* p) {
  return _mm512_maskz_loadu_ps(mask, p);
}
__attribute__((target("avx512f,avx512bw"))) inline __m512 Load16(__mmask16 mask, const uint16_t* p) {
  const __m256i bits = _mm512_castsi512_si256(_mm512_maskz_loadu_epi16(static_cast<__mmask32>(mask), p));
  return _mm512_castsi512_ps(_mm512_slli_epi32(_mm512_cvtepu16_epi32(bits), 16));
}

// As TileNTDp with FMA on f32 lanes, 16 values at a time: f32, and bf16 on CPUs without AVX512-BF16 (the products
// of widened bf16 values are exact in f32).
template <typename T, int MT, int NT>
__attribute__((target("avx512f,avx512bw"))) void TileNTFma(const T* x, const T* s, int64_t k_len, int64_t q,
                                                           float* out, int64_t ldm, int64_t ldq) {
  __m512 acc[MT][NT];
#pragma GCC unroll 8
  for (int m = 0; m < MT; ++m) {
#pragma GCC unroll 8
    for (int j = 0; j < NT; ++j) acc[m][j] = _mm512_setzero_ps();
  }
  const int64_t full = k_len / 16 * 16;
  for (int64_t k = 0; k < k_len; k += 16) {
    const __mmask16 mask = k < full ? __mmask16(0xFFFF) : static_cast<__mmask16>((1u << (k_len - k)) - 1);
    __m512 b[NT];
#pragma GCC unroll 8
    for (int j = 0; j < NT; ++j) b[j] = Load16(mask, s + (q + j) * k_len + k);
#pragma GCC unroll 8
    for (int m = 0; m < MT; ++m) {
      const __m512 xv = Load16(mask, x + m * k_len + k);
#pragma GCC unroll 8
      for (int j = 0; j < NT; ++j) acc[m][j] = _mm512_fmadd_ps(xv, b[j], acc[m][j]);
    }
  }
#pragma GCC unroll 8
  for (int m = 0; m < MT; ++m) {
#pragma GCC unroll 8
    for (int j = 0; j < NT; ++j) out[m * ldm + (q + j) * ldq] = _mm512_reduce_add_ps(acc[m][j]);
  }
}

// 8 bf16 values (fewer at the end of a row: n < 8, the rest zero) widened to f32 lanes.
__attribute__((target("avx2,fma"))) inline __m256 Load8(const uint16_t* p, int64_t n) {
  __m128i bits;
  if (n >= 8) {
    bits = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  } else {
    alignas(16) uint16_t tail[8] = {};
    std::memcpy(tail, p, static_cast<size_t>(n) * sizeof(uint16_t));
    bits = _mm_load_si128(reinterpret_cast<const __m128i*>(tail));
  }
  return _mm256_castsi256_ps(_mm256_slli_epi32(_mm256_cvtepu16_epi32(bits), 16));
}

// As TileNTFma for bf16 on 8 f32 lanes with AVX2 and FMA (CPUs without AVX512).
template <int MT, int NT>
__attribute__((target("avx2,fma"))) void TileNTFma8(const uint16_t* x, const uint16_t* s, int64_t k_len, int64_t q,
                                                     float* out, int64_t ldm, int64_t ldq) {
  __m256 acc[MT][NT];
#pragma GCC unroll 8
  for (int m = 0; m < MT; ++m) {
#pragma GCC unroll 8
    for (int j = 0; j < NT; ++j) acc[m][j] = _mm256_setzero_ps();
  }
  for (int64_t k = 0; k < k_len; k += 8) {
    const int64_t n = k_len - k;
    __m256 b[NT];
#pragma GCC unroll 8
    for (int j = 0; j < NT; ++j) b[j] = Load8(s + (q + j) * k_len + k, n);
#pragma GCC unroll 8
    for (int m = 0; m < MT; ++m) {
      const __m256 xv = Load8(x + m * k_len + k, n);
#pragma GCC unroll 8
      for (int j = 0; j < NT; ++j) acc[m][j] = _mm256_fmadd_ps(xv, b[j], acc[m][j]);
    }
  }
#pragma GCC unroll 8
  for (int m = 0; m < MT; ++m) {
#pragma GCC unroll 8
    for (int j = 0; j < NT; ++j) {
      const __m128 h = _mm_add_ps(_mm256_castps256_ps128(acc[m][j]), _mm256_extractf128_ps(acc[m][j], 1));
      const __m128 d = _mm_add_ps(h, _mm_movehl_ps(h, h));
      out[m * ldm + (q + j) * ldq] = _mm_cvtss_f32(_mm_add_ss(d, _mm_movehdup_ps(d)));
    }
  }
}

// kKernel: for bf16, which tile (f32 runs TileNTFma under kFma16).
template <typename T, int MT, int NT, NtKernel kKernel>
void RowsNT(const T* x, const T* s, int64_t k_len, int64_t q0, int64_t q1, float* out, int64_t ldm, int64_t ldq) {
  auto tile = [&](auto nt, int64_t q) {
    if constexpr (sizeof(T) == 2 && kKernel == NtKernel::kDp) {
      TileNTDp<MT, decltype(nt)::value>(x, s, k_len, q, out, ldm, ldq);
    } else if constexpr (sizeof(T) == 2 && kKernel == NtKernel::kFma8) {
      TileNTFma8<MT, decltype(nt)::value>(x, s, k_len, q, out, ldm, ldq);
    } else {
      TileNTFma<T, MT, decltype(nt)::value>(x, s, k_len, q, out, ldm, ldq);
    }
  };
  int64_t q = q0;
  for (; q + NT <= q1; q += NT) tile(std::integral_constant<int, NT>{}, q);
  for (; q < q1; ++q) tile(std::integral_constant<int, 1>{}, q);
}

// Rows of s per tile for MT rows of x. Measured on Gemma 2 2B's projections and tied embedding (2 Zen 4 cores): with
// AVX512 one x row reads s best as one sequential stream (8 interleaved rows: 10-13% fewer batch-1 tokens/s), more x
// rows take several streamed rows, fewer as the accumulators grow; AVX2's FMA chain needs 8 rows for one x row, and
// its 16 registers hold at most 12 accumulators.
constexpr int StreamedRows(NtKernel kernel, int mt) {
  constexpr int kAvx512[9] = {0, 1, 8, 6, 4, 4, 3, 3, 3};
  constexpr int kAvx2[9] = {0, 8, 4, 3, 2, 2, 2, 1, 1};
  return kernel == NtKernel::kFma8 ? kAvx2[mt] : kAvx512[mt];
}

template <typename T, NtKernel kKernel>
void RowsNTFast(const T* x, int64_t m_rows, const T* s, int64_t k_len, int64_t q0, int64_t q1, float* out,
                int64_t ldm, int64_t ldq) {
  switch (m_rows) {
    case 1: return RowsNT<T, 1, StreamedRows(kKernel, 1), kKernel>(x, s, k_len, q0, q1, out, ldm, ldq);
    case 2: return RowsNT<T, 2, StreamedRows(kKernel, 2), kKernel>(x, s, k_len, q0, q1, out, ldm, ldq);
    case 3: return RowsNT<T, 3, StreamedRows(kKernel, 3), kKernel>(x, s, k_len, q0, q1, out, ldm, ldq);
    case 4: return RowsNT<T, 4, StreamedRows(kKernel, 4), kKernel>(x, s, k_len, q0, q1, out, ldm, ldq);
    case 5: return RowsNT<T, 5, StreamedRows(kKernel, 5), kKernel>(x, s, k_len, q0, q1, out, ldm, ldq);
    case 6: return RowsNT<T, 6, StreamedRows(kKernel, 6), kKernel>(x, s, k_len, q0, q1, out, ldm, ldq);
    case 7: return RowsNT<T, 7, StreamedRows(kKernel, 7), kKernel>(x, s, k_len, q0, q1, out, ldm, ldq);
    default: return RowsNT<T, 8, StreamedRows(kKernel, 8), kKernel>(x, s, k_len, q0, q1, out, ldm, ldq);
  }
}

// RowsNTFast with the given kernel, or the portable loop.
template <typename T>
void RowsNTWith(NtKernel kernel, const T* x, int64_t m_rows, const T* s, int64_t k_len, int64_t q0, int64_t q1,
                float* out, int64_t ldm, int64_t ldq) {
  switch (kernel) {
    case NtKernel::kDp: return RowsNTFast<T, NtKernel::kDp>(x, m_rows, s, k_len, q0, q1, out, ldm, ldq);
    case NtKernel::kFma16: return RowsNTFast<T, NtKernel::kFma16>(x, m_rows, s, k_len, q0, q1, out, ldm, ldq);
    case NtKernel::kFma8: return RowsNTFast<T, NtKernel::kFma8>(x, m_rows, s, k_len, q0, q1, out, ldm, ldq);
    case NtKernel::kPortable: return RowsPortable<T>(x, m_rows, s, k_len, q0, q1, out, ldm, ldq);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// x . w, f32: rows [k0, k1) of w (K, N) (a slab: one contiguous block of memory) times the matching columns of x
// (M, K), into part (M, N), overwritten. Groups of kGroup whole rows of w are read in order (one sequential stream
// per row); NB vectors of 16 columns of part at a time take the group's rows in registers (part stays in cache).
// Threads take whole slabs and their parts are added at the end: reading w as a few long streams runs 10-50% faster
// for one row of x, and up to 1.5x for 8, than walking a column block down all K rows (rows N * 4 bytes apart)
// (measured side by side on Gemma 2 2B's projections, benchmarks/README.md, Gemma).

constexpr int64_t kSlabGroup = 8;

void SlabPortable(const float* x, int64_t m_rows, const float* w, int64_t k_len, int64_t n_len, int64_t k0,
                  int64_t k1, float* part) {
  std::fill(part, part + m_rows * n_len, 0.0f);
  for (int64_t k = k0; k < k1; ++k) {
    const float* row = w + k * n_len;
    for (int64_t m = 0; m < m_rows; ++m) {
      const float xv = x[m * k_len + k];
      for (int64_t n = 0; n < n_len; ++n) part[m * n_len + n] += xv * row[n];
    }
  }
}

template <int MT, int NB>
__attribute__((target("avx512f"))) void SlabNN(const float* x, const float* w, int64_t k_len, int64_t n_len,
                                               int64_t k0, int64_t k1, float* part) {
  for (int64_t k = k0; k < k1; k += kSlabGroup) {
    const int64_t kg = std::min(kSlabGroup, k1 - k);
    for (int64_t n = 0; n < n_len; n += 16 * NB) {
      __mmask16 mask[NB];
#pragma GCC unroll 8
      for (int j = 0; j < NB; ++j) {
        const int64_t left = n_len - n - 16 * j;
        mask[j] = left >= 16 ? __mmask16(0xFFFF) : left <= 0 ? __mmask16(0) : static_cast<__mmask16>((1u << left) - 1);
      }
      __m512 acc[MT][NB];
#pragma GCC unroll 8
      for (int m = 0; m < MT; ++m) {
#pragma GCC unroll 8
        for (int j = 0; j < NB; ++j) {
          acc[m][j] = k == k0 ? _mm512_setzero_ps() : _mm512_maskz_loadu_ps(mask[j], part + m * n_len + n + 16 * j);
        }
      }
      for (int64_t i = 0; i < kg; ++i) {
        const float* row = w + (k + i) * n_len + n;
        __m512 b[NB];
#pragma GCC unroll 8
        for (int j = 0; j < NB; ++j) b[j] = _mm512_maskz_loadu_ps(mask[j], row + 16 * j);
#pragma GCC unroll 8
        for (int m = 0; m < MT; ++m) {
          const __m512 xv = _mm512_set1_ps(x[m * k_len + k + i]);
#pragma GCC unroll 8
          for (int j = 0; j < NB; ++j) acc[m][j] = _mm512_fmadd_ps(xv, b[j], acc[m][j]);
        }
      }
#pragma GCC unroll 8
      for (int m = 0; m < MT; ++m) {
#pragma GCC unroll 8
        for (int j = 0; j < NB; ++j) _mm512_mask_storeu_ps(part + m * n_len + n + 16 * j, mask[j], acc[m][j]);
      }
    }
  }
}

void SlabNNFast(const float* x, int64_t m_rows, const float* w, int64_t k_len, int64_t n_len, int64_t k0, int64_t k1,
                float* part) {
  switch (m_rows) {
    case 1: return SlabNN<1, 8>(x, w, k_len, n_len, k0, k1, part);
    case 2: return SlabNN<2, 8>(x, w, k_len, n_len, k0, k1, part);
    case 3: return SlabNN<3, 6>(x, w, k_len, n_len, k0, k1, part);
    case 4: return SlabNN<4, 4>(x, w, k_len, n_len, k0, k1, part);
    case 5: return SlabNN<5, 4>(x, w, k_len, n_len, k0, k1, part);
    case 6: return SlabNN<6, 3>(x, w, k_len, n_len, k0, k1, part);
    case 7: return SlabNN<7, 3>(x, w, k_len, n_len, k0, k1, part);
    default: return SlabNN<8, 3>(x, w, k_len, n_len, k0, k1, part);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Work split into chunks claimed from a shared counter by the caller and by tasks on XLA's intra-op pool. The caller
// works until no chunk is left and then waits only for chunks other threads have claimed (and so are running): it
// never waits on a task still queued, so a busy pool cannot deadlock it. The state is shared with tasks that may
// start after the call has returned.
struct Work {
  std::function<void(int64_t, int64_t)> body;  // runs units [u0, u1)
  int64_t units = 0;
  int64_t chunk = 0;
  int64_t chunks = 0;
  std::atomic<int64_t> next{0};
  std::atomic<int64_t> done{0};

  void Run() {
    for (int64_t c; (c = next.fetch_add(1)) < chunks;) {
      body(c * chunk, std::min(units, (c + 1) * chunk));
      done.fetch_add(1, std::memory_order_release);
    }
  }
};

// Runs body over [0, units) in about 4 chunks per thread of at least min_units each.
void ParallelFor(ffi::ThreadPool& pool, int64_t units, int64_t min_units, std::function<void(int64_t, int64_t)> body) {
  if (units <= 0) return;
  auto w = std::make_shared<Work>();
  const int64_t threads = std::max<int64_t>(1, pool.num_threads());
  w->body = std::move(body);
  w->units = units;
  w->chunk = std::max(min_units, (units + 4 * threads - 1) / (4 * threads));
  w->chunks = (units + w->chunk - 1) / w->chunk;
  for (int64_t t = 1; t < std::min(threads, w->chunks); ++t) pool.Schedule([w] { w->Run(); });
  w->Run();
  while (w->done.load(std::memory_order_acquire) < w->chunks) std::this_thread::yield();
}

// a . b^T for a (P, K) and b (Q, K) of element type T, out (P, Q): the operand with fewer rows stays in registers, the
// other streams once; chunks of at least 256 KiB of it.
// Whether a, b and the result are (P, K), (Q, K) and (P, Q): the shapes of a . b^T.
bool IsNT(ffi::Span<const int64_t> a, ffi::Span<const int64_t> b, ffi::Span<const int64_t> out) {
  return a.size() == 2 && b.size() == 2 && out.size() == 2 && a[1] == b[1] && out[0] == a[0] && out[1] == b[0];
}

template <ffi::DataType kType, typename T>
ffi::Error MatmulNT(const char* name, ffi::ThreadPool pool, ffi::Buffer<kType> a, ffi::Buffer<kType> b,
                    ffi::ResultBuffer<ffi::F32> out) {
  auto ad = a.dimensions();
  auto bd = b.dimensions();
  if (!IsNT(ad, bd, out->dimensions())) {
    return ffi::Error::InvalidArgument(std::string(name) + " requires a (P, K), b (Q, K) and a result (P, Q)");
  }
  const int64_t p = ad[0], q = bd[0], k = ad[1];
  if (std::min(p, q) > kMaxSmallRows) {
    return ffi::Error::InvalidArgument(std::string(name) + " requires one operand with at most 8 rows");
  }
  const bool a_small = p <= q;
  const T* x = reinterpret_cast<const T*>(a_small ? a.untyped_data() : b.untyped_data());
  const T* s = reinterpret_cast<const T*>(a_small ? b.untyped_data() : a.untyped_data());
  const int64_t m_rows = a_small ? p : q;
  const int64_t s_rows = a_small ? q : p;
  float* o = out->typed_data();
  const int64_t ldm = a_small ? q : 1;  // out[m, s] when a is the small operand, else out[s, m]
  const int64_t ldq = a_small ? 1 : q;
  if (k == 0) {
    std::fill(o, o + p * q, 0.0f);
    return ffi::Error::Success();
  }
  // f32: TileNTFma where the CPU has AVX512, else the portable loop
  const NtKernel kernel = sizeof(T) == 2 ? ChosenBf16Kernel() : HasAvx512() ? NtKernel::kFma16 : NtKernel::kPortable;
  const int64_t min_rows = std::max<int64_t>(8, (int64_t{256} << 10) / (static_cast<int64_t>(sizeof(T)) * k));
  ParallelFor(pool, s_rows, min_rows, [=](int64_t q0, int64_t q1) {
    RowsNTWith<T>(kernel, x, m_rows, s, k, q0, q1, o, ldm, ldq);
  });
  return ffi::Error::Success();
}

ffi::Error Bf16Matmul(ffi::ThreadPool pool, ffi::Buffer<ffi::BF16> a, ffi::Buffer<ffi::BF16> b,
                      ffi::ResultBuffer<ffi::F32> out) {
  return MatmulNT<ffi::BF16, uint16_t>("xla4j_bf16_matmul", pool, a, b, out);
}

ffi::Error F32Matmul(ffi::ThreadPool pool, ffi::Buffer<ffi::F32> a, ffi::Buffer<ffi::F32> b,
                     ffi::ResultBuffer<ffi::F32> out) {
  return MatmulNT<ffi::F32, float>("xla4j_f32_matmul", pool, a, b, out);
}

// a (M, K) . b (N, K)^T, bf16 into f32, with many rows on both sides (a prefill's projections): oneDNN's matmul
// (onednn.cc). Where it does not run (an executable compiled on a machine with oneDNN, run on one without; a product
// oneDNN has no fast kernel for), the streaming tiles take 8 rows of a at a time: slower, the same sums.
ffi::Error Bf16Gemm(ffi::ThreadPool pool, ffi::Buffer<ffi::BF16> a, ffi::Buffer<ffi::BF16> b,
                    ffi::ResultBuffer<ffi::F32> out) {
  auto ad = a.dimensions();
  auto bd = b.dimensions();
  if (!IsNT(ad, bd, out->dimensions())) {
    return ffi::Error::InvalidArgument("xla4j_bf16_gemm requires a (M, K), b (N, K) and a result (M, N)");
  }
  const int64_t m = ad[0], n = bd[0], k = ad[1];
  const auto* x = reinterpret_cast<const uint16_t*>(a.untyped_data());
  const auto* s = reinterpret_cast<const uint16_t*>(b.untyped_data());
  float* o = out->typed_data();
  if (m == 0 || n == 0) return ffi::Error::Success();
  if (k == 0) {
    std::fill(o, o + m * n, 0.0f);
    return ffi::Error::Success();
  }
  std::string error;
  switch (xla4j::OneDnnBf16Gemm(x, s, o, m, k, n, &error)) {
    case xla4j::OneDnnResult::kRan: return ffi::Error::Success();
    case xla4j::OneDnnResult::kFailed:
      return ffi::Error::Internal("xla4j_bf16_gemm (" + std::to_string(m) + ", " + std::to_string(k) + ") x (" +
                                  std::to_string(n) + ", " + std::to_string(k) + ")^T: " + error);
    case xla4j::OneDnnResult::kNotRun: break;
  }
  const NtKernel kernel = ChosenBf16Kernel();
  const int64_t min_rows = std::max<int64_t>(8, (int64_t{256} << 10) / (2 * k));
  for (int64_t m0 = 0; m0 < m; m0 += kMaxSmallRows) {
    const int64_t rows = std::min(kMaxSmallRows, m - m0);
    const uint16_t* xm = x + m0 * k;
    float* om = o + m0 * n;
    ParallelFor(pool, n, min_rows, [=](int64_t q0, int64_t q1) {
      RowsNTWith<uint16_t>(kernel, xm, rows, s, k, q0, q1, om, n, 1);
    });
  }
  return ffi::Error::Success();
}

// x . w for x (M, K), M <= 8, and w (K, N), out (M, N), f32: about 4 slabs of at least 64 rows of w per thread.
ffi::Error F32MatmulNN(ffi::ThreadPool pool, ffi::Buffer<ffi::F32> x, ffi::Buffer<ffi::F32> w,
                       ffi::ResultBuffer<ffi::F32> out) {
  auto xd = x.dimensions();
  auto wd = w.dimensions();
  auto od = out->dimensions();
  if (xd.size() != 2 || wd.size() != 2 || od.size() != 2 || xd[1] != wd[0] || od[0] != xd[0] || od[1] != wd[1]) {
    return ffi::Error::InvalidArgument("xla4j_f32_matmul_nn requires x (M, K), w (K, N) and a result (M, N)");
  }
  const int64_t m = xd[0], k = xd[1], n = wd[1];
  if (m > kMaxSmallRows) return ffi::Error::InvalidArgument("xla4j_f32_matmul_nn requires x with at most 8 rows");
  const float* xp = x.typed_data();
  const float* wp = w.typed_data();
  float* o = out->typed_data();
  if (k == 0) {
    std::fill(o, o + m * n, 0.0f);
    return ffi::Error::Success();
  }
  const bool fast = HasAvx512();
  const int64_t threads = std::max<int64_t>(1, pool.num_threads());
  const int64_t slabs = std::clamp<int64_t>(k / 64, 1, 4 * threads);
  const int64_t size = m * n;
  // slab 0's part is out itself; the others' parts live in the calling thread's scratch, kept between calls (the
  // caller waits in ParallelFor until every slab is done, so one call at a time uses it)
  thread_local std::vector<float> scratch;
  if (scratch.size() < static_cast<size_t>((slabs - 1) * size)) scratch.resize((slabs - 1) * size);
  float* pp = scratch.data();
  auto part = [=](int64_t s) { return s == 0 ? o : pp + (s - 1) * size; };
  ParallelFor(pool, slabs, 1, [=](int64_t s0, int64_t s1) {
    for (int64_t s = s0; s < s1; ++s) {
      const int64_t k0 = k * s / slabs, k1 = k * (s + 1) / slabs;
      if (fast) {
        SlabNNFast(xp, m, wp, k, n, k0, k1, part(s));
      } else {
        SlabPortable(xp, m, wp, k, n, k0, k1, part(s));
      }
    }
  });
  // the other parts added to out in slab order, in units of 1024 elements
  ParallelFor(pool, (size + 1023) / 1024, 16, [=](int64_t u0, int64_t u1) {
    for (int64_t i = 1024 * u0; i < std::min(size, 1024 * u1); ++i) {
      float sum = o[i];
      for (int64_t s = 1; s < slabs; ++s) sum += pp[(s - 1) * size + i];
      o[i] = sum;
    }
  });
  return ffi::Error::Success();
}

}  // namespace

XLA_FFI_DEFINE_HANDLER(kXla4jBf16Matmul, Bf16Matmul,
                       ffi::Ffi::Bind()
                           .Ctx<ffi::ThreadPool>()
                           .Arg<ffi::Buffer<ffi::BF16>>()
                           .Arg<ffi::Buffer<ffi::BF16>>()
                           .Ret<ffi::Buffer<ffi::F32>>());
XLA_FFI_DEFINE_HANDLER(kXla4jBf16Gemm, Bf16Gemm,
                       ffi::Ffi::Bind()
                           .Ctx<ffi::ThreadPool>()
                           .Arg<ffi::Buffer<ffi::BF16>>()
                           .Arg<ffi::Buffer<ffi::BF16>>()
                           .Ret<ffi::Buffer<ffi::F32>>());
XLA_FFI_DEFINE_HANDLER(kXla4jF32Matmul, F32Matmul,
                       ffi::Ffi::Bind()
                           .Ctx<ffi::ThreadPool>()
                           .Arg<ffi::Buffer<ffi::F32>>()
                           .Arg<ffi::Buffer<ffi::F32>>()
                           .Ret<ffi::Buffer<ffi::F32>>());
XLA_FFI_DEFINE_HANDLER(kXla4jF32MatmulNN, F32MatmulNN,
                       ffi::Ffi::Bind()
                           .Ctx<ffi::ThreadPool>()
                           .Arg<ffi::Buffer<ffi::F32>>()
                           .Arg<ffi::Buffer<ffi::F32>>()
                           .Ret<ffi::Buffer<ffi::F32>>());

XLA_FFI_REGISTER_HANDLER(xla::ffi::GetXlaFfiApi(), "xla4j_bf16_matmul", "Host", kXla4jBf16Matmul);
XLA_FFI_REGISTER_HANDLER(xla::ffi::GetXlaFfiApi(), "xla4j_bf16_gemm", "Host", kXla4jBf16Gemm);
XLA_FFI_REGISTER_HANDLER(xla::ffi::GetXlaFfiApi(), "xla4j_f32_matmul", "Host", kXla4jF32Matmul);
XLA_FFI_REGISTER_HANDLER(xla::ffi::GetXlaFfiApi(), "xla4j_f32_matmul_nn", "Host", kXla4jF32MatmulNN);

namespace xla4j {

bool Bf16MatmulSupported() { return HasAvx512() || HasAvx2Fma(); }
bool F32MatmulSupported() { return HasAvx512(); }
// measured faster than XLA's dot only with AVX512-BF16 (oneDNN's brgemm); XLA4J_ONEDNN=0 leaves these products to
// XLA, =tiles rewrites them but runs the handler's fallback tiles (tests)
bool Bf16GemmSupported() { return HasAvx512Bf16() && (OneDnnAvailable() || OneDnnTilesForced()); }

}  // namespace xla4j
