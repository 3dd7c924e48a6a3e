package xla4j.models.vmoe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The config's variant table, JSON form, capacity and the clear refusal of each bad config. */
class VMoEConfigTest {
  static final String JSON = "{\"patch\": 4, \"image_size\": 8, \"width\": 8, \"depth\": 4, \"mlp_dim\": 16, "
      + "\"num_heads\": 2, \"num_classes\": 5, \"num_experts\": 4, \"k\": 2, \"capacity_factor\": 1.0, "
      + "\"moe_layers\": [1, 3], \"batch_priority\": false, \"group_size\": 2, \"pool\": \"tok\"}";

  static VMoEConfig tiny() {
    return VMoEConfig.fromJson(JSON);
  }

  static String error(Runnable r) {
    return assertThrows(IllegalArgumentException.class, r::run).getMessage();
  }

  @Test
  void jsonGivesTheConfig() {
    VMoEConfig c = tiny();
    assertEquals(List.of(1, 3), c.moeLayers());
    assertEquals(VMoEConfig.Pool.tok, c.pool());
    assertEquals(5, c.seqLength());            // 2 x 2 patches + cls
    // group of 2 images = 10 tokens, k=2: ceil(20 * 1.0 / 4) = 5, rounded up to 8
    assertEquals(8, c.capacity());
    assertEquals(10, c.routing().groupSize());
    // cf 0.5: ceil(2.5) = 3 -> 4
    assertEquals(4, c.withCapacityFactor(0.5).capacity());
  }

  @Test
  void variantsFollowThePaper() {
    VMoEConfig s32 = VMoEConfig.fromVariant("S/32");
    assertEquals(List.of(5, 7), s32.moeLayers());   // last 2 of the odd blocks of 8
    assertEquals(512, s32.width());
    assertEquals(32, s32.numExperts());
    assertEquals(2, s32.k());
    VMoEConfig b16 = VMoEConfig.fromVariant("B/16");
    assertEquals(List.of(1, 3, 5, 7, 9, 11), b16.moeLayers());
    assertEquals(16, b16.patch());
    assertEquals(16, VMoEConfig.fromVariant("H/14").moeLayers().size());
    // 8 images of 7 x 7 + 1 tokens, k=2, 1.05: ceil(800 * 1.05 / 32) = 27 -> 28 ... (50 tokens: 400 * 2 = 800)
    assertEquals(28, s32.capacity());
    assertEquals("unknown V-MoE variant 'S/16', expected one of [B/16, B/32, H/14, L/16, S/32]",
        error(() -> VMoEConfig.fromVariant("S/16")));
  }

  @Test
  void kAboveTheExpertsIsRefused() {
    assertEquals("V-MoE requires 1 <= k <= num_experts, got k=5 and num_experts=4",
        error(() -> tiny().withExperts(4, 5)));
  }

  @Test
  void aCapacityBelowOneIsRefused() {
    assertEquals("MoE capacity requires ceil(num_tokens * capacity_factor / num_experts) >= 1, got num_tokens=20, "
        + "num_experts=4 and capacity_factor=0.0 (capacity 0)", error(() -> tiny().withCapacityFactor(0)));
    assertEquals("MoE capacity requires ceil(num_tokens * capacity_factor / num_experts) >= 1, got num_tokens=20, "
        + "num_experts=4 and capacity_factor=-1.0 (capacity -5)", error(() -> tiny().withCapacityFactor(-1)));
  }

  @Test
  void moeLayersOutOfRangeAreRefused() {
    assertEquals("V-MoE requires MoE layer indices in [0, depth=4), got 4 in [1, 4]",
        error(() -> tiny().withMoeLayers(List.of(1, 4))));
    assertEquals("V-MoE requires MoE layer indices in [0, depth=4), got -1 in [-1]",
        error(() -> tiny().withMoeLayers(List.of(-1))));
    assertEquals("V-MoE requires distinct MoE layer indices in ascending order, got [3, 1]",
        error(() -> tiny().withMoeLayers(List.of(3, 1))));
  }

  @Test
  void aBatchNotDivisibleByTheGroupSizeIsRefused() {
    assertEquals("V-MoE requires the batch to be a multiple of group_size (images per routing group), got batch 3 "
        + "and group_size 2", error(() -> VMoE.graph(tiny(), 3)));
  }

  @Test
  void jsonKeysAreExact() {
    assertEquals("V-MoE config requires exactly the keys [patch, image_size, width, depth, mlp_dim, num_heads, "
        + "num_classes, num_experts, k, capacity_factor, moe_layers, batch_priority, group_size, pool], got missing "
        + "[pool] and unknown [classifier]",
        error(() -> VMoEConfig.fromJson(JSON.replace("\"pool\"", "\"classifier\""))));
    assertEquals("V-MoE config key 'pool' requires \"tok\" or \"gap\", got \"map\"",
        error(() -> VMoEConfig.fromJson(JSON.replace("\"tok\"", "\"map\""))));
    assertEquals("V-MoE config key 'k' requires an integer, got 1.5",
        error(() -> VMoEConfig.fromJson(JSON.replace("\"k\": 2", "\"k\": 1.5"))));
    assertEquals("V-MoE config key 'batch_priority' requires true or false, got \"no\"",
        error(() -> VMoEConfig.fromJson(JSON.replace("\"batch_priority\": false", "\"batch_priority\": \"no\""))));
  }
}
