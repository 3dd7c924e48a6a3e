package xla4j.pjrt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xla4j.pjrt.RuntimeLocator.Candidate;
import xla4j.pjrt.RuntimeLocator.Kind;

/** Where the CPU plugin and libtpu are looked for, in the documented order, with no recorded build path. */
class RuntimeLocatorTest {
  /** Runs with system property {@code property} set to {@code value} (null: cleared), then restores it. */
  static <T> T withProperty(String property, String value, Supplier<T> body) {
    String old = System.getProperty(property);
    if (value == null) {
      System.clearProperty(property);
    } else {
      System.setProperty(property, value);
    }
    try {
      return body.get();
    } finally {
      if (old == null) {
        System.clearProperty(property);
      } else {
        System.setProperty(property, old);
      }
    }
  }

  static void noEnvironmentSetting() {
    Assumptions.assumeTrue(System.getenv(PjrtPlugin.CPU_ENV) == null, PjrtPlugin.CPU_ENV + " is set");
  }

  @Test
  void versionComesFromTheBuild() throws Exception {
    String pom = Files.readString(Paths.get("pom.xml"));
    assertTrue(pom.contains("<version>" + RuntimeLocator.version() + "</version>"), RuntimeLocator.version());
  }

  @Test
  void withoutSettingsTheRuntimeFolderComesBeforeTheDevelopmentBuild(@TempDir Path home) {
    noEnvironmentSetting();
    List<Candidate> c = withProperty(PjrtPlugin.CPU_PROPERTY, null,
        () -> withProperty("user.home", home.toString(), () -> RuntimeLocator.candidates(Kind.CPU)));
    Path root = Paths.get("").toAbsolutePath();
    assertEquals(List.of(
        home.resolve(".xla4j/runtime/" + RuntimeLocator.version() + "/libxla4j_pjrt_cpu.so"),
        root.resolve("build/native/pjrt_cpu/libxla4j_pjrt_cpu.so")),
        c.stream().map(Candidate::path).toList());
  }

  @Test
  void anInstalledRuntimeIsFound(@TempDir Path home) throws Exception {
    noEnvironmentSetting();
    Path folder = Files.createDirectories(home.resolve(".xla4j/runtime/" + RuntimeLocator.version()));
    Path plugin = Files.writeString(folder.resolve("libxla4j_pjrt_cpu.so"), "not loaded here");
    Path found = withProperty(PjrtPlugin.CPU_PROPERTY, null,
        () -> withProperty("user.home", home.toString(), () -> RuntimeLocator.locate(Kind.CPU)));
    assertEquals(plugin, found);
  }

  @Test
  void anExplicitSettingIsTheOnlyCandidate(@TempDir Path dir) {
    Path missing = dir.resolve("libxla4j_pjrt_cpu.so");
    IllegalStateException e = assertThrows(IllegalStateException.class, () ->
        withProperty(PjrtPlugin.CPU_PROPERTY, missing.toString(), () -> RuntimeLocator.locate(Kind.CPU)));
    assertTrue(e.getMessage().startsWith("XLA:CPU PJRT plugin not found; looked at " + missing
        + " (system property xla4j.pjrt.cpu). Run tools/install-runtime in an xla4j checkout"), e.getMessage());
  }

  @Test
  void nothingFoundSaysWhatToRun(@TempDir Path dir) {
    Path a = dir.resolve("runtime/libtpu.so");
    Path b = dir.resolve("checkout/deps/xla/libtpu/libtpu.so");
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> RuntimeLocator.first(Kind.TPU,
        List.of(new Candidate(a, "runtime folder (tools/install-runtime)"), new Candidate(b, "development build"))));
    assertEquals("libtpu not found; looked at " + a + " (runtime folder (tools/install-runtime)), " + b
        + " (development build). Run tools/install-runtime in an xla4j checkout (it fills "
        + RuntimeLocator.runtimeFolder() + "), or set system property xla4j.pjrt.tpu or environment variable "
        + "XLA4J_PJRT_TPU to the libtpu.so file", e.getMessage());
  }
}
