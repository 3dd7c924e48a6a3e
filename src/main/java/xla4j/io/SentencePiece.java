package xla4j.io;

import com.google.protobuf.InvalidProtocolBufferException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import xla4j.io.proto.ModelProto;
import xla4j.io.proto.NormalizerSpec;
import xla4j.io.proto.TrainerSpec;

/**
 * A SentencePiece BPE tokenizer read from a {@code tokenizer.model} file (a serialized {@code ModelProto}), as
 * Gemma ships it: encode and decode give the ids and text the {@code sentencepiece} library gives.
 *
 * <p>Encoding: the text is normalised (identity: only the whitespace options of the model's normalizer spec
 * apply: {@code remove_extra_whitespaces}, {@code add_dummy_prefix}, {@code escape_whitespaces} to U+2581
 * '▁'), split into characters with user-defined symbols ({@code <start_of_turn>}, {@code <loc0000>}) kept
 * whole and never merged, then adjacent symbols are merged repeatedly, always the pair whose merged piece is in
 * the vocabulary with the highest score (leftmost on ties). A symbol left unknown becomes its UTF-8 bytes as
 * {@code <0xAB>} pieces with byte fallback, else the unknown id (one for a run of unknown symbols). Digits
 * split, as {@code split_digits} asks, because the trainer made no piece that joins digits.
 *
 * <p>Decoding drops control pieces ({@code <bos>}, {@code <eos>}, {@code <pad>}), turns '▁' back into spaces,
 * reassembles runs of byte pieces into UTF-8 (an invalid byte becomes U+FFFD) and writes the unknown id as the
 * model's {@code unk_surface}.
 *
 * <p>Only BPE models with identity normalisation (no {@code precompiled_charsmap}) are supported. Immutable and
 * thread-safe.
 */
public final class SentencePiece {
  /** A piece's kind, with SentencePiece's names. */
  public enum Type {
    NORMAL, UNKNOWN, CONTROL, USER_DEFINED, UNUSED, BYTE
  }

  private static final String SPACE_SYMBOL = "\u2581";

  private final String[] pieces;
  private final float[] scores;
  private final Type[] types;
  /** NORMAL, USER_DEFINED and UNUSED pieces (merge candidates), as the library's {@code pieces_}. */
  private final Map<String, Integer> normalPieces = new HashMap<>();
  /** CONTROL, UNKNOWN and BYTE pieces, as the library's {@code reserved_id_map_}. */
  private final Map<String, Integer> reservedPieces = new HashMap<>();
  /** User-defined symbols by their first char, longest first. */
  private final Map<Character, List<String>> userSymbols = new HashMap<>();
  private final int[] byteIds = new int[256];
  private final int unkId;
  private final int bos;
  private final int eos;
  private final int pad;
  private final boolean byteFallback;
  private final boolean addDummyPrefix;
  private final boolean removeExtraWhitespaces;
  private final boolean escapeWhitespaces;
  private final boolean whitespaceAsSuffix;
  private final String unkSurface;

