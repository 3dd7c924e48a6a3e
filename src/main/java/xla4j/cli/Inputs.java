package xla4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import xla4j.array.NdArray;
import xla4j.io.Npy;
import xla4j.pjrt.TensorSpec;

/** Reading npy inputs and writing/printing outputs for the run commands. */
final class Inputs {
  private Inputs() {}

  static List<NdArray> read(List<Path> files) throws IOException {
    List<NdArray> out = new ArrayList<>();
    for (Path f : files) {
      out.add(Npy.read(f));
    }
    return out;
  }

  static void writeOutputs(List<NdArray> outputs, Path dir) throws IOException {
    Files.createDirectories(dir);
    for (int i = 0; i < outputs.size(); i++) {
      Path f = dir.resolve("out" + i + ".npy");
      Npy.write(f, outputs.get(i));
      NdArray o = outputs.get(i);
      System.out.println("output " + i + "   " + TensorSpec.of(o) + "  -> " + f + "  " + preview(o));
    }
  }

  static String preview(NdArray a) {
    String s = a.toString();  // "f32[2, 2] [58.0, ...]"
    int end = s.indexOf("] ");
    return end < 0 ? s : s.substring(end + 2);
  }
}
