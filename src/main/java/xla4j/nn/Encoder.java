package xla4j.nn;

import java.util.LinkedHashMap;
import java.util.Map;
import xla4j.dsl.Tensor;

/**
 * big_vision's transformer encoder: {@code encoderblock_0 .. encoderblock_{depth-1}} then {@code encoder_norm}.
 * Optionally a {@link PatchMerger} ({@code PatchMerger_0}) after the first {@code mergeAfter} blocks reduces the
 * tokens to {@code mergeTokens}. Intermediates go to {@code out} as {@code block00/+mlp} etc.
 */
public final class Encoder {
  private Encoder() {}

  /** {@code mergeAfter} in [1, depth) places a PatchMerger after that many blocks; otherwise there is none. */
  public static Tensor apply(Scope s, Tensor x, int depth, int numHeads, long mlpDim, int mergeAfter,
      long mergeTokens, Map<String, Tensor> out) {
    for (int i = 0; i < depth; i++) {
      if (i == mergeAfter && i > 0) {
        x = PatchMerger.apply(s.child("PatchMerger_0"), x, mergeTokens);
        Encoder1DBlock.put(out, "merged", x);
      }
      Map<String, Tensor> block = out == null ? null : new LinkedHashMap<>();
      x = Encoder1DBlock.apply(s.child("encoderblock_" + i), x, numHeads, mlpDim, block);
      if (block != null) {
        String name = String.format("block%02d/", i);
        block.forEach((k, v) -> out.put(name + k, v));
      }
    }
    Encoder1DBlock.put(out, "pre_ln", x);
    return LayerNorm.apply(s.child("encoder_norm"), x);
  }
}
