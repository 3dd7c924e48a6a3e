package xla4j.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xla4j.array.DType;
import xla4j.array.NdArray;
import xla4j.array.TensorSource;
import xla4j.dsl.Graph;
import xla4j.dsl.Mesh;
import xla4j.dsl.PartitionSpec;
import xla4j.dsl.Shape;
import xla4j.dsl.Tensor;
import xla4j.pjrt.Buffer;
import xla4j.pjrt.Client;
import xla4j.pjrt.PjrtPlugin;

/** Programs with names and state: binding by name, device-resident results, donation, a shared parameter store. */
class ProgramTest {
  static Client client;

  @BeforeAll
  static void start() {
    client = PjrtPlugin.cpu().createClient(Map.of("cpu_device_count", 4L));
  }

  @AfterAll
  static void stop() {
    client.close();
  }

  /** {@code new_state = state + x}, {@code y = 2 * state}, with state donated to new_state. */
  static Graph step(Mesh mesh, PartitionSpec spec) {
    Graph g = mesh == null ? new Graph("step") : new Graph("step", mesh, false);
    Tensor state = g.parameter("state", Shape.of(DType.F32, 4), spec);
    Tensor x = g.parameter("x", Shape.of(DType.F32, 4), spec);
    g.output("new_state", state.add(x), spec);
    g.output("y", state.add(state), spec);
    return g.donate("state", "new_state");
  }

  @Test
  void donatedStateIsUpdatedInPlaceAndTheOldHandleIsUnusable() {
    Graph g = step(null, null);
    assertTrue(g.toMlir().contains("tf.aliasing_output = 0 : i32"), g.toMlir());
    try (Program p = Program.compile(g, client);
        ShardedArray x = p.put("x", NdArray.of(new float[] {1, 2, 3, 4}, 4))) {
      ShardedArray state = p.put("state", NdArray.of(new float[] {10, 20, 30, 40}, 4));
      Buffer before = state.shard(0);
      long address = before.unsafePointer();
      for (int i = 1; i <= 3; i++) {
        Map<String, ShardedArray> out = p.call(Map.of("state", state, "x", x));
        ShardedArray next = out.get("new_state");
        assertEquals(address, next.shard(0).unsafePointer(), "step " + i + " wrote the state in place");
        assertArrayEquals(new float[] {10 + i, 20 + 2 * i, 30 + 3 * i, 40 + 4 * i}, next.toHost().toFloatArray());
        assertFalse(state.isValid());
        ShardedArray old = state;
        IllegalStateException e = assertThrows(IllegalStateException.class, old::toHost);
        assertEquals("array '" + old.name() + "' was donated to program 'step' and is no longer valid", e.getMessage());
        assertEquals(i == 1 ? "state" : "new_state", old.name());
        out.get("y").close();
        state = next;
      }
      IllegalStateException raw = assertThrows(IllegalStateException.class, before::toHost);
      assertTrue(raw.getMessage().contains("was donated to step (argument 0)"), raw.getMessage());
      state.close();
      state.close(); // harmless
    }
  }

  @Test
  void donationWorksOnEveryDeviceOfAMesh() {
    Mesh mesh = Mesh.of("x", 2);
    try (Program p = Program.compile(step(mesh, PartitionSpec.of("x")), client);
        ShardedArray x = p.put("x", NdArray.of(new float[] {1, 2, 3, 4}, 4))) {
      ShardedArray state = p.put("state", NdArray.of(new float[] {10, 20, 30, 40}, 4));
      long[] addresses = {state.shard(0).unsafePointer(), state.shard(1).unsafePointer()};
      Map<String, ShardedArray> out = p.call(Map.of("state", state, "x", x));
      try (ShardedArray next = out.get("new_state"); ShardedArray y = out.get("y")) {
        assertEquals(addresses[0], next.shard(0).unsafePointer());
        assertEquals(addresses[1], next.shard(1).unsafePointer());
        assertArrayEquals(new float[] {11, 22}, next.shard(0).toHost().toFloatArray());
        assertArrayEquals(new float[] {33, 44}, next.shard(1).toHost().toFloatArray());
        assertArrayEquals(new float[] {20, 40, 60, 80}, y.toHost().toFloatArray());
      }
      assertThrows(IllegalStateException.class, state::toHost);
    }
  }

