package xla4j.models.vit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xla4j.array.DType;
import xla4j.array.NdArray;
import xla4j.nn.Params;

class ViTCheckpointTest {
  static final ViTConfig TINY = ViTConfig.fromVariant("Ti/16").withImageSize(32).withDepth(1).withNumClasses(3);

  @TempDir Path dir;

  @Test
  void preLinenNumberingIsRenumberedPerType() {
    Map<String, NdArray> in = new LinkedHashMap<>();
    NdArray x = NdArray.scalar(1);
    for (String k : new String[] {"Transformer/encoderblock_0/LayerNorm_0/scale",
        "Transformer/encoderblock_0/MultiHeadDotProductAttention_1/query/kernel",
        "Transformer/encoderblock_0/LayerNorm_2/scale", "Transformer/encoderblock_0/MlpBlock_3/Dense_0/kernel",
        "Transformer/encoderblock_0/MlpBlock_3/Dense_1/kernel", "Transformer/encoder_norm/scale"}) {
      in.put(k, x);
    }
    assertEquals(Set.of("Transformer/encoderblock_0/LayerNorm_0/scale",
        "Transformer/encoderblock_0/MultiHeadDotProductAttention_0/query/kernel",
        "Transformer/encoderblock_0/LayerNorm_1/scale", "Transformer/encoderblock_0/MlpBlock_0/Dense_0/kernel",
        "Transformer/encoderblock_0/MlpBlock_0/Dense_1/kernel", "Transformer/encoder_norm/scale"),
        ViTCheckpoint.convertPreLinen(in).keySet());
  }

