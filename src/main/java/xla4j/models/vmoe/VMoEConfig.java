package xla4j.models.vmoe;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import xla4j.array.DType;
import xla4j.nn.MlpMoeBlock;

/**
 * A V-MoE configuration: vmoe's {@code VisionTransformerMoe} ({@code vmoe/nn/vit_moe.py}) with its encoder's
 * {@code moe} options. Names follow the {@code xla4j vmoe --config} JSON keys (vmoe's where it has one).
 *
 * @param patch patch size (square), vmoe's {@code patch_size}
 * @param imageSize input resolution (square)
 * @param width token width D, vmoe's {@code hidden_size}
 * @param depth encoder blocks, {@code num_layers}
 * @param mlpDim hidden width M of the dense and expert MLPs
 * @param numHeads attention heads
 * @param numClasses classes of the {@code head}
 * @param numExperts experts E of each MoE layer
 * @param k experts per token, the router's {@code num_selected_experts}
 * @param capacityFactor the dispatcher's {@code capacity_factor}
 * @param moeLayers indices of the blocks whose MLP is a mixture of experts ({@code moe.layers}), ascending
 * @param batchPriority the dispatcher's {@code batch_priority}
 * @param groupSize images per routing group (vmoe's {@code group_size} is in tokens: this times the sequence length)
 * @param pool {@code tok} (class token, vmoe's {@code classifier='token'}) or {@code gap}
 * @param representationSize width of the tanh {@code pre_logits} layer, 0 for none (present iff the checkpoint has
 *     {@code pre_logits/kernel})
 * @param bfloat16Dispatch the dispatcher's {@code bfloat16}: tokens travel to and from the experts in bf16, as the
 *     paper's configs train
 * @param dtype parameter and activation dtype (f32 or bf16)
 */