  @Test
  void argumentsAreBoundByNameAndCheckedWithTheirNames() {
    Mesh mesh = Mesh.of("x", 2);
    try (Program p = Program.compile(step(mesh, PartitionSpec.of("x")), client);
        ShardedArray x = p.put("x", NdArray.of(new float[] {1, 2, 3, 4}, 4));
        ShardedArray replicated = ShardedArray.put("r", NdArray.of(new float[] {1, 2, 3, 4}, 4), p.devices());
        ShardedArray wide = ShardedArray.put("w", NdArray.of(new float[8], 8),
            java.util.Optional.of(new xla4j.dsl.NamedSharding(mesh, PartitionSpec.of("x"))), p.devices())) {
      IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> p.call(Map.of("x", x)));
      assertEquals("program 'step' requires arguments [state]", missing.getMessage());
      IllegalArgumentException extra = assertThrows(IllegalArgumentException.class,
          () -> p.call(Map.of("x", x, "state", x, "z", x)));
      assertEquals("program 'step' requires no arguments [z] (it takes [state, x])", extra.getMessage());
      IllegalArgumentException layout = assertThrows(IllegalArgumentException.class,
          () -> p.call(Map.of("x", x, "state", replicated)));
      assertEquals("program 'step' requires argument 'state' sharded as PartitionSpec('x'), got "
          + "PartitionSpec(None) ('r')", layout.getMessage());
      IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
          () -> p.call(Map.of("x", x, "state", wide)));
      assertEquals("program 'step' requires argument 'state' to be f32[4], got f32[8] ('w')", shape.getMessage());
      IllegalArgumentException put = assertThrows(IllegalArgumentException.class,
          () -> p.put("x", NdArray.of(new int[] {1, 2, 3, 4}, 4)));
      assertEquals("program 'step' requires input 'x' to be f32[4], got s32[4]", put.getMessage());
      IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
          () -> p.call(Map.of("x", x, "state", x)));
      assertTrue(twice.getMessage().contains("requires a donated buffer not to be passed again"), twice.getMessage());
      assertTrue(x.isValid(), "a refused call donates nothing");
    }
  }

  @Test
  void meshDevicesMayComeInAnyOrder() {
    Graph g = new Graph("rows", Mesh.of("x", 2), false);
    Tensor a = g.parameter("a", Shape.of(DType.F32, 4, 2), PartitionSpec.of("x", null));
    g.output("b", a.mul(a), PartitionSpec.of("x", null));
    DeviceMesh reversed = DeviceMesh.of(Mesh.of("x", 2), List.of(client.addressableDevices().get(3),
        client.addressableDevices().get(1)));
    try (Program p = Program.compile(g, reversed)) {
      assertEquals(List.of(client.addressableDevices().get(3), client.addressableDevices().get(1)),
          p.executable().devices());
      try (ShardedArray in = p.put("a", NdArray.of(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, 4, 2))) {
        assertEquals(client.addressableDevices().get(3), in.shard(0).device());
        Map<String, ShardedArray> out = p.call(Map.of("a", in));
        try (ShardedArray b = out.get("b")) {
          assertEquals(client.addressableDevices().get(3), b.shard(0).device());
          assertArrayEquals(new float[] {1, 4, 9, 16}, b.shard(0).toHost().toFloatArray());
          assertArrayEquals(new float[] {1, 4, 9, 16, 25, 36, 49, 64}, b.toHost().toFloatArray());
        }
      }
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DeviceMesh.of(Mesh.of("x", 2),
        List.of(client.addressableDevices().get(0), client.addressableDevices().get(0))));
    assertTrue(e.getMessage().startsWith("DeviceMesh requires distinct devices"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> DeviceMesh.of(Mesh.of("x", 8), client));
    assertEquals("mesh x=8 requires 8 devices, but the cpu client has 4 (start the CPU plugin with more devices: "
        + "--cpu-devices 8)", e.getMessage());
  }

  /** Two programs over one store: {@code y = x @ w} and {@code z = (x @ w) + b}; w split over "model". */
  @Test
  void severalProgramsShareOneShardedParameterStore() {
    Mesh mesh = Mesh.of("data", 2, "model", 2);
    PartitionSpec wSpec = PartitionSpec.of(null, "model");
    Graph g1 = new Graph("first", mesh, false);
    Tensor x1 = g1.parameter("x", Shape.of(DType.F32, 2, 4), PartitionSpec.of("data", null));
    Tensor w1 = g1.parameter("w", Shape.of(DType.F32, 4, 8), wSpec);
    g1.output("y", x1.matmul(w1));
    Graph g2 = new Graph("second", mesh, false);
    Tensor x2 = g2.parameter("x", Shape.of(DType.F32, 2, 4), PartitionSpec.of("data", null));
    Tensor w2 = g2.parameter("w", Shape.of(DType.F32, 4, 8), wSpec);
    Tensor b2 = g2.parameter("b", Shape.of(DType.F32, 8), null);
    g2.output("z", x2.matmul(w2).add(b2.broadcastTo(2, 8)));
    float[] w = new float[32];
    for (int i = 0; i < 32; i++) {
      w[i] = i;
    }
    NdArray x = NdArray.of(new float[] {1, 0, 0, 0, 0, 0, 0, 1}, 2, 4);
    try (Program p1 = Program.compile(g1, client); Program p2 = Program.compile(g2, p1.devices());
        ParamStore store = ParamStore.place(p2, Map.of("w", TensorSource.of(NdArray.of(w, 4, 8)),
            "b", TensorSource.of(NdArray.of(new float[] {1, 1, 1, 1, 1, 1, 1, 1}, 8))), line -> { })) {
      // w is split in two column blocks (4x4 f32 = 64 B per device); b (32 B) is on every device.
      assertArrayEquals(new long[] {96, 96, 96, 96}, store.bytesPerDevice());
      NdArray y = p1.execute(store, Map.of("x", x)).get("y");
      assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5, 6, 7, 24, 25, 26, 27, 28, 29, 30, 31}, y.toFloatArray());
      NdArray z = p2.execute(store, Map.of("x", x)).get("z");
      assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 25, 26, 27, 28, 29, 30, 31, 32}, z.toFloatArray());
      assertEquals(java.util.Set.of("w", "b"), java.util.Set.copyOf(store.names()));
    }
  }

  @Test
  void aFailedPlacementFreesWhatWasPlacedAndNamesTheSource() {
    Graph g = new Graph("two");
    Tensor a = g.parameter("a", Shape.of(DType.F32, 2), null);
    Tensor b = g.parameter("b", Shape.of(DType.F32, 2), null);
    g.output("c", a.add(b));
    TensorSource broken = new TensorSource() {
      @Override
      public DType dtype() {
        return DType.F32;
      }

      @Override
      public long[] shape() {
        return new long[] {2};
      }

      @Override
      public NdArray read(long[] start, long[] size) throws IOException {
        throw new IOException("b.npy: truncated");
      }
    };
    Map<String, TensorSource> sources = new LinkedHashMap<>();
    sources.put("a", TensorSource.of(NdArray.of(new float[] {1, 2}, 2)));
    sources.put("b", broken);
    try (Program p = Program.compile(g, client)) {
      UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> ParamStore.place(p, sources, l -> { }));
      assertEquals("b.npy: truncated", e.getCause().getMessage());
      IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
          () -> ParamStore.place(p, Map.of("a", TensorSource.of(NdArray.of(new float[3], 3))), l -> { }));
      assertEquals("program 'two' requires parameter 'a' to be f32[2], got f32[3] from array f32[3]",
          shape.getMessage());
    }
  }

  @Test
  void aProgramSavedInOneCallLoadsAndRunsWithTheSameResults(@TempDir Path dir) throws Exception {
    Graph g = step(Mesh.of("x", 2), PartitionSpec.of("x"));
    Map<String, NdArray> in = Map.of("state", NdArray.of(new float[] {10, 20, 30, 40}, 4),
        "x", NdArray.of(new float[] {1, 2, 3, 4}, 4));
    Path saved = dir.resolve("step");
    Program p = Program.compile(g, client);
    Map<String, NdArray> compiled;
    try (p) {
      compiled = p.execute(in);
      CompiledArtifact a = p.saveArtifact(saved);
      assertEquals(client.platformName(), a.manifest().platform());
      assertEquals(client.platformVersion(), a.manifest().platformVersion());
      assertEquals(client.plugin().version(), a.manifest().pjrtApiVersion());
    }
    assertTrue(Files.isRegularFile(saved.resolve(CompiledArtifact.MANIFEST))
        && Files.isRegularFile(saved.resolve(CompiledArtifact.EXECUTABLE)));
    // new_state = state + x and y = 2 * state, both sharded over x
    assertArrayEquals(new float[] {11, 22, 33, 44}, compiled.get("new_state").toFloatArray());
    assertArrayEquals(new float[] {20, 40, 60, 80}, compiled.get("y").toFloatArray());
    try (Program loaded = CompiledArtifact.load(saved).program(client)) {
      assertEquals(List.of("state", "x"), loaded.signature().parameters().stream().map(a -> a.name()).toList());
      assertEquals(Optional.of("new_state"), loaded.signature().parameters().get(0).aliasedOutput());
      assertEquals(2, loaded.devices().size());
      assertEquals(compiled, loaded.execute(in));
    }
    IllegalStateException closed = assertThrows(IllegalStateException.class,
        () -> p.saveArtifact(dir.resolve("closed")));
    assertFalse(Files.exists(dir.resolve("closed")), "nothing written for a closed program");
    assertTrue(closed.getMessage().endsWith(" is closed"), closed.getMessage());
  }
}
