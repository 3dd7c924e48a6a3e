package xla4j.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every JAX reference case: the DSL graph's inferred output shapes and dtypes equal what JAX computed,
 * and its MLIR is written to {@code <buildDir>/dsl-cases/<name>.mlir} so {@code tools/dsl_check_mlir.py} can
 * compile and run it with JAX's XLA:CPU and compare the numbers with the golden outputs.
 */
class DslCasesTest {
  static Stream<String> names() {
    return DslCases.CASES.keySet().stream();
  }

  static Path outDir() throws Exception {
    Path testClasses = Path.of(DslCasesTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    return testClasses.getParent().resolve("dsl-cases");
  }

  @ParameterizedTest
  @MethodSource("names")
  void inferredShapesMatchJaxAndMlirIsWritten(String name) throws Exception {
    Graph g = DslCases.build(name);
    JsonArray expected = DslCases.load(name).getAsJsonArray("outputs");
    List<Shape> got = g.outputShapes();
    assertEquals(expected.size(), got.size(), "number of outputs of " + name);
    for (int i = 0; i < got.size(); i++) {
      assertEquals(DslCases.shapeOf(expected.get(i).getAsJsonObject()), got.get(i), name + " output " + i);
    }
    String mlir = g.toMlir();
    assertTrue(mlir.contains("func.func public @main("), mlir);
    Path dir = outDir();
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(name + ".mlir"), mlir);
  }

  @Test
  void everyGoldenHasACase() throws IOException {
    Path dir = Path.of("src/test/resources/dsl/cases");
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> files = Files.list(dir)) {
      files.map(p -> p.getFileName().toString().replace(".json", "")).forEach(n ->
          assertTrue(DslCases.CASES.containsKey(n), "golden " + n + " has no DSL case in DslCases"));
    }
  }
}
