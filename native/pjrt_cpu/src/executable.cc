// Executables (compiled programs), loaded executables and execution for the xla4j XLA:CPU
// PJRT plugin.
#include "internal.h"

#include "xla/hlo/ir/hlo_module.h"
#include "xla/pjrt/proto/compile_options.pb.h"
#include "xla/service/computation_placer.h"
#include "xla/service/hlo.pb.h"
#include "xla/service/hlo_cost_analysis.h"
#include "absl/algorithm/container.h"
#include "absl/strings/str_join.h"

using xla4j::ToError;

namespace {

// Fills the output caches of `e` once (types, dimensions, memory kinds of every output).
absl::Status ComputeOutputs(PJRT_Executable* e) {
  std::call_once(e->output_once, [e] {
    e->output_status = [e]() -> absl::Status {
      TF_ASSIGN_OR_RETURN(std::vector<std::vector<xla::PrimitiveType>> types,
                          e->executable->GetOutputElementTypes());
      TF_ASSIGN_OR_RETURN(std::vector<std::vector<xla::DimensionVector>> dims,
                          e->executable->GetOutputDimensions());
      if (types.empty() || dims.empty()) {
        return absl::InternalError("the executable reports no output of its first program");
      }
      for (xla::PrimitiveType t : types[0]) e->output_types.push_back(xla4j::ToBufferType(t));
      for (const xla::DimensionVector& d : dims[0]) {
        e->output_dim_sizes.push_back(d.size());
        e->output_dims.insert(e->output_dims.end(), d.begin(), d.end());
      }
      absl::StatusOr<std::vector<std::vector<absl::string_view>>> kinds =
          e->executable->GetOutputMemoryKinds();
      if (kinds.ok() && !kinds->empty()) {
        for (absl::string_view k : (*kinds)[0]) e->output_memory_kinds.emplace_back(k);
      } else {
        e->output_memory_kinds.assign(e->output_types.size(), "device");
      }
      for (const std::string& k : e->output_memory_kinds) {
        e->output_memory_kind_ptrs.push_back(k.c_str());
        e->output_memory_kind_sizes.push_back(k.size());
      }
      return absl::OkStatus();
    }();
  });
  return e->output_status;
}

PJRT_Executable* WrapExecutable(std::shared_ptr<xla::PjRtExecutable> executable,
                                PJRT_Client* client) {
  auto* out = new PJRT_Executable;
  out->executable = std::move(executable);
  out->client = client;
  return out;
}

std::string ShapeString(xla::PrimitiveType type, absl::Span<const int64_t> dims) {
  std::string name = xla::PrimitiveType_Name(type);
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return absl::StrCat(name, "[", absl::StrJoin(dims, ","), "]");
}

// Fills e->parameters once from the entry computation of the optimized (per-device) module.
absl::Status ComputeParameters(PJRT_LoadedExecutable* e) {
  std::call_once(e->parameters_once, [e] {
    e->parameters_status = [e]() -> absl::Status {
      TF_ASSIGN_OR_RETURN(std::vector<std::shared_ptr<xla::HloModule>> modules,
                          e->executable->GetHloModules());
      if (modules.size() != 1) {
        return absl::UnimplementedError(
            absl::StrCat("expected 1 HLO module, the executable has ", modules.size()));
      }
      const xla::ComputationLayout& layout = modules[0]->entry_computation_layout();
      std::vector<xla::Shape> shapes;
      for (int i = 0; i < layout.parameter_count(); ++i) shapes.push_back(layout.parameter_shape(i));
      // Tupled arguments (parameter_is_tupled_arguments): the caller passes the tuple's elements,
      // and XLA:CPU builds the tuple.
      if (shapes.size() == 1 && shapes[0].IsTuple()) {
        std::vector<xla::Shape> elements(shapes[0].tuple_shapes().begin(), shapes[0].tuple_shapes().end());
        shapes = std::move(elements);
      }
      for (const xla::Shape& shape : shapes) {
        if (!shape.IsArray()) {
          e->check_parameters = false;
          e->parameters.clear();
          return absl::OkStatus();
        }
        absl::Span<const int64_t> dims = shape.dimensions();
        e->parameters.emplace_back(shape.element_type(),
                                   std::vector<int64_t>(dims.begin(), dims.end()));
      }
      return absl::OkStatus();
    }();
  });
  return e->parameters_status;
}

// XLA:CPU only compares byte sizes, so a 2x4 array would silently stand in for a 4x2 one:
// check element type and dimensions of every argument against the program's parameters.
absl::Status CheckArguments(PJRT_LoadedExecutable* e,
                            const std::vector<std::vector<xla::PjRtBuffer*>>& arguments) {
  if (absl::Status s = ComputeParameters(e); !s.ok()) {
    return absl::Status(s.code(), absl::StrCat("PJRT_LoadedExecutable_Execute: ", s.message()));
  }
  if (!e->check_parameters) return absl::OkStatus();
  for (size_t d = 0; d < arguments.size(); ++d) {
    if (arguments[d].size() != e->parameters.size()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "PJRT_LoadedExecutable_Execute: the program takes ", e->parameters.size(),
          " arguments, got ", arguments[d].size(), " for device ", d));
    }
    for (size_t a = 0; a < arguments[d].size(); ++a) {
      const xla::PjRtBuffer* buffer = arguments[d][a];
      const auto& [type, dims] = e->parameters[a];
      if (buffer->element_type() != type ||
          !absl::c_equal(buffer->dimensions(), absl::Span<const int64_t>(dims))) {
        return absl::InvalidArgumentError(absl::StrCat(
            "PJRT_LoadedExecutable_Execute: argument ", a, " for device ", d, " is ",
            ShapeString(buffer->element_type(), buffer->dimensions()),
            " but the program expects ", ShapeString(type, dims)));
      }
    }
  }
  return absl::OkStatus();
}

}  // namespace

