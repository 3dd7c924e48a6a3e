package xla4j.models.vit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import xla4j.array.NdArray;
import xla4j.nn.ParamSpec;
import xla4j.pjrt.Buffer;
import xla4j.pjrt.Client;
import xla4j.pjrt.CompileOptions;
import xla4j.pjrt.Device;
import xla4j.pjrt.LoadedExecutable;
import xla4j.runtime.ParamStore;

/**
 * A ViT ready to run on one device: the compiled program and its parameters placed on the device once
 * ({@link ParamStore}), reused by every {@link #predict} call. Close it to free both.
 */
public final class ViTSession implements AutoCloseable {
  private final ViT.Model model;
  private final Client client;
  private final Device device;
  private final LoadedExecutable exe;
  private final ParamStore params;
  private final List<Buffer> paramBuffers;
  private final double compileSeconds;

  private ViTSession(ViT.Model model, Client client, Device device, LoadedExecutable exe, ParamStore params,
      double compileSeconds) {
    this.model = model;
    this.client = client;
    this.device = device;
    this.exe = exe;
    this.params = params;
    this.paramBuffers = params.inOrder(model.params().stream().map(ParamSpec::name).toList());
    this.compileSeconds = compileSeconds;
  }

  /**
   * Compiles {@code model} on {@code client}'s first device and places {@code params} (model names, model order,
   * as {@link ViTCheckpoint#load} returns them). {@code progress} gets one line per step.
   */
  public static ViTSession create(Client client, ViT.Model model, Map<String, NdArray> params,
      Consumer<String> progress) {
    Device device = client.addressableDevices().get(0);
    String mlir = model.graph().toMlir();
    progress.accept(String.format("compiling %s (%d parameters, %.1f KB of StableHLO) on %s ...",
        describe(model.config()), model.params().size(), mlir.length() / 1024.0, client.platformName()));
    long t0 = System.nanoTime();
    LoadedExecutable exe = client.compile(mlir, CompileOptions.singleDevice());
    double seconds = (System.nanoTime() - t0) / 1e9;
    progress.accept(String.format("compiled in %.2f s", seconds));
    try {
      ParamStore store = ParamStore.place(client, device, params);
      progress.accept(String.format("placed %d parameters (%.1f MB) on %s", store.size(),
          store.deviceBytes() / 1e6, device));
      return new ViTSession(model, client, device, exe, store, seconds);
    } catch (RuntimeException e) {
      exe.close();
      throw e;
    }
  }

  public ViT.Model model() {
    return model;
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

  /**
   * Runs a batch of images (batch, size, size, 3) in the model's dtype; returns the graph's outputs by name
   * ({@code logits} if there is a head, {@code pre_logits}, {@code encoded}).
   */
  public Map<String, NdArray> predict(NdArray images) {
    long[] want = {model.batch(), model.config().imageSize(), model.config().imageSize(), 3};
    if (!java.util.Arrays.equals(images.shape(), want) || images.dtype() != model.config().dtype()) {
      throw new IllegalArgumentException("ViT input must be " + model.config().dtype().xlaName()
          + java.util.Arrays.toString(want) + ", got " + images.dtype().xlaName()
          + java.util.Arrays.toString(images.shape()));
    }
    List<Buffer> outs = List.of();
    try (Buffer in = client.buffer(images, device)) {
      List<Buffer> args = new ArrayList<>(paramBuffers.size() + 1);
      args.add(in);
      args.addAll(paramBuffers);
      outs = exe.execute(args);
      Map<String, NdArray> result = new LinkedHashMap<>();
      List<String> names = model.graph().outputNames();
      for (int i = 0; i < outs.size(); i++) {
        result.put(names.get(i), outs.get(i).toHost());
      }
      return result;
    } finally {
      outs.forEach(Buffer::close);
    }
  }

  /** "ViT-B/16 224px gap learn f32". */
  public static String describe(ViTConfig c) {
    String name = ViTConfig.VARIANTS.entrySet().stream()
        .filter(e -> e.getValue()[0] == c.width() && e.getValue()[1] == c.depth()).map(Map.Entry::getKey)
        .findFirst().orElse("w" + c.width() + "d" + c.depth());
    return "ViT-" + name + "/" + c.patch() + " " + c.imageSize() + "px " + c.pool() + " " + c.posemb() + " "
        + c.dtype().xlaName() + (c.mergeAfter() > 0 ? " PatchMerger@" + c.mergeAfter() + "->" + c.mergeTokens() : "");
  }

  @Override
  public void close() {
    params.close();
    exe.close();
  }
}
