package xla4j.runtime;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import xla4j.dsl.Mesh;
import xla4j.pjrt.Client;
import xla4j.pjrt.Device;

/**
 * Devices laid out as a named {@link Mesh}, as {@code jax.sharding.Mesh}: partition {@code p} (the mesh coordinates
 * of {@code p} in row-major order) runs on {@code devices.get(p)}, in any device order. A program without a mesh
 * runs on one device, or on one device per replica. Immutable and thread-safe.
 *
 * @param mesh the axes, or empty for an unsharded (or replicated) program
 * @param devices one per partition (or replica), all of one client, distinct and addressable
 */
public record DeviceMesh(Optional<Mesh> mesh, List<Device> devices) {
  /**
   * Checks the devices; throws {@code IllegalArgumentException} if there are none, their number differs from the mesh's
   * size, or they are not distinct, addressable devices of one client.
   */
  public DeviceMesh {
    devices = List.copyOf(devices);
    if (devices.isEmpty()) {
      throw new IllegalArgumentException("DeviceMesh requires at least one device, got none");
    }
    if (mesh.isPresent() && mesh.get().numDevices() != devices.size()) {
      throw new IllegalArgumentException("mesh " + mesh.get().shape() + " requires " + mesh.get().numDevices()
          + " devices, got " + devices.size() + ": " + devices);
    }
    Set<Integer> ids = new HashSet<>();
    Client client = devices.get(0).client();
    for (Device d : devices) {
      if (d.client() != client) {
        throw new IllegalArgumentException("DeviceMesh requires devices of one client, got " + devices);
      }
      if (!ids.add(d.id())) {
        throw new IllegalArgumentException("DeviceMesh requires distinct devices, got " + d + " twice in " + devices);
      }
      if (!d.isAddressable()) {
        throw new IllegalArgumentException("DeviceMesh requires addressable devices, got " + d);
      }
    }
  }

  /** {@code mesh} over {@code devices} (partition p on {@code devices.get(p)}). */
  public static DeviceMesh of(Mesh mesh, List<Device> devices) {
    return new DeviceMesh(Optional.of(mesh), devices);
  }

  /**
   * {@code mesh} over the client's first addressable devices, in the client's order.
   *
   * @throws IllegalArgumentException if the client has fewer devices than the mesh, saying how to get more
   */
  public static DeviceMesh of(Mesh mesh, Client client) {
    return new DeviceMesh(Optional.of(mesh), first(client, Math.toIntExact(mesh.numDevices()), "mesh " + mesh.shape()));
  }

  /** One device, no mesh. */
  public static DeviceMesh single(Device device) {
    return new DeviceMesh(Optional.empty(), List.of(device));
  }

  /** The client's first {@code n} addressable devices, no mesh (one per replica). */
  public static DeviceMesh replicas(Client client, int n) {
    return new DeviceMesh(Optional.empty(), first(client, n, n + " replicas"));
  }

  private static List<Device> first(Client client, int n, String what) {
    List<Device> all = client.addressableDevices();
    if (all.size() < n) {
      throw new IllegalArgumentException(what + " requires " + n + " devices, but the " + client.platformName()
          + " client has " + all.size() + (client.platformName().equals("cpu")
          ? " (start the CPU plugin with more devices: --cpu-devices " + n + ")" : ""));
    }
    return List.copyOf(all.subList(0, n));
  }

  /** The client all the devices belong to. */
  public Client client() {
    return devices.get(0).client();
  }

  /** Number of devices (partitions, or replicas). */
  public int size() {
    return devices.size();
  }

  /** The device that runs {@code partition} (or replica). */
  public Device device(int partition) {
    return devices.get(partition);
  }

  /** Device ids for {@code CompileOptions.deviceAssignment}: {@code [replica][partition]}. */
  public int[][] deviceAssignment() {
    int[] ids = devices.stream().mapToInt(Device::id).toArray();
    if (mesh.isPresent()) {
      return new int[][] {ids};
    }
    int[][] byReplica = new int[ids.length][];
    for (int r = 0; r < ids.length; r++) {
      byReplica[r] = new int[] {ids[r]};
    }
    return byReplica;
  }

  @Override
  public String toString() {
    return mesh.map(m -> m.shape() + " on ").orElse("") + devices;
  }
}