PJRT_Error* Xla4j_PJRT_Executable_Destroy(PJRT_Executable_Destroy_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_Executable_Destroy);
  delete args->executable;
  return nullptr;
}

PJRT_Error* Xla4j_PJRT_Executable_Name(PJRT_Executable_Name_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_Executable_Name);
  XLA4J_CHECK_HANDLE(PJRT_Executable_Name, executable);
  absl::string_view name = args->executable->executable->name();
  args->executable_name = name.data();
  args->executable_name_size = name.size();
  return nullptr;
}

PJRT_Error* Xla4j_PJRT_Executable_NumReplicas(PJRT_Executable_NumReplicas_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_Executable_NumReplicas);
  XLA4J_CHECK_HANDLE(PJRT_Executable_NumReplicas, executable);
  args->num_replicas = args->executable->executable->num_replicas();
  return nullptr;
}

PJRT_Error* Xla4j_PJRT_Executable_NumPartitions(PJRT_Executable_NumPartitions_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_Executable_NumPartitions);
  XLA4J_CHECK_HANDLE(PJRT_Executable_NumPartitions, executable);
  args->num_partitions = args->executable->executable->num_partitions();
  return nullptr;
}

PJRT_Error* Xla4j_PJRT_Executable_NumOutputs(PJRT_Executable_NumOutputs_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_Executable_NumOutputs);
  XLA4J_CHECK_HANDLE(PJRT_Executable_NumOutputs, executable);
  if (absl::Status s = ComputeOutputs(args->executable); !s.ok()) return ToError(s);
  args->num_outputs = args->executable->output_types.size();
  return nullptr;
}

PJRT_Error* Xla4j_PJRT_Executable_SizeOfGeneratedCodeInBytes(
    PJRT_Executable_SizeOfGeneratedCodeInBytes_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_Executable_SizeOfGeneratedCodeInBytes);
  XLA4J_CHECK_HANDLE(PJRT_Executable_SizeOfGeneratedCodeInBytes, executable);
  args->size_in_bytes = args->executable->executable->SizeOfGeneratedCodeInBytes();
  return nullptr;
}