  private SentencePiece(Path file, ModelProto model) throws IOException {
    int n = model.getPiecesCount();
    if (n == 0) {
      throw new IOException(file + ": a SentencePiece model requires at least one piece, got none");
    }
    TrainerSpec trainer = model.getTrainerSpec();
    if (trainer.getModelType() != TrainerSpec.ModelType.BPE) {
      throw new IOException(file + ": SentencePiece model_type " + trainer.getModelType()
          + " is not supported yet (only BPE)");
    }
    NormalizerSpec norm = model.getNormalizerSpec();
    if (!norm.getPrecompiledCharsmap().isEmpty()) {
      throw new IOException(file + ": SentencePiece normalizer '" + norm.getName()
          + "' (a precompiled_charsmap) is not supported yet (only identity normalisation)");
    }
    pieces = new String[n];
    scores = new float[n];
    types = new Type[n];
    Arrays.fill(byteIds, -1);
    int unk = -1;
    for (int id = 0; id < n; id++) {
      ModelProto.SentencePiece p = model.getPieces(id);
      String piece = p.getPiece();
      Type type = Type.valueOf(p.getType().name());
      if (piece.isEmpty()) {
        throw new IOException(file + ": SentencePiece piece " + id + " is empty");
      }
      pieces[id] = piece;
      scores[id] = p.getScore();
      types[id] = type;
      boolean normal = type == Type.NORMAL || type == Type.USER_DEFINED || type == Type.UNUSED;
      Integer before = (normal ? normalPieces : reservedPieces).putIfAbsent(piece, id);
      if (before != null) {
        throw new IOException(file + ": SentencePiece piece '" + piece + "' is defined twice, ids " + before
            + " and " + id);
      }
      switch (type) {
        case USER_DEFINED -> userSymbols.computeIfAbsent(piece.charAt(0), c -> new ArrayList<>()).add(piece);
        case UNKNOWN -> {
          if (unk >= 0) {
            throw new IOException(file + ": SentencePiece model requires one unknown piece, got ids " + unk
                + " and " + id);
          }
          unk = id;
        }
        case BYTE -> {
          int b = pieceToByte(piece);
          if (!trainer.getByteFallback() || b < 0) {
            throw new IOException(file + ": SentencePiece BYTE piece '" + piece + "' (id " + id
                + ") requires byte_fallback and the form <0xAB>");
          }
          byteIds[b] = id;
        }
        default -> { }
      }
    }
    if (unk < 0) {
      throw new IOException(file + ": SentencePiece model requires an unknown piece (type UNKNOWN), got none");
    }
    byteFallback = trainer.getByteFallback();
    if (byteFallback) {
      for (int b = 0; b < 256; b++) {
        if (byteIds[b] < 0) {
          throw new IOException(file + ": SentencePiece byte_fallback requires the 256 byte pieces, "
              + byteToPiece(b) + " is missing");
        }
      }
    }
    for (List<String> symbols : userSymbols.values()) {
      symbols.sort(Comparator.comparingInt(String::length).reversed());
    }
    unkId = unk;
    bos = specialId(trainer.getBosPiece(), Type.CONTROL);
    eos = specialId(trainer.getEosPiece(), Type.CONTROL);
    pad = specialId(trainer.getPadPiece(), Type.CONTROL);
    addDummyPrefix = norm.getAddDummyPrefix();
    removeExtraWhitespaces = norm.getRemoveExtraWhitespaces();
    escapeWhitespaces = norm.getEscapeWhitespaces();
    whitespaceAsSuffix = trainer.getTreatWhitespaceAsSuffix();
    unkSurface = trainer.getUnkSurface();
  }

