package xla4j.pjrt;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bytedeco.javacpp.FunctionPointer;
import xla4j.pjrt.capi.*;

/**
 * A plugin's {@code PJRT_Api} with the function pointers xla4j calls read once: JavaCPP's getters make a
 * new Java object per read, which costs microseconds, so call sites use these fields. A field is null
 * when the plugin does not implement that function ({@link #missing()}).
 */
final class Api {
  final PJRT_Api raw;
  final PJRT_Buffer_Destroy PJRT_Buffer_Destroy;
  final PJRT_Buffer_Device PJRT_Buffer_Device;
  final PJRT_Buffer_Dimensions PJRT_Buffer_Dimensions;
  final PJRT_Buffer_ElementType PJRT_Buffer_ElementType;
  final PJRT_Buffer_OnDeviceSizeInBytes PJRT_Buffer_OnDeviceSizeInBytes;
  final PJRT_Buffer_UnsafePointer PJRT_Buffer_UnsafePointer;
  final PJRT_Buffer_ReadyEvent PJRT_Buffer_ReadyEvent;
  final PJRT_Buffer_ToHostBuffer PJRT_Buffer_ToHostBuffer;
  final PJRT_Client_AddressableDevices PJRT_Client_AddressableDevices;
  final PJRT_Client_BufferFromHostBuffer PJRT_Client_BufferFromHostBuffer;
  final PJRT_Client_Compile PJRT_Client_Compile;
  final PJRT_Client_Create PJRT_Client_Create;
  final PJRT_Client_Destroy PJRT_Client_Destroy;
  final PJRT_Client_Devices PJRT_Client_Devices;
  final PJRT_Client_PlatformName PJRT_Client_PlatformName;
  final PJRT_Client_PlatformVersion PJRT_Client_PlatformVersion;
  final PJRT_Client_ProcessIndex PJRT_Client_ProcessIndex;
  final PJRT_Compile PJRT_Compile;
  final PJRT_DeviceDescription_DebugString PJRT_DeviceDescription_DebugString;
  final PJRT_DeviceDescription_Id PJRT_DeviceDescription_Id;
  final PJRT_DeviceDescription_Kind PJRT_DeviceDescription_Kind;
  final PJRT_DeviceDescription_ProcessIndex PJRT_DeviceDescription_ProcessIndex;
  final PJRT_Device_GetDescription PJRT_Device_GetDescription;
  final PJRT_Error_Destroy PJRT_Error_Destroy;
  final PJRT_Error_GetCode PJRT_Error_GetCode;
  final PJRT_Error_Message PJRT_Error_Message;
  final PJRT_Event_Await PJRT_Event_Await;
  final PJRT_Event_Destroy PJRT_Event_Destroy;
  final PJRT_Event_OnReady PJRT_Event_OnReady;
  final PJRT_Executable_DeserializeAndLoad PJRT_Executable_DeserializeAndLoad;
  final PJRT_Executable_Destroy PJRT_Executable_Destroy;
  final PJRT_Executable_Fingerprint PJRT_Executable_Fingerprint;
  final PJRT_Executable_GetCompiledMemoryStats PJRT_Executable_GetCompiledMemoryStats;
  final PJRT_Executable_GetCostAnalysis PJRT_Executable_GetCostAnalysis;
  final PJRT_Executable_Name PJRT_Executable_Name;
  final PJRT_Executable_NumOutputs PJRT_Executable_NumOutputs;
  final PJRT_Executable_NumPartitions PJRT_Executable_NumPartitions;
  final PJRT_Executable_NumReplicas PJRT_Executable_NumReplicas;
  final PJRT_Executable_OptimizedProgram PJRT_Executable_OptimizedProgram;
  final PJRT_Executable_OutputDimensions PJRT_Executable_OutputDimensions;
  final PJRT_Executable_OutputElementTypes PJRT_Executable_OutputElementTypes;
  final PJRT_Executable_Serialize PJRT_Executable_Serialize;
  final PJRT_LoadedExecutable_AddressableDevices PJRT_LoadedExecutable_AddressableDevices;
  final PJRT_LoadedExecutable_Destroy PJRT_LoadedExecutable_Destroy;
  final PJRT_LoadedExecutable_Execute PJRT_LoadedExecutable_Execute;
  final PJRT_LoadedExecutable_GetExecutable PJRT_LoadedExecutable_GetExecutable;
  final PJRT_Plugin_Attributes PJRT_Plugin_Attributes;
  final PJRT_Plugin_Initialize PJRT_Plugin_Initialize;
  final PJRT_TopologyDescription_Create PJRT_TopologyDescription_Create;
  final PJRT_TopologyDescription_Destroy PJRT_TopologyDescription_Destroy;
  final PJRT_TopologyDescription_GetDeviceDescriptions PJRT_TopologyDescription_GetDeviceDescriptions;
  final PJRT_TopologyDescription_PlatformName PJRT_TopologyDescription_PlatformName;
  final PJRT_TopologyDescription_PlatformVersion PJRT_TopologyDescription_PlatformVersion;
  private final List<String> missing = new ArrayList<>();

