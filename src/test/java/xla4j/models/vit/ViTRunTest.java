package xla4j.models.vit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import xla4j.array.NdArray;
import xla4j.nn.Params;
import xla4j.pjrt.Buffer;
import xla4j.pjrt.Client;
import xla4j.pjrt.CompileOptions;
import xla4j.pjrt.LoadedExecutable;
import xla4j.pjrt.PjrtPlugin;
import xla4j.runtime.ParamStore;

class ViTRunTest {
  @Test
  void tinyVitRunsOnCpu() {
    ViTConfig c = ViTConfig.fromVariant("Ti/16").withImageSize(32).withDepth(2).withNumClasses(10).withPool("map");
    ViT.Model m = ViT.graph(c, 2);
    String mlir = m.graph().toMlir();
    try (Client client = PjrtPlugin.cpu().createClient();
        LoadedExecutable exe = client.compile(mlir, CompileOptions.singleDevice());
        ParamStore params = ParamStore.place(client, client.addressableDevices().get(0),
            Params.random(m.params(), 0))) {
      float[] px = new float[2 * 32 * 32 * 3];
      for (int i = 0; i < px.length; i++) {
        px[i] = (i % 17) / 17f;
      }
      try (Buffer image = client.buffer(NdArray.of(px, 2, 32, 32, 3), client.addressableDevices().get(0))) {
        List<Buffer> args = new java.util.ArrayList<>();
        args.add(image);
        args.addAll(params.inOrder(m.params().stream().map(p -> p.name()).toList()));
        List<Buffer> out = exe.execute(args);
        NdArray logits = out.get(0).toHost();
        assertArrayEquals(new long[] {2, 10}, logits.shape());
        NdArray pre = out.get(1).toHost();
        assertArrayEquals(new long[] {2, 192}, pre.shape());
        for (float v : pre.toFloatArray()) {
          assertTrue(Float.isFinite(v));
        }
        out.forEach(Buffer::close);
      }
    }
  }
}
