package xla4j.hlo;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * {@code sdy.manual_computation} (Shardy; what {@code jax.shard_map} lowers to): the body runs once per device
 * on local shards, manual over all axes of the mesh. Operands are split by {@code inShardings}; the body's block
 * arguments have the local shapes; its results ({@code sdy.return}) are local and are assembled into global
 * results by {@code outShardings}. Global dim = local dim x the product of the mesh axes sharding it.
 */
public record ManualComputation(List<Value> inputs, List<Sharding> inShardings, List<Sharding> outShardings,
    Region body, List<Value> results) implements Operation {
  public ManualComputation {
    inputs = ImmutableList.copyOf(inputs);
    inShardings = ImmutableList.copyOf(inShardings);
    outShardings = ImmutableList.copyOf(outShardings);
    results = ImmutableList.copyOf(results);
  }

  /** Local (per-device) type of a global type under a sharding. */
  public static TensorType localType(String op, Sharding s, TensorType global) {
    s.checkFits(op, global);
    long[] dims = global.dims();
    for (int d = 0; d < dims.length; d++) {
      dims[d] /= shards(s, d);
    }
    return global.withDims(dims);
  }

  static long shards(Sharding s, int d) {
    long n = 1;
    for (String a : s.dimAxes().get(d)) {
      n *= s.mesh().axis(a).size();
    }
    return n;
  }

  public static ManualComputation of(List<Value> inputs, List<Sharding> inShardings, List<Sharding> outShardings,
      Region body) {
    Shapes.check(inputs.size() == inShardings.size(),
        "manual_computation requires one in_sharding per operand, got %d operands and %d shardings", inputs.size(),
        inShardings.size());
    Shapes.check(body.returns().size() == outShardings.size(),
        "manual_computation requires one out_sharding per result, got %d results and %d shardings",
        body.returns().size(), outShardings.size());
    List<TensorType> local = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      local.add(localType("manual_computation operand " + i, inShardings.get(i), inputs.get(i).type()));
    }
    Regions.checkArguments("manual_computation", "body", body, local);
    List<Value> results = new ArrayList<>();
    for (int i = 0; i < outShardings.size(); i++) {
      Sharding s = outShardings.get(i);
      TensorType t = body.returns().get(i).type();
      Shapes.check(s.dimAxes().size() == t.rank(),
          "manual_computation requires out_sharding %d to have one entry per dimension, got %d entries for %s", i,
          s.dimAxes().size(), t.shortString());
      long[] dims = t.dims();
      for (int d = 0; d < dims.length; d++) {
        dims[d] *= shards(s, d);
      }
      results.add(Value.of(t.withDims(dims)));
    }
    return new ManualComputation(inputs, inShardings, outShardings, body, results);
  }

  @Override
  public String name() {
    return "sdy.manual_computation";
  }

  @Override
  public List<Value> operands() {
    return inputs;
  }

  @Override
  public List<Region> regions() {
    return List.of(body);
  }

  private static String shardings(List<Sharding> ss) {
    StringJoiner j = new StringJoiner(", ", "[", "]");
    for (Sharding s : ss) {
      j.add(s.shardyBody());
    }
    return j.toString();
  }

  @Override
  public void print(MlirPrinter.OpWriter w) {
    MeshDecl mesh = !inShardings.isEmpty() ? inShardings.get(0).mesh() : outShardings.get(0).mesh();
    StringJoiner axes = new StringJoiner(", ", "{", "}");
    for (String a : mesh.axisNames()) {
      axes.add(Attr.quote(a));
    }
    w.append("sdy.manual_computation(").values(inputs).append(") in_shardings=").append(shardings(inShardings))
        .append(" out_shardings=").append(shardings(outShardings)).append(" manual_axes=").append(axes).append(" (");
    List<String> names = w.declareArguments(body);
    for (int i = 0; i < names.size(); i++) {
      w.append(i > 0 ? ", " : "").append(names.get(i)).append(": ").append(body.arguments().get(i).type());
    }
    w.append(") {").regionBody(body, "sdy.return").append("} : ").functionalType(inputs, results);
  }
}
