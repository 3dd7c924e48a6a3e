// Smoke test of libxla4j_pjrt_cpu.so through the PJRT C API only, as any PJRT host uses it:
// dlopen, GetPjrtApi, create a 2-device client, compile and run a dot_general on 1 device and
// as 2-way SPMD programs (Shardy and GSPMD annotations), check the numbers, serialize and
// reload, and check that bad input gives errors (with XLA's parser text), never a crash.
//
// usage: pjrt_cpu_smoke_test path/to/libxla4j_pjrt_cpu.so path/to/test/data
#include <dlfcn.h>

#include <atomic>
#include <fstream>
#include <sstream>
#include <thread>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "xla/pjrt/c/pjrt_c_api.h"

namespace {

const PJRT_Api* api = nullptr;
int failures = 0;

#define EXPECT(cond, ...)                                        \
  do {                                                           \
    if (!(cond)) {                                               \
      std::fprintf(stderr, "FAIL %s:%d: %s: ", __FILE__, __LINE__, #cond); \
      std::fprintf(stderr, __VA_ARGS__);                         \
      std::fprintf(stderr, "\n");                                \
      ++failures;                                                \
    }                                                            \
  } while (0)

std::string Message(PJRT_Error* error) {
  PJRT_Error_Message_Args args{};
  args.struct_size = PJRT_Error_Message_Args_STRUCT_SIZE;
  args.error = error;
  api->PJRT_Error_Message(&args);
  return std::string(args.message, args.message_size);
}

PJRT_Error_Code Code(PJRT_Error* error) {
  PJRT_Error_GetCode_Args args{};
  args.struct_size = PJRT_Error_GetCode_Args_STRUCT_SIZE;
  args.error = error;
  PJRT_Error* e = api->PJRT_Error_GetCode(&args);
  if (e != nullptr) return PJRT_Error_Code_UNKNOWN;
  return args.code;
}

void Destroy(PJRT_Error* error) {
  PJRT_Error_Destroy_Args args{};
  args.struct_size = PJRT_Error_Destroy_Args_STRUCT_SIZE;
  args.error = error;
  api->PJRT_Error_Destroy(&args);
}

// Aborts the test on an unexpected error, printing XLA's message.
void Check(PJRT_Error* error, const char* what) {
  if (error == nullptr) return;
  std::fprintf(stderr, "FAIL: %s: %s\n", what, Message(error).c_str());
  std::exit(1);
}

// The message of an expected error (and frees it); "" with a failure if there was none.
std::string ExpectError(PJRT_Error* error, const char* what) {
  if (error == nullptr) {
    std::fprintf(stderr, "FAIL: %s: expected an error, got success\n", what);
    ++failures;
    return "";
  }
  std::string message = Message(error);
  Destroy(error);
  std::printf("  expected error (%s): %.160s\n", what, message.c_str());
  return message;
}

void Await(PJRT_Event* event) {
  PJRT_Event_Await_Args args{};
  args.struct_size = PJRT_Event_Await_Args_STRUCT_SIZE;
  args.event = event;
  Check(api->PJRT_Event_Await(&args), "PJRT_Event_Await");
  PJRT_Event_Destroy_Args d{};
  d.struct_size = PJRT_Event_Destroy_Args_STRUCT_SIZE;
  d.event = event;
  Check(api->PJRT_Event_Destroy(&d), "PJRT_Event_Destroy");
}

// --- a minimal protobuf writer for xla.CompileOptionsProto (varint fields only) ---
void Varint(std::string& out, uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>(v | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}
void VarintField(std::string& out, int field, uint64_t v) {
  Varint(out, static_cast<uint64_t>(field) << 3);
  Varint(out, v);
}
// CompileOptionsProto{executable_build_options(3){num_replicas(4)=1, num_partitions(5)=n,
// use_spmd_partitioning(6), use_shardy_partitioner(19)}}; field numbers as in XLA's protos.
std::string CompileOptions(int partitions, bool shardy) {
  std::string build;
  VarintField(build, 4, 1);
  VarintField(build, 5, partitions);
  if (partitions > 1) VarintField(build, 6, 1);
  if (shardy) VarintField(build, 19, 1);
  std::string options;
  Varint(options, (3 << 3) | 2);
  Varint(options, build.size());
  options += build;
  return options;
}

PJRT_Client* CreateClient(int devices) {
  PJRT_NamedValue option{};
  option.struct_size = PJRT_NamedValue_STRUCT_SIZE;
  option.name = "cpu_device_count";
  option.name_size = std::strlen(option.name);
  option.type = PJRT_NamedValue_kInt64;
  option.int64_value = devices;
  option.value_size = 1;
  PJRT_Client_Create_Args args{};
  args.struct_size = PJRT_Client_Create_Args_STRUCT_SIZE;
  args.create_options = &option;
  args.num_options = 1;
  Check(api->PJRT_Client_Create(&args), "PJRT_Client_Create");
  return args.client;
}

PJRT_Error* Compile(PJRT_Client* client, const std::string& mlir, const std::string& options,
                    PJRT_LoadedExecutable** out) {
  PJRT_Program program{};
  program.struct_size = PJRT_Program_STRUCT_SIZE;
  program.code = const_cast<char*>(mlir.data());
  program.code_size = mlir.size();
  program.format = "mlir";
  program.format_size = 4;
  PJRT_Client_Compile_Args args{};
  args.struct_size = PJRT_Client_Compile_Args_STRUCT_SIZE;
  args.client = client;
  args.program = &program;
  args.compile_options = options.data();
  args.compile_options_size = options.size();
  PJRT_Error* error = api->PJRT_Client_Compile(&args);
  *out = args.executable;
  return error;
}

// Arguments of BufferFromHostBuffer for an f32 array of `dims` at `data` on `device`.
PJRT_Client_BufferFromHostBuffer_Args HostBufferArgs(PJRT_Client* client, PJRT_Device* device,
                                                     const float* data, const int64_t* dims,
                                                     size_t num_dims,
                                                     PJRT_HostBufferSemantics semantics) {
  PJRT_Client_BufferFromHostBuffer_Args args{};
  args.struct_size = PJRT_Client_BufferFromHostBuffer_Args_STRUCT_SIZE;
  args.client = client;
  args.data = data;
  args.type = PJRT_Buffer_Type_F32;
  args.dims = dims;
  args.num_dims = num_dims;
  args.host_buffer_semantics = semantics;
  args.device = device;
  return args;
}

PJRT_Buffer* ToDevice(PJRT_Client* client, PJRT_Device* device, const std::vector<float>& data,
                      std::vector<int64_t> dims) {
  PJRT_Client_BufferFromHostBuffer_Args args =
      HostBufferArgs(client, device, data.data(), dims.data(), dims.size(),
                     PJRT_HostBufferSemantics_kImmutableUntilTransferCompletes);
  Check(api->PJRT_Client_BufferFromHostBuffer(&args), "PJRT_Client_BufferFromHostBuffer");
  Await(args.done_with_host_buffer);
  return args.buffer;
}

std::vector<float> ToHost(PJRT_Buffer* buffer) {
  PJRT_Buffer_ToHostBuffer_Args args{};
  args.struct_size = PJRT_Buffer_ToHostBuffer_Args_STRUCT_SIZE;
  args.src = buffer;
  Check(api->PJRT_Buffer_ToHostBuffer(&args), "PJRT_Buffer_ToHostBuffer (size)");
  std::vector<float> out(args.dst_size / sizeof(float));
  args.dst = out.data();
  Check(api->PJRT_Buffer_ToHostBuffer(&args), "PJRT_Buffer_ToHostBuffer");
  Await(args.event);
  return out;
}

void DestroyBuffer(PJRT_Buffer* buffer) {
  PJRT_Buffer_Destroy_Args args{};
  args.struct_size = PJRT_Buffer_Destroy_Args_STRUCT_SIZE;
  args.buffer = buffer;
  Check(api->PJRT_Buffer_Destroy(&args), "PJRT_Buffer_Destroy");
}

void DestroyExecutable(PJRT_LoadedExecutable* executable) {
  PJRT_LoadedExecutable_Destroy_Args args{};
  args.struct_size = PJRT_LoadedExecutable_Destroy_Args_STRUCT_SIZE;
  args.executable = executable;
  Check(api->PJRT_LoadedExecutable_Destroy(&args), "PJRT_LoadedExecutable_Destroy");
}

std::vector<PJRT_Device*> AddressableDevices(PJRT_LoadedExecutable* executable) {
  PJRT_LoadedExecutable_AddressableDevices_Args args{};
  args.struct_size = PJRT_LoadedExecutable_AddressableDevices_Args_STRUCT_SIZE;
  args.executable = executable;
  Check(api->PJRT_LoadedExecutable_AddressableDevices(&args), "AddressableDevices");
  return std::vector<PJRT_Device*>(args.addressable_devices,
                                   args.addressable_devices + args.num_addressable_devices);
}

// Runs `executable` on its addressable devices with per-device arguments; fills each device's
// single output, read back to the host, into `results`. Returns Execute's error, if any.
PJRT_Error* TryRun(PJRT_Client* client, PJRT_LoadedExecutable* executable,
                   const std::vector<std::vector<std::vector<float>>>& inputs,
                   const std::vector<std::vector<int64_t>>& dims,
                   std::vector<std::vector<float>>* results) {
  std::vector<PJRT_Device*> devices = AddressableDevices(executable);
  EXPECT(devices.size() == inputs.size(), "executable has %zu devices, test gives %zu",
         devices.size(), inputs.size());
  size_t n = devices.size();
  std::vector<std::vector<PJRT_Buffer*>> args(n);
  std::vector<PJRT_Buffer* const*> arg_lists(n);
  std::vector<std::vector<PJRT_Buffer*>> outs(n, std::vector<PJRT_Buffer*>(1));
  std::vector<PJRT_Buffer**> out_lists(n);
  for (size_t d = 0; d < n; ++d) {
    for (size_t a = 0; a < inputs[d].size(); ++a) {
      args[d].push_back(ToDevice(client, devices[d], inputs[d][a], dims[a]));
    }
    arg_lists[d] = args[d].data();
    out_lists[d] = outs[d].data();
  }
  std::vector<PJRT_Event*> events(n);
  PJRT_ExecuteOptions options{};
  options.struct_size = PJRT_ExecuteOptions_STRUCT_SIZE;
  PJRT_LoadedExecutable_Execute_Args ex{};
  ex.struct_size = PJRT_LoadedExecutable_Execute_Args_STRUCT_SIZE;
  ex.executable = executable;
  ex.options = &options;
  ex.argument_lists = arg_lists.data();
  ex.num_devices = n;
  ex.num_args = inputs[0].size();
  ex.output_lists = out_lists.data();
  ex.device_complete_events = events.data();
  PJRT_Error* error = api->PJRT_LoadedExecutable_Execute(&ex);
  for (size_t d = 0; d < n; ++d) {
    if (error == nullptr) {
      Await(events[d]);
      results->push_back(ToHost(outs[d][0]));
      DestroyBuffer(outs[d][0]);
    }
    for (PJRT_Buffer* b : args[d]) DestroyBuffer(b);
  }
  return error;
}

std::vector<std::vector<float>> Run(PJRT_Client* client, PJRT_LoadedExecutable* executable,
                                    const std::vector<std::vector<std::vector<float>>>& inputs,
                                    const std::vector<std::vector<int64_t>>& dims) {
  std::vector<std::vector<float>> results;
  Check(TryRun(client, executable, inputs, dims, &results), "PJRT_LoadedExecutable_Execute");
  return results;
}

bool Near(const std::vector<float>& got, const std::vector<float>& want) {
  if (got.size() != want.size()) return false;
  for (size_t i = 0; i < got.size(); ++i) {
    if (std::fabs(got[i] - want[i]) > 1e-4f * std::fabs(want[i]) + 1e-5f) return false;
  }
  return true;
}

std::string Str(const std::vector<float>& v) {
  std::string s = "[";
  for (size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + std::to_string(v[i]);
  return s + "]";
}

// (2x4) . (4x2) in f32; A = 1..8 row-major, B = 1..8 row-major.
const std::vector<float> kA = {1, 2, 3, 4, 5, 6, 7, 8};
const std::vector<float> kB = {1, 2, 3, 4, 5, 6, 7, 8};
// A.B by hand: row 0 = [1+6+15+28, 2+8+18+32], row 1 = [5+18+35+56, 10+24+42+64].
const std::vector<float> kAB = {50, 60, 114, 140};

const char kDotMlir[] = R"(
module @dot attributes {mhlo.num_partitions = 1 : i32, mhlo.num_replicas = 1 : i32} {
  func.func public @main(%arg0: tensor<2x4xf32>, %arg1: tensor<4x2xf32>) -> (tensor<2x2xf32>) {
    %0 = stablehlo.dot_general %arg0, %arg1, contracting_dims = [1] x [0] : (tensor<2x4xf32>, tensor<4x2xf32>) -> tensor<2x2xf32>
    return %0 : tensor<2x2xf32>
  }
}
)";

// Shardy: the contracting dimension is split over 2 devices, so each device computes a partial
// product and XLA must insert an all-reduce; the result is replicated.
const char kShardyMlir[] = R"(
module @dot_shardy attributes {mhlo.num_partitions = 2 : i32, mhlo.num_replicas = 1 : i32} {
  sdy.mesh @mesh = <["x"=2]>
  func.func public @main(%arg0: tensor<2x4xf32> {sdy.sharding = #sdy.sharding<@mesh, [{}, {"x"}]>},
                         %arg1: tensor<4x2xf32> {sdy.sharding = #sdy.sharding<@mesh, [{"x"}, {}]>})
      -> (tensor<2x2xf32> {sdy.sharding = #sdy.sharding<@mesh, [{}, {}]>}) {
    %0 = stablehlo.dot_general %arg0, %arg1, contracting_dims = [1] x [0] : (tensor<2x4xf32>, tensor<4x2xf32>) -> tensor<2x2xf32>
    return %0 : tensor<2x2xf32>
  }
}
)";

// GSPMD: the rows of A are split over 2 devices, B is replicated; each device gets its rows.
const char kGspmdMlir[] = R"(
module @dot_gspmd attributes {mhlo.num_partitions = 2 : i32, mhlo.num_replicas = 1 : i32} {
  func.func public @main(%arg0: tensor<2x4xf32> {mhlo.sharding = "{devices=[2,1]<=[2]}"},
                         %arg1: tensor<4x2xf32> {mhlo.sharding = "{replicated}"})
      -> (tensor<2x2xf32> {mhlo.sharding = "{devices=[2,1]<=[2]}"}) {
    %0 = stablehlo.dot_general %arg0, %arg1, contracting_dims = [1] x [0] : (tensor<2x4xf32>, tensor<4x2xf32>) -> tensor<2x2xf32>
    return %0 : tensor<2x2xf32>
  }
}
)";

void TestApiTable() {
  EXPECT(api->struct_size >= PJRT_Api_STRUCT_SIZE, "struct_size %zu", api->struct_size);
  EXPECT(api->pjrt_api_version.major_version == PJRT_API_MAJOR, "major %d",
         api->pjrt_api_version.major_version);
  EXPECT(api->pjrt_api_version.minor_version == PJRT_API_MINOR, "minor %d",
         api->pjrt_api_version.minor_version);
  // No NULL slot anywhere in the table: every entry point is callable.
  const char* begin = reinterpret_cast<const char*>(&api->PJRT_Error_Destroy);
  const char* end = reinterpret_cast<const char*>(api) + PJRT_Api_STRUCT_SIZE;
  int slots = 0;
  for (const char* p = begin; p < end; p += sizeof(void*), ++slots) {
    void* fn;
    std::memcpy(&fn, p, sizeof(fn));
    EXPECT(fn != nullptr, "PJRT_Api slot %d is NULL", slots);
  }
  std::printf("api: version %d.%d, %d entry points, none NULL\n", api->pjrt_api_version.major_version,
              api->pjrt_api_version.minor_version, slots);
  PJRT_Plugin_Initialize_Args init{};
  init.struct_size = PJRT_Plugin_Initialize_Args_STRUCT_SIZE;
  Check(api->PJRT_Plugin_Initialize(&init), "PJRT_Plugin_Initialize");
  PJRT_Plugin_Attributes_Args attrs{};
  attrs.struct_size = PJRT_Plugin_Attributes_Args_STRUCT_SIZE;
  Check(api->PJRT_Plugin_Attributes(&attrs), "PJRT_Plugin_Attributes");
  bool has_version = false;
  for (size_t i = 0; i < attrs.num_attributes; ++i) {
    const PJRT_NamedValue& a = attrs.attributes[i];
    if (std::string(a.name, a.name_size) == "stablehlo_current_version") {
      has_version = a.type == PJRT_NamedValue_kInt64List && a.value_size == 3;
      if (has_version) {
        std::printf("plugin reads StableHLO up to %lld.%lld.%lld\n", (long long)a.int64_array_value[0],
                    (long long)a.int64_array_value[1], (long long)a.int64_array_value[2]);
      }
    }
  }
  EXPECT(has_version, "plugin attribute stablehlo_current_version (3 int64s) missing");
}

// The same dot_general as MLIR bytecode and as a StableHLO portable artifact (VHLO), made by
// JAX (tools/make_native_fixtures.py).
void TestBytecode(PJRT_Client* client, const std::string& data_dir) {
  for (const char* file : {"dot.mlirbc", "dot.vhlo.mlirbc"}) {
    std::ifstream in(data_dir + "/" + file, std::ios::binary);
    EXPECT(in.good(), "cannot read %s/%s", data_dir.c_str(), file);
    if (!in.good()) continue;
    std::stringstream bytes;
    bytes << in.rdbuf();
    PJRT_LoadedExecutable* executable = nullptr;
    Check(Compile(client, bytes.str(), CompileOptions(1, false), &executable), file);
    std::vector<std::vector<float>> out = Run(client, executable, {{kA, kB}}, {{2, 4}, {4, 2}});
    EXPECT(Near(out[0], kAB), "%s: got %s", file, Str(out[0]).c_str());
    std::printf("%s (%zu bytes): dot_general = %s\n", file, bytes.str().size(), Str(out[0]).c_str());
    DestroyExecutable(executable);
  }
}

void TestBadArguments(PJRT_Client* client) {
  std::string m = ExpectError(api->PJRT_Client_Compile(nullptr), "NULL args");
  EXPECT(m.find("PJRT_Client_Compile") != std::string::npos, "message: %s", m.c_str());
  PJRT_Client_Devices_Args small{};
  small.struct_size = 8;  // a caller that did not set struct_size properly
  small.client = client;
  m = ExpectError(api->PJRT_Client_Devices(&small), "struct_size too small");
  EXPECT(m.find("struct_size") != std::string::npos, "message: %s", m.c_str());
  PJRT_Buffer_ElementType_Args null_buffer{};
  null_buffer.struct_size = PJRT_Buffer_ElementType_Args_STRUCT_SIZE;
  m = ExpectError(api->PJRT_Buffer_ElementType(&null_buffer), "NULL buffer");
  EXPECT(m.find("buffer is NULL") != std::string::npos, "message: %s", m.c_str());
  PJRT_TopologyDescription_Create_Args topo{};
  topo.struct_size = PJRT_TopologyDescription_Create_Args_STRUCT_SIZE;
  PJRT_Error* e = api->PJRT_TopologyDescription_Create(&topo);
  EXPECT(e != nullptr && Code(e) == PJRT_Error_Code_UNIMPLEMENTED, "unimplemented entry point");
  if (e) Destroy(e);
  PJRT_NamedValue bad{};
  bad.struct_size = PJRT_NamedValue_STRUCT_SIZE;
  bad.name = "no_such_option";
  bad.name_size = std::strlen(bad.name);
  bad.type = PJRT_NamedValue_kInt64;
  PJRT_Client_Create_Args create{};
  create.struct_size = PJRT_Client_Create_Args_STRUCT_SIZE;
  create.create_options = &bad;
  create.num_options = 1;
  m = ExpectError(api->PJRT_Client_Create(&create), "unknown create option");
  EXPECT(m.find("no_such_option") != std::string::npos, "message: %s", m.c_str());
  // An unknown host-buffer semantics is refused, never guessed (a guess could alias freed memory).
  float data[2] = {1, 2};
  int64_t dims[1] = {2};
  PJRT_Client_Devices_Args devs{};
  devs.struct_size = PJRT_Client_Devices_Args_STRUCT_SIZE;
  devs.client = client;
  Check(api->PJRT_Client_Devices(&devs), "Devices");
  PJRT_Client_BufferFromHostBuffer_Args buf = HostBufferArgs(
      client, devs.devices[0], data, dims, 1, static_cast<PJRT_HostBufferSemantics>(42));
  m = ExpectError(api->PJRT_Client_BufferFromHostBuffer(&buf), "unknown host buffer semantics");
  EXPECT(m.find("host_buffer_semantics 42") != std::string::npos, "message: %s", m.c_str());
}

void TestInvalidMlir(PJRT_Client* client) {
  PJRT_LoadedExecutable* executable = nullptr;
  PJRT_Error* e = Compile(client, "module { func.func @main( %x : tensor<2xf32> ) -> tensor<2xf32> { return %y", 
                          CompileOptions(1, false), &executable);
  EXPECT(e != nullptr, "invalid MLIR compiled");
  if (e == nullptr) return;
  EXPECT(Code(e) == PJRT_Error_Code_INVALID_ARGUMENT, "code %d", Code(e));
  std::string m = ExpectError(e, "invalid MLIR");
  // The parser's own diagnostic must reach the caller.
  EXPECT(m.find("could not parse the StableHLO program") != std::string::npos, "message: %s", m.c_str());
  EXPECT(m.find("use of undeclared SSA value name") != std::string::npos ||
             m.find("expected") != std::string::npos,
         "parser text missing: %s", m.c_str());
  PJRT_Program program{};
  program.struct_size = PJRT_Program_STRUCT_SIZE;
  program.code = const_cast<char*>("x");
  program.code_size = 1;
  program.format = "onnx";
  program.format_size = 4;
  PJRT_Client_Compile_Args args{};
  args.struct_size = PJRT_Client_Compile_Args_STRUCT_SIZE;
  args.client = client;
  args.program = &program;
  const std::string options = CompileOptions(1, false);
  args.compile_options = options.data();
  args.compile_options_size = options.size();
  m = ExpectError(api->PJRT_Client_Compile(&args), "unknown program format");
  EXPECT(m.find("onnx") != std::string::npos, "message: %s", m.c_str());
}

// Compile options XLA would CHECK-fail on, executables after Delete, device assignments larger
// than the client, memories of another client: each an error, never an abort.
void TestCallerMistakes(PJRT_Client* client) {
  PJRT_LoadedExecutable* executable = nullptr;
  const std::string no_build_options;  // proto3: num_replicas = num_partitions = 0
  std::string m = ExpectError(Compile(client, kDotMlir, no_build_options, &executable), "0 replicas");
  EXPECT(m.find("num_replicas and num_partitions >= 1, got 0 and 0") != std::string::npos, "message: %s",
         m.c_str());
  std::string build;
  VarintField(build, 4, 1);  // num_replicas = 1, num_partitions unset
  std::string one_replica;
  Varint(one_replica, (3 << 3) | 2);
  Varint(one_replica, build.size());
  one_replica += build;
  m = ExpectError(Compile(client, kDotMlir, one_replica, &executable), "0 partitions");
  EXPECT(m.find("got 1 and 0") != std::string::npos, "message: %s", m.c_str());

  PJRT_Client_DefaultDeviceAssignment_Args assign{};
  assign.struct_size = PJRT_Client_DefaultDeviceAssignment_Args_STRUCT_SIZE;
  assign.client = client;
  assign.num_replicas = 3;
  assign.num_partitions = 1;
  int ids[3];
  assign.default_assignment = ids;
  assign.default_assignment_size = 3;
  m = ExpectError(api->PJRT_Client_DefaultDeviceAssignment(&assign), "3 replicas on 2 devices");
  EXPECT(m.find("need 3 devices, the client has 2") != std::string::npos, "message: %s", m.c_str());

  // Tupled arguments (CompileOptionsProto.parameter_is_tupled_arguments = field 2): the caller
  // passes the elements, XLA:CPU builds the tuple.
  std::string tupled;
  VarintField(tupled, 2, 1);
  tupled += CompileOptions(1, false);
  Check(Compile(client, kDotMlir, tupled, &executable), "compile with tupled arguments");
  std::vector<std::vector<float>> out =
      Run(client, executable, {{{1, 2, 3, 4, 5, 6, 7, 8}, kB}}, {{2, 4}, {4, 2}});
  EXPECT(Near(out[0], kAB), "tupled arguments: %s", Str(out[0]).c_str());
  std::printf("tupled arguments: dot_general = %s\n", Str(out[0]).c_str());

  PJRT_LoadedExecutable_Delete_Args del{};
  del.struct_size = PJRT_LoadedExecutable_Delete_Args_STRUCT_SIZE;
  del.executable = executable;
  Check(api->PJRT_LoadedExecutable_Delete(&del), "LoadedExecutable_Delete");
  PJRT_LoadedExecutable_IsDeleted_Args deleted{};
  deleted.struct_size = PJRT_LoadedExecutable_IsDeleted_Args_STRUCT_SIZE;
  deleted.executable = executable;
  Check(api->PJRT_LoadedExecutable_IsDeleted(&deleted), "LoadedExecutable_IsDeleted");
  EXPECT(deleted.is_deleted, "IsDeleted is false after Delete");
  std::vector<std::vector<float>> none;
  m = ExpectError(TryRun(client, executable, {{{1, 2, 3, 4, 5, 6, 7, 8}, kB}}, {{2, 4}, {4, 2}}, &none),
                  "execute after Delete");
  EXPECT(m.find("was deleted") != std::string::npos, "message: %s", m.c_str());
  DestroyExecutable(executable);

  PJRT_Client* other = CreateClient(1);
  PJRT_Client_Devices_Args other_devices{};
  other_devices.struct_size = PJRT_Client_Devices_Args_STRUCT_SIZE;
  other_devices.client = other;
  Check(api->PJRT_Client_Devices(&other_devices), "Devices of a second client");
  float data[2] = {1, 2};
  int64_t dims[1] = {2};
  PJRT_Client_BufferFromHostBuffer_Args buf = HostBufferArgs(
      client, other_devices.devices[0], data, dims, 1, PJRT_HostBufferSemantics_kImmutableOnlyDuringCall);
  m = ExpectError(api->PJRT_Client_BufferFromHostBuffer(&buf), "another client's device");
  EXPECT(m.find("device belongs to another client") != std::string::npos, "message: %s", m.c_str());
  PJRT_Client_Destroy_Args destroy{};
  destroy.struct_size = PJRT_Client_Destroy_Args_STRUCT_SIZE;
  destroy.client = other;
  Check(api->PJRT_Client_Destroy(&destroy), "Client_Destroy of the second client");
}

void TestSingleDevice(PJRT_Client* client) {
  PJRT_LoadedExecutable* executable = nullptr;
  Check(Compile(client, kDotMlir, CompileOptions(1, false), &executable), "compile dot");
  std::vector<std::vector<float>> out = Run(client, executable, {{kA, kB}}, {{2, 4}, {4, 2}});
  EXPECT(Near(out[0], kAB), "1 device: got %s", Str(out[0]).c_str());
  std::printf("1 device: dot_general = %s\n", Str(out[0]).c_str());

  // Metadata of the compiled program.
  PJRT_LoadedExecutable_GetExecutable_Args get{};
  get.struct_size = PJRT_LoadedExecutable_GetExecutable_Args_STRUCT_SIZE;
  get.loaded_executable = executable;
  Check(api->PJRT_LoadedExecutable_GetExecutable(&get), "GetExecutable");
  PJRT_Executable_NumOutputs_Args num{};
  num.struct_size = PJRT_Executable_NumOutputs_Args_STRUCT_SIZE;
  num.executable = get.executable;
  Check(api->PJRT_Executable_NumOutputs(&num), "NumOutputs");
  EXPECT(num.num_outputs == 1, "num_outputs %zu", num.num_outputs);
  PJRT_Executable_OutputDimensions_Args dims{};
  dims.struct_size = PJRT_Executable_OutputDimensions_Args_STRUCT_SIZE;
  dims.executable = get.executable;
  Check(api->PJRT_Executable_OutputDimensions(&dims), "OutputDimensions");
  EXPECT(dims.num_outputs == 1 && dims.dim_sizes[0] == 2 && dims.dims[0] == 2 && dims.dims[1] == 2,
         "output dims");
  PJRT_Executable_OutputElementTypes_Args types{};
  types.struct_size = PJRT_Executable_OutputElementTypes_Args_STRUCT_SIZE;
  types.executable = get.executable;
  Check(api->PJRT_Executable_OutputElementTypes(&types), "OutputElementTypes");
  EXPECT(types.num_output_types == 1 && types.output_types[0] == PJRT_Buffer_Type_F32, "output type");
  PJRT_Executable_GetCompiledMemoryStats_Args stats{};
  stats.struct_size = PJRT_Executable_GetCompiledMemoryStats_Args_STRUCT_SIZE;
  stats.executable = get.executable;
  PJRT_Error* e = api->PJRT_Executable_GetCompiledMemoryStats(&stats);
  if (e == nullptr) {
    std::printf("memory stats: argument %lld B, output %lld B, temp %lld B, code %lld B\n",
                (long long)stats.argument_size_in_bytes, (long long)stats.output_size_in_bytes,
                (long long)stats.temp_size_in_bytes, (long long)stats.generated_code_size_in_bytes);
    EXPECT(stats.argument_size_in_bytes == 64, "argument bytes %lld (2 x 8 floats)",
           (long long)stats.argument_size_in_bytes);
    EXPECT(stats.output_size_in_bytes == 16, "output bytes %lld", (long long)stats.output_size_in_bytes);
  } else {
    std::printf("memory stats: %s\n", Message(e).c_str());
    Destroy(e);
  }
  PJRT_Executable_GetCostAnalysis_Args cost{};
  cost.struct_size = PJRT_Executable_GetCostAnalysis_Args_STRUCT_SIZE;
  cost.executable = get.executable;
  Check(api->PJRT_Executable_GetCostAnalysis(&cost), "GetCostAnalysis");
  bool has_flops = false;
  for (size_t i = 0; i < cost.num_properties; ++i) {
    const PJRT_NamedValue& p = cost.properties[i];
    if (std::string(p.name, p.name_size) == "flops" && p.type == PJRT_NamedValue_kFloat) {
      has_flops = true;
      std::printf("cost analysis: flops = %g\n", p.float_value);
      EXPECT(p.float_value == 32.0f, "flops of a 2x4x2 matmul is 2*2*4*2 = 32, got %g", p.float_value);
    }
  }
  EXPECT(has_flops, "cost analysis has no 'flops' property");
  // HLO text of the optimized program (xla4j's "hlo_text" format).
  PJRT_Program program{};
  program.struct_size = PJRT_Program_STRUCT_SIZE;
  program.format = "hlo_text";
  program.format_size = 8;
  PJRT_Executable_OptimizedProgram_Args opt{};
  opt.struct_size = PJRT_Executable_OptimizedProgram_Args_STRUCT_SIZE;
  opt.executable = get.executable;
  opt.program = &program;
  Check(api->PJRT_Executable_OptimizedProgram(&opt), "OptimizedProgram (size)");
  std::string text(program.code_size, '\0');
  program.code = text.data();
  Check(api->PJRT_Executable_OptimizedProgram(&opt), "OptimizedProgram");
  EXPECT(text.find("HloModule") != std::string::npos, "HLO text: %.100s", text.c_str());

  // Serialize, reload on the same client, and run again.
  PJRT_Executable_Serialize_Args ser{};
  ser.struct_size = PJRT_Executable_Serialize_Args_STRUCT_SIZE;
  ser.executable = get.executable;
  Check(api->PJRT_Executable_Serialize(&ser), "Serialize");
  std::printf("serialized executable: %zu bytes\n", ser.serialized_bytes_size);
  PJRT_Executable_DeserializeAndLoad_Args load{};
  load.struct_size = PJRT_Executable_DeserializeAndLoad_Args_STRUCT_SIZE;
  load.client = client;
  load.serialized_executable = ser.serialized_bytes;
  load.serialized_executable_size = ser.serialized_bytes_size;
  Check(api->PJRT_Executable_DeserializeAndLoad(&load), "DeserializeAndLoad");
  ser.serialized_executable_deleter(ser.serialized_executable);
  out = Run(client, load.loaded_executable, {{kA, kB}}, {{2, 4}, {4, 2}});
  EXPECT(Near(out[0], kAB), "reloaded: got %s", Str(out[0]).c_str());
  DestroyExecutable(load.loaded_executable);

  PJRT_Executable_Destroy_Args destroy{};
  destroy.struct_size = PJRT_Executable_Destroy_Args_STRUCT_SIZE;
  destroy.executable = get.executable;
  Check(api->PJRT_Executable_Destroy(&destroy), "Executable_Destroy");

  // Wrong argument count is an error, not a crash.
  PJRT_ExecuteOptions options{};
  options.struct_size = PJRT_ExecuteOptions_STRUCT_SIZE;
  std::vector<PJRT_Device*> devices = AddressableDevices(executable);
  PJRT_Buffer* a = ToDevice(client, devices[0], kA, {2, 4});
  PJRT_Buffer* only[] = {a};
  PJRT_Buffer* const* lists[] = {only};
  PJRT_Buffer* result[1] = {nullptr};
  PJRT_Buffer** outs[] = {result};
  PJRT_LoadedExecutable_Execute_Args ex{};
  ex.struct_size = PJRT_LoadedExecutable_Execute_Args_STRUCT_SIZE;
  ex.executable = executable;
  ex.options = &options;
  ex.argument_lists = lists;
  ex.num_devices = 1;
  ex.num_args = 1;
  ex.output_lists = outs;
  ExpectError(api->PJRT_LoadedExecutable_Execute(&ex), "1 argument for a 2-argument program");
  // Shape mismatch: A passed where B (4x2) is expected.
  PJRT_Buffer* two[] = {a, a};
  PJRT_Buffer* const* lists2[] = {two};
  ex.argument_lists = lists2;
  ex.num_args = 2;
  std::string m = ExpectError(api->PJRT_LoadedExecutable_Execute(&ex), "argument of the wrong shape");
  EXPECT(m.find("argument 1 for device 0 is f32[2,4] but the program expects f32[4,2]") != std::string::npos,
         "message: %s", m.c_str());
  DestroyBuffer(a);
  DestroyExecutable(executable);
}

void TestSpmd(PJRT_Client* client, const char* name, const char* mlir, bool shardy,
              const std::vector<std::vector<std::vector<float>>>& inputs,
              const std::vector<std::vector<int64_t>>& dims,
              const std::vector<std::vector<float>>& want) {
  PJRT_LoadedExecutable* executable = nullptr;
  Check(Compile(client, mlir, CompileOptions(2, shardy), &executable), name);
  std::vector<std::vector<float>> out = Run(client, executable, inputs, dims);
  for (size_t d = 0; d < out.size(); ++d) {
    EXPECT(Near(out[d], want[d]), "%s device %zu: got %s", name, d, Str(out[d]).c_str());
    std::printf("%s: device %zu = %s\n", name, d, Str(out[d]).c_str());
  }
  DestroyExecutable(executable);
}

// kImmutableZeroCopy on suitably aligned host memory: XLA:CPU aliases it instead of copying,
// and tells the caller it is done with the memory only when the buffer goes away.
void TestZeroCopy(PJRT_Client* client, PJRT_Device* device) {
  float* data = static_cast<float*>(std::aligned_alloc(64, 64 * sizeof(float)));
  for (int i = 0; i < 64; ++i) data[i] = static_cast<float>(i);
  int64_t dims[] = {8, 8};
  PJRT_Client_BufferFromHostBuffer_Args args{};
  args.struct_size = PJRT_Client_BufferFromHostBuffer_Args_STRUCT_SIZE;
  args.client = client;
  args.data = data;
  args.type = PJRT_Buffer_Type_F32;
  args.dims = dims;
  args.num_dims = 2;
  args.host_buffer_semantics = PJRT_HostBufferSemantics_kImmutableZeroCopy;
  args.device = device;
  Check(api->PJRT_Client_BufferFromHostBuffer(&args), "BufferFromHostBuffer (zero copy)");
  PJRT_Buffer_UnsafePointer_Args ptr{};
  ptr.struct_size = PJRT_Buffer_UnsafePointer_Args_STRUCT_SIZE;
  ptr.buffer = args.buffer;
  Check(api->PJRT_Buffer_UnsafePointer(&ptr), "UnsafePointer");
  EXPECT(ptr.buffer_pointer == reinterpret_cast<uintptr_t>(data), "zero-copy buffer was copied");
  PJRT_Event_IsReady_Args ready{};
  ready.struct_size = PJRT_Event_IsReady_Args_STRUCT_SIZE;
  ready.event = args.done_with_host_buffer;
  Check(api->PJRT_Event_IsReady(&ready), "IsReady");
  EXPECT(!ready.is_ready, "done_with_host_buffer fired while the buffer still aliases the memory");
  DestroyBuffer(args.buffer);
  Await(args.done_with_host_buffer);
  std::printf("zero copy: buffer aliases host memory; host memory released on destroy\n");
  std::free(data);
}

// Executions of one executable from several threads at once all get their own right answer.
void TestThreads(PJRT_Client* client) {
  PJRT_LoadedExecutable* executable = nullptr;
  Check(Compile(client, kDotMlir, CompileOptions(1, false), &executable), "compile dot");
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i) {
        // Scale A by (t + i + 1): A.B scales by the same factor.
        float k = static_cast<float>(t + i + 1);
        std::vector<float> a(kA), want(kAB);
        for (float& v : a) v *= k;
        for (float& v : want) v *= k;
        if (!Near(Run(client, executable, {{a, kB}}, {{2, 4}, {4, 2}})[0], want)) ++wrong;
      }
    });
  }
  for (std::thread& th : threads) th.join();
  EXPECT(wrong == 0, "%d of 100 concurrent executions gave wrong results", wrong.load());
  std::printf("threads: 4 x 25 concurrent executions correct\n");
  DestroyExecutable(executable);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s libxla4j_pjrt_cpu.so test/data\n", argv[0]);
    return 2;
  }
  void* handle = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
  if (handle == nullptr) {
    std::fprintf(stderr, "FAIL: dlopen: %s\n", dlerror());
    return 1;
  }
  auto get_api = reinterpret_cast<const PJRT_Api* (*)()>(dlsym(handle, "GetPjrtApi"));
  if (get_api == nullptr) {
    std::fprintf(stderr, "FAIL: GetPjrtApi not exported\n");
    return 1;
  }
  api = get_api();
  TestApiTable();

