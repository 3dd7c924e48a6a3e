package xla4j.models.paligemma;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import xla4j.array.DType;
import xla4j.array.NdArray;
import xla4j.array.Resampling;
import xla4j.dsl.Graph;
import xla4j.dsl.Ops;
import xla4j.dsl.Shape;
import xla4j.dsl.Tensor;
import xla4j.hlo.Shapes;
import xla4j.io.CheckpointException;
import xla4j.io.Npz;
import xla4j.io.TensorEntry;
import xla4j.models.paligemma.PaliGemmaObjects.Box;
import xla4j.models.paligemma.PaliGemmaObjects.Mask;
import xla4j.nn.Init;
import xla4j.nn.Scope;
import xla4j.pjrt.Client;
import xla4j.runtime.DeviceMesh;
import xla4j.runtime.ParamStore;
import xla4j.runtime.Program;

/**
 * PaliGemma's mask decoder: the decoder half of the VQ-VAE (Ning et al., "All in Tokens", arXiv:2301.02229) that
 * turns the sixteen {@code <segNNN>} codes of a segmentation into 64x64 mask logits, as big_vision's segmentation
 * evaluator runs it ({@code big_vision/evaluators/proj/paligemma/transfers/segmentation.py}: {@code Decoder},
 * {@code ResBlock}, {@code _get_params}, {@code reconstruct_masks}), from the PyTorch state dict users download as
 * {@code vae-oid.npz} ({@code gs://big_vision/paligemma/vae-oid.npz}).
 *
 * <p>Reads top-down as the reference (B batch, K codebook entries, D embedding width, C decoder width):
 * <pre>
 *   codes (B, 16) s32 -> _vq_vae._embedding (K, D) rows -> (B, 4, 4, D), code i at row i / 4, column i % 4
 *   decoder.0            conv 1x1 -> C, relu                                       (Flax Conv_0)
 *   decoder.{2,3}.net    x + conv1x1(relu(conv3x3(relu(conv3x3(x))))), padding 1   (ResBlock_0, ResBlock_1)
 *   decoder.{4,6,8,10}   transposed conv, kernel 4, stride 2, relu: 4 -> 8 -> 16 -> 32 -> 64
 *                        (ConvTranspose_0..3; big_vision: features 128, 64, 32, 16)
 *   decoder.12           conv 1x1 -> 1                                             (Conv_1)
 * </pre>
 * Parameter names are the checkpoint's keys verbatim, in PyTorch's layouts, which the convolutions read directly:
 * convolution weights (out, in, kh, kw) as {@code OIHW}; the transposed ones (in, out, kh, kw), PyTorch's
 * {@code ConvTranspose2d} layout. Flax's {@code ConvTranspose(kernel 4, strides 2, padding=2,
 * transpose_kernel=True)} on {@code _get_params}'s (2, 3, 1, 0)-transposed kernel is PyTorch's {@code
 * ConvTranspose2d(4, stride=2, padding=1)}: a convolution of the input dilated by 2 ({@code lhs_dilation}), padded
 * by 2 on every side, with the kernel flipped in space and its in/out axes swapped (read here as {@code IOHW}).
 * Channel counts come from the checkpoint's shapes ({@link Config#fromShapes}), so a reduced test checkpoint runs
 * through the same code; keys the decoder does not use ({@code encoder.*}) are ignored.
 *
 * <p>{@link #mask} is the demo's post-processing of one object's logits ({@code extract_objs}): {@code
 * uint8(clip(logits * 0.5 + 0.5, 0, 1) * 255)}, resized into the object's box with Pillow's default (BICUBIC)
 * filter; no threshold (the demo draws the soft mask; {@link Mask#toRle} thresholds at 0.5 for JSON).
 *
 * <p>Holds compiled programs (one per batch size, made on first use) and the parameters on the device; close it.
 * Calls may come from several threads.
 */
public final class PaliGemmaVae implements AutoCloseable {
  /** Name of the input: the codes, s32 (B, 16). */
  public static final String CODES = "codes";

  /** Name of the output: mask logits, f32 (B, 64, 64). */
  public static final String LOGITS = "logits";

  /** The codebook's checkpoint key. */
  public static final String EMBEDDING = "_vq_vae._embedding";

  /** Codes per mask, laid out on a {@link #GRID} x {@link #GRID} grid. */
  public static final int NUM_CODES = 16;

  /** Side of the code grid. */
  public static final int GRID = 4;

  /** Side of the decoded mask: {@link #GRID} doubled by each of the four transposed convolutions. */
  public static final int MASK_SIZE = 64;

  /** Checkpoint prefixes of the four transposed convolutions. */
  static final List<String> UPSAMPLE = List.of("decoder.4", "decoder.6", "decoder.8", "decoder.10");