PJRT_Error* Xla4j_PJRT_Executable_GetCostAnalysis(PJRT_Executable_GetCostAnalysis_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_Executable_GetCostAnalysis);
  XLA4J_CHECK_HANDLE(PJRT_Executable_GetCostAnalysis, executable);
  return xla4j::Guarded("PJRT_Executable_GetCostAnalysis", [&]() -> PJRT_Error* {
    PJRT_Executable* e = args->executable;
    std::call_once(e->cost_once, [e] {
      auto values = e->executable->GetCostAnalysis();
      // XLA:CPU's executable does not implement it; run XLA's HLO cost analysis with the
      // client's cost model instead, as XLA's PjRtExecutableUtil does for other backends.
      if (absl::IsUnimplemented(values.status()) && e->client != nullptr) {
        auto analysis = e->client->client->GetHloCostAnalysis();
        if (analysis.ok()) {
          values = xla::PjRtExecutableUtil::RunHloCostAnalysis(*e->executable, analysis->get());
        }
      }
      e->cost_status = values.status();
      if (values.ok()) {
        e->cost_values = *std::move(values);
        e->cost_properties = xla4j::ToNamedValues(e->cost_values);
      }
    });
    if (!e->cost_status.ok()) return ToError(e->cost_status);
    args->properties = e->cost_properties.data();
    args->num_properties = e->cost_properties.size();
    return nullptr;
  });
}

PJRT_Error* Xla4j_PJRT_Executable_OutputElementTypes(
    PJRT_Executable_OutputElementTypes_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_Executable_OutputElementTypes);
  XLA4J_CHECK_HANDLE(PJRT_Executable_OutputElementTypes, executable);
  if (absl::Status s = ComputeOutputs(args->executable); !s.ok()) return ToError(s);
  args->output_types = args->executable->output_types.data();
  args->num_output_types = args->executable->output_types.size();
  return nullptr;
}

PJRT_Error* Xla4j_PJRT_Executable_OutputDimensions(PJRT_Executable_OutputDimensions_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_Executable_OutputDimensions);
  XLA4J_CHECK_HANDLE(PJRT_Executable_OutputDimensions, executable);
  if (absl::Status s = ComputeOutputs(args->executable); !s.ok()) return ToError(s);
  args->num_outputs = args->executable->output_dim_sizes.size();
  args->dims = args->executable->output_dims.data();
  args->dim_sizes = args->executable->output_dim_sizes.data();
  return nullptr;
}

PJRT_Error* Xla4j_PJRT_Executable_OutputMemoryKinds(PJRT_Executable_OutputMemoryKinds_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_Executable_OutputMemoryKinds);
  XLA4J_CHECK_HANDLE(PJRT_Executable_OutputMemoryKinds, executable);
  if (absl::Status s = ComputeOutputs(args->executable); !s.ok()) return ToError(s);
  args->num_outputs = args->executable->output_memory_kinds.size();
  args->memory_kinds = args->executable->output_memory_kind_ptrs.data();
  args->memory_kind_sizes = args->executable->output_memory_kind_sizes.data();
  return nullptr;
}

// The optimized HLO of the executable. Formats: "hlo_with_config" (a serialized
// xla.HloModuleProtoWithConfig, what XLA's own plugins return) by default; a caller that sets
// program->format to "hlo_text" gets XLA's HLO text instead (an xla4j addition).
PJRT_Error* Xla4j_PJRT_Executable_OptimizedProgram(PJRT_Executable_OptimizedProgram_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_Executable_OptimizedProgram);
  XLA4J_CHECK_HANDLE(PJRT_Executable_OptimizedProgram, executable);
  XLA4J_CHECK_HANDLE(PJRT_Executable_OptimizedProgram, program);
  return xla4j::Guarded("PJRT_Executable_OptimizedProgram", [&]() -> PJRT_Error* {
    static constexpr char kProto[] = "hlo_with_config";
    static constexpr char kText[] = "hlo_text";
    PJRT_Program* program = args->program;
    bool text = program->format != nullptr && program->format_size == sizeof(kText) - 1 &&
                std::memcmp(program->format, kText, sizeof(kText) - 1) == 0;
    PJRT_Executable* e = args->executable;
    std::lock_guard<std::mutex> lock(e->program_mu);
    auto it = e->optimized_programs.find(text ? kText : kProto);
    if (it == e->optimized_programs.end()) {
      XLA4J_ASSIGN_OR_RETURN(std::vector<std::shared_ptr<xla::HloModule>> modules,
                             e->executable->GetHloModules());
      if (modules.size() != 1) {
        return ToError(absl::UnimplementedError(absl::StrCat(
            "PJRT_Executable_OptimizedProgram: expected 1 HLO module, the executable has ",
            modules.size())));
      }
      std::string bytes;
      if (text) {
        bytes = modules[0]->ToString();
      } else {
        xla::HloModuleProtoWithConfig proto = modules[0]->ToProtoWithConfig();
        if (!proto.SerializeToString(&bytes)) {
          return ToError(absl::InternalError(
              "PJRT_Executable_OptimizedProgram: could not serialize HloModuleProtoWithConfig"));
        }
      }
      it = e->optimized_programs.emplace(text ? kText : kProto, std::move(bytes)).first;
    }
    program->format = text ? kText : kProto;
    program->format_size = text ? sizeof(kText) - 1 : sizeof(kProto) - 1;
    const std::string& bytes = it->second;
    if (program->code == nullptr) {
      program->code_size = bytes.size();
      return nullptr;
    }
    if (program->code_size < bytes.size()) {
      return xla4j::InvalidArgument(
          "PJRT_Executable_OptimizedProgram",
          absl::StrCat("program->code_size is ", program->code_size, " but the program needs ",
                       bytes.size(), " bytes (call first with program->code = NULL)"));
    }
    std::memcpy(program->code, bytes.data(), bytes.size());
    program->code_size = bytes.size();
    return nullptr;
  });
}

