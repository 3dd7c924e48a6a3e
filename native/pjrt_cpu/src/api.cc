// The PJRT_Api table of xla4j's CPU plugin, its only exported symbol GetPjrtApi, and the
// entry points that need no client: errors, plugin attributes, events.
#include "internal.h"

#include <cstdlib>

#include "absl/log/globals.h"

namespace xla4j {

PJRT_Error_Code ToCode(absl::StatusCode code) {
  // absl::StatusCode and PJRT_Error_Code share the values of google.rpc.Code.
  return static_cast<PJRT_Error_Code>(static_cast<int>(code));
}

absl::StatusCode FromCode(PJRT_Error_Code code) {
  return static_cast<absl::StatusCode>(static_cast<int>(code));
}

PJRT_Buffer_Type ToBufferType(xla::PrimitiveType type) {
  switch (type) {
    case xla::PRED: return PJRT_Buffer_Type_PRED;
    case xla::S2: return PJRT_Buffer_Type_S2;
    case xla::S4: return PJRT_Buffer_Type_S4;
    case xla::S8: return PJRT_Buffer_Type_S8;
    case xla::S16: return PJRT_Buffer_Type_S16;
    case xla::S32: return PJRT_Buffer_Type_S32;
    case xla::S64: return PJRT_Buffer_Type_S64;
    case xla::U2: return PJRT_Buffer_Type_U2;
    case xla::U4: return PJRT_Buffer_Type_U4;
    case xla::U8: return PJRT_Buffer_Type_U8;
    case xla::U16: return PJRT_Buffer_Type_U16;
    case xla::U32: return PJRT_Buffer_Type_U32;
    case xla::U64: return PJRT_Buffer_Type_U64;
    case xla::F16: return PJRT_Buffer_Type_F16;
    case xla::F32: return PJRT_Buffer_Type_F32;
    case xla::F64: return PJRT_Buffer_Type_F64;
    case xla::BF16: return PJRT_Buffer_Type_BF16;
    case xla::C64: return PJRT_Buffer_Type_C64;
    case xla::C128: return PJRT_Buffer_Type_C128;
    case xla::F8E5M2: return PJRT_Buffer_Type_F8E5M2;
    case xla::F8E4M3FN: return PJRT_Buffer_Type_F8E4M3FN;
    case xla::F8E4M3B11FNUZ: return PJRT_Buffer_Type_F8E4M3B11FNUZ;
    case xla::F8E5M2FNUZ: return PJRT_Buffer_Type_F8E5M2FNUZ;
    case xla::F8E4M3FNUZ: return PJRT_Buffer_Type_F8E4M3FNUZ;
    case xla::F8E4M3: return PJRT_Buffer_Type_F8E4M3;
    case xla::F8E3M4: return PJRT_Buffer_Type_F8E3M4;
    case xla::F8E8M0FNU: return PJRT_Buffer_Type_F8E8M0FNU;
    case xla::F4E2M1FN: return PJRT_Buffer_Type_F4E2M1FN;
    case xla::TOKEN: return PJRT_Buffer_Type_TOKEN;
    default: return PJRT_Buffer_Type_INVALID;
  }
}

absl::StatusOr<xla::PrimitiveType> FromBufferType(const char* fn, PJRT_Buffer_Type type) {
  switch (type) {
    case PJRT_Buffer_Type_PRED: return xla::PRED;
    case PJRT_Buffer_Type_S2: return xla::S2;
    case PJRT_Buffer_Type_S4: return xla::S4;
    case PJRT_Buffer_Type_S8: return xla::S8;
    case PJRT_Buffer_Type_S16: return xla::S16;
    case PJRT_Buffer_Type_S32: return xla::S32;
    case PJRT_Buffer_Type_S64: return xla::S64;
    case PJRT_Buffer_Type_U2: return xla::U2;
    case PJRT_Buffer_Type_U4: return xla::U4;
    case PJRT_Buffer_Type_U8: return xla::U8;
    case PJRT_Buffer_Type_U16: return xla::U16;
    case PJRT_Buffer_Type_U32: return xla::U32;
    case PJRT_Buffer_Type_U64: return xla::U64;
    case PJRT_Buffer_Type_F16: return xla::F16;
    case PJRT_Buffer_Type_F32: return xla::F32;
    case PJRT_Buffer_Type_F64: return xla::F64;
    case PJRT_Buffer_Type_BF16: return xla::BF16;
    case PJRT_Buffer_Type_C64: return xla::C64;
    case PJRT_Buffer_Type_C128: return xla::C128;
    case PJRT_Buffer_Type_F8E5M2: return xla::F8E5M2;
    case PJRT_Buffer_Type_F8E4M3FN: return xla::F8E4M3FN;
    case PJRT_Buffer_Type_F8E4M3B11FNUZ: return xla::F8E4M3B11FNUZ;
    case PJRT_Buffer_Type_F8E5M2FNUZ: return xla::F8E5M2FNUZ;
    case PJRT_Buffer_Type_F8E4M3FNUZ: return xla::F8E4M3FNUZ;
    case PJRT_Buffer_Type_F8E4M3: return xla::F8E4M3;
    case PJRT_Buffer_Type_F8E3M4: return xla::F8E3M4;
    case PJRT_Buffer_Type_F8E8M0FNU: return xla::F8E8M0FNU;
    case PJRT_Buffer_Type_F4E2M1FN: return xla::F4E2M1FN;
    default:
      return absl::InvalidArgumentError(absl::StrCat(
          fn, ": unsupported PJRT_Buffer_Type ", static_cast<int>(type)));
  }
}

std::vector<PJRT_NamedValue> ToNamedValues(
    const absl::flat_hash_map<std::string, xla::PjRtValueType>& values) {
  std::vector<PJRT_NamedValue> out;
  out.reserve(values.size());
  for (const auto& [name, value] : values) {
    PJRT_NamedValue nv{};
    nv.struct_size = PJRT_NamedValue_STRUCT_SIZE;
    nv.name = name.data();
    nv.name_size = name.size();
    if (const auto* s = std::get_if<std::string>(&value)) {
      nv.type = PJRT_NamedValue_kString;
      nv.string_value = s->c_str();
      nv.value_size = s->size();
    } else if (const auto* b = std::get_if<bool>(&value)) {
      nv.type = PJRT_NamedValue_kBool;
      nv.bool_value = *b;
      nv.value_size = 1;
    } else if (const auto* i = std::get_if<int64_t>(&value)) {
      nv.type = PJRT_NamedValue_kInt64;
      nv.int64_value = *i;
      nv.value_size = 1;
    } else if (const auto* v = std::get_if<std::vector<int64_t>>(&value)) {
      nv.type = PJRT_NamedValue_kInt64List;
      nv.int64_array_value = v->data();
      nv.value_size = v->size();
    } else if (const auto* f = std::get_if<float>(&value)) {
      nv.type = PJRT_NamedValue_kFloat;
      nv.float_value = *f;
      nv.value_size = 1;
    }
    out.push_back(nv);
  }
  return out;
}

}  // namespace xla4j

