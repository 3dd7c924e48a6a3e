package xla4j.models.vit;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import xla4j.array.DType;

/**
 * A big_vision ViT configuration ({@code big_vision/models/vit.py}). Fields keep big_vision's names and meanings;
 * {@code pool} is big_vision's {@code pool_type}: {@code tok} (a learned class token {@code cls}), {@code gap},
 * {@code map}, {@code 0} (token 0, no class token), or xla4j's {@code none} (the tokens themselves). {@code cls} is
 * accepted as an alias of {@code tok}.
 *
 * <p>As big_vision's VALID-padded stem, an image size that is not a multiple of the patch size drops the last
 * {@code imageSize % patch} rows and columns (So400m/14 at 384 px: 27 x 27 patches).
 *
 * @param width token width D
 * @param depth number of encoder blocks
 * @param mlpDim hidden width of the MLP blocks
 * @param numHeads attention heads
 * @param patch patch size (square)
 * @param imageSize input resolution (square)
 * @param posemb {@code learn} or {@code sincos2d}
 * @param pool {@code tok}, {@code gap}, {@code map}, {@code 0} or {@code none} ({@code cls} becomes {@code tok})
 * @param repSize width of the tanh {@code pre_logits} layer, 0 for none
 * @param numClasses classes of the {@code head}, 0 for no head
 * @param headZeroinit whether the random initialisation of the head kernel is zeros, big_vision's
 *     {@code head_zeroinit} (default {@code True} there, right for training); random parameters of such a config give
 *     all-zero logits, which {@code Params.random} reports at WARN (logger {@code xla4j.nn})
 * @param mergeAfter PatchMerger after this many blocks (in [1, depth)), or -1 for none
 * @param mergeTokens tokens the PatchMerger produces
 * @param dtype parameter and activation dtype (f32 or bf16); unlike big_vision's {@code dtype_mm}, which keeps f32
 *     parameters and only multiplies in bf16, bf16 here also stores the parameters in bf16 (LayerNorm statistics
 *     and the attention softmax still run in f32)
 */
