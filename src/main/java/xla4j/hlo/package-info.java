/**
 * An immutable StableHLO IR and its MLIR printer.
 *
 * <p>{@link xla4j.hlo.Module} holds Shardy mesh declarations ({@link xla4j.hlo.MeshDecl}) and
 * {@link xla4j.hlo.Func}tions; a function body is a {@link xla4j.hlo.Region} of {@link xla4j.hlo.Operation}s over
 * SSA {@link xla4j.hlo.Value}s typed by {@link xla4j.hlo.TensorType}. Each op is one small record whose static
 * {@code of(...)} factory is the op's shape/dtype rule: it checks one invariant per clause, throwing
 * {@link java.lang.IllegalArgumentException} with text of the form
 * {@code "dot_general requires contracting dimensions to have the same size, got (3,) and (4,)"}, and creates the
 * result values; {@link xla4j.hlo.MlirPrinter} never re-infers shapes. Elementwise ops come from one table,
 * {@link xla4j.hlo.ElementwiseKind}. Printed forms follow {@code jax.jit(f).lower(...).as_text()}.
 *
 * <p>This package knows nothing about devices; {@code xla4j.dsl} builds it with inference and user locations.
 */
package xla4j.hlo;
