package xla4j.models.gemma;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import xla4j.array.DType;
import xla4j.array.NdArray;
import xla4j.runtime.DecodeState;
import xla4j.runtime.ParamStore;
import xla4j.runtime.Program;
import xla4j.runtime.ShardedArray;

/**
 * Autoregressive generation with a {@link Gemma#prefill} and a {@link Gemma#decode} program sharing one
 * {@link ParamStore}: the prompts (left-padded to the prefill's length) run once, then one decode step per new token,
 * its KV cache held in a {@link DecodeState} (donated to each step, updated in place). Each row stops at an EOS id or
 * after {@code maxNewTokens}; tokens reach the listener as they are chosen.
 */
public final class Generator {
  private final GemmaConfig config;
  private final Program prefill;
  private final Program decode;
  private final ParamStore params;
  private final int batch;
  private final int promptLen;
  private final int cacheSize;

  /** Receives each token as it is chosen. */
  public interface TokenListener {
    /** Row {@code row} chose {@code id} as its {@code step}-th new token. */
    void onToken(int row, int step, int id);
  }

  /**
   * An embedded prefix before every prompt (PaliGemma's image tokens): {@code embeddings} (B, I, D) is the prefill's
   * {@link Gemma#PREFIX_EMBEDDINGS} input (owned by the caller), and the prefix with the whole prompt forms a
   * full-attention prefix (big_vision's {@code mask_ar} 0), as PaliGemma's prefix-LM: only generated tokens are causal.
   */
  public record Prefix(ShardedArray embeddings) {
    /** The prefix tokens per row, I. */
    public int length() {
      return (int) embeddings.spec().dims()[1];
    }
  }

  /** Per row: the generated ids (EOS included when it stopped on one) and, if kept, the logits that chose each. */
  public record Result(List<int[]> ids, List<float[][]> logits) {}

  /**
   * @throws IllegalArgumentException if the programs do not fit together (batch, cache size) or with the config
   */
  public Generator(GemmaConfig config, Program prefill, Program decode, ParamStore params) {
    this.config = config;
    this.prefill = prefill;
    this.decode = decode;
    this.params = params;
    long[] tokens = prefill.signature().parameter(Gemma.TOKENS).shape().dims();
    long[] cache = prefill.signature().result(Gemma.kCache(0)).shape().dims();
    long[] decodeCache = decode.signature().parameter(Gemma.kCache(0)).shape().dims();
    this.batch = (int) tokens[0];
    this.promptLen = (int) tokens[1];
    this.cacheSize = (int) cache[2];
    if (!java.util.Arrays.equals(cache, decodeCache)) {
      throw new IllegalArgumentException("Gemma prefill and decode programs require the same KV cache shape, got "
          + java.util.Arrays.toString(cache) + " and " + java.util.Arrays.toString(decodeCache));
    }
  }

  /** The batch size the programs were compiled for. */
  public int batch() {
    return batch;
  }

  /** The longest prompt (the prefill's length). */
  public int promptLen() {
    return promptLen;
  }

  /** The KV cache's slots: prompt plus new tokens. */
  public int cacheSize() {
    return cacheSize;
  }

  /**
   * Generates up to {@code maxNewTokens} tokens after each prompt.
   *
   * @param prompts one to {@link #batch} prompts of token ids, each 1 to {@link #promptLen} long (fewer prompts than
   *     the batch are padded with copies of the last, whose tokens are dropped)
   * @throws IllegalArgumentException for an empty prompt, one longer than the prefill, an id outside the vocabulary,
   *     or more new tokens than the cache holds
   */
  public Result generate(List<int[]> prompts, int maxNewTokens, Sampling sampling, boolean keepLogits,
      TokenListener listener) {
    return generate(prompts, maxNewTokens, sampling, keepLogits, listener, true);
  }

  /** As {@link #generate(List, int, Sampling, boolean, TokenListener)}; {@code stopAtEos} false runs every step. */
  public Result generate(List<int[]> prompts, int maxNewTokens, Sampling sampling, boolean keepLogits,
      TokenListener listener, boolean stopAtEos) {
    return generate(prompts, maxNewTokens, sampling, keepLogits, listener, stopAtEos, null);
  }

