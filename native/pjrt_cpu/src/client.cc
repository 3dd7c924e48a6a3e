// Client, devices, memories, topology and compilation of the xla4j XLA:CPU PJRT plugin.
#include "internal.h"

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <string>

#include "absl/container/flat_hash_map.h"

#include "xla/hlo/builder/xla_computation.h"
#include "xla/pjrt/plugin/xla_cpu/cpu_client_options.h"
#include "xla/pjrt/plugin/xla_cpu/xla_cpu_pjrt_client.h"
#include "xla/pjrt/proto/compile_options.pb.h"
#include "xla/service/hlo.pb.h"
#include "xla/shape_util.h"

namespace xla {
// Declared here instead of including xla/pjrt/mlir_to_hlo.h, which pulls in LLVM headers the
// wheel does not ship. Exported by libtensorflow_cc.so.2 with exactly this signature.
absl::Status ParseMlirModuleStringAndConvertToXlaComputation(
    absl::string_view mlir_module_str, XlaComputation& xla_computation, bool use_tuple_args,
    bool return_tuple);
}  // namespace xla

namespace xla4j {

PJRT_Device* WrapDevice(PJRT_Client* client, const xla::PjRtDevice* device) {
  auto it = client->device_map.find(device);
  return it == client->device_map.end() ? nullptr : it->second;
}

PJRT_Memory* WrapMemory(PJRT_Client* client, const xla::PjRtMemorySpace* memory) {
  auto it = client->memory_map.find(memory);
  return it == client->memory_map.end() ? nullptr : it->second;
}

absl::StatusOr<xla::CompileOptions> ParseCompileOptions(const char* fn, const char* bytes,
                                                        size_t size) {
  xla::CompileOptionsProto proto;
  if (size > static_cast<size_t>(INT_MAX)) {
    return absl::InvalidArgumentError(
        absl::StrCat(fn, ": compile_options of ", size, " bytes is larger than protobuf's 2 GiB limit"));
  }
  if (size > 0 && (bytes == nullptr || !proto.ParseFromArray(bytes, static_cast<int>(size)))) {
    return absl::InvalidArgumentError(absl::StrCat(
        fn, ": compile_options (", size, " bytes) is not a serialized xla.CompileOptionsProto"));
  }
  TF_ASSIGN_OR_RETURN(xla::CompileOptions options, xla::CompileOptions::FromProto(proto));
  // proto3 reads an unset num_replicas/num_partitions as 0, on which XLA CHECK-fails (aborts).
  const xla::ExecutableBuildOptions& build = options.executable_build_options;
  if (build.num_replicas() < 1 || build.num_partitions() < 1) {
    return absl::InvalidArgumentError(absl::StrCat(
        fn, ": compile_options.executable_build_options must set num_replicas and num_partitions >= 1, got ",
        build.num_replicas(), " and ", build.num_partitions()));
  }
  if (build.has_device_assignment() &&
      (build.device_assignment().replica_count() != build.num_replicas() ||
       build.device_assignment().computation_count() != build.num_partitions())) {
    return absl::InvalidArgumentError(absl::StrCat(
        fn, ": the device assignment is ", build.device_assignment().replica_count(), " replicas x ",
        build.device_assignment().computation_count(), " partitions but the options say ",
        build.num_replicas(), " x ", build.num_partitions()));
  }
  return options;
}

namespace {

void FillDescription(PJRT_DeviceDescription& out, const xla::PjRtDeviceDescription* description) {
  out.description = description;
  out.attributes = ToNamedValues(description->Attributes());
}

// Builds the C wrappers of the devices and memories of `client->client`.
void WrapDevicesAndMemories(PJRT_Client* client) {
  xla::PjRtClient* cpp = client->client.get();
  for (xla::PjRtDevice* device : cpp->devices()) {
    auto wrapped = std::make_unique<PJRT_Device>();
    wrapped->device = device;
    wrapped->client = client;
    FillDescription(wrapped->description, &device->description());
    client->devices.push_back(wrapped.get());
    if (device->IsAddressable()) client->addressable_devices.push_back(wrapped.get());
    client->device_map[device] = wrapped.get();
    client->owned_devices.push_back(std::move(wrapped));
  }
  for (xla::PjRtMemorySpace* memory : cpp->memory_spaces()) {
    auto wrapped = std::make_unique<PJRT_Memory>();
    wrapped->memory = memory;
    wrapped->client = client;
    for (xla::PjRtDevice* device : memory->devices()) {
      if (PJRT_Device* d = WrapDevice(client, device)) wrapped->devices.push_back(d);
    }
    client->addressable_memories.push_back(wrapped.get());
    client->memory_map[memory] = wrapped.get();
    client->owned_memories.push_back(std::move(wrapped));
  }
  for (PJRT_Device* device : client->devices) {
    for (xla::PjRtMemorySpace* memory : device->device->memory_spaces()) {
      if (PJRT_Memory* m = WrapMemory(client, memory)) device->memories.push_back(m);
    }
    absl::StatusOr<xla::PjRtMemorySpace*> default_memory = device->device->default_memory_space();
    if (default_memory.ok()) device->default_memory = WrapMemory(client, *default_memory);
  }
}

// Parses a PJRT_Program into an XlaComputation. Formats: "mlir" (StableHLO/MHLO text or
// bytecode, as JAX sends) and "hlo" (a serialized xla.HloModuleProto).
absl::StatusOr<xla::XlaComputation> ParseComputation(const char* fn, const PJRT_Program* program,
                                                     const xla::CompileOptions& options) {
  if (program == nullptr) return absl::InvalidArgumentError(absl::StrCat(fn, ": program is NULL"));
  if (program->code == nullptr && program->code_size > 0) {
    return absl::InvalidArgumentError(absl::StrCat(fn, ": program->code is NULL"));
  }
  absl::string_view format(program->format == nullptr ? "" : program->format,
                           program->format == nullptr ? 0 : program->format_size);
  absl::string_view code(program->code == nullptr ? "" : program->code, program->code_size);
  xla::XlaComputation computation;
  if (format == "mlir") {
    absl::Status status = xla::ParseMlirModuleStringAndConvertToXlaComputation(
        code, computation, options.parameter_is_tupled_arguments, /*return_tuple=*/false);
    if (!status.ok()) {
      // The program is the caller's input: report it as such, whatever code XLA used.
      return absl::InvalidArgumentError(
          absl::StrCat(fn, ": could not parse the StableHLO program: ", status.message()));
    }
    return computation;
  }
  if (format == "hlo") {
    if (code.size() > static_cast<size_t>(INT_MAX)) {
      return absl::InvalidArgumentError(
          absl::StrCat(fn, ": program of ", code.size(), " bytes is larger than protobuf's 2 GiB limit"));
    }
    xla::HloModuleProto proto;
    if (!proto.ParseFromArray(code.data(), static_cast<int>(code.size()))) {
      return absl::InvalidArgumentError(
          absl::StrCat(fn, ": program of format 'hlo' is not a serialized xla.HloModuleProto"));
    }
    if (!proto.has_host_program_shape() || proto.computations_size() == 0) {
      return absl::InvalidArgumentError(absl::StrCat(
          fn, ": the HloModuleProto has no ", proto.computations_size() == 0 ? "computation" : "host_program_shape",
          " (not a complete HLO module)"));
    }
    return xla::XlaComputation(std::move(proto));
  }
  return absl::InvalidArgumentError(absl::StrCat(
      fn, ": unsupported program format '", format, "' (supported: 'mlir', 'hlo')"));
}

bool IsRank2(const xla::ShapeProto& s, xla::PrimitiveType type) {
  return s.element_type() == type && s.dimensions_size() == 2;
}

void SetRowMajor(xla::ShapeProto& s) {
  s.mutable_layout()->clear_minor_to_major();
  s.mutable_layout()->add_minor_to_major(1);
  s.mutable_layout()->add_minor_to_major(0);
}

// The custom call (small_matmul.cc) that computes dot i, or "" when none does: a 2-D dot with an f32 result, no
// batch dimensions and a large operand of at least 1 MiB, of
//   bf16 (P, K) and (Q, K) contracting both K, min(P, Q) <= 8       -> xla4j_bf16_matmul (AVX512 CPUs)
//   f32 (P, K) and (Q, K) contracting both K, min(P, Q) <= 8        -> xla4j_f32_matmul  (AVX512 CPUs)
//   f32 (M, K) and (K, N) contracting K, M <= 8                      -> xla4j_f32_matmul_nn
//   bf16 (P, K) and (Q, K) contracting both K, min(P, Q) >= 64     -> xla4j_bf16_gemm (AVX512-BF16, oneDNN loaded)
// Rows on each side from which a bf16 product goes to oneDNN (a prompt's tokens against a weight); between 9 and 63
// XLA's dot.
constexpr int64_t kMinGemmRows = 64;

std::string SmallDotTarget(const xla::HloInstructionProto& i, const xla::ShapeProto& a, const xla::ShapeProto& b) {
  if (i.opcode() != "dot" || !IsRank2(i.shape(), xla::F32)) return "";
  const xla::DotDimensionNumbers& d = i.dot_dimension_numbers();
  if (d.lhs_batch_dimensions_size() != 0 || d.rhs_batch_dimensions_size() != 0 ||
      d.lhs_contracting_dimensions_size() != 1 || d.rhs_contracting_dimensions_size() != 1 ||
      d.lhs_contracting_dimensions(0) != 1 || a.dimensions_size() != 2 || b.dimensions_size() != 2 ||
      a.element_type() != b.element_type()) {
    return "";
  }
  const bool f32 = a.element_type() == xla::F32 && F32MatmulSupported();
  const bool bf16 = a.element_type() == xla::BF16 && Bf16MatmulSupported();
  // Only where the large operand is a weight worth streaming (at least 1 MiB): XLA's cost analysis cannot count a
  // custom call's flops, so small products stay dots.
  const int64_t bytes = (f32 ? 4 : 2) * std::max(a.dimensions(0) * a.dimensions(1), b.dimensions(0) * b.dimensions(1));
  if (bytes < (int64_t{1} << 20)) return "";
  if (d.rhs_contracting_dimensions(0) == 1 && a.dimensions(1) == b.dimensions(1) &&
      std::min(a.dimensions(0), b.dimensions(0)) <= 8) {
    return bf16 ? "xla4j_bf16_matmul" : f32 ? "xla4j_f32_matmul" : "";
  }
  if (d.rhs_contracting_dimensions(0) == 1 && a.dimensions(1) == b.dimensions(1) && bf16 &&
      std::min(a.dimensions(0), b.dimensions(0)) >= kMinGemmRows && Bf16GemmSupported()) {
    return "xla4j_bf16_gemm";
  }
  if (d.rhs_contracting_dimensions(0) == 0 && a.dimensions(1) == b.dimensions(0) && a.dimensions(0) <= 8 && f32) {
    return "xla4j_f32_matmul_nn";
  }
  return "";
}

// Every dot a decode step does with few rows, and every bf16 prefill projection (SmallDotTarget), becomes its custom
// call, in unpartitioned programs (a custom call is opaque to SPMD partitioning): same operands, same result, the
// layouts fixed row-major as the kernels read them. XLA4J_SMALL_MATMUL=0 turns this off (for comparisons), and
// XLA4J_ONEDNN=0 only the prefill products'.
void RewriteSmallDots(xla::HloModuleProto& module, const xla::CompileOptions& options) {
  const char* env = std::getenv("XLA4J_SMALL_MATMUL");
  if (env != nullptr && std::string(env) == "0") return;
  const xla::ExecutableBuildOptions& build = options.executable_build_options;
  if (build.num_partitions() > 1 || build.num_replicas() > 1) return;
  for (const xla::HloComputationProto& c : module.computations()) {
    for (const xla::HloInstructionProto& i : c.instructions()) {
      if (i.has_sharding()) return;
    }
  }
  for (xla::HloComputationProto& c : *module.mutable_computations()) {
    absl::flat_hash_map<int64_t, xla::ShapeProto> shapes;
    for (const xla::HloInstructionProto& i : c.instructions()) shapes[i.id()] = i.shape();
    for (xla::HloInstructionProto& i : *c.mutable_instructions()) {
      if (i.opcode() != "dot" || i.operand_ids_size() != 2) continue;
      auto a = shapes.find(i.operand_ids(0));
      auto b = shapes.find(i.operand_ids(1));
      if (a == shapes.end() || b == shapes.end()) continue;
      std::string target = SmallDotTarget(i, a->second, b->second);
      if (target.empty()) continue;
      i.set_opcode("custom-call");
      i.clear_dot_dimension_numbers();
      i.clear_precision_config();
      i.set_custom_call_target(target);
      i.set_custom_call_api_version(xla::API_VERSION_TYPED_FFI);
      i.set_constrain_layout(true);
      i.clear_operand_shapes_with_layout();
      for (const xla::ShapeProto* s : {&a->second, &b->second}) {
        xla::ShapeProto* o = i.add_operand_shapes_with_layout();
        *o = *s;
        SetRowMajor(*o);
      }
      SetRowMajor(*i.mutable_shape());
    }
  }
}

// A PJRT_Program as the XlaComputation this plugin compiles (RewriteSmallDots applied).
absl::StatusOr<xla::XlaComputation> ToComputation(const char* fn, const PJRT_Program* program,
                                                  const xla::CompileOptions& options) {
  TF_ASSIGN_OR_RETURN(xla::XlaComputation computation, ParseComputation(fn, program, options));
  RewriteSmallDots(*computation.mutable_proto(), options);
  return computation;
}

absl::Status ValidateCreateOption(const PJRT_NamedValue& option, absl::string_view name,
                                  PJRT_NamedValue_Type type) {
  if (option.type != type) {
    return absl::InvalidArgumentError(absl::StrCat(
        "PJRT_Client_Create: option '", name, "' has the wrong type ", static_cast<int>(option.type),
        ", expected ", static_cast<int>(type), " (see PJRT_NamedValue_Type)"));
  }
  return absl::OkStatus();
}

}  // namespace
}  // namespace xla4j

