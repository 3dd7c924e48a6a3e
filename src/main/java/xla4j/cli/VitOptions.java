package xla4j.cli;

import picocli.CommandLine.Option;
import xla4j.array.DType;
import xla4j.models.vit.ViTConfig;

/** The ViT model options shared by {@code vit}, {@code emit vit} and {@code compile vit}. */
final class VitOptions {
  @Option(names = "--variant", defaultValue = "B/16", paramLabel = "NAME/PATCH",
      description = "big_vision variant: Ti, S, M, B, L, So400m, H, g, G, e with a patch size, e.g. B/16, So400m/14 "
          + "(default: ${DEFAULT-VALUE}); the image size need not be a multiple of the patch (VALID stem)")
  String variant;

  @Option(names = "--image-size", defaultValue = "224", paramLabel = "PX", description = "resolution (default: 224)")
  long imageSize;

  @Option(names = "--pool", defaultValue = "gap", description = "big_vision's pool_type: tok (a learned class token; "
      + "cls is an alias), gap, map, 0 (token 0) or none (default: gap)")
  String pool;

  @Option(names = "--posemb", defaultValue = "learn", description = "learn or sincos2d (default: learn)")
  String posemb;

  @Option(names = "--num-classes", defaultValue = "1000", paramLabel = "N",
      description = "classes of the head, 0 for none (default: 1000)")
  long numClasses;

  @Option(names = "--rep-size", defaultValue = "0", paramLabel = "N",
      description = "width of the tanh pre_logits layer, 0 for none (default: 0)")
  long repSize;

  @Option(names = "--patch-merger", paramLabel = "K:M",
      description = "a PatchMerger after K blocks producing M tokens, e.g. 6:8")
  String patchMerger;

  @Option(names = "--dtype", defaultValue = "f32", description = "f32 or bf16 (default: f32)")
  String dtype;

  @Option(names = "--batch", defaultValue = "8", paramLabel = "N",
      description = "batch size (default: 8; with --image, the number of images)")
  long batch;

  ViTConfig config(boolean headZeroinit) {
    ViTConfig c = ViTConfig.fromVariant(variant).withImageSize(imageSize).withPool(pool).withPosemb(posemb)
        .withNumClasses(numClasses).withRepSize(repSize).withHeadZeroinit(headZeroinit)
        .withDtype(DType.fromXlaName(dtype));
    if (patchMerger != null) {
      String[] km = patchMerger.split(":");
      if (km.length != 2) {
        throw new IllegalArgumentException("--patch-merger must be K:M (blocks before it : tokens out), got "
            + patchMerger);
      }
      c = c.withPatchMerger(Integer.parseInt(km[0]), Long.parseLong(km[1]));
    }
    return c;
  }
}
