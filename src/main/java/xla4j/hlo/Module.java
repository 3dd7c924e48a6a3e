package xla4j.hlo;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code module @name attributes {...}} holding Shardy mesh declarations and functions. The module
 * attributes usually include {@code mhlo.num_partitions} and {@code mhlo.num_replicas}, as JAX emits.
 */
public record Module(String name, Map<String, Attr> attributes, List<MeshDecl> meshes, List<Func> funcs) {
  public Module {
    Shapes.check(name != null && name.matches("[A-Za-z_][A-Za-z0-9_$.]*"),
        "module requires a name made of letters, digits, '_', '$' or '.', got '%s'", name);
    attributes = ImmutableMap.copyOf(attributes);
    meshes = ImmutableList.copyOf(meshes);
    funcs = ImmutableList.copyOf(funcs);
  }

  /** Standard module attributes: {@code mhlo.num_partitions} and {@code mhlo.num_replicas}. */
  public static Map<String, Attr> partitionAttrs(int numPartitions, int numReplicas) {
    return ImmutableMap.of("mhlo.num_partitions", Attr.i32(numPartitions), "mhlo.num_replicas", Attr.i32(numReplicas));
  }

  /** MLIR text of this module. */
  public String toMlir() {
    return MlirPrinter.print(this);
  }
}
