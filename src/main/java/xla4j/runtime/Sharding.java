package xla4j.runtime;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import xla4j.array.NdArray;
import xla4j.pjrt.ProgramSignature;

/**
 * How a global array is split over the devices of a mesh (Shardy's model): named mesh axes with sizes
 * ({@code sdy.mesh @mesh = <["x"=2, "y"=2]>}) and, per array dimension, the axes it is split over
 * ({@code #sdy.sharding<@mesh, [{"x"}, {}]>}). Partition {@code p} sits at the mesh coordinates of
 * {@code p} in row-major order over the axes (the default iota device order). Immutable and thread-safe.
 */
public final class Sharding {
  private static final Pattern MESH = Pattern.compile("sdy\\.mesh\\s+@(\\w+)\\s*=\\s*<\\s*\\[([^\\]]*)\\]");
  private static final Pattern AXIS = Pattern.compile("\"(\\w+)\"\\s*=\\s*(\\d+)");
  private static final Pattern GSPMD = Pattern.compile("mhlo\\.sharding\\s*=\\s*\"([^\"]*)\"");
  private static final Pattern SHARDING = Pattern.compile("#sdy\\.sharding<\\s*@(\\w+)\\s*,\\s*\\[(.*?)\\]\\s*(?:replicated=\\{[^}]*\\}\\s*)?>");

  private final Map<String, Integer> mesh;
  private final List<List<String>> dims;

  private Sharding(Map<String, Integer> mesh, List<List<String>> dims) {
    this.mesh = Collections.unmodifiableMap(new LinkedHashMap<>(mesh));
    List<List<String>> copy = new ArrayList<>();
    for (List<String> d : dims) {
      for (String a : d) {
        if (!mesh.containsKey(a)) {
          throw new IllegalArgumentException("sharding uses axis '" + a + "' not in mesh " + mesh);
        }
      }
      copy.add(List.copyOf(d));
    }
    this.dims = Collections.unmodifiableList(copy);
  }

  /** @param mesh axis name to size, in mesh order; @param dims per array dimension, its axes (major first) */
  public static Sharding of(Map<String, Integer> mesh, List<List<String>> dims) {
    return new Sharding(mesh, dims);
  }

  /** Mesh axis name to size, in mesh order; unmodifiable. */
  public Map<String, Integer> mesh() {
    return mesh;
  }

  /** Per array dimension, the mesh axes it is split over (major first; empty: not split). */
  public List<List<String>> dims() {
    return dims;
  }

  /** Number of devices of the mesh. */
  public int meshSize() {
    int n = 1;
    for (int s : mesh.values()) {
      n *= s;
    }
    return n;
  }

  /** Whether no dimension is split (every device holds the whole array). */
  public boolean isReplicated() {
    return dims.stream().allMatch(List::isEmpty);
  }

  /**
   * Shardings of the entry function's parameters and results (the function {@link ProgramSignature.Entry}
   * finds: {@code @main}, never {@code @main_helper}), from {@code sdy.sharding} attributes, or
   * {@code mhlo.sharding} (GSPMD, see {@link #fromGspmd}) where there is none; null where an argument or
   * result has neither (or is replicated).
   */
  public static Signature parseProgram(String mlir) {
    Map<String, Map<String, Integer>> meshes = new LinkedHashMap<>();
    Matcher m = MESH.matcher(mlir);
    while (m.find()) {
      Map<String, Integer> axes = new LinkedHashMap<>();
      Matcher a = AXIS.matcher(m.group(2));
      while (a.find()) {
        axes.put(a.group(1), Integer.parseInt(a.group(2)));
      }
      meshes.put(m.group(1), axes);
    }
    Optional<ProgramSignature.Entry> entry = ProgramSignature.Entry.find(mlir);
    if (entry.isEmpty()) {
      return new Signature(List.of(), List.of());
    }
    List<Sharding> inputs = new ArrayList<>();
    for (String arg : entry.get().parameters()) {
      inputs.add(parseOne(arg, meshes));
    }
    List<Sharding> outputs = new ArrayList<>();
    for (String r : entry.get().results()) {
      outputs.add(parseOne(r, meshes));
    }
    return new Signature(inputs, outputs);
  }

  /** Shardings of a program's parameters and results (null entries: none given). */
  public record Signature(List<Sharding> inputs, List<Sharding> outputs) {
    /** Copies the lists. */
    public Signature {
      inputs = Collections.unmodifiableList(new ArrayList<>(inputs));
      outputs = Collections.unmodifiableList(new ArrayList<>(outputs));
    }
  }

