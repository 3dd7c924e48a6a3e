/**
 * xla4j's bridge to PJRT plugins: an idiomatic API over JavaCPP bindings of XLA's {@code pjrt_c_api.h}
 * (generated at build time into {@code xla4j.pjrt.capi}, never committed).
 *
 * <pre>{@code
 * try (Client cpu = PjrtPlugin.cpu().createClient(Map.of("cpu_device_count", 2L));
 *      LoadedExecutable mm = cpu.compile(Files.readString(Path.of("hlo/examples/matmul.mlir")),
 *                                        CompileOptions.singleDevice())) {
 *   List<NdArray> out = mm.call(NdArray.of(a, 2, 3), NdArray.of(b, 3, 2));
 * }
 * try (Topology v5e = PjrtPlugin.tpu().topology("v5e:2x2");
 *      Executable e = v5e.compile(mlir, CompileOptions.spmd(2))) {   // no TPU needed
 *   System.out.println(e.memoryStats());
 *   byte[] bytes = e.serialize();
 * }
 * }</pre>
 *
 * <p>Handles ({@link xla4j.pjrt.Client}, {@link xla4j.pjrt.Buffer}, {@link xla4j.pjrt.LoadedExecutable},
 * {@link xla4j.pjrt.Executable}, {@link xla4j.pjrt.Topology}) are {@code AutoCloseable}: close them; a
 * {@link java.lang.ref.Cleaner} frees what is forgotten and logs it. Plugin errors are
 * {@link xla4j.pjrt.PjrtException}s with PJRT's error code and the plugin's full message; misuse of a
 * closed handle is an {@code IllegalStateException}. All calls are thread-safe.
 *
 * <p>Plugins: {@link xla4j.pjrt.PjrtPlugin#cpu()} finds xla4j's XLA:CPU plugin through system property
 * {@code xla4j.pjrt.cpu}, environment variable {@code XLA4J_PJRT_CPU}, or the checkout's
 * {@code build/native/pjrt_cpu/libxla4j_pjrt_cpu.so}; {@link xla4j.pjrt.PjrtPlugin#tpu()} finds libtpu
 * ({@code xla4j.pjrt.tpu}, {@code XLA4J_PJRT_TPU}, {@code deps/xla/libtpu/libtpu.so}) and sets
 * {@code TPU_SKIP_MDS_QUERY=1} before loading it unless {@code -Dxla4j.tpu.host=true}.
 */
package xla4j.pjrt;
