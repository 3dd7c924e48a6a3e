package xla4j.pjrt;

import static xla4j.pjrt.capi.global.PjrtC.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.PointerScope;
import xla4j.array.DType;
import xla4j.array.HostBuffer;
import xla4j.array.NdArray;
import xla4j.pjrt.capi.PJRT_Buffer;
import xla4j.pjrt.capi.PJRT_Client;
import xla4j.pjrt.capi.PJRT_Client_AddressableDevices_Args;
import xla4j.pjrt.capi.PJRT_Client_BufferFromHostBuffer_Args;
import xla4j.pjrt.capi.PJRT_Client_Compile_Args;
import xla4j.pjrt.capi.PJRT_Client_Destroy_Args;
import xla4j.pjrt.capi.PJRT_Client_Devices_Args;
import xla4j.pjrt.capi.PJRT_Client_PlatformName_Args;
import xla4j.pjrt.capi.PJRT_Client_PlatformVersion_Args;
import xla4j.pjrt.capi.PJRT_Client_ProcessIndex_Args;
import xla4j.pjrt.capi.PJRT_Device;
import xla4j.pjrt.capi.PJRT_Device_GetDescription_Args;
import xla4j.pjrt.capi.PJRT_Event;
import xla4j.pjrt.capi.PJRT_Executable_DeserializeAndLoad_Args;
import xla4j.pjrt.capi.PJRT_Program;

/**
 * A PJRT client: the devices of one plugin in this process, compilation for them, and buffers on them.
 * Thread-safe. {@link #close()} also closes the buffers and executables it created that are still open.
 */
public final class Client extends NativeResource {
  private final PjrtPlugin plugin;
  private final Api api;
  private final PJRT_Client client;
  private final String platformName;
  private final String platformVersion;
  private final int processIndex;
  private final List<Device> devices;
  private final List<Device> addressableDevices;
  private final Map<Long, Device> byAddress = new HashMap<>();

  /** Takes ownership of {@code client}: if reading its properties fails, it is freed before the exception propagates. */
  Client(PjrtPlugin plugin, PJRT_Client client) {
    super(null, "PJRT client of " + plugin.path().getFileName(), destroyer(plugin.api(), client));
    this.plugin = plugin;
    this.api = plugin.api();
    this.client = client;
    try (PointerScope scope = new PointerScope()) {
      PJRT_Client_PlatformName_Args name = new PJRT_Client_PlatformName_Args();
      name.struct_size(PJRT_Client_PlatformName_Args_STRUCT_SIZE()).client(client);
      CApi.check(api, api.PJRT_Client_PlatformName.call(name), "PJRT_Client_PlatformName");
      platformName = CApi.string(name.platform_name(), name.platform_name_size());
      PJRT_Client_PlatformVersion_Args version = new PJRT_Client_PlatformVersion_Args();
      version.struct_size(PJRT_Client_PlatformVersion_Args_STRUCT_SIZE()).client(client);
      CApi.check(api, api.PJRT_Client_PlatformVersion.call(version), "PJRT_Client_PlatformVersion");
      platformVersion = CApi.string(version.platform_version(), version.platform_version_size());
      PJRT_Client_ProcessIndex_Args pi = new PJRT_Client_ProcessIndex_Args();
      pi.struct_size(PJRT_Client_ProcessIndex_Args_STRUCT_SIZE()).client(client);
      CApi.check(api, api.PJRT_Client_ProcessIndex.call(pi), "PJRT_Client_ProcessIndex");
      processIndex = pi.process_index();

      PJRT_Client_AddressableDevices_Args ad = new PJRT_Client_AddressableDevices_Args();
      ad.struct_size(PJRT_Client_AddressableDevices_Args_STRUCT_SIZE()).client(client);
      CApi.check(api, api.PJRT_Client_AddressableDevices.call(ad), "PJRT_Client_AddressableDevices");
      java.util.Set<Long> addressable = new java.util.HashSet<>();
      for (long i = 0; i < ad.num_addressable_devices(); i++) {
        addressable.add(ad.addressable_devices().get(i).address());
      }
      PJRT_Client_Devices_Args d = new PJRT_Client_Devices_Args();
      d.struct_size(PJRT_Client_Devices_Args_STRUCT_SIZE()).client(client);
      CApi.check(api, api.PJRT_Client_Devices.call(d), "PJRT_Client_Devices");
      List<Device> all = new ArrayList<>();
      List<Device> mine = new ArrayList<>();
      for (long i = 0; i < d.num_devices(); i++) {
        PJRT_Device dev = new PJRT_Device(d.devices().get(i));
        PJRT_Device_GetDescription_Args g = new PJRT_Device_GetDescription_Args();
        g.struct_size(PJRT_Device_GetDescription_Args_STRUCT_SIZE()).device(dev);
        CApi.check(api, api.PJRT_Device_GetDescription.call(g), "PJRT_Device_GetDescription");
        boolean isAddressable = addressable.contains(dev.address());
        Device device = new Device(this, dev, DeviceDescription.read(api, g.device_description()), isAddressable);
        all.add(device);
        if (isAddressable) {
          mine.add(device);
        }
        byAddress.put(dev.address(), device);
      }
      devices = Collections.unmodifiableList(all);
      addressableDevices = Collections.unmodifiableList(mine);
    } catch (RuntimeException | Error e) {
      closeAfterFailedConstruction(e);
      throw e;
    }
  }

