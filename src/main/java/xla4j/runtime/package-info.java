/**
 * Running compiled programs with Java-managed, sharded state.
 *
 * <ul>
 *   <li>{@link xla4j.runtime.DeviceMesh}: a {@code dsl.Mesh} laid over devices (partition p on device p of the list,
 *       any device order).
 *   <li>{@link xla4j.runtime.Program}: an executable plus its {@code dsl.Signature} as data; binds arguments by name,
 *       takes and returns device-resident {@link xla4j.runtime.ShardedArray}s, invalidates donated ones.
 *   <li>{@link xla4j.runtime.ParamStore}: parameters placed once over a mesh (each device reads only its shard from
 *       an {@code array.TensorSource}, e.g. a checkpoint entry), shared by several programs, freed by close.
 *   <li>{@link xla4j.runtime.CompiledArtifact}: a compiled program as a directory ({@code executable.bin} +
 *       {@code manifest.json} with the signature: names, dtypes, global shapes, mesh, shardings, donations,
 *       partitions, replicas, plugin platform and version, topology, fingerprint, SHA-256 of the executable) that runs
 *       later without its source ({@code program.saveArtifact(dir)} writes one, {@code CompiledArtifact.load(dir)
 *       .program(client)} runs it); loading checks the manifest, the checksum and the plugin's versions first.
 *   <li>{@link xla4j.runtime.MlirSignature}: the signature of a StableHLO file xla4j did not build.
 * </ul>
 *
 * <pre>{@code
 * Graph g = new Graph("step", Mesh.of("x", 2), false);
 * Tensor state = g.parameter("state", Shape.of(DType.F32, 4), PartitionSpec.of("x"));
 * Tensor w = g.parameter("w", Shape.of(DType.F32, 4), PartitionSpec.of("x"));
 * g.output("new_state", state.add(w), PartitionSpec.of("x"));
 * g.donate("state", "new_state");                                  // updated in place
 * try (Client client = PjrtPlugin.cpu().createClient(Map.of("cpu_device_count", 2L));
 *      Program step = Program.compile(g, client);
 *      ParamStore params = ParamStore.fromArrays(step, Map.of("w", weights))) {
 *   ShardedArray s = step.put("state", initial);
 *   for (int i = 0; i < 10; i++) {
 *     s = step.call(params, Map.of("state", s)).get("new_state");  // the old s is now unusable
 *   }
 *   NdArray result = s.toHost();
 *   s.close();
 * }
 * }</pre>
 */
package xla4j.runtime;