  /**
   * The decoder's sizes, read from a checkpoint.
   *
   * @param numEmbeddings K, codebook entries (128 in vae-oid: {@code <seg000>..<seg127>})
   * @param embeddingDim D, width of a codebook entry
   * @param features C, width of {@code decoder.0} and the residual blocks
   * @param upsampleFeatures output channels of the four transposed convolutions (big_vision: C, C/2, C/4, C/8)
   */
  public record Config(int numEmbeddings, int embeddingDim, int features, List<Integer> upsampleFeatures) {
    /** Checks every size is at least 1 and there are four upsampling widths; copies the list. */
    public Config {
      upsampleFeatures = List.copyOf(upsampleFeatures);
      if (numEmbeddings < 1 || embeddingDim < 1 || features < 1 || upsampleFeatures.size() != UPSAMPLE.size()
          || upsampleFeatures.stream().anyMatch(f -> f < 1)) {
        throw new IllegalArgumentException("vae config requires sizes >= 1 and 4 upsampling widths, got K="
            + numEmbeddings + ", D=" + embeddingDim + ", C=" + features + ", " + upsampleFeatures);
      }
    }

    /**
     * Reads the sizes from a checkpoint's shapes (by key) and checks every key the decoder uses, in order.
     *
     * @throws IllegalArgumentException naming the first missing key, or the key with its expected and actual shape
     */
    public static Config fromShapes(Map<String, long[]> shapes) {
      long[] e = need(shapes, EMBEDDING, "(K, D)", s -> s.length == 2 && s[0] >= 1 && s[1] >= 1);
      long d = e[1];
      long[] w0 = need(shapes, "decoder.0.weight", "(C, " + d + ", 1, 1)",
          s -> s.length == 4 && s[0] >= 1 && s[1] == d && s[2] == 1 && s[3] == 1);
      List<Integer> up = new ArrayList<>();
      long in = w0[0];
      for (String u : UPSAMPLE) {
        long from = in;
        long[] w = need(shapes, u + ".weight", "(" + from + ", out, 4, 4)",
            s -> s.length == 4 && s[0] == from && s[1] >= 1 && s[2] == 4 && s[3] == 4);
        up.add(Math.toIntExact(w[1]));
        in = w[1];
      }
      Config c = new Config(Math.toIntExact(e[0]), Math.toIntExact(d), Math.toIntExact(w0[0]), up);
      c.paramShapes().forEach((key, want) -> need(shapes, key, Shapes.tuple(want), s -> Arrays.equals(s, want)));
      return c;
    }

    /** Every checkpoint key the decoder reads, with its shape, in the order the graph declares them. */
    public Map<String, long[]> paramShapes() {
      long c = features;
      Map<String, long[]> m = new LinkedHashMap<>();
      m.put(EMBEDDING, new long[] {numEmbeddings, embeddingDim});
      conv(m, "decoder.0", c, embeddingDim, 1);
      for (String r : List.of("decoder.2.net", "decoder.3.net")) {
        conv(m, r + ".0", c, c, 3);
        conv(m, r + ".2", c, c, 3);
        conv(m, r + ".4", c, c, 1);
      }
      long in = c;
      for (int i = 0; i < UPSAMPLE.size(); i++) {
        long out = upsampleFeatures.get(i);
        m.put(UPSAMPLE.get(i) + ".weight", new long[] {in, out, 4, 4});
        m.put(UPSAMPLE.get(i) + ".bias", new long[] {out});
        in = out;
      }
      conv(m, "decoder.12", 1, in, 1);
      return m;
    }

    private static void conv(Map<String, long[]> m, String name, long out, long in, long k) {
      m.put(name + ".weight", new long[] {out, in, k, k});
      m.put(name + ".bias", new long[] {out});
    }
  }

  /** A shape rule failed for {@link #key}. */
  static final class BadKey extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    final String key;

