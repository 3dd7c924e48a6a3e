package xla4j.pjrt;

import static xla4j.pjrt.capi.global.PjrtC.*;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerScope;
import xla4j.pjrt.capi.PJRT_Compile_Args;
import xla4j.pjrt.capi.PJRT_DeviceDescription;
import xla4j.pjrt.capi.PJRT_TopologyDescription;
import xla4j.pjrt.capi.PJRT_TopologyDescription_Destroy_Args;
import xla4j.pjrt.capi.PJRT_TopologyDescription_GetDeviceDescriptions_Args;
import xla4j.pjrt.capi.PJRT_TopologyDescription_PlatformName_Args;
import xla4j.pjrt.capi.PJRT_TopologyDescription_PlatformVersion_Args;

/**
 * A device topology without devices ({@code PJRT_TopologyDescription}), e.g. libtpu's {@code v5e:2x2}:
 * lists its devices and compiles programs for it ahead of time. Thread-safe: calls hold its read lock and
 * {@link #close()} waits for them.
 */
public final class Topology extends NativeResource {
  private final PjrtPlugin plugin;
  private final Api api;
  private final PJRT_TopologyDescription topology;
  private final String name;
  private final String platformName;
  private final String platformVersion;
  private final List<DeviceDescription> devices;

  /** Takes ownership of {@code topology}: if reading its properties fails, it is freed before the exception propagates. */
  Topology(PjrtPlugin plugin, String name, PJRT_TopologyDescription topology) {
    super(null, "Topology " + name, destroyer(plugin.api(), topology));
    this.plugin = plugin;
    this.api = plugin.api();
    this.topology = topology;
    this.name = name;
    try (PointerScope scope = new PointerScope()) {
      PJRT_TopologyDescription_PlatformName_Args pn = new PJRT_TopologyDescription_PlatformName_Args();
      pn.struct_size(PJRT_TopologyDescription_PlatformName_Args_STRUCT_SIZE()).topology(topology);
      CApi.check(api, api.PJRT_TopologyDescription_PlatformName.call(pn), "PJRT_TopologyDescription_PlatformName");
      platformName = CApi.string(pn.platform_name(), pn.platform_name_size());
      PJRT_TopologyDescription_PlatformVersion_Args pv = new PJRT_TopologyDescription_PlatformVersion_Args();
      pv.struct_size(PJRT_TopologyDescription_PlatformVersion_Args_STRUCT_SIZE()).topology(topology);
      CApi.check(api, api.PJRT_TopologyDescription_PlatformVersion.call(pv),
          "PJRT_TopologyDescription_PlatformVersion");
      platformVersion = CApi.string(pv.platform_version(), pv.platform_version_size());
      PJRT_TopologyDescription_GetDeviceDescriptions_Args d = new PJRT_TopologyDescription_GetDeviceDescriptions_Args();
      d.struct_size(PJRT_TopologyDescription_GetDeviceDescriptions_Args_STRUCT_SIZE()).topology(topology);
      CApi.check(api, api.PJRT_TopologyDescription_GetDeviceDescriptions.call(d),
          "PJRT_TopologyDescription_GetDeviceDescriptions");
      List<DeviceDescription> list = new ArrayList<>();
      for (long i = 0; i < d.num_descriptions(); i++) {
        list.add(DeviceDescription.read(api, new PJRT_DeviceDescription(d.descriptions().get(i))));
      }
      devices = Collections.unmodifiableList(list);
    } catch (RuntimeException | Error e) {
      closeAfterFailedConstruction(e);
      throw e;
    }
  }

  private static Runnable destroyer(Api api, PJRT_TopologyDescription topology) {
    return () -> {
      try (PointerScope scope = new PointerScope()) {
        PJRT_TopologyDescription_Destroy_Args args = new PJRT_TopologyDescription_Destroy_Args();
        args.struct_size(PJRT_TopologyDescription_Destroy_Args_STRUCT_SIZE()).topology(topology);
        CApi.check(api, api.PJRT_TopologyDescription_Destroy.call(args), "PJRT_TopologyDescription_Destroy");
      }
    };
  }

  /** The plugin it was created from. */
  public PjrtPlugin plugin() {
    return plugin;
  }

  /** The name it was created from, e.g. "v5e:2x2". */
  public String name() {
    return name;
  }

  /** E.g. "tpu". */
  public String platformName() {
    return platformName;
  }

  /** The platform's version string as the plugin reports it. */
  public String platformVersion() {
    return platformVersion;
  }

  /** Its devices. */
  public List<DeviceDescription> devices() {
    return devices;
  }

  /** Compiles StableHLO text for this topology, without devices. */
  public Executable compile(String mlir, CompileOptions options) {
    return compile(mlir.getBytes(StandardCharsets.UTF_8), "mlir", options);
  }

  /**
   * Compiles a program in a plugin-supported format for this topology. Options for several devices that
   * assign none get this topology's devices in order, replica-major (a TPU compile of collectives needs a
   * static device assignment). Before the plugin sees the program, checks the options against this
   * topology's devices and, for StableHLO text, against the module's {@code mhlo.num_replicas},
   * {@code mhlo.num_partitions} and its collectives' device ids (libtpu aborts the process on those).
   *
   * @throws IllegalArgumentException naming the count, device id or collective that does not fit
   */
  public Executable compile(byte[] code, String format, CompileOptions options) {
    acquire();
    try (PointerScope scope = new PointerScope()) {
      List<Integer> ids = new ArrayList<>();
      devices.forEach(d -> ids.add(d.id()));
      options = options.withDefaultDeviceAssignment(ids);
      ProgramSignature.checkCompile(code, format, options, ids, "topology " + name);
      byte[] opts = options.toByteArray();
      PJRT_Compile_Args args = new PJRT_Compile_Args();
      args.struct_size(PJRT_Compile_Args_STRUCT_SIZE()).topology(topology).program(Client.program(code, format))
          .compile_options(new BytePointer(opts)).compile_options_size(opts.length);
      CApi.check(api, api.require(api.PJRT_Compile, "PJRT_Compile").call(args), "PJRT_Compile for topology " + name);
      return new Executable(this, api, args.executable(), platformName, platformVersion);
    } finally {
      release();
    }
  }

  @Override
  public String toString() {
    return "Topology[" + name + ", " + platformName + " " + platformVersion + ", " + devices.size() + " devices]";
  }
}
