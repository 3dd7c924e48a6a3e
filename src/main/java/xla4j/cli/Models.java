package xla4j.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import xla4j.dsl.Graph;
import xla4j.dsl.Samples;
import xla4j.models.vit.ViT;

/** The graphs {@code emit} and {@code compile} know by name: the DSL's samples and the models. */
final class Models {
  private Models() {}

  static List<String> names() {
    List<String> n = new ArrayList<>(Samples.all().keySet());
    n.add("vit");
    return n;
  }

  /** The graph called {@code name}; {@code vit} is configured by {@code options}. */
  static Graph graph(String name, VitOptions options) {
    if (name.equals("vit")) {
      return options.model(true).graph();
    }
    Map<String, Supplier<Graph>> samples = Samples.all();
    Supplier<Graph> s = samples.get(name);
    if (s == null) {
      throw new IllegalArgumentException("unknown graph '" + name + "', expected one of " + names());
    }
    return s.get();
  }
}
