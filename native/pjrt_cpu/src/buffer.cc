// Device buffers of the xla4j XLA:CPU PJRT plugin.
#include "internal.h"

#include "xla/literal.h"
#include "xla/shape_util.h"

using xla4j::ToError;

PJRT_Error* Xla4j_PJRT_Buffer_Destroy(PJRT_Buffer_Destroy_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_Buffer_Destroy);
  delete args->buffer;
  return nullptr;
}

PJRT_Error* Xla4j_PJRT_Buffer_ElementType(PJRT_Buffer_ElementType_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_Buffer_ElementType);
  XLA4J_CHECK_HANDLE(PJRT_Buffer_ElementType, buffer);
  args->type = xla4j::ToBufferType(args->buffer->buffer->element_type());
  return nullptr;
}

PJRT_Error* Xla4j_PJRT_Buffer_Dimensions(PJRT_Buffer_Dimensions_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_Buffer_Dimensions);
  XLA4J_CHECK_HANDLE(PJRT_Buffer_Dimensions, buffer);
  absl::Span<const int64_t> dims = args->buffer->buffer->dimensions();
  args->dims = dims.data();
  args->num_dims = dims.size();
  return nullptr;
}

PJRT_Error* Xla4j_PJRT_Buffer_UnpaddedDimensions(PJRT_Buffer_UnpaddedDimensions_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_Buffer_UnpaddedDimensions);
  XLA4J_CHECK_HANDLE(PJRT_Buffer_UnpaddedDimensions, buffer);
  PJRT_Buffer* b = args->buffer;
  std::lock_guard<std::mutex> lock(b->mu);
  if (!b->unpadded_dims.has_value()) {
    XLA4J_ASSIGN_OR_RETURN(std::vector<int64_t> dims, b->buffer->logical_dimensions());
    b->unpadded_dims = std::move(dims);
  }
  args->unpadded_dims = b->unpadded_dims->data();
  args->num_dims = b->unpadded_dims->size();
  return nullptr;
}

// XLA:CPU buffers have static shapes only.
PJRT_Error* Xla4j_PJRT_Buffer_DynamicDimensionIndices(
    PJRT_Buffer_DynamicDimensionIndices_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_Buffer_DynamicDimensionIndices);
  XLA4J_CHECK_HANDLE(PJRT_Buffer_DynamicDimensionIndices, buffer);
  args->dynamic_dim_indices = nullptr;
  args->num_dynamic_dims = 0;
  return nullptr;
}

PJRT_Error* Xla4j_PJRT_Buffer_GetMemoryLayout(PJRT_Buffer_GetMemoryLayout_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_Buffer_GetMemoryLayout);
  XLA4J_CHECK_HANDLE(PJRT_Buffer_GetMemoryLayout, buffer);
  PJRT_Buffer* b = args->buffer;
  std::lock_guard<std::mutex> lock(b->mu);
  const xla::Shape& shape = b->buffer->on_device_shape();
  if (!b->minor_to_major.has_value()) {
    if (!shape.has_layout()) {
      return ToError(absl::FailedPreconditionError("PJRT_Buffer_GetMemoryLayout: buffer has no layout"));
    }
    if (!shape.layout().tiles().empty()) {
      return ToError(absl::UnimplementedError("PJRT_Buffer_GetMemoryLayout: tiled layouts are not supported"));
    }
    absl::Span<const int64_t> m2m = shape.layout().minor_to_major();
    b->minor_to_major.emplace(m2m.begin(), m2m.end());
  }
  args->layout = PJRT_Buffer_MemoryLayout{};
  args->layout.struct_size = PJRT_Buffer_MemoryLayout_STRUCT_SIZE;
  args->layout.type = PJRT_Buffer_MemoryLayout_Type_Tiled;
  args->layout.tiled.struct_size = PJRT_Buffer_MemoryLayout_Tiled_STRUCT_SIZE;
  args->layout.tiled.minor_to_major = b->minor_to_major->data();
  args->layout.tiled.minor_to_major_size = b->minor_to_major->size();
  args->layout.tiled.num_tiles = 0;
  return nullptr;
}

PJRT_Error* Xla4j_PJRT_Buffer_OnDeviceSizeInBytes(PJRT_Buffer_OnDeviceSizeInBytes_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_Buffer_OnDeviceSizeInBytes);
  XLA4J_CHECK_HANDLE(PJRT_Buffer_OnDeviceSizeInBytes, buffer);
  XLA4J_ASSIGN_OR_RETURN(size_t size, args->buffer->buffer->GetOnDeviceSizeInBytes());
  args->on_device_size_in_bytes = size;
  return nullptr;
}

