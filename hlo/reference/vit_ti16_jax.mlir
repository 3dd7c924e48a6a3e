// jax.jit(ViT-Ti/16 logits).lower(params, image).as_text(): pool_type=tok, posemb=learn, num_classes=10,
// batch 2 x 224 x 224 x 3 float32, JAX's default matmul precision. Arguments: the parameter tree
// flattened in sorted-key order, then the image:
//   %arg0: params/Transformer/encoder_norm/bias
//   %arg1: params/Transformer/encoder_norm/scale
//   %arg2: params/Transformer/encoderblock_0/LayerNorm_0/bias
//   %arg3: params/Transformer/encoderblock_0/LayerNorm_0/scale
//   %arg4: params/Transformer/encoderblock_0/LayerNorm_1/bias
//   %arg5: params/Transformer/encoderblock_0/LayerNorm_1/scale
//   %arg6: params/Transformer/encoderblock_0/MlpBlock_0/Dense_0/bias
//   %arg7: params/Transformer/encoderblock_0/MlpBlock_0/Dense_0/kernel
//   %arg8: params/Transformer/encoderblock_0/MlpBlock_0/Dense_1/bias
//   %arg9: params/Transformer/encoderblock_0/MlpBlock_0/Dense_1/kernel
//   %arg10: params/Transformer/encoderblock_0/MultiHeadDotProductAttention_0/key/bias
//   %arg11: params/Transformer/encoderblock_0/MultiHeadDotProductAttention_0/key/kernel
//   %arg12: params/Transformer/encoderblock_0/MultiHeadDotProductAttention_0/out/bias
//   %arg13: params/Transformer/encoderblock_0/MultiHeadDotProductAttention_0/out/kernel
//   %arg14: params/Transformer/encoderblock_0/MultiHeadDotProductAttention_0/query/bias
//   %arg15: params/Transformer/encoderblock_0/MultiHeadDotProductAttention_0/query/kernel
//   %arg16: params/Transformer/encoderblock_0/MultiHeadDotProductAttention_0/value/bias
//   %arg17: params/Transformer/encoderblock_0/MultiHeadDotProductAttention_0/value/kernel
//   %arg18: params/Transformer/encoderblock_1/LayerNorm_0/bias
//   %arg19: params/Transformer/encoderblock_1/LayerNorm_0/scale
//   %arg20: params/Transformer/encoderblock_1/LayerNorm_1/bias
//   %arg21: params/Transformer/encoderblock_1/LayerNorm_1/scale
//   %arg22: params/Transformer/encoderblock_1/MlpBlock_0/Dense_0/bias
//   %arg23: params/Transformer/encoderblock_1/MlpBlock_0/Dense_0/kernel
//   %arg24: params/Transformer/encoderblock_1/MlpBlock_0/Dense_1/bias
//   %arg25: params/Transformer/encoderblock_1/MlpBlock_0/Dense_1/kernel
//   %arg26: params/Transformer/encoderblock_1/MultiHeadDotProductAttention_0/key/bias
//   %arg27: params/Transformer/encoderblock_1/MultiHeadDotProductAttention_0/key/kernel
//   %arg28: params/Transformer/encoderblock_1/MultiHeadDotProductAttention_0/out/bias
//   %arg29: params/Transformer/encoderblock_1/MultiHeadDotProductAttention_0/out/kernel
//   %arg30: params/Transformer/encoderblock_1/MultiHeadDotProductAttention_0/query/bias
//   %arg31: params/Transformer/encoderblock_1/MultiHeadDotProductAttention_0/query/kernel
//   %arg32: params/Transformer/encoderblock_1/MultiHeadDotProductAttention_0/value/bias
//   %arg33: params/Transformer/encoderblock_1/MultiHeadDotProductAttention_0/value/kernel
//   %arg34: params/Transformer/encoderblock_10/LayerNorm_0/bias
//   %arg35: params/Transformer/encoderblock_10/LayerNorm_0/scale
//   %arg36: params/Transformer/encoderblock_10/LayerNorm_1/bias
//   %arg37: params/Transformer/encoderblock_10/LayerNorm_1/scale
//   %arg38: params/Transformer/encoderblock_10/MlpBlock_0/Dense_0/bias
//   %arg39: params/Transformer/encoderblock_10/MlpBlock_0/Dense_0/kernel
//   %arg40: params/Transformer/encoderblock_10/MlpBlock_0/Dense_1/bias
//   %arg41: params/Transformer/encoderblock_10/MlpBlock_0/Dense_1/kernel
//   %arg42: params/Transformer/encoderblock_10/MultiHeadDotProductAttention_0/key/bias
//   %arg43: params/Transformer/encoderblock_10/MultiHeadDotProductAttention_0/key/kernel
//   %arg44: params/Transformer/encoderblock_10/MultiHeadDotProductAttention_0/out/bias
//   %arg45: params/Transformer/encoderblock_10/MultiHeadDotProductAttention_0/out/kernel
//   %arg46: params/Transformer/encoderblock_10/MultiHeadDotProductAttention_0/query/bias
//   %arg47: params/Transformer/encoderblock_10/MultiHeadDotProductAttention_0/query/kernel
//   %arg48: params/Transformer/encoderblock_10/MultiHeadDotProductAttention_0/value/bias
//   %arg49: params/Transformer/encoderblock_10/MultiHeadDotProductAttention_0/value/kernel
//   %arg50: params/Transformer/encoderblock_11/LayerNorm_0/bias
//   %arg51: params/Transformer/encoderblock_11/LayerNorm_0/scale
//   %arg52: params/Transformer/encoderblock_11/LayerNorm_1/bias
//   %arg53: params/Transformer/encoderblock_11/LayerNorm_1/scale
//   %arg54: params/Transformer/encoderblock_11/MlpBlock_0/Dense_0/bias
//   %arg55: params/Transformer/encoderblock_11/MlpBlock_0/Dense_0/kernel
//   %arg56: params/Transformer/encoderblock_11/MlpBlock_0/Dense_1/bias
//   %arg57: params/Transformer/encoderblock_11/MlpBlock_0/Dense_1/kernel
//   %arg58: params/Transformer/encoderblock_11/MultiHeadDotProductAttention_0/key/bias
//   %arg59: params/Transformer/encoderblock_11/MultiHeadDotProductAttention_0/key/kernel
//   %arg60: params/Transformer/encoderblock_11/MultiHeadDotProductAttention_0/out/bias
//   %arg61: params/Transformer/encoderblock_11/MultiHeadDotProductAttention_0/out/kernel
//   %arg62: params/Transformer/encoderblock_11/MultiHeadDotProductAttention_0/query/bias
//   %arg63: params/Transformer/encoderblock_11/MultiHeadDotProductAttention_0/query/kernel
//   %arg64: params/Transformer/encoderblock_11/MultiHeadDotProductAttention_0/value/bias
//   %arg65: params/Transformer/encoderblock_11/MultiHeadDotProductAttention_0/value/kernel
//   %arg66: params/Transformer/encoderblock_2/LayerNorm_0/bias
//   %arg67: params/Transformer/encoderblock_2/LayerNorm_0/scale
//   %arg68: params/Transformer/encoderblock_2/LayerNorm_1/bias
//   %arg69: params/Transformer/encoderblock_2/LayerNorm_1/scale
//   %arg70: params/Transformer/encoderblock_2/MlpBlock_0/Dense_0/bias
//   %arg71: params/Transformer/encoderblock_2/MlpBlock_0/Dense_0/kernel
//   %arg72: params/Transformer/encoderblock_2/MlpBlock_0/Dense_1/bias
//   %arg73: params/Transformer/encoderblock_2/MlpBlock_0/Dense_1/kernel
//   %arg74: params/Transformer/encoderblock_2/MultiHeadDotProductAttention_0/key/bias
//   %arg75: params/Transformer/encoderblock_2/MultiHeadDotProductAttention_0/key/kernel
//   %arg76: params/Transformer/encoderblock_2/MultiHeadDotProductAttention_0/out/bias
//   %arg77: params/Transformer/encoderblock_2/MultiHeadDotProductAttention_0/out/kernel
//   %arg78: params/Transformer/encoderblock_2/MultiHeadDotProductAttention_0/query/bias
//   %arg79: params/Transformer/encoderblock_2/MultiHeadDotProductAttention_0/query/kernel
//   %arg80: params/Transformer/encoderblock_2/MultiHeadDotProductAttention_0/value/bias
//   %arg81: params/Transformer/encoderblock_2/MultiHeadDotProductAttention_0/value/kernel
//   %arg82: params/Transformer/encoderblock_3/LayerNorm_0/bias
//   %arg83: params/Transformer/encoderblock_3/LayerNorm_0/scale
//   %arg84: params/Transformer/encoderblock_3/LayerNorm_1/bias
//   %arg85: params/Transformer/encoderblock_3/LayerNorm_1/scale
//   %arg86: params/Transformer/encoderblock_3/MlpBlock_0/Dense_0/bias
//   %arg87: params/Transformer/encoderblock_3/MlpBlock_0/Dense_0/kernel
//   %arg88: params/Transformer/encoderblock_3/MlpBlock_0/Dense_1/bias
//   %arg89: params/Transformer/encoderblock_3/MlpBlock_0/Dense_1/kernel
//   %arg90: params/Transformer/encoderblock_3/MultiHeadDotProductAttention_0/key/bias
//   %arg91: params/Transformer/encoderblock_3/MultiHeadDotProductAttention_0/key/kernel
//   %arg92: params/Transformer/encoderblock_3/MultiHeadDotProductAttention_0/out/bias
//   %arg93: params/Transformer/encoderblock_3/MultiHeadDotProductAttention_0/out/kernel
//   %arg94: params/Transformer/encoderblock_3/MultiHeadDotProductAttention_0/query/bias
//   %arg95: params/Transformer/encoderblock_3/MultiHeadDotProductAttention_0/query/kernel
//   %arg96: params/Transformer/encoderblock_3/MultiHeadDotProductAttention_0/value/bias
//   %arg97: params/Transformer/encoderblock_3/MultiHeadDotProductAttention_0/value/kernel
//   %arg98: params/Transformer/encoderblock_4/LayerNorm_0/bias
//   %arg99: params/Transformer/encoderblock_4/LayerNorm_0/scale
//   %arg100: params/Transformer/encoderblock_4/LayerNorm_1/bias
//   %arg101: params/Transformer/encoderblock_4/LayerNorm_1/scale
//   %arg102: params/Transformer/encoderblock_4/MlpBlock_0/Dense_0/bias
//   %arg103: params/Transformer/encoderblock_4/MlpBlock_0/Dense_0/kernel
//   %arg104: params/Transformer/encoderblock_4/MlpBlock_0/Dense_1/bias
//   %arg105: params/Transformer/encoderblock_4/MlpBlock_0/Dense_1/kernel
//   %arg106: params/Transformer/encoderblock_4/MultiHeadDotProductAttention_0/key/bias
//   %arg107: params/Transformer/encoderblock_4/MultiHeadDotProductAttention_0/key/kernel
//   %arg108: params/Transformer/encoderblock_4/MultiHeadDotProductAttention_0/out/bias
//   %arg109: params/Transformer/encoderblock_4/MultiHeadDotProductAttention_0/out/kernel
//   %arg110: params/Transformer/encoderblock_4/MultiHeadDotProductAttention_0/query/bias
//   %arg111: params/Transformer/encoderblock_4/MultiHeadDotProductAttention_0/query/kernel
//   %arg112: params/Transformer/encoderblock_4/MultiHeadDotProductAttention_0/value/bias
//   %arg113: params/Transformer/encoderblock_4/MultiHeadDotProductAttention_0/value/kernel
//   %arg114: params/Transformer/encoderblock_5/LayerNorm_0/bias
//   %arg115: params/Transformer/encoderblock_5/LayerNorm_0/scale
//   %arg116: params/Transformer/encoderblock_5/LayerNorm_1/bias
//   %arg117: params/Transformer/encoderblock_5/LayerNorm_1/scale
//   %arg118: params/Transformer/encoderblock_5/MlpBlock_0/Dense_0/bias
//   %arg119: params/Transformer/encoderblock_5/MlpBlock_0/Dense_0/kernel
//   %arg120: params/Transformer/encoderblock_5/MlpBlock_0/Dense_1/bias
//   %arg121: params/Transformer/encoderblock_5/MlpBlock_0/Dense_1/kernel
//   %arg122: params/Transformer/encoderblock_5/MultiHeadDotProductAttention_0/key/bias
//   %arg123: params/Transformer/encoderblock_5/MultiHeadDotProductAttention_0/key/kernel
//   %arg124: params/Transformer/encoderblock_5/MultiHeadDotProductAttention_0/out/bias
//   %arg125: params/Transformer/encoderblock_5/MultiHeadDotProductAttention_0/out/kernel
//   %arg126: params/Transformer/encoderblock_5/MultiHeadDotProductAttention_0/query/bias
//   %arg127: params/Transformer/encoderblock_5/MultiHeadDotProductAttention_0/query/kernel
//   %arg128: params/Transformer/encoderblock_5/MultiHeadDotProductAttention_0/value/bias
//   %arg129: params/Transformer/encoderblock_5/MultiHeadDotProductAttention_0/value/kernel
//   %arg130: params/Transformer/encoderblock_6/LayerNorm_0/bias
//   %arg131: params/Transformer/encoderblock_6/LayerNorm_0/scale
//   %arg132: params/Transformer/encoderblock_6/LayerNorm_1/bias
//   %arg133: params/Transformer/encoderblock_6/LayerNorm_1/scale
//   %arg134: params/Transformer/encoderblock_6/MlpBlock_0/Dense_0/bias
//   %arg135: params/Transformer/encoderblock_6/MlpBlock_0/Dense_0/kernel
//   %arg136: params/Transformer/encoderblock_6/MlpBlock_0/Dense_1/bias
//   %arg137: params/Transformer/encoderblock_6/MlpBlock_0/Dense_1/kernel
//   %arg138: params/Transformer/encoderblock_6/MultiHeadDotProductAttention_0/key/bias
//   %arg139: params/Transformer/encoderblock_6/MultiHeadDotProductAttention_0/key/kernel
//   %arg140: params/Transformer/encoderblock_6/MultiHeadDotProductAttention_0/out/bias
//   %arg141: params/Transformer/encoderblock_6/MultiHeadDotProductAttention_0/out/kernel
//   %arg142: params/Transformer/encoderblock_6/MultiHeadDotProductAttention_0/query/bias
//   %arg143: params/Transformer/encoderblock_6/MultiHeadDotProductAttention_0/query/kernel
//   %arg144: params/Transformer/encoderblock_6/MultiHeadDotProductAttention_0/value/bias
//   %arg145: params/Transformer/encoderblock_6/MultiHeadDotProductAttention_0/value/kernel
//   %arg146: params/Transformer/encoderblock_7/LayerNorm_0/bias
//   %arg147: params/Transformer/encoderblock_7/LayerNorm_0/scale
//   %arg148: params/Transformer/encoderblock_7/LayerNorm_1/bias
//   %arg149: params/Transformer/encoderblock_7/LayerNorm_1/scale
//   %arg150: params/Transformer/encoderblock_7/MlpBlock_0/Dense_0/bias
//   %arg151: params/Transformer/encoderblock_7/MlpBlock_0/Dense_0/kernel
//   %arg152: params/Transformer/encoderblock_7/MlpBlock_0/Dense_1/bias
//   %arg153: params/Transformer/encoderblock_7/MlpBlock_0/Dense_1/kernel
//   %arg154: params/Transformer/encoderblock_7/MultiHeadDotProductAttention_0/key/bias
//   %arg155: params/Transformer/encoderblock_7/MultiHeadDotProductAttention_0/key/kernel
//   %arg156: params/Transformer/encoderblock_7/MultiHeadDotProductAttention_0/out/bias
//   %arg157: params/Transformer/encoderblock_7/MultiHeadDotProductAttention_0/out/kernel
//   %arg158: params/Transformer/encoderblock_7/MultiHeadDotProductAttention_0/query/bias
//   %arg159: params/Transformer/encoderblock_7/MultiHeadDotProductAttention_0/query/kernel
//   %arg160: params/Transformer/encoderblock_7/MultiHeadDotProductAttention_0/value/bias
//   %arg161: params/Transformer/encoderblock_7/MultiHeadDotProductAttention_0/value/kernel
//   %arg162: params/Transformer/encoderblock_8/LayerNorm_0/bias
//   %arg163: params/Transformer/encoderblock_8/LayerNorm_0/scale
//   %arg164: params/Transformer/encoderblock_8/LayerNorm_1/bias
//   %arg165: params/Transformer/encoderblock_8/LayerNorm_1/scale
//   %arg166: params/Transformer/encoderblock_8/MlpBlock_0/Dense_0/bias
//   %arg167: params/Transformer/encoderblock_8/MlpBlock_0/Dense_0/kernel
//   %arg168: params/Transformer/encoderblock_8/MlpBlock_0/Dense_1/bias
//   %arg169: params/Transformer/encoderblock_8/MlpBlock_0/Dense_1/kernel
//   %arg170: params/Transformer/encoderblock_8/MultiHeadDotProductAttention_0/key/bias
//   %arg171: params/Transformer/encoderblock_8/MultiHeadDotProductAttention_0/key/kernel
//   %arg172: params/Transformer/encoderblock_8/MultiHeadDotProductAttention_0/out/bias
//   %arg173: params/Transformer/encoderblock_8/MultiHeadDotProductAttention_0/out/kernel
//   %arg174: params/Transformer/encoderblock_8/MultiHeadDotProductAttention_0/query/bias
//   %arg175: params/Transformer/encoderblock_8/MultiHeadDotProductAttention_0/query/kernel
//   %arg176: params/Transformer/encoderblock_8/MultiHeadDotProductAttention_0/value/bias
//   %arg177: params/Transformer/encoderblock_8/MultiHeadDotProductAttention_0/value/kernel
//   %arg178: params/Transformer/encoderblock_9/LayerNorm_0/bias
//   %arg179: params/Transformer/encoderblock_9/LayerNorm_0/scale
//   %arg180: params/Transformer/encoderblock_9/LayerNorm_1/bias
//   %arg181: params/Transformer/encoderblock_9/LayerNorm_1/scale
//   %arg182: params/Transformer/encoderblock_9/MlpBlock_0/Dense_0/bias
//   %arg183: params/Transformer/encoderblock_9/MlpBlock_0/Dense_0/kernel
//   %arg184: params/Transformer/encoderblock_9/MlpBlock_0/Dense_1/bias
//   %arg185: params/Transformer/encoderblock_9/MlpBlock_0/Dense_1/kernel
//   %arg186: params/Transformer/encoderblock_9/MultiHeadDotProductAttention_0/key/bias
//   %arg187: params/Transformer/encoderblock_9/MultiHeadDotProductAttention_0/key/kernel
//   %arg188: params/Transformer/encoderblock_9/MultiHeadDotProductAttention_0/out/bias
//   %arg189: params/Transformer/encoderblock_9/MultiHeadDotProductAttention_0/out/kernel
//   %arg190: params/Transformer/encoderblock_9/MultiHeadDotProductAttention_0/query/bias
//   %arg191: params/Transformer/encoderblock_9/MultiHeadDotProductAttention_0/query/kernel
//   %arg192: params/Transformer/encoderblock_9/MultiHeadDotProductAttention_0/value/bias
//   %arg193: params/Transformer/encoderblock_9/MultiHeadDotProductAttention_0/value/kernel
//   %arg194: params/cls
//   %arg195: params/embedding/bias
//   %arg196: params/embedding/kernel
//   %arg197: params/head/bias
//   %arg198: params/head/kernel
//   %arg199: params/pos_embedding
//   %arg200: image
// jax 0.10.2, flax 0.12.8; made by tools/vit_reference.py --emit-hlo
module @jit_logits attributes {mhlo.num_partitions = 1 : i32, mhlo.num_replicas = 1 : i32} {
  func.func public @main(%arg0: tensor<192xf32>, %arg1: tensor<192xf32>, %arg2: tensor<192xf32>, %arg3: tensor<192xf32>, %arg4: tensor<192xf32>, %arg5: tensor<192xf32>, %arg6: tensor<768xf32>, %arg7: tensor<192x768xf32>, %arg8: tensor<192xf32>, %arg9: tensor<768x192xf32>, %arg10: tensor<3x64xf32>, %arg11: tensor<192x3x64xf32>, %arg12: tensor<192xf32>, %arg13: tensor<3x64x192xf32>, %arg14: tensor<3x64xf32>, %arg15: tensor<192x3x64xf32>, %arg16: tensor<3x64xf32>, %arg17: tensor<192x3x64xf32>, %arg18: tensor<192xf32>, %arg19: tensor<192xf32>, %arg20: tensor<192xf32>, %arg21: tensor<192xf32>, %arg22: tensor<768xf32>, %arg23: tensor<192x768xf32>, %arg24: tensor<192xf32>, %arg25: tensor<768x192xf32>, %arg26: tensor<3x64xf32>, %arg27: tensor<192x3x64xf32>, %arg28: tensor<192xf32>, %arg29: tensor<3x64x192xf32>, %arg30: tensor<3x64xf32>, %arg31: tensor<192x3x64xf32>, %arg32: tensor<3x64xf32>, %arg33: tensor<192x3x64xf32>, %arg34: tensor<192xf32>, %arg35: tensor<192xf32>, %arg36: tensor<192xf32>, %arg37: tensor<192xf32>, %arg38: tensor<768xf32>, %arg39: tensor<192x768xf32>, %arg40: tensor<192xf32>, %arg41: tensor<768x192xf32>, %arg42: tensor<3x64xf32>, %arg43: tensor<192x3x64xf32>, %arg44: tensor<192xf32>, %arg45: tensor<3x64x192xf32>, %arg46: tensor<3x64xf32>, %arg47: tensor<192x3x64xf32>, %arg48: tensor<3x64xf32>, %arg49: tensor<192x3x64xf32>, %arg50: tensor<192xf32>, %arg51: tensor<192xf32>, %arg52: tensor<192xf32>, %arg53: tensor<192xf32>, %arg54: tensor<768xf32>, %arg55: tensor<192x768xf32>, %arg56: tensor<192xf32>, %arg57: tensor<768x192xf32>, %arg58: tensor<3x64xf32>, %arg59: tensor<192x3x64xf32>, %arg60: tensor<192xf32>, %arg61: tensor<3x64x192xf32>, %arg62: tensor<3x64xf32>, %arg63: tensor<192x3x64xf32>, %arg64: tensor<3x64xf32>, %arg65: tensor<192x3x64xf32>, %arg66: tensor<192xf32>, %arg67: tensor<192xf32>, %arg68: tensor<192xf32>, %arg69: tensor<192xf32>, %arg70: tensor<768xf32>, %arg71: tensor<192x768xf32>, %arg72: tensor<192xf32>, %arg73: tensor<768x192xf32>, %arg74: tensor<3x64xf32>, %arg75: tensor<192x3x64xf32>, %arg76: tensor<192xf32>, %arg77: tensor<3x64x192xf32>, %arg78: tensor<3x64xf32>, %arg79: tensor<192x3x64xf32>, %arg80: tensor<3x64xf32>, %arg81: tensor<192x3x64xf32>, %arg82: tensor<192xf32>, %arg83: tensor<192xf32>, %arg84: tensor<192xf32>, %arg85: tensor<192xf32>, %arg86: tensor<768xf32>, %arg87: tensor<192x768xf32>, %arg88: tensor<192xf32>, %arg89: tensor<768x192xf32>, %arg90: tensor<3x64xf32>, %arg91: tensor<192x3x64xf32>, %arg92: tensor<192xf32>, %arg93: tensor<3x64x192xf32>, %arg94: tensor<3x64xf32>, %arg95: tensor<192x3x64xf32>, %arg96: tensor<3x64xf32>, %arg97: tensor<192x3x64xf32>, %arg98: tensor<192xf32>, %arg99: tensor<192xf32>, %arg100: tensor<192xf32>, %arg101: tensor<192xf32>, %arg102: tensor<768xf32>, %arg103: tensor<192x768xf32>, %arg104: tensor<192xf32>, %arg105: tensor<768x192xf32>, %arg106: tensor<3x64xf32>, %arg107: tensor<192x3x64xf32>, %arg108: tensor<192xf32>, %arg109: tensor<3x64x192xf32>, %arg110: tensor<3x64xf32>, %arg111: tensor<192x3x64xf32>, %arg112: tensor<3x64xf32>, %arg113: tensor<192x3x64xf32>, %arg114: tensor<192xf32>, %arg115: tensor<192xf32>, %arg116: tensor<192xf32>, %arg117: tensor<192xf32>, %arg118: tensor<768xf32>, %arg119: tensor<192x768xf32>, %arg120: tensor<192xf32>, %arg121: tensor<768x192xf32>, %arg122: tensor<3x64xf32>, %arg123: tensor<192x3x64xf32>, %arg124: tensor<192xf32>, %arg125: tensor<3x64x192xf32>, %arg126: tensor<3x64xf32>, %arg127: tensor<192x3x64xf32>, %arg128: tensor<3x64xf32>, %arg129: tensor<192x3x64xf32>, %arg130: tensor<192xf32>, %arg131: tensor<192xf32>, %arg132: tensor<192xf32>, %arg133: tensor<192xf32>, %arg134: tensor<768xf32>, %arg135: tensor<192x768xf32>, %arg136: tensor<192xf32>, %arg137: tensor<768x192xf32>, %arg138: tensor<3x64xf32>, %arg139: tensor<192x3x64xf32>, %arg140: tensor<192xf32>, %arg141: tensor<3x64x192xf32>, %arg142: tensor<3x64xf32>, %arg143: tensor<192x3x64xf32>, %arg144: tensor<3x64xf32>, %arg145: tensor<192x3x64xf32>, %arg146: tensor<192xf32>, %arg147: tensor<192xf32>, %arg148: tensor<192xf32>, %arg149: tensor<192xf32>, %arg150: tensor<768xf32>, %arg151: tensor<192x768xf32>, %arg152: tensor<192xf32>, %arg153: tensor<768x192xf32>, %arg154: tensor<3x64xf32>, %arg155: tensor<192x3x64xf32>, %arg156: tensor<192xf32>, %arg157: tensor<3x64x192xf32>, %arg158: tensor<3x64xf32>, %arg159: tensor<192x3x64xf32>, %arg160: tensor<3x64xf32>, %arg161: tensor<192x3x64xf32>, %arg162: tensor<192xf32>, %arg163: tensor<192xf32>, %arg164: tensor<192xf32>, %arg165: tensor<192xf32>, %arg166: tensor<768xf32>, %arg167: tensor<192x768xf32>, %arg168: tensor<192xf32>, %arg169: tensor<768x192xf32>, %arg170: tensor<3x64xf32>, %arg171: tensor<192x3x64xf32>, %arg172: tensor<192xf32>, %arg173: tensor<3x64x192xf32>, %arg174: tensor<3x64xf32>, %arg175: tensor<192x3x64xf32>, %arg176: tensor<3x64xf32>, %arg177: tensor<192x3x64xf32>, %arg178: tensor<192xf32>, %arg179: tensor<192xf32>, %arg180: tensor<192xf32>, %arg181: tensor<192xf32>, %arg182: tensor<768xf32>, %arg183: tensor<192x768xf32>, %arg184: tensor<192xf32>, %arg185: tensor<768x192xf32>, %arg186: tensor<3x64xf32>, %arg187: tensor<192x3x64xf32>, %arg188: tensor<192xf32>, %arg189: tensor<3x64x192xf32>, %arg190: tensor<3x64xf32>, %arg191: tensor<192x3x64xf32>, %arg192: tensor<3x64xf32>, %arg193: tensor<192x3x64xf32>, %arg194: tensor<1x1x192xf32>, %arg195: tensor<192xf32>, %arg196: tensor<16x16x3x192xf32>, %arg197: tensor<10xf32>, %arg198: tensor<192x10xf32>, %arg199: tensor<1x196x192xf32>, %arg200: tensor<2x224x224x3xf32>) -> (tensor<2x10xf32> {jax.result_info = "result"}) {
    %0 = stablehlo.convolution(%arg200, %arg196) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [16, 16], pad = [[0, 0], [0, 0]], lhs_dilate = [1, 1], rhs_dilate = [1, 1], reverse = [false, false]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64, precision_config = [#stablehlo<precision DEFAULT>, #stablehlo<precision DEFAULT>]} : (tensor<2x224x224x3xf32>, tensor<16x16x3x192xf32>) -> tensor<2x14x14x192xf32>
    %1 = stablehlo.reshape %arg195 : (tensor<192xf32>) -> tensor<1x1x1x192xf32>
    %2 = stablehlo.broadcast_in_dim %1, dims = [0, 1, 2, 3] : (tensor<1x1x1x192xf32>) -> tensor<2x14x14x192xf32>
    %3 = stablehlo.add %0, %2 : tensor<2x14x14x192xf32>
    %4 = stablehlo.reshape %3 : (tensor<2x14x14x192xf32>) -> tensor<2x196x192xf32>
    %5 = stablehlo.broadcast_in_dim %arg199, dims = [0, 1, 2] : (tensor<1x196x192xf32>) -> tensor<2x196x192xf32>
    %6 = stablehlo.add %4, %5 : tensor<2x196x192xf32>
    %7 = stablehlo.reshape %arg194 : (tensor<1x1x192xf32>) -> tensor<1x1x1x1x1x192xf32>
    %8 = stablehlo.broadcast_in_dim %7, dims = [0, 1, 2, 3, 4, 5] : (tensor<1x1x1x1x1x192xf32>) -> tensor<2x1x1x1x1x192xf32>
    %9 = stablehlo.reshape %8 : (tensor<2x1x1x1x1x192xf32>) -> tensor<2x1x192xf32>
    %10 = stablehlo.concatenate %9, %6, dim = 1 : (tensor<2x1x192xf32>, tensor<2x196x192xf32>) -> tensor<2x197x192xf32>
    %11 = chlo.square %10 : tensor<2x197x192xf32> -> tensor<2x197x192xf32>
    %cst = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %12 = stablehlo.reduce(%10 init: %cst) applies stablehlo.add across dimensions = [2] : (tensor<2x197x192xf32>, tensor<f32>) -> tensor<2x197xf32>
    %cst_0 = stablehlo.constant dense<1.920000e+02> : tensor<f32>
    %13 = stablehlo.broadcast_in_dim %cst_0, dims = [] : (tensor<f32>) -> tensor<2x197xf32>
    %14 = stablehlo.divide %12, %13 : tensor<2x197xf32>
    %cst_1 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %15 = stablehlo.reduce(%11 init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<2x197x192xf32>, tensor<f32>) -> tensor<2x197xf32>
    %cst_2 = stablehlo.constant dense<1.920000e+02> : tensor<f32>
    %16 = stablehlo.broadcast_in_dim %cst_2, dims = [] : (tensor<f32>) -> tensor<2x197xf32>
    %17 = stablehlo.divide %15, %16 : tensor<2x197xf32>
    %18 = chlo.square %14 : tensor<2x197xf32> -> tensor<2x197xf32>
    %19 = stablehlo.subtract %17, %18 : tensor<2x197xf32>
    %cst_3 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %20 = stablehlo.broadcast_in_dim %cst_3, dims = [] : (tensor<f32>) -> tensor<2x197xf32>
    %21 = stablehlo.maximum %20, %19 : tensor<2x197xf32>
    %22 = stablehlo.broadcast_in_dim %14, dims = [0, 1] : (tensor<2x197xf32>) -> tensor<2x197x1xf32>
    %23 = stablehlo.broadcast_in_dim %21, dims = [0, 1] : (tensor<2x197xf32>) -> tensor<2x197x1xf32>
    %24 = stablehlo.broadcast_in_dim %22, dims = [0, 1, 2] : (tensor<2x197x1xf32>) -> tensor<2x197x192xf32>
    %25 = stablehlo.subtract %10, %24 : tensor<2x197x192xf32>
    %cst_4 = stablehlo.constant dense<9.99999997E-7> : tensor<f32>
    %26 = stablehlo.broadcast_in_dim %cst_4, dims = [] : (tensor<f32>) -> tensor<2x197x1xf32>
    %27 = stablehlo.add %23, %26 : tensor<2x197x1xf32>
    %28 = stablehlo.rsqrt %27 : tensor<2x197x1xf32>
    %29 = stablehlo.reshape %arg3 : (tensor<192xf32>) -> tensor<1x1x192xf32>
    %30 = stablehlo.broadcast_in_dim %28, dims = [0, 1, 2] : (tensor<2x197x1xf32>) -> tensor<2x197x192xf32>
    %31 = stablehlo.broadcast_in_dim %29, dims = [0, 1, 2] : (tensor<1x1x192xf32>) -> tensor<2x197x192xf32>
    %32 = stablehlo.multiply %30, %31 : tensor<2x197x192xf32>
    %33 = stablehlo.multiply %25, %32 : tensor<2x197x192xf32>
    %34 = stablehlo.reshape %arg2 : (tensor<192xf32>) -> tensor<1x1x192xf32>
    %35 = stablehlo.broadcast_in_dim %34, dims = [0, 1, 2] : (tensor<1x1x192xf32>) -> tensor<2x197x192xf32>
    %36 = stablehlo.add %33, %35 : tensor<2x197x192xf32>
    %37 = stablehlo.dot_general %36, %arg15, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x197x192xf32>, tensor<192x3x64xf32>) -> tensor<2x197x3x64xf32>
    %38 = stablehlo.reshape %arg14 : (tensor<3x64xf32>) -> tensor<1x1x3x64xf32>
    %39 = stablehlo.broadcast_in_dim %38, dims = [0, 1, 2, 3] : (tensor<1x1x3x64xf32>) -> tensor<2x197x3x64xf32>
    %40 = stablehlo.add %37, %39 : tensor<2x197x3x64xf32>
    %41 = stablehlo.dot_general %36, %arg11, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x197x192xf32>, tensor<192x3x64xf32>) -> tensor<2x197x3x64xf32>
    %42 = stablehlo.reshape %arg10 : (tensor<3x64xf32>) -> tensor<1x1x3x64xf32>
    %43 = stablehlo.broadcast_in_dim %42, dims = [0, 1, 2, 3] : (tensor<1x1x3x64xf32>) -> tensor<2x197x3x64xf32>
    %44 = stablehlo.add %41, %43 : tensor<2x197x3x64xf32>
    %45 = stablehlo.dot_general %36, %arg17, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x197x192xf32>, tensor<192x3x64xf32>) -> tensor<2x197x3x64xf32>
    %46 = stablehlo.reshape %arg16 : (tensor<3x64xf32>) -> tensor<1x1x3x64xf32>
    %47 = stablehlo.broadcast_in_dim %46, dims = [0, 1, 2, 3] : (tensor<1x1x3x64xf32>) -> tensor<2x197x3x64xf32>
    %48 = stablehlo.add %45, %47 : tensor<2x197x3x64xf32>
    %cst_5 = stablehlo.constant dense<6.400000e+01> : tensor<f32>
    %49 = stablehlo.sqrt %cst_5 : tensor<f32>
    %50 = stablehlo.convert %49 : tensor<f32>
    %51 = stablehlo.broadcast_in_dim %50, dims = [] : (tensor<f32>) -> tensor<2x197x3x64xf32>
    %52 = stablehlo.divide %40, %51 : tensor<2x197x3x64xf32>
    %53 = stablehlo.dot_general %52, %44, batching_dims = [0, 2] x [0, 2], contracting_dims = [3] x [3], precision = [DEFAULT, DEFAULT] : (tensor<2x197x3x64xf32>, tensor<2x197x3x64xf32>) -> tensor<2x3x197x197xf32>
    %cst_6 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %54 = stablehlo.reduce(%53 init: %cst_6) applies stablehlo.maximum across dimensions = [3] : (tensor<2x3x197x197xf32>, tensor<f32>) -> tensor<2x3x197xf32>
    %cst_7 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %55 = stablehlo.broadcast_in_dim %cst_7, dims = [] : (tensor<f32>) -> tensor<2x3x197xf32>
    %56 = stablehlo.maximum %55, %54 : tensor<2x3x197xf32>
    %57 = stablehlo.broadcast_in_dim %56, dims = [0, 1, 2] : (tensor<2x3x197xf32>) -> tensor<2x3x197x1xf32>
    %58 = stablehlo.broadcast_in_dim %57, dims = [0, 1, 2, 3] : (tensor<2x3x197x1xf32>) -> tensor<2x3x197x197xf32>
    %59 = stablehlo.subtract %53, %58 : tensor<2x3x197x197xf32>
    %60 = stablehlo.exponential %59 : tensor<2x3x197x197xf32>
    %cst_8 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %61 = stablehlo.reduce(%60 init: %cst_8) applies stablehlo.add across dimensions = [3] : (tensor<2x3x197x197xf32>, tensor<f32>) -> tensor<2x3x197xf32>
    %62 = stablehlo.broadcast_in_dim %61, dims = [0, 1, 2] : (tensor<2x3x197xf32>) -> tensor<2x3x197x1xf32>
    %63 = stablehlo.broadcast_in_dim %62, dims = [0, 1, 2, 3] : (tensor<2x3x197x1xf32>) -> tensor<2x3x197x197xf32>
    %64 = stablehlo.divide %60, %63 : tensor<2x3x197x197xf32>
    %65 = stablehlo.dot_general %48, %64, batching_dims = [0, 2] x [0, 1], contracting_dims = [1] x [3], precision = [DEFAULT, DEFAULT] : (tensor<2x197x3x64xf32>, tensor<2x3x197x197xf32>) -> tensor<2x3x64x197xf32>
    %66 = stablehlo.transpose %65, dims = [0, 3, 1, 2] : (tensor<2x3x64x197xf32>) -> tensor<2x197x3x64xf32>
    %67 = stablehlo.dot_general %66, %arg13, contracting_dims = [2, 3] x [0, 1], precision = [DEFAULT, DEFAULT] : (tensor<2x197x3x64xf32>, tensor<3x64x192xf32>) -> tensor<2x197x192xf32>
    %68 = stablehlo.reshape %arg12 : (tensor<192xf32>) -> tensor<1x1x192xf32>
    %69 = stablehlo.broadcast_in_dim %68, dims = [0, 1, 2] : (tensor<1x1x192xf32>) -> tensor<2x197x192xf32>
    %70 = stablehlo.add %67, %69 : tensor<2x197x192xf32>
    %71 = stablehlo.add %10, %70 : tensor<2x197x192xf32>
    %72 = chlo.square %71 : tensor<2x197x192xf32> -> tensor<2x197x192xf32>
    %cst_9 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %73 = stablehlo.reduce(%71 init: %cst_9) applies stablehlo.add across dimensions = [2] : (tensor<2x197x192xf32>, tensor<f32>) -> tensor<2x197xf32>
    %cst_10 = stablehlo.constant dense<1.920000e+02> : tensor<f32>
    %74 = stablehlo.broadcast_in_dim %cst_10, dims = [] : (tensor<f32>) -> tensor<2x197xf32>
    %75 = stablehlo.divide %73, %74 : tensor<2x197xf32>
    %cst_11 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %76 = stablehlo.reduce(%72 init: %cst_11) applies stablehlo.add across dimensions = [2] : (tensor<2x197x192xf32>, tensor<f32>) -> tensor<2x197xf32>
    %cst_12 = stablehlo.constant dense<1.920000e+02> : tensor<f32>
    %77 = stablehlo.broadcast_in_dim %cst_12, dims = [] : (tensor<f32>) -> tensor<2x197xf32>
    %78 = stablehlo.divide %76, %77 : tensor<2x197xf32>
    %79 = chlo.square %75 : tensor<2x197xf32> -> tensor<2x197xf32>
    %80 = stablehlo.subtract %78, %79 : tensor<2x197xf32>
    %cst_13 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %81 = stablehlo.broadcast_in_dim %cst_13, dims = [] : (tensor<f32>) -> tensor<2x197xf32>
    %82 = stablehlo.maximum %81, %80 : tensor<2x197xf32>
    %83 = stablehlo.broadcast_in_dim %75, dims = [0, 1] : (tensor<2x197xf32>) -> tensor<2x197x1xf32>
    %84 = stablehlo.broadcast_in_dim %82, dims = [0, 1] : (tensor<2x197xf32>) -> tensor<2x197x1xf32>
    %85 = stablehlo.broadcast_in_dim %83, dims = [0, 1, 2] : (tensor<2x197x1xf32>) -> tensor<2x197x192xf32>
    %86 = stablehlo.subtract %71, %85 : tensor<2x197x192xf32>
    %cst_14 = stablehlo.constant dense<9.99999997E-7> : tensor<f32>
    %87 = stablehlo.broadcast_in_dim %cst_14, dims = [] : (tensor<f32>) -> tensor<2x197x1xf32>
    %88 = stablehlo.add %84, %87 : tensor<2x197x1xf32>
    %89 = stablehlo.rsqrt %88 : tensor<2x197x1xf32>
    %90 = stablehlo.reshape %arg5 : (tensor<192xf32>) -> tensor<1x1x192xf32>
    %91 = stablehlo.broadcast_in_dim %89, dims = [0, 1, 2] : (tensor<2x197x1xf32>) -> tensor<2x197x192xf32>
    %92 = stablehlo.broadcast_in_dim %90, dims = [0, 1, 2] : (tensor<1x1x192xf32>) -> tensor<2x197x192xf32>
    %93 = stablehlo.multiply %91, %92 : tensor<2x197x192xf32>
    %94 = stablehlo.multiply %86, %93 : tensor<2x197x192xf32>
    %95 = stablehlo.reshape %arg4 : (tensor<192xf32>) -> tensor<1x1x192xf32>
    %96 = stablehlo.broadcast_in_dim %95, dims = [0, 1, 2] : (tensor<1x1x192xf32>) -> tensor<2x197x192xf32>
    %97 = stablehlo.add %94, %96 : tensor<2x197x192xf32>
    %98 = stablehlo.dot_general %97, %arg7, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x197x192xf32>, tensor<192x768xf32>) -> tensor<2x197x768xf32>
    %99 = stablehlo.reshape %arg6 : (tensor<768xf32>) -> tensor<1x1x768xf32>
    %100 = stablehlo.broadcast_in_dim %99, dims = [0, 1, 2] : (tensor<1x1x768xf32>) -> tensor<2x197x768xf32>
    %101 = stablehlo.add %98, %100 : tensor<2x197x768xf32>
    %102 = stablehlo.multiply %101, %101 : tensor<2x197x768xf32>
    %103 = stablehlo.multiply %102, %101 : tensor<2x197x768xf32>
    %cst_15 = stablehlo.constant dense<4.471500e-02> : tensor<f32>
    %104 = stablehlo.broadcast_in_dim %cst_15, dims = [] : (tensor<f32>) -> tensor<2x197x768xf32>
    %105 = stablehlo.multiply %104, %103 : tensor<2x197x768xf32>
    %106 = stablehlo.add %101, %105 : tensor<2x197x768xf32>
    %cst_16 = stablehlo.constant dense<0.797884583> : tensor<f32>
    %107 = stablehlo.broadcast_in_dim %cst_16, dims = [] : (tensor<f32>) -> tensor<2x197x768xf32>
    %108 = stablehlo.multiply %107, %106 : tensor<2x197x768xf32>
    %109 = stablehlo.tanh %108 : tensor<2x197x768xf32>
    %cst_17 = stablehlo.constant dense<1.000000e+00> : tensor<f32>
    %110 = stablehlo.broadcast_in_dim %cst_17, dims = [] : (tensor<f32>) -> tensor<2x197x768xf32>
    %111 = stablehlo.add %110, %109 : tensor<2x197x768xf32>
    %cst_18 = stablehlo.constant dense<5.000000e-01> : tensor<f32>
    %112 = stablehlo.broadcast_in_dim %cst_18, dims = [] : (tensor<f32>) -> tensor<2x197x768xf32>
    %113 = stablehlo.multiply %112, %111 : tensor<2x197x768xf32>
    %114 = stablehlo.multiply %101, %113 : tensor<2x197x768xf32>
    %115 = stablehlo.dot_general %114, %arg9, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x197x768xf32>, tensor<768x192xf32>) -> tensor<2x197x192xf32>
    %116 = stablehlo.reshape %arg8 : (tensor<192xf32>) -> tensor<1x1x192xf32>
    %117 = stablehlo.broadcast_in_dim %116, dims = [0, 1, 2] : (tensor<1x1x192xf32>) -> tensor<2x197x192xf32>
    %118 = stablehlo.add %115, %117 : tensor<2x197x192xf32>
    %119 = stablehlo.add %71, %118 : tensor<2x197x192xf32>
    %120 = chlo.square %119 : tensor<2x197x192xf32> -> tensor<2x197x192xf32>
    %cst_19 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %121 = stablehlo.reduce(%119 init: %cst_19) applies stablehlo.add across dimensions = [2] : (tensor<2x197x192xf32>, tensor<f32>) -> tensor<2x197xf32>
    %cst_20 = stablehlo.constant dense<1.920000e+02> : tensor<f32>
    %122 = stablehlo.broadcast_in_dim %cst_20, dims = [] : (tensor<f32>) -> tensor<2x197xf32>
    %123 = stablehlo.divide %121, %122 : tensor<2x197xf32>
    %cst_21 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %124 = stablehlo.reduce(%120 init: %cst_21) applies stablehlo.add across dimensions = [2] : (tensor<2x197x192xf32>, tensor<f32>) -> tensor<2x197xf32>
    %cst_22 = stablehlo.constant dense<1.920000e+02> : tensor<f32>
    %125 = stablehlo.broadcast_in_dim %cst_22, dims = [] : (tensor<f32>) -> tensor<2x197xf32>
    %126 = stablehlo.divide %124, %125 : tensor<2x197xf32>
    %127 = chlo.square %123 : tensor<2x197xf32> -> tensor<2x197xf32>
    %128 = stablehlo.subtract %126, %127 : tensor<2x197xf32>
    %cst_23 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %129 = stablehlo.broadcast_in_dim %cst_23, dims = [] : (tensor<f32>) -> tensor<2x197xf32>
    %130 = stablehlo.maximum %129, %128 : tensor<2x197xf32>
    %131 = stablehlo.broadcast_in_dim %123, dims = [0, 1] : (tensor<2x197xf32>) -> tensor<2x197x1xf32>
    %132 = stablehlo.broadcast_in_dim %130, dims = [0, 1] : (tensor<2x197xf32>) -> tensor<2x197x1xf32>
    %133 = stablehlo.broadcast_in_dim %131, dims = [0, 1, 2] : (tensor<2x197x1xf32>) -> tensor<2x197x192xf32>
    %134 = stablehlo.subtract %119, %133 : tensor<2x197x192xf32>
    %cst_24 = stablehlo.constant dense<9.99999997E-7> : tensor<f32>
    %135 = stablehlo.broadcast_in_dim %cst_24, dims = [] : (tensor<f32>) -> tensor<2x197x1xf32>
    %136 = stablehlo.add %132, %135 : tensor<2x197x1xf32>
    %137 = stablehlo.rsqrt %136 : tensor<2x197x1xf32>
    %138 = stablehlo.reshape %arg19 : (tensor<192xf32>) -> tensor<1x1x192xf32>
    %139 = stablehlo.broadcast_in_dim %137, dims = [0, 1, 2] : (tensor<2x197x1xf32>) -> tensor<2x197x192xf32>
    %140 = stablehlo.broadcast_in_dim %138, dims = [0, 1, 2] : (tensor<1x1x192xf32>) -> tensor<2x197x192xf32>
    %141 = stablehlo.multiply %139, %140 : tensor<2x197x192xf32>
    %142 = stablehlo.multiply %134, %141 : tensor<2x197x192xf32>
    %143 = stablehlo.reshape %arg18 : (tensor<192xf32>) -> tensor<1x1x192xf32>
    %144 = stablehlo.broadcast_in_dim %143, dims = [0, 1, 2] : (tensor<1x1x192xf32>) -> tensor<2x197x192xf32>
    %145 = stablehlo.add %142, %144 : tensor<2x197x192xf32>
    %146 = stablehlo.dot_general %145, %arg31, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x197x192xf32>, tensor<192x3x64xf32>) -> tensor<2x197x3x64xf32>
    %147 = stablehlo.reshape %arg30 : (tensor<3x64xf32>) -> tensor<1x1x3x64xf32>
    %148 = stablehlo.broadcast_in_dim %147, dims = [0, 1, 2, 3] : (tensor<1x1x3x64xf32>) -> tensor<2x197x3x64xf32>
    %149 = stablehlo.add %146, %148 : tensor<2x197x3x64xf32>
    %150 = stablehlo.dot_general %145, %arg27, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x197x192xf32>, tensor<192x3x64xf32>) -> tensor<2x197x3x64xf32>
    %151 = stablehlo.reshape %arg26 : (tensor<3x64xf32>) -> tensor<1x1x3x64xf32>
    %152 = stablehlo.broadcast_in_dim %151, dims = [0, 1, 2, 3] : (tensor<1x1x3x64xf32>) -> tensor<2x197x3x64xf32>
    %153 = stablehlo.add %150, %152 : tensor<2x197x3x64xf32>
    %154 = stablehlo.dot_general %145, %arg33, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x197x192xf32>, tensor<192x3x64xf32>) -> tensor<2x197x3x64xf32>
    %155 = stablehlo.reshape %arg32 : (tensor<3x64xf32>) -> tensor<1x1x3x64xf32>
    %156 = stablehlo.broadcast_in_dim %155, dims = [0, 1, 2, 3] : (tensor<1x1x3x64xf32>) -> tensor<2x197x3x64xf32>
    %157 = stablehlo.add %154, %156 : tensor<2x197x3x64xf32>
    %cst_25 = stablehlo.constant dense<6.400000e+01> : tensor<f32>
    %158 = stablehlo.sqrt %cst_25 : tensor<f32>
    %159 = stablehlo.convert %158 : tensor<f32>
    %160 = stablehlo.broadcast_in_dim %159, dims = [] : (tensor<f32>) -> tensor<2x197x3x64xf32>
    %161 = stablehlo.divide %149, %160 : tensor<2x197x3x64xf32>
    %162 = stablehlo.dot_general %161, %153, batching_dims = [0, 2] x [0, 2], contracting_dims = [3] x [3], precision = [DEFAULT, DEFAULT] : (tensor<2x197x3x64xf32>, tensor<2x197x3x64xf32>) -> tensor<2x3x197x197xf32>
    %cst_26 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %163 = stablehlo.reduce(%162 init: %cst_26) applies stablehlo.maximum across dimensions = [3] : (tensor<2x3x197x197xf32>, tensor<f32>) -> tensor<2x3x197xf32>
    %cst_27 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %164 = stablehlo.broadcast_in_dim %cst_27, dims = [] : (tensor<f32>) -> tensor<2x3x197xf32>
    %165 = stablehlo.maximum %164, %163 : tensor<2x3x197xf32>
    %166 = stablehlo.broadcast_in_dim %165, dims = [0, 1, 2] : (tensor<2x3x197xf32>) -> tensor<2x3x197x1xf32>
    %167 = stablehlo.broadcast_in_dim %166, dims = [0, 1, 2, 3] : (tensor<2x3x197x1xf32>) -> tensor<2x3x197x197xf32>
    %168 = stablehlo.subtract %162, %167 : tensor<2x3x197x197xf32>
    %169 = stablehlo.exponential %168 : tensor<2x3x197x197xf32>
    %cst_28 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %170 = stablehlo.reduce(%169 init: %cst_28) applies stablehlo.add across dimensions = [3] : (tensor<2x3x197x197xf32>, tensor<f32>) -> tensor<2x3x197xf32>
    %171 = stablehlo.broadcast_in_dim %170, dims = [0, 1, 2] : (tensor<2x3x197xf32>) -> tensor<2x3x197x1xf32>
    %172 = stablehlo.broadcast_in_dim %171, dims = [0, 1, 2, 3] : (tensor<2x3x197x1xf32>) -> tensor<2x3x197x197xf32>
    %173 = stablehlo.divide %169, %172 : tensor<2x3x197x197xf32>
    %174 = stablehlo.dot_general %157, %173, batching_dims = [0, 2] x [0, 1], contracting_dims = [1] x [3], precision = [DEFAULT, DEFAULT] : (tensor<2x197x3x64xf32>, tensor<2x3x197x197xf32>) -> tensor<2x3x64x197xf32>
    %175 = stablehlo.transpose %174, dims = [0, 3, 1, 2] : (tensor<2x3x64x197xf32>) -> tensor<2x197x3x64xf32>
    %176 = stablehlo.dot_general %175, %arg29, contracting_dims = [2, 3] x [0, 1], precision = [DEFAULT, DEFAULT] : (tensor<2x197x3x64xf32>, tensor<3x64x192xf32>) -> tensor<2x197x192xf32>
    %177 = stablehlo.reshape %arg28 : (tensor<192xf32>) -> tensor<1x1x192xf32>
    %178 = stablehlo.broadcast_in_dim %177, dims = [0, 1, 2] : (tensor<1x1x192xf32>) -> tensor<2x197x192xf32>
    %179 = stablehlo.add %176, %178 : tensor<2x197x192xf32>
    %180 = stablehlo.add %119, %179 : tensor<2x197x192xf32>
    %181 = chlo.square %180 : tensor<2x197x192xf32> -> tensor<2x197x192xf32>
    %cst_29 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %182 = stablehlo.reduce(%180 init: %cst_29) applies stablehlo.add across dimensions = [2] : (tensor<2x197x192xf32>, tensor<f32>) -> tensor<2x197xf32>
    %cst_30 = stablehlo.constant dense<1.920000e+02> : tensor<f32>
    %183 = stablehlo.broadcast_in_dim %cst_30, dims = [] : (tensor<f32>) -> tensor<2x197xf32>
    %184 = stablehlo.divide %182, %183 : tensor<2x197xf32>
    %cst_31 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %185 = stablehlo.reduce(%181 init: %cst_31) applies stablehlo.add across dimensions = [2] : (tensor<2x197x192xf32>, tensor<f32>) -> tensor<2x197xf32>
    %cst_32 = stablehlo.constant dense<1.920000e+02> : tensor<f32>
    %186 = stablehlo.broadcast_in_dim %cst_32, dims = [] : (tensor<f32>) -> tensor<2x197xf32>
    %187 = stablehlo.divide %185, %186 : tensor<2x197xf32>
    %188 = chlo.square %184 : tensor<2x197xf32> -> tensor<2x197xf32>
    %189 = stablehlo.subtract %187, %188 : tensor<2x197xf32>
    %cst_33 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %190 = stablehlo.broadcast_in_dim %cst_33, dims = [] : (tensor<f32>) -> tensor<2x197xf32>
    %191 = stablehlo.maximum %190, %189 : tensor<2x197xf32>
    %192 = stablehlo.broadcast_in_dim %184, dims = [0, 1] : (tensor<2x197xf32>) -> tensor<2x197x1xf32>
    %193 = stablehlo.broadcast_in_dim %191, dims = [0, 1] : (tensor<2x197xf32>) -> tensor<2x197x1xf32>
    %194 = stablehlo.broadcast_in_dim %192, dims = [0, 1, 2] : (tensor<2x197x1xf32>) -> tensor<2x197x192xf32>
    %195 = stablehlo.subtract %180, %194 : tensor<2x197x192xf32>
    %cst_34 = stablehlo.constant dense<9.99999997E-7> : tensor<f32>
    %196 = stablehlo.broadcast_in_dim %cst_34, dims = [] : (tensor<f32>) -> tensor<2x197x1xf32>
    %197 = stablehlo.add %193, %196 : tensor<2x197x1xf32>
    %198 = stablehlo.rsqrt %197 : tensor<2x197x1xf32>
    %199 = stablehlo.reshape %arg21 : (tensor<192xf32>) -> tensor<1x1x192xf32>
    %200 = stablehlo.broadcast_in_dim %198, dims = [0, 1, 2] : (tensor<2x197x1xf32>) -> tensor<2x197x192xf32>
    %201 = stablehlo.broadcast_in_dim %199, dims = [0, 1, 2] : (tensor<1x1x192xf32>) -> tensor<2x197x192xf32>
    %202 = stablehlo.multiply %200, %201 : tensor<2x197x192xf32>
    %203 = stablehlo.multiply %195, %202 : tensor<2x197x192xf32>
    %204 = stablehlo.reshape %arg20 : (tensor<192xf32>) -> tensor<1x1x192xf32>
    %205 = stablehlo.broadcast_in_dim %204, dims = [0, 1, 2] : (tensor<1x1x192xf32>) -> tensor<2x197x192xf32>
    %206 = stablehlo.add %203, %205 : tensor<2x197x192xf32>
    %207 = stablehlo.dot_general %206, %arg23, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x197x192xf32>, tensor<192x768xf32>) -> tensor<2x197x768xf32>
    %208 = stablehlo.reshape %arg22 : (tensor<768xf32>) -> tensor<1x1x768xf32>
    %209 = stablehlo.broadcast_in_dim %208, dims = [0, 1, 2] : (tensor<1x1x768xf32>) -> tensor<2x197x768xf32>
    %210 = stablehlo.add %207, %209 : tensor<2x197x768xf32>
    %211 = stablehlo.multiply %210, %210 : tensor<2x197x768xf32>
    %212 = stablehlo.multiply %211, %210 : tensor<2x197x768xf32>
    %cst_35 = stablehlo.constant dense<4.471500e-02> : tensor<f32>
    %213 = stablehlo.broadcast_in_dim %cst_35, dims = [] : (tensor<f32>) -> tensor<2x197x768xf32>
    %214 = stablehlo.multiply %213, %212 : tensor<2x197x768xf32>
    %215 = stablehlo.add %210, %214 : tensor<2x197x768xf32>
    %cst_36 = stablehlo.constant dense<0.797884583> : tensor<f32>
    %216 = stablehlo.broadcast_in_dim %cst_36, dims = [] : (tensor<f32>) -> tensor<2x197x768xf32>
    %217 = stablehlo.multiply %216, %215 : tensor<2x197x768xf32>
    %218 = stablehlo.tanh %217 : tensor<2x197x768xf32>
    %cst_37 = stablehlo.constant dense<1.000000e+00> : tensor<f32>
    %219 = stablehlo.broadcast_in_dim %cst_37, dims = [] : (tensor<f32>) -> tensor<2x197x768xf32>
    %220 = stablehlo.add %219, %218 : tensor<2x197x768xf32>
    %cst_38 = stablehlo.constant dense<5.000000e-01> : tensor<f32>
    %221 = stablehlo.broadcast_in_dim %cst_38, dims = [] : (tensor<f32>) -> tensor<2x197x768xf32>
    %222 = stablehlo.multiply %221, %220 : tensor<2x197x768xf32>
    %223 = stablehlo.multiply %210, %222 : tensor<2x197x768xf32>
    %224 = stablehlo.dot_general %223, %arg25, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x197x768xf32>, tensor<768x192xf32>) -> tensor<2x197x192xf32>
    %225 = stablehlo.reshape %arg24 : (tensor<192xf32>) -> tensor<1x1x192xf32>
    %226 = stablehlo.broadcast_in_dim %225, dims = [0, 1, 2] : (tensor<1x1x192xf32>) -> tensor<2x197x192xf32>
    %227 = stablehlo.add %224, %226 : tensor<2x197x192xf32>
    %228 = stablehlo.add %180, %227 : tensor<2x197x192xf32>
    %229 = chlo.square %228 : tensor<2x197x192xf32> -> tensor<2x197x192xf32>
    %cst_39 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %230 = stablehlo.reduce(%228 init: %cst_39) applies stablehlo.add across dimensions = [2] : (tensor<2x197x192xf32>, tensor<f32>) -> tensor<2x197xf32>
    %cst_40 = stablehlo.constant dense<1.920000e+02> : tensor<f32>
    %231 = stablehlo.broadcast_in_dim %cst_40, dims = [] : (tensor<f32>) -> tensor<2x197xf32>
    %232 = stablehlo.divide %230, %231 : tensor<2x197xf32>
    %cst_41 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %233 = stablehlo.reduce(%229 init: %cst_41) applies stablehlo.add across dimensions = [2] : (tensor<2x197x192xf32>, tensor<f32>) -> tensor<2x197xf32>
    %cst_42 = stablehlo.constant dense<1.920000e+02> : tensor<f32>
    %234 = stablehlo.broadcast_in_dim %cst_42, dims = [] : (tensor<f32>) -> tensor<2x197xf32>
    %235 = stablehlo.divide %233, %234 : tensor<2x197xf32>
    %236 = chlo.square %232 : tensor<2x197xf32> -> tensor<2x197xf32>
    %237 = stablehlo.subtract %235, %236 : tensor<2x197xf32>
    %cst_43 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %238 = stablehlo.broadcast_in_dim %cst_43, dims = [] : (tensor<f32>) -> tensor<2x197xf32>
    %239 = stablehlo.maximum %238, %237 : tensor<2x197xf32>
    %240 = stablehlo.broadcast_in_dim %232, dims = [0, 1] : (tensor<2x197xf32>) -> tensor<2x197x1xf32>
    %241 = stablehlo.broadcast_in_dim %239, dims = [0, 1] : (tensor<2x197xf32>) -> tensor<2x197x1xf32>
    %242 = stablehlo.broadcast_in_dim %240, dims = [0, 1, 2] : (tensor<2x197x1xf32>) -> tensor<2x197x192xf32>
    %243 = stablehlo.subtract %228, %242 : tensor<2x197x192xf32>
    %cst_44 = stablehlo.constant dense<9.99999997E-7> : tensor<f32>
    %244 = stablehlo.broadcast_in_dim %cst_44, dims = [] : (tensor<f32>) -> tensor<2x197x1xf32>
    %245 = stablehlo.add %241, %244 : tensor<2x197x1xf32>
    %246 = stablehlo.rsqrt %245 : tensor<2x197x1xf32>
    %247 = stablehlo.reshape %arg67 : (tensor<192xf32>) -> tensor<1x1x192xf32>
    %248 = stablehlo.broadcast_in_dim %246, dims = [0, 1, 2] : (tensor<2x197x1xf32>) -> tensor<2x197x192xf32>
    %249 = stablehlo.broadcast_in_dim %247, dims = [0, 1, 2] : (tensor<1x1x192xf32>) -> tensor<2x197x192xf32>
    %250 = stablehlo.multiply %248, %249 : tensor<2x197x192xf32>
    %251 = stablehlo.multiply %243, %250 : tensor<2x197x192xf32>
    %252 = stablehlo.reshape %arg66 : (tensor<192xf32>) -> tensor<1x1x192xf32>
    %253 = stablehlo.broadcast_in_dim %252, dims = [0, 1, 2] : (tensor<1x1x192xf32>) -> tensor<2x197x192xf32>
    %254 = stablehlo.add %251, %253 : tensor<2x197x192xf32>
    %255 = stablehlo.dot_general %254, %arg79, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x197x192xf32>, tensor<192x3x64xf32>) -> tensor<2x197x3x64xf32>
    %256 = stablehlo.reshape %arg78 : (tensor<3x64xf32>) -> tensor<1x1x3x64xf32>
    %257 = stablehlo.broadcast_in_dim %256, dims = [0, 1, 2, 3] : (tensor<1x1x3x64xf32>) -> tensor<2x197x3x64xf32>
    %258 = stablehlo.add %255, %257 : tensor<2x197x3x64xf32>
    %259 = stablehlo.dot_general %254, %arg75, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x197x192xf32>, tensor<192x3x64xf32>) -> tensor<2x197x3x64xf32>
    %260 = stablehlo.reshape %arg74 : (tensor<3x64xf32>) -> tensor<1x1x3x64xf32>
    %261 = stablehlo.broadcast_in_dim %260, dims = [0, 1, 2, 3] : (tensor<1x1x3x64xf32>) -> tensor<2x197x3x64xf32>
    %262 = stablehlo.add %259, %261 : tensor<2x197x3x64xf32>
    %263 = stablehlo.dot_general %254, %arg81, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x197x192xf32>, tensor<192x3x64xf32>) -> tensor<2x197x3x64xf32>
    %264 = stablehlo.reshape %arg80 : (tensor<3x64xf32>) -> tensor<1x1x3x64xf32>
    %265 = stablehlo.broadcast_in_dim %264, dims = [0, 1, 2, 3] : (tensor<1x1x3x64xf32>) -> tensor<2x197x3x64xf32>
    %266 = stablehlo.add %263, %265 : tensor<2x197x3x64xf32>
    %cst_45 = stablehlo.constant dense<6.400000e+01> : tensor<f32>
    %267 = stablehlo.sqrt %cst_45 : tensor<f32>
    %268 = stablehlo.convert %267 : tensor<f32>
    %269 = stablehlo.broadcast_in_dim %268, dims = [] : (tensor<f32>) -> tensor<2x197x3x64xf32>
    %270 = stablehlo.divide %258, %269 : tensor<2x197x3x64xf32>
    %271 = stablehlo.dot_general %270, %262, batching_dims = [0, 2] x [0, 2], contracting_dims = [3] x [3], precision = [DEFAULT, DEFAULT] : (tensor<2x197x3x64xf32>, tensor<2x197x3x64xf32>) -> tensor<2x3x197x197xf32>
    %cst_46 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %272 = stablehlo.reduce(%271 init: %cst_46) applies stablehlo.maximum across dimensions = [3] : (tensor<2x3x197x197xf32>, tensor<f32>) -> tensor<2x3x197xf32>
    %cst_47 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %273 = stablehlo.broadcast_in_dim %cst_47, dims = [] : (tensor<f32>) -> tensor<2x3x197xf32>
    %274 = stablehlo.maximum %273, %272 : tensor<2x3x197xf32>
    %275 = stablehlo.broadcast_in_dim %274, dims = [0, 1, 2] : (tensor<2x3x197xf32>) -> tensor<2x3x197x1xf32>
    %276 = stablehlo.broadcast_in_dim %275, dims = [0, 1, 2, 3] : (tensor<2x3x197x1xf32>) -> tensor<2x3x197x197xf32>
    %277 = stablehlo.subtract %271, %276 : tensor<2x3x197x197xf32>
    %278 = stablehlo.exponential %277 : tensor<2x3x197x197xf32>
    %cst_48 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %279 = stablehlo.reduce(%278 init: %cst_48) applies stablehlo.add across dimensions = [3] : (tensor<2x3x197x197xf32>, tensor<f32>) -> tensor<2x3x197xf32>
    %280 = stablehlo.broadcast_in_dim %279, dims = [0, 1, 2] : (tensor<2x3x197xf32>) -> tensor<2x3x197x1xf32>
    %281 = stablehlo.broadcast_in_dim %280, dims = [0, 1, 2, 3] : (tensor<2x3x197x1xf32>) -> tensor<2x3x197x197xf32>
    %282 = stablehlo.divide %278, %281 : tensor<2x3x197x197xf32>
    %283 = stablehlo.dot_general %266, %282, batching_dims = [0, 2] x [0, 1], contracting_dims = [1] x [3], precision = [DEFAULT, DEFAULT] : (tensor<2x197x3x64xf32>, tensor<2x3x197x197xf32>) -> tensor<2x3x64x197xf32>
    %284 = stablehlo.transpose %283, dims = [0, 3, 1, 2] : (tensor<2x3x64x197xf32>) -> tensor<2x197x3x64xf32>
    %285 = stablehlo.dot_general %284, %arg77, contracting_dims = [2, 3] x [0, 1], precision = [DEFAULT, DEFAULT] : (tensor<2x197x3x64xf32>, tensor<3x64x192xf32>) -> tensor<2x197x192xf32>
    %286 = stablehlo.reshape %arg76 : (tensor<192xf32>) -> tensor<1x1x192xf32>
    %287 = stablehlo.broadcast_in_dim %286, dims = [0, 1, 2] : (tensor<1x1x192xf32>) -> tensor<2x197x192xf32>
    %288 = stablehlo.add %285, %287 : tensor<2x197x192xf32>
    %289 = stablehlo.add %228, %288 : tensor<2x197x192xf32>
    %290 = chlo.square %289 : tensor<2x197x192xf32> -> tensor<2x197x192xf32>
    %cst_49 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %291 = stablehlo.reduce(%289 init: %cst_49) applies stablehlo.add across dimensions = [2] : (tensor<2x197x192xf32>, tensor<f32>) -> tensor<2x197xf32>
    %cst_50 = stablehlo.constant dense<1.920000e+02> : tensor<f32>
    %292 = stablehlo.broadcast_in_dim %cst_50, dims = [] : (tensor<f32>) -> tensor<2x197xf32>
    %293 = stablehlo.divide %291, %292 : tensor<2x197xf32>
    %cst_51 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %294 = stablehlo.reduce(%290 init: %cst_51) applies stablehlo.add across dimensions = [2] : (tensor<2x197x192xf32>, tensor<f32>) -> tensor<2x197xf32>
    %cst_52 = stablehlo.constant dense<1.920000e+02> : tensor<f32>
    %295 = stablehlo.broadcast_in_dim %cst_52, dims = [] : (tensor<f32>) -> tensor<2x197xf32>
    %296 = stablehlo.divide %294, %295 : tensor<2x197xf32>
    %297 = chlo.square %293 : tensor<2x197xf32> -> tensor<2x197xf32>
    %298 = stablehlo.subtract %296, %297 : tensor<2x197xf32>
    %cst_53 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %299 = stablehlo.broadcast_in_dim %cst_53, dims = [] : (tensor<f32>) -> tensor<2x197xf32>
    %300 = stablehlo.maximum %299, %298 : tensor<2x197xf32>
    %301 = stablehlo.broadcast_in_dim %293, dims = [0, 1] : (tensor<2x197xf32>) -> tensor<2x197x1xf32>
    %302 = stablehlo.broadcast_in_dim %300, dims = [0, 1] : (tensor<2x197xf32>) -> tensor<2x197x1xf32>
    %303 = stablehlo.broadcast_in_dim %301, dims = [0, 1, 2] : (tensor<2x197x1xf32>) -> tensor<2x197x192xf32>
    %304 = stablehlo.subtract %289, %303 : tensor<2x197x192xf32>
    %cst_54 = stablehlo.constant dense<9.99999997E-7> : tensor<f32>
    %305 = stablehlo.broadcast_in_dim %cst_54, dims = [] : (tensor<f32>) -> tensor<2x197x1xf32>
    %306 = stablehlo.add %302, %305 : tensor<2x197x1xf32>
    %307 = stablehlo.rsqrt %306 : tensor<2x197x1xf32>
    %308 = stablehlo.reshape %arg69 : (tensor<192xf32>) -> tensor<1x1x192xf32>
    %309 = stablehlo.broadcast_in_dim %307, dims = [0, 1, 2] : (tensor<2x197x1xf32>) -> tensor<2x197x192xf32>
    %310 = stablehlo.broadcast_in_dim %308, dims = [0, 1, 2] : (tensor<1x1x192xf32>) -> tensor<2x197x192xf32>
    %311 = stablehlo.multiply %309, %310 : tensor<2x197x192xf32>
    %312 = stablehlo.multiply %304, %311 : tensor<2x197x192xf32>
    %313 = stablehlo.reshape %arg68 : (tensor<192xf32>) -> tensor<1x1x192xf32>
    %314 = stablehlo.broadcast_in_dim %313, dims = [0, 1, 2] : (tensor<1x1x192xf32>) -> tensor<2x197x192xf32>
    %315 = stablehlo.add %312, %314 : tensor<2x197x192xf32>
    %316 = stablehlo.dot_general %315, %arg71, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x197x192xf32>, tensor<192x768xf32>) -> tensor<2x197x768xf32>
    %317 = stablehlo.reshape %arg70 : (tensor<768xf32>) -> tensor<1x1x768xf32>
    %318 = stablehlo.broadcast_in_dim %317, dims = [0, 1, 2] : (tensor<1x1x768xf32>) -> tensor<2x197x768xf32>
    %319 = stablehlo.add %316, %318 : tensor<2x197x768xf32>
    %320 = stablehlo.multiply %319, %319 : tensor<2x197x768xf32>
    %321 = stablehlo.multiply %320, %319 : tensor<2x197x768xf32>
    %cst_55 = stablehlo.constant dense<4.471500e-02> : tensor<f32>
    %322 = stablehlo.broadcast_in_dim %cst_55, dims = [] : (tensor<f32>) -> tensor<2x197x768xf32>
    %323 = stablehlo.multiply %322, %321 : tensor<2x197x768xf32>
    %324 = stablehlo.add %319, %323 : tensor<2x197x768xf32>
    %cst_56 = stablehlo.constant dense<0.797884583> : tensor<f32>
    %325 = stablehlo.broadcast_in_dim %cst_56, dims = [] : (tensor<f32>) -> tensor<2x197x768xf32>
    %326 = stablehlo.multiply %325, %324 : tensor<2x197x768xf32>
    %327 = stablehlo.tanh %326 : tensor<2x197x768xf32>
    %cst_57 = stablehlo.constant dense<1.000000e+00> : tensor<f32>
    %328 = stablehlo.broadcast_in_dim %cst_57, dims = [] : (tensor<f32>) -> tensor<2x197x768xf32>
    %329 = stablehlo.add %328, %327 : tensor<2x197x768xf32>
    %cst_58 = stablehlo.constant dense<5.000000e-01> : tensor<f32>
    %330 = stablehlo.broadcast_in_dim %cst_58, dims = [] : (tensor<f32>) -> tensor<2x197x768xf32>
    %331 = stablehlo.multiply %330, %329 : tensor<2x197x768xf32>
    %332 = stablehlo.multiply %319, %331 : tensor<2x197x768xf32>
    %333 = stablehlo.dot_general %332, %arg73, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x197x768xf32>, tensor<768x192xf32>) -> tensor<2x197x192xf32>
    %334 = stablehlo.reshape %arg72 : (tensor<192xf32>) -> tensor<1x1x192xf32>
    %335 = stablehlo.broadcast_in_dim %334, dims = [0, 1, 2] : (tensor<1x1x192xf32>) -> tensor<2x197x192xf32>
    %336 = stablehlo.add %333, %335 : tensor<2x197x192xf32>
    %337 = stablehlo.add %289, %336 : tensor<2x197x192xf32>
    %338 = chlo.square %337 : tensor<2x197x192xf32> -> tensor<2x197x192xf32>
    %cst_59 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %339 = stablehlo.reduce(%337 init: %cst_59) applies stablehlo.add across dimensions = [2] : (tensor<2x197x192xf32>, tensor<f32>) -> tensor<2x197xf32>
    %cst_60 = stablehlo.constant dense<1.920000e+02> : tensor<f32>
    %340 = stablehlo.broadcast_in_dim %cst_60, dims = [] : (tensor<f32>) -> tensor<2x197xf32>
    %341 = stablehlo.divide %339, %340 : tensor<2x197xf32>
    %cst_61 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %342 = stablehlo.reduce(%338 init: %cst_61) applies stablehlo.add across dimensions = [2] : (tensor<2x197x192xf32>, tensor<f32>) -> tensor<2x197xf32>
    %cst_62 = stablehlo.constant dense<1.920000e+02> : tensor<f32>
    %343 = stablehlo.broadcast_in_dim %cst_62, dims = [] : (tensor<f32>) -> tensor<2x197xf32>
    %344 = stablehlo.divide %342, %343 : tensor<2x197xf32>
    %345 = chlo.square %341 : tensor<2x197xf32> -> tensor<2x197xf32>
    %346 = stablehlo.subtract %344, %345 : tensor<2x197xf32>
    %cst_63 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %347 = stablehlo.broadcast_in_dim %cst_63, dims = [] : (tensor<f32>) -> tensor<2x197xf32>
    %348 = stablehlo.maximum %347, %346 : tensor<2x197xf32>
    %349 = stablehlo.broadcast_in_dim %341, dims = [0, 1] : (tensor<2x197xf32>) -> tensor<2x197x1xf32>
    %350 = stablehlo.broadcast_in_dim %348, dims = [0, 1] : (tensor<2x197xf32>) -> tensor<2x197x1xf32>
    %351 = stablehlo.broadcast_in_dim %349, dims = [0, 1, 2] : (tensor<2x197x1xf32>) -> tensor<2x197x192xf32>
    %352 = stablehlo.subtract %337, %351 : tensor<2x197x192xf32>
    %cst_64 = stablehlo.constant dense<9.99999997E-7> : tensor<f32>
    %353 = stablehlo.broadcast_in_dim %cst_64, dims = [] : (tensor<f32>) -> tensor<2x197x1xf32>
    %354 = stablehlo.add %350, %353 : tensor<2x197x1xf32>
    %355 = stablehlo.rsqrt %354 : tensor<2x197x1xf32>
    %356 = stablehlo.reshape %arg83 : (tensor<192xf32>) -> tensor<1x1x192xf32>
    %357 = stablehlo.broadcast_in_dim %355, dims = [0, 1, 2] : (tensor<2x197x1xf32>) -> tensor<2x197x192xf32>
    %358 = stablehlo.broadcast_in_dim %356, dims = [0, 1, 2] : (tensor<1x1x192xf32>) -> tensor<2x197x192xf32>
    %359 = stablehlo.multiply %357, %358 : tensor<2x197x192xf32>
    %360 = stablehlo.multiply %352, %359 : tensor<2x197x192xf32>
    %361 = stablehlo.reshape %arg82 : (tensor<192xf32>) -> tensor<1x1x192xf32>
    %362 = stablehlo.broadcast_in_dim %361, dims = [0, 1, 2] : (tensor<1x1x192xf32>) -> tensor<2x197x192xf32>
    %363 = stablehlo.add %360, %362 : tensor<2x197x192xf32>
    %364 = stablehlo.dot_general %363, %arg95, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x197x192xf32>, tensor<192x3x64xf32>) -> tensor<2x197x3x64xf32>
    %365 = stablehlo.reshape %arg94 : (tensor<3x64xf32>) -> tensor<1x1x3x64xf32>
    %366 = stablehlo.broadcast_in_dim %365, dims = [0, 1, 2, 3] : (tensor<1x1x3x64xf32>) -> tensor<2x197x3x64xf32>
    %367 = stablehlo.add %364, %366 : tensor<2x197x3x64xf32>
    %368 = stablehlo.dot_general %363, %arg91, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x197x192xf32>, tensor<192x3x64xf32>) -> tensor<2x197x3x64xf32>
    %369 = stablehlo.reshape %arg90 : (tensor<3x64xf32>) -> tensor<1x1x3x64xf32>
    %370 = stablehlo.broadcast_in_dim %369, dims = [0, 1, 2, 3] : (tensor<1x1x3x64xf32>) -> tensor<2x197x3x64xf32>
    %371 = stablehlo.add %368, %370 : tensor<2x197x3x64xf32>
    %372 = stablehlo.dot_general %363, %arg97, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x197x192xf32>, tensor<192x3x64xf32>) -> tensor<2x197x3x64xf32>
    %373 = stablehlo.reshape %arg96 : (tensor<3x64xf32>) -> tensor<1x1x3x64xf32>
    %374 = stablehlo.broadcast_in_dim %373, dims = [0, 1, 2, 3] : (tensor<1x1x3x64xf32>) -> tensor<2x197x3x64xf32>
    %375 = stablehlo.add %372, %374 : tensor<2x197x3x64xf32>
    %cst_65 = stablehlo.constant dense<6.400000e+01> : tensor<f32>
    %376 = stablehlo.sqrt %cst_65 : tensor<f32>
    %377 = stablehlo.convert %376 : tensor<f32>
    %378 = stablehlo.broadcast_in_dim %377, dims = [] : (tensor<f32>) -> tensor<2x197x3x64xf32>
    %379 = stablehlo.divide %367, %378 : tensor<2x197x3x64xf32>
    %380 = stablehlo.dot_general %379, %371, batching_dims = [0, 2] x [0, 2], contracting_dims = [3] x [3], precision = [DEFAULT, DEFAULT] : (tensor<2x197x3x64xf32>, tensor<2x197x3x64xf32>) -> tensor<2x3x197x197xf32>
    %cst_66 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %381 = stablehlo.reduce(%380 init: %cst_66) applies stablehlo.maximum across dimensions = [3] : (tensor<2x3x197x197xf32>, tensor<f32>) -> tensor<2x3x197xf32>
    %cst_67 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %382 = stablehlo.broadcast_in_dim %cst_67, dims = [] : (tensor<f32>) -> tensor<2x3x197xf32>
    %383 = stablehlo.maximum %382, %381 : tensor<2x3x197xf32>
    %384 = stablehlo.broadcast_in_dim %383, dims = [0, 1, 2] : (tensor<2x3x197xf32>) -> tensor<2x3x197x1xf32>
    %385 = stablehlo.broadcast_in_dim %384, dims = [0, 1, 2, 3] : (tensor<2x3x197x1xf32>) -> tensor<2x3x197x197xf32>
    %386 = stablehlo.subtract %380, %385 : tensor<2x3x197x197xf32>
    %387 = stablehlo.exponential %386 : tensor<2x3x197x197xf32>
    %cst_68 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %388 = stablehlo.reduce(%387 init: %cst_68) applies stablehlo.add across dimensions = [3] : (tensor<2x3x197x197xf32>, tensor<f32>) -> tensor<2x3x197xf32>
    %389 = stablehlo.broadcast_in_dim %388, dims = [0, 1, 2] : (tensor<2x3x197xf32>) -> tensor<2x3x197x1xf32>
    %390 = stablehlo.broadcast_in_dim %389, dims = [0, 1, 2, 3] : (tensor<2x3x197x1xf32>) -> tensor<2x3x197x197xf32>
    %391 = stablehlo.divide %387, %390 : tensor<2x3x197x197xf32>
    %392 = stablehlo.dot_general %375, %391, batching_dims = [0, 2] x [0, 1], contracting_dims = [1] x [3], precision = [DEFAULT, DEFAULT] : (tensor<2x197x3x64xf32>, tensor<2x3x197x197xf32>) -> tensor<2x3x64x197xf32>
    %393 = stablehlo.transpose %392, dims = [0, 3, 1, 2] : (tensor<2x3x64x197xf32>) -> tensor<2x197x3x64xf32>
    %394 = stablehlo.dot_general %393, %arg93, contracting_dims = [2, 3] x [0, 1], precision = [DEFAULT, DEFAULT] : (tensor<2x197x3x64xf32>, tensor<3x64x192xf32>) -> tensor<2x197x192xf32>
    %395 = stablehlo.reshape %arg92 : (tensor<192xf32>) -> tensor<1x1x192xf32>
    %396 = stablehlo.broadcast_in_dim %395, dims = [0, 1, 2] : (tensor<1x1x192xf32>) -> tensor<2x197x192xf32>
    %397 = stablehlo.add %394, %396 : tensor<2x197x192xf32>
    %398 = stablehlo.add %337, %397 : tensor<2x197x192xf32>
    %399 = chlo.square %398 : tensor<2x197x192xf32> -> tensor<2x197x192xf32>
    %cst_69 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %400 = stablehlo.reduce(%398 init: %cst_69) applies stablehlo.add across dimensions = [2] : (tensor<2x197x192xf32>, tensor<f32>) -> tensor<2x197xf32>
    %cst_70 = stablehlo.constant dense<1.920000e+02> : tensor<f32>
    %401 = stablehlo.broadcast_in_dim %cst_70, dims = [] : (tensor<f32>) -> tensor<2x197xf32>
    %402 = stablehlo.divide %400, %401 : tensor<2x197xf32>
    %cst_71 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %403 = stablehlo.reduce(%399 init: %cst_71) applies stablehlo.add across dimensions = [2] : (tensor<2x197x192xf32>, tensor<f32>) -> tensor<2x197xf32>
    %cst_72 = stablehlo.constant dense<1.920000e+02> : tensor<f32>
    %404 = stablehlo.broadcast_in_dim %cst_72, dims = [] : (tensor<f32>) -> tensor<2x197xf32>
    %405 = stablehlo.divide %403, %404 : tensor<2x197xf32>
    %406 = chlo.square %402 : tensor<2x197xf32> -> tensor<2x197xf32>
    %407 = stablehlo.subtract %405, %406 : tensor<2x197xf32>
    %cst_73 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %408 = stablehlo.broadcast_in_dim %cst_73, dims = [] : (tensor<f32>) -> tensor<2x197xf32>
    %409 = stablehlo.maximum %408, %407 : tensor<2x197xf32>
    %410 = stablehlo.broadcast_in_dim %402, dims = [0, 1] : (tensor<2x197xf32>) -> tensor<2x197x1xf32>
    %411 = stablehlo.broadcast_in_dim %409, dims = [0, 1] : (tensor<2x197xf32>) -> tensor<2x197x1xf32>
    %412 = stablehlo.broadcast_in_dim %410, dims = [0, 1, 2] : (tensor<2x197x1xf32>) -> tensor<2x197x192xf32>
    %413 = stablehlo.subtract %398, %412 : tensor<2x197x192xf32>
    %cst_74 = stablehlo.constant dense<9.99999997E-7> : tensor<f32>
    %414 = stablehlo.broadcast_in_dim %cst_74, dims = [] : (tensor<f32>) -> tensor<2x197x1xf32>
    %415 = stablehlo.add %411, %414 : tensor<2x197x1xf32>
    %416 = stablehlo.rsqrt %415 : tensor<2x197x1xf32>
    %417 = stablehlo.reshape %arg85 : (tensor<192xf32>) -> tensor<1x1x192xf32>
    %418 = stablehlo.broadcast_in_dim %416, dims = [0, 1, 2] : (tensor<2x197x1xf32>) -> tensor<2x197x192xf32>
    %419 = stablehlo.broadcast_in_dim %417, dims = [0, 1, 2] : (tensor<1x1x192xf32>) -> tensor<2x197x192xf32>
    %420 = stablehlo.multiply %418, %419 : tensor<2x197x192xf32>
    %421 = stablehlo.multiply %413, %420 : tensor<2x197x192xf32>
    %422 = stablehlo.reshape %arg84 : (tensor<192xf32>) -> tensor<1x1x192xf32>
    %423 = stablehlo.broadcast_in_dim %422, dims = [0, 1, 2] : (tensor<1x1x192xf32>) -> tensor<2x197x192xf32>
    %424 = stablehlo.add %421, %423 : tensor<2x197x192xf32>
    %425 = stablehlo.dot_general %424, %arg87, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x197x192xf32>, tensor<192x768xf32>) -> tensor<2x197x768xf32>
    %426 = stablehlo.reshape %arg86 : (tensor<768xf32>) -> tensor<1x1x768xf32>
    %427 = stablehlo.broadcast_in_dim %426, dims = [0, 1, 2] : (tensor<1x1x768xf32>) -> tensor<2x197x768xf32>
    %428 = stablehlo.add %425, %427 : tensor<2x197x768xf32>
    %429 = stablehlo.multiply %428, %428 : tensor<2x197x768xf32>
    %430 = stablehlo.multiply %429, %428 : tensor<2x197x768xf32>
    %cst_75 = stablehlo.constant dense<4.471500e-02> : tensor<f32>
    %431 = stablehlo.broadcast_in_dim %cst_75, dims = [] : (tensor<f32>) -> tensor<2x197x768xf32>
    %432 = stablehlo.multiply %431, %430 : tensor<2x197x768xf32>
    %433 = stablehlo.add %428, %432 : tensor<2x197x768xf32>
    %cst_76 = stablehlo.constant dense<0.797884583> : tensor<f32>
    %434 = stablehlo.broadcast_in_dim %cst_76, dims = [] : (tensor<f32>) -> tensor<2x197x768xf32>
    %435 = stablehlo.multiply %434, %433 : tensor<2x197x768xf32>
    %436 = stablehlo.tanh %435 : tensor<2x197x768xf32>
    %cst_77 = stablehlo.constant dense<1.000000e+00> : tensor<f32>
    %437 = stablehlo.broadcast_in_dim %cst_77, dims = [] : (tensor<f32>) -> tensor<2x197x768xf32>
    %438 = stablehlo.add %437, %436 : tensor<2x197x768xf32>
    %cst_78 = stablehlo.constant dense<5.000000e-01> : tensor<f32>
    %439 = stablehlo.broadcast_in_dim %cst_78, dims = [] : (tensor<f32>) -> tensor<2x197x768xf32>
    %440 = stablehlo.multiply %439, %438 : tensor<2x197x768xf32>
    %441 = stablehlo.multiply %428, %440 : tensor<2x197x768xf32>
    %442 = stablehlo.dot_general %441, %arg89, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x197x768xf32>, tensor<768x192xf32>) -> tensor<2x197x192xf32>
    %443 = stablehlo.reshape %arg88 : (tensor<192xf32>) -> tensor<1x1x192xf32>
    %444 = stablehlo.broadcast_in_dim %443, dims = [0, 1, 2] : (tensor<1x1x192xf32>) -> tensor<2x197x192xf32>
    %445 = stablehlo.add %442, %444 : tensor<2x197x192xf32>
    %446 = stablehlo.add %398, %445 : tensor<2x197x192xf32>
    %447 = chlo.square %446 : tensor<2x197x192xf32> -> tensor<2x197x192xf32>
    %cst_79 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %448 = stablehlo.reduce(%446 init: %cst_79) applies stablehlo.add across dimensions = [2] : (tensor<2x197x192xf32>, tensor<f32>) -> tensor<2x197xf32>
    %cst_80 = stablehlo.constant dense<1.920000e+02> : tensor<f32>
    %449 = stablehlo.broadcast_in_dim %cst_80, dims = [] : (tensor<f32>) -> tensor<2x197xf32>
    %450 = stablehlo.divide %448, %449 : tensor<2x197xf32>
    %cst_81 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %451 = stablehlo.reduce(%447 init: %cst_81) applies stablehlo.add across dimensions = [2] : (tensor<2x197x192xf32>, tensor<f32>) -> tensor<2x197xf32>
    %cst_82 = stablehlo.constant dense<1.920000e+02> : tensor<f32>
    %452 = stablehlo.broadcast_in_dim %cst_82, dims = [] : (tensor<f32>) -> tensor<2x197xf32>
    %453 = stablehlo.divide %451, %452 : tensor<2x197xf32>
    %454 = chlo.square %450 : tensor<2x197xf32> -> tensor<2x197xf32>
    %455 = stablehlo.subtract %453, %454 : tensor<2x197xf32>
    %cst_83 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %456 = stablehlo.broadcast_in_dim %cst_83, dims = [] : (tensor<f32>) -> tensor<2x197xf32>
    %457 = stablehlo.maximum %456, %455 : tensor<2x197xf32>
    %458 = stablehlo.broadcast_in_dim %450, dims = [0, 1] : (tensor<2x197xf32>) -> tensor<2x197x1xf32>
    %459 = stablehlo.broadcast_in_dim %457, dims = [0, 1] : (tensor<2x197xf32>) -> tensor<2x197x1xf32>
    %460 = stablehlo.broadcast_in_dim %458, dims = [0, 1, 2] : (tensor<2x197x1xf32>) -> tensor<2x197x192xf32>
    %461 = stablehlo.subtract %446, %460 : tensor<2x197x192xf32>
    %cst_84 = stablehlo.constant dense<9.99999997E-7> : tensor<f32>
    %462 = stablehlo.broadcast_in_dim %cst_84, dims = [] : (tensor<f32>) -> tensor<2x197x1xf32>
    %463 = stablehlo.add %459, %462 : tensor<2x197x1xf32>
    %464 = stablehlo.rsqrt %463 : tensor<2x197x1xf32>
    %465 = stablehlo.reshape %arg99 : (tensor<192xf32>) -> tensor<1x1x192xf32>
    %466 = stablehlo.broadcast_in_dim %464, dims = [0, 1, 2] : (tensor<2x197x1xf32>) -> tensor<2x197x192xf32>
    %467 = stablehlo.broadcast_in_dim %465, dims = [0, 1, 2] : (tensor<1x1x192xf32>) -> tensor<2x197x192xf32>
    %468 = stablehlo.multiply %466, %467 : tensor<2x197x192xf32>
    %469 = stablehlo.multiply %461, %468 : tensor<2x197x192xf32>
    %470 = stablehlo.reshape %arg98 : (tensor<192xf32>) -> tensor<1x1x192xf32>
    %471 = stablehlo.broadcast_in_dim %470, dims = [0, 1, 2] : (tensor<1x1x192xf32>) -> tensor<2x197x192xf32>
    %472 = stablehlo.add %469, %471 : tensor<2x197x192xf32>
    %473 = stablehlo.dot_general %472, %arg111, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x197x192xf32>, tensor<192x3x64xf32>) -> tensor<2x197x3x64xf32>
    %474 = stablehlo.reshape %arg110 : (tensor<3x64xf32>) -> tensor<1x1x3x64xf32>
    %475 = stablehlo.broadcast_in_dim %474, dims = [0, 1, 2, 3] : (tensor<1x1x3x64xf32>) -> tensor<2x197x3x64xf32>
    %476 = stablehlo.add %473, %475 : tensor<2x197x3x64xf32>
    %477 = stablehlo.dot_general %472, %arg107, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x197x192xf32>, tensor<192x3x64xf32>) -> tensor<2x197x3x64xf32>
    %478 = stablehlo.reshape %arg106 : (tensor<3x64xf32>) -> tensor<1x1x3x64xf32>
    %479 = stablehlo.broadcast_in_dim %478, dims = [0, 1, 2, 3] : (tensor<1x1x3x64xf32>) -> tensor<2x197x3x64xf32>
    %480 = stablehlo.add %477, %479 : tensor<2x197x3x64xf32>
    %481 = stablehlo.dot_general %472, %arg113, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x197x192xf32>, tensor<192x3x64xf32>) -> tensor<2x197x3x64xf32>
    %482 = stablehlo.reshape %arg112 : (tensor<3x64xf32>) -> tensor<1x1x3x64xf32>
    %483 = stablehlo.broadcast_in_dim %482, dims = [0, 1, 2, 3] : (tensor<1x1x3x64xf32>) -> tensor<2x197x3x64xf32>
    %484 = stablehlo.add %481, %483 : tensor<2x197x3x64xf32>
    %cst_85 = stablehlo.constant dense<6.400000e+01> : tensor<f32>
    %485 = stablehlo.sqrt %cst_85 : tensor<f32>
    %486 = stablehlo.convert %485 : tensor<f32>
    %487 = stablehlo.broadcast_in_dim %486, dims = [] : (tensor<f32>) -> tensor<2x197x3x64xf32>
    %488 = stablehlo.divide %476, %487 : tensor<2x197x3x64xf32>
    %489 = stablehlo.dot_general %488, %480, batching_dims = [0, 2] x [0, 2], contracting_dims = [3] x [3], precision = [DEFAULT, DEFAULT] : (tensor<2x197x3x64xf32>, tensor<2x197x3x64xf32>) -> tensor<2x3x197x197xf32>
    %cst_86 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %490 = stablehlo.reduce(%489 init: %cst_86) applies stablehlo.maximum across dimensions = [3] : (tensor<2x3x197x197xf32>, tensor<f32>) -> tensor<2x3x197xf32>
    %cst_87 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %491 = stablehlo.broadcast_in_dim %cst_87, dims = [] : (tensor<f32>) -> tensor<2x3x197xf32>
    %492 = stablehlo.maximum %491, %490 : tensor<2x3x197xf32>
    %493 = stablehlo.broadcast_in_dim %492, dims = [0, 1, 2] : (tensor<2x3x197xf32>) -> tensor<2x3x197x1xf32>
    %494 = stablehlo.broadcast_in_dim %493, dims = [0, 1, 2, 3] : (tensor<2x3x197x1xf32>) -> tensor<2x3x197x197xf32>
    %495 = stablehlo.subtract %489, %494 : tensor<2x3x197x197xf32>
    %496 = stablehlo.exponential %495 : tensor<2x3x197x197xf32>
    %cst_88 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %497 = stablehlo.reduce(%496 init: %cst_88) applies stablehlo.add across dimensions = [3] : (tensor<2x3x197x197xf32>, tensor<f32>) -> tensor<2x3x197xf32>
    %498 = stablehlo.broadcast_in_dim %497, dims = [0, 1, 2] : (tensor<2x3x197xf32>) -> tensor<2x3x197x1xf32>
    %499 = stablehlo.broadcast_in_dim %498, dims = [0, 1, 2, 3] : (tensor<2x3x197x1xf32>) -> tensor<2x3x197x197xf32>
    %500 = stablehlo.divide %496, %499 : tensor<2x3x197x197xf32>
    %501 = stablehlo.dot_general %484, %500, batching_dims = [0, 2] x [0, 1], contracting_dims = [1] x [3], precision = [DEFAULT, DEFAULT] : (tensor<2x197x3x64xf32>, tensor<2x3x197x197xf32>) -> tensor<2x3x64x197xf32>
    %502 = stablehlo.transpose %501, dims = [0, 3, 1, 2] : (tensor<2x3x64x197xf32>) -> tensor<2x197x3x64xf32>
    %503 = stablehlo.dot_general %502, %arg109, contracting_dims = [2, 3] x [0, 1], precision = [DEFAULT, DEFAULT] : (tensor<2x197x3x64xf32>, tensor<3x64x192xf32>) -> tensor<2x197x192xf32>
    %504 = stablehlo.reshape %arg108 : (tensor<192xf32>) -> tensor<1x1x192xf32>
    %505 = stablehlo.broadcast_in_dim %504, dims = [0, 1, 2] : (tensor<1x1x192xf32>) -> tensor<2x197x192xf32>
    %506 = stablehlo.add %503, %505 : tensor<2x197x192xf32>
    %507 = stablehlo.add %446, %506 : tensor<2x197x192xf32>
    %508 = chlo.square %507 : tensor<2x197x192xf32> -> tensor<2x197x192xf32>
    %cst_89 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %509 = stablehlo.reduce(%507 init: %cst_89) applies stablehlo.add across dimensions = [2] : (tensor<2x197x192xf32>, tensor<f32>) -> tensor<2x197xf32>
    %cst_90 = stablehlo.constant dense<1.920000e+02> : tensor<f32>
    %510 = stablehlo.broadcast_in_dim %cst_90, dims = [] : (tensor<f32>) -> tensor<2x197xf32>
    %511 = stablehlo.divide %509, %510 : tensor<2x197xf32>
    %cst_91 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %512 = stablehlo.reduce(%508 init: %cst_91) applies stablehlo.add across dimensions = [2] : (tensor<2x197x192xf32>, tensor<f32>) -> tensor<2x197xf32>
    %cst_92 = stablehlo.constant dense<1.920000e+02> : tensor<f32>
    %513 = stablehlo.broadcast_in_dim %cst_92, dims = [] : (tensor<f32>) -> tensor<2x197xf32>
    %514 = stablehlo.divide %512, %513 : tensor<2x197xf32>
    %515 = chlo.square %511 : tensor<2x197xf32> -> tensor<2x197xf32>
    %516 = stablehlo.subtract %514, %515 : tensor<2x197xf32>
    %cst_93 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %517 = stablehlo.broadcast_in_dim %cst_93, dims = [] : (tensor<f32>) -> tensor<2x197xf32>
    %518 = stablehlo.maximum %517, %516 : tensor<2x197xf32>
    %519 = stablehlo.broadcast_in_dim %511, dims = [0, 1] : (tensor<2x197xf32>) -> tensor<2x197x1xf32>
    %520 = stablehlo.broadcast_in_dim %518, dims = [0, 1] : (tensor<2x197xf32>) -> tensor<2x197x1xf32>
    %521 = stablehlo.broadcast_in_dim %519, dims = [0, 1, 2] : (tensor<2x197x1xf32>) -> tensor<2x197x192xf32>
    %522 = stablehlo.subtract %507, %521 : tensor<2x197x192xf32>
    %cst_94 = stablehlo.constant dense<9.99999997E-7> : tensor<f32>
    %523 = stablehlo.broadcast_in_dim %cst_94, dims = [] : (tensor<f32>) -> tensor<2x197x1xf32>
    %524 = stablehlo.add %520, %523 : tensor<2x197x1xf32>
    %525 = stablehlo.rsqrt %524 : tensor<2x197x1xf32>
    %526 = stablehlo.reshape %arg101 : (tensor<192xf32>) -> tensor<1x1x192xf32>
    %527 = stablehlo.broadcast_in_dim %525, dims = [0, 1, 2] : (tensor<2x197x1xf32>) -> tensor<2x197x192xf32>
    %528 = stablehlo.broadcast_in_dim %526, dims = [0, 1, 2] : (tensor<1x1x192xf32>) -> tensor<2x197x192xf32>
    %529 = stablehlo.multiply %527, %528 : tensor<2x197x192xf32>
    %530 = stablehlo.multiply %522, %529 : tensor<2x197x192xf32>
    %531 = stablehlo.reshape %arg100 : (tensor<192xf32>) -> tensor<1x1x192xf32>
    %532 = stablehlo.broadcast_in_dim %531, dims = [0, 1, 2] : (tensor<1x1x192xf32>) -> tensor<2x197x192xf32>
    %533 = stablehlo.add %530, %532 : tensor<2x197x192xf32>
    %534 = stablehlo.dot_general %533, %arg103, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x197x192xf32>, tensor<192x768xf32>) -> tensor<2x197x768xf32>
    %535 = stablehlo.reshape %arg102 : (tensor<768xf32>) -> tensor<1x1x768xf32>
    %536 = stablehlo.broadcast_in_dim %535, dims = [0, 1, 2] : (tensor<1x1x768xf32>) -> tensor<2x197x768xf32>
    %537 = stablehlo.add %534, %536 : tensor<2x197x768xf32>
    %538 = stablehlo.multiply %537, %537 : tensor<2x197x768xf32>
    %539 = stablehlo.multiply %538, %537 : tensor<2x197x768xf32>
    %cst_95 = stablehlo.constant dense<4.471500e-02> : tensor<f32>
    %540 = stablehlo.broadcast_in_dim %cst_95, dims = [] : (tensor<f32>) -> tensor<2x197x768xf32>
    %541 = stablehlo.multiply %540, %539 : tensor<2x197x768xf32>
    %542 = stablehlo.add %537, %541 : tensor<2x197x768xf32>
    %cst_96 = stablehlo.constant dense<0.797884583> : tensor<f32>
    %543 = stablehlo.broadcast_in_dim %cst_96, dims = [] : (tensor<f32>) -> tensor<2x197x768xf32>
    %544 = stablehlo.multiply %543, %542 : tensor<2x197x768xf32>
    %545 = stablehlo.tanh %544 : tensor<2x197x768xf32>
    %cst_97 = stablehlo.constant dense<1.000000e+00> : tensor<f32>
    %546 = stablehlo.broadcast_in_dim %cst_97, dims = [] : (tensor<f32>) -> tensor<2x197x768xf32>
    %547 = stablehlo.add %546, %545 : tensor<2x197x768xf32>
    %cst_98 = stablehlo.constant dense<5.000000e-01> : tensor<f32>
    %548 = stablehlo.broadcast_in_dim %cst_98, dims = [] : (tensor<f32>) -> tensor<2x197x768xf32>
    %549 = stablehlo.multiply %548, %547 : tensor<2x197x768xf32>
    %550 = stablehlo.multiply %537, %549 : tensor<2x197x768xf32>
    %551 = stablehlo.dot_general %550, %arg105, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x197x768xf32>, tensor<768x192xf32>) -> tensor<2x197x192xf32>
    %552 = stablehlo.reshape %arg104 : (tensor<192xf32>) -> tensor<1x1x192xf32>
    %553 = stablehlo.broadcast_in_dim %552, dims = [0, 1, 2] : (tensor<1x1x192xf32>) -> tensor<2x197x192xf32>
    %554 = stablehlo.add %551, %553 : tensor<2x197x192xf32>
    %555 = stablehlo.add %507, %554 : tensor<2x197x192xf32>
    %556 = chlo.square %555 : tensor<2x197x192xf32> -> tensor<2x197x192xf32>
    %cst_99 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %557 = stablehlo.reduce(%555 init: %cst_99) applies stablehlo.add across dimensions = [2] : (tensor<2x197x192xf32>, tensor<f32>) -> tensor<2x197xf32>
    %cst_100 = stablehlo.constant dense<1.920000e+02> : tensor<f32>
    %558 = stablehlo.broadcast_in_dim %cst_100, dims = [] : (tensor<f32>) -> tensor<2x197xf32>
    %559 = stablehlo.divide %557, %558 : tensor<2x197xf32>
    %cst_101 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %560 = stablehlo.reduce(%556 init: %cst_101) applies stablehlo.add across dimensions = [2] : (tensor<2x197x192xf32>, tensor<f32>) -> tensor<2x197xf32>
    %cst_102 = stablehlo.constant dense<1.920000e+02> : tensor<f32>
    %561 = stablehlo.broadcast_in_dim %cst_102, dims = [] : (tensor<f32>) -> tensor<2x197xf32>
    %562 = stablehlo.divide %560, %561 : tensor<2x197xf32>
    %563 = chlo.square %559 : tensor<2x197xf32> -> tensor<2x197xf32>
    %564 = stablehlo.subtract %562, %563 : tensor<2x197xf32>
    %cst_103 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %565 = stablehlo.broadcast_in_dim %cst_103, dims = [] : (tensor<f32>) -> tensor<2x197xf32>
    %566 = stablehlo.maximum %565, %564 : tensor<2x197xf32>
    %567 = stablehlo.broadcast_in_dim %559, dims = [0, 1] : (tensor<2x197xf32>) -> tensor<2x197x1xf32>
    %568 = stablehlo.broadcast_in_dim %566, dims = [0, 1] : (tensor<2x197xf32>) -> tensor<2x197x1xf32>
    %569 = stablehlo.broadcast_in_dim %567, dims = [0, 1, 2] : (tensor<2x197x1xf32>) -> tensor<2x197x192xf32>
    %570 = stablehlo.subtract %555, %569 : tensor<2x197x192xf32>
    %cst_104 = stablehlo.constant dense<9.99999997E-7> : tensor<f32>
    %571 = stablehlo.broadcast_in_dim %cst_104, dims = [] : (tensor<f32>) -> tensor<2x197x1xf32>
    %572 = stablehlo.add %568, %571 : tensor<2x197x1xf32>
    %573 = stablehlo.rsqrt %572 : tensor<2x197x1xf32>
    %574 = stablehlo.reshape %arg115 : (tensor<192xf32>) -> tensor<1x1x192xf32>
    %575 = stablehlo.broadcast_in_dim %573, dims = [0, 1, 2] : (tensor<2x197x1xf32>) -> tensor<2x197x192xf32>
    %576 = stablehlo.broadcast_in_dim %574, dims = [0, 1, 2] : (tensor<1x1x192xf32>) -> tensor<2x197x192xf32>
    %577 = stablehlo.multiply %575, %576 : tensor<2x197x192xf32>
    %578 = stablehlo.multiply %570, %577 : tensor<2x197x192xf32>
    %579 = stablehlo.reshape %arg114 : (tensor<192xf32>) -> tensor<1x1x192xf32>
    %580 = stablehlo.broadcast_in_dim %579, dims = [0, 1, 2] : (tensor<1x1x192xf32>) -> tensor<2x197x192xf32>
    %581 = stablehlo.add %578, %580 : tensor<2x197x192xf32>
    %582 = stablehlo.dot_general %581, %arg127, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x197x192xf32>, tensor<192x3x64xf32>) -> tensor<2x197x3x64xf32>
    %583 = stablehlo.reshape %arg126 : (tensor<3x64xf32>) -> tensor<1x1x3x64xf32>
    %584 = stablehlo.broadcast_in_dim %583, dims = [0, 1, 2, 3] : (tensor<1x1x3x64xf32>) -> tensor<2x197x3x64xf32>
    %585 = stablehlo.add %582, %584 : tensor<2x197x3x64xf32>
    %586 = stablehlo.dot_general %581, %arg123, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x197x192xf32>, tensor<192x3x64xf32>) -> tensor<2x197x3x64xf32>
    %587 = stablehlo.reshape %arg122 : (tensor<3x64xf32>) -> tensor<1x1x3x64xf32>
    %588 = stablehlo.broadcast_in_dim %587, dims = [0, 1, 2, 3] : (tensor<1x1x3x64xf32>) -> tensor<2x197x3x64xf32>
    %589 = stablehlo.add %586, %588 : tensor<2x197x3x64xf32>
    %590 = stablehlo.dot_general %581, %arg129, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x197x192xf32>, tensor<192x3x64xf32>) -> tensor<2x197x3x64xf32>
    %591 = stablehlo.reshape %arg128 : (tensor<3x64xf32>) -> tensor<1x1x3x64xf32>
    %592 = stablehlo.broadcast_in_dim %591, dims = [0, 1, 2, 3] : (tensor<1x1x3x64xf32>) -> tensor<2x197x3x64xf32>
    %593 = stablehlo.add %590, %592 : tensor<2x197x3x64xf32>
    %cst_105 = stablehlo.constant dense<6.400000e+01> : tensor<f32>
    %594 = stablehlo.sqrt %cst_105 : tensor<f32>
    %595 = stablehlo.convert %594 : tensor<f32>
    %596 = stablehlo.broadcast_in_dim %595, dims = [] : (tensor<f32>) -> tensor<2x197x3x64xf32>
    %597 = stablehlo.divide %585, %596 : tensor<2x197x3x64xf32>
    %598 = stablehlo.dot_general %597, %589, batching_dims = [0, 2] x [0, 2], contracting_dims = [3] x [3], precision = [DEFAULT, DEFAULT] : (tensor<2x197x3x64xf32>, tensor<2x197x3x64xf32>) -> tensor<2x3x197x197xf32>
    %cst_106 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %599 = stablehlo.reduce(%598 init: %cst_106) applies stablehlo.maximum across dimensions = [3] : (tensor<2x3x197x197xf32>, tensor<f32>) -> tensor<2x3x197xf32>
    %cst_107 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %600 = stablehlo.broadcast_in_dim %cst_107, dims = [] : (tensor<f32>) -> tensor<2x3x197xf32>
    %601 = stablehlo.maximum %600, %599 : tensor<2x3x197xf32>
    %602 = stablehlo.broadcast_in_dim %601, dims = [0, 1, 2] : (tensor<2x3x197xf32>) -> tensor<2x3x197x1xf32>
    %603 = stablehlo.broadcast_in_dim %602, dims = [0, 1, 2, 3] : (tensor<2x3x197x1xf32>) -> tensor<2x3x197x197xf32>
    %604 = stablehlo.subtract %598, %603 : tensor<2x3x197x197xf32>
    %605 = stablehlo.exponential %604 : tensor<2x3x197x197xf32>
    %cst_108 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %606 = stablehlo.reduce(%605 init: %cst_108) applies stablehlo.add across dimensions = [3] : (tensor<2x3x197x197xf32>, tensor<f32>) -> tensor<2x3x197xf32>
    %607 = stablehlo.broadcast_in_dim %606, dims = [0, 1, 2] : (tensor<2x3x197xf32>) -> tensor<2x3x197x1xf32>
    %608 = stablehlo.broadcast_in_dim %607, dims = [0, 1, 2, 3] : (tensor<2x3x197x1xf32>) -> tensor<2x3x197x197xf32>
    %609 = stablehlo.divide %605, %608 : tensor<2x3x197x197xf32>
    %610 = stablehlo.dot_general %593, %609, batching_dims = [0, 2] x [0, 1], contracting_dims = [1] x [3], precision = [DEFAULT, DEFAULT] : (tensor<2x197x3x64xf32>, tensor<2x3x197x197xf32>) -> tensor<2x3x64x197xf32>
    %611 = stablehlo.transpose %610, dims = [0, 3, 1, 2] : (tensor<2x3x64x197xf32>) -> tensor<2x197x3x64xf32>
    %612 = stablehlo.dot_general %611, %arg125, contracting_dims = [2, 3] x [0, 1], precision = [DEFAULT, DEFAULT] : (tensor<2x197x3x64xf32>, tensor<3x64x192xf32>) -> tensor<2x197x192xf32>
    %613 = stablehlo.reshape %arg124 : (tensor<192xf32>) -> tensor<1x1x192xf32>
    %614 = stablehlo.broadcast_in_dim %613, dims = [0, 1, 2] : (tensor<1x1x192xf32>) -> tensor<2x197x192xf32>
    %615 = stablehlo.add %612, %614 : tensor<2x197x192xf32>
    %616 = stablehlo.add %555, %615 : tensor<2x197x192xf32>
    %617 = chlo.square %616 : tensor<2x197x192xf32> -> tensor<2x197x192xf32>
    %cst_109 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %618 = stablehlo.reduce(%616 init: %cst_109) applies stablehlo.add across dimensions = [2] : (tensor<2x197x192xf32>, tensor<f32>) -> tensor<2x197xf32>
    %cst_110 = stablehlo.constant dense<1.920000e+02> : tensor<f32>
    %619 = stablehlo.broadcast_in_dim %cst_110, dims = [] : (tensor<f32>) -> tensor<2x197xf32>
    %620 = stablehlo.divide %618, %619 : tensor<2x197xf32>
    %cst_111 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %621 = stablehlo.reduce(%617 init: %cst_111) applies stablehlo.add across dimensions = [2] : (tensor<2x197x192xf32>, tensor<f32>) -> tensor<2x197xf32>
    %cst_112 = stablehlo.constant dense<1.920000e+02> : tensor<f32>
    %622 = stablehlo.broadcast_in_dim %cst_112, dims = [] : (tensor<f32>) -> tensor<2x197xf32>
    %623 = stablehlo.divide %621, %622 : tensor<2x197xf32>
    %624 = chlo.square %620 : tensor<2x197xf32> -> tensor<2x197xf32>
    %625 = stablehlo.subtract %623, %624 : tensor<2x197xf32>
    %cst_113 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %626 = stablehlo.broadcast_in_dim %cst_113, dims = [] : (tensor<f32>) -> tensor<2x197xf32>
    %627 = stablehlo.maximum %626, %625 : tensor<2x197xf32>
    %628 = stablehlo.broadcast_in_dim %620, dims = [0, 1] : (tensor<2x197xf32>) -> tensor<2x197x1xf32>
    %629 = stablehlo.broadcast_in_dim %627, dims = [0, 1] : (tensor<2x197xf32>) -> tensor<2x197x1xf32>
    %630 = stablehlo.broadcast_in_dim %628, dims = [0, 1, 2] : (tensor<2x197x1xf32>) -> tensor<2x197x192xf32>
    %631 = stablehlo.subtract %616, %630 : tensor<2x197x192xf32>
    %cst_114 = stablehlo.constant dense<9.99999997E-7> : tensor<f32>
    %632 = stablehlo.broadcast_in_dim %cst_114, dims = [] : (tensor<f32>) -> tensor<2x197x1xf32>
    %633 = stablehlo.add %629, %632 : tensor<2x197x1xf32>
    %634 = stablehlo.rsqrt %633 : tensor<2x197x1xf32>
    %635 = stablehlo.reshape %arg117 : (tensor<192xf32>) -> tensor<1x1x192xf32>
    %636 = stablehlo.broadcast_in_dim %634, dims = [0, 1, 2] : (tensor<2x197x1xf32>) -> tensor<2x197x192xf32>
    %637 = stablehlo.broadcast_in_dim %635, dims = [0, 1, 2] : (tensor<1x1x192xf32>) -> tensor<2x197x192xf32>
    %638 = stablehlo.multiply %636, %637 : tensor<2x197x192xf32>
    %639 = stablehlo.multiply %631, %638 : tensor<2x197x192xf32>
    %640 = stablehlo.reshape %arg116 : (tensor<192xf32>) -> tensor<1x1x192xf32>
    %641 = stablehlo.broadcast_in_dim %640, dims = [0, 1, 2] : (tensor<1x1x192xf32>) -> tensor<2x197x192xf32>
    %642 = stablehlo.add %639, %641 : tensor<2x197x192xf32>
    %643 = stablehlo.dot_general %642, %arg119, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x197x192xf32>, tensor<192x768xf32>) -> tensor<2x197x768xf32>
    %644 = stablehlo.reshape %arg118 : (tensor<768xf32>) -> tensor<1x1x768xf32>
    %645 = stablehlo.broadcast_in_dim %644, dims = [0, 1, 2] : (tensor<1x1x768xf32>) -> tensor<2x197x768xf32>
    %646 = stablehlo.add %643, %645 : tensor<2x197x768xf32>
    %647 = stablehlo.multiply %646, %646 : tensor<2x197x768xf32>
    %648 = stablehlo.multiply %647, %646 : tensor<2x197x768xf32>
    %cst_115 = stablehlo.constant dense<4.471500e-02> : tensor<f32>
    %649 = stablehlo.broadcast_in_dim %cst_115, dims = [] : (tensor<f32>) -> tensor<2x197x768xf32>
    %650 = stablehlo.multiply %649, %648 : tensor<2x197x768xf32>
    %651 = stablehlo.add %646, %650 : tensor<2x197x768xf32>
    %cst_116 = stablehlo.constant dense<0.797884583> : tensor<f32>
    %652 = stablehlo.broadcast_in_dim %cst_116, dims = [] : (tensor<f32>) -> tensor<2x197x768xf32>
    %653 = stablehlo.multiply %652, %651 : tensor<2x197x768xf32>
    %654 = stablehlo.tanh %653 : tensor<2x197x768xf32>
    %cst_117 = stablehlo.constant dense<1.000000e+00> : tensor<f32>
    %655 = stablehlo.broadcast_in_dim %cst_117, dims = [] : (tensor<f32>) -> tensor<2x197x768xf32>
    %656 = stablehlo.add %655, %654 : tensor<2x197x768xf32>
    %cst_118 = stablehlo.constant dense<5.000000e-01> : tensor<f32>
    %657 = stablehlo.broadcast_in_dim %cst_118, dims = [] : (tensor<f32>) -> tensor<2x197x768xf32>
    %658 = stablehlo.multiply %657, %656 : tensor<2x197x768xf32>
    %659 = stablehlo.multiply %646, %658 : tensor<2x197x768xf32>
    %660 = stablehlo.dot_general %659, %arg121, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x197x768xf32>, tensor<768x192xf32>) -> tensor<2x197x192xf32>
    %661 = stablehlo.reshape %arg120 : (tensor<192xf32>) -> tensor<1x1x192xf32>
    %662 = stablehlo.broadcast_in_dim %661, dims = [0, 1, 2] : (tensor<1x1x192xf32>) -> tensor<2x197x192xf32>
    %663 = stablehlo.add %660, %662 : tensor<2x197x192xf32>
    %664 = stablehlo.add %616, %663 : tensor<2x197x192xf32>
    %665 = chlo.square %664 : tensor<2x197x192xf32> -> tensor<2x197x192xf32>
    %cst_119 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %666 = stablehlo.reduce(%664 init: %cst_119) applies stablehlo.add across dimensions = [2] : (tensor<2x197x192xf32>, tensor<f32>) -> tensor<2x197xf32>
    %cst_120 = stablehlo.constant dense<1.920000e+02> : tensor<f32>
    %667 = stablehlo.broadcast_in_dim %cst_120, dims = [] : (tensor<f32>) -> tensor<2x197xf32>
    %668 = stablehlo.divide %666, %667 : tensor<2x197xf32>
    %cst_121 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %669 = stablehlo.reduce(%665 init: %cst_121) applies stablehlo.add across dimensions = [2] : (tensor<2x197x192xf32>, tensor<f32>) -> tensor<2x197xf32>
    %cst_122 = stablehlo.constant dense<1.920000e+02> : tensor<f32>
    %670 = stablehlo.broadcast_in_dim %cst_122, dims = [] : (tensor<f32>) -> tensor<2x197xf32>
    %671 = stablehlo.divide %669, %670 : tensor<2x197xf32>
    %672 = chlo.square %668 : tensor<2x197xf32> -> tensor<2x197xf32>
    %673 = stablehlo.subtract %671, %672 : tensor<2x197xf32>
    %cst_123 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %674 = stablehlo.broadcast_in_dim %cst_123, dims = [] : (tensor<f32>) -> tensor<2x197xf32>
    %675 = stablehlo.maximum %674, %673 : tensor<2x197xf32>
    %676 = stablehlo.broadcast_in_dim %668, dims = [0, 1] : (tensor<2x197xf32>) -> tensor<2x197x1xf32>
    %677 = stablehlo.broadcast_in_dim %675, dims = [0, 1] : (tensor<2x197xf32>) -> tensor<2x197x1xf32>
    %678 = stablehlo.broadcast_in_dim %676, dims = [0, 1, 2] : (tensor<2x197x1xf32>) -> tensor<2x197x192xf32>
    %679 = stablehlo.subtract %664, %678 : tensor<2x197x192xf32>
    %cst_124 = stablehlo.constant dense<9.99999997E-7> : tensor<f32>
    %680 = stablehlo.broadcast_in_dim %cst_124, dims = [] : (tensor<f32>) -> tensor<2x197x1xf32>
    %681 = stablehlo.add %677, %680 : tensor<2x197x1xf32>
    %682 = stablehlo.rsqrt %681 : tensor<2x197x1xf32>
    %683 = stablehlo.reshape %arg131 : (tensor<192xf32>) -> tensor<1x1x192xf32>
    %684 = stablehlo.broadcast_in_dim %682, dims = [0, 1, 2] : (tensor<2x197x1xf32>) -> tensor<2x197x192xf32>
    %685 = stablehlo.broadcast_in_dim %683, dims = [0, 1, 2] : (tensor<1x1x192xf32>) -> tensor<2x197x192xf32>
    %686 = stablehlo.multiply %684, %685 : tensor<2x197x192xf32>
    %687 = stablehlo.multiply %679, %686 : tensor<2x197x192xf32>
    %688 = stablehlo.reshape %arg130 : (tensor<192xf32>) -> tensor<1x1x192xf32>
    %689 = stablehlo.broadcast_in_dim %688, dims = [0, 1, 2] : (tensor<1x1x192xf32>) -> tensor<2x197x192xf32>
    %690 = stablehlo.add %687, %689 : tensor<2x197x192xf32>
    %691 = stablehlo.dot_general %690, %arg143, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x197x192xf32>, tensor<192x3x64xf32>) -> tensor<2x197x3x64xf32>
    %692 = stablehlo.reshape %arg142 : (tensor<3x64xf32>) -> tensor<1x1x3x64xf32>
    %693 = stablehlo.broadcast_in_dim %692, dims = [0, 1, 2, 3] : (tensor<1x1x3x64xf32>) -> tensor<2x197x3x64xf32>
    %694 = stablehlo.add %691, %693 : tensor<2x197x3x64xf32>
    %695 = stablehlo.dot_general %690, %arg139, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x197x192xf32>, tensor<192x3x64xf32>) -> tensor<2x197x3x64xf32>
    %696 = stablehlo.reshape %arg138 : (tensor<3x64xf32>) -> tensor<1x1x3x64xf32>
    %697 = stablehlo.broadcast_in_dim %696, dims = [0, 1, 2, 3] : (tensor<1x1x3x64xf32>) -> tensor<2x197x3x64xf32>
    %698 = stablehlo.add %695, %697 : tensor<2x197x3x64xf32>
    %699 = stablehlo.dot_general %690, %arg145, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x197x192xf32>, tensor<192x3x64xf32>) -> tensor<2x197x3x64xf32>
    %700 = stablehlo.reshape %arg144 : (tensor<3x64xf32>) -> tensor<1x1x3x64xf32>
    %701 = stablehlo.broadcast_in_dim %700, dims = [0, 1, 2, 3] : (tensor<1x1x3x64xf32>) -> tensor<2x197x3x64xf32>
    %702 = stablehlo.add %699, %701 : tensor<2x197x3x64xf32>
    %cst_125 = stablehlo.constant dense<6.400000e+01> : tensor<f32>
    %703 = stablehlo.sqrt %cst_125 : tensor<f32>
    %704 = stablehlo.convert %703 : tensor<f32>
    %705 = stablehlo.broadcast_in_dim %704, dims = [] : (tensor<f32>) -> tensor<2x197x3x64xf32>
    %706 = stablehlo.divide %694, %705 : tensor<2x197x3x64xf32>
    %707 = stablehlo.dot_general %706, %698, batching_dims = [0, 2] x [0, 2], contracting_dims = [3] x [3], precision = [DEFAULT, DEFAULT] : (tensor<2x197x3x64xf32>, tensor<2x197x3x64xf32>) -> tensor<2x3x197x197xf32>
    %cst_126 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %708 = stablehlo.reduce(%707 init: %cst_126) applies stablehlo.maximum across dimensions = [3] : (tensor<2x3x197x197xf32>, tensor<f32>) -> tensor<2x3x197xf32>
    %cst_127 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %709 = stablehlo.broadcast_in_dim %cst_127, dims = [] : (tensor<f32>) -> tensor<2x3x197xf32>
    %710 = stablehlo.maximum %709, %708 : tensor<2x3x197xf32>
    %711 = stablehlo.broadcast_in_dim %710, dims = [0, 1, 2] : (tensor<2x3x197xf32>) -> tensor<2x3x197x1xf32>
    %712 = stablehlo.broadcast_in_dim %711, dims = [0, 1, 2, 3] : (tensor<2x3x197x1xf32>) -> tensor<2x3x197x197xf32>
    %713 = stablehlo.subtract %707, %712 : tensor<2x3x197x197xf32>
    %714 = stablehlo.exponential %713 : tensor<2x3x197x197xf32>
    %cst_128 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %715 = stablehlo.reduce(%714 init: %cst_128) applies stablehlo.add across dimensions = [3] : (tensor<2x3x197x197xf32>, tensor<f32>) -> tensor<2x3x197xf32>
    %716 = stablehlo.broadcast_in_dim %715, dims = [0, 1, 2] : (tensor<2x3x197xf32>) -> tensor<2x3x197x1xf32>
    %717 = stablehlo.broadcast_in_dim %716, dims = [0, 1, 2, 3] : (tensor<2x3x197x1xf32>) -> tensor<2x3x197x197xf32>
    %718 = stablehlo.divide %714, %717 : tensor<2x3x197x197xf32>
    %719 = stablehlo.dot_general %702, %718, batching_dims = [0, 2] x [0, 1], contracting_dims = [1] x [3], precision = [DEFAULT, DEFAULT] : (tensor<2x197x3x64xf32>, tensor<2x3x197x197xf32>) -> tensor<2x3x64x197xf32>
    %720 = stablehlo.transpose %719, dims = [0, 3, 1, 2] : (tensor<2x3x64x197xf32>) -> tensor<2x197x3x64xf32>
    %721 = stablehlo.dot_general %720, %arg141, contracting_dims = [2, 3] x [0, 1], precision = [DEFAULT, DEFAULT] : (tensor<2x197x3x64xf32>, tensor<3x64x192xf32>) -> tensor<2x197x192xf32>
    %722 = stablehlo.reshape %arg140 : (tensor<192xf32>) -> tensor<1x1x192xf32>
    %723 = stablehlo.broadcast_in_dim %722, dims = [0, 1, 2] : (tensor<1x1x192xf32>) -> tensor<2x197x192xf32>
    %724 = stablehlo.add %721, %723 : tensor<2x197x192xf32>
    %725 = stablehlo.add %664, %724 : tensor<2x197x192xf32>
    %726 = chlo.square %725 : tensor<2x197x192xf32> -> tensor<2x197x192xf32>
    %cst_129 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %727 = stablehlo.reduce(%725 init: %cst_129) applies stablehlo.add across dimensions = [2] : (tensor<2x197x192xf32>, tensor<f32>) -> tensor<2x197xf32>
    %cst_130 = stablehlo.constant dense<1.920000e+02> : tensor<f32>
    %728 = stablehlo.broadcast_in_dim %cst_130, dims = [] : (tensor<f32>) -> tensor<2x197xf32>
    %729 = stablehlo.divide %727, %728 : tensor<2x197xf32>
    %cst_131 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %730 = stablehlo.reduce(%726 init: %cst_131) applies stablehlo.add across dimensions = [2] : (tensor<2x197x192xf32>, tensor<f32>) -> tensor<2x197xf32>
    %cst_132 = stablehlo.constant dense<1.920000e+02> : tensor<f32>
    %731 = stablehlo.broadcast_in_dim %cst_132, dims = [] : (tensor<f32>) -> tensor<2x197xf32>
    %732 = stablehlo.divide %730, %731 : tensor<2x197xf32>
    %733 = chlo.square %729 : tensor<2x197xf32> -> tensor<2x197xf32>
    %734 = stablehlo.subtract %732, %733 : tensor<2x197xf32>
    %cst_133 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %735 = stablehlo.broadcast_in_dim %cst_133, dims = [] : (tensor<f32>) -> tensor<2x197xf32>
    %736 = stablehlo.maximum %735, %734 : tensor<2x197xf32>
    %737 = stablehlo.broadcast_in_dim %729, dims = [0, 1] : (tensor<2x197xf32>) -> tensor<2x197x1xf32>
    %738 = stablehlo.broadcast_in_dim %736, dims = [0, 1] : (tensor<2x197xf32>) -> tensor<2x197x1xf32>
    %739 = stablehlo.broadcast_in_dim %737, dims = [0, 1, 2] : (tensor<2x197x1xf32>) -> tensor<2x197x192xf32>
    %740 = stablehlo.subtract %725, %739 : tensor<2x197x192xf32>
    %cst_134 = stablehlo.constant dense<9.99999997E-7> : tensor<f32>
    %741 = stablehlo.broadcast_in_dim %cst_134, dims = [] : (tensor<f32>) -> tensor<2x197x1xf32>
    %742 = stablehlo.add %738, %741 : tensor<2x197x1xf32>
    %743 = stablehlo.rsqrt %742 : tensor<2x197x1xf32>
    %744 = stablehlo.reshape %arg133 : (tensor<192xf32>) -> tensor<1x1x192xf32>
    %745 = stablehlo.broadcast_in_dim %743, dims = [0, 1, 2] : (tensor<2x197x1xf32>) -> tensor<2x197x192xf32>
    %746 = stablehlo.broadcast_in_dim %744, dims = [0, 1, 2] : (tensor<1x1x192xf32>) -> tensor<2x197x192xf32>
    %747 = stablehlo.multiply %745, %746 : tensor<2x197x192xf32>
    %748 = stablehlo.multiply %740, %747 : tensor<2x197x192xf32>
    %749 = stablehlo.reshape %arg132 : (tensor<192xf32>) -> tensor<1x1x192xf32>
    %750 = stablehlo.broadcast_in_dim %749, dims = [0, 1, 2] : (tensor<1x1x192xf32>) -> tensor<2x197x192xf32>
    %751 = stablehlo.add %748, %750 : tensor<2x197x192xf32>
    %752 = stablehlo.dot_general %751, %arg135, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x197x192xf32>, tensor<192x768xf32>) -> tensor<2x197x768xf32>
    %753 = stablehlo.reshape %arg134 : (tensor<768xf32>) -> tensor<1x1x768xf32>
    %754 = stablehlo.broadcast_in_dim %753, dims = [0, 1, 2] : (tensor<1x1x768xf32>) -> tensor<2x197x768xf32>
    %755 = stablehlo.add %752, %754 : tensor<2x197x768xf32>
    %756 = stablehlo.multiply %755, %755 : tensor<2x197x768xf32>
    %757 = stablehlo.multiply %756, %755 : tensor<2x197x768xf32>
    %cst_135 = stablehlo.constant dense<4.471500e-02> : tensor<f32>
    %758 = stablehlo.broadcast_in_dim %cst_135, dims = [] : (tensor<f32>) -> tensor<2x197x768xf32>
    %759 = stablehlo.multiply %758, %757 : tensor<2x197x768xf32>
    %760 = stablehlo.add %755, %759 : tensor<2x197x768xf32>
    %cst_136 = stablehlo.constant dense<0.797884583> : tensor<f32>
    %761 = stablehlo.broadcast_in_dim %cst_136, dims = [] : (tensor<f32>) -> tensor<2x197x768xf32>
    %762 = stablehlo.multiply %761, %760 : tensor<2x197x768xf32>
    %763 = stablehlo.tanh %762 : tensor<2x197x768xf32>
    %cst_137 = stablehlo.constant dense<1.000000e+00> : tensor<f32>
    %764 = stablehlo.broadcast_in_dim %cst_137, dims = [] : (tensor<f32>) -> tensor<2x197x768xf32>
    %765 = stablehlo.add %764, %763 : tensor<2x197x768xf32>
    %cst_138 = stablehlo.constant dense<5.000000e-01> : tensor<f32>
    %766 = stablehlo.broadcast_in_dim %cst_138, dims = [] : (tensor<f32>) -> tensor<2x197x768xf32>
    %767 = stablehlo.multiply %766, %765 : tensor<2x197x768xf32>
    %768 = stablehlo.multiply %755, %767 : tensor<2x197x768xf32>
    %769 = stablehlo.dot_general %768, %arg137, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x197x768xf32>, tensor<768x192xf32>) -> tensor<2x197x192xf32>
    %770 = stablehlo.reshape %arg136 : (tensor<192xf32>) -> tensor<1x1x192xf32>
    %771 = stablehlo.broadcast_in_dim %770, dims = [0, 1, 2] : (tensor<1x1x192xf32>) -> tensor<2x197x192xf32>
    %772 = stablehlo.add %769, %771 : tensor<2x197x192xf32>
    %773 = stablehlo.add %725, %772 : tensor<2x197x192xf32>
    %774 = chlo.square %773 : tensor<2x197x192xf32> -> tensor<2x197x192xf32>
    %cst_139 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %775 = stablehlo.reduce(%773 init: %cst_139) applies stablehlo.add across dimensions = [2] : (tensor<2x197x192xf32>, tensor<f32>) -> tensor<2x197xf32>
    %cst_140 = stablehlo.constant dense<1.920000e+02> : tensor<f32>
    %776 = stablehlo.broadcast_in_dim %cst_140, dims = [] : (tensor<f32>) -> tensor<2x197xf32>
    %777 = stablehlo.divide %775, %776 : tensor<2x197xf32>
    %cst_141 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %778 = stablehlo.reduce(%774 init: %cst_141) applies stablehlo.add across dimensions = [2] : (tensor<2x197x192xf32>, tensor<f32>) -> tensor<2x197xf32>
    %cst_142 = stablehlo.constant dense<1.920000e+02> : tensor<f32>
    %779 = stablehlo.broadcast_in_dim %cst_142, dims = [] : (tensor<f32>) -> tensor<2x197xf32>
    %780 = stablehlo.divide %778, %779 : tensor<2x197xf32>
    %781 = chlo.square %777 : tensor<2x197xf32> -> tensor<2x197xf32>
    %782 = stablehlo.subtract %780, %781 : tensor<2x197xf32>
    %cst_143 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %783 = stablehlo.broadcast_in_dim %cst_143, dims = [] : (tensor<f32>) -> tensor<2x197xf32>
    %784 = stablehlo.maximum %783, %782 : tensor<2x197xf32>
    %785 = stablehlo.broadcast_in_dim %777, dims = [0, 1] : (tensor<2x197xf32>) -> tensor<2x197x1xf32>
    %786 = stablehlo.broadcast_in_dim %784, dims = [0, 1] : (tensor<2x197xf32>) -> tensor<2x197x1xf32>
    %787 = stablehlo.broadcast_in_dim %785, dims = [0, 1, 2] : (tensor<2x197x1xf32>) -> tensor<2x197x192xf32>
    %788 = stablehlo.subtract %773, %787 : tensor<2x197x192xf32>
    %cst_144 = stablehlo.constant dense<9.99999997E-7> : tensor<f32>
    %789 = stablehlo.broadcast_in_dim %cst_144, dims = [] : (tensor<f32>) -> tensor<2x197x1xf32>
    %790 = stablehlo.add %786, %789 : tensor<2x197x1xf32>
    %791 = stablehlo.rsqrt %790 : tensor<2x197x1xf32>
    %792 = stablehlo.reshape %arg147 : (tensor<192xf32>) -> tensor<1x1x192xf32>
    %793 = stablehlo.broadcast_in_dim %791, dims = [0, 1, 2] : (tensor<2x197x1xf32>) -> tensor<2x197x192xf32>
    %794 = stablehlo.broadcast_in_dim %792, dims = [0, 1, 2] : (tensor<1x1x192xf32>) -> tensor<2x197x192xf32>
    %795 = stablehlo.multiply %793, %794 : tensor<2x197x192xf32>
    %796 = stablehlo.multiply %788, %795 : tensor<2x197x192xf32>
    %797 = stablehlo.reshape %arg146 : (tensor<192xf32>) -> tensor<1x1x192xf32>
    %798 = stablehlo.broadcast_in_dim %797, dims = [0, 1, 2] : (tensor<1x1x192xf32>) -> tensor<2x197x192xf32>
    %799 = stablehlo.add %796, %798 : tensor<2x197x192xf32>
    %800 = stablehlo.dot_general %799, %arg159, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x197x192xf32>, tensor<192x3x64xf32>) -> tensor<2x197x3x64xf32>
    %801 = stablehlo.reshape %arg158 : (tensor<3x64xf32>) -> tensor<1x1x3x64xf32>
    %802 = stablehlo.broadcast_in_dim %801, dims = [0, 1, 2, 3] : (tensor<1x1x3x64xf32>) -> tensor<2x197x3x64xf32>
    %803 = stablehlo.add %800, %802 : tensor<2x197x3x64xf32>
    %804 = stablehlo.dot_general %799, %arg155, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x197x192xf32>, tensor<192x3x64xf32>) -> tensor<2x197x3x64xf32>
    %805 = stablehlo.reshape %arg154 : (tensor<3x64xf32>) -> tensor<1x1x3x64xf32>
    %806 = stablehlo.broadcast_in_dim %805, dims = [0, 1, 2, 3] : (tensor<1x1x3x64xf32>) -> tensor<2x197x3x64xf32>
    %807 = stablehlo.add %804, %806 : tensor<2x197x3x64xf32>
    %808 = stablehlo.dot_general %799, %arg161, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x197x192xf32>, tensor<192x3x64xf32>) -> tensor<2x197x3x64xf32>
    %809 = stablehlo.reshape %arg160 : (tensor<3x64xf32>) -> tensor<1x1x3x64xf32>
    %810 = stablehlo.broadcast_in_dim %809, dims = [0, 1, 2, 3] : (tensor<1x1x3x64xf32>) -> tensor<2x197x3x64xf32>
    %811 = stablehlo.add %808, %810 : tensor<2x197x3x64xf32>
    %cst_145 = stablehlo.constant dense<6.400000e+01> : tensor<f32>
    %812 = stablehlo.sqrt %cst_145 : tensor<f32>
    %813 = stablehlo.convert %812 : tensor<f32>
    %814 = stablehlo.broadcast_in_dim %813, dims = [] : (tensor<f32>) -> tensor<2x197x3x64xf32>
    %815 = stablehlo.divide %803, %814 : tensor<2x197x3x64xf32>
    %816 = stablehlo.dot_general %815, %807, batching_dims = [0, 2] x [0, 2], contracting_dims = [3] x [3], precision = [DEFAULT, DEFAULT] : (tensor<2x197x3x64xf32>, tensor<2x197x3x64xf32>) -> tensor<2x3x197x197xf32>
    %cst_146 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %817 = stablehlo.reduce(%816 init: %cst_146) applies stablehlo.maximum across dimensions = [3] : (tensor<2x3x197x197xf32>, tensor<f32>) -> tensor<2x3x197xf32>
    %cst_147 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %818 = stablehlo.broadcast_in_dim %cst_147, dims = [] : (tensor<f32>) -> tensor<2x3x197xf32>
    %819 = stablehlo.maximum %818, %817 : tensor<2x3x197xf32>
    %820 = stablehlo.broadcast_in_dim %819, dims = [0, 1, 2] : (tensor<2x3x197xf32>) -> tensor<2x3x197x1xf32>
    %821 = stablehlo.broadcast_in_dim %820, dims = [0, 1, 2, 3] : (tensor<2x3x197x1xf32>) -> tensor<2x3x197x197xf32>
    %822 = stablehlo.subtract %816, %821 : tensor<2x3x197x197xf32>
    %823 = stablehlo.exponential %822 : tensor<2x3x197x197xf32>
    %cst_148 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %824 = stablehlo.reduce(%823 init: %cst_148) applies stablehlo.add across dimensions = [3] : (tensor<2x3x197x197xf32>, tensor<f32>) -> tensor<2x3x197xf32>
    %825 = stablehlo.broadcast_in_dim %824, dims = [0, 1, 2] : (tensor<2x3x197xf32>) -> tensor<2x3x197x1xf32>
    %826 = stablehlo.broadcast_in_dim %825, dims = [0, 1, 2, 3] : (tensor<2x3x197x1xf32>) -> tensor<2x3x197x197xf32>
    %827 = stablehlo.divide %823, %826 : tensor<2x3x197x197xf32>
    %828 = stablehlo.dot_general %811, %827, batching_dims = [0, 2] x [0, 1], contracting_dims = [1] x [3], precision = [DEFAULT, DEFAULT] : (tensor<2x197x3x64xf32>, tensor<2x3x197x197xf32>) -> tensor<2x3x64x197xf32>
    %829 = stablehlo.transpose %828, dims = [0, 3, 1, 2] : (tensor<2x3x64x197xf32>) -> tensor<2x197x3x64xf32>
    %830 = stablehlo.dot_general %829, %arg157, contracting_dims = [2, 3] x [0, 1], precision = [DEFAULT, DEFAULT] : (tensor<2x197x3x64xf32>, tensor<3x64x192xf32>) -> tensor<2x197x192xf32>
    %831 = stablehlo.reshape %arg156 : (tensor<192xf32>) -> tensor<1x1x192xf32>
    %832 = stablehlo.broadcast_in_dim %831, dims = [0, 1, 2] : (tensor<1x1x192xf32>) -> tensor<2x197x192xf32>
    %833 = stablehlo.add %830, %832 : tensor<2x197x192xf32>
    %834 = stablehlo.add %773, %833 : tensor<2x197x192xf32>
    %835 = chlo.square %834 : tensor<2x197x192xf32> -> tensor<2x197x192xf32>
    %cst_149 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %836 = stablehlo.reduce(%834 init: %cst_149) applies stablehlo.add across dimensions = [2] : (tensor<2x197x192xf32>, tensor<f32>) -> tensor<2x197xf32>
    %cst_150 = stablehlo.constant dense<1.920000e+02> : tensor<f32>
    %837 = stablehlo.broadcast_in_dim %cst_150, dims = [] : (tensor<f32>) -> tensor<2x197xf32>
    %838 = stablehlo.divide %836, %837 : tensor<2x197xf32>
    %cst_151 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %839 = stablehlo.reduce(%835 init: %cst_151) applies stablehlo.add across dimensions = [2] : (tensor<2x197x192xf32>, tensor<f32>) -> tensor<2x197xf32>
    %cst_152 = stablehlo.constant dense<1.920000e+02> : tensor<f32>
    %840 = stablehlo.broadcast_in_dim %cst_152, dims = [] : (tensor<f32>) -> tensor<2x197xf32>
    %841 = stablehlo.divide %839, %840 : tensor<2x197xf32>
    %842 = chlo.square %838 : tensor<2x197xf32> -> tensor<2x197xf32>
    %843 = stablehlo.subtract %841, %842 : tensor<2x197xf32>
    %cst_153 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %844 = stablehlo.broadcast_in_dim %cst_153, dims = [] : (tensor<f32>) -> tensor<2x197xf32>
    %845 = stablehlo.maximum %844, %843 : tensor<2x197xf32>
    %846 = stablehlo.broadcast_in_dim %838, dims = [0, 1] : (tensor<2x197xf32>) -> tensor<2x197x1xf32>
    %847 = stablehlo.broadcast_in_dim %845, dims = [0, 1] : (tensor<2x197xf32>) -> tensor<2x197x1xf32>
    %848 = stablehlo.broadcast_in_dim %846, dims = [0, 1, 2] : (tensor<2x197x1xf32>) -> tensor<2x197x192xf32>
    %849 = stablehlo.subtract %834, %848 : tensor<2x197x192xf32>
    %cst_154 = stablehlo.constant dense<9.99999997E-7> : tensor<f32>
    %850 = stablehlo.broadcast_in_dim %cst_154, dims = [] : (tensor<f32>) -> tensor<2x197x1xf32>
    %851 = stablehlo.add %847, %850 : tensor<2x197x1xf32>
    %852 = stablehlo.rsqrt %851 : tensor<2x197x1xf32>
    %853 = stablehlo.reshape %arg149 : (tensor<192xf32>) -> tensor<1x1x192xf32>
    %854 = stablehlo.broadcast_in_dim %852, dims = [0, 1, 2] : (tensor<2x197x1xf32>) -> tensor<2x197x192xf32>
    %855 = stablehlo.broadcast_in_dim %853, dims = [0, 1, 2] : (tensor<1x1x192xf32>) -> tensor<2x197x192xf32>
    %856 = stablehlo.multiply %854, %855 : tensor<2x197x192xf32>
    %857 = stablehlo.multiply %849, %856 : tensor<2x197x192xf32>
    %858 = stablehlo.reshape %arg148 : (tensor<192xf32>) -> tensor<1x1x192xf32>
    %859 = stablehlo.broadcast_in_dim %858, dims = [0, 1, 2] : (tensor<1x1x192xf32>) -> tensor<2x197x192xf32>
    %860 = stablehlo.add %857, %859 : tensor<2x197x192xf32>
    %861 = stablehlo.dot_general %860, %arg151, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x197x192xf32>, tensor<192x768xf32>) -> tensor<2x197x768xf32>
    %862 = stablehlo.reshape %arg150 : (tensor<768xf32>) -> tensor<1x1x768xf32>
    %863 = stablehlo.broadcast_in_dim %862, dims = [0, 1, 2] : (tensor<1x1x768xf32>) -> tensor<2x197x768xf32>
    %864 = stablehlo.add %861, %863 : tensor<2x197x768xf32>
    %865 = stablehlo.multiply %864, %864 : tensor<2x197x768xf32>
    %866 = stablehlo.multiply %865, %864 : tensor<2x197x768xf32>
    %cst_155 = stablehlo.constant dense<4.471500e-02> : tensor<f32>
    %867 = stablehlo.broadcast_in_dim %cst_155, dims = [] : (tensor<f32>) -> tensor<2x197x768xf32>
    %868 = stablehlo.multiply %867, %866 : tensor<2x197x768xf32>
    %869 = stablehlo.add %864, %868 : tensor<2x197x768xf32>
    %cst_156 = stablehlo.constant dense<0.797884583> : tensor<f32>
    %870 = stablehlo.broadcast_in_dim %cst_156, dims = [] : (tensor<f32>) -> tensor<2x197x768xf32>
    %871 = stablehlo.multiply %870, %869 : tensor<2x197x768xf32>
    %872 = stablehlo.tanh %871 : tensor<2x197x768xf32>
    %cst_157 = stablehlo.constant dense<1.000000e+00> : tensor<f32>
    %873 = stablehlo.broadcast_in_dim %cst_157, dims = [] : (tensor<f32>) -> tensor<2x197x768xf32>
    %874 = stablehlo.add %873, %872 : tensor<2x197x768xf32>
    %cst_158 = stablehlo.constant dense<5.000000e-01> : tensor<f32>
    %875 = stablehlo.broadcast_in_dim %cst_158, dims = [] : (tensor<f32>) -> tensor<2x197x768xf32>
    %876 = stablehlo.multiply %875, %874 : tensor<2x197x768xf32>
    %877 = stablehlo.multiply %864, %876 : tensor<2x197x768xf32>
    %878 = stablehlo.dot_general %877, %arg153, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x197x768xf32>, tensor<768x192xf32>) -> tensor<2x197x192xf32>
    %879 = stablehlo.reshape %arg152 : (tensor<192xf32>) -> tensor<1x1x192xf32>
    %880 = stablehlo.broadcast_in_dim %879, dims = [0, 1, 2] : (tensor<1x1x192xf32>) -> tensor<2x197x192xf32>
    %881 = stablehlo.add %878, %880 : tensor<2x197x192xf32>
    %882 = stablehlo.add %834, %881 : tensor<2x197x192xf32>
    %883 = chlo.square %882 : tensor<2x197x192xf32> -> tensor<2x197x192xf32>
    %cst_159 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %884 = stablehlo.reduce(%882 init: %cst_159) applies stablehlo.add across dimensions = [2] : (tensor<2x197x192xf32>, tensor<f32>) -> tensor<2x197xf32>
    %cst_160 = stablehlo.constant dense<1.920000e+02> : tensor<f32>
    %885 = stablehlo.broadcast_in_dim %cst_160, dims = [] : (tensor<f32>) -> tensor<2x197xf32>
    %886 = stablehlo.divide %884, %885 : tensor<2x197xf32>
    %cst_161 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %887 = stablehlo.reduce(%883 init: %cst_161) applies stablehlo.add across dimensions = [2] : (tensor<2x197x192xf32>, tensor<f32>) -> tensor<2x197xf32>
    %cst_162 = stablehlo.constant dense<1.920000e+02> : tensor<f32>
    %888 = stablehlo.broadcast_in_dim %cst_162, dims = [] : (tensor<f32>) -> tensor<2x197xf32>
    %889 = stablehlo.divide %887, %888 : tensor<2x197xf32>
    %890 = chlo.square %886 : tensor<2x197xf32> -> tensor<2x197xf32>
    %891 = stablehlo.subtract %889, %890 : tensor<2x197xf32>
    %cst_163 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %892 = stablehlo.broadcast_in_dim %cst_163, dims = [] : (tensor<f32>) -> tensor<2x197xf32>
    %893 = stablehlo.maximum %892, %891 : tensor<2x197xf32>
    %894 = stablehlo.broadcast_in_dim %886, dims = [0, 1] : (tensor<2x197xf32>) -> tensor<2x197x1xf32>
    %895 = stablehlo.broadcast_in_dim %893, dims = [0, 1] : (tensor<2x197xf32>) -> tensor<2x197x1xf32>
    %896 = stablehlo.broadcast_in_dim %894, dims = [0, 1, 2] : (tensor<2x197x1xf32>) -> tensor<2x197x192xf32>
    %897 = stablehlo.subtract %882, %896 : tensor<2x197x192xf32>
    %cst_164 = stablehlo.constant dense<9.99999997E-7> : tensor<f32>
    %898 = stablehlo.broadcast_in_dim %cst_164, dims = [] : (tensor<f32>) -> tensor<2x197x1xf32>
    %899 = stablehlo.add %895, %898 : tensor<2x197x1xf32>
    %900 = stablehlo.rsqrt %899 : tensor<2x197x1xf32>
    %901 = stablehlo.reshape %arg163 : (tensor<192xf32>) -> tensor<1x1x192xf32>
    %902 = stablehlo.broadcast_in_dim %900, dims = [0, 1, 2] : (tensor<2x197x1xf32>) -> tensor<2x197x192xf32>
    %903 = stablehlo.broadcast_in_dim %901, dims = [0, 1, 2] : (tensor<1x1x192xf32>) -> tensor<2x197x192xf32>
    %904 = stablehlo.multiply %902, %903 : tensor<2x197x192xf32>
    %905 = stablehlo.multiply %897, %904 : tensor<2x197x192xf32>
    %906 = stablehlo.reshape %arg162 : (tensor<192xf32>) -> tensor<1x1x192xf32>
    %907 = stablehlo.broadcast_in_dim %906, dims = [0, 1, 2] : (tensor<1x1x192xf32>) -> tensor<2x197x192xf32>
    %908 = stablehlo.add %905, %907 : tensor<2x197x192xf32>
    %909 = stablehlo.dot_general %908, %arg175, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x197x192xf32>, tensor<192x3x64xf32>) -> tensor<2x197x3x64xf32>
    %910 = stablehlo.reshape %arg174 : (tensor<3x64xf32>) -> tensor<1x1x3x64xf32>
    %911 = stablehlo.broadcast_in_dim %910, dims = [0, 1, 2, 3] : (tensor<1x1x3x64xf32>) -> tensor<2x197x3x64xf32>
    %912 = stablehlo.add %909, %911 : tensor<2x197x3x64xf32>
    %913 = stablehlo.dot_general %908, %arg171, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x197x192xf32>, tensor<192x3x64xf32>) -> tensor<2x197x3x64xf32>
    %914 = stablehlo.reshape %arg170 : (tensor<3x64xf32>) -> tensor<1x1x3x64xf32>
    %915 = stablehlo.broadcast_in_dim %914, dims = [0, 1, 2, 3] : (tensor<1x1x3x64xf32>) -> tensor<2x197x3x64xf32>
    %916 = stablehlo.add %913, %915 : tensor<2x197x3x64xf32>
    %917 = stablehlo.dot_general %908, %arg177, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x197x192xf32>, tensor<192x3x64xf32>) -> tensor<2x197x3x64xf32>
    %918 = stablehlo.reshape %arg176 : (tensor<3x64xf32>) -> tensor<1x1x3x64xf32>
    %919 = stablehlo.broadcast_in_dim %918, dims = [0, 1, 2, 3] : (tensor<1x1x3x64xf32>) -> tensor<2x197x3x64xf32>
    %920 = stablehlo.add %917, %919 : tensor<2x197x3x64xf32>
    %cst_165 = stablehlo.constant dense<6.400000e+01> : tensor<f32>
    %921 = stablehlo.sqrt %cst_165 : tensor<f32>
    %922 = stablehlo.convert %921 : tensor<f32>
    %923 = stablehlo.broadcast_in_dim %922, dims = [] : (tensor<f32>) -> tensor<2x197x3x64xf32>
    %924 = stablehlo.divide %912, %923 : tensor<2x197x3x64xf32>
    %925 = stablehlo.dot_general %924, %916, batching_dims = [0, 2] x [0, 2], contracting_dims = [3] x [3], precision = [DEFAULT, DEFAULT] : (tensor<2x197x3x64xf32>, tensor<2x197x3x64xf32>) -> tensor<2x3x197x197xf32>
    %cst_166 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %926 = stablehlo.reduce(%925 init: %cst_166) applies stablehlo.maximum across dimensions = [3] : (tensor<2x3x197x197xf32>, tensor<f32>) -> tensor<2x3x197xf32>
    %cst_167 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %927 = stablehlo.broadcast_in_dim %cst_167, dims = [] : (tensor<f32>) -> tensor<2x3x197xf32>
    %928 = stablehlo.maximum %927, %926 : tensor<2x3x197xf32>
    %929 = stablehlo.broadcast_in_dim %928, dims = [0, 1, 2] : (tensor<2x3x197xf32>) -> tensor<2x3x197x1xf32>
    %930 = stablehlo.broadcast_in_dim %929, dims = [0, 1, 2, 3] : (tensor<2x3x197x1xf32>) -> tensor<2x3x197x197xf32>
    %931 = stablehlo.subtract %925, %930 : tensor<2x3x197x197xf32>
    %932 = stablehlo.exponential %931 : tensor<2x3x197x197xf32>
    %cst_168 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %933 = stablehlo.reduce(%932 init: %cst_168) applies stablehlo.add across dimensions = [3] : (tensor<2x3x197x197xf32>, tensor<f32>) -> tensor<2x3x197xf32>
    %934 = stablehlo.broadcast_in_dim %933, dims = [0, 1, 2] : (tensor<2x3x197xf32>) -> tensor<2x3x197x1xf32>
    %935 = stablehlo.broadcast_in_dim %934, dims = [0, 1, 2, 3] : (tensor<2x3x197x1xf32>) -> tensor<2x3x197x197xf32>
    %936 = stablehlo.divide %932, %935 : tensor<2x3x197x197xf32>
    %937 = stablehlo.dot_general %920, %936, batching_dims = [0, 2] x [0, 1], contracting_dims = [1] x [3], precision = [DEFAULT, DEFAULT] : (tensor<2x197x3x64xf32>, tensor<2x3x197x197xf32>) -> tensor<2x3x64x197xf32>
    %938 = stablehlo.transpose %937, dims = [0, 3, 1, 2] : (tensor<2x3x64x197xf32>) -> tensor<2x197x3x64xf32>
    %939 = stablehlo.dot_general %938, %arg173, contracting_dims = [2, 3] x [0, 1], precision = [DEFAULT, DEFAULT] : (tensor<2x197x3x64xf32>, tensor<3x64x192xf32>) -> tensor<2x197x192xf32>
    %940 = stablehlo.reshape %arg172 : (tensor<192xf32>) -> tensor<1x1x192xf32>
    %941 = stablehlo.broadcast_in_dim %940, dims = [0, 1, 2] : (tensor<1x1x192xf32>) -> tensor<2x197x192xf32>
    %942 = stablehlo.add %939, %941 : tensor<2x197x192xf32>
    %943 = stablehlo.add %882, %942 : tensor<2x197x192xf32>
    %944 = chlo.square %943 : tensor<2x197x192xf32> -> tensor<2x197x192xf32>
    %cst_169 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %945 = stablehlo.reduce(%943 init: %cst_169) applies stablehlo.add across dimensions = [2] : (tensor<2x197x192xf32>, tensor<f32>) -> tensor<2x197xf32>
    %cst_170 = stablehlo.constant dense<1.920000e+02> : tensor<f32>
    %946 = stablehlo.broadcast_in_dim %cst_170, dims = [] : (tensor<f32>) -> tensor<2x197xf32>
    %947 = stablehlo.divide %945, %946 : tensor<2x197xf32>
    %cst_171 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %948 = stablehlo.reduce(%944 init: %cst_171) applies stablehlo.add across dimensions = [2] : (tensor<2x197x192xf32>, tensor<f32>) -> tensor<2x197xf32>
    %cst_172 = stablehlo.constant dense<1.920000e+02> : tensor<f32>
    %949 = stablehlo.broadcast_in_dim %cst_172, dims = [] : (tensor<f32>) -> tensor<2x197xf32>
    %950 = stablehlo.divide %948, %949 : tensor<2x197xf32>
    %951 = chlo.square %947 : tensor<2x197xf32> -> tensor<2x197xf32>
    %952 = stablehlo.subtract %950, %951 : tensor<2x197xf32>
    %cst_173 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %953 = stablehlo.broadcast_in_dim %cst_173, dims = [] : (tensor<f32>) -> tensor<2x197xf32>
    %954 = stablehlo.maximum %953, %952 : tensor<2x197xf32>
    %955 = stablehlo.broadcast_in_dim %947, dims = [0, 1] : (tensor<2x197xf32>) -> tensor<2x197x1xf32>
    %956 = stablehlo.broadcast_in_dim %954, dims = [0, 1] : (tensor<2x197xf32>) -> tensor<2x197x1xf32>
    %957 = stablehlo.broadcast_in_dim %955, dims = [0, 1, 2] : (tensor<2x197x1xf32>) -> tensor<2x197x192xf32>
    %958 = stablehlo.subtract %943, %957 : tensor<2x197x192xf32>
    %cst_174 = stablehlo.constant dense<9.99999997E-7> : tensor<f32>
    %959 = stablehlo.broadcast_in_dim %cst_174, dims = [] : (tensor<f32>) -> tensor<2x197x1xf32>
    %960 = stablehlo.add %956, %959 : tensor<2x197x1xf32>
    %961 = stablehlo.rsqrt %960 : tensor<2x197x1xf32>
    %962 = stablehlo.reshape %arg165 : (tensor<192xf32>) -> tensor<1x1x192xf32>
    %963 = stablehlo.broadcast_in_dim %961, dims = [0, 1, 2] : (tensor<2x197x1xf32>) -> tensor<2x197x192xf32>
    %964 = stablehlo.broadcast_in_dim %962, dims = [0, 1, 2] : (tensor<1x1x192xf32>) -> tensor<2x197x192xf32>
    %965 = stablehlo.multiply %963, %964 : tensor<2x197x192xf32>
    %966 = stablehlo.multiply %958, %965 : tensor<2x197x192xf32>
    %967 = stablehlo.reshape %arg164 : (tensor<192xf32>) -> tensor<1x1x192xf32>
    %968 = stablehlo.broadcast_in_dim %967, dims = [0, 1, 2] : (tensor<1x1x192xf32>) -> tensor<2x197x192xf32>
    %969 = stablehlo.add %966, %968 : tensor<2x197x192xf32>
    %970 = stablehlo.dot_general %969, %arg167, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x197x192xf32>, tensor<192x768xf32>) -> tensor<2x197x768xf32>
    %971 = stablehlo.reshape %arg166 : (tensor<768xf32>) -> tensor<1x1x768xf32>
    %972 = stablehlo.broadcast_in_dim %971, dims = [0, 1, 2] : (tensor<1x1x768xf32>) -> tensor<2x197x768xf32>
    %973 = stablehlo.add %970, %972 : tensor<2x197x768xf32>
    %974 = stablehlo.multiply %973, %973 : tensor<2x197x768xf32>
    %975 = stablehlo.multiply %974, %973 : tensor<2x197x768xf32>
    %cst_175 = stablehlo.constant dense<4.471500e-02> : tensor<f32>
    %976 = stablehlo.broadcast_in_dim %cst_175, dims = [] : (tensor<f32>) -> tensor<2x197x768xf32>
    %977 = stablehlo.multiply %976, %975 : tensor<2x197x768xf32>
    %978 = stablehlo.add %973, %977 : tensor<2x197x768xf32>
    %cst_176 = stablehlo.constant dense<0.797884583> : tensor<f32>
    %979 = stablehlo.broadcast_in_dim %cst_176, dims = [] : (tensor<f32>) -> tensor<2x197x768xf32>
    %980 = stablehlo.multiply %979, %978 : tensor<2x197x768xf32>
    %981 = stablehlo.tanh %980 : tensor<2x197x768xf32>
    %cst_177 = stablehlo.constant dense<1.000000e+00> : tensor<f32>
    %982 = stablehlo.broadcast_in_dim %cst_177, dims = [] : (tensor<f32>) -> tensor<2x197x768xf32>
    %983 = stablehlo.add %982, %981 : tensor<2x197x768xf32>
    %cst_178 = stablehlo.constant dense<5.000000e-01> : tensor<f32>
    %984 = stablehlo.broadcast_in_dim %cst_178, dims = [] : (tensor<f32>) -> tensor<2x197x768xf32>
    %985 = stablehlo.multiply %984, %983 : tensor<2x197x768xf32>
    %986 = stablehlo.multiply %973, %985 : tensor<2x197x768xf32>
    %987 = stablehlo.dot_general %986, %arg169, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x197x768xf32>, tensor<768x192xf32>) -> tensor<2x197x192xf32>
    %988 = stablehlo.reshape %arg168 : (tensor<192xf32>) -> tensor<1x1x192xf32>
    %989 = stablehlo.broadcast_in_dim %988, dims = [0, 1, 2] : (tensor<1x1x192xf32>) -> tensor<2x197x192xf32>
    %990 = stablehlo.add %987, %989 : tensor<2x197x192xf32>
    %991 = stablehlo.add %943, %990 : tensor<2x197x192xf32>
    %992 = chlo.square %991 : tensor<2x197x192xf32> -> tensor<2x197x192xf32>
    %cst_179 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %993 = stablehlo.reduce(%991 init: %cst_179) applies stablehlo.add across dimensions = [2] : (tensor<2x197x192xf32>, tensor<f32>) -> tensor<2x197xf32>
    %cst_180 = stablehlo.constant dense<1.920000e+02> : tensor<f32>
    %994 = stablehlo.broadcast_in_dim %cst_180, dims = [] : (tensor<f32>) -> tensor<2x197xf32>
    %995 = stablehlo.divide %993, %994 : tensor<2x197xf32>
    %cst_181 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %996 = stablehlo.reduce(%992 init: %cst_181) applies stablehlo.add across dimensions = [2] : (tensor<2x197x192xf32>, tensor<f32>) -> tensor<2x197xf32>
    %cst_182 = stablehlo.constant dense<1.920000e+02> : tensor<f32>
    %997 = stablehlo.broadcast_in_dim %cst_182, dims = [] : (tensor<f32>) -> tensor<2x197xf32>
    %998 = stablehlo.divide %996, %997 : tensor<2x197xf32>
    %999 = chlo.square %995 : tensor<2x197xf32> -> tensor<2x197xf32>
    %1000 = stablehlo.subtract %998, %999 : tensor<2x197xf32>
    %cst_183 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %1001 = stablehlo.broadcast_in_dim %cst_183, dims = [] : (tensor<f32>) -> tensor<2x197xf32>
    %1002 = stablehlo.maximum %1001, %1000 : tensor<2x197xf32>
    %1003 = stablehlo.broadcast_in_dim %995, dims = [0, 1] : (tensor<2x197xf32>) -> tensor<2x197x1xf32>
    %1004 = stablehlo.broadcast_in_dim %1002, dims = [0, 1] : (tensor<2x197xf32>) -> tensor<2x197x1xf32>
    %1005 = stablehlo.broadcast_in_dim %1003, dims = [0, 1, 2] : (tensor<2x197x1xf32>) -> tensor<2x197x192xf32>
    %1006 = stablehlo.subtract %991, %1005 : tensor<2x197x192xf32>
    %cst_184 = stablehlo.constant dense<9.99999997E-7> : tensor<f32>
    %1007 = stablehlo.broadcast_in_dim %cst_184, dims = [] : (tensor<f32>) -> tensor<2x197x1xf32>
    %1008 = stablehlo.add %1004, %1007 : tensor<2x197x1xf32>
    %1009 = stablehlo.rsqrt %1008 : tensor<2x197x1xf32>
    %1010 = stablehlo.reshape %arg179 : (tensor<192xf32>) -> tensor<1x1x192xf32>
    %1011 = stablehlo.broadcast_in_dim %1009, dims = [0, 1, 2] : (tensor<2x197x1xf32>) -> tensor<2x197x192xf32>
    %1012 = stablehlo.broadcast_in_dim %1010, dims = [0, 1, 2] : (tensor<1x1x192xf32>) -> tensor<2x197x192xf32>
    %1013 = stablehlo.multiply %1011, %1012 : tensor<2x197x192xf32>
    %1014 = stablehlo.multiply %1006, %1013 : tensor<2x197x192xf32>
    %1015 = stablehlo.reshape %arg178 : (tensor<192xf32>) -> tensor<1x1x192xf32>
    %1016 = stablehlo.broadcast_in_dim %1015, dims = [0, 1, 2] : (tensor<1x1x192xf32>) -> tensor<2x197x192xf32>
    %1017 = stablehlo.add %1014, %1016 : tensor<2x197x192xf32>
    %1018 = stablehlo.dot_general %1017, %arg191, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x197x192xf32>, tensor<192x3x64xf32>) -> tensor<2x197x3x64xf32>
    %1019 = stablehlo.reshape %arg190 : (tensor<3x64xf32>) -> tensor<1x1x3x64xf32>
    %1020 = stablehlo.broadcast_in_dim %1019, dims = [0, 1, 2, 3] : (tensor<1x1x3x64xf32>) -> tensor<2x197x3x64xf32>
    %1021 = stablehlo.add %1018, %1020 : tensor<2x197x3x64xf32>
    %1022 = stablehlo.dot_general %1017, %arg187, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x197x192xf32>, tensor<192x3x64xf32>) -> tensor<2x197x3x64xf32>
    %1023 = stablehlo.reshape %arg186 : (tensor<3x64xf32>) -> tensor<1x1x3x64xf32>
    %1024 = stablehlo.broadcast_in_dim %1023, dims = [0, 1, 2, 3] : (tensor<1x1x3x64xf32>) -> tensor<2x197x3x64xf32>
    %1025 = stablehlo.add %1022, %1024 : tensor<2x197x3x64xf32>
    %1026 = stablehlo.dot_general %1017, %arg193, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x197x192xf32>, tensor<192x3x64xf32>) -> tensor<2x197x3x64xf32>
    %1027 = stablehlo.reshape %arg192 : (tensor<3x64xf32>) -> tensor<1x1x3x64xf32>
    %1028 = stablehlo.broadcast_in_dim %1027, dims = [0, 1, 2, 3] : (tensor<1x1x3x64xf32>) -> tensor<2x197x3x64xf32>
    %1029 = stablehlo.add %1026, %1028 : tensor<2x197x3x64xf32>
    %cst_185 = stablehlo.constant dense<6.400000e+01> : tensor<f32>
    %1030 = stablehlo.sqrt %cst_185 : tensor<f32>
    %1031 = stablehlo.convert %1030 : tensor<f32>
    %1032 = stablehlo.broadcast_in_dim %1031, dims = [] : (tensor<f32>) -> tensor<2x197x3x64xf32>
    %1033 = stablehlo.divide %1021, %1032 : tensor<2x197x3x64xf32>
    %1034 = stablehlo.dot_general %1033, %1025, batching_dims = [0, 2] x [0, 2], contracting_dims = [3] x [3], precision = [DEFAULT, DEFAULT] : (tensor<2x197x3x64xf32>, tensor<2x197x3x64xf32>) -> tensor<2x3x197x197xf32>
    %cst_186 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %1035 = stablehlo.reduce(%1034 init: %cst_186) applies stablehlo.maximum across dimensions = [3] : (tensor<2x3x197x197xf32>, tensor<f32>) -> tensor<2x3x197xf32>
    %cst_187 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %1036 = stablehlo.broadcast_in_dim %cst_187, dims = [] : (tensor<f32>) -> tensor<2x3x197xf32>
    %1037 = stablehlo.maximum %1036, %1035 : tensor<2x3x197xf32>
    %1038 = stablehlo.broadcast_in_dim %1037, dims = [0, 1, 2] : (tensor<2x3x197xf32>) -> tensor<2x3x197x1xf32>
    %1039 = stablehlo.broadcast_in_dim %1038, dims = [0, 1, 2, 3] : (tensor<2x3x197x1xf32>) -> tensor<2x3x197x197xf32>
    %1040 = stablehlo.subtract %1034, %1039 : tensor<2x3x197x197xf32>
    %1041 = stablehlo.exponential %1040 : tensor<2x3x197x197xf32>
    %cst_188 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %1042 = stablehlo.reduce(%1041 init: %cst_188) applies stablehlo.add across dimensions = [3] : (tensor<2x3x197x197xf32>, tensor<f32>) -> tensor<2x3x197xf32>
    %1043 = stablehlo.broadcast_in_dim %1042, dims = [0, 1, 2] : (tensor<2x3x197xf32>) -> tensor<2x3x197x1xf32>
    %1044 = stablehlo.broadcast_in_dim %1043, dims = [0, 1, 2, 3] : (tensor<2x3x197x1xf32>) -> tensor<2x3x197x197xf32>
    %1045 = stablehlo.divide %1041, %1044 : tensor<2x3x197x197xf32>
    %1046 = stablehlo.dot_general %1029, %1045, batching_dims = [0, 2] x [0, 1], contracting_dims = [1] x [3], precision = [DEFAULT, DEFAULT] : (tensor<2x197x3x64xf32>, tensor<2x3x197x197xf32>) -> tensor<2x3x64x197xf32>
    %1047 = stablehlo.transpose %1046, dims = [0, 3, 1, 2] : (tensor<2x3x64x197xf32>) -> tensor<2x197x3x64xf32>
    %1048 = stablehlo.dot_general %1047, %arg189, contracting_dims = [2, 3] x [0, 1], precision = [DEFAULT, DEFAULT] : (tensor<2x197x3x64xf32>, tensor<3x64x192xf32>) -> tensor<2x197x192xf32>
    %1049 = stablehlo.reshape %arg188 : (tensor<192xf32>) -> tensor<1x1x192xf32>
    %1050 = stablehlo.broadcast_in_dim %1049, dims = [0, 1, 2] : (tensor<1x1x192xf32>) -> tensor<2x197x192xf32>
    %1051 = stablehlo.add %1048, %1050 : tensor<2x197x192xf32>
    %1052 = stablehlo.add %991, %1051 : tensor<2x197x192xf32>
    %1053 = chlo.square %1052 : tensor<2x197x192xf32> -> tensor<2x197x192xf32>
    %cst_189 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %1054 = stablehlo.reduce(%1052 init: %cst_189) applies stablehlo.add across dimensions = [2] : (tensor<2x197x192xf32>, tensor<f32>) -> tensor<2x197xf32>
    %cst_190 = stablehlo.constant dense<1.920000e+02> : tensor<f32>
    %1055 = stablehlo.broadcast_in_dim %cst_190, dims = [] : (tensor<f32>) -> tensor<2x197xf32>
    %1056 = stablehlo.divide %1054, %1055 : tensor<2x197xf32>
    %cst_191 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %1057 = stablehlo.reduce(%1053 init: %cst_191) applies stablehlo.add across dimensions = [2] : (tensor<2x197x192xf32>, tensor<f32>) -> tensor<2x197xf32>
    %cst_192 = stablehlo.constant dense<1.920000e+02> : tensor<f32>
    %1058 = stablehlo.broadcast_in_dim %cst_192, dims = [] : (tensor<f32>) -> tensor<2x197xf32>
    %1059 = stablehlo.divide %1057, %1058 : tensor<2x197xf32>
    %1060 = chlo.square %1056 : tensor<2x197xf32> -> tensor<2x197xf32>
    %1061 = stablehlo.subtract %1059, %1060 : tensor<2x197xf32>
    %cst_193 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %1062 = stablehlo.broadcast_in_dim %cst_193, dims = [] : (tensor<f32>) -> tensor<2x197xf32>
    %1063 = stablehlo.maximum %1062, %1061 : tensor<2x197xf32>
    %1064 = stablehlo.broadcast_in_dim %1056, dims = [0, 1] : (tensor<2x197xf32>) -> tensor<2x197x1xf32>
    %1065 = stablehlo.broadcast_in_dim %1063, dims = [0, 1] : (tensor<2x197xf32>) -> tensor<2x197x1xf32>
    %1066 = stablehlo.broadcast_in_dim %1064, dims = [0, 1, 2] : (tensor<2x197x1xf32>) -> tensor<2x197x192xf32>
    %1067 = stablehlo.subtract %1052, %1066 : tensor<2x197x192xf32>
    %cst_194 = stablehlo.constant dense<9.99999997E-7> : tensor<f32>
    %1068 = stablehlo.broadcast_in_dim %cst_194, dims = [] : (tensor<f32>) -> tensor<2x197x1xf32>
    %1069 = stablehlo.add %1065, %1068 : tensor<2x197x1xf32>
    %1070 = stablehlo.rsqrt %1069 : tensor<2x197x1xf32>
    %1071 = stablehlo.reshape %arg181 : (tensor<192xf32>) -> tensor<1x1x192xf32>
    %1072 = stablehlo.broadcast_in_dim %1070, dims = [0, 1, 2] : (tensor<2x197x1xf32>) -> tensor<2x197x192xf32>
    %1073 = stablehlo.broadcast_in_dim %1071, dims = [0, 1, 2] : (tensor<1x1x192xf32>) -> tensor<2x197x192xf32>
    %1074 = stablehlo.multiply %1072, %1073 : tensor<2x197x192xf32>
    %1075 = stablehlo.multiply %1067, %1074 : tensor<2x197x192xf32>
    %1076 = stablehlo.reshape %arg180 : (tensor<192xf32>) -> tensor<1x1x192xf32>
    %1077 = stablehlo.broadcast_in_dim %1076, dims = [0, 1, 2] : (tensor<1x1x192xf32>) -> tensor<2x197x192xf32>
    %1078 = stablehlo.add %1075, %1077 : tensor<2x197x192xf32>
    %1079 = stablehlo.dot_general %1078, %arg183, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x197x192xf32>, tensor<192x768xf32>) -> tensor<2x197x768xf32>
    %1080 = stablehlo.reshape %arg182 : (tensor<768xf32>) -> tensor<1x1x768xf32>
    %1081 = stablehlo.broadcast_in_dim %1080, dims = [0, 1, 2] : (tensor<1x1x768xf32>) -> tensor<2x197x768xf32>
    %1082 = stablehlo.add %1079, %1081 : tensor<2x197x768xf32>
    %1083 = stablehlo.multiply %1082, %1082 : tensor<2x197x768xf32>
    %1084 = stablehlo.multiply %1083, %1082 : tensor<2x197x768xf32>
    %cst_195 = stablehlo.constant dense<4.471500e-02> : tensor<f32>
    %1085 = stablehlo.broadcast_in_dim %cst_195, dims = [] : (tensor<f32>) -> tensor<2x197x768xf32>
    %1086 = stablehlo.multiply %1085, %1084 : tensor<2x197x768xf32>
    %1087 = stablehlo.add %1082, %1086 : tensor<2x197x768xf32>
    %cst_196 = stablehlo.constant dense<0.797884583> : tensor<f32>
    %1088 = stablehlo.broadcast_in_dim %cst_196, dims = [] : (tensor<f32>) -> tensor<2x197x768xf32>
    %1089 = stablehlo.multiply %1088, %1087 : tensor<2x197x768xf32>
    %1090 = stablehlo.tanh %1089 : tensor<2x197x768xf32>
    %cst_197 = stablehlo.constant dense<1.000000e+00> : tensor<f32>
    %1091 = stablehlo.broadcast_in_dim %cst_197, dims = [] : (tensor<f32>) -> tensor<2x197x768xf32>
    %1092 = stablehlo.add %1091, %1090 : tensor<2x197x768xf32>
    %cst_198 = stablehlo.constant dense<5.000000e-01> : tensor<f32>
    %1093 = stablehlo.broadcast_in_dim %cst_198, dims = [] : (tensor<f32>) -> tensor<2x197x768xf32>
    %1094 = stablehlo.multiply %1093, %1092 : tensor<2x197x768xf32>
    %1095 = stablehlo.multiply %1082, %1094 : tensor<2x197x768xf32>
    %1096 = stablehlo.dot_general %1095, %arg185, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x197x768xf32>, tensor<768x192xf32>) -> tensor<2x197x192xf32>
    %1097 = stablehlo.reshape %arg184 : (tensor<192xf32>) -> tensor<1x1x192xf32>
    %1098 = stablehlo.broadcast_in_dim %1097, dims = [0, 1, 2] : (tensor<1x1x192xf32>) -> tensor<2x197x192xf32>
    %1099 = stablehlo.add %1096, %1098 : tensor<2x197x192xf32>
    %1100 = stablehlo.add %1052, %1099 : tensor<2x197x192xf32>
    %1101 = chlo.square %1100 : tensor<2x197x192xf32> -> tensor<2x197x192xf32>
    %cst_199 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %1102 = stablehlo.reduce(%1100 init: %cst_199) applies stablehlo.add across dimensions = [2] : (tensor<2x197x192xf32>, tensor<f32>) -> tensor<2x197xf32>
    %cst_200 = stablehlo.constant dense<1.920000e+02> : tensor<f32>
    %1103 = stablehlo.broadcast_in_dim %cst_200, dims = [] : (tensor<f32>) -> tensor<2x197xf32>
    %1104 = stablehlo.divide %1102, %1103 : tensor<2x197xf32>
    %cst_201 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %1105 = stablehlo.reduce(%1101 init: %cst_201) applies stablehlo.add across dimensions = [2] : (tensor<2x197x192xf32>, tensor<f32>) -> tensor<2x197xf32>
    %cst_202 = stablehlo.constant dense<1.920000e+02> : tensor<f32>
    %1106 = stablehlo.broadcast_in_dim %cst_202, dims = [] : (tensor<f32>) -> tensor<2x197xf32>
    %1107 = stablehlo.divide %1105, %1106 : tensor<2x197xf32>
    %1108 = chlo.square %1104 : tensor<2x197xf32> -> tensor<2x197xf32>
    %1109 = stablehlo.subtract %1107, %1108 : tensor<2x197xf32>
    %cst_203 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %1110 = stablehlo.broadcast_in_dim %cst_203, dims = [] : (tensor<f32>) -> tensor<2x197xf32>
    %1111 = stablehlo.maximum %1110, %1109 : tensor<2x197xf32>
    %1112 = stablehlo.broadcast_in_dim %1104, dims = [0, 1] : (tensor<2x197xf32>) -> tensor<2x197x1xf32>
    %1113 = stablehlo.broadcast_in_dim %1111, dims = [0, 1] : (tensor<2x197xf32>) -> tensor<2x197x1xf32>
    %1114 = stablehlo.broadcast_in_dim %1112, dims = [0, 1, 2] : (tensor<2x197x1xf32>) -> tensor<2x197x192xf32>
    %1115 = stablehlo.subtract %1100, %1114 : tensor<2x197x192xf32>
    %cst_204 = stablehlo.constant dense<9.99999997E-7> : tensor<f32>
    %1116 = stablehlo.broadcast_in_dim %cst_204, dims = [] : (tensor<f32>) -> tensor<2x197x1xf32>
    %1117 = stablehlo.add %1113, %1116 : tensor<2x197x1xf32>
    %1118 = stablehlo.rsqrt %1117 : tensor<2x197x1xf32>
    %1119 = stablehlo.reshape %arg35 : (tensor<192xf32>) -> tensor<1x1x192xf32>
    %1120 = stablehlo.broadcast_in_dim %1118, dims = [0, 1, 2] : (tensor<2x197x1xf32>) -> tensor<2x197x192xf32>
    %1121 = stablehlo.broadcast_in_dim %1119, dims = [0, 1, 2] : (tensor<1x1x192xf32>) -> tensor<2x197x192xf32>
    %1122 = stablehlo.multiply %1120, %1121 : tensor<2x197x192xf32>
    %1123 = stablehlo.multiply %1115, %1122 : tensor<2x197x192xf32>
    %1124 = stablehlo.reshape %arg34 : (tensor<192xf32>) -> tensor<1x1x192xf32>
    %1125 = stablehlo.broadcast_in_dim %1124, dims = [0, 1, 2] : (tensor<1x1x192xf32>) -> tensor<2x197x192xf32>
    %1126 = stablehlo.add %1123, %1125 : tensor<2x197x192xf32>
    %1127 = stablehlo.dot_general %1126, %arg47, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x197x192xf32>, tensor<192x3x64xf32>) -> tensor<2x197x3x64xf32>
    %1128 = stablehlo.reshape %arg46 : (tensor<3x64xf32>) -> tensor<1x1x3x64xf32>
    %1129 = stablehlo.broadcast_in_dim %1128, dims = [0, 1, 2, 3] : (tensor<1x1x3x64xf32>) -> tensor<2x197x3x64xf32>
    %1130 = stablehlo.add %1127, %1129 : tensor<2x197x3x64xf32>
    %1131 = stablehlo.dot_general %1126, %arg43, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x197x192xf32>, tensor<192x3x64xf32>) -> tensor<2x197x3x64xf32>
    %1132 = stablehlo.reshape %arg42 : (tensor<3x64xf32>) -> tensor<1x1x3x64xf32>
    %1133 = stablehlo.broadcast_in_dim %1132, dims = [0, 1, 2, 3] : (tensor<1x1x3x64xf32>) -> tensor<2x197x3x64xf32>
    %1134 = stablehlo.add %1131, %1133 : tensor<2x197x3x64xf32>
    %1135 = stablehlo.dot_general %1126, %arg49, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x197x192xf32>, tensor<192x3x64xf32>) -> tensor<2x197x3x64xf32>
    %1136 = stablehlo.reshape %arg48 : (tensor<3x64xf32>) -> tensor<1x1x3x64xf32>
    %1137 = stablehlo.broadcast_in_dim %1136, dims = [0, 1, 2, 3] : (tensor<1x1x3x64xf32>) -> tensor<2x197x3x64xf32>
    %1138 = stablehlo.add %1135, %1137 : tensor<2x197x3x64xf32>
    %cst_205 = stablehlo.constant dense<6.400000e+01> : tensor<f32>
    %1139 = stablehlo.sqrt %cst_205 : tensor<f32>
    %1140 = stablehlo.convert %1139 : tensor<f32>
    %1141 = stablehlo.broadcast_in_dim %1140, dims = [] : (tensor<f32>) -> tensor<2x197x3x64xf32>
    %1142 = stablehlo.divide %1130, %1141 : tensor<2x197x3x64xf32>
    %1143 = stablehlo.dot_general %1142, %1134, batching_dims = [0, 2] x [0, 2], contracting_dims = [3] x [3], precision = [DEFAULT, DEFAULT] : (tensor<2x197x3x64xf32>, tensor<2x197x3x64xf32>) -> tensor<2x3x197x197xf32>
    %cst_206 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %1144 = stablehlo.reduce(%1143 init: %cst_206) applies stablehlo.maximum across dimensions = [3] : (tensor<2x3x197x197xf32>, tensor<f32>) -> tensor<2x3x197xf32>
    %cst_207 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %1145 = stablehlo.broadcast_in_dim %cst_207, dims = [] : (tensor<f32>) -> tensor<2x3x197xf32>
    %1146 = stablehlo.maximum %1145, %1144 : tensor<2x3x197xf32>
    %1147 = stablehlo.broadcast_in_dim %1146, dims = [0, 1, 2] : (tensor<2x3x197xf32>) -> tensor<2x3x197x1xf32>
    %1148 = stablehlo.broadcast_in_dim %1147, dims = [0, 1, 2, 3] : (tensor<2x3x197x1xf32>) -> tensor<2x3x197x197xf32>
    %1149 = stablehlo.subtract %1143, %1148 : tensor<2x3x197x197xf32>
    %1150 = stablehlo.exponential %1149 : tensor<2x3x197x197xf32>
    %cst_208 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %1151 = stablehlo.reduce(%1150 init: %cst_208) applies stablehlo.add across dimensions = [3] : (tensor<2x3x197x197xf32>, tensor<f32>) -> tensor<2x3x197xf32>
    %1152 = stablehlo.broadcast_in_dim %1151, dims = [0, 1, 2] : (tensor<2x3x197xf32>) -> tensor<2x3x197x1xf32>
    %1153 = stablehlo.broadcast_in_dim %1152, dims = [0, 1, 2, 3] : (tensor<2x3x197x1xf32>) -> tensor<2x3x197x197xf32>
    %1154 = stablehlo.divide %1150, %1153 : tensor<2x3x197x197xf32>
    %1155 = stablehlo.dot_general %1138, %1154, batching_dims = [0, 2] x [0, 1], contracting_dims = [1] x [3], precision = [DEFAULT, DEFAULT] : (tensor<2x197x3x64xf32>, tensor<2x3x197x197xf32>) -> tensor<2x3x64x197xf32>
    %1156 = stablehlo.transpose %1155, dims = [0, 3, 1, 2] : (tensor<2x3x64x197xf32>) -> tensor<2x197x3x64xf32>
    %1157 = stablehlo.dot_general %1156, %arg45, contracting_dims = [2, 3] x [0, 1], precision = [DEFAULT, DEFAULT] : (tensor<2x197x3x64xf32>, tensor<3x64x192xf32>) -> tensor<2x197x192xf32>
    %1158 = stablehlo.reshape %arg44 : (tensor<192xf32>) -> tensor<1x1x192xf32>
    %1159 = stablehlo.broadcast_in_dim %1158, dims = [0, 1, 2] : (tensor<1x1x192xf32>) -> tensor<2x197x192xf32>
    %1160 = stablehlo.add %1157, %1159 : tensor<2x197x192xf32>
    %1161 = stablehlo.add %1100, %1160 : tensor<2x197x192xf32>
    %1162 = chlo.square %1161 : tensor<2x197x192xf32> -> tensor<2x197x192xf32>
    %cst_209 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %1163 = stablehlo.reduce(%1161 init: %cst_209) applies stablehlo.add across dimensions = [2] : (tensor<2x197x192xf32>, tensor<f32>) -> tensor<2x197xf32>
    %cst_210 = stablehlo.constant dense<1.920000e+02> : tensor<f32>
    %1164 = stablehlo.broadcast_in_dim %cst_210, dims = [] : (tensor<f32>) -> tensor<2x197xf32>
    %1165 = stablehlo.divide %1163, %1164 : tensor<2x197xf32>
    %cst_211 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %1166 = stablehlo.reduce(%1162 init: %cst_211) applies stablehlo.add across dimensions = [2] : (tensor<2x197x192xf32>, tensor<f32>) -> tensor<2x197xf32>
    %cst_212 = stablehlo.constant dense<1.920000e+02> : tensor<f32>
    %1167 = stablehlo.broadcast_in_dim %cst_212, dims = [] : (tensor<f32>) -> tensor<2x197xf32>
    %1168 = stablehlo.divide %1166, %1167 : tensor<2x197xf32>
    %1169 = chlo.square %1165 : tensor<2x197xf32> -> tensor<2x197xf32>
    %1170 = stablehlo.subtract %1168, %1169 : tensor<2x197xf32>
    %cst_213 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %1171 = stablehlo.broadcast_in_dim %cst_213, dims = [] : (tensor<f32>) -> tensor<2x197xf32>
    %1172 = stablehlo.maximum %1171, %1170 : tensor<2x197xf32>
    %1173 = stablehlo.broadcast_in_dim %1165, dims = [0, 1] : (tensor<2x197xf32>) -> tensor<2x197x1xf32>
    %1174 = stablehlo.broadcast_in_dim %1172, dims = [0, 1] : (tensor<2x197xf32>) -> tensor<2x197x1xf32>
    %1175 = stablehlo.broadcast_in_dim %1173, dims = [0, 1, 2] : (tensor<2x197x1xf32>) -> tensor<2x197x192xf32>
    %1176 = stablehlo.subtract %1161, %1175 : tensor<2x197x192xf32>
    %cst_214 = stablehlo.constant dense<9.99999997E-7> : tensor<f32>
    %1177 = stablehlo.broadcast_in_dim %cst_214, dims = [] : (tensor<f32>) -> tensor<2x197x1xf32>
    %1178 = stablehlo.add %1174, %1177 : tensor<2x197x1xf32>
    %1179 = stablehlo.rsqrt %1178 : tensor<2x197x1xf32>
    %1180 = stablehlo.reshape %arg37 : (tensor<192xf32>) -> tensor<1x1x192xf32>
    %1181 = stablehlo.broadcast_in_dim %1179, dims = [0, 1, 2] : (tensor<2x197x1xf32>) -> tensor<2x197x192xf32>
    %1182 = stablehlo.broadcast_in_dim %1180, dims = [0, 1, 2] : (tensor<1x1x192xf32>) -> tensor<2x197x192xf32>
    %1183 = stablehlo.multiply %1181, %1182 : tensor<2x197x192xf32>
    %1184 = stablehlo.multiply %1176, %1183 : tensor<2x197x192xf32>
    %1185 = stablehlo.reshape %arg36 : (tensor<192xf32>) -> tensor<1x1x192xf32>
    %1186 = stablehlo.broadcast_in_dim %1185, dims = [0, 1, 2] : (tensor<1x1x192xf32>) -> tensor<2x197x192xf32>
    %1187 = stablehlo.add %1184, %1186 : tensor<2x197x192xf32>
    %1188 = stablehlo.dot_general %1187, %arg39, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x197x192xf32>, tensor<192x768xf32>) -> tensor<2x197x768xf32>
    %1189 = stablehlo.reshape %arg38 : (tensor<768xf32>) -> tensor<1x1x768xf32>
    %1190 = stablehlo.broadcast_in_dim %1189, dims = [0, 1, 2] : (tensor<1x1x768xf32>) -> tensor<2x197x768xf32>
    %1191 = stablehlo.add %1188, %1190 : tensor<2x197x768xf32>
    %1192 = stablehlo.multiply %1191, %1191 : tensor<2x197x768xf32>
    %1193 = stablehlo.multiply %1192, %1191 : tensor<2x197x768xf32>
    %cst_215 = stablehlo.constant dense<4.471500e-02> : tensor<f32>
    %1194 = stablehlo.broadcast_in_dim %cst_215, dims = [] : (tensor<f32>) -> tensor<2x197x768xf32>
    %1195 = stablehlo.multiply %1194, %1193 : tensor<2x197x768xf32>
    %1196 = stablehlo.add %1191, %1195 : tensor<2x197x768xf32>
    %cst_216 = stablehlo.constant dense<0.797884583> : tensor<f32>
    %1197 = stablehlo.broadcast_in_dim %cst_216, dims = [] : (tensor<f32>) -> tensor<2x197x768xf32>
    %1198 = stablehlo.multiply %1197, %1196 : tensor<2x197x768xf32>
    %1199 = stablehlo.tanh %1198 : tensor<2x197x768xf32>
    %cst_217 = stablehlo.constant dense<1.000000e+00> : tensor<f32>
    %1200 = stablehlo.broadcast_in_dim %cst_217, dims = [] : (tensor<f32>) -> tensor<2x197x768xf32>
    %1201 = stablehlo.add %1200, %1199 : tensor<2x197x768xf32>
    %cst_218 = stablehlo.constant dense<5.000000e-01> : tensor<f32>
    %1202 = stablehlo.broadcast_in_dim %cst_218, dims = [] : (tensor<f32>) -> tensor<2x197x768xf32>
    %1203 = stablehlo.multiply %1202, %1201 : tensor<2x197x768xf32>
    %1204 = stablehlo.multiply %1191, %1203 : tensor<2x197x768xf32>
    %1205 = stablehlo.dot_general %1204, %arg41, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x197x768xf32>, tensor<768x192xf32>) -> tensor<2x197x192xf32>
    %1206 = stablehlo.reshape %arg40 : (tensor<192xf32>) -> tensor<1x1x192xf32>
    %1207 = stablehlo.broadcast_in_dim %1206, dims = [0, 1, 2] : (tensor<1x1x192xf32>) -> tensor<2x197x192xf32>
    %1208 = stablehlo.add %1205, %1207 : tensor<2x197x192xf32>
    %1209 = stablehlo.add %1161, %1208 : tensor<2x197x192xf32>
    %1210 = chlo.square %1209 : tensor<2x197x192xf32> -> tensor<2x197x192xf32>
    %cst_219 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %1211 = stablehlo.reduce(%1209 init: %cst_219) applies stablehlo.add across dimensions = [2] : (tensor<2x197x192xf32>, tensor<f32>) -> tensor<2x197xf32>
    %cst_220 = stablehlo.constant dense<1.920000e+02> : tensor<f32>
    %1212 = stablehlo.broadcast_in_dim %cst_220, dims = [] : (tensor<f32>) -> tensor<2x197xf32>
    %1213 = stablehlo.divide %1211, %1212 : tensor<2x197xf32>
    %cst_221 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %1214 = stablehlo.reduce(%1210 init: %cst_221) applies stablehlo.add across dimensions = [2] : (tensor<2x197x192xf32>, tensor<f32>) -> tensor<2x197xf32>
    %cst_222 = stablehlo.constant dense<1.920000e+02> : tensor<f32>
    %1215 = stablehlo.broadcast_in_dim %cst_222, dims = [] : (tensor<f32>) -> tensor<2x197xf32>
    %1216 = stablehlo.divide %1214, %1215 : tensor<2x197xf32>
    %1217 = chlo.square %1213 : tensor<2x197xf32> -> tensor<2x197xf32>
    %1218 = stablehlo.subtract %1216, %1217 : tensor<2x197xf32>
    %cst_223 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %1219 = stablehlo.broadcast_in_dim %cst_223, dims = [] : (tensor<f32>) -> tensor<2x197xf32>
    %1220 = stablehlo.maximum %1219, %1218 : tensor<2x197xf32>
    %1221 = stablehlo.broadcast_in_dim %1213, dims = [0, 1] : (tensor<2x197xf32>) -> tensor<2x197x1xf32>
    %1222 = stablehlo.broadcast_in_dim %1220, dims = [0, 1] : (tensor<2x197xf32>) -> tensor<2x197x1xf32>
    %1223 = stablehlo.broadcast_in_dim %1221, dims = [0, 1, 2] : (tensor<2x197x1xf32>) -> tensor<2x197x192xf32>
    %1224 = stablehlo.subtract %1209, %1223 : tensor<2x197x192xf32>
    %cst_224 = stablehlo.constant dense<9.99999997E-7> : tensor<f32>
    %1225 = stablehlo.broadcast_in_dim %cst_224, dims = [] : (tensor<f32>) -> tensor<2x197x1xf32>
    %1226 = stablehlo.add %1222, %1225 : tensor<2x197x1xf32>
    %1227 = stablehlo.rsqrt %1226 : tensor<2x197x1xf32>
    %1228 = stablehlo.reshape %arg51 : (tensor<192xf32>) -> tensor<1x1x192xf32>
    %1229 = stablehlo.broadcast_in_dim %1227, dims = [0, 1, 2] : (tensor<2x197x1xf32>) -> tensor<2x197x192xf32>
    %1230 = stablehlo.broadcast_in_dim %1228, dims = [0, 1, 2] : (tensor<1x1x192xf32>) -> tensor<2x197x192xf32>
    %1231 = stablehlo.multiply %1229, %1230 : tensor<2x197x192xf32>
    %1232 = stablehlo.multiply %1224, %1231 : tensor<2x197x192xf32>
    %1233 = stablehlo.reshape %arg50 : (tensor<192xf32>) -> tensor<1x1x192xf32>
    %1234 = stablehlo.broadcast_in_dim %1233, dims = [0, 1, 2] : (tensor<1x1x192xf32>) -> tensor<2x197x192xf32>
    %1235 = stablehlo.add %1232, %1234 : tensor<2x197x192xf32>
    %1236 = stablehlo.dot_general %1235, %arg63, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x197x192xf32>, tensor<192x3x64xf32>) -> tensor<2x197x3x64xf32>
    %1237 = stablehlo.reshape %arg62 : (tensor<3x64xf32>) -> tensor<1x1x3x64xf32>
    %1238 = stablehlo.broadcast_in_dim %1237, dims = [0, 1, 2, 3] : (tensor<1x1x3x64xf32>) -> tensor<2x197x3x64xf32>
    %1239 = stablehlo.add %1236, %1238 : tensor<2x197x3x64xf32>
    %1240 = stablehlo.dot_general %1235, %arg59, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x197x192xf32>, tensor<192x3x64xf32>) -> tensor<2x197x3x64xf32>
    %1241 = stablehlo.reshape %arg58 : (tensor<3x64xf32>) -> tensor<1x1x3x64xf32>
    %1242 = stablehlo.broadcast_in_dim %1241, dims = [0, 1, 2, 3] : (tensor<1x1x3x64xf32>) -> tensor<2x197x3x64xf32>
    %1243 = stablehlo.add %1240, %1242 : tensor<2x197x3x64xf32>
    %1244 = stablehlo.dot_general %1235, %arg65, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x197x192xf32>, tensor<192x3x64xf32>) -> tensor<2x197x3x64xf32>
    %1245 = stablehlo.reshape %arg64 : (tensor<3x64xf32>) -> tensor<1x1x3x64xf32>
    %1246 = stablehlo.broadcast_in_dim %1245, dims = [0, 1, 2, 3] : (tensor<1x1x3x64xf32>) -> tensor<2x197x3x64xf32>
    %1247 = stablehlo.add %1244, %1246 : tensor<2x197x3x64xf32>
    %cst_225 = stablehlo.constant dense<6.400000e+01> : tensor<f32>
    %1248 = stablehlo.sqrt %cst_225 : tensor<f32>
    %1249 = stablehlo.convert %1248 : tensor<f32>
    %1250 = stablehlo.broadcast_in_dim %1249, dims = [] : (tensor<f32>) -> tensor<2x197x3x64xf32>
    %1251 = stablehlo.divide %1239, %1250 : tensor<2x197x3x64xf32>
    %1252 = stablehlo.dot_general %1251, %1243, batching_dims = [0, 2] x [0, 2], contracting_dims = [3] x [3], precision = [DEFAULT, DEFAULT] : (tensor<2x197x3x64xf32>, tensor<2x197x3x64xf32>) -> tensor<2x3x197x197xf32>
    %cst_226 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %1253 = stablehlo.reduce(%1252 init: %cst_226) applies stablehlo.maximum across dimensions = [3] : (tensor<2x3x197x197xf32>, tensor<f32>) -> tensor<2x3x197xf32>
    %cst_227 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %1254 = stablehlo.broadcast_in_dim %cst_227, dims = [] : (tensor<f32>) -> tensor<2x3x197xf32>
    %1255 = stablehlo.maximum %1254, %1253 : tensor<2x3x197xf32>
    %1256 = stablehlo.broadcast_in_dim %1255, dims = [0, 1, 2] : (tensor<2x3x197xf32>) -> tensor<2x3x197x1xf32>
    %1257 = stablehlo.broadcast_in_dim %1256, dims = [0, 1, 2, 3] : (tensor<2x3x197x1xf32>) -> tensor<2x3x197x197xf32>
    %1258 = stablehlo.subtract %1252, %1257 : tensor<2x3x197x197xf32>
    %1259 = stablehlo.exponential %1258 : tensor<2x3x197x197xf32>
    %cst_228 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %1260 = stablehlo.reduce(%1259 init: %cst_228) applies stablehlo.add across dimensions = [3] : (tensor<2x3x197x197xf32>, tensor<f32>) -> tensor<2x3x197xf32>
    %1261 = stablehlo.broadcast_in_dim %1260, dims = [0, 1, 2] : (tensor<2x3x197xf32>) -> tensor<2x3x197x1xf32>
    %1262 = stablehlo.broadcast_in_dim %1261, dims = [0, 1, 2, 3] : (tensor<2x3x197x1xf32>) -> tensor<2x3x197x197xf32>
    %1263 = stablehlo.divide %1259, %1262 : tensor<2x3x197x197xf32>
    %1264 = stablehlo.dot_general %1247, %1263, batching_dims = [0, 2] x [0, 1], contracting_dims = [1] x [3], precision = [DEFAULT, DEFAULT] : (tensor<2x197x3x64xf32>, tensor<2x3x197x197xf32>) -> tensor<2x3x64x197xf32>
    %1265 = stablehlo.transpose %1264, dims = [0, 3, 1, 2] : (tensor<2x3x64x197xf32>) -> tensor<2x197x3x64xf32>
    %1266 = stablehlo.dot_general %1265, %arg61, contracting_dims = [2, 3] x [0, 1], precision = [DEFAULT, DEFAULT] : (tensor<2x197x3x64xf32>, tensor<3x64x192xf32>) -> tensor<2x197x192xf32>
    %1267 = stablehlo.reshape %arg60 : (tensor<192xf32>) -> tensor<1x1x192xf32>
    %1268 = stablehlo.broadcast_in_dim %1267, dims = [0, 1, 2] : (tensor<1x1x192xf32>) -> tensor<2x197x192xf32>
    %1269 = stablehlo.add %1266, %1268 : tensor<2x197x192xf32>
    %1270 = stablehlo.add %1209, %1269 : tensor<2x197x192xf32>
    %1271 = chlo.square %1270 : tensor<2x197x192xf32> -> tensor<2x197x192xf32>
    %cst_229 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %1272 = stablehlo.reduce(%1270 init: %cst_229) applies stablehlo.add across dimensions = [2] : (tensor<2x197x192xf32>, tensor<f32>) -> tensor<2x197xf32>
    %cst_230 = stablehlo.constant dense<1.920000e+02> : tensor<f32>
    %1273 = stablehlo.broadcast_in_dim %cst_230, dims = [] : (tensor<f32>) -> tensor<2x197xf32>
    %1274 = stablehlo.divide %1272, %1273 : tensor<2x197xf32>
    %cst_231 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %1275 = stablehlo.reduce(%1271 init: %cst_231) applies stablehlo.add across dimensions = [2] : (tensor<2x197x192xf32>, tensor<f32>) -> tensor<2x197xf32>
    %cst_232 = stablehlo.constant dense<1.920000e+02> : tensor<f32>
    %1276 = stablehlo.broadcast_in_dim %cst_232, dims = [] : (tensor<f32>) -> tensor<2x197xf32>
    %1277 = stablehlo.divide %1275, %1276 : tensor<2x197xf32>
    %1278 = chlo.square %1274 : tensor<2x197xf32> -> tensor<2x197xf32>
    %1279 = stablehlo.subtract %1277, %1278 : tensor<2x197xf32>
    %cst_233 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %1280 = stablehlo.broadcast_in_dim %cst_233, dims = [] : (tensor<f32>) -> tensor<2x197xf32>
    %1281 = stablehlo.maximum %1280, %1279 : tensor<2x197xf32>
    %1282 = stablehlo.broadcast_in_dim %1274, dims = [0, 1] : (tensor<2x197xf32>) -> tensor<2x197x1xf32>
    %1283 = stablehlo.broadcast_in_dim %1281, dims = [0, 1] : (tensor<2x197xf32>) -> tensor<2x197x1xf32>
    %1284 = stablehlo.broadcast_in_dim %1282, dims = [0, 1, 2] : (tensor<2x197x1xf32>) -> tensor<2x197x192xf32>
    %1285 = stablehlo.subtract %1270, %1284 : tensor<2x197x192xf32>
    %cst_234 = stablehlo.constant dense<9.99999997E-7> : tensor<f32>
    %1286 = stablehlo.broadcast_in_dim %cst_234, dims = [] : (tensor<f32>) -> tensor<2x197x1xf32>
    %1287 = stablehlo.add %1283, %1286 : tensor<2x197x1xf32>
    %1288 = stablehlo.rsqrt %1287 : tensor<2x197x1xf32>
    %1289 = stablehlo.reshape %arg53 : (tensor<192xf32>) -> tensor<1x1x192xf32>
    %1290 = stablehlo.broadcast_in_dim %1288, dims = [0, 1, 2] : (tensor<2x197x1xf32>) -> tensor<2x197x192xf32>
    %1291 = stablehlo.broadcast_in_dim %1289, dims = [0, 1, 2] : (tensor<1x1x192xf32>) -> tensor<2x197x192xf32>
    %1292 = stablehlo.multiply %1290, %1291 : tensor<2x197x192xf32>
    %1293 = stablehlo.multiply %1285, %1292 : tensor<2x197x192xf32>
    %1294 = stablehlo.reshape %arg52 : (tensor<192xf32>) -> tensor<1x1x192xf32>
    %1295 = stablehlo.broadcast_in_dim %1294, dims = [0, 1, 2] : (tensor<1x1x192xf32>) -> tensor<2x197x192xf32>
    %1296 = stablehlo.add %1293, %1295 : tensor<2x197x192xf32>
    %1297 = stablehlo.dot_general %1296, %arg55, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x197x192xf32>, tensor<192x768xf32>) -> tensor<2x197x768xf32>
    %1298 = stablehlo.reshape %arg54 : (tensor<768xf32>) -> tensor<1x1x768xf32>
    %1299 = stablehlo.broadcast_in_dim %1298, dims = [0, 1, 2] : (tensor<1x1x768xf32>) -> tensor<2x197x768xf32>
    %1300 = stablehlo.add %1297, %1299 : tensor<2x197x768xf32>
    %1301 = stablehlo.multiply %1300, %1300 : tensor<2x197x768xf32>
    %1302 = stablehlo.multiply %1301, %1300 : tensor<2x197x768xf32>
    %cst_235 = stablehlo.constant dense<4.471500e-02> : tensor<f32>
    %1303 = stablehlo.broadcast_in_dim %cst_235, dims = [] : (tensor<f32>) -> tensor<2x197x768xf32>
    %1304 = stablehlo.multiply %1303, %1302 : tensor<2x197x768xf32>
    %1305 = stablehlo.add %1300, %1304 : tensor<2x197x768xf32>
    %cst_236 = stablehlo.constant dense<0.797884583> : tensor<f32>
    %1306 = stablehlo.broadcast_in_dim %cst_236, dims = [] : (tensor<f32>) -> tensor<2x197x768xf32>
    %1307 = stablehlo.multiply %1306, %1305 : tensor<2x197x768xf32>
    %1308 = stablehlo.tanh %1307 : tensor<2x197x768xf32>
    %cst_237 = stablehlo.constant dense<1.000000e+00> : tensor<f32>
    %1309 = stablehlo.broadcast_in_dim %cst_237, dims = [] : (tensor<f32>) -> tensor<2x197x768xf32>
    %1310 = stablehlo.add %1309, %1308 : tensor<2x197x768xf32>
    %cst_238 = stablehlo.constant dense<5.000000e-01> : tensor<f32>
    %1311 = stablehlo.broadcast_in_dim %cst_238, dims = [] : (tensor<f32>) -> tensor<2x197x768xf32>
    %1312 = stablehlo.multiply %1311, %1310 : tensor<2x197x768xf32>
    %1313 = stablehlo.multiply %1300, %1312 : tensor<2x197x768xf32>
    %1314 = stablehlo.dot_general %1313, %arg57, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x197x768xf32>, tensor<768x192xf32>) -> tensor<2x197x192xf32>
    %1315 = stablehlo.reshape %arg56 : (tensor<192xf32>) -> tensor<1x1x192xf32>
    %1316 = stablehlo.broadcast_in_dim %1315, dims = [0, 1, 2] : (tensor<1x1x192xf32>) -> tensor<2x197x192xf32>
    %1317 = stablehlo.add %1314, %1316 : tensor<2x197x192xf32>
    %1318 = stablehlo.add %1270, %1317 : tensor<2x197x192xf32>
    %1319 = chlo.square %1318 : tensor<2x197x192xf32> -> tensor<2x197x192xf32>
    %cst_239 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %1320 = stablehlo.reduce(%1318 init: %cst_239) applies stablehlo.add across dimensions = [2] : (tensor<2x197x192xf32>, tensor<f32>) -> tensor<2x197xf32>
    %cst_240 = stablehlo.constant dense<1.920000e+02> : tensor<f32>
    %1321 = stablehlo.broadcast_in_dim %cst_240, dims = [] : (tensor<f32>) -> tensor<2x197xf32>
    %1322 = stablehlo.divide %1320, %1321 : tensor<2x197xf32>
    %cst_241 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %1323 = stablehlo.reduce(%1319 init: %cst_241) applies stablehlo.add across dimensions = [2] : (tensor<2x197x192xf32>, tensor<f32>) -> tensor<2x197xf32>
    %cst_242 = stablehlo.constant dense<1.920000e+02> : tensor<f32>
    %1324 = stablehlo.broadcast_in_dim %cst_242, dims = [] : (tensor<f32>) -> tensor<2x197xf32>
    %1325 = stablehlo.divide %1323, %1324 : tensor<2x197xf32>
    %1326 = chlo.square %1322 : tensor<2x197xf32> -> tensor<2x197xf32>
    %1327 = stablehlo.subtract %1325, %1326 : tensor<2x197xf32>
    %cst_243 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %1328 = stablehlo.broadcast_in_dim %cst_243, dims = [] : (tensor<f32>) -> tensor<2x197xf32>
    %1329 = stablehlo.maximum %1328, %1327 : tensor<2x197xf32>
    %1330 = stablehlo.broadcast_in_dim %1322, dims = [0, 1] : (tensor<2x197xf32>) -> tensor<2x197x1xf32>
    %1331 = stablehlo.broadcast_in_dim %1329, dims = [0, 1] : (tensor<2x197xf32>) -> tensor<2x197x1xf32>
    %1332 = stablehlo.broadcast_in_dim %1330, dims = [0, 1, 2] : (tensor<2x197x1xf32>) -> tensor<2x197x192xf32>
    %1333 = stablehlo.subtract %1318, %1332 : tensor<2x197x192xf32>
    %cst_244 = stablehlo.constant dense<9.99999997E-7> : tensor<f32>
    %1334 = stablehlo.broadcast_in_dim %cst_244, dims = [] : (tensor<f32>) -> tensor<2x197x1xf32>
    %1335 = stablehlo.add %1331, %1334 : tensor<2x197x1xf32>
    %1336 = stablehlo.rsqrt %1335 : tensor<2x197x1xf32>
    %1337 = stablehlo.reshape %arg1 : (tensor<192xf32>) -> tensor<1x1x192xf32>
    %1338 = stablehlo.broadcast_in_dim %1336, dims = [0, 1, 2] : (tensor<2x197x1xf32>) -> tensor<2x197x192xf32>
    %1339 = stablehlo.broadcast_in_dim %1337, dims = [0, 1, 2] : (tensor<1x1x192xf32>) -> tensor<2x197x192xf32>
    %1340 = stablehlo.multiply %1338, %1339 : tensor<2x197x192xf32>
    %1341 = stablehlo.multiply %1333, %1340 : tensor<2x197x192xf32>
    %1342 = stablehlo.reshape %arg0 : (tensor<192xf32>) -> tensor<1x1x192xf32>
    %1343 = stablehlo.broadcast_in_dim %1342, dims = [0, 1, 2] : (tensor<1x1x192xf32>) -> tensor<2x197x192xf32>
    %1344 = stablehlo.add %1341, %1343 : tensor<2x197x192xf32>
    %1345 = stablehlo.slice %1344 [0:2, 0:1, 0:192] : (tensor<2x197x192xf32>) -> tensor<2x1x192xf32>
    %1346 = stablehlo.reshape %1345 : (tensor<2x1x192xf32>) -> tensor<2x192xf32>
    %1347 = stablehlo.dot_general %1346, %arg198, contracting_dims = [1] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x192xf32>, tensor<192x10xf32>) -> tensor<2x10xf32>
    %1348 = stablehlo.reshape %arg197 : (tensor<10xf32>) -> tensor<1x10xf32>
    %1349 = stablehlo.broadcast_in_dim %1348, dims = [0, 1] : (tensor<1x10xf32>) -> tensor<2x10xf32>
    %1350 = stablehlo.add %1347, %1349 : tensor<2x10xf32>
    return %1350 : tensor<2x10xf32>
  }
}