using xla4j::ToError;

// ------------------------------------------ Client ------------------------------------------

PJRT_Error* Xla4j_PJRT_Client_Create(PJRT_Client_Create_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_Client_Create);
  return xla4j::Guarded("PJRT_Client_Create", [&]() -> PJRT_Error* {
    xla::CpuClientOptions options;
    if (args->num_options > 0 && args->create_options == nullptr) {
      return xla4j::InvalidArgument("PJRT_Client_Create", "create_options is NULL");
    }
    for (size_t i = 0; i < args->num_options; ++i) {
      const PJRT_NamedValue& option = args->create_options[i];
      absl::string_view name(option.name == nullptr ? "" : option.name,
                             option.name == nullptr ? 0 : option.name_size);
      if (name == "cpu_device_count") {
        if (auto s = xla4j::ValidateCreateOption(option, name, PJRT_NamedValue_kInt64); !s.ok()) {
          return ToError(s);
        }
        if (option.int64_value < 1 || option.int64_value > 4096) {
          return xla4j::InvalidArgument(
              "PJRT_Client_Create",
              absl::StrCat("cpu_device_count must be in [1, 4096], got ", option.int64_value));
        }
        options.cpu_device_count = static_cast<int>(option.int64_value);
      } else if (name == "asynchronous") {
        if (auto s = xla4j::ValidateCreateOption(option, name, PJRT_NamedValue_kBool); !s.ok()) {
          return ToError(s);
        }
        options.asynchronous = option.bool_value;
      } else if (name == "max_inflight_computations_per_device") {
        if (auto s = xla4j::ValidateCreateOption(option, name, PJRT_NamedValue_kInt64); !s.ok()) {
          return ToError(s);
        }
        if (option.int64_value < 1) {
          return xla4j::InvalidArgument("PJRT_Client_Create",
                                        "max_inflight_computations_per_device must be >= 1");
        }
        options.max_inflight_computations_per_device = static_cast<int>(option.int64_value);
      } else {
        return xla4j::InvalidArgument(
            "PJRT_Client_Create",
            absl::StrCat("unknown create option '", name,
                         "' (supported: cpu_device_count (int64), asynchronous (bool), "
                         "max_inflight_computations_per_device (int64))"));
      }
    }
    XLA4J_ASSIGN_OR_RETURN(std::unique_ptr<xla::PjRtClient> cpp,
                           xla::GetXlaPjrtCpuClient(std::move(options)));
    auto client = std::make_unique<PJRT_Client>();
    client->client = std::move(cpp);
    xla4j::WrapDevicesAndMemories(client.get());
    args->client = client.release();
    return nullptr;
  });
}

