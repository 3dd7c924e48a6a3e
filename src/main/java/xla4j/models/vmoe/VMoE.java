package xla4j.models.vmoe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import xla4j.dsl.Graph;
import xla4j.dsl.Mesh;
import xla4j.dsl.Ops;
import xla4j.dsl.PartitionSpec;
import xla4j.dsl.Shape;
import xla4j.dsl.ShardingRules;
import xla4j.dsl.Tensor;
import xla4j.nn.Dense;
import xla4j.nn.Encoder1DBlock;
import xla4j.nn.Init;
import xla4j.nn.LayerNorm;
import xla4j.nn.MlpBlock;
import xla4j.nn.MlpMoeBlock;
import xla4j.nn.ParamSpec;
import xla4j.nn.Scope;

/**
 * V-MoE, the Vision Transformer with sparse mixtures of MLP experts (Riquelme et al., "Scaling Vision with Sparse
 * Mixture of Experts", 2021; google-research/vmoe {@code vmoe/nn/vit_moe.py} {@code VisionTransformerMoe}) at
 * inference.
 *
 * <p>Reads top-down as the reference: patch embedding {@code embedding} (conv, stride = patch), class token
 * {@code cls} (pool {@code tok}), position embedding {@code Encoder/posembed_input/pos_embedding} added after the
 * class token (vision_transformer's {@code AddPositionEmbs}), encoder blocks {@code Encoder/encoderblock_i}
 * ({@code LayerNorm_0}, {@code SelfAttention}, {@code LayerNorm_1}, then {@code Mlp}, or {@code Moe} on the MoE
 * layers), {@code Encoder/encoder_norm}, pooling, optional {@code pre_logits} (Dense + tanh), {@code head}. Parameter
 * names are vmoe's checkpoint names.
 *
 * <p>Axis letters: B batch, N tokens per image, D width; the MoE layers' (G, S, E, C) are in {@link MlpMoeBlock}.
 */
public final class VMoE {
  /** Name of the image parameter: (batch, size, size, 3), NHWC, values in [-1, 1]. */
  public static final String IMAGE = "image";

  /** The mesh axis that splits the batch. */
  public static final String DATA = "data";

  /** The mesh axis that splits the experts. */
  public static final String EXPERT = "expert";

  /** Output: per MoE layer (in {@code moe_layers} order), choices dropped per rank, s32 (layers, k). */
  public static final String DROPPED_CHOICES = "dropped_choices";

  /** Output: per MoE layer, tokens all of whose choices were dropped, s32 (layers,). */
  public static final String DROPPED_TOKENS = "dropped_tokens";

  private VMoE() {}

  /** A model graph: its config, batch, the graph (parameter {@code image} first, then the weights) and weights. */
  public record Model(VMoEConfig config, long batch, Graph graph, List<ParamSpec> params) {}

  /**
   * Expert parallelism over mesh axis {@code axis}: the stacked expert kernels and biases ({@code .../Moe/Mlp/...},
   * leading axis E) are split by expert, everything else is replicated (vmoe's {@code ('expert', ...)} partitioning
   * of the expert variables).
   */
  public static ShardingRules expertParallel(String axis) {
    return ShardingRules.replicated().add(".*/Moe/Mlp/Dense_[01]/(kernel|bias)", ShardingRules.shardDim(axis, 0));
  }

  /** The model on one device. */
  public static Model graph(VMoEConfig config, long batch) {
    return graph(config, batch, Optional.empty());
  }

  /**
   * Writes the model into a new graph with parameter {@code image} first, then the weights, and outputs
   * {@code logits}, {@code pre_logits} and (with MoE layers) {@link #DROPPED_CHOICES} and {@link #DROPPED_TOKENS}.
   * On a {@code mesh}, the batch (images, logits) is split over axis {@code data} if the mesh has one, and the experts
   * over axis {@code expert} if it has one ({@link #expertParallel}; the dispatched tokens are constrained to their
   * experts' devices).
   *
   * @throws IllegalArgumentException when the batch is not a multiple of the group size, or the mesh cannot split
   *     what it should
   */
  public static Model graph(VMoEConfig c, long batch, Optional<Mesh> mesh) {
    boolean experts = mesh.isPresent() && mesh.get().hasAxis(EXPERT);
    return graph(c, batch, mesh, experts ? MlpMoeBlock.Implementation.EINSUM : MlpMoeBlock.Implementation.INDICES);
  }

