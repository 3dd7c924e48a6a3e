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

  public MeshDecl decl() {
    return decl;
  }

  public long numDevices() {
    return decl.numDevices();
  }

  public long axisSize(String name) {
    return decl.axis(name).size();
  }

  @Override
  public String toString() {
    return decl.toMlir();
  }
}
