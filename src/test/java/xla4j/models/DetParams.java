package xla4j.models;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import xla4j.array.NdArray;

/**
 * Deterministic test parameters and images, bit-identical to {@code det_param} / {@code det_image} in
 * {@code tools/vit_reference.py}, so the ViT goldens under {@code src/test/resources/vit/} need no committed
 * checkpoints.
 *
 * <pre>
 *   h       = fnv1a64(utf8(name))       basis 0xcbf29ce484222325, prime 0x100000001b3: h ^= byte; h *= prime
 *   x_i     = splitmix64(h + i)         z = s + 0x9e3779b97f4a7c15; z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9;
 *                                       z = (z ^ (z >>> 27)) * 0x94d049bb133111eb; z ^ (z >>> 31)
 *   u_i     = (x_i >>> 40) / 2^24       in [0, 1)
 *   param_i = (float) (offset + (2 * u_i - 1) * scale)      (double arithmetic, then one rounding)
 *   image_i = (float) floor(256 * u_i) / 127.5f - 1f        (an 8-bit pixel mapped to [-1, 1])
 * </pre>
 * All arithmetic is mod 2^64 on {@code long}s; {@code >>>} is the unsigned shift.
 */
public final class DetParams {
  private DetParams() {}

  /** One parameter: its values are {@code param(name, shape, scale, offset)}. */
  public record Spec(String name, long[] shape, double scale, double offset) {
    public NdArray values() {
      return param(name, shape, scale, offset);
    }
  }

  public static long fnv1a64(String name) {
    long h = 0xcbf29ce484222325L;
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return h;
  }

  public static long splitmix64(long s) {
    long z = s + 0x9e3779b97f4a7c15L;
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** {@code u_i} of {@code name}, in [0, 1). */
  public static double uniform(long nameHash, long i) {
    return (double) (splitmix64(nameHash + i) >>> 40) / (1 << 24);
  }

  /** The values of a parameter, row-major. */
  public static float[] values(String name, long count, double scale, double offset) {
    long h = fnv1a64(name);
    float[] v = new float[Math.toIntExact(count)];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (offset + (2.0 * uniform(h, i) - 1.0) * scale);
    }
    return v;
  }

  public static NdArray param(String name, long[] shape, double scale, double offset) {
    return NdArray.of(values(name, NdArray.numElements(shape), scale, offset), shape);
  }

  /** The test image batch: 8-bit pixels {@code floor(256 u_i)} mapped to [-1, 1] as big_vision's value_range does. */
  public static NdArray image(String name, long... shape) {
    long h = fnv1a64(name);
    float[] v = new float[Math.toIntExact(NdArray.numElements(shape))];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) Math.floor(uniform(h, i) * 256.0) / 127.5f - 1f;
    }
    return NdArray.of(v, shape);
  }

  /**
   * The scale rule of {@code param_rule} in the script: kernels sqrt(3 / fan_in) (fan_in = all but the last
   * dimension, or the first dimension for attention query/key/value kernels), biases 0.05, LayerNorm scales
   * 1 +- 0.1, pos_embedding and cls 0.5, MAP probe 1.0.
   */
  public static Spec rule(String name, long[] shape) {
    String leaf = name.substring(name.lastIndexOf('/') + 1);
    switch (leaf) {
      case "kernel": {
        String n = "/" + name;
        boolean qkv = n.contains("/query/kernel") || n.contains("/key/kernel") || n.contains("/value/kernel");
        long fanIn = 1;
        if (qkv) {
          fanIn = shape[0];
        } else {
          for (int i = 0; i < shape.length - 1; i++) {
            fanIn *= shape[i];
          }
        }
        return new Spec(name, shape, Math.sqrt(3.0 / fanIn), 0.0);
      }
      case "scale": return new Spec(name, shape, 0.1, 1.0);
      case "bias": return new Spec(name, shape, 0.05, 0.0);
      case "pos_embedding":
      case "cls": return new Spec(name, shape, 0.5, 0.0);
      case "probe": return new Spec(name, shape, 1.0, 0.0);
      default: throw new IllegalArgumentException("no scale rule for parameter " + name);
    }
  }

  /** The {@code params} list of a golden case's JSON ({@code [name, shape, scale, offset]} rows). */
  public static List<Spec> specs(Path caseJson) throws IOException {
    JsonObject o = JsonParser.parseString(Files.readString(caseJson)).getAsJsonObject();
    List<Spec> out = new ArrayList<>();
    for (JsonElement e : o.getAsJsonArray("params")) {
      JsonArray row = e.getAsJsonArray();
      JsonArray s = row.get(1).getAsJsonArray();
      long[] shape = new long[s.size()];
      for (int i = 0; i < shape.length; i++) {
        shape[i] = s.get(i).getAsLong();
      }
      out.add(new Spec(row.get(0).getAsString(), shape, row.get(2).getAsDouble(), row.get(3).getAsDouble()));
    }
    return out;
  }

  /** Every parameter of a golden case, by checkpoint name, as f32 arrays. */
  public static Map<String, NdArray> params(Path caseJson) throws IOException {
    Map<String, NdArray> out = new LinkedHashMap<>();
    for (Spec s : specs(caseJson)) {
      out.put(s.name(), s.values());
    }
    return out;
  }
}
