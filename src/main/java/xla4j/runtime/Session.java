package xla4j.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import xla4j.array.NdArray;
import xla4j.pjrt.Buffer;
import xla4j.pjrt.Client;
import xla4j.pjrt.CompileOptions;
import xla4j.pjrt.Device;
import xla4j.pjrt.LoadedExecutable;

/**
 * A compiled single-device program whose leading parameters are inputs and whose remaining parameters are model
 * weights living on the device ({@link ParamStore}, placed once, reused by every {@link #run}). Closing it frees
 * the program and the weights.
 */
public final class Session implements AutoCloseable {
  private final Client client;
  private final Device device;
  private final LoadedExecutable exe;
  private final ParamStore params;
  private final List<String> paramNames;
  private final List<String> outputNames;
  private final double compileSeconds;
  private boolean closed;

  private Session(Client client, Device device, LoadedExecutable exe, ParamStore params, List<String> paramNames,
      List<String> outputNames, double compileSeconds) {
    this.client = client;
    this.device = device;
    this.exe = exe;
    this.params = params;
    this.paramNames = List.copyOf(paramNames);
    this.outputNames = List.copyOf(outputNames);
    this.compileSeconds = compileSeconds;
  }

  /**
   * Compiles {@code mlir} on {@code client}'s first device and places {@code params}: their keys, in iteration
   * order, are the program's parameters after the inputs. {@code progress} gets one line per step.
   */
  public static Session create(Client client, String mlir, Map<String, NdArray> params, List<String> outputNames,
      Consumer<String> progress) {
    Device device = client.addressableDevices().get(0);
    long t0 = System.nanoTime();
    LoadedExecutable exe = client.compile(mlir, CompileOptions.singleDevice());
    double seconds = (System.nanoTime() - t0) / 1e9;
    progress.accept(String.format("compiled in %.2f s", seconds));
    ParamStore store = null;
    try {
      store = ParamStore.place(client, device, params);
      progress.accept(String.format("placed %d parameters (%.1f MB) on %s", store.size(),
          store.deviceBytes() / 1e6, device));
      return new Session(client, device, exe, store, new ArrayList<>(params.keySet()), outputNames, seconds);
    } catch (RuntimeException | Error e) {
      if (store != null) {
        store.close();
      }
      exe.close();
      throw e;
    }
  }

  public double compileSeconds() {
    return compileSeconds;
  }

  public ParamStore params() {
    return params;
  }

  public LoadedExecutable executable() {
    return exe;
  }

  /** Copies {@code inputs} to the device, runs with the stored parameters, returns the outputs by name. */
  public Map<String, NdArray> run(NdArray... inputs) {
    if (closed) {
      throw new IllegalStateException("Session is closed");
    }
    List<Buffer> in = new ArrayList<>(inputs.length);
    List<Buffer> outs = List.of();
    try {
      for (NdArray a : inputs) {
        in.add(client.buffer(a, device));
      }
      List<Buffer> args = new ArrayList<>(in.size() + paramNames.size());
      args.addAll(in);
      args.addAll(params.inOrder(paramNames));
      outs = exe.execute(args);
      Map<String, NdArray> result = new LinkedHashMap<>();
      for (int i = 0; i < outs.size(); i++) {
        result.put(i < outputNames.size() ? outputNames.get(i) : "out" + i, outs.get(i).toHost());
      }
      return result;
    } finally {
      in.forEach(Buffer::close);
      outs.forEach(Buffer::close);
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      params.close();
    } finally {
      exe.close();
    }
  }
}
