package xla4j.dsl;

import java.util.ArrayList;
import java.util.List;
import xla4j.hlo.MeshDecl;

/**
 * Named device-mesh axes, as {@code jax.sharding.Mesh}: e.g. {@code Mesh.of("data", 2, "model", 4)}.
 * Emitted as {@code sdy.mesh @mesh = <["data"=2, "model"=4]>}.
 */
public final class Mesh {
  private final MeshDecl decl;

  private Mesh(MeshDecl decl) {
    this.decl = decl;
  }

  /** Alternating axis names and sizes: {@code of("x", 2)}, {@code of("data", 2, "model", 4)}. */
  public static Mesh of(Object... namesAndSizes) {
    if (namesAndSizes.length == 0 || namesAndSizes.length % 2 != 0) {
      throw new IllegalArgumentException("mesh requires (name, size) pairs, got " + namesAndSizes.length + " values");
    }
    List<MeshDecl.Axis> axes = new ArrayList<>();
    for (int i = 0; i < namesAndSizes.length; i += 2) {
      if (!(namesAndSizes[i] instanceof String) || !(namesAndSizes[i + 1] instanceof Number)) {
        throw new IllegalArgumentException("mesh requires (String name, int size) pairs, got " + namesAndSizes[i]
            + " and " + namesAndSizes[i + 1]);
      }
      axes.add(new MeshDecl.Axis((String) namesAndSizes[i], ((Number) namesAndSizes[i + 1]).longValue()));
    }
    return new Mesh(new MeshDecl("mesh", axes));
  }

  /**
   * Parses the command-line form {@code "data=2,model=4"} (axes in major-to-minor order).
   *
   * @throws IllegalArgumentException naming the malformed part
   */
  public static Mesh parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("mesh requires axes like 'data=2,model=4', got '" + text + "'");
    }
    List<MeshDecl.Axis> axes = new ArrayList<>();
    for (String part : text.split(",", -1)) {
      String[] kv = part.trim().split("=", -1);
      if (kv.length != 2 || !kv[0].trim().matches("[A-Za-z_][A-Za-z0-9_]*") || !kv[1].trim().matches("[0-9]{1,9}")) {
        throw new IllegalArgumentException("mesh requires axes like 'data=2,model=4', got '" + part.trim()
            + "' in '" + text + "'");
      }
      axes.add(new MeshDecl.Axis(kv[0].trim(), Long.parseLong(kv[1].trim())));
    }
    return new Mesh(new MeshDecl("mesh", axes));
  }

  /** A mesh from its IR declaration. */
  public static Mesh of(MeshDecl decl) {
    return new Mesh(decl);
  }

  /** Axis names, major to minor. */
  public List<String> axisNames() {
    return decl.axisNames();
  }

  /** Whether the mesh has an axis {@code name}. */
  public boolean hasAxis(String name) {
    return decl.axisNames().contains(name);
  }

  /** {@code data=2,model=4}: the form {@link #parse} reads. */
  public String shape() {
    StringBuilder sb = new StringBuilder();
    for (MeshDecl.Axis a : decl.axes()) {
      sb.append(sb.length() > 0 ? "," : "").append(a.name()).append('=').append(a.size());
    }
    return sb.toString();
  }

  /** The IR mesh declaration ({@code sdy.mesh}) this mesh prints as. */
  public MeshDecl decl() {
    return decl;
  }

  /** Number of devices: the product of the axis sizes. */
  public long numDevices() {
    return decl.numDevices();
  }

  /** Size of the axis {@code name}; throws {@code IllegalArgumentException} for an unknown axis. */
  public long axisSize(String name) {
    return decl.axis(name).size();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Mesh && ((Mesh) o).decl.equals(decl);
  }

  @Override
  public int hashCode() {
    return decl.hashCode();
  }

  @Override
  public String toString() {
    return decl.toMlir();
  }
}
