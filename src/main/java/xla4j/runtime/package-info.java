/**
 * Running compiled programs on global host arrays: {@link xla4j.runtime.Sharding} (Shardy's mesh and
 * per-dimension axes; GSPMD tiles read into the same model) splits inputs over an executable's devices
 * and reassembles outputs, {@link xla4j.runtime.Runner} does one call that way, and
 * {@link xla4j.runtime.CompiledArtifact} saves a compiled program as a directory
 * ({@code executable.bin} + {@code manifest.json}: program name, input/output dtypes, global shapes and
 * shardings, partitions, replicas, plugin platform and version, topology, fingerprint, SHA-256 of the
 * executable) that runs later through {@code PJRT_Executable_DeserializeAndLoad} without the source
 * program; loading checks the manifest, the checksum and the plugin's versions first.
 */
package xla4j.runtime;