public record ViTConfig(long width, int depth, long mlpDim, int numHeads, long patch, long imageSize,
    String posemb, String pool, long repSize, long numClasses, boolean headZeroinit, int mergeAfter,
    long mergeTokens, DType dtype) {

  /**
   * Widths, depths, MLP widths and heads of big_vision's {@code decode_variant} table: Ti, S, B, L, H from
   * Dosovitskiy et al. (2021) and Touvron et al. (2021); M, g, G, e and the -opt shapes from Zhai et al.
   * ("Scaling Vision Transformers", 2022, Table 2); So400m from Alabdulmohsin et al. ("Getting ViT in Shape",
   * 2023); mu is big_vision's tiny test model.
   */
  static final Map<String, long[]> VARIANTS = Map.ofEntries(
      Map.entry("mu", new long[] {32, 1, 128, 2}),
      Map.entry("Ti", new long[] {192, 12, 768, 3}),
      Map.entry("S", new long[] {384, 12, 1536, 6}),
      Map.entry("M", new long[] {512, 12, 2048, 8}),
      Map.entry("B", new long[] {768, 12, 3072, 12}),
      Map.entry("L", new long[] {1024, 24, 4096, 16}),
      Map.entry("So400m", new long[] {1152, 27, 4304, 16}),
      Map.entry("H", new long[] {1280, 32, 5120, 16}),
      Map.entry("g", new long[] {1408, 40, 6144, 16}),
      Map.entry("g-opt", new long[] {1536, 40, 6144, 16}),
      Map.entry("G", new long[] {1664, 48, 8192, 16}),
      Map.entry("G-opt", new long[] {1536, 48, 8192, 16}),
      Map.entry("e", new long[] {1792, 56, 15360, 16}));

  private static final Pattern VARIANT = Pattern.compile("([A-Za-z0-9-]+?)(?:/(\\d+))?");

  /** Checks the configuration; throws {@code IllegalArgumentException} naming the first inconsistent component. */
  public ViTConfig {
    if (width <= 0 || depth <= 0 || numHeads <= 0 || patch <= 0 || imageSize <= 0) {
      throw new IllegalArgumentException("ViT config requires positive width, depth, heads, patch and image size");
    }
    if (width % numHeads != 0) {
      throw new IllegalArgumentException("ViT width " + width + " is not divisible by " + numHeads + " heads");
    }
    if (imageSize < patch) {
      throw new IllegalArgumentException("ViT requires an image size of at least one patch, got " + imageSize
          + " px for patch size " + patch);
    }
    if (!posemb.equals("learn") && !posemb.equals("sincos2d")) {
      throw new IllegalArgumentException("ViT posemb must be 'learn' or 'sincos2d', got '" + posemb + "'");
    }
    if ("cls".equals(pool)) {
      pool = "tok"; // the name this pooling had in xla4j before it took big_vision's
    }
    if (!java.util.List.of("tok", "gap", "map", "0", "none").contains(pool)) {
      throw new IllegalArgumentException("ViT pool requires one of tok, gap, map, 0 or none (cls is an alias of tok), "
          + "got '" + pool + "'");
    }
    if (mergeAfter >= 0 && (mergeAfter < 1 || mergeAfter >= depth || mergeTokens < 1)) {
      throw new IllegalArgumentException("ViT PatchMerger must come after 1 to depth-1 = " + (depth - 1)
          + " blocks and produce >= 1 tokens, got after " + mergeAfter + " blocks, " + mergeTokens + " tokens");
    }
    if (mergeAfter >= 0 && pool.equals("tok")) {
      throw new IllegalArgumentException("ViT PatchMerger requires a pool other than tok (it would merge the class "
          + "token away), got pool tok");
    }
    if (dtype != DType.F32 && dtype != DType.BF16) {
      throw new IllegalArgumentException("ViT dtype must be f32 or bf16, got " + dtype.xlaName());
    }
  }

  /**
   * The config of a variant name like big_vision's {@code decode_variant}: {@code "B/16"} (patch 16; without
   * {@code /PATCH} the model's default 16), at 224 px, learned posemb, gap pooling, 1000 classes, f32, and
   * {@code headZeroinit} true as big_vision's {@code _Model} defaults {@code head_zeroinit: bool = True}
   * ({@code big_vision/models/vit.py}, {@code kernel_init=nn.initializers.zeros} for the {@code head} Dense): the
   * head of a model trained from scratch starts at zero. That is harmless with a checkpoint (which holds the head), but
   * random parameters then give all-zero logits ({@code Params.random} warns); call {@code withHeadZeroinit(false)}
   * for a random head (the {@code vit} command does so without {@code --checkpoint}).
   */
  public static ViTConfig fromVariant(String variant) {
    Matcher m = VARIANT.matcher(variant == null ? "" : variant);
    if (!m.matches() || !VARIANTS.containsKey(m.group(1))) {
      throw new IllegalArgumentException("unknown ViT variant '" + variant + "', expected NAME/PATCH (or NAME, patch 16) with NAME one of "
          + new java.util.TreeSet<>(VARIANTS.keySet()) + ", e.g. B/16");
    }
    long[] v = VARIANTS.get(m.group(1));
    long patch = m.group(2) == null ? 16 : Long.parseLong(m.group(2));
    return new ViTConfig(v[0], (int) v[1], v[2], (int) v[3], patch, 224, "learn", "gap", 0, 1000, true, -1, 0,
        DType.F32);
  }

  /** "ViT-B/16 224px gap learn f32". */
  public String describe() {
    String name = VARIANTS.entrySet().stream()
        .filter(e -> e.getValue()[0] == width && e.getValue()[1] == depth && e.getValue()[2] == mlpDim)
        .map(Map.Entry::getKey).findFirst().orElse("w" + width + "d" + depth);
    return "ViT-" + name + "/" + patch + " " + imageSize + "px " + pool + " " + posemb + " " + dtype.xlaName()
        + (mergeAfter > 0 ? " PatchMerger@" + mergeAfter + "->" + mergeTokens : "");
  }

  /** Tokens per side of the patch grid. */
  public long gridSize() {
    return imageSize / patch;
  }

  /** This config at input resolution {@code px} (square). */
  public ViTConfig withImageSize(long px) {
    return new ViTConfig(width, depth, mlpDim, numHeads, patch, px, posemb, pool, repSize, numClasses, headZeroinit,
        mergeAfter, mergeTokens, dtype);
  }

  /** This config with patch size {@code p} (square). */
  public ViTConfig withPatch(long p) {
    return new ViTConfig(width, depth, mlpDim, numHeads, p, imageSize, posemb, pool, repSize, numClasses,
        headZeroinit, mergeAfter, mergeTokens, dtype);
  }

  /** This config with position embedding {@code type} ({@code learn} or {@code sincos2d}). */
  public ViTConfig withPosemb(String type) {
    return new ViTConfig(width, depth, mlpDim, numHeads, patch, imageSize, type, pool, repSize, numClasses,
        headZeroinit, mergeAfter, mergeTokens, dtype);
  }

  /** This config with pooling {@code p} ({@code tok}, {@code gap}, {@code map}, {@code 0} or {@code none}). */
  public ViTConfig withPool(String p) {
    return new ViTConfig(width, depth, mlpDim, numHeads, patch, imageSize, posemb, p, repSize, numClasses,
        headZeroinit, mergeAfter, mergeTokens, dtype);
  }

  /** This config with a {@code pre_logits} layer of width {@code r} (0 for none). */
  public ViTConfig withRepSize(long r) {
    return new ViTConfig(width, depth, mlpDim, numHeads, patch, imageSize, posemb, pool, r, numClasses,
        headZeroinit, mergeAfter, mergeTokens, dtype);
  }

  /** This config with a head of {@code n} classes (0 for no head). */
  public ViTConfig withNumClasses(long n) {
    return new ViTConfig(width, depth, mlpDim, numHeads, patch, imageSize, posemb, pool, repSize, n, headZeroinit,
        mergeAfter, mergeTokens, dtype);
  }

  /** This config with big_vision's {@code head_zeroinit} set to {@code z}. */
  public ViTConfig withHeadZeroinit(boolean z) {
    return new ViTConfig(width, depth, mlpDim, numHeads, patch, imageSize, posemb, pool, repSize, numClasses, z,
        mergeAfter, mergeTokens, dtype);
  }

  /** A PatchMerger after the first {@code afterBlocks} blocks, producing {@code tokens} tokens. */
  public ViTConfig withPatchMerger(int afterBlocks, long tokens) {
    return new ViTConfig(width, depth, mlpDim, numHeads, patch, imageSize, posemb, pool, repSize, numClasses,
        headZeroinit, afterBlocks, tokens, dtype);
  }

  /** This config with {@code d} encoder blocks. */
  public ViTConfig withDepth(int d) {
    return new ViTConfig(width, d, mlpDim, numHeads, patch, imageSize, posemb, pool, repSize, numClasses,
        headZeroinit, mergeAfter, mergeTokens, dtype);
  }

  /** This config with parameter and activation dtype {@code t} (f32 or bf16). */
  public ViTConfig withDtype(DType t) {
    return new ViTConfig(width, depth, mlpDim, numHeads, patch, imageSize, posemb, pool, repSize, numClasses,
        headZeroinit, mergeAfter, mergeTokens, t);
  }
}