// ------------------------------------------ Errors ------------------------------------------

static void Xla4j_PJRT_Error_Destroy(PJRT_Error_Destroy_Args* args) {
  if (args == nullptr || args->struct_size < PJRT_Error_Destroy_Args_STRUCT_SIZE) return;
  delete args->error;
}

static void Xla4j_PJRT_Error_Message(PJRT_Error_Message_Args* args) {
  if (args == nullptr || args->struct_size < PJRT_Error_Message_Args_STRUCT_SIZE) return;
  if (args->error == nullptr) {
    args->message = "";
    args->message_size = 0;
    return;
  }
  absl::string_view message = args->error->status.message();
  args->message = message.data();
  args->message_size = message.size();
}

static PJRT_Error* Xla4j_PJRT_Error_GetCode(PJRT_Error_GetCode_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_Error_GetCode);
  XLA4J_CHECK_HANDLE(PJRT_Error_GetCode, error);
  args->code = xla4j::ToCode(args->error->status.code());
  return nullptr;
}

// ------------------------------------------ Plugin ------------------------------------------

PJRT_Error* Xla4j_PJRT_Plugin_Initialize(PJRT_Plugin_Initialize_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_Plugin_Initialize);
  return nullptr;
}

PJRT_Error* Xla4j_PJRT_Plugin_Attributes(PJRT_Plugin_Attributes_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_Plugin_Attributes);
  static const auto* values = new absl::flat_hash_map<std::string, xla::PjRtValueType>{
      // Same meaning as in XLA's own plugins: the version of the XLA PJRT C++ API behind it.
      {"xla_version", int64_t{2}},
      {"xla4j_plugin", std::string("xla4j XLA:CPU PJRT plugin over tensorflow-cpu 2.21.0")},
      {"supports_cpu_device_count", true},
      // The StableHLO versions the bundled XLA reads (from its Version.h, see CMakeLists.txt).
      {"stablehlo_current_version", std::vector<int64_t>{XLA4J_STABLEHLO_CURRENT_VERSION}},
      {"stablehlo_minimum_version", std::vector<int64_t>{XLA4J_STABLEHLO_MINIMUM_VERSION}},
  };
  static const auto* attributes = new std::vector<PJRT_NamedValue>(xla4j::ToNamedValues(*values));
  args->attributes = attributes->data();
  args->num_attributes = attributes->size();
  return nullptr;
}

