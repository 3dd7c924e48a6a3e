package xla4j.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import xla4j.array.NdArray;
import xla4j.io.Npz;

/** Pins DetParams to the numbers {@code tools/vit_reference.py --detparams} prints. */
class DetParamsTest {
  static Path vit(String name) {
    try {
      return Path.of(DetParamsTest.class.getResource("/vit/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void hashes() {
    assertEquals(0xcbf29ce484222325L, DetParams.fnv1a64(""));
    assertEquals(0xaf63dc4c8601ec8cL, DetParams.fnv1a64("a"));
    assertEquals(0x35a0ed96aec60610L, DetParams.fnv1a64("Transformer/encoderblock_0/MlpBlock_0/Dense_0/kernel"));
    assertEquals(0xe220a8397b1dcdafL, DetParams.splitmix64(0));
  }

  static void assertBits(int bits, float actual) {
    assertEquals(Integer.toHexString(bits), Integer.toHexString(Float.floatToRawIntBits(actual)));
  }

  @Test
  void valuesMatchThePythonScriptBitForBit() {
    float[] k = DetParams.values("embedding/kernel", 16 * 16 * 3 * 192, Math.sqrt(3.0 / 768), 0.0);
    assertBits(0xbb15be00, k[0]);
    assertBits(0xbd1fadca, k[1]);
    assertBits(0xbcef3280, k[2]);
    assertBits(0x3d550e6e, k[147455]);
    float[] s = DetParams.values("Transformer/encoder_norm/scale", 192, 0.1, 1.0);
    assertBits(0x3f8b3020, s[0]);
    assertBits(0x3f6f72d2, s[1]);
    assertBits(0x3f730d3a, s[2]);
    assertBits(0x3f8bf578, s[191]);
    float[] b = DetParams.values("head/bias", 10, 0.05, 0.0);
    assertBits(0xbc645766, b[0]);
    assertBits(0x3b874c00, b[1]);
    assertBits(0xbd30c42a, b[2]);
    assertBits(0x3d3f6eda, b[9]);
  }

  @Test
  void imageMatchesThePythonScript() {
    float[] img = DetParams.image("image", 2, 64, 64, 3).toFloatArray();
    assertEquals(177 / 127.5f - 1f, img[0]);
    assertEquals(200 / 127.5f - 1f, img[1]);
    assertEquals(89 / 127.5f - 1f, img[2]);
    assertEquals(142 / 127.5f - 1f, img[24575]);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ti16_tok_learn", "ti16_gap_sincos2d", "ti16_map_learn", "ti16_gap_patchmerger",
      "ti16_flexi_patch8", "ti16_tok_learn_posemb_resize"})
  void goldenImagesAndScaleRuleAgreeWithTheScript(String name) throws IOException {
    try (Npz golden = Npz.open(vit(name + ".npz"))) {
      NdArray image = golden.get("image");
      assertEquals(image, DetParams.image("image", image.shape()));
    }
    List<DetParams.Spec> specs = DetParams.specs(vit(name + ".json"));
    for (DetParams.Spec s : specs) {
      DetParams.Spec r = DetParams.rule(s.name(), s.shape());
      assertEquals(s.scale(), r.scale(), s.name());
      assertEquals(s.offset(), r.offset(), s.name());
    }
  }

  @Test
  void everyParameterOfACaseIsGenerated() throws IOException {
    var params = DetParams.params(vit("ti16_tok_learn.json"));
    assertEquals(4 + 12 * 16 + 2 + 2, params.size()); // embedding 2, pos_embedding, cls; 16 per block; norm; head
    assertArrayEquals(new long[] {1, 16, 192}, params.get("pos_embedding").shape());
    assertArrayEquals(new long[] {192, 3, 64},
        params.get("Transformer/encoderblock_0/MultiHeadDotProductAttention_0/query/kernel").shape());
  }
}
