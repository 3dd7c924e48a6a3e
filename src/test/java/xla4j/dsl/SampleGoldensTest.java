package xla4j.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The printed MLIR of each {@link Samples} graph equals {@code hlo/goldens/<name>.mlir}.
 *
 * <p>Regenerate after an intended printer change with
 * {@code mvn -B -q -Dxla4j.buildDir=target-dsl -Dxla4j.skipNative=true -Dxla4j.skipNativeTests=true test -Dtest=SampleGoldensTest -Dxla4j.updateGoldens=true}
 * (surefire passes system properties through), review the diff, and check they still compile with
 * {@code build/venv-dsl/bin/python tools/dsl_check_mlir.py --compile-only hlo/goldens/*.mlir}.
 */
class SampleGoldensTest {
  static Stream<String> names() {
    return Samples.all().keySet().stream();
  }

  @ParameterizedTest
  @MethodSource("names")
  void printedModuleEqualsGolden(String name) throws Exception {
    String mlir = Samples.all().get(name).get().toMlir();
    Path golden = Path.of("hlo", "goldens", name + ".mlir");
    if (Boolean.getBoolean("xla4j.updateGoldens")) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, mlir);
    }
    assertEquals(Files.readString(golden), mlir, "golden " + golden + " (regenerate with -Dxla4j.updateGoldens=true)");
  }
}