// ------------------------------------------ Events ------------------------------------------

PJRT_Error* Xla4j_PJRT_Event_Destroy(PJRT_Event_Destroy_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_Event_Destroy);
  delete args->event;
  return nullptr;
}

PJRT_Error* Xla4j_PJRT_Event_IsReady(PJRT_Event_IsReady_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_Event_IsReady);
  XLA4J_CHECK_HANDLE(PJRT_Event_IsReady, event);
  args->is_ready = args->event->future.IsReady();
  return nullptr;
}

// The event's error. The C API allows this only once the event is ready; an event that is
// not ready yet is awaited rather than misreported.
PJRT_Error* Xla4j_PJRT_Event_Error(PJRT_Event_Error_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_Event_Error);
  XLA4J_CHECK_HANDLE(PJRT_Event_Error, event);
  return xla4j::ToError(args->event->future.Await());
}

PJRT_Error* Xla4j_PJRT_Event_Await(PJRT_Event_Await_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_Event_Await);
  XLA4J_CHECK_HANDLE(PJRT_Event_Await, event);
  return xla4j::ToError(args->event->future.Await());
}

PJRT_Error* Xla4j_PJRT_Event_OnReady(PJRT_Event_OnReady_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_Event_OnReady);
  XLA4J_CHECK_HANDLE(PJRT_Event_OnReady, event);
  if (args->callback == nullptr) return xla4j::InvalidArgument("PJRT_Event_OnReady", "callback is NULL");
  PJRT_Event_OnReadyCallback callback = args->callback;
  void* user_arg = args->user_arg;
  // The callback owns the error it is given (it must call PJRT_Error_Destroy).
  args->event->future.OnReady([callback, user_arg](absl::Status status) {
    callback(xla4j::ToError(std::move(status)), user_arg);
  });
  return nullptr;
}

PJRT_Error* Xla4j_PJRT_Event_Create(PJRT_Event_Create_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_Event_Create);
  auto [promise, future] = xla::MakePromise<>();
  auto* event = new PJRT_Event;
  event->future = std::move(future);
  event->promise.emplace(std::move(promise));
  args->event = event;
  return nullptr;
}

PJRT_Error* Xla4j_PJRT_Event_Set(PJRT_Event_Set_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_Event_Set);
  XLA4J_CHECK_HANDLE(PJRT_Event_Set, event);
  PJRT_Event* event = args->event;
  std::lock_guard<std::mutex> lock(event->set_mu);
  if (!event->promise.has_value()) {
    return xla4j::ToError(absl::FailedPreconditionError(
        "PJRT_Event_Set: the event was not made by PJRT_Event_Create, or was already set"));
  }
  absl::Status status = absl::OkStatus();
  if (args->error_code != PJRT_Error_Code_OK) {
    status = absl::Status(xla4j::FromCode(args->error_code),
                          absl::string_view(args->error_message == nullptr ? "" : args->error_message,
                                            args->error_message == nullptr ? 0 : args->error_message_size));
  }
  xla::Promise<> promise = std::move(*event->promise);
  event->promise.reset();
  promise.Set(std::move(status));
  return nullptr;
}

// ------------------------------------- Not implemented --------------------------------------
// Every slot of the table holds a function: entry points this plugin does not offer answer
// UNIMPLEMENTED with their name instead of being NULL (a NULL slot crashes the caller).