  private static Sharding parseOne(String text, Map<String, Map<String, Integer>> meshes) {
    Matcher s = SHARDING.matcher(text);
    if (!s.find()) {
      Matcher g = GSPMD.matcher(text);
      return g.find() ? fromGspmd(g.group(1)) : null;
    }
    Map<String, Integer> mesh = meshes.get(s.group(1));
    if (mesh == null) {
      throw new IllegalArgumentException("sdy.sharding refers to unknown mesh @" + s.group(1));
    }
    List<List<String>> dims = new ArrayList<>();
    Matcher dim = Pattern.compile("\\{([^}]*)\\}").matcher(s.group(2));
    while (dim.find()) {
      List<String> axes = new ArrayList<>();
      Matcher name = Pattern.compile("\"(\\w+)\"").matcher(dim.group(1));
      while (name.find()) {
        axes.add(name.group(1));
      }
      dims.add(axes);
    }
    return new Sharding(mesh, dims);
  }

  /**
   * A GSPMD sharding string ({@code mhlo.sharding}) in the forms xla4j emits: {@code {replicated}} and
   * tiles over devices in iota order, {@code {devices=[2,1]<=[2]}} or {@code {devices=[2,1]0,1}}, with
   * optional {@code last_tile_dim_replicate}. Each tiled dimension becomes a mesh axis {@code _d0,
   * _d1, ...}.
   *
   * @throws IllegalArgumentException for other forms (transposed iota, permuted device lists)
   */
  public static Sharding fromGspmd(String text) {
    String t = text.trim();
    if (t.equals("{replicated}")) {
      return null;
    }
    Matcher m = Pattern.compile("\\{devices=\\[([0-9,]+)\\](?:<=\\[(\\d+)\\]|([0-9,]+))\\s*(last_tile_dim_replicate)?\\s*\\}")
        .matcher(t);
    if (!m.matches()) {
      throw new IllegalArgumentException("unsupported mhlo.sharding " + t + " (xla4j reads {replicated} and "
          + "{devices=[...]<=[N]} or {devices=[...]0,1,...} in iota order)");
    }
    long[] tiles = Arrays.stream(m.group(1).split(",")).mapToLong(Long::parseLong).toArray();
    long total = 1;
    for (long x : tiles) {
      total *= x;
    }
    if (m.group(3) != null) {
      long[] ids = Arrays.stream(m.group(3).split(",")).mapToLong(Long::parseLong).toArray();
      for (int i = 0; i < ids.length; i++) {
        if (ids[i] != i) {
          throw new IllegalArgumentException("unsupported mhlo.sharding " + t + ": devices must be in iota order");
        }
      }
      if (ids.length != total) {
        throw new IllegalArgumentException("mhlo.sharding " + t + " lists " + ids.length + " devices for " + total + " tiles");
      }
    } else if (Long.parseLong(m.group(2)) != total) {
      throw new IllegalArgumentException("mhlo.sharding " + t + " has " + total + " tiles over " + m.group(2) + " devices");
    }
    int rank = tiles.length - (m.group(4) != null ? 1 : 0);
    Map<String, Integer> mesh = new LinkedHashMap<>();
    List<List<String>> dims = new ArrayList<>();
    for (int d = 0; d < tiles.length; d++) {
      mesh.put("_d" + d, (int) tiles[d]);
      if (d < rank) {
        dims.add(tiles[d] == 1 ? List.of() : List.of("_d" + d));
      }
    }
    return new Sharding(mesh, dims);
  }

  /** Number of pieces dimension {@code d} is split into. */
  public int splits(int d) {
    int n = 1;
    for (String a : dims.get(d)) {
      n *= mesh.get(a);
    }
    return n;
  }

  /** Which piece of dimension {@code d} partition {@code p} holds. */
  public int pieceIndex(int p, int d) {
    Map<String, Integer> coords = coordinates(p);
    int index = 0;
    for (String a : dims.get(d)) {
      index = index * mesh.get(a) + coords.get(a);
    }
    return index;
  }

  private Map<String, Integer> coordinates(int p) {
    Map<String, Integer> c = new LinkedHashMap<>();
    List<String> axes = new ArrayList<>(mesh.keySet());
    int rest = p;
    for (int i = axes.size() - 1; i >= 0; i--) {
      int size = mesh.get(axes.get(i));
      c.put(axes.get(i), rest % size);
      rest /= size;
    }
    return c;
  }

  /** The shape each partition holds of a global array of shape {@code global}. */
  public long[] shardShape(long[] global) {
    checkRank(global);
    long[] s = global.clone();
    for (int d = 0; d < s.length; d++) {
      int k = splits(d);
      if (s[d] % k != 0) {
        throw new IllegalArgumentException("sharding " + this + " requires dimension " + d + " of "
            + Arrays.toString(global) + " to be divisible by " + k + ", got " + s[d]);
      }
      s[d] /= k;
    }
    return s;
  }

