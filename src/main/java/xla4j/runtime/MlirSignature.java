package xla4j.runtime;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import xla4j.dsl.Mesh;
import xla4j.dsl.PartitionSpec;
import xla4j.dsl.Shape;
import xla4j.dsl.Signature;
import xla4j.hlo.MeshDecl;
import xla4j.pjrt.ProgramSignature;
import xla4j.pjrt.TensorSpec;

/**
 * Reads the {@link Signature} of a StableHLO module that xla4j did not build (a file given to {@code run-mlir} or
 * {@code compile-mlir}): types from {@link ProgramSignature}, names from {@code jax.arg_info} /
 * {@code jax.result_info} ({@code argN} / {@code outN} otherwise), shardings from {@code sdy.sharding} (Shardy) or
 * {@code mhlo.sharding} (GSPMD, tiles over devices in iota order), donations from {@code tf.aliasing_output}.
 * Programs built with the DSL never come here: they carry their signature ({@code Graph.signature()}). Stateless and
 * thread-safe.
 */
public final class MlirSignature {
  private static final Pattern MESH = Pattern.compile("sdy\\.mesh\\s+@([\\w.$]+)\\s*=\\s*<\\s*\\[([^\\]]*)\\]");
  private static final Pattern AXIS = Pattern.compile("\"([^\"]+)\"\\s*=\\s*(\\d+)");
  private static final Pattern SDY = Pattern.compile("#sdy\\.sharding<\\s*@([\\w.$]+)\\s*,\\s*\\[(.*?)\\]\\s*(?:replicated=\\{[^}]*\\}\\s*)?>");
  private static final Pattern GSPMD = Pattern.compile("mhlo\\.sharding\\s*=\\s*\"([^\"]*)\"");
  private static final Pattern GSPMD_TILES =
      Pattern.compile("\\{devices=\\[([0-9,]+)\\](?:<=\\[(\\d+)\\]|([0-9,]+))\\s*(last_tile_dim_replicate)?\\s*\\}");
  private static final Pattern ARG_INFO = Pattern.compile("jax\\.(?:arg|result)_info\\s*=\\s*\"([^\"]*)\"");
  private static final Pattern ALIAS = Pattern.compile("tf\\.aliasing_output\\s*=\\s*(\\d+)\\s*:\\s*i32");
  private static final Pattern REPLICAS = Pattern.compile("mhlo\\.num_replicas\\s*=\\s*(\\d+)");
  private static final Pattern DIM_AXES = Pattern.compile("\\{([^}]*)\\}");
  private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");
  private static final Pattern MODULE = Pattern.compile("module\\s+@([\\w.$]+)");

  private MlirSignature() {}

  /**
   * The module's signature.
   *
   * @throws IllegalArgumentException for a module without {@code @main}, an unsupported type or sharding, or
   *     shardings over several meshes
   */
  public static Signature read(String mlir) {
    ProgramSignature types = ProgramSignature.parse(mlir);
    ProgramSignature.Entry entry = ProgramSignature.Entry.find(mlir).orElseThrow();
    Map<String, MeshDecl> meshes = meshes(mlir);
    List<Parsed> in = new ArrayList<>();
    for (int i = 0; i < entry.parameters().size(); i++) {
      in.add(parse(entry.parameters().get(i), "arg" + i, types.inputs().get(i), meshes));
    }
    List<Parsed> out = new ArrayList<>();
    for (int i = 0; i < entry.results().size(); i++) {
      out.add(parse(entry.results().get(i), "out" + i, types.outputs().get(i), meshes));
    }
    rename(in, "arg");
    rename(out, "out");
    Optional<Mesh> mesh = commonMesh(in, out, mlir.contains("mhlo.num_partitions") ? types.numPartitions() : -1);
    List<Signature.Arg> params = new ArrayList<>();
    for (Parsed p : in) {
      Optional<String> alias = p.alias < 0 ? Optional.empty() : Optional.of(aliasName(out, p.alias, p.name));
      params.add(new Signature.Arg(p.name, p.shape, p.spec(mesh), alias));
    }
    List<Signature.Arg> results = new ArrayList<>();
    for (Parsed p : out) {
      results.add(new Signature.Arg(p.name, p.shape, p.spec(mesh), Optional.empty()));
    }
    Matcher r = REPLICAS.matcher(mlir);
    int replicas = r.find() ? number(r.group(1), "mhlo.num_replicas") : 1;
    boolean gspmd = !mlir.contains("sdy.");
    return new Signature(moduleName(mlir), mesh, gspmd, mesh.isPresent() ? 1 : replicas, params, results);
  }

