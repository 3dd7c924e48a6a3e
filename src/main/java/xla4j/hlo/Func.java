package xla4j.hlo;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code func.func}: its body is a {@link Region} whose arguments are the function's parameters and
 * whose returns are its results. Argument and result attributes ({@code jax.arg_info}, {@code sdy.sharding},
 * {@code mhlo.sharding}...) are kept per position, in insertion order.
 */
public record Func(String name, boolean isPublic, Region body, List<Map<String, Attr>> argAttrs,
    List<Map<String, Attr>> resultAttrs) {
  public Func {
    Shapes.check(name != null && name.matches("[A-Za-z_][A-Za-z0-9_$.]*"),
        "func requires a name made of letters, digits, '_', '$' or '.', got '%s'", name);
    Shapes.check(argAttrs.size() == body.arguments().size(),
        "func @%s requires one attribute map per argument, got %d maps for %d arguments", name,
        argAttrs.size(), body.arguments().size());
    Shapes.check(resultAttrs.size() == body.returns().size(),
        "func @%s requires one attribute map per result, got %d maps for %d results", name,
        resultAttrs.size(), body.returns().size());
    argAttrs = argAttrs.stream().map(ImmutableMap::copyOf).collect(ImmutableList.toImmutableList());
    resultAttrs = resultAttrs.stream().map(ImmutableMap::copyOf).collect(ImmutableList.toImmutableList());
  }

  /** A function without argument or result attributes. */
  public static Func of(String name, boolean isPublic, Region body) {
    return new Func(name, isPublic, body, java.util.Collections.nCopies(body.arguments().size(), Map.of()),
        java.util.Collections.nCopies(body.returns().size(), Map.of()));
  }
}
