package xla4j.pjrt;

import static xla4j.pjrt.capi.global.PjrtC.*;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerScope;
import xla4j.array.HostBuffer;
import xla4j.array.NdArray;
import xla4j.pjrt.capi.PJRT_Buffer;
import xla4j.pjrt.capi.PJRT_Buffer_Destroy_Args;
import xla4j.pjrt.capi.PJRT_Buffer_Device_Args;
import xla4j.pjrt.capi.PJRT_Buffer_OnDeviceSizeInBytes_Args;
import xla4j.pjrt.capi.PJRT_Buffer_ReadyEvent_Args;
import xla4j.pjrt.capi.PJRT_Buffer_ToHostBuffer_Args;

/**
 * An array on a device ({@code PJRT_Buffer}). Close it when done (try-with-resources); its dtype and
 * shape are read once when it is created.
 *
 * <p>Thread-safe: calls hold the buffer's read lock and {@link #close()} waits for them (see
 * {@code NativeResource}).
 */
public final class Buffer extends NativeResource {
  private final Client client;
  private final Api api;
  private final PJRT_Buffer buffer;
  private final TensorSpec spec;

  /**
   * Takes ownership of {@code buffer}, whose type is {@code spec} (known to the caller); if the client is
   * closed, frees it and throws {@link IllegalStateException}.
   */
  Buffer(Client client, PJRT_Buffer buffer, TensorSpec spec) {
    super(client, "Buffer " + spec, destroyer(client.api(), buffer));
    this.client = client;
    this.api = client.api();
    this.buffer = buffer;
    this.spec = spec;
  }

  private static Runnable destroyer(Api api, PJRT_Buffer buffer) {
    return () -> {
      try (Frame f = new Frame()) {
        PJRT_Buffer_Destroy_Args args = f.struct(PJRT_Buffer_Destroy_Args.class, PJRT_Buffer_Destroy_Args::new);
        args.struct_size(PJRT_Buffer_Destroy_Args_STRUCT_SIZE()).buffer(buffer);
        CApi.check(api, api.PJRT_Buffer_Destroy.call(args), "PJRT_Buffer_Destroy");
      }
    };
  }

  /** Frees a native buffer no Buffer owns yet, on an error path: a failure to free is added to {@code cause}. */
  static void destroy(Api api, PJRT_Buffer buffer, Throwable cause) {
    try {
      destroyer(api, buffer).run();
    } catch (RuntimeException e) {
      cause.addSuppressed(e);
    }
  }

  PJRT_Buffer handle() {
    return buffer;
  }

  /** The client that owns it. */
  public Client client() {
    return client;
  }

  /** Element type and dimensions. */
  public TensorSpec spec() {
    return spec;
  }

  /** The element type. */
  public xla4j.array.DType dtype() {
    return spec.dtype();
  }

  /** A copy of the dimensions. */
  public long[] shape() {
    return spec.dims();
  }

  /** The device holding it. */
  public Device device() {
    acquire();
    try (PointerScope scope = new PointerScope()) {
      PJRT_Buffer_Device_Args args = new PJRT_Buffer_Device_Args();
      args.struct_size(PJRT_Buffer_Device_Args_STRUCT_SIZE()).buffer(buffer);
      CApi.check(api, api.PJRT_Buffer_Device.call(args), "PJRT_Buffer_Device");
      return client.deviceAt(args.device().address());
    } finally {
      release();
    }
  }

  /** Bytes it occupies on the device (may differ from the dense host size, e.g. with padding). */
  public long onDeviceSizeInBytes() {
    acquire();
    try (PointerScope scope = new PointerScope()) {
      PJRT_Buffer_OnDeviceSizeInBytes_Args args = new PJRT_Buffer_OnDeviceSizeInBytes_Args();
      args.struct_size(PJRT_Buffer_OnDeviceSizeInBytes_Args_STRUCT_SIZE()).buffer(buffer);
      CApi.check(api, api.PJRT_Buffer_OnDeviceSizeInBytes.call(args), "PJRT_Buffer_OnDeviceSizeInBytes");
      return args.on_device_size_in_bytes();
    } finally {
      release();
    }
  }