PJRT_Error* Xla4j_PJRT_Executable_Serialize(PJRT_Executable_Serialize_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_Executable_Serialize);
  XLA4J_CHECK_HANDLE(PJRT_Executable_Serialize, executable);
  return xla4j::Guarded("PJRT_Executable_Serialize", [&]() -> PJRT_Error* {
    XLA4J_ASSIGN_OR_RETURN(std::string bytes, args->executable->executable->SerializeExecutable());
    auto* out = new PJRT_SerializedExecutable{std::move(bytes)};
    args->serialized_bytes = out->bytes.data();
    args->serialized_bytes_size = out->bytes.size();
    args->serialized_executable = out;
    args->serialized_executable_deleter = [](PJRT_SerializedExecutable* s) { delete s; };
    return nullptr;
  });
}

PJRT_Error* Xla4j_PJRT_Executable_Fingerprint(PJRT_Executable_Fingerprint_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_Executable_Fingerprint);
  XLA4J_CHECK_HANDLE(PJRT_Executable_Fingerprint, executable);
  PJRT_Executable* e = args->executable;
  std::call_once(e->fingerprint_once, [e] { e->fingerprint = e->executable->FingerprintExecutable(); });
  if (!e->fingerprint.ok()) return ToError(e->fingerprint.status());
  args->executable_fingerprint = e->fingerprint->data();
  args->executable_fingerprint_size = e->fingerprint->size();
  return nullptr;
}

PJRT_Error* Xla4j_PJRT_Executable_GetCompiledMemoryStats(
    PJRT_Executable_GetCompiledMemoryStats_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_Executable_GetCompiledMemoryStats);
  XLA4J_CHECK_HANDLE(PJRT_Executable_GetCompiledMemoryStats, executable);
  return xla4j::Guarded("PJRT_Executable_GetCompiledMemoryStats", [&]() -> PJRT_Error* {
    XLA4J_ASSIGN_OR_RETURN(xla::CompiledMemoryStats stats,
                           args->executable->executable->GetCompiledMemoryStats());
    args->generated_code_size_in_bytes = stats.generated_code_size_in_bytes;
    args->argument_size_in_bytes = stats.argument_size_in_bytes;
    args->output_size_in_bytes = stats.output_size_in_bytes;
    args->alias_size_in_bytes = stats.alias_size_in_bytes;
    args->temp_size_in_bytes = stats.temp_size_in_bytes;
    args->host_generated_code_size_in_bytes = stats.host_generated_code_size_in_bytes;
    args->host_argument_size_in_bytes = stats.host_argument_size_in_bytes;
    args->host_output_size_in_bytes = stats.host_output_size_in_bytes;
    args->host_alias_size_in_bytes = stats.host_alias_size_in_bytes;
    args->host_temp_size_in_bytes = stats.host_temp_size_in_bytes;
    args->peak_memory_in_bytes = stats.peak_memory_in_bytes;
    args->total_size_in_bytes = stats.total_size_in_bytes;
    return nullptr;
  });
}