PJRT_Error* Xla4j_PJRT_Client_Destroy(PJRT_Client_Destroy_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_Client_Destroy);
  delete args->client;
  return nullptr;
}

PJRT_Error* Xla4j_PJRT_Client_PlatformName(PJRT_Client_PlatformName_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_Client_PlatformName);
  XLA4J_CHECK_HANDLE(PJRT_Client_PlatformName, client);
  absl::string_view name = args->client->client->platform_name();
  args->platform_name = name.data();
  args->platform_name_size = name.size();
  return nullptr;
}

PJRT_Error* Xla4j_PJRT_Client_ProcessIndex(PJRT_Client_ProcessIndex_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_Client_ProcessIndex);
  XLA4J_CHECK_HANDLE(PJRT_Client_ProcessIndex, client);
  args->process_index = args->client->client->process_index();
  return nullptr;
}

PJRT_Error* Xla4j_PJRT_Client_PlatformVersion(PJRT_Client_PlatformVersion_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_Client_PlatformVersion);
  XLA4J_CHECK_HANDLE(PJRT_Client_PlatformVersion, client);
  // XLA's CPU client reports just "cpu"; say which XLA this is.
  static constexpr char kVersion[] = "XLA:CPU of tensorflow-cpu 2.21.0 (xla4j PJRT plugin)";
  args->platform_version = kVersion;
  args->platform_version_size = sizeof(kVersion) - 1;
  return nullptr;
}

