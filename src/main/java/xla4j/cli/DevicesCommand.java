package xla4j.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import xla4j.pjrt.Client;
import xla4j.pjrt.Device;
import xla4j.pjrt.DeviceDescription;
import xla4j.pjrt.PjrtPlugin;
import xla4j.pjrt.Topology;

@Command(name = "devices", mixinStandardHelpOptions = true,
    description = "Print a PJRT plugin's platform, version and devices (or a TPU topology's devices).")
final class DevicesCommand implements Callable<Integer> {
  @Option(names = "--plugin", defaultValue = "cpu", description = PluginOption.HELP)
  String plugin;

  @Option(names = "--cpu-devices", defaultValue = "0", paramLabel = "N",
      description = "number of devices of the CPU plugin (default: its own default)")
  int cpuDevices;

  @Override
  public Integer call() {
    PluginOption p = new PluginOption(plugin);
    PjrtPlugin loaded = p.plugin();
    System.out.println("plugin     " + loaded.path() + " (PJRT C API " + loaded.version() + ")");
    for (Map.Entry<String, Object> a : loaded.attributes().entrySet()) {
      Object v = a.getValue();
      System.out.println("attribute  " + a.getKey() + " = " + (v instanceof long[] ? java.util.Arrays.toString((long[]) v) : v));
    }
    if (p.isTopology()) {
      try (Topology t = p.topology()) {
        System.out.println("platform   " + t.platformName() + " " + t.platformVersion());
        System.out.println("topology   " + t.name() + ", " + t.devices().size() + " devices (no devices attached: "
            + "compile only)");
        for (DeviceDescription d : t.devices()) {
          System.out.printf("  %-3d %-14s %s%n", d.id(), d.kind(), d.debugString());
        }
      }
      return 0;
    }
    try (Client c = p.client(cpuDevices)) {
      System.out.println("platform   " + c.platformName() + " " + c.platformVersion());
      System.out.println("process    " + c.processIndex());
      System.out.println("devices    " + c.devices().size() + " (" + c.addressableDevices().size() + " addressable)");
      for (Device d : c.devices()) {
        System.out.printf("  %-3d %-14s %s%n", d.id(), d.kind(), d.description().debugString());
      }
    }
    return 0;
  }
}
