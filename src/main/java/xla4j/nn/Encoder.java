package xla4j.nn;

import java.util.LinkedHashMap;
import java.util.Map;
import xla4j.dsl.Tensor;

/**
 * big_vision's transformer encoder: {@code encoderblock_0 .. encoderblock_{depth-1}} then {@code encoder_norm}.
 * Optionally a {@link PatchMerger} ({@code PatchMerger_0}) after block {@code mergeAfter} (0-based) reduces the
 * tokens to {@code mergeTokens}. Intermediates go to {@code out} as {@code block00/+mlp} etc.
 */
public final class Encoder {
  private Encoder() {}

  /** {@code mergeAfter < 0} means no PatchMerger. */
  public static Tensor apply(Scope s, Tensor x, int depth, int numHeads, long mlpDim, int mergeAfter,
      long mergeTokens, Map<String, Tensor> out) {
    for (int i = 0; i < depth; i++) {
      Map<String, Tensor> block = out == null ? null : new LinkedHashMap<>();
      x = Encoder1DBlock.apply(s.child("encoderblock_" + i), x, numHeads, mlpDim, block);
      if (block != null) {
        String name = String.format("block%02d/", i);
        block.forEach((k, v) -> out.put(name + k, v));
      }
      if (i == mergeAfter) {
        x = PatchMerger.apply(s.child("PatchMerger_0"), x, mergeTokens);
        Encoder1DBlock.put(out, "merged", x);
      }
    }
    Encoder1DBlock.put(out, "pre_norm", x);
    return LayerNorm.apply(s.child("encoder_norm"), x);
  }
}
