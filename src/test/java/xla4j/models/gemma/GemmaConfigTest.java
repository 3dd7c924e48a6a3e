package xla4j.models.gemma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import xla4j.array.DType;
import xla4j.io.JsonConfig;

/** The variant table against the published parameter counts, and Hugging Face config.json reading. */
class GemmaConfigTest {
  @ParameterizedTest
  @CsvSource({"gemma_2b, 2506172416", "gemma_7b, 8537680896", "gemma2_2b, 2614341888", "gemma2_9b, 9241705984",
      "gemma2_27b, 27227128320"})
  void variantsHaveThePublishedParameterCounts(String variant, long params) {
    // the counts Hugging Face reports for google/gemma-2b, gemma-7b, gemma-2-2b, gemma-2-9b, gemma-2-27b
    assertEquals(params, GemmaConfig.fromVariant(variant).numParams());
  }

  static GemmaConfig read(String json) {
    return GemmaConfig.fromHuggingFace(new JsonConfig(JsonParser.parseString(json).getAsJsonObject(), "config.json"),
        DType.F32);
  }

  /** config.json of google/gemma-2-2b as published on the Hub (before rope_parameters and layer_types). */
  static final String HUB_GEMMA2_2B = "{\"architectures\": [\"Gemma2ForCausalLM\"], \"attention_bias\": false, "
      + "\"attention_dropout\": 0.0, \"attn_logit_softcapping\": 50.0, \"bos_token_id\": 2, \"cache_implementation\": "
      + "\"hybrid\", \"eos_token_id\": [1, 107], \"final_logit_softcapping\": 30.0, \"head_dim\": 256, \"hidden_act\": "
      + "\"gelu_pytorch_tanh\", \"hidden_activation\": \"gelu_pytorch_tanh\", \"hidden_size\": 2304, "
      + "\"initializer_range\": 0.02, \"intermediate_size\": 9216, \"max_position_embeddings\": 8192, \"model_type\": "
      + "\"gemma2\", \"num_attention_heads\": 8, \"num_hidden_layers\": 26, \"num_key_value_heads\": 4, "
      + "\"pad_token_id\": 0, \"query_pre_attn_scalar\": 256, \"rms_norm_eps\": 1e-06, \"rope_theta\": 10000.0, "
      + "\"sliding_window\": 4096, \"torch_dtype\": \"float32\", \"transformers_version\": \"4.42.4\", "
      + "\"use_cache\": true, \"vocab_size\": 256000}";

  @Test
  void readsTheHubsGemma2ConfigAsTheVariant() {
    GemmaConfig c = read(HUB_GEMMA2_2B);
    assertEquals(GemmaConfig.fromVariant("gemma2_2b").withVariant("custom").withEos(List.of(1, 107)), c);
  }

  @Test
  void legacyGeluOfGemma1MeansTheTanhApproximation() {
    GemmaConfig c = read("{\"model_type\": \"gemma\", \"hidden_act\": \"gelu\", \"hidden_size\": 2048, "
        + "\"intermediate_size\": 16384, \"num_attention_heads\": 8, \"num_key_value_heads\": 1, \"head_dim\": 256, "
        + "\"num_hidden_layers\": 18, \"vocab_size\": 256000, \"rope_theta\": 10000.0, \"max_position_embeddings\": 8192}");
    assertEquals(GemmaConfig.fromVariant("gemma_2b").withVariant("custom"), c);
    GemmaConfig exact = read(HUB_GEMMA2_2B.replace("\"hidden_activation\": \"gelu_pytorch_tanh\"",
        "\"hidden_activation\": \"gelu\""));
    assertEquals(GemmaConfig.Activation.GELU, exact.activation());
  }

  @Test
  void roundTripsThroughItsOwnJson() {
    for (GemmaConfig c : GemmaConfig.VARIANTS.values()) {
      JsonObject j = c.toHuggingFace();
      assertEquals(c, GemmaConfig.fromHuggingFace(new JsonConfig(j, "x"), DType.F32));
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "\"model_type\": \"gemma2\"|\"model_type\": \"llama\"|Gemma requires model_type \"gemma\" or \"gemma2\", got \"llama\"",
      "\"rope_theta\": 10000.0|\"rope_scaling\": {\"type\": \"linear\"}|Gemma has no RoPE scaling, but config.json sets rope_scaling",
      "\"attention_bias\": false|\"attention_bias\": true|Gemma has no attention biases, but config.json sets attention_bias: true",
      "\"num_key_value_heads\": 4|\"num_key_value_heads\": 3|GemmaConfig requires num_attention_heads divisible by num_key_value_heads, got 8 and 3",
      "\"sliding_window\": 4096|\"sliding_window\": null|config.json has sliding_attention layers but no sliding_window",
      "\"hidden_size\": 2304|\"hidden_size\": \"big\"|config.json requires \"hidden_size\" to be a number, got \"big\"",
      "\"vocab_size\": 256000|\"x\": 1|config.json requires key \"vocab_size\"",
      "\"hidden_activation\": \"gelu_pytorch_tanh\"|\"hidden_activation\": \"silu\"|Gemma requires a GELU hidden_activation (gelu_pytorch_tanh or gelu), got \"silu\""})
  void badConfigsAreClearErrors(String from, String to, String message) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, () -> read(HUB_GEMMA2_2B.replace(from, to)))
        .getMessage());
  }

  @Test
  void recordChecksItsInvariants() {
    assertEquals("GemmaConfig requires an even head_dim (RoPE rotates halves), got 7",
        assertThrows(IllegalArgumentException.class, () -> new GemmaConfig("x", GemmaConfig.Architecture.GEMMA, 10, 8,
            1, 8, 1, 1, 7, 1e-6, 1e4, 7, OptionalDouble.empty(), OptionalDouble.empty(),
            GemmaConfig.Activation.GELU_TANH, List.of(GemmaConfig.LayerType.FULL_ATTENTION), OptionalInt.empty(), 8,
            DType.F32, 2, List.of(1), 0)).getMessage());
    assertEquals("GemmaConfig requires dtype f32 or bf16, got f16", assertThrows(IllegalArgumentException.class,
        () -> GemmaConfig.fromVariant("gemma_2b").withDtype(DType.F16)).getMessage());
    assertEquals("unknown Gemma variant 'gemma3_1b'; known: [gemma2_27b, gemma2_2b, gemma2_9b, gemma_2b, gemma_7b]",
        assertThrows(IllegalArgumentException.class, () -> GemmaConfig.fromVariant("gemma3_1b")).getMessage());
  }
}
