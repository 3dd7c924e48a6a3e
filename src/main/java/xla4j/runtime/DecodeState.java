package xla4j.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Device-resident state threaded through repeated calls (a decoder's KV cache): named arrays passed to a program
 * whose results of the same names replace them. A program that donates those parameters to those results updates the
 * state in place; the old arrays are closed either way. Owns its arrays: close it to free them.
 */
public final class DecodeState implements AutoCloseable {
  private final Map<String, ShardedArray> state;
  private boolean closed;

  /** Takes ownership of {@code initial}. */
  public DecodeState(Map<String, ShardedArray> initial) {
    this.state = new LinkedHashMap<>(initial);
  }

  /**
   * Takes, out of {@code results}, every array named in {@code names} (the caller still owns the rest): the state a
   * first program (a prefill) produced.
   *
   * @throws IllegalArgumentException naming a state array the results lack
   */
  public static DecodeState take(Map<String, ShardedArray> results, List<String> names) {
    Map<String, ShardedArray> s = new LinkedHashMap<>();
    for (String n : names) {
      ShardedArray a = results.remove(n);
      if (a == null) {
        throw new IllegalArgumentException("decode state requires result '" + n + "', got " + results.keySet());
      }
      s.put(n, a);
    }
    return new DecodeState(s);
  }

  /** The state's names. */
  public synchronized List<String> names() {
    return new ArrayList<>(state.keySet());
  }

  /** The current array named {@code name}. */
  public synchronized ShardedArray get(String name) {
    check();
    ShardedArray a = state.get(name);
    if (a == null) {
      throw new IllegalArgumentException("decode state has no '" + name + "'; it has " + state.keySet());
    }
    return a;
  }

  /**
   * Calls {@code program} with {@code inputs}, the state, and parameters from {@code params}; the results named as
   * state arrays become the new state, and the other results are returned (the caller closes them).
   *
   * @throws IllegalArgumentException if the program does not return every state array
   */
  public synchronized Map<String, ShardedArray> step(Program program, ParamStore params,
      Map<String, ShardedArray> inputs) {
    check();
    for (String n : state.keySet()) {
      if (program.signature().resultIndex(n) < 0) {
        throw new IllegalArgumentException("program '" + program.signature().name() + "' does not return state '" + n
            + "'");
      }
    }
    Map<String, ShardedArray> args = new LinkedHashMap<>(inputs);
    args.putAll(state);
    Map<String, ShardedArray> results = program.call(params, args);
    for (Map.Entry<String, ShardedArray> e : state.entrySet()) {
      e.getValue().close(); // already invalid when donated; closing is then harmless
      e.setValue(results.remove(e.getKey()));
    }
    return results;
  }

  /** Device bytes of the state, per device. */
  public synchronized long[] bytesPerDevice() {
    check();
    long[] total = null;
    for (ShardedArray a : state.values()) {
      long[] b = a.bytesPerDevice();
      if (total == null) {
        total = b.clone();
      } else {
        for (int i = 0; i < b.length; i++) {
          total[i] += b[i];
        }
      }
    }
    return total == null ? new long[0] : total;
  }

  private void check() {
    if (closed) {
      throw new IllegalStateException("decode state is closed");
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    RuntimeException first = null;
    for (ShardedArray a : state.values()) {
      try {
        a.close();
      } catch (RuntimeException e) {
        first = first == null ? e : first;
      }
    }
    state.clear();
    if (first != null) {
      throw first;
    }
  }
}
