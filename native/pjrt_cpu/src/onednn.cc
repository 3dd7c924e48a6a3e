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
#include <memory>
#include <mutex>
#include <string>
#include <tuple>

#include "oneapi/dnnl/dnnl.h"
#include "onednn.h"

namespace xla4j {
namespace {

// The product of one shape, built once: the primitive and its three memory objects, whose data handles each call sets.
struct Gemm {
  dnnl_primitive_t primitive = nullptr;
  dnnl_memory_t memory[3] = {nullptr, nullptr, nullptr};  // src, weights, dst
};

struct OneDnn {
  bool ok = false;
  std::string error;  // why not, when !ok (said once on stderr)
  dnnl_engine_t engine = nullptr;
  dnnl_stream_t stream = nullptr;
#define XLA4J_DNNL_FUNCTIONS(X)                                                                                \
  X(dnnl_engine_create) X(dnnl_stream_create) X(dnnl_stream_wait) X(dnnl_memory_desc_create_with_strides)      \
  X(dnnl_memory_desc_destroy) X(dnnl_matmul_primitive_desc_create) X(dnnl_primitive_desc_query)                \
  X(dnnl_primitive_desc_destroy) X(dnnl_primitive_create) X(dnnl_primitive_execute) X(dnnl_memory_create)      \
  X(dnnl_memory_set_data_handle)
#define XLA4J_DNNL_POINTER(f) decltype(&::f) f = nullptr;
  XLA4J_DNNL_FUNCTIONS(XLA4J_DNNL_POINTER)
#undef XLA4J_DNNL_POINTER
  std::mutex mu;  // one product at a time: each runs on every core (oneDNN's OpenMP team), and uses its Gemm's memory
  // by (M, K, N), kept for the process; nullptr where oneDNN has no brgemm kernel for the shape
  std::map<std::tuple<int64_t, int64_t, int64_t>, std::unique_ptr<Gemm>> gemms;
};

// XLA4J_ONEDNN, read once: "0" (XLA's dot), "tiles" (the fallback), else oneDNN where it loads.
const std::string& Setting() {
  static const std::string setting = std::getenv("XLA4J_ONEDNN") == nullptr ? "" : std::getenv("XLA4J_ONEDNN");
  return setting;
}

OneDnn* LoadOnce() {
  auto* d = new OneDnn();
  if (Setting() == "0" || Setting() == "tiles") {
    d->error = "turned off (XLA4J_ONEDNN=" + Setting() + ")";
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

// The product a (M, K) . b (N, K)^T, bf16, into f32 (M, N), all row-major, built once per shape. nullptr with error
// empty where oneDNN offers no brgemm kernel for it (only those are taken: its reference loops are slower than the
// caller's fallback), with the reason in error where oneDNN failed.
Gemm* GemmFor(OneDnn& d, int64_t m, int64_t k, int64_t n, std::string* error) {
  auto key = std::make_tuple(m, k, n);
  auto it = d.gemms.find(key);
  if (it != d.gemms.end()) return it->second.get();
  const dnnl_dims_t dims[3] = {{m, k}, {k, n}, {m, n}};
  const dnnl_dims_t strides[3] = {{k, 1}, {1, k}, {n, 1}};  // b (N, K) read as (K, N)
  const dnnl_data_type_t types[3] = {dnnl_bf16, dnnl_bf16, dnnl_f32};
  dnnl_memory_desc_t md[3] = {nullptr, nullptr, nullptr};
  dnnl_primitive_desc_t pd = nullptr;
  auto gemm = std::make_unique<Gemm>();
  bool made = true;
  for (int i = 0; made && i < 3; ++i) {
    made = d.dnnl_memory_desc_create_with_strides(&md[i], 2, dims[i], types[i], strides[i]) == dnnl_success;
  }
  // no matmul for these descriptors, or none but oneDNN's reference loops: not an error
  made = made && d.dnnl_matmul_primitive_desc_create(&pd, d.engine, md[0], md[1], nullptr, md[2], nullptr) ==
                     dnnl_success;
  const char* impl = nullptr;
  if (made) d.dnnl_primitive_desc_query(pd, dnnl_query_impl_info_str, 0, &impl);
  if (impl != nullptr && std::string(impl).rfind("brg", 0) == 0) {
    bool ok = d.dnnl_primitive_create(&gemm->primitive, pd) == dnnl_success;
    for (int i = 0; ok && i < 3; ++i) {
      ok = d.dnnl_memory_create(&gemm->memory[i], md[i], d.engine, DNNL_MEMORY_NONE) == dnnl_success;
    }
    if (!ok) *error = "oneDNN could not create the matmul";
    made = ok;
  } else {
    made = false;
  }
  if (pd != nullptr) d.dnnl_primitive_desc_destroy(pd);
  for (dnnl_memory_desc_t m : md) {
    if (m != nullptr) d.dnnl_memory_desc_destroy(m);
  }
  if (!made) {
    if (!error->empty()) return nullptr;  // failed: nothing kept, the next call tries again and says so again
    gemm.reset();
  }
  Gemm* g = gemm.get();
  d.gemms.emplace(key, std::move(gemm));
  return g;
}

}  // namespace

bool OneDnnTilesForced() { return Setting() == "tiles"; }

bool OneDnnAvailable() { return Load().ok; }

OneDnnResult OneDnnBf16Gemm(const uint16_t* a, const uint16_t* b, float* out, int64_t m, int64_t k, int64_t n,
                            std::string* error) {
  OneDnn& d = Load();
  if (!d.ok) return OneDnnResult::kNotRun;
  std::lock_guard<std::mutex> lock(d.mu);
  Gemm* g = GemmFor(d, m, k, n, error);
  if (g == nullptr) return error->empty() ? OneDnnResult::kNotRun : OneDnnResult::kFailed;
  void* data[3] = {const_cast<uint16_t*>(a), const_cast<uint16_t*>(b), out};
  bool ok = true;
  for (int i = 0; ok && i < 3; ++i) ok = d.dnnl_memory_set_data_handle(g->memory[i], data[i]) == dnnl_success;
  const dnnl_exec_arg_t args[3] = {
      {DNNL_ARG_SRC, g->memory[0]}, {DNNL_ARG_WEIGHTS, g->memory[1]}, {DNNL_ARG_DST, g->memory[2]}};
  ok = ok && d.dnnl_primitive_execute(g->primitive, d.stream, 3, args) == dnnl_success &&
       d.dnnl_stream_wait(d.stream) == dnnl_success;
  if (!ok) *error = "oneDNN's matmul failed";
  return ok ? OneDnnResult::kRan : OneDnnResult::kFailed;
}

}  // namespace xla4j
