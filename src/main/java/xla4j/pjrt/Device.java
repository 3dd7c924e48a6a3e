package xla4j.pjrt;

import xla4j.pjrt.capi.PJRT_Device;

/**
 * A device of a {@link Client}. Owned by the client: valid while the client is open; needs no closing.
 * Immutable and thread-safe.
 */
public final class Device {
  private final Client client;
  private final PJRT_Device device;
  private final DeviceDescription description;
  private final boolean addressable;

  Device(Client client, PJRT_Device device, DeviceDescription description, boolean addressable) {
    this.client = client;
    this.device = device;
    this.description = description;
    this.addressable = addressable;
  }

  PJRT_Device handle() {
    return device;
  }

  /** The client that owns it. */
  public Client client() {
    return client;
  }

  /** The device id, unique across the client. */
  public int id() {
    return description.id();
  }

  /** The device kind, e.g. "cpu" or "TPU v5 lite". */
  public String kind() {
    return description.kind();
  }

  /** The index of the process that owns the device. */
  public int processIndex() {
    return description.processIndex();
  }

  /** Whether this process can place buffers on it and execute on it. */
  public boolean isAddressable() {
    return addressable;
  }

  /** Its description, valid after the client closes. */
  public DeviceDescription description() {
    return description;
  }

  @Override
  public String toString() {
    return description.toString();
  }
}
