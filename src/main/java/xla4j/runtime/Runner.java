package xla4j.runtime;

import java.util.ArrayList;
import java.util.List;
import xla4j.array.NdArray;
import xla4j.pjrt.Buffer;
import xla4j.pjrt.Client;
import xla4j.pjrt.LoadedExecutable;
import xla4j.pjrt.TensorSpec;

/**
 * Runs a loaded executable on global host arrays: splits each input over the executable's devices by
 * its {@link Sharding} (replicated when none is given), executes, and reassembles each output. Device
 * buffers it makes are freed before it returns.
 */
public final class Runner {
  private Runner() {}

  /**
   * @param inputShardings per input, or null entries / an empty list for replicated inputs
   * @param outputShardings per output, or null entries when the output is replicated (then partition 0's
   *     copy is returned)
   */
  public static List<NdArray> run(LoadedExecutable exe, List<NdArray> inputs, List<Sharding> inputShardings,
      List<Sharding> outputShardings) {
    int partitions = exe.devices().size();
    if (partitions == 1) {
      return exe.call(inputs.toArray(new NdArray[0]));
    }
    Client client = exe.client();
    List<List<Buffer>> args = new ArrayList<>();
    List<List<Buffer>> outs = List.of();
    try {
      for (int p = 0; p < partitions; p++) {
        List<Buffer> mine = new ArrayList<>();
        args.add(mine);
        for (int i = 0; i < inputs.size(); i++) {
          Sharding s = i < inputShardings.size() ? inputShardings.get(i) : null;
          NdArray piece = s == null ? inputs.get(i) : checkMesh(s, partitions, "input " + i).shard(inputs.get(i), p);
          mine.add(client.buffer(piece, exe.devices().get(p)));
        }
      }
      outs = exe.executeSharded(args);
      List<NdArray> result = new ArrayList<>();
      int numOutputs = outs.get(0).size();
      for (int o = 0; o < numOutputs; o++) {
        Sharding s = o < outputShardings.size() ? outputShardings.get(o) : null;
        if (s == null || s.isReplicated()) {
          result.add(outs.get(0).get(o).toHost());
        } else {
          checkMesh(s, partitions, "output " + o);
          List<NdArray> pieces = new ArrayList<>();
          for (int p = 0; p < partitions; p++) {
            pieces.add(outs.get(p).get(o).toHost());
          }
          result.add(s.assemble(pieces));
        }
      }
      return result;
    } finally {
      args.forEach(l -> l.forEach(Buffer::close));
      outs.forEach(l -> l.forEach(Buffer::close));
    }
  }

  /**
   * Checks that {@code inputs} match the program's parameter types (global shapes).
   *
   * @throws IllegalArgumentException naming the first mismatch
   */
  public static void checkInputs(String program, List<TensorSpec> params, List<NdArray> inputs) {
    if (inputs.size() != params.size()) {
      throw new IllegalArgumentException(program + " requires " + params.size() + " inputs " + params + ", got "
          + inputs.size());
    }
    for (int i = 0; i < params.size(); i++) {
      TensorSpec got = TensorSpec.of(inputs.get(i));
      if (!got.equals(params.get(i))) {
        throw new IllegalArgumentException(program + " requires input " + i + " to be " + params.get(i) + ", got " + got);
      }
    }
  }

  private static Sharding checkMesh(Sharding s, int partitions, String what) {
    if (s.meshSize() != partitions) {
      throw new IllegalArgumentException(what + " is sharded over a mesh of " + s.meshSize()
          + " devices, but the executable runs on " + partitions);
    }
    return s;
  }
}
