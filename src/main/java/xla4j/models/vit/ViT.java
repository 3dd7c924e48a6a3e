package xla4j.models.vit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import xla4j.dsl.Composites;
import xla4j.dsl.Graph;
import xla4j.dsl.Mesh;
import xla4j.dsl.Ops;
import xla4j.dsl.PartitionSpec;
import xla4j.dsl.Shape;
import xla4j.dsl.ShardingRules;
import xla4j.dsl.Tensor;
import xla4j.nn.Dense;
import xla4j.nn.Encoder;
import xla4j.nn.Init;
import xla4j.nn.MAPHead;
import xla4j.nn.ParamSpec;
import xla4j.nn.PosEmb;
import xla4j.nn.Scope;

/**
 * big_vision's Vision Transformer ({@code big_vision/models/vit.py}, {@code _Model}), at inference.
 *
 * <p>Reads top-down as the reference: patch embedding {@code embedding} (a conv with stride = patch), position
 * embedding {@code pos_embedding}, optional class token {@code cls} (pool {@code tok}), the encoder {@code Transformer}, pooling
 * ({@code MAPHead_0} for map), optional {@code pre_logits} (tanh), optional {@code head}. Parameter names are
 * big_vision's checkpoint names.
 */
public final class ViT {
  /** Name of the image parameter of {@link #graph}: (batch, size, size, 3), NHWC. */
  public static final String IMAGE = "image";

  private ViT() {}

  /** A model graph: its parameter specs in graph order after the image, and the graph. */
  public record Model(ViTConfig config, long batch, Graph graph, List<ParamSpec> params) {}

  /**
   * How the model is laid out over a device mesh: the image batch (and every output) is split over the mesh axis
   * {@code data} when the mesh has one; each weight gets the spec {@code rules} give it (see {@link #megatron} and
   * {@link #fsdp}).
   */
  public record Layout(Mesh mesh, ShardingRules rules) {}

  /** What {@code Params.random} logs (at WARN) when it draws a head kernel of a config with {@code headZeroinit}. */
  static final String HEAD_ZEROINIT_CAVEAT = "zeros, as big_vision trains a head (head_zeroinit=True, "
      + "ViTConfig.headZeroinit), so with its zero bias every logit is 0 whatever the image; load a checkpoint, or "
      + "draw it from lecun_normal with ViTConfig.withHeadZeroinit(false)";

  /** The mesh axis that splits the batch. */
  public static final String DATA = "data";

  /** The mesh axis that splits the weights in {@link #megatron}. */
  public static final String MODEL = "model";

  /**
   * Megatron-style tensor parallelism over {@code axis} (Shoeybi et al. 2019): attention is split by heads (query,
   * key and value kernels {@code (D, H, hd)} on H, their biases {@code (H, hd)} on H, the output kernel
   * {@code (H, hd, D)} on H) and the MLP by its hidden units ({@code Dense_0} kernel and bias on M, {@code Dense_1}
   * kernel on M); everything else is replicated. The number of heads and the MLP width must be divisible by the
   * axis size.
   */
  public static ShardingRules megatron(String axis) {
    String attn = ".*MultiHeadDotProductAttention_0/";
    String mlp = ".*MlpBlock_0/";
    return ShardingRules.replicated()
        .add(attn + "(query|key|value)/kernel", ShardingRules.shardDim(axis, 1))
        .add(attn + "(query|key|value)/bias", ShardingRules.shardDim(axis, 0))
        .add(attn + "out/kernel", ShardingRules.shardDim(axis, 0))
        .add(mlp + "Dense_0/kernel", ShardingRules.shardDim(axis, 1))
        .add(mlp + "Dense_0/bias", ShardingRules.shardDim(axis, 0))
        .add(mlp + "Dense_1/kernel", ShardingRules.shardDim(axis, 0));
  }

  /**
   * big_vision's FSDP strategy {@code [(".*", "fsdp(axis=...)")]}: every weight larger than {@code minSizeToShardMb}
   * MiB is split along its largest divisible dimension over {@code axes} (together).
   */
  public static ShardingRules fsdp(List<String> axes, double minSizeToShardMb) {
    return ShardingRules.replicated().add(".*", ShardingRules.fsdp(axes, minSizeToShardMb));
  }

  /**
   * Writes the model into a new graph with parameter {@code image} first, then the weights (by name), and outputs
   * {@code logits} (if there is a head), {@code pre_logits} and {@code encoded}.
   */
  public static Model graph(ViTConfig config, long batch) {
    return graph(config, batch, List.of());
  }

  /**
   * As {@link #graph(ViTConfig, long)}, with more outputs after those: any named value of {@link #apply}, e.g.
   * {@code stem} or {@code encoder/block00/+sa}.
   */
  public static Model graph(ViTConfig config, long batch, List<String> extraOutputs) {
    return graph(config, batch, extraOutputs, Optional.empty());
  }