  private static Runnable destroyer(Api api, PJRT_Client client) {
    return () -> {
      try (PointerScope scope = new PointerScope()) {
        PJRT_Client_Destroy_Args args = new PJRT_Client_Destroy_Args();
        args.struct_size(PJRT_Client_Destroy_Args_STRUCT_SIZE()).client(client);
        CApi.check(api, api.PJRT_Client_Destroy.call(args), "PJRT_Client_Destroy");
      }
    };
  }

  Api api() {
    return api;
  }

  PJRT_Client handle() {
    return client;
  }

  Device deviceAt(long address) {
    Device d = byAddress.get(address);
    if (d == null) {
      throw new IllegalStateException("PJRT returned a device unknown to " + description());
    }
    return d;
  }

  /** The plugin this client was created from. */
  public PjrtPlugin plugin() {
    return plugin;
  }

  /** E.g. "cpu" or "tpu". */
  public String platformName() {
    return platformName;
  }

  /** The platform's version string as the plugin reports it. */
  public String platformVersion() {
    return platformVersion;
  }

  /** This process's index among the client's processes (0 in a single-process client). */
  public int processIndex() {
    return processIndex;
  }

  /** All devices, of every process. */
  public List<Device> devices() {
    return devices;
  }

  /** The devices this process can use. */
  public List<Device> addressableDevices() {
    return addressableDevices;
  }

  /** The device with this id. */
  public Device device(int id) {
    for (Device d : devices) {
      if (d.id() == id) {
        return d;
      }
    }
    throw new IllegalArgumentException("no device with id " + id + " in " + devices);
  }

  /** Compiles a StableHLO module (MLIR text) and loads it onto this client's devices. */
  public LoadedExecutable compile(String mlir, CompileOptions options) {
    ProgramSignature signature;
    try {
      signature = ProgramSignature.parse(mlir);
    } catch (IllegalArgumentException e) {
      signature = null; // let the compiler report what is wrong with the program
    }
    return compile(mlir.getBytes(StandardCharsets.UTF_8), "mlir", options, signature);
  }

  /**
   * Compiles a program in a plugin-supported format ({@code "mlir"}: StableHLO text or bytecode;
   * {@code "hlo"}: serialized HloModuleProto) and loads it. Before the plugin sees the program, checks the
   * options against this client's devices and, for StableHLO text, against the module's
   * {@code mhlo.num_replicas}, {@code mhlo.num_partitions} and its collectives' device ids.
   *
   * @param signature the entry function's types, used to check inputs before each call, or null
   * @throws IllegalArgumentException naming the count, device id or collective that does not fit
   */
  public LoadedExecutable compile(byte[] code, String format, CompileOptions options, ProgramSignature signature) {
    acquire();
    try (PointerScope scope = new PointerScope()) {
      List<Integer> ids = new ArrayList<>();
      devices.forEach(d -> ids.add(d.id()));
      ProgramSignature.checkCompile(code, format, options, ids, "client " + platformName);
      PJRT_Program program = program(code, format);
      byte[] opts = options.toByteArray();
      BytePointer o = new BytePointer(opts);
      PJRT_Client_Compile_Args args = new PJRT_Client_Compile_Args();
      args.struct_size(PJRT_Client_Compile_Args_STRUCT_SIZE()).client(client).program(program)
          .compile_options(o).compile_options_size(opts.length);
      CApi.check(api, api.PJRT_Client_Compile.call(args), "PJRT_Client_Compile");
      return new LoadedExecutable(this, args.executable(), signature);
    } finally {
      release();
    }
  }

