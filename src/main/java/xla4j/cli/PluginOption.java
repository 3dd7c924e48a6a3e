package xla4j.cli;

import java.nio.file.Paths;
import java.util.Map;
import xla4j.pjrt.Client;
import xla4j.pjrt.PjrtPlugin;
import xla4j.pjrt.Topology;

/**
 * The {@code --plugin} value: {@code cpu} (xla4j's XLA:CPU plugin), {@code tpu:TOPOLOGY} (libtpu,
 * deviceless, e.g. tpu:v5e:2x2), {@code tpu} (libtpu on a TPU host) or a path to a PJRT plugin .so.
 */
final class PluginOption {
  static final String HELP = "cpu (xla4j's XLA:CPU plugin, default), tpu:TOPOLOGY (libtpu without a TPU, "
      + "e.g. tpu:v5e:2x2 or tpu:v4:2x2x1), tpu (libtpu on a TPU host) or PATH to a PJRT plugin .so";

  final String spec;

  PluginOption(String spec) {
    this.spec = spec;
  }

  boolean isTopology() {
    return spec.startsWith("tpu:");
  }

  String topologyName() {
    return spec.substring("tpu:".length());
  }

  PjrtPlugin plugin() {
    if (spec.equals("cpu")) {
      return PjrtPlugin.cpu();
    }
    if (spec.equals("tpu") || isTopology()) {
      return PjrtPlugin.tpu(spec.equals("tpu"));
    }
    return PjrtPlugin.load(Paths.get(spec));
  }

  boolean isCpu() {
    return spec.equals("cpu");
  }

  Topology topology() {
    return plugin().topology(topologyName());
  }

  /** A client; {@code cpuDevices} > 0 sets our CPU plugin's device count. */
  Client client(int cpuDevices) {
    if (isTopology()) {
      throw new IllegalArgumentException("--plugin " + spec + " compiles for a topology without devices and cannot run "
          + "programs; use compile-mlir, or run on --plugin cpu");
    }
    PjrtPlugin plugin = plugin();
    if (cpuDevices > 0) {
      return plugin.createClient(Map.of("cpu_device_count", (long) cpuDevices));
    }
    return plugin.createClient();
  }
}
