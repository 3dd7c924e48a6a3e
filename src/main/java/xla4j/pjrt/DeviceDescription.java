package xla4j.pjrt;

import static xla4j.pjrt.capi.global.PjrtC.*;

import org.bytedeco.javacpp.PointerScope;
import xla4j.pjrt.capi.PJRT_DeviceDescription;
import xla4j.pjrt.capi.PJRT_DeviceDescription_DebugString_Args;
import xla4j.pjrt.capi.PJRT_DeviceDescription_Id_Args;
import xla4j.pjrt.capi.PJRT_DeviceDescription_Kind_Args;
import xla4j.pjrt.capi.PJRT_DeviceDescription_ProcessIndex_Args;

/**
 * What a device is (id, kind, process), without needing the device: read once from
 * {@code PJRT_DeviceDescription}, valid on its own afterwards. Immutable and thread-safe.
 */
public final class DeviceDescription {
  private final int id;
  private final int processIndex;
  private final String kind;
  private final String debugString;

  private DeviceDescription(int id, int processIndex, String kind, String debugString) {
    this.id = id;
    this.processIndex = processIndex;
    this.kind = kind;
    this.debugString = debugString;
  }

  static DeviceDescription read(Api api, PJRT_DeviceDescription d) {
    try (PointerScope scope = new PointerScope()) {
      PJRT_DeviceDescription_Id_Args id = new PJRT_DeviceDescription_Id_Args();
      id.struct_size(PJRT_DeviceDescription_Id_Args_STRUCT_SIZE()).device_description(d);
      CApi.check(api, api.PJRT_DeviceDescription_Id.call(id), "PJRT_DeviceDescription_Id");
      PJRT_DeviceDescription_ProcessIndex_Args pi = new PJRT_DeviceDescription_ProcessIndex_Args();
      pi.struct_size(PJRT_DeviceDescription_ProcessIndex_Args_STRUCT_SIZE()).device_description(d);
      CApi.check(api, api.PJRT_DeviceDescription_ProcessIndex.call(pi), "PJRT_DeviceDescription_ProcessIndex");
      PJRT_DeviceDescription_Kind_Args kind = new PJRT_DeviceDescription_Kind_Args();
      kind.struct_size(PJRT_DeviceDescription_Kind_Args_STRUCT_SIZE()).device_description(d);
      CApi.check(api, api.PJRT_DeviceDescription_Kind.call(kind), "PJRT_DeviceDescription_Kind");
      PJRT_DeviceDescription_DebugString_Args dbg = new PJRT_DeviceDescription_DebugString_Args();
      dbg.struct_size(PJRT_DeviceDescription_DebugString_Args_STRUCT_SIZE()).device_description(d);
      CApi.check(api, api.PJRT_DeviceDescription_DebugString.call(dbg), "PJRT_DeviceDescription_DebugString");
      return new DeviceDescription(id.id(), pi.process_index(), CApi.string(kind.device_kind(), kind.device_kind_size()),
          CApi.string(dbg.debug_string(), dbg.debug_string_size()));
    }
  }

  /** The device id, unique across the client or topology. */
  public int id() {
    return id;
  }

  /** The index of the process that owns the device. */
  public int processIndex() {
    return processIndex;
  }

  /** The device kind, e.g. "cpu" or "TPU v5 lite". */
  public String kind() {
    return kind;
  }

  /** The plugin's verbose description of the device, for diagnostics. */
  public String debugString() {
    return debugString;
  }

  @Override
  public String toString() {
    return debugString.isEmpty() ? kind + ":" + id : debugString;
  }
}