  @Test
  void combinedClsPosembIsSplit() {
    Map<String, NdArray> in = new LinkedHashMap<>();
    // 1 + 2*2 rows of width 2: row 0 belongs to cls.
    in.put("pos_embedding", NdArray.of(new float[] {10, 20, 1, 2, 3, 4, 5, 6, 7, 8}, 1, 5, 2));
    in.put("cls", NdArray.of(new float[] {1, 1}, 1, 1, 2));
    Map<String, NdArray> out = ViTCheckpoint.fixCombinedClsPosemb(in);
    assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, out.get("pos_embedding").toFloatArray());
    assertArrayEquals(new long[] {1, 4, 2}, out.get("pos_embedding").shape());
    assertArrayEquals(new float[] {11, 21}, out.get("cls").toFloatArray());
  }

  @Test
  void oldPosembLocationsAndParamsPrefixAreFixed() throws IOException {
    ViT.Model model = ViT.graph(TINY, 1);
    Map<String, NdArray> params = Params.random(model.params(), 1);
    Map<String, NdArray> old = new LinkedHashMap<>();
    params.forEach((k, v) -> old.put("params/" + (k.equals("pos_embedding") ? "Transformer/pos_embedding" : k), v));
    Map<String, NdArray> loaded = ViTCheckpoint.fromArrays(old, model, "old");
    assertEquals(params.keySet(), loaded.keySet());
    assertEquals(params.get("pos_embedding"), loaded.get("pos_embedding"));
  }

  @Test
  void roundTripThroughNpzCastsToBf16OnRequest() throws IOException {
    ViT.Model model = ViT.graph(TINY, 1);
    Map<String, NdArray> params = Params.random(model.params(), 2);
    Path file = dir.resolve("tiny.npz");
    ViTCheckpoint.save(file, params);
    assertEquals(params, ViTCheckpoint.load(file, model));
    ViT.Model bf16 = ViT.graph(TINY.withDtype(DType.BF16), 1);
    Map<String, NdArray> cast = ViTCheckpoint.load(file, bf16);
    NdArray k = cast.get("head/bias");
    assertEquals(DType.BF16, k.dtype());
    assertEquals(params.get("head/bias").astype(DType.BF16), k);
  }

  @Test
  void missingUnexpectedAndMisShapedKeysAreAllListed() {
    ViT.Model model = ViT.graph(TINY, 1);
    Map<String, NdArray> params = Params.random(model.params(), 3);
    params.remove("Transformer/encoder_norm/scale");
    params.put("extra/thing", NdArray.scalar(0));
    params.put("head/bias", NdArray.zeros(DType.F32, 4));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ViTCheckpoint.fromArrays(params, model, "bad.npz"));
    String m = e.getMessage();
    assertTrue(m.contains("bad.npz"), m);
    assertTrue(m.contains("missing (1): Transformer/encoder_norm/scale: f32[192]"), m);
    assertTrue(m.contains("unexpected (1): extra/thing"), m);
    assertTrue(m.contains("head/bias: checkpoint [4], model [3]"), m);
  }

  @Test
  void notAnNpzAndTruncatedFilesGiveClearErrors() throws IOException {
    ViT.Model model = ViT.graph(TINY, 1);
    Path text = dir.resolve("notes.npz");
    Files.writeString(text, "this is not a zip file");
    IOException e = assertThrows(IOException.class, () -> ViTCheckpoint.load(text, model));
    assertTrue(e.getMessage().contains("notes.npz"), e.getMessage());

    Path good = dir.resolve("good.npz");
    ViTCheckpoint.save(good, Params.random(model.params(), 4));
    byte[] bytes = Files.readAllBytes(good);
    Path cut = dir.resolve("cut.npz");
    Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    IOException t = assertThrows(IOException.class, () -> ViTCheckpoint.load(cut, model));
    assertTrue(t.getMessage().contains("cut.npz"), t.getMessage());
  }

  @Test
  void resizeMatricesMatchHandComputedWeights() {
    // scipy.ndimage.zoom order=1 from 2 to 3 samples: corners kept, the middle is the average.
    assertArrayEquals(new double[] {1, 0}, xla4j.array.Resampling.alignCorners(3, 2)[0]);
    assertArrayEquals(new double[] {0.5, 0.5}, xla4j.array.Resampling.alignCorners(3, 2)[1]);
    assertArrayEquals(new double[] {0, 1}, xla4j.array.Resampling.alignCorners(3, 2)[2]);
    // tf.image.resize bilinear from 2 to 4: sample centres at -0.25, 0.25, 0.75, 1.25 (clamped).
    double[][] m = xla4j.array.Resampling.halfPixelBilinear(4, 2);
    assertArrayEquals(new double[] {1, 0}, m[0]);
    assertArrayEquals(new double[] {0.75, 0.25}, m[1]);
    assertArrayEquals(new double[] {0.25, 0.75}, m[2]);
    assertArrayEquals(new double[] {0, 1}, m[3]);
  }

  @Test
  void posembResampleKeepsCornersAndInterpolates() {
    // 2x2 grid of width 1: values 0, 1 / 2, 3 -> 3x3 grid, bilinear with corners aligned.
    NdArray pe = NdArray.of(new float[] {0, 1, 2, 3}, 1, 4, 1);
    NdArray r = Resize.resamplePosemb(pe, 9);
    assertArrayEquals(new float[] {0, 0.5f, 1, 1, 1.5f, 2, 2, 2.5f, 3}, r.toFloatArray(), 1e-6f);
  }

  @Test
  void piResizePreservesTokensOfUpsampledPatches() {
    // PI-resize's defining property (FlexiViT eq. 3): <x, w> == <B x, w'> for any p×p patch x when upsampling.
    int p = 4;
    int q = 6;
    java.util.SplittableRandom rng = new java.util.SplittableRandom(7);
    float[] w = new float[p * p];
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) rng.nextGaussian();
    }
    NdArray kernel = NdArray.of(w, p, p, 1, 1);
    float[] w2 = Resize.piResizePatchEmbedding(kernel, q).toFloatArray();
    double[][] r = xla4j.array.Resampling.halfPixelBilinear(q, p);
    for (int trial = 0; trial < 5; trial++) {
      double[] x = new double[p * p];
      double dot = 0;
      for (int i = 0; i < x.length; i++) {
        x[i] = rng.nextGaussian();
        dot += x[i] * w[i];
      }
      double dot2 = 0;
      for (int y = 0; y < q; y++) {
        for (int xx = 0; xx < q; xx++) {
          double bx = 0;
          for (int yi = 0; yi < p; yi++) {
            for (int xi = 0; xi < p; xi++) {
              bx += r[y][yi] * r[xx][xi] * x[yi * p + xi];
            }
          }
          dot2 += bx * w2[y * q + xx];
        }
      }
      assertEquals(dot, dot2, 1e-4 * (1 + Math.abs(dot)));
    }
  }
}