PJRT_Error* Xla4j_PJRT_Client_Devices(PJRT_Client_Devices_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_Client_Devices);
  XLA4J_CHECK_HANDLE(PJRT_Client_Devices, client);
  args->devices = args->client->devices.data();
  args->num_devices = args->client->devices.size();
  return nullptr;
}

PJRT_Error* Xla4j_PJRT_Client_AddressableDevices(PJRT_Client_AddressableDevices_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_Client_AddressableDevices);
  XLA4J_CHECK_HANDLE(PJRT_Client_AddressableDevices, client);
  args->addressable_devices = args->client->addressable_devices.data();
  args->num_addressable_devices = args->client->addressable_devices.size();
  return nullptr;
}

PJRT_Error* Xla4j_PJRT_Client_LookupDevice(PJRT_Client_LookupDevice_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_Client_LookupDevice);
  XLA4J_CHECK_HANDLE(PJRT_Client_LookupDevice, client);
  XLA4J_ASSIGN_OR_RETURN(xla::PjRtDevice * device,
                         args->client->client->LookupDevice(xla::PjRtGlobalDeviceId(args->id)));
  args->device = xla4j::WrapDevice(args->client, device);
  return nullptr;
}

PJRT_Error* Xla4j_PJRT_Client_LookupAddressableDevice(
    PJRT_Client_LookupAddressableDevice_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_Client_LookupAddressableDevice);
  XLA4J_CHECK_HANDLE(PJRT_Client_LookupAddressableDevice, client);
  XLA4J_ASSIGN_OR_RETURN(xla::PjRtDevice * device,
                         args->client->client->LookupAddressableDevice(
                             xla::PjRtLocalDeviceId(args->local_hardware_id)));
  args->addressable_device = xla4j::WrapDevice(args->client, device);
  return nullptr;
}

PJRT_Error* Xla4j_PJRT_Client_AddressableMemories(PJRT_Client_AddressableMemories_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_Client_AddressableMemories);
  XLA4J_CHECK_HANDLE(PJRT_Client_AddressableMemories, client);
  args->addressable_memories = args->client->addressable_memories.data();
  args->num_addressable_memories = args->client->addressable_memories.size();
  return nullptr;
}

PJRT_Error* Xla4j_PJRT_Client_Compile(PJRT_Client_Compile_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_Client_Compile);
  XLA4J_CHECK_HANDLE(PJRT_Client_Compile, client);
  return xla4j::Guarded("PJRT_Client_Compile", [&]() -> PJRT_Error* {
    XLA4J_ASSIGN_OR_RETURN(
        xla::CompileOptions options,
        xla4j::ParseCompileOptions("PJRT_Client_Compile", args->compile_options,
                                   args->compile_options_size));
    XLA4J_ASSIGN_OR_RETURN(xla::XlaComputation computation,
                           xla4j::ToComputation("PJRT_Client_Compile", args->program, options));
    XLA4J_ASSIGN_OR_RETURN(std::unique_ptr<xla::PjRtLoadedExecutable> loaded,
                           args->client->client->CompileAndLoad(computation, std::move(options)));
    auto* out = new PJRT_LoadedExecutable;
    out->executable = std::move(loaded);
    out->client = args->client;
    for (xla::PjRtDevice* device : out->executable->addressable_devices()) {
      out->addressable_devices.push_back(xla4j::WrapDevice(args->client, device));
    }
    args->executable = out;
    return nullptr;
  });
}

PJRT_Error* Xla4j_PJRT_Client_DefaultDeviceAssignment(
    PJRT_Client_DefaultDeviceAssignment_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_Client_DefaultDeviceAssignment);
  XLA4J_CHECK_HANDLE(PJRT_Client_DefaultDeviceAssignment, client);
  if (args->num_replicas < 1 || args->num_partitions < 1) {
    return xla4j::InvalidArgument(
        "PJRT_Client_DefaultDeviceAssignment",
        absl::StrCat("num_replicas and num_partitions must be >= 1, got ", args->num_replicas,
                     " and ", args->num_partitions));
  }
  size_t needed = static_cast<size_t>(args->num_replicas) * args->num_partitions;
  if (args->default_assignment == nullptr || args->default_assignment_size < needed) {
    return xla4j::InvalidArgument(
        "PJRT_Client_DefaultDeviceAssignment",
        absl::StrCat("default_assignment must hold num_replicas * num_partitions = ", needed,
                     " ints, got ", args->default_assignment_size));
  }
  if (needed > args->client->client->devices().size()) {
    return xla4j::InvalidArgument(
        "PJRT_Client_DefaultDeviceAssignment",
        absl::StrCat(args->num_replicas, " replicas x ", args->num_partitions, " partitions need ", needed,
                     " devices, the client has ", args->client->client->devices().size()));
  }
  XLA4J_ASSIGN_OR_RETURN(
      xla::DeviceAssignment assignment,
      args->client->client->GetDefaultDeviceAssignment(args->num_replicas, args->num_partitions));
  // Row-major over (replica, partition), as XLA's own C API does.
  for (int r = 0; r < args->num_replicas; ++r) {
    for (int p = 0; p < args->num_partitions; ++p) {
      args->default_assignment[r * args->num_partitions + p] = assignment(r, p);
    }
  }
  return nullptr;
}

