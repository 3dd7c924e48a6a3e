package xla4j.pjrt;

import static xla4j.pjrt.capi.global.PjrtC.*;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.javacpp.SizeTPointer;
import xla4j.pjrt.capi.PJRT_Executable;
import xla4j.pjrt.capi.PJRT_Executable_Destroy_Args;
import xla4j.pjrt.capi.PJRT_Executable_Fingerprint_Args;
import xla4j.pjrt.capi.PJRT_Executable_GetCompiledMemoryStats_Args;
import xla4j.pjrt.capi.PJRT_Executable_GetCostAnalysis_Args;
import xla4j.pjrt.capi.PJRT_Executable_Name_Args;
import xla4j.pjrt.capi.PJRT_Executable_NumOutputs_Args;
import xla4j.pjrt.capi.PJRT_Executable_NumPartitions_Args;
import xla4j.pjrt.capi.PJRT_Executable_NumReplicas_Args;
import xla4j.pjrt.capi.PJRT_Executable_OptimizedProgram_Args;
import xla4j.pjrt.capi.PJRT_Executable_OutputDimensions_Args;
import xla4j.pjrt.capi.PJRT_Executable_OutputElementTypes_Args;
import xla4j.pjrt.capi.PJRT_Executable_Serialize_Args;
import xla4j.pjrt.capi.PJRT_Program;

/**
 * A compiled program, not bound to devices ({@code PJRT_Executable}): what a deviceless
 * {@link Topology#compile} returns, and the description of a {@link LoadedExecutable}. Its properties
 * (name, replicas, partitions, outputs) are read once. Thread-safe: calls hold its read lock and
 * {@link #close()} waits for them.
 */
public final class Executable extends NativeResource {
  private final Api api;
  private final PJRT_Executable executable;
  private final String platform;
  private final String platformVersion;
  private final String name;
  private final int numReplicas;
  private final int numPartitions;
  private final List<TensorSpec> outputs;

  /**
   * Takes ownership of {@code executable}: if reading its properties fails, it is freed before the
   * exception propagates.
   */
  Executable(NativeResource parent, Api api, PJRT_Executable executable, String platform, String platformVersion) {
    super(parent, "Executable", destroyer(api, executable));
    this.api = api;
    this.executable = executable;
    this.platform = platform;
    this.platformVersion = platformVersion;
    try (PointerScope scope = new PointerScope()) {
      PJRT_Executable_Name_Args n = new PJRT_Executable_Name_Args();
      n.struct_size(PJRT_Executable_Name_Args_STRUCT_SIZE()).executable(executable);
      CApi.check(api, api.PJRT_Executable_Name.call(n), "PJRT_Executable_Name");
      name = CApi.string(n.executable_name(), n.executable_name_size());
      PJRT_Executable_NumReplicas_Args r = new PJRT_Executable_NumReplicas_Args();
      r.struct_size(PJRT_Executable_NumReplicas_Args_STRUCT_SIZE()).executable(executable);
      CApi.check(api, api.PJRT_Executable_NumReplicas.call(r), "PJRT_Executable_NumReplicas");
      numReplicas = (int) r.num_replicas();
      PJRT_Executable_NumPartitions_Args p = new PJRT_Executable_NumPartitions_Args();
      p.struct_size(PJRT_Executable_NumPartitions_Args_STRUCT_SIZE()).executable(executable);
      CApi.check(api, api.PJRT_Executable_NumPartitions.call(p), "PJRT_Executable_NumPartitions");
      numPartitions = (int) p.num_partitions();
      outputs = Collections.unmodifiableList(readOutputs(api, executable, name));
    } catch (RuntimeException | Error e) {
      closeAfterFailedConstruction(e);
      throw e;
    }
  }