  Api(PJRT_Api raw) {
    this.raw = raw;
    PJRT_Buffer_Destroy = present(raw.PJRT_Buffer_Destroy(), "PJRT_Buffer_Destroy");
    PJRT_Buffer_Device = present(raw.PJRT_Buffer_Device(), "PJRT_Buffer_Device");
    PJRT_Buffer_Dimensions = present(raw.PJRT_Buffer_Dimensions(), "PJRT_Buffer_Dimensions");
    PJRT_Buffer_ElementType = present(raw.PJRT_Buffer_ElementType(), "PJRT_Buffer_ElementType");
    PJRT_Buffer_OnDeviceSizeInBytes = present(raw.PJRT_Buffer_OnDeviceSizeInBytes(), "PJRT_Buffer_OnDeviceSizeInBytes");
    PJRT_Buffer_UnsafePointer = present(raw.PJRT_Buffer_UnsafePointer(), "PJRT_Buffer_UnsafePointer");
    PJRT_Buffer_ReadyEvent = present(raw.PJRT_Buffer_ReadyEvent(), "PJRT_Buffer_ReadyEvent");
    PJRT_Buffer_ToHostBuffer = present(raw.PJRT_Buffer_ToHostBuffer(), "PJRT_Buffer_ToHostBuffer");
    PJRT_Client_AddressableDevices = present(raw.PJRT_Client_AddressableDevices(), "PJRT_Client_AddressableDevices");
    PJRT_Client_BufferFromHostBuffer = present(raw.PJRT_Client_BufferFromHostBuffer(), "PJRT_Client_BufferFromHostBuffer");
    PJRT_Client_Compile = present(raw.PJRT_Client_Compile(), "PJRT_Client_Compile");
    PJRT_Client_Create = present(raw.PJRT_Client_Create(), "PJRT_Client_Create");
    PJRT_Client_Destroy = present(raw.PJRT_Client_Destroy(), "PJRT_Client_Destroy");
    PJRT_Client_Devices = present(raw.PJRT_Client_Devices(), "PJRT_Client_Devices");
    PJRT_Client_PlatformName = present(raw.PJRT_Client_PlatformName(), "PJRT_Client_PlatformName");
    PJRT_Client_PlatformVersion = present(raw.PJRT_Client_PlatformVersion(), "PJRT_Client_PlatformVersion");
    PJRT_Client_ProcessIndex = present(raw.PJRT_Client_ProcessIndex(), "PJRT_Client_ProcessIndex");
    PJRT_Compile = present(raw.PJRT_Compile(), "PJRT_Compile");
    PJRT_DeviceDescription_DebugString = present(raw.PJRT_DeviceDescription_DebugString(), "PJRT_DeviceDescription_DebugString");
    PJRT_DeviceDescription_Id = present(raw.PJRT_DeviceDescription_Id(), "PJRT_DeviceDescription_Id");
    PJRT_DeviceDescription_Kind = present(raw.PJRT_DeviceDescription_Kind(), "PJRT_DeviceDescription_Kind");
    PJRT_DeviceDescription_ProcessIndex = present(raw.PJRT_DeviceDescription_ProcessIndex(), "PJRT_DeviceDescription_ProcessIndex");
    PJRT_Device_GetDescription = present(raw.PJRT_Device_GetDescription(), "PJRT_Device_GetDescription");
    PJRT_Error_Destroy = present(raw.PJRT_Error_Destroy(), "PJRT_Error_Destroy");
    PJRT_Error_GetCode = present(raw.PJRT_Error_GetCode(), "PJRT_Error_GetCode");
    PJRT_Error_Message = present(raw.PJRT_Error_Message(), "PJRT_Error_Message");
    PJRT_Event_Await = present(raw.PJRT_Event_Await(), "PJRT_Event_Await");
    PJRT_Event_Destroy = present(raw.PJRT_Event_Destroy(), "PJRT_Event_Destroy");
    PJRT_Event_OnReady = present(raw.PJRT_Event_OnReady(), "PJRT_Event_OnReady");
    PJRT_Executable_DeserializeAndLoad = present(raw.PJRT_Executable_DeserializeAndLoad(), "PJRT_Executable_DeserializeAndLoad");
    PJRT_Executable_Destroy = present(raw.PJRT_Executable_Destroy(), "PJRT_Executable_Destroy");
    PJRT_Executable_Fingerprint = present(raw.PJRT_Executable_Fingerprint(), "PJRT_Executable_Fingerprint");
    PJRT_Executable_GetCompiledMemoryStats = present(raw.PJRT_Executable_GetCompiledMemoryStats(), "PJRT_Executable_GetCompiledMemoryStats");
    PJRT_Executable_GetCostAnalysis = present(raw.PJRT_Executable_GetCostAnalysis(), "PJRT_Executable_GetCostAnalysis");
    PJRT_Executable_Name = present(raw.PJRT_Executable_Name(), "PJRT_Executable_Name");
    PJRT_Executable_NumOutputs = present(raw.PJRT_Executable_NumOutputs(), "PJRT_Executable_NumOutputs");
    PJRT_Executable_NumPartitions = present(raw.PJRT_Executable_NumPartitions(), "PJRT_Executable_NumPartitions");
    PJRT_Executable_NumReplicas = present(raw.PJRT_Executable_NumReplicas(), "PJRT_Executable_NumReplicas");
    PJRT_Executable_OptimizedProgram = present(raw.PJRT_Executable_OptimizedProgram(), "PJRT_Executable_OptimizedProgram");
    PJRT_Executable_OutputDimensions = present(raw.PJRT_Executable_OutputDimensions(), "PJRT_Executable_OutputDimensions");
    PJRT_Executable_OutputElementTypes = present(raw.PJRT_Executable_OutputElementTypes(), "PJRT_Executable_OutputElementTypes");
    PJRT_Executable_Serialize = present(raw.PJRT_Executable_Serialize(), "PJRT_Executable_Serialize");
    PJRT_LoadedExecutable_AddressableDevices = present(raw.PJRT_LoadedExecutable_AddressableDevices(), "PJRT_LoadedExecutable_AddressableDevices");
    PJRT_LoadedExecutable_Destroy = present(raw.PJRT_LoadedExecutable_Destroy(), "PJRT_LoadedExecutable_Destroy");
    PJRT_LoadedExecutable_Execute = present(raw.PJRT_LoadedExecutable_Execute(), "PJRT_LoadedExecutable_Execute");
    PJRT_LoadedExecutable_GetExecutable = present(raw.PJRT_LoadedExecutable_GetExecutable(), "PJRT_LoadedExecutable_GetExecutable");
    PJRT_Plugin_Attributes = present(raw.PJRT_Plugin_Attributes(), "PJRT_Plugin_Attributes");
    PJRT_Plugin_Initialize = present(raw.PJRT_Plugin_Initialize(), "PJRT_Plugin_Initialize");
    PJRT_TopologyDescription_Create = present(raw.PJRT_TopologyDescription_Create(), "PJRT_TopologyDescription_Create");
    PJRT_TopologyDescription_Destroy = present(raw.PJRT_TopologyDescription_Destroy(), "PJRT_TopologyDescription_Destroy");
    PJRT_TopologyDescription_GetDeviceDescriptions = present(raw.PJRT_TopologyDescription_GetDeviceDescriptions(), "PJRT_TopologyDescription_GetDeviceDescriptions");
    PJRT_TopologyDescription_PlatformName = present(raw.PJRT_TopologyDescription_PlatformName(), "PJRT_TopologyDescription_PlatformName");
    PJRT_TopologyDescription_PlatformVersion = present(raw.PJRT_TopologyDescription_PlatformVersion(), "PJRT_TopologyDescription_PlatformVersion");
  }

  private <T extends FunctionPointer> T present(T fn, String name) {
    if (fn == null || fn.isNull()) {
      missing.add(name);
      return null;
    }
    return fn;
  }

  /** Names of the functions xla4j uses that the plugin lacks. */
  List<String> missing() {
    return Collections.unmodifiableList(missing);
  }

  /**
   * {@code fn}, or a {@link PjrtException} (UNIMPLEMENTED) naming the function and the plugin's API
   * version when the plugin lacks it.
   */
  <T extends FunctionPointer> T require(T fn, String name) {
    if (fn == null) {
      throw new PjrtException(name, PjrtException.Code.UNIMPLEMENTED, "the plugin (PJRT C API "
          + raw.pjrt_api_version().major_version() + "." + raw.pjrt_api_version().minor_version()
          + ") does not implement " + name);
    }
    return fn;
  }
}