PJRT_Error* Xla4j_PJRT_Executable_GetCompileOptions(PJRT_Executable_GetCompileOptions_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_Executable_GetCompileOptions);
  XLA4J_CHECK_HANDLE(PJRT_Executable_GetCompileOptions, executable);
  return xla4j::Guarded("PJRT_Executable_GetCompileOptions", [&]() -> PJRT_Error* {
    XLA4J_ASSIGN_OR_RETURN(xla::CompileOptions options,
                           args->executable->executable->GetCompileOptions());
    XLA4J_ASSIGN_OR_RETURN(xla::CompileOptionsProto proto, options.ToProto());
    auto* out = new PJRT_SerializedCompileOptions;
    if (!proto.SerializeToString(&out->bytes)) {
      delete out;
      return ToError(absl::InternalError("PJRT_Executable_GetCompileOptions: serialization failed"));
    }
    args->serialized_bytes = out->bytes.data();
    args->serialized_bytes_size = out->bytes.size();
    args->serialized_compile_options = out;
    args->serialized_compile_options_deleter = [](PJRT_SerializedCompileOptions* s) { delete s; };
    return nullptr;
  });
}

PJRT_Error* Xla4j_PJRT_Executable_DeserializeAndLoad(PJRT_Executable_DeserializeAndLoad_Args* args) {
  static constexpr char kFn[] = "PJRT_Executable_DeserializeAndLoad";
  XLA4J_CHECK_ARGS(PJRT_Executable_DeserializeAndLoad);
  XLA4J_CHECK_HANDLE(PJRT_Executable_DeserializeAndLoad, client);
  return xla4j::Guarded(kFn, [&]() -> PJRT_Error* {
    if (args->serialized_executable == nullptr || args->serialized_executable_size == 0) {
      return xla4j::InvalidArgument(kFn, "serialized_executable is empty");
    }
    std::optional<xla::CompileOptions> overridden;
    if (args->overridden_serialized_compile_options != nullptr &&
        args->overridden_serialized_compile_options_size > 0) {
      XLA4J_ASSIGN_OR_RETURN(overridden, xla4j::ParseCompileOptions(
                                             kFn, args->overridden_serialized_compile_options,
                                             args->overridden_serialized_compile_options_size));
    }
    absl::StatusOr<std::unique_ptr<xla::PjRtLoadedExecutable>> loaded =
        args->client->client->LoadSerializedExecutable(
            absl::string_view(args->serialized_executable, args->serialized_executable_size),
            std::move(overridden), xla::LoadOptions());
    if (!loaded.ok()) {
      // Bytes that are not an executable of this plugin are the caller's input, not an internal error.
      absl::StatusCode code = loaded.status().code() == absl::StatusCode::kInternal
                                  ? absl::StatusCode::kInvalidArgument
                                  : loaded.status().code();
      return ToError(absl::Status(code, absl::StrCat(kFn, ": ", loaded.status().message())));
    }
    auto* out = new PJRT_LoadedExecutable;
    out->executable = *std::move(loaded);
    out->client = args->client;
    for (xla::PjRtDevice* device : out->executable->addressable_devices()) {
      out->addressable_devices.push_back(xla4j::WrapDevice(args->client, device));
    }
    args->loaded_executable = out;
    return nullptr;
  });
}

// -------------------------------------- Loaded executables ----------------------------------

PJRT_Error* Xla4j_PJRT_LoadedExecutable_Destroy(PJRT_LoadedExecutable_Destroy_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_LoadedExecutable_Destroy);
  delete args->executable;
  return nullptr;
}

PJRT_Error* Xla4j_PJRT_LoadedExecutable_GetExecutable(
    PJRT_LoadedExecutable_GetExecutable_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_LoadedExecutable_GetExecutable);
  XLA4J_CHECK_HANDLE(PJRT_LoadedExecutable_GetExecutable, loaded_executable);
  // Shares ownership with the loaded executable, so either may be destroyed first.
  const std::shared_ptr<xla::PjRtLoadedExecutable>& loaded = args->loaded_executable->executable;
  args->executable = WrapExecutable(
      std::shared_ptr<xla::PjRtExecutable>(loaded, loaded->GetExecutable()),
      args->loaded_executable->client);
  return nullptr;
}

PJRT_Error* Xla4j_PJRT_LoadedExecutable_AddressableDevices(
    PJRT_LoadedExecutable_AddressableDevices_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_LoadedExecutable_AddressableDevices);
  XLA4J_CHECK_HANDLE(PJRT_LoadedExecutable_AddressableDevices, executable);
  args->addressable_devices = args->executable->addressable_devices.data();
  args->num_addressable_devices = args->executable->addressable_devices.size();
  return nullptr;
}