  /** Partition {@code p}'s piece of {@code global}. */
  public NdArray shard(NdArray global, int p) {
    long[] shape = shardShape(global.shape());
    long[] start = new long[shape.length];
    for (int d = 0; d < shape.length; d++) {
      start[d] = pieceIndex(p, d) * shape[d];
    }
    return copyBlock(global, start, shape);
  }

  /** The global array from every partition's piece ({@code shards.get(p)} of partition p). */
  public NdArray assemble(List<NdArray> shards) {
    if (shards.size() != meshSize()) {
      throw new IllegalArgumentException("assembling " + this + " requires " + meshSize() + " shards, got " + shards.size());
    }
    NdArray first = shards.get(0);
    long[] piece = first.shape();
    checkRank(piece);
    long[] global = piece.clone();
    for (int d = 0; d < global.length; d++) {
      global[d] *= splits(d);
    }
    int w = first.dtype().byteSize();
    ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(NdArray.numElements(global) * w)).order(ByteOrder.LITTLE_ENDIAN);
    for (int p = 0; p < shards.size(); p++) {
      long[] start = new long[piece.length];
      for (int d = 0; d < piece.length; d++) {
        start[d] = pieceIndex(p, d) * piece[d];
      }
      copyBox(shards.get(p).data(), piece, new long[piece.length], out, global, start, piece, w);
    }
    return NdArray.fromBytes(first.dtype(), global, out);
  }

  private static NdArray copyBlock(NdArray a, long[] start, long[] size) {
    int w = a.dtype().byteSize();
    ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(NdArray.numElements(size) * w)).order(ByteOrder.LITTLE_ENDIAN);
    copyBox(a.data(), a.shape(), start, out, size, new long[size.length], size, w);
    return NdArray.fromBytes(a.dtype(), size, out);
  }

  /**
   * Copies the box of extent {@code size} at {@code srcStart} of a row-major {@code srcShape} array into
   * {@code dst} (row-major {@code dstShape}) at {@code dstStart}, one contiguous last-dimension run at a time.
   */
  private static void copyBox(ByteBuffer src, long[] srcShape, long[] srcStart, ByteBuffer dst, long[] dstShape,
      long[] dstStart, long[] size, int w) {
    int rank = size.length;
    if (NdArray.numElements(size) == 0) {
      return;
    }
    int run = Math.toIntExact((rank == 0 ? 1 : size[rank - 1]) * w);
    long[] idx = new long[Math.max(rank - 1, 0)];
    long[] outer = java.util.Arrays.copyOf(size, idx.length);
    long rows = NdArray.numElements(outer);
    for (long r = 0; r < rows; r++) {
      long so = 0;
      long dof = 0;
      for (int d = 0; d < rank; d++) {
        long i = d < idx.length ? idx[d] : 0;
        so = so * srcShape[d] + srcStart[d] + i;
        dof = dof * dstShape[d] + dstStart[d] + i;
      }
      ByteBuffer piece = src.duplicate();
      piece.position(Math.toIntExact(so * w)).limit(Math.toIntExact(so * w) + run);
      dst.duplicate().position(Math.toIntExact(dof * w)).put(piece);
      increment(idx, outer);
    }
  }

  private static void increment(long[] idx, long[] size) {
    for (int d = idx.length - 1; d >= 0; d--) {
      if (++idx[d] < size[d]) {
        return;
      }
      idx[d] = 0;
    }
  }

  private void checkRank(long[] shape) {
    if (shape.length != dims.size()) {
      throw new IllegalArgumentException("sharding " + this + " is for rank " + dims.size() + ", got shape "
          + Arrays.toString(shape));
    }
  }

  /** Shardy's notation, e.g. {@code <["x"=2, "y"=2]> [{"x"}, {}]}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("<[");
    int i = 0;
    for (Map.Entry<String, Integer> e : mesh.entrySet()) {
      sb.append(i++ > 0 ? ", " : "").append('"').append(e.getKey()).append("\"=").append(e.getValue());
    }
    sb.append("]> [");
    for (int d = 0; d < dims.size(); d++) {
      sb.append(d > 0 ? ", " : "").append('{');
      for (int k = 0; k < dims.get(d).size(); k++) {
        sb.append(k > 0 ? ", " : "").append('"').append(dims.get(d).get(k)).append('"');
      }
      sb.append('}');
    }
    return sb.append(']').toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Sharding && ((Sharding) o).mesh.equals(mesh) && ((Sharding) o).dims.equals(dims);
  }

  @Override
  public int hashCode() {
    return mesh.hashCode() * 31 + dims.hashCode();
  }
}
