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
import xla4j.array.TensorSource;
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
        ViTCheckpoint.convertPreLinen(sources(in)).keySet());
  }

  @Test
  void combinedClsPosembIsSplit() {
    Map<String, NdArray> in = new LinkedHashMap<>();
    // 1 + 2*2 rows of width 2: row 0 belongs to cls.
    in.put("pos_embedding", NdArray.of(new float[] {10, 20, 1, 2, 3, 4, 5, 6, 7, 8}, 1, 5, 2));
    in.put("cls", NdArray.of(new float[] {1, 1}, 1, 1, 2));
    Map<String, NdArray> out = arrays(ViTCheckpoint.fixCombinedClsPosemb(sources(in)));
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
  void theParamsSubtreeIsChosenAsBigVisionsLoadParams() throws IOException {
    ViT.Model model = ViT.graph(TINY, 1);
    Map<String, NdArray> params = Params.random(model.params(), 5);
    // A trainer's checkpoint: params/ beside optimizer state, which is not loaded.
    Map<String, NdArray> trainer = new LinkedHashMap<>();
    params.forEach((k, v) -> trainer.put("params/" + k, v));
    params.forEach((k, v) -> trainer.put("opt/0/mu/" + k, NdArray.zeros(v.dtype(), v.shape())));
    assertEquals(params, ViTCheckpoint.fromArrays(trainer, model, "trainer"));
    // A Flax-optimizer checkpoint: opt/target/.
    Map<String, NdArray> flaxOpt = new LinkedHashMap<>();
    params.forEach((k, v) -> flaxOpt.put("opt/target/" + k, v));
    flaxOpt.put("opt/state/step", NdArray.scalar(7));
    assertEquals(params, ViTCheckpoint.fromArrays(flaxOpt, model, "flax-opt"));
  }

  @Test
  void aSubModelIsLoadedByItsKeyAsInFileColonKey() throws IOException {
    ViT.Model model = ViT.graph(TINY, 1);
    Map<String, NdArray> params = Params.random(model.params(), 6);
    Map<String, NdArray> twoTowers = new LinkedHashMap<>();
    params.forEach((k, v) -> twoTowers.put("params/img/" + k, v));
    twoTowers.put("params/txt/Embed_0/embedding", NdArray.zeros(DType.F32, 8, 4));
    twoTowers.put("params/t", NdArray.scalar(10));
    Path file = dir.resolve("siglip.npz");
    ViTCheckpoint.save(file, twoTowers);

    Map.Entry<Path, String> spec = ViTCheckpoint.parseFileAndKey(file + ":img");
    assertEquals(file, spec.getKey());
    assertEquals("img", spec.getValue());
    assertEquals(params, ViTCheckpoint.load(spec.getKey(), model, ViTCheckpoint.Options.vit().withKey("img")));
    assertEquals(null, ViTCheckpoint.parseFileAndKey(file.toString()).getValue());

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ViTCheckpoint.load(file, model, ViTCheckpoint.Options.vit().withKey("image")));
    assertTrue(e.getMessage().contains("siglip.npz:image has no parameters under 'image/'; its top-level names are "
        + "[img, t, txt]"), e.getMessage());
    // Without the key, the two towers' names are reported as not the model's.
    IllegalArgumentException whole = assertThrows(IllegalArgumentException.class,
        () -> ViTCheckpoint.load(file, model));
    assertTrue(whole.getMessage().contains("unexpected (") && whole.getMessage().contains("img/embedding/kernel"),
        whole.getMessage());
  }

  @Test
  void anotherPatchSizeNeedsFlexiLoadingAndSaysSo() {
    ViT.Model model = ViT.graph(TINY.withPatch(8), 1);
    Map<String, NdArray> p16 = Params.random(ViT.graph(TINY, 1).params(), 7);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ViTCheckpoint.fromArrays(p16, model, "p16.npz"));
    assertTrue(e.getMessage().contains("p16.npz has patch size 16x16 (embedding/kernel [16, 16, 3, 192]) but the "
        + "model has 8; load it as FlexiViT"), e.getMessage());
    Map<String, NdArray> flexi = ViTCheckpoint.fromArrays(p16, model, "p16.npz", ViTCheckpoint.Options.flexiVit());
    assertArrayEquals(new long[] {8, 8, 3, 192}, flexi.get("embedding/kernel").shape());
    assertArrayEquals(new long[] {1, 16, 192}, flexi.get("pos_embedding").shape());
  }

  @Test
  void flexiPosembIsResizedLinearlyAndVitPosembByZoom() {
    // A 2x2 grid of width 1, values 0 1 / 2 3, to a 4x4 grid (both models: patch 16, 64 px).
    ViT.Model model = ViT.graph(TINY.withImageSize(64), 1);
    Map<String, NdArray> in = new LinkedHashMap<>();
    in.put("pos_embedding", NdArray.of(new float[] {0, 1, 2, 3}, 1, 4, 1));
    // scipy zoom (corners aligned): row 0 = 0, 1/3, 2/3, 1.
    float[] zoom = arrays(ViTCheckpoint.resamplePosembToModel(sources(widen(in, 192)), model)).get("pos_embedding")
        .toFloatArray();
    assertArrayEquals(new float[] {0, 1f / 3, 2f / 3, 1}, new float[] {zoom[0], zoom[192], zoom[2 * 192],
        zoom[3 * 192]}, 1e-6f);
    // jax.image.resize linear (half-pixel centres, edges clamped): row 0 = 0, 0.25, 0.75, 1.
    float[] lin = arrays(ViTCheckpoint.resizePosembFlexi(sources(widen(in, 192)), model, 0)).get("pos_embedding")
        .toFloatArray();
    assertArrayEquals(new float[] {0, 0.25f, 0.75f, 1}, new float[] {lin[0], lin[192], lin[2 * 192], lin[3 * 192]},
        1e-6f);
    // FlexiViT posemb_size 4 = the model's grid: resample_posemb (zoom) to 4x4, then no linear resize.
    float[] two = arrays(ViTCheckpoint.resizePosembFlexi(sources(widen(in, 192)), model, 4)).get("pos_embedding")
        .toFloatArray();
    assertArrayEquals(zoom, two, 1e-6f);
  }

  /** The width-1 posemb repeated over {@code d} channels. */
  private static Map<String, NdArray> widen(Map<String, NdArray> in, int d) {
    float[] v = in.get("pos_embedding").toFloatArray();
    float[] w = new float[v.length * d];
    for (int i = 0; i < w.length; i++) {
      w[i] = v[i / d];
    }
    return Map.of("pos_embedding", NdArray.of(w, 1, v.length, d));
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

  static Map<String, TensorSource> sources(Map<String, NdArray> in) {
    Map<String, TensorSource> out = new LinkedHashMap<>();
    in.forEach((k, v) -> out.put(k, TensorSource.of(v)));
    return out;
  }

  static Map<String, NdArray> arrays(Map<String, TensorSource> in) {
    Map<String, NdArray> out = new LinkedHashMap<>();
    in.forEach((k, v) -> {
      try {
        out.put(k, v.readAll());
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    return out;
  }
}