PJRT_Error* Xla4j_PJRT_LoadedExecutable_Delete(PJRT_LoadedExecutable_Delete_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_LoadedExecutable_Delete);
  XLA4J_CHECK_HANDLE(PJRT_LoadedExecutable_Delete, executable);
  args->executable->executable->Delete();
  args->executable->deleted = true;
  return nullptr;
}

PJRT_Error* Xla4j_PJRT_LoadedExecutable_IsDeleted(PJRT_LoadedExecutable_IsDeleted_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_LoadedExecutable_IsDeleted);
  XLA4J_CHECK_HANDLE(PJRT_LoadedExecutable_IsDeleted, executable);
  args->is_deleted = args->executable->deleted || args->executable->executable->IsDeleted();
  return nullptr;
}

PJRT_Error* Xla4j_PJRT_LoadedExecutable_Fingerprint(PJRT_LoadedExecutable_Fingerprint_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_LoadedExecutable_Fingerprint);
  XLA4J_CHECK_HANDLE(PJRT_LoadedExecutable_Fingerprint, executable);
  PJRT_LoadedExecutable* e = args->executable;
  std::call_once(e->fingerprint_once,
                 [e] { e->fingerprint = e->executable->GetExecutable()->FingerprintExecutable(); });
  if (!e->fingerprint.ok()) return ToError(e->fingerprint.status());
  args->executable_fingerprint = e->fingerprint->data();
  args->executable_fingerprint_size = e->fingerprint->size();
  return nullptr;
}

PJRT_Error* Xla4j_PJRT_LoadedExecutable_GetDeviceAssignment(
    PJRT_LoadedExecutable_GetDeviceAssignment_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_LoadedExecutable_GetDeviceAssignment);
  XLA4J_CHECK_HANDLE(PJRT_LoadedExecutable_GetDeviceAssignment, executable);
  return xla4j::Guarded("PJRT_LoadedExecutable_GetDeviceAssignment", [&]() -> PJRT_Error* {
    xla::DeviceAssignmentProto proto;
    args->executable->executable->device_assignment().Serialize(&proto);
    auto* out = new PJRT_DeviceAssignmentSerialized;
    if (!proto.SerializeToString(&out->bytes)) {
      delete out;
      return ToError(absl::InternalError(
          "PJRT_LoadedExecutable_GetDeviceAssignment: could not serialize the device assignment"));
    }
    args->serialized_bytes = out->bytes.data();
    args->serialized_bytes_size = out->bytes.size();
    args->serialized_device_assignment = out;
    args->serialized_device_assignment_deleter = [](PJRT_DeviceAssignmentSerialized* d) { delete d; };
    return nullptr;
  });
}

