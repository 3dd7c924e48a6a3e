// xla4j XLA:CPU PJRT plugin: the C API's opaque handles, defined over XLA's C++ PjRtClient,
// and the small helpers every entry point uses (argument checks, errors, type mapping).
//
// Ownership follows pjrt_c_api.h: objects the caller must destroy (client, buffers, executables,
// events, errors) are heap objects of the types below; devices, memories and device
// descriptions belong to their client and live as long as it does.
#ifndef XLA4J_PJRT_CPU_INTERNAL_H_
#define XLA4J_PJRT_CPU_INTERNAL_H_

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "xla/future.h"
#include "xla/pjrt/c/pjrt_c_api.h"
#include "xla/pjrt/pjrt_client.h"
#include "xla/pjrt/pjrt_executable.h"
#include "xla/shape.h"
#include "xla/xla_data.pb.h"

// ---------------------------------------------------------------------------------------------
// Handles. Every struct named PJRT_X here is the definition of the opaque type of pjrt_c_api.h.

struct PJRT_Error {
  absl::Status status;
};

struct PJRT_Event {
  xla::Future<> future;
  // Only for events made by PJRT_Event_Create, which the caller fulfils with PJRT_Event_Set.
  std::optional<xla::Promise<>> promise;
  std::mutex set_mu;
};

struct PJRT_Client;
struct PJRT_Device;

struct PJRT_Memory {
  xla::PjRtMemorySpace* memory;
  PJRT_Client* client;
  std::vector<PJRT_Device*> devices;
};

struct PJRT_DeviceDescription {
  const xla::PjRtDeviceDescription* description;
  std::vector<PJRT_NamedValue> attributes;  // points into description's attribute map
};

struct PJRT_Device {
  xla::PjRtDevice* device;
  PJRT_Client* client;
  PJRT_DeviceDescription description;
  std::vector<PJRT_Memory*> memories;
  PJRT_Memory* default_memory = nullptr;
};

struct PJRT_TopologyDescription {
  const xla::PjRtTopologyDescription* topology;
  PJRT_Client* client;  // the client it came from; compiling against it uses that client
  std::vector<PJRT_DeviceDescription*> descriptions;
  std::vector<std::unique_ptr<PJRT_DeviceDescription>> owned_descriptions;
  std::vector<PJRT_NamedValue> attributes;
};

struct PJRT_Client {
  std::unique_ptr<xla::PjRtClient> client;
  std::vector<std::unique_ptr<PJRT_Device>> owned_devices;
  std::vector<PJRT_Device*> devices;
  std::vector<PJRT_Device*> addressable_devices;
  absl::flat_hash_map<const xla::PjRtDevice*, PJRT_Device*> device_map;
  std::vector<std::unique_ptr<PJRT_Memory>> owned_memories;
  std::vector<PJRT_Memory*> addressable_memories;
  absl::flat_hash_map<const xla::PjRtMemorySpace*, PJRT_Memory*> memory_map;
  std::unique_ptr<PJRT_TopologyDescription> topology;  // built on first request
  std::mutex topology_mu;
};

struct PJRT_Executable {
  std::shared_ptr<xla::PjRtExecutable> executable;
  PJRT_Client* client = nullptr;  // the compiling client, for cost analysis; may be NULL

  // Results computed once and kept for the executable's lifetime, as the C API hands out
  // pointers into them.
  std::once_flag output_once;
  absl::Status output_status;
  std::vector<PJRT_Buffer_Type> output_types;
  std::vector<int64_t> output_dims;
  std::vector<size_t> output_dim_sizes;
  std::vector<std::string> output_memory_kinds;
  std::vector<const char*> output_memory_kind_ptrs;
  std::vector<size_t> output_memory_kind_sizes;

  std::once_flag cost_once;
  absl::Status cost_status;
  absl::flat_hash_map<std::string, xla::PjRtValueType> cost_values;
  std::vector<PJRT_NamedValue> cost_properties;

  std::once_flag fingerprint_once;
  absl::StatusOr<std::string> fingerprint = std::string();

  std::mutex program_mu;
  absl::flat_hash_map<std::string, std::string> optimized_programs;  // by format
};