namespace {

absl::StatusOr<xla::PjRtClient::HostBufferSemantics> ToSemantics(const char* fn,
                                                                 PJRT_HostBufferSemantics semantics) {
  switch (semantics) {
    case PJRT_HostBufferSemantics_kImmutableOnlyDuringCall:
      return xla::PjRtClient::HostBufferSemantics::kImmutableOnlyDuringCall;
    case PJRT_HostBufferSemantics_kImmutableUntilTransferCompletes:
      return xla::PjRtClient::HostBufferSemantics::kImmutableUntilTransferCompletes;
    case PJRT_HostBufferSemantics_kImmutableZeroCopy:
      return xla::PjRtClient::HostBufferSemantics::kImmutableZeroCopy;
    case PJRT_HostBufferSemantics_kMutableZeroCopy:
      return xla::PjRtClient::HostBufferSemantics::kMutableZeroCopy;
    default:
      // Never guess: a wrong guess could alias memory the caller is about to free.
      return absl::InvalidArgumentError(absl::StrCat(fn, ": unknown host_buffer_semantics ",
                                                     static_cast<int>(semantics)));
  }
}

// The memory space a new buffer goes to: `memory` if given, else `device`'s default memory.
absl::StatusOr<xla::PjRtMemorySpace*> TargetMemory(const char* fn, PJRT_Client* client,
                                                   PJRT_Device* device, PJRT_Memory* memory) {
  if (memory != nullptr) {
    if (memory->client != client) {
      return absl::InvalidArgumentError(absl::StrCat(fn, ": memory belongs to another client"));
    }
    return memory->memory;
  }
  if (device != nullptr && device->client != client) {
    return absl::InvalidArgumentError(absl::StrCat(fn, ": device belongs to another client"));
  }
  if (device == nullptr) {
    if (client->addressable_devices.empty()) {
      return absl::FailedPreconditionError(absl::StrCat(fn, ": the client has no device"));
    }
    return absl::InvalidArgumentError(absl::StrCat(fn, ": neither device nor memory is set"));
  }
  return device->device->default_memory_space();
}

}  // namespace

PJRT_Error* Xla4j_PJRT_Client_BufferFromHostBuffer(PJRT_Client_BufferFromHostBuffer_Args* args) {
  static constexpr char kFn[] = "PJRT_Client_BufferFromHostBuffer";
  XLA4J_CHECK_ARGS(PJRT_Client_BufferFromHostBuffer);
  XLA4J_CHECK_HANDLE(PJRT_Client_BufferFromHostBuffer, client);
  return xla4j::Guarded(kFn, [&]() -> PJRT_Error* {
    if (args->num_dims > 0 && args->dims == nullptr) {
      return xla4j::InvalidArgument(kFn, "dims is NULL");
    }
    int64_t elements = 1;
    for (size_t i = 0; i < args->num_dims; ++i) {
      if (args->dims[i] < 0) {
        return xla4j::InvalidArgument(kFn, absl::StrCat("dimension ", i, " is negative: ",
                                                        args->dims[i]));
      }
      if (__builtin_mul_overflow(elements, args->dims[i], &elements)) {
        return xla4j::InvalidArgument(kFn, "the number of elements overflows int64");
      }
    }
    if (args->data == nullptr && elements > 0) return xla4j::InvalidArgument(kFn, "data is NULL");
    if (args->device_layout != nullptr) {
      return ToError(absl::UnimplementedError(absl::StrCat(
          kFn, ": device_layout is not supported; pass NULL for XLA:CPU's default layout")));
    }
    XLA4J_ASSIGN_OR_RETURN(xla::PrimitiveType type, xla4j::FromBufferType(kFn, args->type));
    std::optional<absl::Span<const int64_t>> byte_strides;
    if (args->byte_strides != nullptr) {
      if (args->num_byte_strides != args->num_dims) {
        return xla4j::InvalidArgument(
            kFn, absl::StrCat("num_byte_strides (", args->num_byte_strides,
                              ") must equal num_dims (", args->num_dims, ")"));
      }
      byte_strides = absl::Span<const int64_t>(args->byte_strides, args->num_byte_strides);
    }
    XLA4J_ASSIGN_OR_RETURN(xla::PjRtClient::HostBufferSemantics semantics,
                           ToSemantics(kFn, args->host_buffer_semantics));
    XLA4J_ASSIGN_OR_RETURN(xla::PjRtMemorySpace * memory,
                           TargetMemory(kFn, args->client, args->device, args->memory));
    auto [promise, future] = xla::MakePromise<>();
    auto done = std::make_shared<xla::Promise<>>(std::move(promise));
    absl::StatusOr<std::unique_ptr<xla::PjRtBuffer>> buffer = args->client->client->BufferFromHostBuffer(
        args->data, type, absl::Span<const int64_t>(args->dims, args->num_dims), byte_strides,
        semantics, [done]() mutable { done->Set(); }, memory,
        /*device_layout=*/nullptr);
    if (!buffer.ok()) return ToError(buffer.status());
    args->done_with_host_buffer = xla4j::ToEvent(std::move(future));
    args->buffer = xla4j::WrapBuffer(args->client, *std::move(buffer));
    return nullptr;
  });
}