  static PJRT_Program program(byte[] code, String format) {
    BytePointer c = new BytePointer(code);
    BytePointer f = CApi.utf8(format);
    PJRT_Program program = new PJRT_Program();
    program.struct_size(PJRT_Program_STRUCT_SIZE()).code(c).code_size(code.length)
        .format(f).format_size(CApi.utf8Length(f));
    return program;
  }

  /**
   * Loads an executable serialized by {@link Executable#serialize()}. The bytes are verified first (their
   * SHA-256, and that they were compiled for this client's platform and platform version): a plugin trusts
   * serialized executables, and damaged ones crashed the process or computed wrong results, so only
   * verified bytes reach it.
   *
   * @param signature the entry function's types (from an artifact's manifest), or null
   * @throws IllegalArgumentException if the bytes are not from {@link Executable#serialize()}, are damaged, or
   *     were compiled for another platform or platform version
   */
  public LoadedExecutable deserializeAndLoad(byte[] serialized, ProgramSignature signature) {
    acquire();
    try (PointerScope scope = new PointerScope()) {
      SerializedExecutable verified = SerializedExecutable.parse(serialized);
      if (!verified.platform().equals(platformName) || !verified.platformVersion().equals(platformVersion)) {
        throw new IllegalArgumentException("deserializeAndLoad requires an executable compiled for this client's "
            + "platform and version, got " + verified.platform() + " '" + verified.platformVersion() + "' and "
            + platformName + " '" + platformVersion + "'");
      }
      byte[] payload = verified.payload();
      BytePointer bytes = new BytePointer(payload);
      PJRT_Executable_DeserializeAndLoad_Args args = new PJRT_Executable_DeserializeAndLoad_Args();
      args.struct_size(PJRT_Executable_DeserializeAndLoad_Args_STRUCT_SIZE()).client(client)
          .serialized_executable(bytes).serialized_executable_size(payload.length);
      CApi.check(api, api.require(api.PJRT_Executable_DeserializeAndLoad, "PJRT_Executable_DeserializeAndLoad").call(args), "PJRT_Executable_DeserializeAndLoad");
      return new LoadedExecutable(this, args.loaded_executable(), signature);
    } finally {
      release();
    }
  }

  /** Copies a host array to the first addressable device. */
  public Buffer buffer(NdArray array) {
    return buffer(array, addressableDevices.get(0));
  }

  /** Copies a host array to {@code device}. */
  public Buffer buffer(NdArray array, Device device) {
    return buffer(array.data(), array.dtype(), array.shape(), device);
  }

  /**
   * Copies {@code data} (row-major, exactly {@code prod(dims) * dtype.byteSize()} bytes remaining) to
   * {@code device}. A direct buffer is read in place, a heap buffer copied once.
   *
   * @param data little-endian: for dtypes wider than one byte its {@link ByteBuffer#order()} must be
   *     {@link ByteOrder#LITTLE_ENDIAN} (a buffer's default order is big-endian, whose values would be
   *     read wrong)
   * @throws IllegalArgumentException for negative dims, a size past {@code Long.MAX_VALUE} bytes, the
   *     wrong number of bytes, a big-endian {@code data}, or a device of another client
   */
  public Buffer buffer(ByteBuffer data, DType dtype, long[] dims, Device device) {
    TensorSpec spec = TensorSpec.of(dtype, dims); // rejects negative dims and sizes that overflow a long
    long need = spec.byteSize();
    if (data.remaining() != need) {
      throw new IllegalArgumentException("buffer of " + spec + " needs " + need + " bytes, got " + data.remaining());
    }
    if (dtype.byteSize() > 1 && data.order() != ByteOrder.LITTLE_ENDIAN) {
      throw new IllegalArgumentException("buffer of " + spec + " requires little-endian data, got a ByteBuffer of order "
          + data.order() + " (if its bytes are little-endian, pass data.order(ByteOrder.LITTLE_ENDIAN))");
    }
    checkDevice(device);
    if (data.isDirect()) {
      BytePointer p = new BytePointer(data); // its address plus the buffer's position
      try {
        return fromHost(p.address() + p.position(), spec, device);
      } finally {
        java.lang.ref.Reference.reachabilityFence(data);
      }
    }
    try (Frame f = new Frame()) {
      BytePointer host = f.bytes(need);
      host.asByteBuffer().put(data.duplicate());
      return fromHost(host.address(), spec, device);
    }
  }

