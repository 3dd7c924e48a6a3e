package xla4j.dsl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code einsum} over one or two operands with an explicit output ({@code "bqhd,bkhd->bhqk"}, {@code "...d,df->...f"};
 * {@code ...} dims are right-aligned but not broadcast: equal sizes are required): letters in both
 * inputs and the output are batch dims, in both inputs only are contracted, in one input only and not in the
 * output are summed first. Lowers to one {@code dot_general} plus a transpose to the output order, as JAX does.
 */
final class Einsum {
  private Einsum() {}

  static Tensor apply(String spec, Tensor... ops) {
    String where = Graph.where(Graph.callerLocation());
    String s = spec.replace(" ", "");
    int arrow = s.indexOf("->");
    if (arrow < 0) {
      throw new IllegalArgumentException("einsum requires an explicit output ('...->...'), got '" + spec + "'" + where);
    }
    String[] ins = s.substring(0, arrow).split(",", -1);
    String out = s.substring(arrow + 2);
    if (ins.length != ops.length || ops.length < 1 || ops.length > 2) {
      throw new IllegalArgumentException("einsum requires one or two operands matching the spec, got " + ops.length
          + " operands for '" + spec + "'" + where);
    }
    // "..." stands for the leading dims not named by letters; right-aligned across operands as in NumPy, and named
    // here by digits (which user specs cannot contain).
    int ell = 0;
    for (int k = 0; k < ops.length; k++) {
      if (ins[k].contains("...")) {
        int named = ins[k].length() - 3;
        if (ops[k].rank() < named) {
          throw new IllegalArgumentException("einsum requires operand " + k + " to have rank >= " + named + " ('" + ins[k]
              + "'), got shape " + xla4j.hlo.Shapes.tuple(ops[k].dims()) + where);
        }
        ell = Math.max(ell, ops[k].rank() - named);
      }
    }
    String digits = "0123456789";
    if (ell > digits.length()) {
      throw new IllegalArgumentException("einsum supports at most 10 dims under '...', got " + ell + where);
    }
    for (int k = 0; k < ops.length; k++) {
      if (ins[k].contains("...")) {
        int n = ops[k].rank() - (ins[k].length() - 3);
        ins[k] = ins[k].replace("...", digits.substring(ell - n, ell));
      }
    }
    out = out.replace("...", digits.substring(0, ell));
    for (String part : ins) {
      if (part.chars().anyMatch(Character::isDigit) && !s.contains("...")) {
        throw new IllegalArgumentException("einsum requires letters or '...', got '" + spec + "'" + where);
      }
    }
    Map<Character, Long> sizes = new HashMap<>();
    for (int k = 0; k < ops.length; k++) {
      String in = ins[k];
      if (in.length() != ops[k].rank()) {
        throw new IllegalArgumentException("einsum requires operand " + k + " to have rank " + in.length() + " ('" + in
            + "'), got shape " + xla4j.hlo.Shapes.tuple(ops[k].dims()) + where);
      }
      for (int i = 0; i < in.length(); i++) {
        char c = in.charAt(i);
        if (in.indexOf(c) != i) {
          throw new IllegalArgumentException("einsum requires distinct letters within an operand, got '" + in + "'" + where);
        }
        Long prev = sizes.putIfAbsent(c, ops[k].dim(i));
        if (prev != null && prev != ops[k].dim(i)) {
          throw new IllegalArgumentException("einsum requires dimension '" + c + "' to have the same size in all operands,"
              + " got " + prev + " and " + ops[k].dim(i) + where);
        }
      }
    }
    for (char c : out.toCharArray()) {
      if (!sizes.containsKey(c) || out.indexOf(c) != out.lastIndexOf(c)) {
        throw new IllegalArgumentException("einsum requires output letters to be distinct and appear in an input, got '"
            + out + "'" + where);
      }
    }
    // Sum out letters that appear in one operand only and not in the output.
    Tensor[] t = ops.clone();
    String[] l = ins.clone();
    for (int k = 0; k < t.length; k++) {
      String other = t.length == 2 ? l[1 - k] : "";
      List<Integer> axes = new ArrayList<>();
      StringBuilder kept = new StringBuilder();
      for (int i = 0; i < l[k].length(); i++) {
        char c = l[k].charAt(i);
        if (out.indexOf(c) < 0 && other.indexOf(c) < 0) {
          axes.add(i);
        } else {
          kept.append(c);
        }
      }
      if (!axes.isEmpty()) {
        t[k] = t[k].sum(axes.stream().mapToInt(Integer::intValue).toArray());
        l[k] = kept.toString();
      }
    }
    String cur;
    Tensor r;
    if (t.length == 1) {
      r = t[0];
      cur = l[0];
    } else {
      String a = l[0];
      String b = l[1];
      List<Integer> lb = new ArrayList<>();
      List<Integer> rb = new ArrayList<>();
      List<Integer> lc = new ArrayList<>();
      List<Integer> rc = new ArrayList<>();
      StringBuilder res = new StringBuilder();
      for (int i = 0; i < a.length(); i++) {
        char c = a.charAt(i);
        int j = b.indexOf(c);
        if (j >= 0 && out.indexOf(c) >= 0) {
          lb.add(i);
          rb.add(j);
          res.append(c);
        } else if (j >= 0) {
          lc.add(i);
          rc.add(j);
        }
      }
      for (char c : a.toCharArray()) {
        if (b.indexOf(c) < 0) {
          res.append(c);
        }
      }
      for (char c : b.toCharArray()) {
        if (a.indexOf(c) < 0) {
          res.append(c);
        }
      }
      r = Ops.dotGeneral(t[0], t[1]).batch(ints(lb), ints(rb)).contract(ints(lc), ints(rc)).build();
      cur = res.toString();
    }
    if (cur.equals(out)) {
      return r;
    }
    int[] perm = new int[out.length()];
    for (int i = 0; i < perm.length; i++) {
      perm[i] = cur.indexOf(out.charAt(i));
    }
    return r.transpose(perm);
  }

  private static int[] ints(List<Integer> xs) {
    return xs.stream().mapToInt(Integer::intValue).toArray();
  }
}