namespace {

absl::StatusOr<xla::Shape> MakeShape(const char* fn, PJRT_Buffer_Type element_type,
                                     const int64_t* dims, size_t num_dims,
                                     const PJRT_Buffer_MemoryLayout* layout) {
  if (layout != nullptr) {
    return absl::UnimplementedError(absl::StrCat(fn, ": shape_layout is not supported; pass NULL"));
  }
  if (num_dims > 0 && dims == nullptr) {
    return absl::InvalidArgumentError(absl::StrCat(fn, ": shape_dims is NULL"));
  }
  TF_ASSIGN_OR_RETURN(xla::PrimitiveType type, xla4j::FromBufferType(fn, element_type));
  for (size_t i = 0; i < num_dims; ++i) {
    if (dims[i] < 0) {
      return absl::InvalidArgumentError(absl::StrCat(fn, ": dimension ", i, " is negative"));
    }
  }
  absl::StatusOr<xla::Shape> shape =
      xla::ShapeUtil::MakeValidatedShape(type, absl::Span<const int64_t>(dims, num_dims));
  if (!shape.ok()) {
    return absl::InvalidArgumentError(absl::StrCat(fn, ": ", shape.status().message()));
  }
  return *std::move(shape);
}

}  // namespace

PJRT_Error* Xla4j_PJRT_Client_CreateUninitializedBuffer(
    PJRT_Client_CreateUninitializedBuffer_Args* args) {
  static constexpr char kFn[] = "PJRT_Client_CreateUninitializedBuffer";
  XLA4J_CHECK_ARGS(PJRT_Client_CreateUninitializedBuffer);
  XLA4J_CHECK_HANDLE(PJRT_Client_CreateUninitializedBuffer, client);
  return xla4j::Guarded(kFn, [&]() -> PJRT_Error* {
    XLA4J_ASSIGN_OR_RETURN(xla::Shape shape, MakeShape(kFn, args->shape_element_type, args->shape_dims,
                                                       args->shape_num_dims, args->shape_layout));
    XLA4J_ASSIGN_OR_RETURN(xla::PjRtMemorySpace * memory,
                           TargetMemory(kFn, args->client, args->device, args->memory));
    XLA4J_ASSIGN_OR_RETURN(std::unique_ptr<xla::PjRtBuffer> buffer,
                           args->client->client->CreateUninitializedBuffer(shape, memory));
    args->buffer = xla4j::WrapBuffer(args->client, std::move(buffer));
    return nullptr;
  });
}

PJRT_Error* Xla4j_PJRT_Client_CreateErrorBuffer(PJRT_Client_CreateErrorBuffer_Args* args) {
  static constexpr char kFn[] = "PJRT_Client_CreateErrorBuffer";
  XLA4J_CHECK_ARGS(PJRT_Client_CreateErrorBuffer);
  XLA4J_CHECK_HANDLE(PJRT_Client_CreateErrorBuffer, client);
  XLA4J_CHECK_HANDLE(PJRT_Client_CreateErrorBuffer, memory);
  return xla4j::Guarded(kFn, [&]() -> PJRT_Error* {
    XLA4J_ASSIGN_OR_RETURN(xla::Shape shape, MakeShape(kFn, args->shape_element_type, args->shape_dims,
                                                       args->shape_num_dims, args->shape_layout));
    absl::Status error(xla4j::FromCode(args->error_code),
                       absl::string_view(args->error_message == nullptr ? "" : args->error_message,
                                         args->error_message == nullptr ? 0 : args->error_message_size));
    if (error.ok()) return xla4j::InvalidArgument(kFn, "error_code must not be OK");
    XLA4J_ASSIGN_OR_RETURN(std::unique_ptr<xla::PjRtBuffer> buffer,
                           args->client->client->CreateErrorBuffer(error, shape, args->memory->memory));
    args->buffer = xla4j::WrapBuffer(args->client, std::move(buffer));
    return nullptr;
  });
}

// ------------------------------------ Device descriptions -----------------------------------

PJRT_Error* Xla4j_PJRT_DeviceDescription_Id(PJRT_DeviceDescription_Id_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_DeviceDescription_Id);
  XLA4J_CHECK_HANDLE(PJRT_DeviceDescription_Id, device_description);
  args->id = args->device_description->description->id();
  return nullptr;
}

PJRT_Error* Xla4j_PJRT_DeviceDescription_ProcessIndex(
    PJRT_DeviceDescription_ProcessIndex_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_DeviceDescription_ProcessIndex);
  XLA4J_CHECK_HANDLE(PJRT_DeviceDescription_ProcessIndex, device_description);
  args->process_index = args->device_description->description->process_index();
  return nullptr;
}

PJRT_Error* Xla4j_PJRT_DeviceDescription_Attributes(PJRT_DeviceDescription_Attributes_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_DeviceDescription_Attributes);
  XLA4J_CHECK_HANDLE(PJRT_DeviceDescription_Attributes, device_description);
  args->attributes = args->device_description->attributes.data();
  args->num_attributes = args->device_description->attributes.size();
  return nullptr;
}

PJRT_Error* Xla4j_PJRT_DeviceDescription_Kind(PJRT_DeviceDescription_Kind_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_DeviceDescription_Kind);
  XLA4J_CHECK_HANDLE(PJRT_DeviceDescription_Kind, device_description);
  absl::string_view kind = args->device_description->description->device_kind();
  args->device_kind = kind.data();
  args->device_kind_size = kind.size();
  return nullptr;
}

PJRT_Error* Xla4j_PJRT_DeviceDescription_DebugString(
    PJRT_DeviceDescription_DebugString_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_DeviceDescription_DebugString);
  XLA4J_CHECK_HANDLE(PJRT_DeviceDescription_DebugString, device_description);
  absl::string_view s = args->device_description->description->DebugString();
  args->debug_string = s.data();
  args->debug_string_size = s.size();
  return nullptr;
}