  /** As {@link #graph(ViTConfig, long, List)}, laid out over a mesh as {@code layout} says. */
  public static Model graph(ViTConfig config, long batch, List<String> extraOutputs, Optional<Layout> layout) {
    Graph g = layout.isEmpty() ? new Graph("vit") : new Graph("vit", layout.get().mesh(), false);
    boolean data = layout.isPresent() && layout.get().mesh().hasAxis(DATA);
    Tensor image = g.parameter(IMAGE, Shape.of(config.dtype(), batch, config.imageSize(), config.imageSize(), 3),
        data ? PartitionSpec.of(DATA, null, null, null) : null);
    Scope root = Scope.root(g, config.dtype());
    boolean intermediates = extraOutputs.stream().anyMatch(k -> k.startsWith("encoder/"));
    boolean outputs2d = extraOutputs.contains("pre_logits_2d") || extraOutputs.contains("logits_2d");
    Map<String, Tensor> out = apply(root, image, config, intermediates, outputs2d);
    List<String> names = new ArrayList<>();
    if (out.containsKey("logits")) {
      names.add("logits");
    }
    names.add("pre_logits");
    names.add("encoded");
    for (String k : extraOutputs) {
      if (!out.containsKey(k)) {
        throw new IllegalArgumentException("ViT has no output '" + k + "'; it has " + out.keySet());
      }
      names.add(k);
    }
    for (String k : names) {
      Tensor t = out.get(k);
      g.output(k, t, data ? batchSpec(t.rank()) : null);
    }
    if (layout.isPresent()) {
      for (ParamSpec p : root.params()) {
        g.parameterSharding(p.name(), layout.get().rules().spec(p.name(), p.shape(), p.dtype(), layout.get().mesh()));
      }
    }
    return new Model(config, batch, g, root.params());
  }

  /** {@code PartitionSpec('data', None, ...)} of rank {@code rank}. */
  private static PartitionSpec batchSpec(int rank) {
    Object[] dims = new Object[rank];
    dims[0] = DATA;
    return PartitionSpec.of(dims);
  }

  /**
   * The forward pass. Returns big_vision's named outputs: {@code stem}, {@code with_posemb}, {@code encoded},
   * {@code head_input}, {@code pre_logits}, {@code logits}; with {@code intermediates}, also every block's
   * {@code encoder/blockNN/...} values.
   */
  public static Map<String, Tensor> apply(Scope s, Tensor image, ViTConfig c, boolean intermediates) {
    return apply(s, image, c, intermediates, false);
  }

  /**
   * As {@link #apply(Scope, Tensor, ViTConfig, boolean)}; with {@code outputs2d} (and no PatchMerger) also
   * big_vision's per-patch {@code pre_logits_2d} (the encoded patch tokens, without a class token, as an
   * (n, h, w, D) grid, through {@code pre_logits}) and {@code logits_2d} (through the {@code head}).
   */
  public static Map<String, Tensor> apply(Scope s, Tensor image, ViTConfig c, boolean intermediates,
      boolean outputs2d) {
    Map<String, Tensor> out = new LinkedHashMap<>();
    long n = image.dim(0);
    Tensor x = patchEmbedding(s.child("embedding"), image, c);
    out.put("stem", x);
    long h = x.dim(1);
    long w = x.dim(2);
    long d = x.dim(3);
    x = x.reshape(n, h * w, d);
    x = x.add(PosEmb.apply(s, c.posemb(), h, w, d, "pos_embedding"));
    out.put("with_posemb", x);
    if (c.pool().equals("tok")) {
      Tensor cls = s.param("cls", new long[] {1, 1, d}, Init.zeros()).broadcastTo(n, 1, d);
      x = Ops.concatenate(1, cls, x);
    }
    Map<String, Tensor> encoder = intermediates ? new LinkedHashMap<>() : null;
    x = Encoder.apply(s.child("Transformer"), x, c.depth(), c.numHeads(), c.mlpDim(), c.mergeAfter(),
        c.mergeTokens(), encoder);
    if (encoder != null) {
      encoder.forEach((k, v) -> out.put("encoder/" + k, v));
    }
    out.put("encoded", x);
    Tensor x2d = null;
    if (outputs2d && c.mergeAfter() < 0) {
      Tensor patches = c.pool().equals("tok") ? x.slice(1, 1, x.dim(1)) : x;
      x2d = patches.reshape(n, h, w, d);
    }
    switch (c.pool()) {
      case "map":
        x = MAPHead.apply(s.child("MAPHead_0"), x, c.numHeads(), c.mlpDim());
        break;
      case "gap":
        x = Composites.meanAxes(x, 1);
        break;
      case "tok":
      case "0": // token 0: the class token, or (pool "0") the first token itself
        x = x.slice(1, 0, 1).reshape(n, d);
        break;
      default: // none: the tokens themselves
        break;
    }
    out.put("head_input", x);
    if (c.repSize() > 0) {
      Dense hid = Dense.declare(s.child("pre_logits"), d, c.repSize(), Init.lecunNormal(), Init.zeros());
      x = hid.apply(x).tanh();
      x2d = x2d == null ? null : hid.apply(x2d).tanh();
    }
    out.put("pre_logits", x);
    if (x2d != null) {
      out.put("pre_logits_2d", x2d);
    }
    if (c.numClasses() > 0) {
      Init kernel = c.headZeroinit() ? Init.zeros().withCaveat(HEAD_ZEROINIT_CAVEAT) : Init.lecunNormal();
      Dense head = Dense.declare(s.child("head"), x.dim(-1), c.numClasses(), kernel, Init.zeros());
      x = head.apply(x);
      out.put("logits", x);
      if (x2d != null) {
        out.put("logits_2d", head.apply(x2d));
      }
    }
    return out;
  }

  /** {@code embedding}: conv with kernel (p, p, 3, width), stride p, VALID padding, plus bias. */
  static Tensor patchEmbedding(Scope s, Tensor image, ViTConfig c) {
    long p = c.patch();
    Tensor kernel = s.param("kernel", new long[] {p, p, image.dim(3), c.width()}, Init.lecunNormal());
    Tensor bias = s.param("bias", new long[] {c.width()}, Init.zeros());
    return Ops.conv(image, kernel).layout("NHWC", "HWIO", "NHWC").strides(p, p).padding("VALID").build().add(bias);
  }
}
