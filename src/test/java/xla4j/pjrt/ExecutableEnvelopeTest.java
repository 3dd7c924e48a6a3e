package xla4j.pjrt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import xla4j.Forked;
import xla4j.array.NdArray;

/**
 * Only verified bytes reach the plugin through {@link Client#deserializeAndLoad}: XLA:CPU crashed the process
 * (SIGSEGV/SIGILL in its thunks) or computed wrong results on single flipped bits of a serialized executable.
 */
class ExecutableEnvelopeTest {
  static final float[] A = {1, 2, 3, 4, 5, 6};
  static final float[] B = {7, 8, 9, 10, 11, 12};
  static final float[] AB = {58, 64, 139, 154}; // hand-computed

  static Client client;
  static LoadedExecutable matmul;
  static byte[] serialized;

  @BeforeAll
  static void start() throws Exception {
    Path p = PjrtPlugin.cpuPath();
    Assumptions.assumeTrue(p != null && Files.isRegularFile(p), "xla4j CPU plugin not built at " + p);
    client = PjrtPlugin.cpu().createClient(Map.of("cpu_device_count", 1L));
    matmul = client.compile(Files.readString(Paths.get("hlo/examples/matmul.mlir")), CompileOptions.singleDevice());
    serialized = matmul.executable().serialize();
  }

  @AfterAll
  static void stop() {
    if (client != null) {
      client.close();
    }
  }

  static float[] run(byte[] bytes) {
    try (LoadedExecutable e = client.deserializeAndLoad(bytes, matmul.signature().orElseThrow())) {
      return e.call(NdArray.of(A, 2, 3), NdArray.of(B, 3, 2)).get(0).toFloatArray();
    }
  }

  static String error(byte[] bytes) {
    return assertThrows(IllegalArgumentException.class, () -> run(bytes)).getMessage();
  }

  /** An envelope with a correct digest around whatever {@code body} holds (from the magic on). */
  static byte[] sealed(byte[] body) throws Exception {
    byte[] out = Arrays.copyOf(body, body.length + 32);
    System.arraycopy(MessageDigest.getInstance("SHA-256").digest(body), 0, out, body.length, 32);
    return out;
  }

  @Test
  void aSerializedExecutableLoadsAndRuns() {
    assertArrayEquals(AB, run(serialized));
    assertArrayEquals("xla4jexe".getBytes(java.nio.charset.StandardCharsets.US_ASCII), Arrays.copyOf(serialized, 8));
  }

  /** 300 seeded single-bit flips, in a child JVM: a flip that reached the plugin could kill the process. */
  @Test
  void threeHundredBitFlipsAreEachRejected() throws Exception {
    Forked.Result r = Forked.run(300, BitFlips.class, "20240", "300");
    assertEquals(0, r.exitCode(), r.output());
    assertTrue(r.output().contains("flips 300 rejected 300 correct 0 wrong 0"), r.output());
    assertTrue(r.output().lines().filter(l -> l.startsWith("rejected "))
        .allMatch(l -> l.contains(" x IllegalArgumentException: ")), r.output());
  }

  @Test
  void thePluginsRawBytesAreRefused() {
    byte[] raw = SerializedExecutable.parse(serialized).payload();
    assertTrue(error(raw).startsWith("a serialized executable requires xla4j's header \"xla4jexe\" (bytes from "
        + "Executable.serialize, or an artifact's executable.bin written by this xla4j), got " + raw.length
        + " bytes starting"), error(raw));
    assertEquals("a serialized executable requires xla4j's header \"xla4jexe\" (bytes from Executable.serialize, "
        + "or an artifact's executable.bin written by this xla4j), got 0 bytes", error(new byte[0]));
  }

  @Test
  void damagedOrTruncatedBytesAreRefused() {
    byte[] flipped = serialized.clone();
    flipped[flipped.length / 2] ^= 1;
    assertEquals("the serialized executable is damaged: the SHA-256 of its " + (serialized.length - 32)
        + " bytes does not match the one it carries", error(flipped));
    byte[] truncated = Arrays.copyOf(serialized, serialized.length - 1);
    assertEquals("the serialized executable is damaged: the SHA-256 of its " + (serialized.length - 33)
        + " bytes does not match the one it carries", error(truncated));
  }

  @Test
  void anotherPlatformOrVersionIsRefused() {
    byte[] payload = SerializedExecutable.parse(serialized).payload();
    byte[] tpu = new SerializedExecutable("tpu", "libtpu 1", payload).toByteArray();
    assertEquals("deserializeAndLoad requires an executable compiled for this client's platform and version, got "
        + "tpu 'libtpu 1' and cpu '" + client.platformVersion() + "'", error(tpu));
    byte[] older = new SerializedExecutable("cpu", "0.0", payload).toByteArray();
    assertTrue(error(older).contains("got cpu '0.0' and cpu '"), error(older));
  }

  @Test
  void anotherEnvelopeVersionOrABadLengthIsRefused() throws Exception {
    byte[] body = Arrays.copyOf(serialized, serialized.length - 32);
    ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN).putInt(8, 2);
    assertEquals("a serialized executable requires envelope version 1, got 2 (serialized by another xla4j version: "
        + "recompile)", error(sealed(body)));
    body = Arrays.copyOf(serialized, serialized.length - 32);
    ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN).putInt(12, 1 << 30);
    assertEquals("the serialized executable is malformed: its platform name needs 1073741824 bytes, "
        + (body.length - 16) + " remain", error(sealed(body)));
    body = Arrays.copyOf(serialized, serialized.length - 32 - 1); // one executable byte short of its length
    assertTrue(error(sealed(body)).startsWith("the serialized executable is malformed: it declares "), error(sealed(body)));
  }

  @Test
  void aClosedClientIsAnIllegalState() {
    Client other = PjrtPlugin.cpu().createClient(Map.of("cpu_device_count", 1L));
    other.close();
    assertThrows(IllegalStateException.class, () -> other.deserializeAndLoad(serialized, null));
  }
}
