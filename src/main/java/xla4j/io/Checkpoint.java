package xla4j.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** PROVISIONAL (replaced by the io branch): an open checkpoint file. */
public interface Checkpoint extends AutoCloseable {
  Path file();

  Map<String, TensorEntry> entries();

  @Override
  void close() throws IOException;

  static Checkpoint open(Path file) throws IOException {
    String n = file.getFileName().toString();
    if (n.endsWith(".safetensors")) {
      Safetensors s = Safetensors.open(file);
      return new Checkpoint() {
        public Path file() { return file; }
        public Map<String, TensorEntry> entries() { return s.entries(); }
        public void close() throws IOException { s.close(); }
      };
    }
    Npz z = Npz.open(file);
    return new Checkpoint() {
      public Path file() { return file; }
      public Map<String, TensorEntry> entries() { return z.entries(); }
      public void close() throws IOException { z.close(); }
    };
  }
}
