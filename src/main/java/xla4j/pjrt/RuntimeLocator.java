package xla4j.pjrt;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Finds the native runtime files xla4j loads by name: our XLA:CPU plugin and libtpu. One lookup
 * order for both, first match wins:
 *
 * <ol>
 *   <li>the system property ({@code xla4j.pjrt.cpu} / {@code xla4j.pjrt.tpu}), which must name an
 *       existing file;
 *   <li>the environment variable ({@code XLA4J_PJRT_CPU} / {@code XLA4J_PJRT_TPU}), likewise;
 *   <li>the per-user runtime folder {@code ~/.xla4j/runtime/VERSION/} that {@code tools/install-runtime}
 *       fills;
 *   <li>the development build of the checkout this code was loaded from ({@code build/native/...},
 *       {@code deps/xla/libtpu/}), found relative to the jar or classes folder, never a recorded path.
 * </ol>
 */
final class RuntimeLocator {
  /** The runtime files looked up by name. */
  enum Kind {
    CPU("XLA:CPU PJRT plugin", PjrtPlugin.CPU_PROPERTY, PjrtPlugin.CPU_ENV, "libxla4j_pjrt_cpu.so",
        "build/native/pjrt_cpu/libxla4j_pjrt_cpu.so"),
    TPU("libtpu", PjrtPlugin.TPU_PROPERTY, PjrtPlugin.TPU_ENV, "libtpu.so", "deps/xla/libtpu/libtpu.so");

    final String what;
    final String property;
    final String env;
    final String fileName;
    final String inCheckout;

    Kind(String what, String property, String env, String fileName, String inCheckout) {
      this.what = what;
      this.property = property;
      this.env = env;
      this.fileName = fileName;
      this.inCheckout = inCheckout;
    }
  }

  /** A place looked at and why. */
  record Candidate(Path path, String source) {}

  private RuntimeLocator() {}

  /** xla4j's version, as recorded in the jar at build time ({@code xla4j/xla4j.properties}). */
  static String version() {
    Properties p = new Properties();
    try (InputStream in = RuntimeLocator.class.getResourceAsStream("/xla4j/xla4j.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read xla4j/xla4j.properties from the xla4j jar", e);
    }
    String v = p.getProperty("version", "");
    return v.isEmpty() || v.startsWith("${") ? "unknown" : v;
  }

  /** {@code ~/.xla4j/runtime/VERSION}: the per-user runtime folder (may not exist). */
  static Path runtimeFolder() {
    return Paths.get(System.getProperty("user.home"), ".xla4j", "runtime", version());
  }

  /**
   * The places looked at, in order. An explicit setting (property or environment variable) is the only
   * candidate when present, so that a wrong setting is an error rather than silently bypassed.
   */
  static List<Candidate> candidates(Kind kind) {
    String s = System.getProperty(kind.property);
    if (s != null && !s.isEmpty()) {
      return List.of(new Candidate(Paths.get(s), "system property " + kind.property));
    }
    s = System.getenv(kind.env);
    if (s != null && !s.isEmpty()) {
      return List.of(new Candidate(Paths.get(s), "environment variable " + kind.env));
    }
    List<Candidate> out = new ArrayList<>();
    out.add(new Candidate(runtimeFolder().resolve(kind.fileName), "runtime folder (tools/install-runtime)"));
    checkout().ifPresent(root ->
        out.add(new Candidate(root.resolve(kind.inCheckout), "development build of " + root)));
    return out;
  }

  /** The first existing candidate, or empty. */
  static Optional<Path> find(Kind kind) {
    return candidates(kind).stream().map(Candidate::path).filter(Files::isRegularFile).findFirst();
  }

  /**
   * The file to load.
   *
   * @throws IllegalStateException naming every place looked at and what to run, when none exists
   */
  static Path locate(Kind kind) {
    return first(kind, candidates(kind));
  }

  /** The first of {@code candidates} that exists, else the error {@link #locate} describes. */
  static Path first(Kind kind, List<Candidate> candidates) {
    for (Candidate c : candidates) {
      if (Files.isRegularFile(c.path())) {
        return c.path();
      }
    }
    StringBuilder looked = new StringBuilder();
    for (Candidate c : candidates) {
      looked.append(looked.length() == 0 ? "" : ", ").append(c.path()).append(" (").append(c.source()).append(')');
    }
    throw new IllegalStateException(kind.what + " not found; looked at " + looked
        + ". Run tools/install-runtime in an xla4j checkout (it fills " + runtimeFolder()
        + "), or set system property " + kind.property + " or environment variable " + kind.env
        + " to the " + kind.fileName + " file");
  }

  /**
   * The checkout this code was loaded from, when it runs from one: {@code ROOT/target/classes} or
   * {@code ROOT/target/xla4j.jar} (any build folder name), recognised by {@code ROOT/pom.xml} and
   * {@code ROOT/native/}.
   */
  static Optional<Path> checkout() {
    CodeSource source = RuntimeLocator.class.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return Optional.empty();
    }
    Path location;
    try {
      location = Paths.get(source.getLocation().toURI());
    } catch (URISyntaxException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
      return Optional.empty();
    }
    Path root = location.getParent() == null ? null : location.getParent().getParent();
    if (root != null && Files.isRegularFile(root.resolve("pom.xml")) && Files.isDirectory(root.resolve("native"))) {
      return Optional.of(root);
    }
    return Optional.empty();
  }
}