struct PJRT_LoadedExecutable {
  std::shared_ptr<xla::PjRtLoadedExecutable> executable;
  PJRT_Client* client;
  std::vector<PJRT_Device*> addressable_devices;
  // PJRT_LoadedExecutable_Delete: XLA:CPU's own Delete() does nothing, so the flag is ours.
  std::atomic<bool> deleted{false};
  std::once_flag fingerprint_once;
  absl::StatusOr<std::string> fingerprint = std::string();

  // Element type and dimensions of each parameter of the (partitioned) program, checked
  // against the argument buffers of every execution.
  std::once_flag parameters_once;
  absl::Status parameters_status;
  std::vector<std::pair<xla::PrimitiveType, std::vector<int64_t>>> parameters;
  // False when a parameter is neither an array nor a tuple of arrays (e.g. a token): then XLA's
  // own size checks are all there is.
  bool check_parameters = true;
};

struct PJRT_Buffer {
  std::unique_ptr<xla::PjRtBuffer> buffer;
  PJRT_Client* client;
  std::mutex mu;  // guards the lazily filled fields below
  std::optional<std::vector<int64_t>> unpadded_dims;
  std::optional<std::vector<int64_t>> minor_to_major;
  std::vector<std::unique_ptr<xla::PjRtBuffer::ExternalReference>> external_refs;
};

struct PJRT_SerializedExecutable {
  std::string bytes;
};

struct PJRT_SerializedCompileOptions {
  std::string bytes;
};

struct PJRT_DeviceAssignmentSerialized {
  std::string bytes;
};

struct PJRT_SerializedTopology {
  std::string bytes;
};