#define XLA4J_UNIMPLEMENTED(Name)                                                        \
  static PJRT_Error* Xla4j_##Name(Name##_Args* args) {                                   \
    return xla4j::ToError(absl::UnimplementedError(                                      \
        #Name " is not implemented by the xla4j XLA:CPU PJRT plugin"));                  \
  }
#define XLA4J_UNIMPLEMENTED_ENTRY_POINTS(X)                                                \
  X(PJRT_Client_CreateViewOfDeviceBuffer) X(PJRT_Client_CreateBuffersForAsyncHostToDevice) \
  X(PJRT_Client_DmaMap) X(PJRT_Client_DmaUnmap) X(PJRT_Client_UpdateGlobalProcessInfo)      \
  X(PJRT_Client_CreateAliasBuffer) X(PJRT_Client_FulfillAliasBuffer)                        \
  X(PJRT_CopyToDeviceStream_Destroy) X(PJRT_CopyToDeviceStream_AddChunk)                    \
  X(PJRT_CopyToDeviceStream_TotalBytes) X(PJRT_CopyToDeviceStream_GranuleSize)              \
  X(PJRT_CopyToDeviceStream_CurrentBytes)                                                   \
  X(PJRT_TopologyDescription_Create) X(PJRT_TopologyDescription_Deserialize)                \
  X(PJRT_ExecuteContext_Create) X(PJRT_ExecuteContext_Destroy)                              \
  X(PJRT_AsyncHostToDeviceTransferManager_Destroy)                                          \
  X(PJRT_AsyncHostToDeviceTransferManager_TransferData)                                     \
  X(PJRT_AsyncHostToDeviceTransferManager_RetrieveBuffer)                                   \
  X(PJRT_AsyncHostToDeviceTransferManager_Device)                                           \
  X(PJRT_AsyncHostToDeviceTransferManager_BufferCount)                                      \
  X(PJRT_AsyncHostToDeviceTransferManager_BufferSize)                                       \
  X(PJRT_AsyncHostToDeviceTransferManager_SetBufferError)                                   \
  X(PJRT_AsyncHostToDeviceTransferManager_AddMetadata)                                      \
  X(PJRT_AsyncHostToDeviceTransferManager_TransferLiteral)                                  \
  X(PJRT_Buffer_CopyRawToHostFuture) X(PJRT_Buffer_DonateWithControlDependency)             \
  X(PJRT_Device_PoisonExecution) X(PJRT_Device_CreateAsyncTrackingEvent)                    \
  X(PJRT_AsyncTrackingEvent_Destroy)
XLA4J_UNIMPLEMENTED_ENTRY_POINTS(XLA4J_UNIMPLEMENTED)

// -------------------------------------------- Table -----------------------------------------

static PJRT_Api MakeApi() {
  PJRT_Api api{};
  api.struct_size = PJRT_Api_STRUCT_SIZE;
  api.extension_start = nullptr;
  api.pjrt_api_version.struct_size = PJRT_Api_Version_STRUCT_SIZE;
  api.pjrt_api_version.extension_start = nullptr;
  api.pjrt_api_version.major_version = PJRT_API_MAJOR;
  api.pjrt_api_version.minor_version = PJRT_API_MINOR;
  api.PJRT_Error_Destroy = Xla4j_PJRT_Error_Destroy;
  api.PJRT_Error_Message = Xla4j_PJRT_Error_Message;
  api.PJRT_Error_GetCode = Xla4j_PJRT_Error_GetCode;
#define XLA4J_SET(Name) api.Name = Xla4j_##Name;
  XLA4J_ENTRY_POINTS(XLA4J_SET)
  XLA4J_UNIMPLEMENTED_ENTRY_POINTS(XLA4J_SET)
#undef XLA4J_SET
  return api;
}

// TensorFlow's documented log knob, TF_CPP_MIN_LOG_LEVEL (0 all, 1 no INFO, 2 no WARNING, 3 no
// ERROR), which the wheel's absl-based logging no longer applies by itself: XLA's own messages
// (e.g. cpu_aot_loader's machine-feature lines when an executable is deserialized) go to stderr
// unless the plugin sets absl's minimum level. Unset or invalid leaves absl's default (everything).
static void ApplyMinLogLevelFromEnv() {
  const char* value = std::getenv("TF_CPP_MIN_LOG_LEVEL");
  if (value == nullptr || value[0] < '0' || value[0] > '3' || value[1] != '\0') {
    return;
  }
  absl::SetMinLogLevel(static_cast<absl::LogSeverityAtLeast>(value[0] - '0'));
}

extern "C" __attribute__((visibility("default"))) const PJRT_Api* GetPjrtApi() {
  static const PJRT_Api api = [] {
    ApplyMinLogLevelFromEnv();
    return MakeApi();
  }();
  return &api;
}