  /**
   * As {@link #graph(VMoEConfig, long, Optional)}, the MoE layers written as {@code impl} says (by default
   * {@link MlpMoeBlock.Implementation#EINSUM EINSUM} on a mesh with an expert axis, else
   * {@link MlpMoeBlock.Implementation#INDICES INDICES}, the faster on one CPU device).
   */
  public static Model graph(VMoEConfig c, long batch, Optional<Mesh> mesh, MlpMoeBlock.Implementation impl) {
    if (batch < 1 || batch % c.groupSize() != 0) {
      throw new IllegalArgumentException("V-MoE requires the batch to be a multiple of group_size (images per routing "
          + "group), got batch " + batch + " and group_size " + c.groupSize());
    }
    Graph g = mesh.isEmpty() ? new Graph("vmoe") : new Graph("vmoe", mesh.get(), false);
    boolean data = mesh.isPresent() && mesh.get().hasAxis(DATA);
    String expertAxis = mesh.isPresent() && mesh.get().hasAxis(EXPERT) ? EXPERT : null;
    Tensor image = g.parameter(IMAGE, Shape.of(c.dtype(), batch, c.imageSize(), c.imageSize(), 3),
        data ? PartitionSpec.of(DATA, null, null, null) : null);
    Scope root = Scope.root(g, c.dtype());
    Map<String, Tensor> out = apply(root, image, c, expertAxis, impl);
    g.output("logits", out.get("logits"), data ? PartitionSpec.of(DATA, null) : null);
    g.output("pre_logits", out.get("pre_logits"), data ? PartitionSpec.of(DATA, null) : null);
    if (!c.moeLayers().isEmpty()) {
      g.output(DROPPED_CHOICES, out.get(DROPPED_CHOICES));
      g.output(DROPPED_TOKENS, out.get(DROPPED_TOKENS));
    }
    if (expertAxis != null) {
      ShardingRules rules = expertParallel(expertAxis);
      for (ParamSpec p : root.params()) {
        g.parameterSharding(p.name(), rules.spec(p.name(), p.shape(), p.dtype(), mesh.get()));
      }
    }
    return new Model(c, batch, g, root.params());
  }

  /**
   * The forward pass of images (B, S, S, 3) under scope {@code s}. Returns {@code stem}, {@code encoded},
   * {@code pre_logits}, {@code logits}, each block's {@code encoderblock_i/+sa}, {@code /+mlp} (and {@code /gates}
   * on MoE layers), and with MoE layers {@link #DROPPED_CHOICES} and {@link #DROPPED_TOKENS}.
   *
   * @param expertAxis the graph's mesh axis that splits the experts, or null
   * @param impl how the MoE layers dispatch, run and combine their experts
   */
  public static Map<String, Tensor> apply(Scope s, Tensor image, VMoEConfig c, String expertAxis,
      MlpMoeBlock.Implementation impl) {
    Map<String, Tensor> out = new LinkedHashMap<>();
    long n = image.dim(0);
    Tensor x = patchEmbedding(s.child("embedding"), image, c);
    out.put("stem", x);
    long d = c.width();
    x = x.reshape(n, x.dim(1) * x.dim(2), d);
    if (c.pool() == VMoEConfig.Pool.tok) {
      Tensor cls = s.param("cls", new long[] {1, 1, d}, Init.zeros()).broadcastTo(n, 1, d);
      x = Ops.concatenate(1, cls, x);
    }
    Scope encoder = s.child("Encoder");
    Tensor pe = encoder.child("posembed_input").param("pos_embedding", new long[] {1, x.dim(1), d},
        Init.normal(0.02));
    x = x.add(pe.broadcastTo(x.dims()));
    List<Tensor> droppedChoices = new ArrayList<>();
    List<Tensor> droppedTokens = new ArrayList<>();
    for (int i = 0; i < c.depth(); i++) {
      Scope block = encoder.child("encoderblock_" + i);
      Map<String, Tensor> named = new LinkedHashMap<>();
      boolean moe = c.moeLayers().contains(i);
      x = Encoder1DBlock.apply(block, x, c.numHeads(), "SelfAttention", y -> {
        if (!moe) {
          return MlpBlock.apply(block.child("Mlp"), y, c.mlpDim());
        }
        MlpMoeBlock.Output o = MlpMoeBlock.apply(block.child("Moe"), y, c.mlpDim(), c.routing(), expertAxis, impl,
            named);
        droppedChoices.add(o.droppedChoices().reshape(1, c.k()));
        droppedTokens.add(o.droppedTokens().reshape(1));
        return o.output();
      }, named);
      String prefix = "encoderblock_" + i + "/";
      named.forEach((k, v) -> out.put(prefix + k, v));
    }
    x = LayerNorm.apply(encoder.child("encoder_norm"), x);
    out.put("encoded", x);
    x = c.pool() == VMoEConfig.Pool.tok ? x.slice(1, 0, 1).reshape(n, d) : x.mean(1);
    if (c.representationSize() > 0) {
      x = Dense.apply(s.child("pre_logits"), x, c.representationSize()).tanh();
    }
    out.put("pre_logits", x);
    out.put("logits", Dense.apply(s.child("head"), x, c.numClasses()));
    if (!droppedChoices.isEmpty()) {
      out.put(DROPPED_CHOICES, Ops.concatenate(0, droppedChoices.toArray(new Tensor[0])));
      out.put(DROPPED_TOKENS, Ops.concatenate(0, droppedTokens.toArray(new Tensor[0])));
    }
    return out;
  }

  /** {@code embedding}: conv with kernel (p, p, 3, width), stride p, VALID padding, plus bias. */
  static Tensor patchEmbedding(Scope s, Tensor image, VMoEConfig c) {
    long p = c.patch();
    Tensor kernel = s.param("kernel", new long[] {p, p, image.dim(3), c.width()}, Init.lecunNormal());
    Tensor bias = s.param("bias", new long[] {c.width()}, Init.zeros());
    return Ops.conv(image, kernel).layout("NHWC", "HWIO", "NHWC").strides(p, p).padding("VALID").build().add(bias);
  }
}
