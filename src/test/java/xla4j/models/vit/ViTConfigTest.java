package xla4j.models.vit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import xla4j.nn.ParamSpec;

class ViTConfigTest {
  @Test
  void variantsFollowBigVisionsTable() {
    ViTConfig b = ViTConfig.fromVariant("B/16");
    assertEquals(768, b.width());
    assertEquals(12, b.depth());
    assertEquals(3072, b.mlpDim());
    assertEquals(12, b.numHeads());
    assertEquals(16, b.patch());
    ViTConfig so = ViTConfig.fromVariant("So400m/14");
    assertEquals(1152, so.width());
    assertEquals(27, so.depth());
    assertEquals(4304, so.mlpDim());
    assertEquals(1536, ViTConfig.fromVariant("g-opt/14").width());
    assertEquals(15360, ViTConfig.fromVariant("e/14").mlpDim());
  }

  @Test
  void aVariantWithoutPatchSizeHasBigVisionsDefault16() {
    assertEquals(16, ViTConfig.fromVariant("B").patch());
    assertEquals(768, ViTConfig.fromVariant("B").width());
  }

  @Test
  void imageSizesThatAreNotAMultipleOfThePatchDropTheRemainderAsTheValidStem() {
    // SigLIP So400m/14 at 384 px: floor(384 / 14) = 27 patches a side, 729 tokens (the last 6 px are dropped).
    ViTConfig so = ViTConfig.fromVariant("So400m/14").withImageSize(384).withPool("map").withNumClasses(0);
    ViT.Model m = ViT.graph(so, 1);
    assertEquals(27, so.gridSize());
    long[] posemb = m.params().stream().filter(p -> p.name().equals("pos_embedding")).findFirst().orElseThrow()
        .shape();
    assertEquals(java.util.List.of(1L, 729L, 1152L), java.util.Arrays.stream(posemb).boxed().toList());
    xla4j.dsl.Graph g = new xla4j.dsl.Graph("so400m");
    xla4j.dsl.Tensor image = g.parameter("image", xla4j.dsl.Shape.of(xla4j.array.DType.F32, 1, 384, 384, 3));
    java.util.Map<String, xla4j.dsl.Tensor> out = ViT.apply(xla4j.nn.Scope.root(g, xla4j.array.DType.F32), image, so,
        false);
    assertEquals("f32[1,27,27,1152]", out.get("stem").shape().toString());
    assertEquals("f32[1,729,1152]", out.get("encoded").shape().toString());
    assertEquals("f32[1,1152]", out.get("pre_logits").shape().toString());
  }

  @Test
  void parameterCountsMatchThePapers() {
    // ViT-B/16, 224 px, gap pooling, 1000 classes, by hand: embedding 16*16*3*768 + 768 = 590,592;
    // pos_embedding 196*768 = 150,528; per block 2 LayerNorms 3,072 + q/k/v/out 4*(768*768 + 768) = 2,362,368
    // + MLP 768*3072 + 3072 + 3072*768 + 768 = 4,722,432, so 12 blocks 85,054,464; encoder_norm 1,536;
    // head 768*1000 + 1000 = 769,000. Total 86,566,120 (the usual 86,567,656 adds a cls token and its posemb).
    long n = ViT.graph(ViTConfig.fromVariant("B/16"), 1).params().stream().mapToLong(ParamSpec::size).sum();
    assertEquals(86_566_120, n);
  }

  @Test
  void badConfigsAreRejectedWithTheReason() {
    IllegalArgumentException v = assertThrows(IllegalArgumentException.class, () -> ViTConfig.fromVariant("X/16"));
    assertTrue(v.getMessage().contains("unknown ViT variant 'X/16'"), v.getMessage());
    IllegalArgumentException p = assertThrows(IllegalArgumentException.class,
        () -> ViTConfig.fromVariant("B/16").withImageSize(15));
    assertTrue(p.getMessage().contains("at least one patch, got 15 px for patch size 16"), p.getMessage());
    IllegalArgumentException c = assertThrows(IllegalArgumentException.class,
        () -> ViTConfig.fromVariant("B/16").withPool("tok").withPatchMerger(6, 8));
    assertEquals("ViT PatchMerger requires a pool other than tok (it would merge the class token away), got pool tok",
        c.getMessage());
    IllegalArgumentException m = assertThrows(IllegalArgumentException.class,
        () -> ViTConfig.fromVariant("B/16").withPatchMerger(12, 8));
    assertTrue(m.getMessage().contains("PatchMerger"), m.getMessage());
    IllegalArgumentException pool = assertThrows(IllegalArgumentException.class,
        () -> ViTConfig.fromVariant("B/16").withPool("max"));
    assertEquals("ViT pool requires one of tok, gap, map, 0 or none (cls is an alias of tok), got 'max'",
        pool.getMessage());
  }

  @Test
  void poolTokIsBigVisionsClassTokenAndClsItsAlias() {
    ViTConfig tok = ViTConfig.fromVariant("Ti/16").withImageSize(32).withPool("tok");
    assertEquals("tok", tok.pool());
    assertEquals("ViT-Ti/16 32px tok learn f32", tok.describe());
    ViTConfig cls = ViTConfig.fromVariant("Ti/16").withImageSize(32).withPool("cls");
    assertEquals(tok, cls, "cls is read as tok");
    // A class token: parameter "cls" of (1, 1, 192).
    assertTrue(ViT.graph(tok, 1).params().stream()
        .anyMatch(p -> p.name().equals("cls") && java.util.Arrays.equals(p.shape(), new long[] {1, 1, 192})));
  }
}
