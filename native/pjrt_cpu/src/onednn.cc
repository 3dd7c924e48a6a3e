// oneDNN's matmul for the bf16 products of a prefill (xla4j_bf16_gemm in small_matmul.cc): XLA:CPU's own bf16 dot
// (ynn) runs them at 260-370 GFLOP/s on an AVX512-BF16 CPU, oneDNN's brgemm at ~400 (PyTorch's level: it runs the same
// library), benchmarks/README.md, Gemma.
//
// oneDNN comes from its Maven package (org.bytedeco:dnnl, fetched by tools/fetch-xla; libdnnl.so.3 and the libgomp it
// was built with lie beside the plugin). It is loaded with dlopen, not linked: libdnnl.so.3 also needs libOpenCL.so.1
// (Debian's ocl-icd-libopencl1), which a machine may lack, and then the plugin must still load and run its dots
// through XLA. The few C-API functions used are looked up by name, typed from oneDNN's own header.

#include <dlfcn.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>
#include <string>
#include <tuple>

#include "oneapi/dnnl/dnnl.h"
#include "onednn.h"

namespace xla4j {
namespace {

struct OneDnn {
  bool ok = false;
  std::string error;  // why not, when !ok (said once on stderr)
  dnnl_engine_t engine = nullptr;
  dnnl_stream_t stream = nullptr;
#define XLA4J_DNNL_FUNCTIONS(X)                                                                                \
  X(dnnl_engine_create) X(dnnl_stream_create) X(dnnl_stream_wait) X(dnnl_memory_desc_create_with_strides)      \
  X(dnnl_memory_desc_destroy) X(dnnl_matmul_primitive_desc_create) X(dnnl_primitive_desc_query)                \
  X(dnnl_primitive_desc_destroy) X(dnnl_primitive_create) X(dnnl_primitive_execute) X(dnnl_memory_create)      \
  X(dnnl_memory_destroy)
#define XLA4J_DNNL_POINTER(f) decltype(&::f) f = nullptr;
  XLA4J_DNNL_FUNCTIONS(XLA4J_DNNL_POINTER)
#undef XLA4J_DNNL_POINTER
  std::mutex mu;  // one product at a time: each runs on every core (oneDNN's OpenMP team)
  std::map<std::tuple<int64_t, int64_t, int64_t>, dnnl_primitive_t> matmuls;  // by (M, K, N), kept for the process
};

OneDnn* LoadOnce() {
  auto* d = new OneDnn();
  const std::string env = std::getenv("XLA4J_ONEDNN") == nullptr ? "" : std::getenv("XLA4J_ONEDNN");
  if (env == "0" || env == "tiles") {
    d->error = "turned off (XLA4J_ONEDNN=" + env + ")";
    return d;
  }
  // found through the plugin's RUNPATH ($ORIGIN)
  void* lib = dlopen("libdnnl.so.3", RTLD_NOW | RTLD_LOCAL);
  if (lib == nullptr) {
    const char* e = dlerror();
    d->error = std::string("cannot load libdnnl.so.3: ") + (e == nullptr ? "?" : e);
    return d;
  }
#define XLA4J_DNNL_LOOKUP(f)                                \
  d->f = reinterpret_cast<decltype(&::f)>(dlsym(lib, #f)); \
  if (d->f == nullptr) {                                   \
    d->error = "libdnnl.so.3 has no " #f;                  \
    return d;                                              \
  }
  XLA4J_DNNL_FUNCTIONS(XLA4J_DNNL_LOOKUP)
#undef XLA4J_DNNL_LOOKUP
  if (d->dnnl_engine_create(&d->engine, dnnl_cpu, 0) != dnnl_success ||
      d->dnnl_stream_create(&d->stream, d->engine, dnnl_stream_default_flags) != dnnl_success) {
    d->error = "oneDNN could not create its CPU engine";
    return d;
  }
  d->ok = true;
  return d;
}

OneDnn& Load() {
  static OneDnn* d = [] {
    OneDnn* d = LoadOnce();
    // a warning, shown as the plugin's absl warnings are (TF_CPP_MIN_LOG_LEVEL below 2; xla4j sets 3 unless verbose)
    const char* level = std::getenv("TF_CPP_MIN_LOG_LEVEL");
    if (!d->ok && d->error.rfind("turned off", 0) != 0 && (level == nullptr || std::atoi(level) < 2)) {
      std::fprintf(stderr, "xla4j: oneDNN not loaded (%s): bf16 prefill products run through XLA's dot\n",
                   d->error.c_str());
    }
    return d;
  }();
  return *d;
}

// The primitive for a (M, K) . b (N, K)^T, bf16, into f32 (M, N), all row-major, or nullptr: with the reason in error
// where oneDNN failed, with error empty where it offers no brgemm kernel for it (only those are taken: its reference
// loops are slower than the caller's fallback).
dnnl_primitive_t Matmul(OneDnn& d, int64_t m, int64_t k, int64_t n, std::string* error) {
  auto key = std::make_tuple(m, k, n);
  auto it = d.matmuls.find(key);
  if (it != d.matmuls.end()) return it->second;
  dnnl_memory_desc_t src = nullptr, weights = nullptr, dst = nullptr;
  const dnnl_dims_t src_dims = {m, k}, src_strides = {k, 1};
  const dnnl_dims_t w_dims = {k, n}, w_strides = {1, k};  // b (N, K) read as (K, N)
  const dnnl_dims_t dst_dims = {m, n}, dst_strides = {n, 1};
  dnnl_primitive_desc_t pd = nullptr;
  dnnl_primitive_t prim = nullptr;
  bool made = d.dnnl_memory_desc_create_with_strides(&src, 2, src_dims, dnnl_bf16, src_strides) == dnnl_success &&
              d.dnnl_memory_desc_create_with_strides(&weights, 2, w_dims, dnnl_bf16, w_strides) == dnnl_success &&
              d.dnnl_memory_desc_create_with_strides(&dst, 2, dst_dims, dnnl_f32, dst_strides) == dnnl_success &&
              d.dnnl_matmul_primitive_desc_create(&pd, d.engine, src, weights, nullptr, dst, nullptr) == dnnl_success;
  if (made) {
    const char* impl = nullptr;
    d.dnnl_primitive_desc_query(pd, dnnl_query_impl_info_str, 0, &impl);
    if (impl == nullptr || std::string(impl).rfind("brg", 0) != 0) {
      made = false;  // not an error: the caller's fallback runs it
    } else {
      made = d.dnnl_primitive_create(&prim, pd) == dnnl_success;
      if (!made) *error = "oneDNN could not create the matmul";
    }
  }  // else no matmul for these descriptors: not an error either
  if (pd != nullptr) d.dnnl_primitive_desc_destroy(pd);
  for (dnnl_memory_desc_t md : {src, weights, dst}) {
    if (md != nullptr) d.dnnl_memory_desc_destroy(md);
  }
  if (!made) return nullptr;
  d.matmuls.emplace(key, prim);
  return prim;
}

}  // namespace

bool OneDnnTilesForced() {
  static const bool forced = [] {
    const char* env = std::getenv("XLA4J_ONEDNN");
    return env != nullptr && std::string(env) == "tiles";
  }();
  return forced;
}

bool OneDnnAvailable() { return Load().ok; }

OneDnnResult OneDnnBf16Gemm(const uint16_t* a, const uint16_t* b, float* out, int64_t m, int64_t k, int64_t n,
                            std::string* error) {
  OneDnn& d = Load();
  if (!d.ok) return OneDnnResult::kNotRun;
  std::lock_guard<std::mutex> lock(d.mu);
  dnnl_primitive_t prim = Matmul(d, m, k, n, error);
  if (prim == nullptr) return error->empty() ? OneDnnResult::kNotRun : OneDnnResult::kFailed;
  const dnnl_dims_t src_dims = {m, k}, src_strides = {k, 1};
  const dnnl_dims_t w_dims = {k, n}, w_strides = {1, k};
  const dnnl_dims_t dst_dims = {m, n}, dst_strides = {n, 1};
  dnnl_memory_desc_t mds[3] = {nullptr, nullptr, nullptr};
  dnnl_memory_t mems[3] = {nullptr, nullptr, nullptr};
  void* data[3] = {const_cast<uint16_t*>(a), const_cast<uint16_t*>(b), out};
  bool ok = d.dnnl_memory_desc_create_with_strides(&mds[0], 2, src_dims, dnnl_bf16, src_strides) == dnnl_success &&
            d.dnnl_memory_desc_create_with_strides(&mds[1], 2, w_dims, dnnl_bf16, w_strides) == dnnl_success &&
            d.dnnl_memory_desc_create_with_strides(&mds[2], 2, dst_dims, dnnl_f32, dst_strides) == dnnl_success;
  for (int i = 0; ok && i < 3; ++i) ok = d.dnnl_memory_create(&mems[i], mds[i], d.engine, data[i]) == dnnl_success;
  if (ok) {
    const dnnl_exec_arg_t args[3] = {{DNNL_ARG_SRC, mems[0]}, {DNNL_ARG_WEIGHTS, mems[1]}, {DNNL_ARG_DST, mems[2]}};
    ok = d.dnnl_primitive_execute(prim, d.stream, 3, args) == dnnl_success &&
         d.dnnl_stream_wait(d.stream) == dnnl_success;
  }
  for (int i = 0; i < 3; ++i) {
    if (mems[i] != nullptr) d.dnnl_memory_destroy(mems[i]);
    if (mds[i] != nullptr) d.dnnl_memory_desc_destroy(mds[i]);
  }
  if (!ok) *error = "oneDNN's matmul failed";
  return ok ? OneDnnResult::kRan : OneDnnResult::kFailed;
}

}  // namespace xla4j
