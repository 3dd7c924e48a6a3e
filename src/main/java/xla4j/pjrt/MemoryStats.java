package xla4j.pjrt;

/**
 * Compiled memory use of an executable ({@code PJRT_Executable_GetCompiledMemoryStats}), in bytes, on
 * the device (and on the host where the plugin reports it).
 */
public record MemoryStats(
    long generatedCodeBytes, long argumentBytes, long outputBytes, long aliasBytes, long tempBytes,
    long hostGeneratedCodeBytes, long hostArgumentBytes, long hostOutputBytes, long hostAliasBytes,
    long hostTempBytes, long peakMemoryBytes, long totalBytes) {

  @Override
  public String toString() {
    return "argument " + argumentBytes + " B, output " + outputBytes + " B, alias " + aliasBytes + " B, temp "
        + tempBytes + " B, generated code " + generatedCodeBytes + " B, peak " + peakMemoryBytes + " B, total "
        + totalBytes + " B";
  }
}