  PJRT_Client* client = CreateClient(2);
  PJRT_Client_PlatformName_Args name{};
  name.struct_size = PJRT_Client_PlatformName_Args_STRUCT_SIZE;
  name.client = client;
  Check(api->PJRT_Client_PlatformName(&name), "PlatformName");
  std::string platform(name.platform_name, name.platform_name_size);
  EXPECT(platform == "cpu", "platform %s", platform.c_str());
  PJRT_Client_Devices_Args devices{};
  devices.struct_size = PJRT_Client_Devices_Args_STRUCT_SIZE;
  devices.client = client;
  Check(api->PJRT_Client_Devices(&devices), "Devices");
  EXPECT(devices.num_devices == 2, "cpu_device_count=2 gave %zu devices", devices.num_devices);
  std::printf("client: platform %s, %zu devices\n", platform.c_str(), devices.num_devices);

  TestBadArguments(client);
  TestInvalidMlir(client);
  TestCallerMistakes(client);
  TestSingleDevice(client);
  TestBytecode(client, argv[2]);
  TestZeroCopy(client, devices.devices[0]);
  TestThreads(client);
  // Shardy: device d holds columns [2d, 2d+2) of A and rows [2d, 2d+2) of B.
  TestSpmd(client, "2-way Shardy", kShardyMlir, true,
           {{{1, 2, 5, 6}, {1, 2, 3, 4}}, {{3, 4, 7, 8}, {5, 6, 7, 8}}}, {{2, 2}, {2, 2}},
           {kAB, kAB});
  // GSPMD: device d holds row d of A and all of B, and computes row d of A.B.
  TestSpmd(client, "2-way GSPMD", kGspmdMlir, false,
           {{{1, 2, 3, 4}, kB}, {{5, 6, 7, 8}, kB}}, {{1, 4}, {4, 2}}, {{50, 60}, {114, 140}});

  PJRT_Client_Destroy_Args destroy{};
  destroy.struct_size = PJRT_Client_Destroy_Args_STRUCT_SIZE;
  destroy.client = client;
  Check(api->PJRT_Client_Destroy(&destroy), "Client_Destroy");
  if (failures > 0) {
    std::printf("%d failed\n", failures);
    return 1;
  }
  std::printf("pjrt_cpu_smoke_test: all checks passed\n");
  return 0;
}