PJRT_Error* Xla4j_PJRT_Buffer_Device(PJRT_Buffer_Device_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_Buffer_Device);
  XLA4J_CHECK_HANDLE(PJRT_Buffer_Device, buffer);
  args->device = xla4j::WrapDevice(args->buffer->client, args->buffer->buffer->device());
  if (args->device == nullptr) {
    return ToError(absl::InternalError("PJRT_Buffer_Device: the buffer's device is not one of its client's"));
  }
  return nullptr;
}

PJRT_Error* Xla4j_PJRT_Buffer_Memory(PJRT_Buffer_Memory_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_Buffer_Memory);
  XLA4J_CHECK_HANDLE(PJRT_Buffer_Memory, buffer);
  args->memory = xla4j::WrapMemory(args->buffer->client, args->buffer->buffer->memory_space());
  if (args->memory == nullptr) {
    return ToError(absl::InternalError("PJRT_Buffer_Memory: the buffer's memory is not one of its client's"));
  }
  return nullptr;
}

PJRT_Error* Xla4j_PJRT_Buffer_Delete(PJRT_Buffer_Delete_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_Buffer_Delete);
  XLA4J_CHECK_HANDLE(PJRT_Buffer_Delete, buffer);
  args->buffer->buffer->Delete();
  return nullptr;
}

PJRT_Error* Xla4j_PJRT_Buffer_IsDeleted(PJRT_Buffer_IsDeleted_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_Buffer_IsDeleted);
  XLA4J_CHECK_HANDLE(PJRT_Buffer_IsDeleted, buffer);
  args->is_deleted = args->buffer->buffer->IsDeleted();
  return nullptr;
}

namespace {

PJRT_Error* CopyTo(const char* fn, PJRT_Buffer* buffer, PJRT_Memory* memory, PJRT_Buffer** out) {
  if (memory->client != buffer->client) {
    // The copy would be wrapped with this client but live on the other's device: no device, no memory.
    return ToError(absl::UnimplementedError(absl::StrCat(
        fn, ": copies to another client's device or memory are not supported; copy through the host")));
  }
  return xla4j::Guarded(fn, [&]() -> PJRT_Error* {
    XLA4J_ASSIGN_OR_RETURN(std::unique_ptr<xla::PjRtBuffer> copy,
                           buffer->buffer->CopyToMemorySpace(memory->memory));
    *out = xla4j::WrapBuffer(buffer->client, std::move(copy));
    return nullptr;
  });
}

}  // namespace

PJRT_Error* Xla4j_PJRT_Buffer_CopyToDevice(PJRT_Buffer_CopyToDevice_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_Buffer_CopyToDevice);
  XLA4J_CHECK_HANDLE(PJRT_Buffer_CopyToDevice, buffer);
  XLA4J_CHECK_HANDLE(PJRT_Buffer_CopyToDevice, dst_device);
  if (args->dst_device->default_memory == nullptr) {
    return ToError(absl::NotFoundError("PJRT_Buffer_CopyToDevice: dst_device has no default memory"));
  }
  return CopyTo("PJRT_Buffer_CopyToDevice", args->buffer, args->dst_device->default_memory,
                &args->dst_buffer);
}

PJRT_Error* Xla4j_PJRT_Buffer_CopyToMemory(PJRT_Buffer_CopyToMemory_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_Buffer_CopyToMemory);
  XLA4J_CHECK_HANDLE(PJRT_Buffer_CopyToMemory, buffer);
  XLA4J_CHECK_HANDLE(PJRT_Buffer_CopyToMemory, dst_memory);
  return CopyTo("PJRT_Buffer_CopyToMemory", args->buffer, args->dst_memory, &args->dst_buffer);
}

// Copies the buffer into `dst` as a dense row-major array (the default host layout), or, with
// dst == NULL, reports the size that needs. Asynchronous: `event` fires when the copy is done.
PJRT_Error* Xla4j_PJRT_Buffer_ToHostBuffer(PJRT_Buffer_ToHostBuffer_Args* args) {
  static constexpr char kFn[] = "PJRT_Buffer_ToHostBuffer";
  XLA4J_CHECK_ARGS(PJRT_Buffer_ToHostBuffer);
  XLA4J_CHECK_HANDLE(PJRT_Buffer_ToHostBuffer, src);
  return xla4j::Guarded(kFn, [&]() -> PJRT_Error* {
    if (args->host_layout != nullptr) {
      return ToError(absl::UnimplementedError(
          absl::StrCat(kFn, ": host_layout is not supported; pass NULL for a dense row-major copy")));
    }
    xla::PjRtBuffer* buffer = args->src->buffer.get();
    if (buffer->IsDeleted()) {
      return ToError(absl::FailedPreconditionError(absl::StrCat(kFn, ": the buffer was deleted")));
    }
    xla::Shape host_shape = xla::ShapeUtil::MakeShapeWithDescendingLayout(
        buffer->element_type(), buffer->dimensions());
    size_t needed = xla::ShapeUtil::ByteSizeOfElements(host_shape);
    if (args->dst == nullptr) {
      args->dst_size = needed;
      return nullptr;
    }
    if (args->dst_size < needed) {
      return xla4j::InvalidArgument(kFn, absl::StrCat("dst_size is ", args->dst_size,
                                                      " but the buffer needs ", needed, " bytes"));
    }
    auto literal = std::make_shared<xla::MutableBorrowingLiteral>(
        static_cast<const char*>(args->dst), host_shape);
    xla::Future<> done = buffer->ToLiteral(literal.get());
    // Keep the borrowing literal alive until the copy is done.
    args->event = xla4j::ToEvent(done.Map<void>([literal]() {}));
    return nullptr;
  });
}