  /**
   * As {@link #generate(List, int, Sampling, boolean, TokenListener, boolean)}, each prompt after {@code prefix} (null
   * for none; required exactly when the prefill program takes {@link Gemma#PREFIX_EMBEDDINGS}).
   */
  public Result generate(List<int[]> prompts, int maxNewTokens, Sampling sampling, boolean keepLogits,
      TokenListener listener, boolean stopAtEos, Prefix prefix) {
    boolean wantsPrefix = prefill.signature().parameterIndex(Gemma.PREFIX_EMBEDDINGS) >= 0;
    if (wantsPrefix != (prefix != null)) {
      throw new IllegalArgumentException(wantsPrefix
          ? "generate requires the prefix embeddings the prefill program takes (" + Gemma.PREFIX_EMBEDDINGS + ")"
          : "generate was given prefix embeddings, but the prefill program takes none");
    }
    int prefixLen = prefix == null ? 0 : prefix.length();
    if (prompts.isEmpty() || prompts.size() > batch) {
      throw new IllegalArgumentException("generate requires 1 to " + batch + " prompts, got " + prompts.size());
    }
    if (maxNewTokens < 1 || promptLen + maxNewTokens - 1 > cacheSize) {
      throw new IllegalArgumentException("generate requires 1 <= max new tokens <= " + (cacheSize - promptLen + 1)
          + " (the KV cache has " + cacheSize + " slots after a " + promptLen + "-token prompt), got "
          + maxNewTokens);
    }
    int[] tokens = new int[batch * promptLen];
    boolean[] inputMask = new boolean[batch * promptLen];
    int[] maskAr = new int[batch * promptLen];
    int[] start = new int[batch];
    for (int b = 0; b < batch; b++) {
      int[] p = prompts.get(Math.min(b, prompts.size() - 1));
      check(p, Math.min(b, prompts.size() - 1), prefixLen);
      start[b] = promptLen - prefixLen - p.length;
      for (int i = 0; i < prefixLen + p.length; i++) {
        int at = b * promptLen + start[b] + i;
        tokens[at] = i < prefixLen ? 0 : p[i - prefixLen];
        inputMask[at] = true;
        maskAr[at] = prefix == null ? 1 : 0;
      }
    }
    int rows = prompts.size();
    List<List<Integer>> ids = new ArrayList<>();
    List<List<float[]>> logits = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      ids.add(new ArrayList<>());
      logits.add(new ArrayList<>());
    }
    boolean[] done = new boolean[batch];
    SplittableRandom rng = sampling.newRandom();
    List<String> state = new ArrayList<>();
    for (int l = 0; l < config.depth(); l++) {
      state.add(Gemma.kCache(l));
      state.add(Gemma.vCache(l));
    }
    Map<String, ShardedArray> inputs = new LinkedHashMap<>();
    DecodeState cache = null;
    try {
      inputs.put(Gemma.TOKENS, prefill.put(Gemma.TOKENS, NdArray.of(tokens, batch, promptLen)));
      inputs.put(Gemma.INPUT_MASK, prefill.put(Gemma.INPUT_MASK, NdArray.of(inputMask, batch, promptLen)));
      inputs.put(Gemma.MASK_AR, prefill.put(Gemma.MASK_AR, NdArray.of(maskAr, batch, promptLen)));
      Map<String, ShardedArray> call = new LinkedHashMap<>(inputs);
      if (prefix != null) {
        call.put(Gemma.PREFIX_EMBEDDINGS, prefix.embeddings());
      }
      Map<String, ShardedArray> out = prefill.call(params, call);
      closeAll(inputs);
      cache = DecodeState.take(out, state);
      NdArray next = hostLogits(out);
      ShardedArray startArr = decode.put(Gemma.START, NdArray.of(start, batch));
      inputs.put(Gemma.START, startArr);
      for (int step = 0; ; step++) {
        int[] chosen = new int[batch];
        float[] all = next.toFloatArray();
        int v = config.vocabSize();
        boolean anyLeft = false;
        for (int b = 0; b < batch; b++) {
          if (b >= rows || done[b]) {
            chosen[b] = config.padId();
            continue;
          }
          float[] row = java.util.Arrays.copyOfRange(all, b * v, (b + 1) * v);
          int id = sampling.choose(row, rng);
          chosen[b] = id;
          ids.get(b).add(id);
          if (keepLogits) {
            logits.get(b).add(row);
          }
          listener.onToken(b, step, id);
          if (stopAtEos && config.eosIds().contains(id) || step + 1 >= maxNewTokens) {
            done[b] = true;
          } else {
            anyLeft = true;
          }
        }
        if (!anyLeft) {
          break;
        }
        ShardedArray tok = decode.put(Gemma.TOKENS, NdArray.of(chosen, batch, 1));
        ShardedArray slot = decode.put(Gemma.SLOT, NdArray.of(new int[] {promptLen + step}));
        Map<String, ShardedArray> stepInputs = Map.of(Gemma.TOKENS, tok, Gemma.START, startArr, Gemma.SLOT, slot);
        Map<String, ShardedArray> o;
        try {
          o = cache.step(decode, params, stepInputs);
        } finally {
          tok.close();
          slot.close();
        }
        next = hostLogits(o);
      }
    } finally {
      closeAll(inputs);
      if (cache != null) {
        cache.close();
      }
    }
    List<int[]> outIds = new ArrayList<>();
    List<float[][]> outLogits = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      outIds.add(ids.get(r).stream().mapToInt(Integer::intValue).toArray());
      outLogits.add(logits.get(r).toArray(new float[0][]));
    }
    return new Result(outIds, outLogits);
  }

  private void check(int[] prompt, int row, int prefixLen) {
    if (prompt.length == 0) {
      throw new IllegalArgumentException("generate requires a non-empty prompt, got an empty prompt " + row);
    }
    if (prompt.length > promptLen - prefixLen) {
      throw new IllegalArgumentException("generate requires prompts of at most " + (promptLen - prefixLen)
          + " tokens (the context the programs were built for" + (prefixLen > 0 ? ", after " + prefixLen
          + " image tokens" : "") + "), got " + prompt.length + " tokens in prompt " + row);
    }
    for (int i = 0; i < prompt.length; i++) {
      if (prompt[i] < 0 || prompt[i] >= config.vocabSize()) {
        throw new IllegalArgumentException("generate requires token ids in [0, " + config.vocabSize()
            + "), got " + prompt[i] + " at position " + i + " of prompt " + row);
      }
    }
  }

  /** Copies the logits to the host and frees every result in {@code out}. */
  private static NdArray hostLogits(Map<String, ShardedArray> out) {
    try {
      NdArray l = out.get(Gemma.LOGITS).toHost();
      if (l.dtype() != DType.F32) {
        throw new IllegalStateException("Gemma logits must be f32, got " + l.dtype());
      }
      return l;
    } finally {
      closeAll(out);
    }
  }

  private static void closeAll(Map<String, ShardedArray> m) {
    m.values().forEach(ShardedArray::close);
    m.clear();
  }
}