  private static List<TensorSpec> readOutputs(Api api, PJRT_Executable executable, String name) {
    PJRT_Executable_NumOutputs_Args no = new PJRT_Executable_NumOutputs_Args();
    no.struct_size(PJRT_Executable_NumOutputs_Args_STRUCT_SIZE()).executable(executable);
    CApi.check(api, api.PJRT_Executable_NumOutputs.call(no), "PJRT_Executable_NumOutputs");
    long count = no.num_outputs();
    PJRT_Executable_OutputElementTypes_Args t = new PJRT_Executable_OutputElementTypes_Args();
    t.struct_size(PJRT_Executable_OutputElementTypes_Args_STRUCT_SIZE()).executable(executable);
    CApi.check(api, api.PJRT_Executable_OutputElementTypes.call(t), "PJRT_Executable_OutputElementTypes");
    PJRT_Executable_OutputDimensions_Args d = new PJRT_Executable_OutputDimensions_Args();
    d.struct_size(PJRT_Executable_OutputDimensions_Args_STRUCT_SIZE()).executable(executable);
    CApi.check(api, api.PJRT_Executable_OutputDimensions.call(d), "PJRT_Executable_OutputDimensions");
    List<TensorSpec> out = new ArrayList<>();
    long offset = 0;
    SizeTPointer sizes = d.dim_sizes();
    LongPointer dims = d.dims();
    for (long i = 0; i < count; i++) {
      long rank = sizes.get(i);
      int type = t.output_types().get(i);
      long[] shape = CApi.longs(dims, offset, rank);
      try {
        out.add(TensorSpec.of(CApi.dtype(type), shape));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("program '" + name + "' output " + i + " has element type "
            + CApi.bufferTypeName(type) + " (PJRT_Buffer_Type " + type + "), which xla4j has no DType for (supported: "
            + java.util.Arrays.toString(xla4j.array.DType.values()) + ")", e);
      }
      offset += rank;
    }
    return out;
  }

  private static Runnable destroyer(Api api, PJRT_Executable executable) {
    return () -> {
      try (PointerScope scope = new PointerScope()) {
        PJRT_Executable_Destroy_Args args = new PJRT_Executable_Destroy_Args();
        args.struct_size(PJRT_Executable_Destroy_Args_STRUCT_SIZE()).executable(executable);
        CApi.check(api, api.PJRT_Executable_Destroy.call(args), "PJRT_Executable_Destroy");
      }
    };
  }

  /** The program's name (the module name). */
  public String name() {
    return name;
  }

  /** Number of replicas it was compiled for. */
  public int numReplicas() {
    return numReplicas;
  }

  /** Number of SPMD partitions it was compiled for. */
  public int numPartitions() {
    return numPartitions;
  }

  /** Output types per device (for a partitioned program: the shape of each device's shard). */
  public List<TensorSpec> outputs() {
    return outputs;
  }

  /**
   * The executable's bytes, for {@link Client#deserializeAndLoad} on a client of the same platform and
   * platform version: the plugin's serialized executable in an envelope carrying that platform, its version
   * and a SHA-256, which loading verifies before the plugin sees a byte.
   */
  public byte[] serialize() {
    return new SerializedExecutable(platform, platformVersion, serializeRaw()).toByteArray();
  }

  /** The plugin's own serialized bytes ({@code PJRT_Executable_Serialize}). */
  private byte[] serializeRaw() {
    acquire();
    try (PointerScope scope = new PointerScope()) {
      PJRT_Executable_Serialize_Args args = new PJRT_Executable_Serialize_Args();
      args.struct_size(PJRT_Executable_Serialize_Args_STRUCT_SIZE()).executable(executable);
      CApi.check(api, api.require(api.PJRT_Executable_Serialize, "PJRT_Executable_Serialize").call(args), "PJRT_Executable_Serialize");
      try {
        return CApi.bytes(args.serialized_bytes(), args.serialized_bytes_size());
      } finally {
        if (args.serialized_executable_deleter() != null && !args.serialized_executable_deleter().isNull()) {
          args.serialized_executable_deleter().call(args.serialized_executable());
        }
      }
    } finally {
      release();
    }
  }

  /** Compiled memory use. */
  public MemoryStats memoryStats() {
    acquire();
    try (PointerScope scope = new PointerScope()) {
      PJRT_Executable_GetCompiledMemoryStats_Args a = new PJRT_Executable_GetCompiledMemoryStats_Args();
      a.struct_size(PJRT_Executable_GetCompiledMemoryStats_Args_STRUCT_SIZE()).executable(executable);
      CApi.check(api, api.require(api.PJRT_Executable_GetCompiledMemoryStats, "PJRT_Executable_GetCompiledMemoryStats").call(a), "PJRT_Executable_GetCompiledMemoryStats");
      return new MemoryStats(a.generated_code_size_in_bytes(), a.argument_size_in_bytes(), a.output_size_in_bytes(),
          a.alias_size_in_bytes(), a.temp_size_in_bytes(), a.host_generated_code_size_in_bytes(),
          a.host_argument_size_in_bytes(), a.host_output_size_in_bytes(), a.host_alias_size_in_bytes(),
          a.host_temp_size_in_bytes(), a.peak_memory_in_bytes(), a.total_size_in_bytes());
    } finally {
      release();
    }
  }