// Runs the executable. With execute_device set, runs on that one device (the executable's own
// device assignment if it includes it, else as a portable executable); otherwise runs on all
// addressable devices of the executable, one argument list per device, in the order of
// PJRT_LoadedExecutable_AddressableDevices.
PJRT_Error* Xla4j_PJRT_LoadedExecutable_Execute(PJRT_LoadedExecutable_Execute_Args* args) {
  static constexpr char kFn[] = "PJRT_LoadedExecutable_Execute";
  XLA4J_CHECK_ARGS(PJRT_LoadedExecutable_Execute);
  XLA4J_CHECK_HANDLE(PJRT_LoadedExecutable_Execute, executable);
  XLA4J_CHECK_HANDLE(PJRT_LoadedExecutable_Execute, options);
  XLA4J_CHECK_HANDLE(PJRT_LoadedExecutable_Execute, output_lists);
  return xla4j::Guarded(kFn, [&]() -> PJRT_Error* {
    const PJRT_ExecuteOptions* c_options = args->options;
    if (c_options->struct_size < PJRT_ExecuteOptions_STRUCT_SIZE) {
      return xla4j::InvalidArgument(
          kFn, absl::StrCat("options->struct_size is ", c_options->struct_size,
                            " but must be at least ", PJRT_ExecuteOptions_STRUCT_SIZE));
    }
    if (c_options->num_send_ops > 0 || c_options->num_recv_ops > 0) {
      return ToError(absl::UnimplementedError(
          absl::StrCat(kFn, ": send/recv callbacks are not supported by this plugin")));
    }
    if (c_options->context != nullptr) {
      return ToError(absl::UnimplementedError(
          absl::StrCat(kFn, ": an execute context is not supported by this plugin")));
    }
    PJRT_LoadedExecutable* e = args->executable;
    size_t expected_devices = args->execute_device != nullptr ? 1 : e->addressable_devices.size();
    if (args->num_devices != expected_devices) {
      return xla4j::InvalidArgument(
          kFn, absl::StrCat("num_devices is ", args->num_devices, " but the executable runs on ",
                            expected_devices, args->execute_device != nullptr
                                                  ? " device when execute_device is set"
                                                  : " addressable devices"));
    }
    if (args->num_args > 0 && args->argument_lists == nullptr) {
      return xla4j::InvalidArgument(kFn, "argument_lists is NULL");
    }
    if (c_options->num_non_donatable_input_indices > 0 && c_options->non_donatable_input_indices == nullptr) {
      return xla4j::InvalidArgument(kFn, "options->non_donatable_input_indices is NULL");
    }
    if (e->deleted) {
      return ToError(absl::FailedPreconditionError(absl::StrCat(
          kFn, ": the executable was deleted (PJRT_LoadedExecutable_Delete)")));
    }
    xla::ExecuteOptions options;
    options.launch_id = c_options->launch_id;
    for (size_t i = 0; i < c_options->num_non_donatable_input_indices; ++i) {
      options.non_donatable_input_indices.insert(
          static_cast<int>(c_options->non_donatable_input_indices[i]));
    }
    if (c_options->call_location != nullptr) options.call_location = c_options->call_location;

    std::vector<std::vector<xla::PjRtBuffer*>> arguments(args->num_devices);
    for (size_t d = 0; d < args->num_devices; ++d) {
      if (args->num_args > 0 && args->argument_lists[d] == nullptr) {
        return xla4j::InvalidArgument(kFn, absl::StrCat("argument_lists[", d, "] is NULL"));
      }
      arguments[d].reserve(args->num_args);
      for (size_t a = 0; a < args->num_args; ++a) {
        PJRT_Buffer* buffer = args->argument_lists[d][a];
        if (buffer == nullptr) {
          return xla4j::InvalidArgument(kFn, absl::StrCat("argument ", a, " for device ", d, " is NULL"));
        }
        arguments[d].push_back(buffer->buffer.get());
      }
      if (args->output_lists[d] == nullptr) {
        return xla4j::InvalidArgument(kFn, absl::StrCat("output_lists[", d, "] is NULL"));
      }
    }

    if (absl::Status s = CheckArguments(e, arguments); !s.ok()) return ToError(s);

    std::vector<std::vector<std::unique_ptr<xla::PjRtBuffer>>> results;
    std::vector<xla::Future<>> futures;
    if (args->execute_device != nullptr) {
      xla::PjRtDevice* device = args->execute_device->device;
      bool assigned = std::find(e->addressable_devices.begin(), e->addressable_devices.end(),
                                args->execute_device) != e->addressable_devices.end();
      std::optional<xla::Future<>> future;
      absl::StatusOr<std::vector<std::unique_ptr<xla::PjRtBuffer>>> result =
          assigned ? e->executable->ExecuteSharded(arguments[0], device, options, future,
                                                   /*fill_future=*/true)
                   : e->executable->ExecutePortable(arguments[0], device, options, future,
                                                    /*fill_future=*/true);
      if (!result.ok()) return ToError(result.status());
      results.push_back(*std::move(result));
      futures.push_back(future.has_value() ? *std::move(future) : xla::Future<>(absl::OkStatus()));
    } else {
      std::optional<std::vector<xla::Future<>>> returned;
      if (args->device_complete_events != nullptr) returned.emplace();
      XLA4J_ASSIGN_OR_RETURN(results, e->executable->Execute(arguments, options, returned));
      if (returned.has_value()) futures = *std::move(returned);
    }
    for (size_t d = 0; d < results.size(); ++d) {
      for (size_t i = 0; i < results[d].size(); ++i) {
        args->output_lists[d][i] = xla4j::WrapBuffer(e->client, std::move(results[d][i]));
      }
    }
    if (args->device_complete_events != nullptr) {
      for (size_t d = 0; d < results.size(); ++d) {
        args->device_complete_events[d] = xla4j::ToEvent(
            d < futures.size() ? std::move(futures[d]) : xla::Future<>(absl::OkStatus()));
      }
    }
    return nullptr;
  });
}
