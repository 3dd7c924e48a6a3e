package xla4j.models.paligemma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import xla4j.array.DType;
import xla4j.io.JsonConfig;
import xla4j.models.gemma.GemmaConfig;
import xla4j.nn.ParamSpec;

/** PaliGemma's variant table and its reading of Hugging Face configs. */
class PaliGemmaConfigTest {
  static final Path DIR = Path.of("src/test/resources/paligemma");

  static long count(PaliGemmaConfig c) {
    long n = 0;
    for (ParamSpec p : PaliGemma.params(c)) {
      long e = 1;
      for (long d : p.shape()) {
        e *= d;
      }
      n += e;
    }
    return n;
  }

  /**
   * PaliGemma 3B: So400m/14 at 224 px with its projector, by hand (patch embedding 14*14*3*1152 + 1152; position
   * embedding 256*1152; 27 blocks of 15,239,504 (2 LayerNorms 4,608, q/k/v 3*1,328,256, out 1,328,256, MLP
   * 9,921,872); encoder_norm 2,304; projector 1152*2048 + 2048) = 414,803,696, plus Gemma 2B (2,506,172,416 with
   * 256,000 embeddings) with 1,152 more embedding rows (1024 loc, 128 seg): 2,923,335,408. Hugging Face's
   * paligemma-3b-pt-224 pads the table by 64 more rows: 2,923,466,480, its published count.
   */
  @Test
  void pali3bHasThePublishedParameterCount() {
    PaliGemmaConfig c = PaliGemmaConfig.fromVariant("pali_3b_224");
    assertEquals(414_803_696L + 2_506_172_416L + 1152L * 2048, count(c));
    assertEquals(2_923_466_480L, count(c) + 64L * 2048);
    assertEquals(256, c.imageTokens());
    assertEquals(1024, PaliGemmaConfig.fromVariant("pali_3b_448").imageTokens());
    assertEquals(4096, PaliGemmaConfig.fromVariant("pali2_28b_896").imageTokens());
    assertEquals(PaliGemmaConfig.VOCAB, c.text().vocabSize());
    assertEquals(3584, PaliGemmaConfig.fromVariant("pali2_10b_224").text().width());
    assertEquals(OptionalDouble.empty(), PaliGemmaConfig.fromVariant("pali2_3b_224").text().finalLogitsSoftcap());
    assertEquals(OptionalDouble.of(50), PaliGemmaConfig.fromVariant("pali2_3b_224").text().attnLogitsSoftcap());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> PaliGemmaConfig.fromVariant("pali_4b"))
        .getMessage().contains("known: [pali2_10b_224"));
  }

  /** A Hub-style config lists only what differs from transformers' defaults; the rest is filled in as it does. */
  @Test
  void hubConfigTakesTransformersDefaults() throws Exception {
    PaliGemmaConfig c = PaliGemmaConfig.fromHuggingFace(JsonConfig.read(DIR.resolve("pali_gemma_hub/config.json")),
        DType.F32);
    assertEquals(GemmaConfig.Architecture.GEMMA, c.text().architecture());
    assertEquals(10_000, c.text().ropeTheta());
    assertEquals(1e-6, c.text().normEps());
    assertEquals(8192, c.text().maxPositionEmbeddings());
    assertEquals(32, c.imageSize());
    assertEquals(16, c.imageTokens());
    JsonObject j = JsonParser.parseString(Files.readString(DIR.resolve("pali_gemma_hub/config.json")))
        .getAsJsonObject();
    j.getAsJsonObject("vision_config").remove("image_size");
    j.getAsJsonObject("text_config").remove("head_dim");
    PaliGemmaConfig d = PaliGemmaConfig.fromHuggingFace(new JsonConfig(j, "hub"), DType.F32);
    assertEquals(224, d.imageSize(), "SiglipVisionConfig's default image_size");
    assertEquals(256, d.text().headDim(), "GemmaConfig's default head_dim");
    PaliGemmaConfig g2 = PaliGemmaConfig.fromHuggingFace(JsonConfig.read(DIR.resolve("pali2_gemma2/config.json")),
        DType.F32);
    assertEquals(OptionalDouble.empty(), g2.text().finalLogitsSoftcap(), "PaliGemma 2 applies no final soft cap");
    assertEquals(OptionalDouble.of(5.0), g2.text().attnLogitsSoftcap());
  }

  @Test
  void badConfigsAreClearErrors() throws Exception {
    JsonObject j = JsonParser.parseString(Files.readString(DIR.resolve("pali_gemma/config.json"))).getAsJsonObject();
    JsonObject wrongType = j.deepCopy();
    wrongType.addProperty("model_type", "llava");
    assertTrue(assertThrows(IllegalArgumentException.class, () -> PaliGemmaConfig.fromHuggingFace(
        new JsonConfig(wrongType, "c.json"), DType.F32)).getMessage().contains("model_type \"llava\" is not"));
    JsonObject act = j.deepCopy();
    act.getAsJsonObject("vision_config").addProperty("hidden_act", "relu");
    assertTrue(assertThrows(IllegalArgumentException.class, () -> PaliGemmaConfig.fromHuggingFace(
        new JsonConfig(act, "c.json"), DType.F32)).getMessage().contains("hidden_act \"relu\" is not supported"));
    JsonObject proj = j.deepCopy();
    proj.addProperty("projection_dim", 32);
    assertTrue(assertThrows(IllegalArgumentException.class, () -> PaliGemmaConfig.fromHuggingFace(
        new JsonConfig(proj, "c.json"), DType.F32)).getMessage().contains("projection_dim 32 must equal"));
    JsonObject size = j.deepCopy();
    size.getAsJsonObject("vision_config").addProperty("image_size", 36);
    assertTrue(assertThrows(IllegalArgumentException.class, () -> PaliGemmaConfig.fromHuggingFace(
        new JsonConfig(size, "c.json"), DType.F32)).getMessage().contains("divisible by the patch size"));
  }
}