  /**
   * Copies {@code data[offset, offset + prod(dims) * dtype.byteSize())} (row-major, little-endian) to
   * {@code device}: any size, also beyond the 2 GiB of a Java buffer. {@code data} may be closed afterwards.
   *
   * @throws IllegalArgumentException for negative dims, a size past {@code Long.MAX_VALUE} bytes, a range not
   *     inside {@code data}, or a device of another client
   * @throws IllegalStateException if {@code data} is closed
   */
  public Buffer buffer(HostBuffer data, long offset, DType dtype, long[] dims, Device device) {
    TensorSpec spec = TensorSpec.of(dtype, dims);
    long need = spec.byteSize();
    if (offset < 0 || offset > data.byteSize() - need) {
      throw new IllegalArgumentException("buffer of " + spec + " requires offset >= 0 and offset + " + need
          + " bytes <= the host buffer's " + data.byteSize() + " bytes, got offset " + offset);
    }
    checkDevice(device);
    return fromHost(data.address() + offset, spec, device);
  }

  private void checkDevice(Device device) {
    if (device.client() != this) {
      throw new IllegalArgumentException("device " + device + " belongs to another client");
    }
  }

  /** The one host-to-device copy: {@code spec.byteSize()} bytes at {@code address}, read during the call only. */
  private Buffer fromHost(long address, TensorSpec spec, Device device) {
    acquire();
    try (Frame f = new Frame()) {
      long[] dims = spec.dims();
      LongPointer shape = new LongPointer(f.bytes(8L * Math.max(1, dims.length))).capacity(Math.max(1, dims.length));
      if (dims.length > 0) {
        shape.put(dims);
      }
      PJRT_Client_BufferFromHostBuffer_Args args =
          f.struct(PJRT_Client_BufferFromHostBuffer_Args.class, PJRT_Client_BufferFromHostBuffer_Args::new);
      args.struct_size(PJRT_Client_BufferFromHostBuffer_Args_STRUCT_SIZE()).client(client)
          .data(Frame.at(address)).type(CApi.bufferType(spec.dtype())).dims(shape)
          .num_dims(dims.length)
          .host_buffer_semantics(PJRT_HostBufferSemantics_kImmutableOnlyDuringCall)
          .device(device.handle());
      CApi.check(api, api.PJRT_Client_BufferFromHostBuffer.call(args), "PJRT_Client_BufferFromHostBuffer");
      PJRT_Buffer created = args.buffer();
      PJRT_Event doneWithHost = args.done_with_host_buffer();
      if (doneWithHost != null && !doneWithHost.isNull()) {
        try {
          Event.awaitAndDestroy(api, doneWithHost, "PJRT_Client_BufferFromHostBuffer");
        } catch (RuntimeException | Error e) {
          Buffer.destroy(api, created, e);
          throw e;
        }
      }
      return new Buffer(this, created, spec);
    } finally {
      release();
    }
  }

  /** Copies a float array of the given shape to {@code device} as f32. */
  public Buffer buffer(float[] values, Device device, long... shape) {
    return buffer(NdArray.of(values, shape), device);
  }

  /** Copies a double array of the given shape to {@code device} as f64. */
  public Buffer buffer(double[] values, Device device, long... shape) {
    return buffer(NdArray.of(values, shape), device);
  }

  /** Copies an int array of the given shape to {@code device} as s32. */
  public Buffer buffer(int[] values, Device device, long... shape) {
    return buffer(NdArray.of(values, shape), device);
  }

  /** Copies a long array of the given shape to {@code device} as s64. */
  public Buffer buffer(long[] values, Device device, long... shape) {
    return buffer(NdArray.of(values, shape), device);
  }

  /** Copies a boolean array of the given shape to {@code device} as pred. */
  public Buffer buffer(boolean[] values, Device device, long... shape) {
    return buffer(NdArray.of(values, shape), device);
  }

  @Override
  public String toString() {
    return "Client[" + platformName + " " + platformVersion + ", " + devices.size() + " devices]";
  }

}
