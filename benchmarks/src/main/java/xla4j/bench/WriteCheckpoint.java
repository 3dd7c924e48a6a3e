package xla4j.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import xla4j.array.NdArray;
import xla4j.models.vit.ViT;
import xla4j.models.vit.ViTCheckpoint;
import xla4j.models.vit.ViTConfig;
import xla4j.nn.Params;

/**
 * Writes a big_vision-style {@code .npz} (stored members, {@code params/} prefix) of a ViT variant with random
 * parameters, for the loading benchmark: {@code java -cp benchmarks.jar xla4j.bench.WriteCheckpoint B/16 POOL FILE}.
 */
public final class WriteCheckpoint {
  private WriteCheckpoint() {}

  public static void main(String[] args) throws Exception {
    ViTConfig c = ViTConfig.fromVariant(args[0]).withPool(args[1]).withNumClasses(args.length > 3
        ? Long.parseLong(args[3]) : 1000).withHeadZeroinit(false);
    ViT.Model m = ViT.graph(c, 1);
    Map<String, NdArray> params = new LinkedHashMap<>();
    Params.random(m.params(), 1).forEach((k, v) -> params.put("params/" + k, v));
    ViTCheckpoint.save(Path.of(args[2]), params);
  }
}