  private static String aliasName(List<Parsed> out, int index, String param) {
    if (index >= out.size()) {
      throw new IllegalArgumentException("parameter '" + param + "' has tf.aliasing_output = " + index + " but @main has "
          + out.size() + " results");
    }
    return out.get(index).name;
  }

  /** One parameter or result as written: name, type, and its sharding (over a named or a GSPMD mesh). */
  private static final class Parsed {
    String name;
    final Shape shape;
    MeshDecl mesh;
    List<List<String>> dims;
    long[] gspmdTiles;
    boolean gspmdReplicateLast;
    int alias = -1;

    Parsed(String name, Shape shape) {
      this.name = name;
      this.shape = shape;
    }

    Optional<PartitionSpec> spec(Optional<Mesh> m) {
      if (gspmdTiles != null) {
        dims = gspmdDims(gspmdTiles, gspmdReplicateLast, m.orElseThrow().decl(), name);
      }
      if (dims == null) {
        return Optional.empty();
      }
      Object[] entries = new Object[dims.size()];
      for (int d = 0; d < entries.length; d++) {
        entries[d] = dims.get(d);
      }
      return Optional.of(PartitionSpec.of(entries));
    }
  }

  private static Parsed parse(String text, String fallback, TensorSpec type, Map<String, MeshDecl> meshes) {
    Matcher n = ARG_INFO.matcher(text);
    Parsed p = new Parsed(n.find() && !n.group(1).isEmpty() ? n.group(1) : fallback,
        Shape.of(type.dtype(), type.dims()));
    Matcher a = ALIAS.matcher(text);
    if (a.find()) {
      p.alias = number(a.group(1), "tf.aliasing_output");
    }
    Matcher s = SDY.matcher(text);
    if (s.find()) {
      p.mesh = meshes.get(s.group(1));
      if (p.mesh == null) {
        throw new IllegalArgumentException("sdy.sharding of '" + p.name + "' refers to unknown mesh @" + s.group(1)
            + " (the module declares " + meshes.keySet() + ")");
      }
      p.dims = new ArrayList<>();
      Matcher dim = DIM_AXES.matcher(s.group(2));
      while (dim.find()) {
        List<String> axes = new ArrayList<>();
        Matcher name = QUOTED.matcher(dim.group(1));
        while (name.find()) {
          axes.add(name.group(1));
        }
        p.dims.add(axes);
      }
      return p;
    }
    Matcher g = GSPMD.matcher(text);
    if (g.find() && !g.group(1).trim().equals("{replicated}")) {
      String t = g.group(1).trim();
      Matcher m = GSPMD_TILES.matcher(t);
      if (!m.matches()) {
        throw new IllegalArgumentException("unsupported mhlo.sharding " + t + " of '" + p.name + "' (xla4j reads "
            + "{replicated} and {devices=[...]<=[N]} or {devices=[...]0,1,...} in iota order)");
      }
      long[] tiles = numbers(m.group(1), "mhlo.sharding tile");
      long total = 1;
      for (long x : tiles) {
        total = Math.multiplyExact(total, x);
      }
      if (m.group(3) != null) {
        long[] ids = numbers(m.group(3), "mhlo.sharding device");
        for (int i = 0; i < ids.length; i++) {
          if (ids[i] != i) {
            throw new IllegalArgumentException("unsupported mhlo.sharding " + t + " of '" + p.name
                + "': devices must be in iota order");
          }
        }
        if (ids.length != total) {
          throw new IllegalArgumentException("mhlo.sharding " + t + " of '" + p.name + "' lists " + ids.length
              + " devices for " + total + " tiles");
        }
      } else if (number(m.group(2), "mhlo.sharding device count") != total) {
        throw new IllegalArgumentException("mhlo.sharding " + t + " of '" + p.name + "' has " + total + " tiles over "
            + m.group(2) + " devices");
      }
      p.gspmdTiles = tiles;
      p.gspmdReplicateLast = m.group(4) != null;
    }
    return p;
  }