  /**
   * The address of the buffer's memory on its device ({@code PJRT_Buffer_UnsafePointer}): for telling whether two
   * buffers share memory (e.g. an output written in place of a donated input), never for dereferencing from Java.
   */
  public long unsafePointer() {
    acquire();
    try (PointerScope scope = new PointerScope()) {
      xla4j.pjrt.capi.PJRT_Buffer_UnsafePointer_Args args = new xla4j.pjrt.capi.PJRT_Buffer_UnsafePointer_Args();
      args.struct_size(PJRT_Buffer_UnsafePointer_Args_STRUCT_SIZE()).buffer(buffer);
      CApi.check(api, api.PJRT_Buffer_UnsafePointer.call(args), "PJRT_Buffer_UnsafePointer");
      return args.buffer_pointer();
    } finally {
      release();
    }
  }

  /** Completes when the buffer's contents are computed (exceptionally if computing them failed). */
  public CompletableFuture<Void> ready() {
    acquire();
    try (PointerScope scope = new PointerScope()) {
      PJRT_Buffer_ReadyEvent_Args args = new PJRT_Buffer_ReadyEvent_Args();
      args.struct_size(PJRT_Buffer_ReadyEvent_Args_STRUCT_SIZE()).buffer(buffer);
      CApi.check(api, api.PJRT_Buffer_ReadyEvent.call(args), "PJRT_Buffer_ReadyEvent");
      return Event.toFuture(api, args.event(), "PJRT_Buffer_ReadyEvent");
    } finally {
      release();
    }
  }

  /** The most bytes {@link #toHost} copies: an NdArray's limit (a Java array's, less a header's margin). */
  static final long MAX_HOST_BYTES = Integer.MAX_VALUE - 8;

  /**
   * Copies the contents to a host array (waits for them to be ready).
   *
   * @throws UnsupportedOperationException if it is larger than an NdArray can hold ({@value #MAX_HOST_BYTES}
   *     bytes); nothing is copied then (use {@link #copyTo(HostBuffer, long)})
   */
  public NdArray toHost() {
    acquire();
    try (Frame f = new Frame()) {
      checkFitsHost(spec);
      long size = spec.byteSize();
      BytePointer dst = f.bytes(size);
      copyToHost(dst.address(), size);
      ByteBuffer bytes = dst.asByteBuffer();
      bytes.limit((int) size);
      return NdArray.fromBytes(spec.dtype(), spec.dims(), bytes);
    } finally {
      release();
    }
  }

  /**
   * Copies the contents (row-major, little-endian, {@code spec().byteSize()} bytes, any size) into
   * {@code dst[offset, offset + spec().byteSize())}; waits for them to be ready.
   *
   * @throws IllegalArgumentException if the range is not inside {@code dst}
   * @throws IllegalStateException if this buffer or {@code dst} is closed
   */
  public void copyTo(HostBuffer dst, long offset) {
    long size = spec.byteSize();
    if (offset < 0 || offset > dst.byteSize() - size) {
      throw new IllegalArgumentException("copyTo of " + spec + " requires offset >= 0 and offset + " + size
          + " bytes <= the host buffer's " + dst.byteSize() + " bytes, got offset " + offset);
    }
    copyToHost(dst.address() + offset, size);
  }

  /** The one device-to-host copy: the contents into {@code size} bytes at {@code address}. */
  private void copyToHost(long address, long size) {
    acquire();
    try (Frame f = new Frame()) {
      if (size == 0) {
        try {
          ready().join(); // nothing to copy, but an error of the computation still surfaces
        } catch (java.util.concurrent.CompletionException e) {
          throw e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause() : e;
        }
        return;
      }
      PJRT_Buffer_ToHostBuffer_Args args = f.struct(PJRT_Buffer_ToHostBuffer_Args.class, PJRT_Buffer_ToHostBuffer_Args::new);
      args.struct_size(PJRT_Buffer_ToHostBuffer_Args_STRUCT_SIZE()).src(buffer).dst(Frame.at(address)).dst_size(size);
      CApi.check(api, api.PJRT_Buffer_ToHostBuffer.call(args), "PJRT_Buffer_ToHostBuffer");
      if (args.event() != null && !args.event().isNull()) {
        Event.awaitAndDestroy(api, args.event(), "PJRT_Buffer_ToHostBuffer");
      }
    } finally {
      release();
    }
  }

  /** Throws before any copy if {@code spec} is too large for a host NdArray. */
  static void checkFitsHost(TensorSpec spec) {
    if (spec.byteSize() > MAX_HOST_BYTES) {
      throw new UnsupportedOperationException("toHost of " + spec + " requires at most " + MAX_HOST_BYTES
          + " bytes (an NdArray's limit), got " + spec.byteSize());
    }
  }

  @Override
  public String toString() {
    return isClosed() ? description() + " (closed)" : description();
  }
}