public record VMoEConfig(long patch, long imageSize, long width, int depth, long mlpDim, int numHeads,
    long numClasses, int numExperts, int k, double capacityFactor, List<Integer> moeLayers, boolean batchPriority,
    long groupSize, Pool pool, long representationSize, boolean bfloat16Dispatch, DType dtype) {

  /** How the encoded tokens become one vector: vmoe's {@code classifier}. */
  public enum Pool {
    /** The class token {@code cls} prepended to the patches (vmoe's {@code 'token'}). */
    tok,
    /** The mean of the tokens. */
    gap
  }

  /**
   * The V-MoE variants of Riquelme et al., "Scaling Vision with Sparse Mixture of Experts" (NeurIPS 2021), Table 8
   * (upstream models): every one has E=32 experts and k=2; MoE on every other block ("Every 2", the odd blocks) except
   * V-MoE-S/32 ("Last 2": the last two odd blocks). Widths, depths, MLP widths and heads are vmoe's
   * ({@code vmoe/configs/vmoe_paper/common.py}: S is 512 wide and 8 deep there, not ViT-S). Values: width, depth,
   * mlp_dim, heads, patch, num_experts, k, and -1 for every 2 or n for the last n odd blocks.
   */
  static final Map<String, long[]> VARIANTS = Map.of(
      "S/32", new long[] {512, 8, 2048, 8, 32, 32, 2, 2},
      "B/32", new long[] {768, 12, 3072, 12, 32, 32, 2, -1},
      "B/16", new long[] {768, 12, 3072, 12, 16, 32, 2, -1},
      "L/16", new long[] {1024, 24, 4096, 16, 16, 32, 2, -1},
      "H/14", new long[] {1280, 32, 5120, 16, 14, 32, 2, -1});

  /** The exact keys of a {@code --config} JSON file. */
  public static final List<String> JSON_KEYS = List.of("patch", "image_size", "width", "depth", "mlp_dim",
      "num_heads", "num_classes", "num_experts", "k", "capacity_factor", "moe_layers", "batch_priority", "group_size",
      "pool");

  /** Checks the configuration; throws {@code IllegalArgumentException} naming the first inconsistent component. */
  public VMoEConfig {
    if (patch < 1 || imageSize < patch) {
      throw new IllegalArgumentException("V-MoE requires patch >= 1 and image_size >= patch, got patch " + patch
          + " and image_size " + imageSize);
    }
    if (width < 1 || depth < 1 || mlpDim < 1 || numHeads < 1 || numClasses < 1) {
      throw new IllegalArgumentException("V-MoE requires width, depth, mlp_dim, num_heads and num_classes >= 1, got "
          + width + ", " + depth + ", " + mlpDim + ", " + numHeads + " and " + numClasses);
    }
    if (width % numHeads != 0) {
      throw new IllegalArgumentException("V-MoE requires width to be a multiple of num_heads, got " + width + " and "
          + numHeads);
    }
    if (numExperts < 1) {
      throw new IllegalArgumentException("V-MoE requires num_experts >= 1, got " + numExperts);
    }
    if (k < 1 || k > numExperts) {
      throw new IllegalArgumentException("V-MoE requires 1 <= k <= num_experts, got k=" + k + " and num_experts="
          + numExperts);
    }
    if (groupSize < 1) {
      throw new IllegalArgumentException("V-MoE requires group_size >= 1 image, got " + groupSize);
    }
    moeLayers = List.copyOf(moeLayers);
    for (int i = 0; i < moeLayers.size(); i++) {
      int l = moeLayers.get(i);
      if (l < 0 || l >= depth) {
        throw new IllegalArgumentException("V-MoE requires MoE layer indices in [0, depth=" + depth + "), got " + l
            + " in " + moeLayers);
      }
      if (i > 0 && l <= moeLayers.get(i - 1)) {
        throw new IllegalArgumentException("V-MoE requires distinct MoE layer indices in ascending order, got "
            + moeLayers);
      }
    }
    if (pool == null) {
      throw new IllegalArgumentException("V-MoE requires a pool (tok or gap), got null");
    }
    if (representationSize < 0) {
      throw new IllegalArgumentException("V-MoE requires representation_size >= 0 (0: no pre_logits), got "
          + representationSize);
    }
    if (dtype != DType.F32 && dtype != DType.BF16) {
      throw new IllegalArgumentException("V-MoE requires dtype f32 or bf16, got " + dtype.xlaName());
    }
    // the capacity of a group: refuses a capacity factor that leaves an expert no slot (vmoe's compute_capacity)
    long tokens = (imageSize / patch) * (imageSize / patch) + (pool == Pool.tok ? 1 : 0);
    MlpMoeBlock.computeCapacity(tokens * groupSize * k, numExperts, capacityFactor);
  }

  /** Tokens per image: the patches, plus the class token with pool {@code tok}. */
  public long seqLength() {
    long grid = imageSize / patch;
    return grid * grid + (pool == Pool.tok ? 1 : 0);
  }

  /** The expert capacity C of one routing group ({@code group_size * seq_length} tokens). */
  public int capacity() {
    return routing().capacity();
  }

  /** The MoE layers' routing options (group size in tokens). */
  public MlpMoeBlock.Routing routing() {
    return new MlpMoeBlock.Routing(numExperts, k, capacityFactor, batchPriority, groupSize * seqLength(),
        bfloat16Dispatch);
  }

  /**
   * A variant of the paper ({@link #VARIANTS}: {@code S/32}, {@code B/32}, {@code B/16}, {@code L/16},
   * {@code H/14}) at 224 px with 1000 classes, pool {@code tok}, groups of 8 images and capacity factor 1.05 as the
   * paper's configs ({@code vmoe/configs/vmoe_paper}), no batch priority, no {@code pre_logits}, f32.
   */
  public static VMoEConfig fromVariant(String name) {
    long[] v = VARIANTS.get(name);
    if (v == null) {
      throw new IllegalArgumentException("unknown V-MoE variant '" + name + "', expected one of "
          + new TreeSet<>(VARIANTS.keySet()));
    }
    int depth = (int) v[1];
    List<Integer> odd = IntStream.iterate(1, i -> i < depth, i -> i + 2).boxed().toList();
    List<Integer> layers = v[7] < 0 ? odd : odd.subList(odd.size() - (int) v[7], odd.size());
    return new VMoEConfig(v[4], 224, v[0], depth, v[2], (int) v[3], 1000, (int) v[5], (int) v[6], 1.05, layers,
        false, 8, Pool.tok, 0, false, DType.F32);
  }

  /**
   * A config from the {@code --config} JSON: an object with exactly the keys {@link #JSON_KEYS}; f32, no
   * {@code pre_logits} (see {@link #withRepresentationSize}), no bf16 dispatch.
   *
   * @throws IllegalArgumentException naming a missing, unknown or mistyped key, or an inconsistent value
   */
  public static VMoEConfig fromJson(String json) {
    JsonObject o;
    try {
      JsonElement e = JsonParser.parseString(json);
      if (!e.isJsonObject()) {
        throw new IllegalArgumentException("V-MoE config requires a JSON object, got " + e);
      }
      o = e.getAsJsonObject();
    } catch (JsonParseException e) {
      throw new IllegalArgumentException("V-MoE config is not valid JSON: " + e.getMessage(), e);
    }
    Set<String> unknown = new TreeSet<>(o.keySet());
    JSON_KEYS.forEach(unknown::remove);
    List<String> missing = JSON_KEYS.stream().filter(key -> !o.has(key)).toList();
    if (!missing.isEmpty() || !unknown.isEmpty()) {
      throw new IllegalArgumentException("V-MoE config requires exactly the keys " + JSON_KEYS + ", got "
          + (missing.isEmpty() ? "" : "missing " + missing) + (missing.isEmpty() || unknown.isEmpty() ? "" : " and ")
          + (unknown.isEmpty() ? "" : "unknown " + unknown));
    }
    JsonElement layers = o.get("moe_layers");
    if (!layers.isJsonArray()) {
      throw new IllegalArgumentException("V-MoE config key 'moe_layers' requires a list of block indices, got "
          + layers);
    }
    List<Integer> moe = new ArrayList<>();
    for (JsonElement l : (JsonArray) layers) {
      moe.add((int) integer("moe_layers", l));
    }
    JsonElement bp = o.get("batch_priority");
    if (!(bp.isJsonPrimitive() && bp.getAsJsonPrimitive().isBoolean())) {
      throw new IllegalArgumentException("V-MoE config key 'batch_priority' requires true or false, got " + bp);
    }
    JsonElement pool = o.get("pool");
    if (!(pool.isJsonPrimitive() && pool.getAsJsonPrimitive().isString())
        || !List.of("tok", "gap").contains(pool.getAsString())) {
      throw new IllegalArgumentException("V-MoE config key 'pool' requires \"tok\" or \"gap\", got " + pool);
    }
    return new VMoEConfig(integer(o, "patch"), integer(o, "image_size"), integer(o, "width"),
        (int) integer(o, "depth"), integer(o, "mlp_dim"), (int) integer(o, "num_heads"), integer(o, "num_classes"),
        (int) integer(o, "num_experts"), (int) integer(o, "k"), number(o, "capacity_factor"), moe,
        bp.getAsBoolean(), integer(o, "group_size"), Pool.valueOf(pool.getAsString()), 0, false, DType.F32);
  }

  private static long integer(JsonObject o, String key) {
    return integer(key, o.get(key));
  }

  private static long integer(String key, JsonElement e) {
    if (e.isJsonPrimitive() && ((JsonPrimitive) e).isNumber()) {
      double d = e.getAsDouble();
      if (d == Math.rint(d) && Math.abs(d) < 1L << 31) {
        return (long) d;
      }
    }
    throw new IllegalArgumentException("V-MoE config key '" + key + "' requires an integer, got " + e);
  }

  private static double number(JsonObject o, String key) {
    JsonElement e = o.get(key);
    if (e.isJsonPrimitive() && ((JsonPrimitive) e).isNumber()) {
      return e.getAsDouble();
    }
    throw new IllegalArgumentException("V-MoE config key '" + key + "' requires a number, got " + e);
  }

  /** "V-MoE-S/32 E=32 k=2 MoE@[5, 7] cf=1.05 224px tok f32" (or "... dense (no MoE layer) ..."). */
  public String describe() {
    String name = VARIANTS.entrySet().stream()
        .filter(e -> e.getValue()[0] == width && e.getValue()[1] == depth && e.getValue()[4] == patch)
        .map(Map.Entry::getKey).findFirst().orElse("w" + width + "d" + depth + "/" + patch);
    String moe = moeLayers.isEmpty() ? " dense (no MoE layer)" : " E=" + numExperts + " k=" + k + " MoE@" + moeLayers
        + " cf=" + capacityFactor + (batchPriority ? " BPR" : "");
    return "V-MoE-" + name + moe + " " + imageSize + "px " + pool + " " + dtype.xlaName();
  }

  /** This config with capacity factor {@code c}. */
  public VMoEConfig withCapacityFactor(double c) {
    return new VMoEConfig(patch, imageSize, width, depth, mlpDim, numHeads, numClasses, numExperts, k, c, moeLayers,
        batchPriority, groupSize, pool, representationSize, bfloat16Dispatch, dtype);
  }

  /** This config with a {@code pre_logits} layer of width {@code r} (0: none). */
  public VMoEConfig withRepresentationSize(long r) {
    return new VMoEConfig(patch, imageSize, width, depth, mlpDim, numHeads, numClasses, numExperts, k,
        capacityFactor, moeLayers, batchPriority, groupSize, pool, r, bfloat16Dispatch, dtype);
  }

  /** This config with batch-priority routing on or off. */
  public VMoEConfig withBatchPriority(boolean b) {
    return new VMoEConfig(patch, imageSize, width, depth, mlpDim, numHeads, numClasses, numExperts, k,
        capacityFactor, moeLayers, b, groupSize, pool, representationSize, bfloat16Dispatch, dtype);
  }

  /** This config with MoE layers {@code layers}. */
  public VMoEConfig withMoeLayers(List<Integer> layers) {
    return new VMoEConfig(patch, imageSize, width, depth, mlpDim, numHeads, numClasses, numExperts, k,
        capacityFactor, layers, batchPriority, groupSize, pool, representationSize, bfloat16Dispatch, dtype);
  }

  /** This config with {@code e} experts per MoE layer and {@code topK} per token. */
  public VMoEConfig withExperts(int e, int topK) {
    return new VMoEConfig(patch, imageSize, width, depth, mlpDim, numHeads, numClasses, e, topK, capacityFactor,
        moeLayers, batchPriority, groupSize, pool, representationSize, bfloat16Dispatch, dtype);
  }

  /** This config with routing groups of {@code images} images. */
  public VMoEConfig withGroupSize(long images) {
    return new VMoEConfig(patch, imageSize, width, depth, mlpDim, numHeads, numClasses, numExperts, k,
        capacityFactor, moeLayers, batchPriority, images, pool, representationSize, bfloat16Dispatch, dtype);
  }

  /** This config with the dispatcher's {@code bfloat16} on or off. */
  public VMoEConfig withBfloat16Dispatch(boolean b) {
    return new VMoEConfig(patch, imageSize, width, depth, mlpDim, numHeads, numClasses, numExperts, k,
        capacityFactor, moeLayers, batchPriority, groupSize, pool, representationSize, b, dtype);
  }

  /** This config with input resolution {@code px}. */
  public VMoEConfig withImageSize(long px) {
    return new VMoEConfig(patch, px, width, depth, mlpDim, numHeads, numClasses, numExperts, k, capacityFactor,
        moeLayers, batchPriority, groupSize, pool, representationSize, bfloat16Dispatch, dtype);
  }
}
