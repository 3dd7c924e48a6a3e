package xla4j.models.vit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The StableHLO emitted for ViT-Ti/16 (224 px, gap, learned posemb, 1000 classes, batch 2) equals
 * {@code hlo/goldens/vit_ti16_b2.mlir}. Regenerate after an intended change with
 * {@code -Dtest=ViTHloGoldenTest -Dxla4j.updateGoldens=true} and review the diff;
 * {@code hlo/reference/vit_ti16_jax.mlir} is what JAX emits for the reference model, for reading side by side.
 */
class ViTHloGoldenTest {
  @Test
  void emittedModuleEqualsGolden() throws Exception {
    String mlir = ViT.graph(ViTConfig.fromVariant("Ti/16"), 2).graph().toMlir();
    Path golden = Path.of("hlo", "goldens", "vit_ti16_b2.mlir");
    if (Boolean.getBoolean("xla4j.updateGoldens")) {
      Files.writeString(golden, mlir);
    }
    assertEquals(Files.readString(golden), mlir, "golden " + golden + " (regenerate with -Dxla4j.updateGoldens=true)");
    // The same parameter names, in the same places, as the checkpoint: spot-check the signature.
    assertTrue(mlir.contains("%arg198: tensor<192x1000xf32> {jax.arg_info = \"head/kernel\"}"));
    assertEquals(12, mlir.split("MlpBlock_0/Dense_1/kernel").length - 1);
  }
}
