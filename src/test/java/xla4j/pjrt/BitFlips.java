package xla4j.pjrt;

import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Flips one seeded random bit of a serialized executable at a time and loads it through the public API,
 * printing one line per flip and a summary: {@code flips N rejected R correct C wrong W}. Run in a child JVM
 * by {@link ExecutableEnvelopeTest} (a flip that reached XLA:CPU crashed the process in 6 of 300 cases).
 * Exits 0 when no flip gave a wrong result.
 */
public final class BitFlips {
  private BitFlips() {}

  public static void main(String[] args) throws Exception {
    long seed = Long.parseLong(args[0]);
    int flips = Integer.parseInt(args[1]);
    float[] a = {1, 2, 3, 4, 5, 6};
    float[] b = {7, 8, 9, 10, 11, 12};
    float[] ab = {58, 64, 139, 154}; // hand-computed
    String mlir = Files.readString(Paths.get("hlo/examples/matmul.mlir"));
    Map<String, Integer> rejections = new TreeMap<>();
    int rejected = 0;
    int correct = 0;
    int wrong = 0;
    try (Client client = PjrtPlugin.cpu().createClient(Map.of("cpu_device_count", 1L));
         LoadedExecutable exe = client.compile(mlir, CompileOptions.singleDevice())) {
      byte[] bytes = exe.executable().serialize();
      ProgramSignature sig = exe.signature().orElseThrow();
      Random random = new Random(seed);
      for (int i = 0; i < flips; i++) {
        byte[] damaged = bytes.clone();
        int bit = random.nextInt(damaged.length * 8);
        damaged[bit / 8] ^= (byte) (1 << (bit % 8));
        System.out.println("flip " + i + " bit " + bit + " of " + damaged.length * 8);
        System.out.flush();
        try (LoadedExecutable loaded = client.deserializeAndLoad(damaged, sig)) {
          float[] got = loaded.call(xla4j.array.NdArray.of(a, 2, 3), xla4j.array.NdArray.of(b, 3, 2)).get(0)
              .toFloatArray();
          if (Arrays.equals(ab, got)) {
            correct++;
          } else {
            wrong++;
            System.out.println("WRONG result for flip " + i + ": " + Arrays.toString(got));
          }
        } catch (RuntimeException e) {
          rejected++;
          String key = e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()).replaceAll("\\d+", "N");
          rejections.merge(key.length() > 160 ? key.substring(0, 160) : key, 1, Integer::sum);
        }
      }
    }
    rejections.forEach((k, n) -> System.out.println("rejected " + n + " x " + k));
    System.out.println("flips " + flips + " rejected " + rejected + " correct " + correct + " wrong " + wrong);
    System.exit(wrong == 0 ? 0 : 1);
  }
}