  /** XLA's cost analysis (e.g. "flops", "bytes accessed"); empty if the plugin offers none. */
  public Map<String, Object> costAnalysis() {
    acquire();
    try (PointerScope scope = new PointerScope()) {
      PJRT_Executable_GetCostAnalysis_Args a = new PJRT_Executable_GetCostAnalysis_Args();
      a.struct_size(PJRT_Executable_GetCostAnalysis_Args_STRUCT_SIZE()).executable(executable);
      CApi.check(api, api.require(api.PJRT_Executable_GetCostAnalysis, "PJRT_Executable_GetCostAnalysis").call(a), "PJRT_Executable_GetCostAnalysis");
      return Collections.unmodifiableMap(CApi.namedValues(a.properties(), a.num_properties()));
    } finally {
      release();
    }
  }

  /** A stable fingerprint of the compiled program as lower-case hex (plugins return raw bytes), or "". */
  public String fingerprint() {
    acquire();
    try (PointerScope scope = new PointerScope()) {
      PJRT_Executable_Fingerprint_Args a = new PJRT_Executable_Fingerprint_Args();
      a.struct_size(PJRT_Executable_Fingerprint_Args_STRUCT_SIZE()).executable(executable);
      CApi.check(api, api.require(api.PJRT_Executable_Fingerprint, "PJRT_Executable_Fingerprint").call(a), "PJRT_Executable_Fingerprint");
      StringBuilder hex = new StringBuilder();
      for (byte b : CApi.bytes(a.executable_fingerprint(), a.executable_fingerprint_size())) {
        hex.append(String.format("%02x", b & 0xff));
      }
      return hex.toString();
    } finally {
      release();
    }
  }

  /** The optimized program as the plugin returns it: its format and bytes. */
  public record Program(String format, byte[] code) {
    /** The code as text (meaningful for text formats). */
    public String text() {
      return new String(code, java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  /**
   * The program after optimization ({@code PJRT_Executable_OptimizedProgram}); XLA plugins return format
   * {@code "hlo_with_config"} (a serialized HloModuleProtoWithConfig).
   */
  public Program optimizedProgram() {
    return optimizedProgram(null);
  }

  /**
   * XLA's HLO text of the optimized program. xla4j's CPU plugin returns it when asked for format
   * {@code "hlo_text"}; plugins that return only {@code hlo_with_config} give an {@link UnsupportedOperationException}.
   */
  public String optimizedHloText() {
    Program p = optimizedProgram("hlo_text");
    if (!p.format().equals("hlo_text")) {
      throw new UnsupportedOperationException("the plugin returns the optimized program only as '" + p.format()
          + "' (a serialized proto), not as HLO text");
    }
    return p.text();
  }

  private Program optimizedProgram(String requestedFormat) {
    acquire();
    try (PointerScope scope = new PointerScope()) {
      PJRT_Program program = new PJRT_Program();
      program.struct_size(PJRT_Program_STRUCT_SIZE());
      if (requestedFormat != null) {
        program.format(new BytePointer(requestedFormat)).format_size(requestedFormat.length());
      }
      PJRT_Executable_OptimizedProgram_Args a = new PJRT_Executable_OptimizedProgram_Args();
      a.struct_size(PJRT_Executable_OptimizedProgram_Args_STRUCT_SIZE()).executable(executable).program(program);
      CApi.check(api, api.require(api.PJRT_Executable_OptimizedProgram, "PJRT_Executable_OptimizedProgram").call(a), "PJRT_Executable_OptimizedProgram");
      long size = program.code_size();
      BytePointer code = new BytePointer(Math.max(1, size));
      program.code(code);
      CApi.check(api, api.require(api.PJRT_Executable_OptimizedProgram, "PJRT_Executable_OptimizedProgram").call(a), "PJRT_Executable_OptimizedProgram");
      return new Program(CApi.string(program.format(), program.format_size()), CApi.bytes(code, program.code_size()));
    } finally {
      release();
    }
  }

  @Override
  public String toString() {
    return "Executable[" + name + ", " + numReplicas + " replicas, " + numPartitions + " partitions, outputs "
        + outputs + "]";
  }
}
