package xla4j.hlo;

import java.util.List;
import xla4j.array.DType;

/**
 * {@code stablehlo.rng_bit_generator} (StableHLO spec: <a href="https://openxla.org/stablehlo/spec#rng_bit_generator">rng_bit_generator</a>): from a ui64 key state, returns the next
 * state and a tensor of random bits of the requested unsigned type. THREE_FRY needs a {@code ui64[2]} state,
 * PHILOX and DEFAULT {@code ui64[2]} or {@code ui64[3]}.
 */
public record RngBitGenerator(Algorithm algorithm, Value state, Value newState, Value output) implements Operation {
  /** Bit generator algorithm. */
  public enum Algorithm { DEFAULT, THREE_FRY, PHILOX }

  public static RngBitGenerator of(Algorithm algorithm, Value state, TensorType outputType) {
    TensorType s = state.type();
    Shapes.check(s.dtype() == DType.U64 && s.rank() == 1,
        "rng_bit_generator requires a rank-1 u64 state, got %s", s.shortString());
    boolean sizeOk = algorithm == Algorithm.THREE_FRY ? s.dim(0) == 2 : s.dim(0) == 2 || s.dim(0) == 3;
    Shapes.check(sizeOk, "rng_bit_generator requires a state of size %s for %s, got %s",
        algorithm == Algorithm.THREE_FRY ? "2" : "2 or 3", algorithm, s.shortString());
    Shapes.check(outputType.dtype().isUnsigned(), "rng_bit_generator requires an unsigned integer output, got %s",
        outputType.dtype().xlaName());
    return new RngBitGenerator(algorithm, state, Value.of(s), Value.of(outputType));
  }

  @Override
  public String name() {
    return "stablehlo.rng_bit_generator";
  }

  @Override
  public List<Value> operands() {
    return List.of(state);
  }

  @Override
  public List<Value> results() {
    return List.of(newState, output);
  }

  @Override
  public void print(MlirPrinter.OpWriter w) {
    w.append("stablehlo.rng_bit_generator ").value(state).append(", algorithm = ").append(algorithm).append(" : ")
        .functionalType(operands(), results());
  }
}