  /**
   * The mesh of a GSPMD program: axes {@code _d0, _d1, ...} from the first sharded value's tile counts (those
   * above 1, in order); other values' tiles must consume the same axes in order.
   */
  private static Optional<Mesh> commonMesh(List<Parsed> in, List<Parsed> out, int partitions) {
    MeshDecl mesh = null;
    List<Parsed> all = new ArrayList<>(in);
    all.addAll(out);
    for (Parsed p : all) {
      MeshDecl m = p.mesh;
      if (m == null && p.gspmdTiles != null) {
        List<MeshDecl.Axis> axes = new ArrayList<>();
        for (long t : p.gspmdTiles) {
          if (t > 1) {
            axes.add(new MeshDecl.Axis("_d" + axes.size(), t));
          }
        }
        m = mesh != null ? mesh : new MeshDecl("mesh", axes);
      }
      if (m == null) {
        continue;
      }
      if (mesh == null) {
        mesh = m;
      } else if (p.mesh != null && !p.mesh.axes().equals(mesh.axes())) {
        throw new IllegalArgumentException("xla4j runs programs sharded over one mesh, but '" + p.name + "' uses "
            + p.mesh.toMlir() + " and others " + mesh.toMlir());
      }
    }
    if (mesh == null) {
      // Partitions without shardings: every value replicated over a one-axis mesh.
      return partitions > 1 ? Optional.of(Mesh.of("_d0", partitions)) : Optional.empty();
    }
    if (partitions >= 0 && mesh.numDevices() != partitions) {
      throw new IllegalArgumentException("the module's shardings span " + mesh.numDevices() + " devices ("
          + mesh.toMlir() + ") but mhlo.num_partitions is " + partitions);
    }
    return Optional.of(Mesh.of(new MeshDecl("mesh", mesh.axes())));
  }

  private static List<List<String>> gspmdDims(long[] tiles, boolean replicateLast, MeshDecl mesh, String name) {
    List<List<String>> dims = new ArrayList<>();
    int next = 0;
    for (int d = 0; d < tiles.length; d++) {
      List<String> axes = new ArrayList<>();
      long need = tiles[d];
      while (need > 1 && next < mesh.axes().size() && need % mesh.axes().get(next).size() == 0) {
        axes.add(mesh.axes().get(next).name());
        need /= mesh.axes().get(next).size();
        next++;
      }
      if (need != 1) {
        throw new IllegalArgumentException("unsupported mhlo.sharding tiles " + java.util.Arrays.toString(tiles)
            + " of '" + name + "' over the program's mesh " + mesh.toMlir());
      }
      if (d < tiles.length - (replicateLast ? 1 : 0)) {
        dims.add(axes);
      }
    }
    return dims;
  }

  private static Map<String, MeshDecl> meshes(String mlir) {
    Map<String, MeshDecl> meshes = new LinkedHashMap<>();
    Matcher m = MESH.matcher(mlir);
    while (m.find()) {
      List<MeshDecl.Axis> axes = new ArrayList<>();
      Matcher a = AXIS.matcher(m.group(2));
      while (a.find()) {
        axes.add(new MeshDecl.Axis(a.group(1), number(a.group(2), "sdy.mesh axis size")));
      }
      meshes.put(m.group(1), new MeshDecl(m.group(1), axes));
    }
    return meshes;
  }

  private static void rename(List<Parsed> args, String prefix) {
    Set<String> seen = new HashSet<>();
    boolean clash = false;
    for (Parsed p : args) {
      clash |= !seen.add(p.name);
    }
    if (clash) {
      for (int i = 0; i < args.size(); i++) {
        args.get(i).name = prefix + i;
      }
    }
  }

  private static String moduleName(String mlir) {
    Matcher m = MODULE.matcher(mlir);
    return m.find() ? m.group(1) : "main";
  }

  private static long[] numbers(String list, String what) {
    String[] parts = list.split(",");
    long[] out = new long[parts.length];
    for (int i = 0; i < parts.length; i++) {
      out[i] = number(parts[i].trim(), what);
    }
    return out;
  }

  /** A non-negative int, or a clear error for one too large (not a NumberFormatException). */
  private static int number(String digits, String what) {
    if (!digits.matches("[0-9]{1,9}")) {
      throw new IllegalArgumentException(what + " must be a number below 10^9, got " + digits);
    }
    return Integer.parseInt(digits);
  }
}