PJRT_Error* Xla4j_PJRT_Buffer_CopyRawToHost(PJRT_Buffer_CopyRawToHost_Args* args) {
  static constexpr char kFn[] = "PJRT_Buffer_CopyRawToHost";
  XLA4J_CHECK_ARGS(PJRT_Buffer_CopyRawToHost);
  XLA4J_CHECK_HANDLE(PJRT_Buffer_CopyRawToHost, buffer);
  return xla4j::Guarded(kFn, [&]() -> PJRT_Error* {
    if (args->dst == nullptr && args->transfer_size > 0) return xla4j::InvalidArgument(kFn, "dst is NULL");
    args->event = xla4j::ToEvent(
        args->buffer->buffer->CopyRawToHost(args->dst, args->offset, args->transfer_size));
    return nullptr;
  });
}

PJRT_Error* Xla4j_PJRT_Buffer_IsOnCpu(PJRT_Buffer_IsOnCpu_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_Buffer_IsOnCpu);
  XLA4J_CHECK_HANDLE(PJRT_Buffer_IsOnCpu, buffer);
  args->is_on_cpu = args->buffer->buffer->IsOnCpu();
  return nullptr;
}

PJRT_Error* Xla4j_PJRT_Buffer_ReadyEvent(PJRT_Buffer_ReadyEvent_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_Buffer_ReadyEvent);
  XLA4J_CHECK_HANDLE(PJRT_Buffer_ReadyEvent, buffer);
  args->event = xla4j::ToEvent(args->buffer->buffer->GetReadyFuture());
  return nullptr;
}

PJRT_Error* Xla4j_PJRT_Buffer_UnsafePointer(PJRT_Buffer_UnsafePointer_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_Buffer_UnsafePointer);
  XLA4J_CHECK_HANDLE(PJRT_Buffer_UnsafePointer, buffer);
  XLA4J_ASSIGN_OR_RETURN(uintptr_t pointer,
                         args->buffer->client->client->UnsafeBufferPointer(args->buffer->buffer.get()));
  args->buffer_pointer = pointer;
  return nullptr;
}

PJRT_Error* Xla4j_PJRT_Buffer_IncreaseExternalReferenceCount(
    PJRT_Buffer_IncreaseExternalReferenceCount_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_Buffer_IncreaseExternalReferenceCount);
  XLA4J_CHECK_HANDLE(PJRT_Buffer_IncreaseExternalReferenceCount, buffer);
  XLA4J_ASSIGN_OR_RETURN(std::unique_ptr<xla::PjRtBuffer::ExternalReference> ref,
                         args->buffer->buffer->AcquireExternalReference());
  std::lock_guard<std::mutex> lock(args->buffer->mu);
  args->buffer->external_refs.push_back(std::move(ref));
  return nullptr;
}

PJRT_Error* Xla4j_PJRT_Buffer_DecreaseExternalReferenceCount(
    PJRT_Buffer_DecreaseExternalReferenceCount_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_Buffer_DecreaseExternalReferenceCount);
  XLA4J_CHECK_HANDLE(PJRT_Buffer_DecreaseExternalReferenceCount, buffer);
  std::lock_guard<std::mutex> lock(args->buffer->mu);
  if (args->buffer->external_refs.empty()) {
    return ToError(absl::FailedPreconditionError(
        "PJRT_Buffer_DecreaseExternalReferenceCount: the buffer has no external reference"));
  }
  args->buffer->external_refs.pop_back();
  return nullptr;
}

PJRT_Error* Xla4j_PJRT_Buffer_OpaqueDeviceMemoryDataPointer(
    PJRT_Buffer_OpaqueDeviceMemoryDataPointer_Args* args) {
  XLA4J_CHECK_ARGS(PJRT_Buffer_OpaqueDeviceMemoryDataPointer);
  XLA4J_CHECK_HANDLE(PJRT_Buffer_OpaqueDeviceMemoryDataPointer, buffer);
  XLA4J_ASSIGN_OR_RETURN(std::unique_ptr<xla::PjRtBuffer::ExternalReference> ref,
                         args->buffer->buffer->AcquireExternalReference());
  args->device_memory_ptr = ref->OpaqueDeviceMemoryDataPointer();
  return nullptr;
}