  /**
   * Reads a SentencePiece model ({@code tokenizer.model}).
   *
   * @throws IOException naming the file when it is absent, unreadable, not a ModelProto, not a BPE model, or
   *     inconsistent (duplicate pieces, no unknown piece, byte fallback without its 256 byte pieces)
   */
  public static SentencePiece load(Path file) throws IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new IOException(file + ": no such SentencePiece model file", e);
    }
    ModelProto model;
    try {
      model = ModelProto.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new IOException(file + ": not a SentencePiece model (ModelProto): " + e.getMessage(), e);
    }
    return new SentencePiece(file, model);
  }

  /** The number of pieces (ids are {@code 0 <= id < vocabSize()}). */
  public int vocabSize() {
    return pieces.length;
  }

  /** The id of the begin-of-sequence control piece ({@code <bos>}), or -1 if the model has none. */
  public int bos() {
    return bos;
  }

  /** The id of the end-of-sequence control piece ({@code <eos>}), or -1 if the model has none. */
  public int eos() {
    return eos;
  }

  /** The id of the padding control piece ({@code <pad>}), or -1 if the model has none. */
  public int pad() {
    return pad;
  }

  /** The id of the unknown piece ({@code <unk>}). */
  public int unk() {
    return unkId;
  }

  /** The piece of {@code id} as the model stores it ('▁' for a space). */
  public String piece(int id) {
    checkId(id);
    return pieces[id];
  }

  /** The kind of piece {@code id} is. */
  public Type type(int id) {
    checkId(id);
    return types[id];
  }

  /** The id of {@code piece}, or {@link #unk()} if it is not in the vocabulary (as the library's PieceToId). */
  public int pieceToId(String piece) {
    Integer id = reservedPieces.get(piece);
    if (id == null) {
      id = normalPieces.get(piece);
    }
    return id == null ? unkId : id;
  }

  /** The ids of {@code text}, without {@code <bos>} or {@code <eos>}. */
  public int[] encode(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
        } else {
          throw new IllegalArgumentException("encode requires well-formed UTF-16 text, got an unpaired surrogate "
              + String.format("U+%04X at index %d", (int) c, i));
        }
      }
    }
    String normalized = normalize(text);
    List<String> merged = bpe(normalized);
    int[] out = new int[normalized.length() * 4];
    int count = 0;
    boolean prevUnk = false;
    for (String w : merged) {
      int id = pieceToId(w);
      boolean isUnk = types[id] == Type.UNKNOWN;
      if (isUnk && byteFallback) {
        for (byte b : w.getBytes(StandardCharsets.UTF_8)) {
          out[count++] = byteIds[b & 0xFF];
        }
      } else if (!(isUnk && prevUnk)) {
        out[count++] = id;
      }
      prevUnk = isUnk;
    }
    return Arrays.copyOf(out, count);
  }

  /** The text of {@code ids}, as the library's {@code decode}. */
  public String decode(int[] ids) {
    for (int id : ids) {
      checkId(id);
    }
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    boolean isBosWs = true;
    boolean bosWsSeen = false;
    for (int id : ids) {
      if (types[id] == Type.BYTE) {
        bytes.write(pieceToByte(pieces[id]));
        continue;
      }
      flushBytes(bytes, text);
      if (bosWsSeen || text.size() > 0) {
        isBosWs = false;
      }
      String surface;
      bosWsSeen = false;
      if (types[id] == Type.CONTROL) {
        surface = "";
      } else if (types[id] == Type.UNKNOWN) {
        surface = unkSurface;
      } else {
        String piece = pieces[id];
        if (isBosWs && (addDummyPrefix || removeExtraWhitespaces) && piece.startsWith(SPACE_SYMBOL)) {
          piece = piece.substring(SPACE_SYMBOL.length());
          bosWsSeen = !removeExtraWhitespaces;
        }
        surface = piece.replace(SPACE_SYMBOL, " ");
      }
      text.writeBytes(surface.getBytes(StandardCharsets.UTF_8));
    }
    flushBytes(bytes, text);
    return text.toString(StandardCharsets.UTF_8);
  }

  /** Whitespace normalisation of the library's Normalizer with an identity rule. */
  private String normalize(String input) {
    StringBuilder out = new StringBuilder(input.length() + 2);
    int pos = 0;
    if (removeExtraWhitespaces) {
      while (pos < input.length() && input.charAt(pos) == ' ' && userSymbolAt(input, pos) == null) {
        pos++;
      }
    }
    if (pos == input.length()) {
      return "";
    }
    String space = escapeWhitespaces ? SPACE_SYMBOL : " ";
    if (!whitespaceAsSuffix && addDummyPrefix) {
      out.append(space);
    }
    boolean prevSpace = removeExtraWhitespaces;
    while (pos < input.length()) {
      String unit = userSymbolAt(input, pos);
      if (unit == null) {
        unit = input.substring(pos, input.offsetByCodePoints(pos, 1));
      }
      pos += unit.length();
      String sp = unit;
      while (prevSpace && sp.startsWith(" ")) {
        sp = sp.substring(1);
      }
      if (!sp.isEmpty()) {
        out.append(escapeWhitespaces ? sp.replace(" ", SPACE_SYMBOL) : sp);
        prevSpace = sp.endsWith(" ");
      }
      if (!removeExtraWhitespaces) {
        prevSpace = false;
      }
    }
    if (removeExtraWhitespaces) {
      while (out.length() > 0 && out.toString().endsWith(space)) {
        out.setLength(out.length() - space.length());
      }
    }
    if (whitespaceAsSuffix && addDummyPrefix) {
      out.append(space);
    }
    return out.toString();
  }

  /** The longest user-defined symbol that starts at {@code pos}, or null. */
  private String userSymbolAt(String s, int pos) {
    List<String> candidates = userSymbols.get(s.charAt(pos));
    if (candidates != null) {
      for (String symbol : candidates) {
        if (s.startsWith(symbol, pos)) {
          return symbol;
        }
      }
    }
    return null;
  }

  private record Pair(int left, int right, float score, int size) { }

  /** The library's bpe_model Encode: the pieces of {@code normalized}, unused pieces resegmented. */
  private List<String> bpe(String normalized) {
    int n = normalized.codePointCount(0, normalized.length());
    int[] start = new int[n];
    int[] len = new int[n];
    int[] prev = new int[n];
    int[] next = new int[n];
    boolean[] frozen = new boolean[n];
    int count = 0;
    for (int pos = 0; pos < normalized.length(); count++) {
      String symbol = userSymbolAt(normalized, pos);
      frozen[count] = symbol != null;
      int l = symbol != null ? symbol.length() : normalized.offsetByCodePoints(pos, 1) - pos;
      start[count] = pos;
      len[count] = l;
      pos += l;
      prev[count] = count - 1;
      next[count] = pos == normalized.length() ? -1 : count + 1;
    }
    PriorityQueue<Pair> agenda = new PriorityQueue<>(
        Comparator.comparingDouble((Pair p) -> -p.score()).thenComparingInt(Pair::left));
    Map<String, String[]> revMerge = new HashMap<>();
    for (int i = 1; i < count; i++) {
      addPair(normalized, i - 1, i, start, len, frozen, agenda, revMerge);
    }
    while (!agenda.isEmpty()) {
      Pair top = agenda.poll();
      if (len[top.left()] == 0 || len[top.right()] == 0 || len[top.left()] + len[top.right()] != top.size()) {
        continue;
      }
      len[top.left()] += len[top.right()];
      next[top.left()] = next[top.right()];
      if (next[top.right()] >= 0) {
        prev[next[top.right()]] = top.left();
      }
      len[top.right()] = 0;
      if (prev[top.left()] >= 0) {
        addPair(normalized, prev[top.left()], top.left(), start, len, frozen, agenda, revMerge);
      }
      if (next[top.left()] >= 0) {
        addPair(normalized, top.left(), next[top.left()], start, len, frozen, agenda, revMerge);
      }
    }
    List<String> out = new ArrayList<>();
    for (int i = count == 0 ? -1 : 0; i != -1; i = next[i]) {
      resegment(normalized.substring(start[i], start[i] + len[i]), revMerge, out);
    }
    return out;
  }

  private void addPair(String s, int left, int right, int[] start, int[] len, boolean[] frozen,
      PriorityQueue<Pair> agenda, Map<String, String[]> revMerge) {
    if (frozen[left] || frozen[right]) {
      return;
    }
    String piece = s.substring(start[left], start[left] + len[left] + len[right]);
    Integer id = normalPieces.get(piece);
    if (id == null) {
      return;
    }
    agenda.add(new Pair(left, right, scores[id], piece.length()));
    if (types[id] == Type.UNUSED) {
      revMerge.put(piece, new String[] {s.substring(start[left], start[left] + len[left]),
          s.substring(start[right], start[right] + len[right])});
    }
  }

  private void resegment(String w, Map<String, String[]> revMerge, List<String> out) {
    int id = pieceToId(w);
    String[] parts = types[id] == Type.UNUSED ? revMerge.get(w) : null;
    if (parts == null) {
      out.add(w);
      return;
    }
    resegment(parts[0], revMerge, out);
    resegment(parts[1], revMerge, out);
  }

  /** Appends the byte run as UTF-8 characters, each invalid byte as U+FFFD, and empties it. */
  private static void flushBytes(ByteArrayOutputStream run, ByteArrayOutputStream text) {
    byte[] b = run.toByteArray();
    run.reset();
    int i = 0;
    while (i < b.length) {
      int n = validUtf8Length(b, i);
      if (n == 0) {
        text.writeBytes("\uFFFD".getBytes(StandardCharsets.UTF_8));
        i++;
      } else {
        text.write(b, i, n);
        i += n;
      }
    }
  }

  /** The length of the well-formed UTF-8 character at {@code i} (no overlong forms or surrogates), or 0. */
  private static int validUtf8Length(byte[] b, int i) {
    int c = b[i] & 0xFF;
    int n;
    int cp;
    int min;
    if (c < 0x80) {
      return 1;
    } else if ((c & 0xE0) == 0xC0) {
      n = 2;
      cp = c & 0x1F;
      min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
      n = 3;
      cp = c & 0x0F;
      min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
      n = 4;
      cp = c & 0x07;
      min = 0x10000;
    } else {
      return 0;
    }
    if (i + n > b.length) {
      return 0;
    }
    for (int k = 1; k < n; k++) {
      int t = b[i + k] & 0xFF;
      if ((t & 0xC0) != 0x80) {
        return 0;
      }
      cp = (cp << 6) | (t & 0x3F);
    }
    boolean valid = cp >= min && (cp < 0xD800 || (cp >= 0xE000 && cp <= 0x10FFFF));
    return valid ? n : 0;
  }

  private int specialId(String piece, Type type) {
    int id = pieceToId(piece);
    return types[id] == type ? id : -1;
  }

  private void checkId(int id) {
    if (id < 0 || id >= pieces.length) {
      throw new IllegalArgumentException("token id requires 0 <= id < vocabulary size, got " + id + " and "
          + pieces.length);
    }
  }

  private static String byteToPiece(int b) {
    return String.format("<0x%02X>", b);
  }

  /** The byte of a {@code <0xAB>} piece, or -1. */
  private static int pieceToByte(String piece) {
    if (piece.length() == 6 && piece.startsWith("<0x") && piece.endsWith(">")) {
      try {
        return Integer.parseInt(piece.substring(3, 5), 16);
      } catch (NumberFormatException e) {
        return -1;
      }
    }
    return -1;
  }
}
