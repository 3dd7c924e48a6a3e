// oneDNN's bf16 matmul, loaded at run time (onednn.cc); used by small_matmul.cc's xla4j_bf16_gemm.
#ifndef XLA4J_PJRT_CPU_ONEDNN_H_
#define XLA4J_PJRT_CPU_ONEDNN_H_

#include <cstdint>
#include <string>

namespace xla4j {

// Whether libdnnl.so.3 loaded (beside the plugin) with a CPU engine.
bool OneDnnAvailable();

// XLA4J_ONEDNN=tiles: the products are rewritten as where oneDNN loads, but it is not loaded (tests of the fallback).
bool OneDnnTilesForced();

enum class OneDnnResult {
  kRan,
  kNotRun,  // oneDNN not loaded, or without a fast kernel for this product: the caller's fallback runs it
  kFailed,  // error says why
};

// out (M, N) f32 = a (M, K) . b (N, K)^T, a and b bf16, all row-major.
OneDnnResult OneDnnBf16Gemm(const uint16_t* a, const uint16_t* b, float* out, int64_t m, int64_t k, int64_t n,
                            std::string* error);

}  // namespace xla4j

#endif  // XLA4J_PJRT_CPU_ONEDNN_H_