    BadKey(String key, String message) {
      super(message);
      this.key = key;
    }
  }

  private static long[] need(Map<String, long[]> shapes, String key, String want,
      java.util.function.Predicate<long[]> ok) {
    long[] s = shapes.get(key);
    if (s == null) {
      throw new BadKey(key, "vae checkpoint requires key '" + key + "' of shape " + want + ", it is missing");
    }
    if (!ok.test(s)) {
      throw new BadKey(key, "vae checkpoint requires '" + key + "' of shape " + want + ", got " + Shapes.tuple(s));
    }
    return s;
  }

  // -----------------------------------------------------------------------------------------------------------------
  // The graph

  /**
   * The decoder for {@code batch} masks: parameter {@link #CODES} (batch, 16) s32 first, then the weights by
   * checkpoint key (f32); output {@link #LOGITS} (batch, 64, 64) f32.
   */
  public static Graph graph(Config c, int batch) {
    if (batch < 1) {
      throw new IllegalArgumentException("vae graph requires batch >= 1, got " + batch);
    }
    Graph g = new Graph("paligemma_vae");
    Tensor codes = g.parameter(CODES, Shape.of(DType.S32, batch, NUM_CODES));
    Scope root = Scope.root(g, DType.F32, ".");
    Tensor embedding = root.param(EMBEDDING, new long[] {c.numEmbeddings(), c.embeddingDim()}, Init.zeros());
    Tensor x = Ops.take(embedding, codes).reshape(batch, GRID, GRID, c.embeddingDim());
    Scope decoder = root.child("decoder");
    x = conv(decoder.child("0"), x, c.features(), 1).relu();
    for (String r : List.of("2", "3")) {
      x = resBlock(decoder.child(r).child("net"), x);
    }
    for (String u : UPSAMPLE) {
      int i = UPSAMPLE.indexOf(u);
      x = convTranspose(decoder.child(u.substring("decoder.".length())), x, c.upsampleFeatures().get(i)).relu();
    }
    x = conv(decoder.child("12"), x, 1, 1);
    g.output(LOGITS, x.reshape(batch, MASK_SIZE, MASK_SIZE));
    return g;
  }

  /** {@code x + net.4(relu(net.2(relu(net.0(x)))))}, big_vision's {@code ResBlock}. */
  static Tensor resBlock(Scope net, Tensor x) {
    long c = x.dim(3);
    Tensor y = conv(net.child("0"), x, c, 3).relu();
    y = conv(net.child("2"), y, c, 3).relu();
    return conv(net.child("4"), y, c, 1).add(x);
  }

  /** PyTorch's {@code Conv2d(in, out, k, padding=k / 2)} on NHWC: weight (out, in, k, k) read as OIHW, + bias. */
  static Tensor conv(Scope s, Tensor x, long out, int k) {
    Tensor w = s.param("weight", new long[] {out, x.dim(3), k, k}, Init.zeros());
    Tensor b = s.param("bias", new long[] {out}, Init.zeros());
    long p = k / 2;
    return Ops.conv(x, w).layout("NHWC", "OIHW", "NHWC").padding(new long[][] {{p, p}, {p, p}}).build().add(b);
  }

  /**
   * PyTorch's {@code ConvTranspose2d(in, out, 4, stride=2, padding=1)} (Flax's {@code ConvTranspose(padding=2,
   * transpose_kernel=True)}) on NHWC, doubling H and W: the input dilated by 2, padded by 4 - 1 - 1 = 2, convolved with
   * the weight (in, out, 4, 4) flipped in space and read as IOHW; + bias.
   */
  static Tensor convTranspose(Scope s, Tensor x, long out) {
    Tensor w = s.param("weight", new long[] {x.dim(3), out, 4, 4}, Init.zeros());
    Tensor b = s.param("bias", new long[] {out}, Init.zeros());
    return Ops.conv(x, w.reverse(2, 3)).layout("NHWC", "IOHW", "NHWC").lhsDilation(2, 2)
        .padding(new long[][] {{2, 2}, {2, 2}}).build().add(b);
  }

  // -----------------------------------------------------------------------------------------------------------------
  // Loading and running

  private final Config config;
  private final Map<String, NdArray> params;
  private final DeviceMesh devices;
  private final Map<Integer, Program> programs = new HashMap<>();
  private ParamStore store;
  private boolean closed;

  private PaliGemmaVae(Config config, Map<String, NdArray> params, DeviceMesh devices) {
    this.config = config;
    this.params = params;
    this.devices = devices;
  }

  /**
   * Reads the decoder's weights from big_vision's {@code vae-oid.npz} (or any {@code .npz} with its keys), cast to
   * f32, for the client's first device.
   *
   * @throws CheckpointException naming the file and the key for a missing key, a wrong shape or a non-float dtype
   */
  public static PaliGemmaVae load(Path file, Client client) throws IOException {
    try (Npz npz = Npz.open(file)) {
      Map<String, long[]> shapes = new LinkedHashMap<>();
      npz.entries().forEach((k, v) -> shapes.put(k, v.shape()));
      Config c;
      try {
        c = Config.fromShapes(shapes);
      } catch (BadKey e) {
        throw new CheckpointException(file, e.key, e.getMessage(), e);
      }
      Map<String, NdArray> params = new LinkedHashMap<>();
      for (String key : c.paramShapes().keySet()) {
        TensorEntry entry = npz.entries().get(key);
        if (!entry.dtype().isFloating()) {
          throw new CheckpointException(file, key, "vae checkpoint requires floating-point weights, got "
              + entry.dtype().xlaName());
        }
        params.put(key, entry.load().astype(DType.F32));
      }
      return new PaliGemmaVae(c, params, DeviceMesh.single(client.addressableDevices().get(0)));
    }
  }

  /**
   * The decoder over arrays in memory, keyed as the checkpoint (other keys ignored), for the client's first device.
   *
   * @throws IllegalArgumentException naming a missing key, or a key with its expected and actual shape
   */
  public static PaliGemmaVae fromArrays(Map<String, NdArray> arrays, Client client) {
    Map<String, long[]> shapes = new LinkedHashMap<>();
    arrays.forEach((k, v) -> shapes.put(k, v.shape()));
    Config c = Config.fromShapes(shapes);
    Map<String, NdArray> params = new LinkedHashMap<>();
    for (String key : c.paramShapes().keySet()) {
      NdArray a = arrays.get(key);
      if (!a.dtype().isFloating()) {
        throw new IllegalArgumentException("vae checkpoint requires floating-point '" + key + "', got "
            + a.dtype().xlaName());
      }
      params.put(key, a.astype(DType.F32));
    }
    return new PaliGemmaVae(c, params, DeviceMesh.single(client.addressableDevices().get(0)));
  }

  /** The sizes read from the checkpoint. */
  public Config config() {
    return config;
  }

  /**
   * Mask logits for each row of {@code codes}: (B, 64, 64) f32, as big_vision's {@code reconstruct_masks} (before
   * its last axis of 1).
   *
   * @throws IllegalArgumentException for no rows, a row without 16 codes, or a code outside {@code [0, K)}, naming the
   *     row and position
   */
  public NdArray logits(int[][] codes) {
    if (codes.length == 0) {
      throw new IllegalArgumentException("vae requires at least one row of codes, got none");
    }
    int[] flat = new int[codes.length * NUM_CODES];
    for (int r = 0; r < codes.length; r++) {
      if (codes[r].length != NUM_CODES) {
        throw new IllegalArgumentException("vae requires " + NUM_CODES + " codes per mask, got " + codes[r].length
            + " in row " + r);
      }
      for (int i = 0; i < NUM_CODES; i++) {
        int v = codes[r][i];
        if (v < 0 || v >= config.numEmbeddings()) {
          throw new IllegalArgumentException("vae requires codes in [0, " + config.numEmbeddings() + "), got " + v
              + " at row " + r + ", position " + i);
        }
        flat[r * NUM_CODES + i] = v;
      }
    }
    Program p = program(codes.length);
    return p.execute(store, Map.of(CODES, NdArray.of(flat, codes.length, NUM_CODES))).get(LOGITS);
  }

  /** The demo's masks: {@link #logits} of every row, each put into its box by {@link #mask}. */
  public List<Mask> masks(int[][] codes, List<Box> boxes) {
    if (boxes.size() != codes.length) {
      throw new IllegalArgumentException("vae masks requires one box per row of codes, got " + boxes.size()
          + " boxes and " + codes.length + " rows");
    }
    float[] all = logits(codes).toFloatArray();
    List<Mask> out = new ArrayList<>();
    int n = MASK_SIZE * MASK_SIZE;
    for (int r = 0; r < codes.length; r++) {
      out.add(mask(Arrays.copyOfRange(all, r * n, (r + 1) * n), boxes.get(r)));
    }
    return out;
  }

  /**
   * The demo's post-processing of one object's 64x64 logits (row-major): {@code uint8(clip(x * 0.5 + 0.5, 0, 1) *
   * 255)} in float32 (truncating, as NumPy's {@code astype}), resized to the box by Pillow's {@code resize} (BICUBIC);
   * an empty box gives an empty mask.
   */
  public static Mask mask(float[] logits64, Box box) {
    if (logits64.length != MASK_SIZE * MASK_SIZE) {
      throw new IllegalArgumentException("vae mask requires " + MASK_SIZE + "x" + MASK_SIZE + " logits, got "
          + logits64.length + " values");
    }
    if (box.isEmpty()) {
      return new Mask(box, new byte[0]);
    }
    byte[] gray = new byte[logits64.length];
    for (int i = 0; i < gray.length; i++) {
      float v = Math.min(Math.max(logits64[i] * 0.5f + 0.5f, 0f), 1f);
      gray[i] = (byte) (int) (v * 255f);
    }
    return new Mask(box, Resampling.pilBicubic(gray, MASK_SIZE, MASK_SIZE, box.height(), box.width()));
  }

  private synchronized Program program(int batch) {
    if (closed) {
      throw new IllegalStateException("vae is closed");
    }
    Program p = programs.get(batch);
    if (p == null) {
      p = Program.compile(graph(config, batch), devices);
      programs.put(batch, p);
      if (store == null) {
        store = ParamStore.fromArrays(p, params);
      }
    }
    return p;
  }

  /** Frees the programs and the parameters on the device; idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      programs.values().forEach(Program::close);
    } finally {
      if (store != null) {
        store.close();
      }
    }
  }

  @Override
  public String toString() {
    return "PaliGemmaVae(" + config + ")";
  }
}