PJRT_Error* Xla4j_PJRT_DeviceDescription_ToString(PJRT_DeviceDescription_ToString_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_DeviceDescription_ToString);
  XLA4J_CHECK_HANDLE(PJRT_DeviceDescription_ToString, device_description);
  absl::string_view s = args->device_description->description->ToString();
  args->to_string = s.data();
  args->to_string_size = s.size();
  return nullptr;
}

// ------------------------------------------ Devices -----------------------------------------

PJRT_Error* Xla4j_PJRT_Device_GetDescription(PJRT_Device_GetDescription_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_Device_GetDescription);
  XLA4J_CHECK_HANDLE(PJRT_Device_GetDescription, device);
  args->device_description = &args->device->description;
  return nullptr;
}

PJRT_Error* Xla4j_PJRT_Device_IsAddressable(PJRT_Device_IsAddressable_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_Device_IsAddressable);
  XLA4J_CHECK_HANDLE(PJRT_Device_IsAddressable, device);
  args->is_addressable = args->device->device->IsAddressable();
  return nullptr;
}

PJRT_Error* Xla4j_PJRT_Device_LocalHardwareId(PJRT_Device_LocalHardwareId_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_Device_LocalHardwareId);
  XLA4J_CHECK_HANDLE(PJRT_Device_LocalHardwareId, device);
  args->local_hardware_id = args->device->device->local_hardware_id().value();
  return nullptr;
}

PJRT_Error* Xla4j_PJRT_Device_AddressableMemories(PJRT_Device_AddressableMemories_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_Device_AddressableMemories);
  XLA4J_CHECK_HANDLE(PJRT_Device_AddressableMemories, device);
  args->memories = args->device->memories.data();
  args->num_memories = args->device->memories.size();
  return nullptr;
}

PJRT_Error* Xla4j_PJRT_Device_DefaultMemory(PJRT_Device_DefaultMemory_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_Device_DefaultMemory);
  XLA4J_CHECK_HANDLE(PJRT_Device_DefaultMemory, device);
  if (args->device->default_memory == nullptr) {
    return ToError(absl::NotFoundError("PJRT_Device_DefaultMemory: the device has no default memory"));
  }
  args->memory = args->device->default_memory;
  return nullptr;
}

PJRT_Error* Xla4j_PJRT_Device_MemoryStats(PJRT_Device_MemoryStats_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_Device_MemoryStats);
  XLA4J_CHECK_HANDLE(PJRT_Device_MemoryStats, device);
  XLA4J_ASSIGN_OR_RETURN(tsl::AllocatorStats stats, args->device->device->GetAllocatorStats());
  args->bytes_in_use = stats.bytes_in_use;
  args->peak_bytes_in_use = stats.peak_bytes_in_use;
  args->peak_bytes_in_use_is_set = true;
  args->num_allocs = stats.num_allocs;
  args->num_allocs_is_set = true;
  args->largest_alloc_size = stats.largest_alloc_size;
  args->largest_alloc_size_is_set = true;
  args->bytes_limit_is_set = stats.bytes_limit.has_value();
  if (stats.bytes_limit) args->bytes_limit = *stats.bytes_limit;
  args->bytes_reserved = stats.bytes_reserved;
  args->bytes_reserved_is_set = true;
  args->peak_bytes_reserved = stats.peak_bytes_reserved;
  args->peak_bytes_reserved_is_set = true;
  args->bytes_reservable_limit_is_set = stats.bytes_reservable_limit.has_value();
  if (stats.bytes_reservable_limit) args->bytes_reservable_limit = *stats.bytes_reservable_limit;
  args->largest_free_block_bytes = stats.largest_free_block_bytes;
  args->largest_free_block_bytes_is_set = true;
  args->pool_bytes_is_set = stats.pool_bytes.has_value();
  if (stats.pool_bytes) args->pool_bytes = *stats.pool_bytes;
  args->peak_pool_bytes_is_set = stats.peak_pool_bytes.has_value();
  if (stats.peak_pool_bytes) args->peak_pool_bytes = *stats.peak_pool_bytes;
  return nullptr;
}

// ------------------------------------------ Memories ----------------------------------------

PJRT_Error* Xla4j_PJRT_Memory_Id(PJRT_Memory_Id_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_Memory_Id);
  XLA4J_CHECK_HANDLE(PJRT_Memory_Id, memory);
  args->id = args->memory->memory->id();
  return nullptr;
}

PJRT_Error* Xla4j_PJRT_Memory_Kind(PJRT_Memory_Kind_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_Memory_Kind);
  XLA4J_CHECK_HANDLE(PJRT_Memory_Kind, memory);
  absl::string_view kind = args->memory->memory->kind();
  args->kind = kind.data();
  args->kind_size = kind.size();
  return nullptr;
}

PJRT_Error* Xla4j_PJRT_Memory_Kind_Id(PJRT_Memory_Kind_Id_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_Memory_Kind_Id);
  XLA4J_CHECK_HANDLE(PJRT_Memory_Kind_Id, memory);
  args->kind_id = args->memory->memory->kind_id();
  return nullptr;
}

PJRT_Error* Xla4j_PJRT_Memory_DebugString(PJRT_Memory_DebugString_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_Memory_DebugString);
  XLA4J_CHECK_HANDLE(PJRT_Memory_DebugString, memory);
  absl::string_view s = args->memory->memory->DebugString();
  args->debug_string = s.data();
  args->debug_string_size = s.size();
  return nullptr;
}

PJRT_Error* Xla4j_PJRT_Memory_ToString(PJRT_Memory_ToString_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_Memory_ToString);
  XLA4J_CHECK_HANDLE(PJRT_Memory_ToString, memory);
  absl::string_view s = args->memory->memory->ToString();
  args->to_string = s.data();
  args->to_string_size = s.size();
  return nullptr;
}

