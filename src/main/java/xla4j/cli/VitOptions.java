package xla4j.cli;

import picocli.CommandLine.Option;
import java.util.Optional;
import xla4j.array.DType;
import xla4j.dsl.Mesh;
import xla4j.dsl.ShardingRules;
import xla4j.models.vit.ViT;
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

  @Option(names = "--mesh", paramLabel = "AXIS=N,...",
      description = {"lay the model out over a device mesh, e.g. data=2,model=2 (any axes, major first): 'data' splits "
          + "the batch, the weights are split by --sharding-strategy (default: one device, no mesh)"})
  String mesh;

  @Option(names = "--sharding-strategy", defaultValue = "megatron", paramLabel = "NAME",
      description = {"how weights are split over the mesh: megatron (tensor parallel over the 'model' axis: attention "
          + "by heads, MLP by hidden units) or fsdp (big_vision's fsdp over every mesh axis, tensors over 4 MiB) "
          + "(default: ${DEFAULT-VALUE})"})
  String shardingStrategy;

  /** The layout {@code --mesh} and {@code --sharding-strategy} ask for, or empty without a mesh. */
  Optional<ViT.Layout> layout() {
    if (mesh == null) {
      return Optional.empty();
    }
    Mesh m = Mesh.parse(mesh);
    switch (shardingStrategy) {
      case "megatron":
        return Optional.of(new ViT.Layout(m, m.hasAxis(ViT.MODEL) ? ViT.megatron(ViT.MODEL) : ShardingRules.replicated()));
      case "fsdp":
        return Optional.of(new ViT.Layout(m, ViT.fsdp(m.axisNames(), 4)));
      default:
        throw new IllegalArgumentException("--sharding-strategy must be megatron or fsdp, got '" + shardingStrategy + "'");
    }
  }

  /** Devices the layout needs (1 without a mesh). */
  int devices() {
    return mesh == null ? 1 : Math.toIntExact(Mesh.parse(mesh).numDevices());
  }

  /** The model graph these options describe. */
  ViT.Model model(boolean headZeroinit) {
    return ViT.graph(config(headZeroinit), batch, java.util.List.of(), layout());
  }

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