namespace xla4j {

// ---------------------------------------------------------------------------------------------
// Errors.

PJRT_Error_Code ToCode(absl::StatusCode code);
absl::StatusCode FromCode(PJRT_Error_Code code);

// A PJRT_Error for a non-OK status, or nullptr for OK.
inline PJRT_Error* ToError(absl::Status status) {
  if (status.ok()) return nullptr;
  return new PJRT_Error{std::move(status)};
}

inline PJRT_Error* InvalidArgument(absl::string_view fn, absl::string_view what) {
  return ToError(absl::InvalidArgumentError(absl::StrCat(fn, ": ", what)));
}

// Checks the argument struct of entry point `fn`: not null, and at least as large as the
// struct this plugin was compiled with (callers built against an older header could have
// smaller structs, and reading past their end would read garbage).
inline PJRT_Error* CheckArgs(const char* fn, const void* args, size_t struct_size,
                             size_t expected) {
  if (args == nullptr) return InvalidArgument(fn, "args is NULL");
  if (struct_size < expected) {
    return InvalidArgument(
        fn, absl::StrCat("args->struct_size is ", struct_size, " but must be at least ",
                         expected, " (the caller was built against an older pjrt_c_api.h, "
                         "or did not set struct_size)"));
  }
  return nullptr;
}

// Runs `body` (returning PJRT_Error*) so that no C++ exception crosses the C boundary.
template <typename F>
PJRT_Error* Guarded(const char* fn, F&& body) {
  try {
    return body();
  } catch (const std::exception& e) {
    return ToError(absl::InternalError(absl::StrCat(fn, ": ", e.what())));
  } catch (...) {
    return ToError(absl::InternalError(absl::StrCat(fn, ": unknown C++ exception")));
  }
}

// Entry-point prologue: checks `args` against the struct size of `Name##_Args`.
#define XLA4J_CHECK_ARGS(Name)                                                       \
  if (PJRT_Error* xla4j_err = ::xla4j::CheckArgs(                                    \
          #Name, args, args == nullptr ? 0 : args->struct_size, Name##_Args_STRUCT_SIZE)) \
  return xla4j_err

// Fails entry point `Name` when the handle `field` of args is NULL.
#define XLA4J_CHECK_HANDLE(Name, field) \
  if (args->field == nullptr) return ::xla4j::InvalidArgument(#Name, #field " is NULL")

// Evaluates a StatusOr expression into `lhs`, or returns its error as a PJRT_Error*.
#define XLA4J_ASSIGN_OR_RETURN(lhs, expr)                        \
  auto XLA4J_CONCAT(xla4j_so_, __LINE__) = (expr);              \
  if (!XLA4J_CONCAT(xla4j_so_, __LINE__).ok())                  \
    return ::xla4j::ToError(XLA4J_CONCAT(xla4j_so_, __LINE__).status()); \
  lhs = std::move(XLA4J_CONCAT(xla4j_so_, __LINE__)).value()
#define XLA4J_CONCAT_INNER(a, b) a##b
#define XLA4J_CONCAT(a, b) XLA4J_CONCAT_INNER(a, b)

// ---------------------------------------------------------------------------------------------
// Conversions.

PJRT_Buffer_Type ToBufferType(xla::PrimitiveType type);
// INVALID_ARGUMENT naming `fn` for a type XLA:CPU buffers cannot hold.
absl::StatusOr<xla::PrimitiveType> FromBufferType(const char* fn, PJRT_Buffer_Type type);

// Named values pointing into `values` (which must outlive the result).
std::vector<PJRT_NamedValue> ToNamedValues(
    const absl::flat_hash_map<std::string, xla::PjRtValueType>& values);

// A PJRT_Event over `future`.
inline PJRT_Event* ToEvent(xla::Future<> future) {
  auto* event = new PJRT_Event;
  event->future = std::move(future);
  return event;
}

// The wrappers of `device` / `memory` in `client` (never NULL for objects of that client).
PJRT_Device* WrapDevice(PJRT_Client* client, const xla::PjRtDevice* device);
PJRT_Memory* WrapMemory(PJRT_Client* client, const xla::PjRtMemorySpace* memory);

inline PJRT_Buffer* WrapBuffer(PJRT_Client* client, std::unique_ptr<xla::PjRtBuffer> buffer) {
  auto* out = new PJRT_Buffer;
  out->buffer = std::move(buffer);
  out->client = client;
  return out;
}

// Parses a serialized xla.CompileOptionsProto; an empty string gives default options.
absl::StatusOr<xla::CompileOptions> ParseCompileOptions(const char* fn, const char* bytes,
                                                        size_t size);

// Whether this CPU runs the small-matmul custom calls' AVX512 kernels: xla4j_bf16_matmul (VDPBF16PS with
// AVX512-BF16, else bf16 widened to f32), xla4j_f32_matmul and xla4j_f32_matmul_nn (small_matmul.cc); and
// xla4j_bf16_gemm through oneDNN (AVX512-BF16, libdnnl.so.3 loaded: onednn.cc).
bool Bf16MatmulSupported();
bool Bf16GemmSupported();
bool F32MatmulSupported();

}  // namespace xla4j

// Entry points, defined in the .cc files and collected into the PJRT_Api table in api.cc.
#define XLA4J_DECLARE(Name) PJRT_Error* Xla4j_##Name(Name##_Args* args);
#define XLA4J_ENTRY_POINTS(X)                                                             \
  X(PJRT_Plugin_Initialize) X(PJRT_Plugin_Attributes)                                     \
  X(PJRT_Event_Destroy) X(PJRT_Event_IsReady) X(PJRT_Event_Error) X(PJRT_Event_Await)     \
  X(PJRT_Event_OnReady) X(PJRT_Event_Create) X(PJRT_Event_Set)                            \
  X(PJRT_Client_Create) X(PJRT_Client_Destroy) X(PJRT_Client_PlatformName)                \
  X(PJRT_Client_ProcessIndex) X(PJRT_Client_PlatformVersion) X(PJRT_Client_Devices)       \
  X(PJRT_Client_AddressableDevices) X(PJRT_Client_LookupDevice)                           \
  X(PJRT_Client_LookupAddressableDevice) X(PJRT_Client_AddressableMemories)               \
  X(PJRT_Client_Compile) X(PJRT_Client_DefaultDeviceAssignment)                           \
  X(PJRT_Client_BufferFromHostBuffer) X(PJRT_Client_TopologyDescription)                  \
  X(PJRT_Client_CreateUninitializedBuffer) X(PJRT_Client_CreateErrorBuffer)               \
  X(PJRT_DeviceDescription_Id) X(PJRT_DeviceDescription_ProcessIndex)                     \
  X(PJRT_DeviceDescription_Attributes) X(PJRT_DeviceDescription_Kind)                     \
  X(PJRT_DeviceDescription_DebugString) X(PJRT_DeviceDescription_ToString)                \
  X(PJRT_Device_GetDescription) X(PJRT_Device_IsAddressable)                              \
  X(PJRT_Device_LocalHardwareId) X(PJRT_Device_AddressableMemories)                       \
  X(PJRT_Device_DefaultMemory) X(PJRT_Device_MemoryStats)                                 \
  X(PJRT_Memory_Id) X(PJRT_Memory_Kind) X(PJRT_Memory_Kind_Id) X(PJRT_Memory_DebugString) \
  X(PJRT_Memory_ToString) X(PJRT_Memory_AddressableByDevices)                             \
  X(PJRT_Executable_Destroy) X(PJRT_Executable_Name) X(PJRT_Executable_NumReplicas)       \
  X(PJRT_Executable_NumPartitions) X(PJRT_Executable_NumOutputs)                          \
  X(PJRT_Executable_SizeOfGeneratedCodeInBytes) X(PJRT_Executable_GetCostAnalysis)        \
  X(PJRT_Executable_OutputMemoryKinds) X(PJRT_Executable_OptimizedProgram)                \
  X(PJRT_Executable_Serialize) X(PJRT_Executable_OutputElementTypes)                      \
  X(PJRT_Executable_OutputDimensions) X(PJRT_Executable_Fingerprint)                      \
  X(PJRT_Executable_GetCompiledMemoryStats) X(PJRT_Executable_GetCompileOptions)          \
  X(PJRT_Executable_DeserializeAndLoad)                                                   \
  X(PJRT_LoadedExecutable_Destroy) X(PJRT_LoadedExecutable_GetExecutable)                 \
  X(PJRT_LoadedExecutable_AddressableDevices) X(PJRT_LoadedExecutable_Delete)             \
  X(PJRT_LoadedExecutable_IsDeleted) X(PJRT_LoadedExecutable_Execute)                     \
  X(PJRT_LoadedExecutable_Fingerprint) X(PJRT_LoadedExecutable_GetDeviceAssignment)       \
  X(PJRT_Buffer_Destroy) X(PJRT_Buffer_ElementType) X(PJRT_Buffer_Dimensions)             \
  X(PJRT_Buffer_UnpaddedDimensions) X(PJRT_Buffer_DynamicDimensionIndices)                \
  X(PJRT_Buffer_GetMemoryLayout) X(PJRT_Buffer_OnDeviceSizeInBytes) X(PJRT_Buffer_Device) \
  X(PJRT_Buffer_Memory) X(PJRT_Buffer_Delete) X(PJRT_Buffer_IsDeleted)                    \
  X(PJRT_Buffer_CopyToDevice) X(PJRT_Buffer_CopyToMemory) X(PJRT_Buffer_ToHostBuffer)     \
  X(PJRT_Buffer_CopyRawToHost) X(PJRT_Buffer_IsOnCpu) X(PJRT_Buffer_ReadyEvent)           \
  X(PJRT_Buffer_UnsafePointer) X(PJRT_Buffer_IncreaseExternalReferenceCount)              \
  X(PJRT_Buffer_DecreaseExternalReferenceCount) X(PJRT_Buffer_OpaqueDeviceMemoryDataPointer) \
  X(PJRT_TopologyDescription_Destroy) X(PJRT_TopologyDescription_PlatformName)            \
  X(PJRT_TopologyDescription_PlatformVersion) X(PJRT_TopologyDescription_GetDeviceDescriptions) \
  X(PJRT_TopologyDescription_Serialize) X(PJRT_TopologyDescription_Attributes)            \
  X(PJRT_Compile)
XLA4J_ENTRY_POINTS(XLA4J_DECLARE)

#endif  // XLA4J_PJRT_CPU_INTERNAL_H_