PJRT_Error* Xla4j_PJRT_Memory_AddressableByDevices(PJRT_Memory_AddressableByDevices_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_Memory_AddressableByDevices);
  XLA4J_CHECK_HANDLE(PJRT_Memory_AddressableByDevices, memory);
  args->devices = args->memory->devices.data();
  args->num_devices = args->memory->devices.size();
  return nullptr;
}

// ------------------------------------------ Topology ----------------------------------------

PJRT_Error* Xla4j_PJRT_Client_TopologyDescription(PJRT_Client_TopologyDescription_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_Client_TopologyDescription);
  XLA4J_CHECK_HANDLE(PJRT_Client_TopologyDescription, client);
  return xla4j::Guarded("PJRT_Client_TopologyDescription", [&]() -> PJRT_Error* {
    PJRT_Client* client = args->client;
    std::lock_guard<std::mutex> lock(client->topology_mu);
    if (client->topology == nullptr) {
      XLA4J_ASSIGN_OR_RETURN(const xla::PjRtTopologyDescription* cpp,
                             client->client->GetTopologyDescription());
      auto topology = std::make_unique<PJRT_TopologyDescription>();
      topology->topology = cpp;
      topology->client = client;
      // The client's devices describe the topology; their descriptions live with the client.
      for (PJRT_Device* device : client->devices) {
        topology->descriptions.push_back(&device->description);
      }
      topology->attributes = xla4j::ToNamedValues(cpp->Attributes());
      client->topology = std::move(topology);
    }
    args->topology = client->topology.get();
    return nullptr;
  });
}

// Topologies handed out by PJRT_Client_TopologyDescription belong to their client.
PJRT_Error* Xla4j_PJRT_TopologyDescription_Destroy(PJRT_TopologyDescription_Destroy_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_TopologyDescription_Destroy);
  return nullptr;
}

PJRT_Error* Xla4j_PJRT_TopologyDescription_PlatformName(
    PJRT_TopologyDescription_PlatformName_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_TopologyDescription_PlatformName);
  XLA4J_CHECK_HANDLE(PJRT_TopologyDescription_PlatformName, topology);
  absl::string_view s = args->topology->topology->platform_name();
  args->platform_name = s.data();
  args->platform_name_size = s.size();
  return nullptr;
}

PJRT_Error* Xla4j_PJRT_TopologyDescription_PlatformVersion(
    PJRT_TopologyDescription_PlatformVersion_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_TopologyDescription_PlatformVersion);
  XLA4J_CHECK_HANDLE(PJRT_TopologyDescription_PlatformVersion, topology);
  absl::string_view s = args->topology->topology->platform_version();
  args->platform_version = s.data();
  args->platform_version_size = s.size();
  return nullptr;
}

PJRT_Error* Xla4j_PJRT_TopologyDescription_GetDeviceDescriptions(
    PJRT_TopologyDescription_GetDeviceDescriptions_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_TopologyDescription_GetDeviceDescriptions);
  XLA4J_CHECK_HANDLE(PJRT_TopologyDescription_GetDeviceDescriptions, topology);
  args->descriptions = args->topology->descriptions.data();
  args->num_descriptions = args->topology->descriptions.size();
  return nullptr;
}

PJRT_Error* Xla4j_PJRT_TopologyDescription_Serialize(
    PJRT_TopologyDescription_Serialize_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_TopologyDescription_Serialize);
  XLA4J_CHECK_HANDLE(PJRT_TopologyDescription_Serialize, topology);
  XLA4J_ASSIGN_OR_RETURN(std::string bytes, args->topology->topology->Serialize());
  auto* out = new PJRT_SerializedTopology{std::move(bytes)};
  args->serialized_bytes = out->bytes.data();
  args->serialized_bytes_size = out->bytes.size();
  args->serialized_topology = out;
  args->serialized_topology_deleter = [](PJRT_SerializedTopology* t) { delete t; };
  return nullptr;
}

PJRT_Error* Xla4j_PJRT_TopologyDescription_Attributes(
    PJRT_TopologyDescription_Attributes_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_TopologyDescription_Attributes);
  XLA4J_CHECK_HANDLE(PJRT_TopologyDescription_Attributes, topology);
  args->attributes = args->topology->attributes.data();
  args->num_attributes = args->topology->attributes.size();
  return nullptr;
}

// Compiles without loading. XLA:CPU compiles for the host, so a client is required: either
// `client`, or the client the topology came from.
PJRT_Error* Xla4j_PJRT_Compile(PJRT_Compile_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_Compile);
  return xla4j::Guarded("PJRT_Compile", [&]() -> PJRT_Error* {
    PJRT_Client* client = args->client;
    if (client == nullptr && args->topology != nullptr) client = args->topology->client;
    if (client == nullptr) {
      return xla4j::InvalidArgument(
          "PJRT_Compile", "XLA:CPU compiles for this host: pass a client, or a topology from "
                          "PJRT_Client_TopologyDescription");
    }
    XLA4J_ASSIGN_OR_RETURN(xla::CompileOptions options,
                           xla4j::ParseCompileOptions("PJRT_Compile", args->compile_options,
                                                      args->compile_options_size));
    XLA4J_ASSIGN_OR_RETURN(xla::XlaComputation computation,
                           xla4j::ToComputation("PJRT_Compile", args->program, options));
    XLA4J_ASSIGN_OR_RETURN(std::unique_ptr<xla::PjRtExecutable> executable,
                           client->client->Compile(computation, std::move(options)));
    auto* out = new PJRT_Executable;
    out->executable = std::move(executable);
    out->client = client;
    args->executable = out;
    return nullptr;
  });
}
