package xla4j.hlo;

import java.util.List;

/**
 * One StableHLO operation: operands, results (created by the op's factory from its shape rule), optional
 * regions, and its own MLIR text. Implementations are immutable records; each has a static factory that
 * checks the op's invariants and computes the result types, so printing never re-infers anything.
 */
public interface Operation {
  /** Full op name, e.g. {@code stablehlo.add}. */
  String name();

  List<Value> operands();

  List<Value> results();

  default List<Region> regions() {
    return List.of();
  }

  /** Writes the op after the {@code %r = } prefix (which the printer writes). */
  void print(MlirPrinter.OpWriter w);
}
