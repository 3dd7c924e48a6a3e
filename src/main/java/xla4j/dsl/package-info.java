/**
 * The graph-building DSL: {@link xla4j.dsl.Graph}, {@link xla4j.dsl.Tensor}, {@link xla4j.dsl.Shape} (with
 * {@link xla4j.array.DType}), multi-tensor ops and builders in {@link xla4j.dsl.Ops}, model helpers in
 * {@link xla4j.dsl.Composites}, sharding with {@link xla4j.dsl.Mesh}, {@link xla4j.dsl.PartitionSpec} and
 * {@link xla4j.dsl.NamedSharding} (the one sharding model; {@link xla4j.dsl.ShardingRules} derives parameter specs as
 * big_vision's sharding strategies do), donations ({@link xla4j.dsl.Graph#donate}), and the program's
 * {@link xla4j.dsl.Signature} as data. The DSL knows no devices: {@code xla4j.runtime.Program} compiles and runs.
 *
 * <pre>{@code
 * Graph g = new Graph("attention", Mesh.of("data", 2), false);
 * Tensor x = g.parameter("x", Shape.of(DType.BF16, 8, 16, 64), PartitionSpec.of("data", null, null));
 * Tensor w = g.parameter("query/kernel", Shape.of(DType.BF16, 64, 4, 16));
 * Tensor q = Ops.einsum("btd,dnh->btnh", x, w);
 * g.output("q", q, PartitionSpec.of("data", null, null, null));
 * String mlir = g.toMlir();                      // StableHLO text, as JAX emits it
 * try (Program p = Program.compile(g, client)) {   // xla4j.runtime, on an xla4j.pjrt client
 *   List<NdArray> out = p.execute(xValues, wValues);
 * }
 * }</pre>
 *
 * <p>Shapes and dtypes are inferred and checked as each op is added: a bad op throws
 * {@link java.lang.IllegalArgumentException} naming the op, the operands and the rule, followed by the caller's
 * {@code (at File.java:line)}; lifecycle misuse (adding to a built graph, using a tensor from a closed region)
 * throws {@link java.lang.IllegalStateException}. Every op records the caller's location, printed as MLIR
 * {@code loc(...)} by {@link xla4j.dsl.Graph#toMlirWithLocations()}.
 *
 * <p>Tests: {@code DslCases} mirrors the JAX reference cases of {@code tools/dsl_goldens.py}; printer goldens of
 * {@link xla4j.dsl.Samples} live in {@code hlo/goldens}.
 */
package xla4j.dsl;
