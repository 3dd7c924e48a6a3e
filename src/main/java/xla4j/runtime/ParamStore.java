package xla4j.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import xla4j.array.NdArray;
import xla4j.pjrt.Buffer;
import xla4j.pjrt.Client;
import xla4j.pjrt.Device;

/**
 * Model parameters living on a device, owned by Java: placed once, passed by reference to every execution,
 * freed by {@link #close()} (deterministically; double close is harmless).
 */
public final class ParamStore implements AutoCloseable {
  private final Device device;
  private final Map<String, Buffer> buffers;
  private boolean closed;

  private ParamStore(Device device, Map<String, Buffer> buffers) {
    this.device = device;
    this.buffers = buffers;
  }

  /** Copies {@code arrays} to {@code device}. On failure, what was already placed is freed. */
  public static ParamStore place(Client client, Device device, Map<String, NdArray> arrays) {
    Map<String, Buffer> out = new LinkedHashMap<>();
    try {
      for (Map.Entry<String, NdArray> e : arrays.entrySet()) {
        out.put(e.getKey(), client.buffer(e.getValue(), device));
      }
    } catch (RuntimeException | Error e) {
      closeAll(out.values(), e);
      throw e;
    }
    return new ParamStore(device, out);
  }

  /** An empty store on {@code device}, filled with {@link #put}. */
  public static ParamStore on(Device device) {
    return new ParamStore(device, new LinkedHashMap<>());
  }

  /** Adds (or replaces, closing the old buffer) parameter {@code name}. */
  public synchronized void put(String name, Buffer buffer) {
    checkOpen();
    Buffer old = buffers.put(name, buffer);
    if (old != null && old != buffer) {
      old.close();
    }
  }

  public Device device() {
    return device;
  }

  /** The buffer of parameter {@code name}. */
  public synchronized Buffer get(String name) {
    checkOpen();
    Buffer b = buffers.get(name);
    if (b == null) {
      throw new IllegalArgumentException("parameter '" + name + "' is not in the store (" + buffers.size()
          + " parameters)");
    }
    return b;
  }

  /** Buffers for {@code names}, in that order (a program's parameter order). */
  public synchronized List<Buffer> inOrder(List<String> names) {
    checkOpen();
    List<Buffer> out = new ArrayList<>(names.size());
    List<String> missing = new ArrayList<>();
    for (String n : names) {
      Buffer b = buffers.get(n);
      if (b == null) {
        missing.add(n);
      }
      out.add(b);
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("parameters missing from the store: " + missing);
    }
    return out;
  }

  public synchronized List<String> names() {
    return Collections.unmodifiableList(new ArrayList<>(buffers.keySet()));
  }

  public synchronized int size() {
    return buffers.size();
  }

  /** Bytes the parameters take on the device. */
  public synchronized long deviceBytes() {
    checkOpen();
    long n = 0;
    for (Buffer b : buffers.values()) {
      n += b.onDeviceSizeInBytes();
    }
    return n;
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("ParamStore is closed");
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    RuntimeException first = new RuntimeException("closing the ParamStore failed");
    closeAll(buffers.values(), first);
    buffers.clear();
    if (first.getSuppressed().length > 0) {
      throw first;
    }
  }

  /** Closes every buffer, each in its own try, attaching failures to {@code into}. */
  private static void closeAll(java.util.Collection<Buffer> all, Throwable into) {
    for (Buffer b : all) {
      try {
        b.close();
      } catch (RuntimeException e) {
        into.addSuppressed(e);
      }
    }
  }
}
