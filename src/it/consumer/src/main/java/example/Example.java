package example;

import java.util.List;
import xla4j.array.DType;
import xla4j.array.NdArray;
import xla4j.dsl.Graph;
import xla4j.dsl.Shape;
import xla4j.dsl.Tensor;
import xla4j.pjrt.Client;
import xla4j.pjrt.PjrtPlugin;
import xla4j.runtime.Program;

public class Example {
  public static void main(String[] args) {
    // y = relu(x @ w + 1), built with the DSL, compiled by XLA:CPU and run
    Graph g = new Graph("dense");
    Tensor x = g.parameter("x", Shape.of(DType.F32, 2, 3));
    Tensor w = g.parameter("w", Shape.of(DType.F32, 3, 2));
    g.output("y", x.matmul(w).add(1.0).relu());
    try (Client client = PjrtPlugin.cpu().createClient();
         Program dense = Program.compile(g, client)) {
      List<NdArray> y = dense.execute(
          NdArray.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3),
          NdArray.of(new float[] {1, -1, 0, 1, 1, -1}, 3, 2));
      System.out.println(y.get(0)); // f32[2, 2] [5.0, 0.0, 11.0, 0.0]
    }
  }
}
