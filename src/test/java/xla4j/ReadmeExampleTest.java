package xla4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xla4j.array.NdArray;
import xla4j.io.Images;
import xla4j.io.Npz;
import xla4j.models.DetParams;
import xla4j.models.vit.ViT;
import xla4j.models.vit.ViTCheckpoint;
import xla4j.models.vit.ViTConfig;
import xla4j.nn.Classification;
import xla4j.pjrt.Client;
import xla4j.pjrt.PjrtPlugin;
import xla4j.runtime.ParamStore;
import xla4j.runtime.Program;

/**
 * README's library examples are tested code: the DSL example is the consumer project's source (src/it/consumer, which
 * the build runs against the installed jar), and the ViT example is the body of {@link #vitExample}, run here on a
 * small ViT against JAX's logits.
 */
class ReadmeExampleTest {
  static final String VIT_BEGIN = "// README: ViT example begins\n";
  static final String VIT_END = "    // README: ViT example ends\n";

  @Test
  void readmeExampleIsTheConsumerProjectsSource() throws Exception {
    String readme = Files.readString(Paths.get("README.md"));
    int start = readme.indexOf("```java\n");
    assertTrue(start >= 0, "README has no ```java block");
    start += "```java\n".length();
    String block = readme.substring(start, readme.indexOf("```", start));
    String source = Files.readString(Paths.get("src/it/consumer/src/main/java/example/Example.java"));
    assertEquals(source.replaceFirst("^package example;\n\n", ""), block);
  }

  /**
   * README's ViT example: classifies image files with a big_vision ViT, its checkpoint and a labels file; returns the
   * top-5 classes of each image.
   */
  static List<List<Classification.Prediction>> vitExample(ViTConfig config, Path checkpoint, List<Path> files,
      Path labelsFile) throws IOException {
    // README: ViT example begins
    ViT.Model vit = ViT.graph(config, files.size());
    NdArray images = Images.loadBatch(files, (int) config.imageSize());          // resized, scaled to [-1, 1]
    List<List<Classification.Prediction>> top;
    try (Client client = PjrtPlugin.cpu().createClient();
         Program program = Program.compile(vit.graph(), client);
         ViTCheckpoint.Opened weights = ViTCheckpoint.open(checkpoint, vit, ViTCheckpoint.Options.vit());
         ParamStore params = ParamStore.place(program, weights.params(), line -> { })) {
      NdArray logits = program.execute(params, Map.of(ViT.IMAGE, images)).get("logits");
      top = Classification.topK(logits, 5, Classification.readLabels(labelsFile));   // softmax in double
    }
    for (int i = 0; i < files.size(); i++) {
      Classification.Prediction best = top.get(i).get(0);
      System.out.printf("%s: %s (p = %.3f)%n", files.get(i), best.label(), best.probability());
    }
    // README: ViT example ends
    return top;
  }

  @Test
  void readmeVitExampleIsTheTestedOne() throws Exception {
    String source = Files.readString(Paths.get("src/test/java/xla4j/ReadmeExampleTest.java"));
    int from = source.indexOf(VIT_BEGIN, source.indexOf("static List<List<Classification.Prediction>> vitExample"));
    int to = source.indexOf(VIT_END, from);
    assertTrue(from >= 0 && to > from, "the example's markers");
    String body = source.substring(from + VIT_BEGIN.length(), to).lines()
        .map(l -> l.startsWith("    ") ? l.substring(4) : l).collect(Collectors.joining("\n", "", "\n"));
    String readme = Files.readString(Paths.get("README.md"));
    List<String> blocks = new ArrayList<>();
    for (int at = readme.indexOf("```java\n"); at >= 0; at = readme.indexOf("```java\n", at)) {
      at += "```java\n".length();
      blocks.add(readme.substring(at, readme.indexOf("```", at)));
    }
    List<String> vit = blocks.stream().filter(b -> b.contains("ViT.graph(")).toList();
    assertEquals(1, vit.size(), "README has one ViT example");
    assertEquals(body, vit.get(0));
  }

  /**
   * The example on ViT-Ti/16 at 64 px with 10 classes and a [cls] token (the golden case ti16_tok_learn: parameters
   * from DetParams saved as a big_vision .npz, the case's two images as PNG files): its top 5 are JAX's logits in
   * order, with their softmax and labels, and it prints each image's best class.
   */
  @Test
  void readmeVitExampleClassifiesAsTheReference(@TempDir Path dir) throws Exception {
    Path caseJson = Paths.get("src/test/resources/vit/ti16_tok_learn.json");
    Map<String, NdArray> golden = Npz.read(Paths.get("src/test/resources/vit/ti16_tok_learn.npz"));
    ViTConfig config = ViTConfig.fromVariant("Ti/16").withImageSize(64).withPool("tok").withNumClasses(10);
    Path checkpoint = dir.resolve("ti16.npz");
    ViTCheckpoint.save(checkpoint, DetParams.params(caseJson));
    List<Path> files = pngs(golden.get("image"), dir);
    List<String> names = List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship",
        "truck");
    Path labels = dir.resolve("labels.txt");
    Files.write(labels, names);

    PrintStream old = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    List<List<Classification.Prediction>> top;
    try {
      top = vitExample(config, checkpoint, files, labels);
    } finally {
      System.setOut(old);
    }

    float[] want = golden.get("out/logits").toFloatArray();
    StringBuilder lines = new StringBuilder();
    for (int b = 0; b < 2; b++) {
      double[] row = new double[10];
      double sum = 0;
      for (int c = 0; c < 10; c++) {
        row[c] = want[b * 10 + c];
        sum += Math.exp(row[c]);
      }
      List<Integer> order = IntStream.range(0, 10).boxed()
          .sorted(Comparator.comparingDouble((Integer c) -> row[c]).reversed()).toList();
      assertEquals(5, top.get(b).size());
      for (int r = 0; r < 5; r++) {
        Classification.Prediction p = top.get(b).get(r);
        int c = order.get(r);
        assertEquals(c, p.index(), "image " + b + " rank " + r);
        assertEquals(names.get(c), p.label());
        assertEquals(row[c], p.logit(), 1e-4 + 1e-4 * Math.abs(row[c]), "image " + b + " class " + c);
        assertEquals(Math.exp(row[c]) / sum, p.probability(), 5e-4, "image " + b + " class " + c);
      }
      lines.append(String.format("%s: %s (p = %.3f)%n", files.get(b), names.get(order.get(0)),
          Math.exp(row[order.get(0)]) / sum));
    }
    assertEquals(lines.toString(), printed.toString(StandardCharsets.UTF_8));
  }

  /** Writes each image of {@code batch} (values (p / 127.5 - 1) of 8-bit pixels p) as a PNG that loads back to it. */
  static List<Path> pngs(NdArray batch, Path dir) throws IOException {
    long[] s = batch.shape();
    int h = (int) s[1];
    int w = (int) s[2];
    float[] v = batch.toFloatArray();
    List<Path> files = new ArrayList<>();
    for (int b = 0; b < s[0]; b++) {
      BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          int at = ((b * h + y) * w + x) * 3;
          int rgb = 0;
          for (int c = 0; c < 3; c++) {
            rgb = rgb << 8 | Math.round((v[at + c] + 1) * 127.5f);
          }
          img.setRGB(x, y, rgb);
        }
      }
      Path f = dir.resolve("image" + b + ".png");
      ImageIO.write(img, "png", f.toFile());
      files.add(f);
    }
    assertEquals(batch, Images.loadBatch(files, h), "the PNGs load back to the case's images");
    return files;
  }
}
