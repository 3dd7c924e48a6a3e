package xla4j.hlo;

import com.google.common.collect.ImmutableList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/**
 * A Shardy mesh declaration, {@code sdy.mesh @mesh = <["data"=2, "model"=4]>}.
 *
 * @param name symbol name without the {@code @}
 * @param axes named axes in major-to-minor order
 */
public record MeshDecl(String name, List<Axis> axes) {
  /** One named mesh axis. */
  public record Axis(String name, long size) {
    public Axis {
      Shapes.check(name != null && !name.isEmpty(), "mesh axis requires a non-empty name, got '%s'", name);
      Shapes.check(size > 0, "mesh axis '%s' requires a positive size, got %d", name, size);
    }
  }

  public MeshDecl {
    Shapes.check(name != null && name.matches("[A-Za-z_][A-Za-z0-9_$.]*"),
        "mesh requires a symbol name made of letters, digits, '_', '$' or '.', got '%s'", name);
    axes = ImmutableList.copyOf(axes);
    Set<String> seen = new HashSet<>();
    for (Axis a : axes) {
      Shapes.check(seen.add(a.name()), "mesh @%s requires unique axis names, got '%s' twice", name, a.name());
    }
  }

  /** Product of the axis sizes. */
  public long numDevices() {
    long n = 1;
    for (Axis a : axes) {
      n *= a.size();
    }
    return n;
  }

  public Axis axis(String axisName) {
    for (Axis a : axes) {
      if (a.name().equals(axisName)) {
        return a;
      }
    }
    throw new IllegalArgumentException("mesh @" + name + " has no axis '" + axisName + "', axes are " + axisNames());
  }

  public List<String> axisNames() {
    return axes.stream().map(Axis::name).collect(ImmutableList.toImmutableList());
  }

  /** {@code sdy.mesh @mesh = <["x"=2]>}. */
  public String toMlir() {
    StringJoiner j = new StringJoiner(", ", "[", "]");
    for (Axis a : axes) {
      j.add(Attr.quote(a.name()) + "=" + a.size());
    }
    return "sdy.mesh @" + name + " = <" + j + ">";
  }
}
