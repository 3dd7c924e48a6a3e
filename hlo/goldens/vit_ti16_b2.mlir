module @vit attributes {mhlo.num_partitions = 1 : i32, mhlo.num_replicas = 1 : i32} {
  func.func public @main(%arg0: tensor<2x224x224x3xf32> {jax.arg_info = "image"}, %arg1: tensor<16x16x3x192xf32> {jax.arg_info = "embedding/kernel"}, %arg2: tensor<192xf32> {jax.arg_info = "embedding/bias"}, %arg3: tensor<1x196x192xf32> {jax.arg_info = "pos_embedding"}, %arg4: tensor<192xf32> {jax.arg_info = "Transformer/encoderblock_0/LayerNorm_0/scale"}, %arg5: tensor<192xf32> {jax.arg_info = "Transformer/encoderblock_0/LayerNorm_0/bias"}, %arg6: tensor<192x3x64xf32> {jax.arg_info = "Transformer/encoderblock_0/MultiHeadDotProductAttention_0/query/kernel"}, %arg7: tensor<3x64xf32> {jax.arg_info = "Transformer/encoderblock_0/MultiHeadDotProductAttention_0/query/bias"}, %arg8: tensor<192x3x64xf32> {jax.arg_info = "Transformer/encoderblock_0/MultiHeadDotProductAttention_0/key/kernel"}, %arg9: tensor<3x64xf32> {jax.arg_info = "Transformer/encoderblock_0/MultiHeadDotProductAttention_0/key/bias"}, %arg10: tensor<192x3x64xf32> {jax.arg_info = "Transformer/encoderblock_0/MultiHeadDotProductAttention_0/value/kernel"}, %arg11: tensor<3x64xf32> {jax.arg_info = "Transformer/encoderblock_0/MultiHeadDotProductAttention_0/value/bias"}, %arg12: tensor<3x64x192xf32> {jax.arg_info = "Transformer/encoderblock_0/MultiHeadDotProductAttention_0/out/kernel"}, %arg13: tensor<192xf32> {jax.arg_info = "Transformer/encoderblock_0/MultiHeadDotProductAttention_0/out/bias"}, %arg14: tensor<192xf32> {jax.arg_info = "Transformer/encoderblock_0/LayerNorm_1/scale"}, %arg15: tensor<192xf32> {jax.arg_info = "Transformer/encoderblock_0/LayerNorm_1/bias"}, %arg16: tensor<192x768xf32> {jax.arg_info = "Transformer/encoderblock_0/MlpBlock_0/Dense_0/kernel"}, %arg17: tensor<768xf32> {jax.arg_info = "Transformer/encoderblock_0/MlpBlock_0/Dense_0/bias"}, %arg18: tensor<768x192xf32> {jax.arg_info = "Transformer/encoderblock_0/MlpBlock_0/Dense_1/kernel"}, %arg19: tensor<192xf32> {jax.arg_info = "Transformer/encoderblock_0/MlpBlock_0/Dense_1/bias"}, %arg20: tensor<192xf32> {jax.arg_info = "Transformer/encoderblock_1/LayerNorm_0/scale"}, %arg21: tensor<192xf32> {jax.arg_info = "Transformer/encoderblock_1/LayerNorm_0/bias"}, %arg22: tensor<192x3x64xf32> {jax.arg_info = "Transformer/encoderblock_1/MultiHeadDotProductAttention_0/query/kernel"}, %arg23: tensor<3x64xf32> {jax.arg_info = "Transformer/encoderblock_1/MultiHeadDotProductAttention_0/query/bias"}, %arg24: tensor<192x3x64xf32> {jax.arg_info = "Transformer/encoderblock_1/MultiHeadDotProductAttention_0/key/kernel"}, %arg25: tensor<3x64xf32> {jax.arg_info = "Transformer/encoderblock_1/MultiHeadDotProductAttention_0/key/bias"}, %arg26: tensor<192x3x64xf32> {jax.arg_info = "Transformer/encoderblock_1/MultiHeadDotProductAttention_0/value/kernel"}, %arg27: tensor<3x64xf32> {jax.arg_info = "Transformer/encoderblock_1/MultiHeadDotProductAttention_0/value/bias"}, %arg28: tensor<3x64x192xf32> {jax.arg_info = "Transformer/encoderblock_1/MultiHeadDotProductAttention_0/out/kernel"}, %arg29: tensor<192xf32> {jax.arg_info = "Transformer/encoderblock_1/MultiHeadDotProductAttention_0/out/bias"}, %arg30: tensor<192xf32> {jax.arg_info = "Transformer/encoderblock_1/LayerNorm_1/scale"}, %arg31: tensor<192xf32> {jax.arg_info = "Transformer/encoderblock_1/LayerNorm_1/bias"}, %arg32: tensor<192x768xf32> {jax.arg_info = "Transformer/encoderblock_1/MlpBlock_0/Dense_0/kernel"}, %arg33: tensor<768xf32> {jax.arg_info = "Transformer/encoderblock_1/MlpBlock_0/Dense_0/bias"}, %arg34: tensor<768x192xf32> {jax.arg_info = "Transformer/encoderblock_1/MlpBlock_0/Dense_1/kernel"}, %arg35: tensor<192xf32> {jax.arg_info = "Transformer/encoderblock_1/MlpBlock_0/Dense_1/bias"}, %arg36: tensor<192xf32> {jax.arg_info = "Transformer/encoderblock_2/LayerNorm_0/scale"}, %arg37: tensor<192xf32> {jax.arg_info = "Transformer/encoderblock_2/LayerNorm_0/bias"}, %arg38: tensor<192x3x64xf32> {jax.arg_info = "Transformer/encoderblock_2/MultiHeadDotProductAttention_0/query/kernel"}, %arg39: tensor<3x64xf32> {jax.arg_info = "Transformer/encoderblock_2/MultiHeadDotProductAttention_0/query/bias"}, %arg40: tensor<192x3x64xf32> {jax.arg_info = "Transformer/encoderblock_2/MultiHeadDotProductAttention_0/key/kernel"}, %arg41: tensor<3x64xf32> {jax.arg_info = "Transformer/encoderblock_2/MultiHeadDotProductAttention_0/key/bias"}, %arg42: tensor<192x3x64xf32> {jax.arg_info = "Transformer/encoderblock_2/MultiHeadDotProductAttention_0/value/kernel"}, %arg43: tensor<3x64xf32> {jax.arg_info = "Transformer/encoderblock_2/MultiHeadDotProductAttention_0/value/bias"}, %arg44: tensor<3x64x192xf32> {jax.arg_info = "Transformer/encoderblock_2/MultiHeadDotProductAttention_0/out/kernel"}, %arg45: tensor<192xf32> {jax.arg_info = "Transformer/encoderblock_2/MultiHeadDotProductAttention_0/out/bias"}, %arg46: tensor<192xf32> {jax.arg_info = "Transformer/encoderblock_2/LayerNorm_1/scale"}, %arg47: tensor<192xf32> {jax.arg_info = "Transformer/encoderblock_2/LayerNorm_1/bias"}, %arg48: tensor<192x768xf32> {jax.arg_info = "Transformer/encoderblock_2/MlpBlock_0/Dense_0/kernel"}, %arg49: tensor<768xf32> {jax.arg_info = "Transformer/encoderblock_2/MlpBlock_0/Dense_0/bias"}, %arg50: tensor<768x192xf32> {jax.arg_info = "Transformer/encoderblock_2/MlpBlock_0/Dense_1/kernel"}, %arg51: tensor<192xf32> {jax.arg_info = "Transformer/encoderblock_2/MlpBlock_0/Dense_1/bias"}, %arg52: tensor<192xf32> {jax.arg_info = "Transformer/encoderblock_3/LayerNorm_0/scale"}, %arg53: tensor<192xf32> {jax.arg_info = "Transformer/encoderblock_3/LayerNorm_0/bias"}, %arg54: tensor<192x3x64xf32> {jax.arg_info = "Transformer/encoderblock_3/MultiHeadDotProductAttention_0/query/kernel"}, %arg55: tensor<3x64xf32> {jax.arg_info = "Transformer/encoderblock_3/MultiHeadDotProductAttention_0/query/bias"}, %arg56: tensor<192x3x64xf32> {jax.arg_info = "Transformer/encoderblock_3/MultiHeadDotProductAttention_0/key/kernel"}, %arg57: tensor<3x64xf32> {jax.arg_info = "Transformer/encoderblock_3/MultiHeadDotProductAttention_0/key/bias"}, %arg58: tensor<192x3x64xf32> {jax.arg_info = "Transformer/encoderblock_3/MultiHeadDotProductAttention_0/value/kernel"}, %arg59: tensor<3x64xf32> {jax.arg_info = "Transformer/encoderblock_3/MultiHeadDotProductAttention_0/value/bias"}, %arg60: tensor<3x64x192xf32> {jax.arg_info = "Transformer/encoderblock_3/MultiHeadDotProductAttention_0/out/kernel"}, %arg61: tensor<192xf32> {jax.arg_info = "Transformer/encoderblock_3/MultiHeadDotProductAttention_0/out/bias"}, %arg62: tensor<192xf32> {jax.arg_info = "Transformer/encoderblock_3/LayerNorm_1/scale"}, %arg63: tensor<192xf32> {jax.arg_info = "Transformer/encoderblock_3/LayerNorm_1/bias"}, %arg64: tensor<192x768xf32> {jax.arg_info = "Transformer/encoderblock_3/MlpBlock_0/Dense_0/kernel"}, %arg65: tensor<768xf32> {jax.arg_info = "Transformer/encoderblock_3/MlpBlock_0/Dense_0/bias"}, %arg66: tensor<768x192xf32> {jax.arg_info = "Transformer/encoderblock_3/MlpBlock_0/Dense_1/kernel"}, %arg67: tensor<192xf32> {jax.arg_info = "Transformer/encoderblock_3/MlpBlock_0/Dense_1/bias"}, %arg68: tensor<192xf32> {jax.arg_info = "Transformer/encoderblock_4/LayerNorm_0/scale"}, %arg69: tensor<192xf32> {jax.arg_info = "Transformer/encoderblock_4/LayerNorm_0/bias"}, %arg70: tensor<192x3x64xf32> {jax.arg_info = "Transformer/encoderblock_4/MultiHeadDotProductAttention_0/query/kernel"}, %arg71: tensor<3x64xf32> {jax.arg_info = "Transformer/encoderblock_4/MultiHeadDotProductAttention_0/query/bias"}, %arg72: tensor<192x3x64xf32> {jax.arg_info = "Transformer/encoderblock_4/MultiHeadDotProductAttention_0/key/kernel"}, %arg73: tensor<3x64xf32> {jax.arg_info = "Transformer/encoderblock_4/MultiHeadDotProductAttention_0/key/bias"}, %arg74: tensor<192x3x64xf32> {jax.arg_info = "Transformer/encoderblock_4/MultiHeadDotProductAttention_0/value/kernel"}, %arg75: tensor<3x64xf32> {jax.arg_info = "Transformer/encoderblock_4/MultiHeadDotProductAttention_0/value/bias"}, %arg76: tensor<3x64x192xf32> {jax.arg_info = "Transformer/encoderblock_4/MultiHeadDotProductAttention_0/out/kernel"}, %arg77: tensor<192xf32> {jax.arg_info = "Transformer/encoderblock_4/MultiHeadDotProductAttention_0/out/bias"}, %arg78: tensor<192xf32> {jax.arg_info = "Transformer/encoderblock_4/LayerNorm_1/scale"}, %arg79: tensor<192xf32> {jax.arg_info = "Transformer/encoderblock_4/LayerNorm_1/bias"}, %arg80: tensor<192x768xf32> {jax.arg_info = "Transformer/encoderblock_4/MlpBlock_0/Dense_0/kernel"}, %arg81: tensor<768xf32> {jax.arg_info = "Transformer/encoderblock_4/MlpBlock_0/Dense_0/bias"}, %arg82: tensor<768x192xf32> {jax.arg_info = "Transformer/encoderblock_4/MlpBlock_0/Dense_1/kernel"}, %arg83: tensor<192xf32> {jax.arg_info = "Transformer/encoderblock_4/MlpBlock_0/Dense_1/bias"}, %arg84: tensor<192xf32> {jax.arg_info = "Transformer/encoderblock_5/LayerNorm_0/scale"}, %arg85: tensor<192xf32> {jax.arg_info = "Transformer/encoderblock_5/LayerNorm_0/bias"}, %arg86: tensor<192x3x64xf32> {jax.arg_info = "Transformer/encoderblock_5/MultiHeadDotProductAttention_0/query/kernel"}, %arg87: tensor<3x64xf32> {jax.arg_info = "Transformer/encoderblock_5/MultiHeadDotProductAttention_0/query/bias"}, %arg88: tensor<192x3x64xf32> {jax.arg_info = "Transformer/encoderblock_5/MultiHeadDotProductAttention_0/key/kernel"}, %arg89: tensor<3x64xf32> {jax.arg_info = "Transformer/encoderblock_5/MultiHeadDotProductAttention_0/key/bias"}, %arg90: tensor<192x3x64xf32> {jax.arg_info = "Transformer/encoderblock_5/MultiHeadDotProductAttention_0/value/kernel"}, %arg91: tensor<3x64xf32> {jax.arg_info = "Transformer/encoderblock_5/MultiHeadDotProductAttention_0/value/bias"}, %arg92: tensor<3x64x192xf32> {jax.arg_info = "Transformer/encoderblock_5/MultiHeadDotProductAttention_0/out/kernel"}, %arg93: tensor<192xf32> {jax.arg_info = "Transformer/encoderblock_5/MultiHeadDotProductAttention_0/out/bias"}, %arg94: tensor<192xf32> {jax.arg_info = "Transformer/encoderblock_5/LayerNorm_1/scale"}, %arg95: tensor<192xf32> {jax.arg_info = "Transformer/encoderblock_5/LayerNorm_1/bias"}, %arg96: tensor<192x768xf32> {jax.arg_info = "Transformer/encoderblock_5/MlpBlock_0/Dense_0/kernel"}, %arg97: tensor<768xf32> {jax.arg_info = "Transformer/encoderblock_5/MlpBlock_0/Dense_0/bias"}, %arg98: tensor<768x192xf32> {jax.arg_info = "Transformer/encoderblock_5/MlpBlock_0/Dense_1/kernel"}, %arg99: tensor<192xf32> {jax.arg_info = "Transformer/encoderblock_5/MlpBlock_0/Dense_1/bias"}, %arg100: tensor<192xf32> {jax.arg_info = "Transformer/encoderblock_6/LayerNorm_0/scale"}, %arg101: tensor<192xf32> {jax.arg_info = "Transformer/encoderblock_6/LayerNorm_0/bias"}, %arg102: tensor<192x3x64xf32> {jax.arg_info = "Transformer/encoderblock_6/MultiHeadDotProductAttention_0/query/kernel"}, %arg103: tensor<3x64xf32> {jax.arg_info = "Transformer/encoderblock_6/MultiHeadDotProductAttention_0/query/bias"}, %arg104: tensor<192x3x64xf32> {jax.arg_info = "Transformer/encoderblock_6/MultiHeadDotProductAttention_0/key/kernel"}, %arg105: tensor<3x64xf32> {jax.arg_info = "Transformer/encoderblock_6/MultiHeadDotProductAttention_0/key/bias"}, %arg106: tensor<192x3x64xf32> {jax.arg_info = "Transformer/encoderblock_6/MultiHeadDotProductAttention_0/value/kernel"}, %arg107: tensor<3x64xf32> {jax.arg_info = "Transformer/encoderblock_6/MultiHeadDotProductAttention_0/value/bias"}, %arg108: tensor<3x64x192xf32> {jax.arg_info = "Transformer/encoderblock_6/MultiHeadDotProductAttention_0/out/kernel"}, %arg109: tensor<192xf32> {jax.arg_info = "Transformer/encoderblock_6/MultiHeadDotProductAttention_0/out/bias"}, %arg110: tensor<192xf32> {jax.arg_info = "Transformer/encoderblock_6/LayerNorm_1/scale"}, %arg111: tensor<192xf32> {jax.arg_info = "Transformer/encoderblock_6/LayerNorm_1/bias"}, %arg112: tensor<192x768xf32> {jax.arg_info = "Transformer/encoderblock_6/MlpBlock_0/Dense_0/kernel"}, %arg113: tensor<768xf32> {jax.arg_info = "Transformer/encoderblock_6/MlpBlock_0/Dense_0/bias"}, %arg114: tensor<768x192xf32> {jax.arg_info = "Transformer/encoderblock_6/MlpBlock_0/Dense_1/kernel"}, %arg115: tensor<192xf32> {jax.arg_info = "Transformer/encoderblock_6/MlpBlock_0/Dense_1/bias"}, %arg116: tensor<192xf32> {jax.arg_info = "Transformer/encoderblock_7/LayerNorm_0/scale"}, %arg117: tensor<192xf32> {jax.arg_info = "Transformer/encoderblock_7/LayerNorm_0/bias"}, %arg118: tensor<192x3x64xf32> {jax.arg_info = "Transformer/encoderblock_7/MultiHeadDotProductAttention_0/query/kernel"}, %arg119: tensor<3x64xf32> {jax.arg_info = "Transformer/encoderblock_7/MultiHeadDotProductAttention_0/query/bias"}, %arg120: tensor<192x3x64xf32> {jax.arg_info = "Transformer/encoderblock_7/MultiHeadDotProductAttention_0/key/kernel"}, %arg121: tensor<3x64xf32> {jax.arg_info = "Transformer/encoderblock_7/MultiHeadDotProductAttention_0/key/bias"}, %arg122: tensor<192x3x64xf32> {jax.arg_info = "Transformer/encoderblock_7/MultiHeadDotProductAttention_0/value/kernel"}, %arg123: tensor<3x64xf32> {jax.arg_info = "Transformer/encoderblock_7/MultiHeadDotProductAttention_0/value/bias"}, %arg124: tensor<3x64x192xf32> {jax.arg_info = "Transformer/encoderblock_7/MultiHeadDotProductAttention_0/out/kernel"}, %arg125: tensor<192xf32> {jax.arg_info = "Transformer/encoderblock_7/MultiHeadDotProductAttention_0/out/bias"}, %arg126: tensor<192xf32> {jax.arg_info = "Transformer/encoderblock_7/LayerNorm_1/scale"}, %arg127: tensor<192xf32> {jax.arg_info = "Transformer/encoderblock_7/LayerNorm_1/bias"}, %arg128: tensor<192x768xf32> {jax.arg_info = "Transformer/encoderblock_7/MlpBlock_0/Dense_0/kernel"}, %arg129: tensor<768xf32> {jax.arg_info = "Transformer/encoderblock_7/MlpBlock_0/Dense_0/bias"}, %arg130: tensor<768x192xf32> {jax.arg_info = "Transformer/encoderblock_7/MlpBlock_0/Dense_1/kernel"}, %arg131: tensor<192xf32> {jax.arg_info = "Transformer/encoderblock_7/MlpBlock_0/Dense_1/bias"}, %arg132: tensor<192xf32> {jax.arg_info = "Transformer/encoderblock_8/LayerNorm_0/scale"}, %arg133: tensor<192xf32> {jax.arg_info = "Transformer/encoderblock_8/LayerNorm_0/bias"}, %arg134: tensor<192x3x64xf32> {jax.arg_info = "Transformer/encoderblock_8/MultiHeadDotProductAttention_0/query/kernel"}, %arg135: tensor<3x64xf32> {jax.arg_info = "Transformer/encoderblock_8/MultiHeadDotProductAttention_0/query/bias"}, %arg136: tensor<192x3x64xf32> {jax.arg_info = "Transformer/encoderblock_8/MultiHeadDotProductAttention_0/key/kernel"}, %arg137: tensor<3x64xf32> {jax.arg_info = "Transformer/encoderblock_8/MultiHeadDotProductAttention_0/key/bias"}, %arg138: tensor<192x3x64xf32> {jax.arg_info = "Transformer/encoderblock_8/MultiHeadDotProductAttention_0/value/kernel"}, %arg139: tensor<3x64xf32> {jax.arg_info = "Transformer/encoderblock_8/MultiHeadDotProductAttention_0/value/bias"}, %arg140: tensor<3x64x192xf32> {jax.arg_info = "Transformer/encoderblock_8/MultiHeadDotProductAttention_0/out/kernel"}, %arg141: tensor<192xf32> {jax.arg_info = "Transformer/encoderblock_8/MultiHeadDotProductAttention_0/out/bias"}, %arg142: tensor<192xf32> {jax.arg_info = "Transformer/encoderblock_8/LayerNorm_1/scale"}, %arg143: tensor<192xf32> {jax.arg_info = "Transformer/encoderblock_8/LayerNorm_1/bias"}, %arg144: tensor<192x768xf32> {jax.arg_info = "Transformer/encoderblock_8/MlpBlock_0/Dense_0/kernel"}, %arg145: tensor<768xf32> {jax.arg_info = "Transformer/encoderblock_8/MlpBlock_0/Dense_0/bias"}, %arg146: tensor<768x192xf32> {jax.arg_info = "Transformer/encoderblock_8/MlpBlock_0/Dense_1/kernel"}, %arg147: tensor<192xf32> {jax.arg_info = "Transformer/encoderblock_8/MlpBlock_0/Dense_1/bias"}, %arg148: tensor<192xf32> {jax.arg_info = "Transformer/encoderblock_9/LayerNorm_0/scale"}, %arg149: tensor<192xf32> {jax.arg_info = "Transformer/encoderblock_9/LayerNorm_0/bias"}, %arg150: tensor<192x3x64xf32> {jax.arg_info = "Transformer/encoderblock_9/MultiHeadDotProductAttention_0/query/kernel"}, %arg151: tensor<3x64xf32> {jax.arg_info = "Transformer/encoderblock_9/MultiHeadDotProductAttention_0/query/bias"}, %arg152: tensor<192x3x64xf32> {jax.arg_info = "Transformer/encoderblock_9/MultiHeadDotProductAttention_0/key/kernel"}, %arg153: tensor<3x64xf32> {jax.arg_info = "Transformer/encoderblock_9/MultiHeadDotProductAttention_0/key/bias"}, %arg154: tensor<192x3x64xf32> {jax.arg_info = "Transformer/encoderblock_9/MultiHeadDotProductAttention_0/value/kernel"}, %arg155: tensor<3x64xf32> {jax.arg_info = "Transformer/encoderblock_9/MultiHeadDotProductAttention_0/value/bias"}, %arg156: tensor<3x64x192xf32> {jax.arg_info = "Transformer/encoderblock_9/MultiHeadDotProductAttention_0/out/kernel"}, %arg157: tensor<192xf32> {jax.arg_info = "Transformer/encoderblock_9/MultiHeadDotProductAttention_0/out/bias"}, %arg158: tensor<192xf32> {jax.arg_info = "Transformer/encoderblock_9/LayerNorm_1/scale"}, %arg159: tensor<192xf32> {jax.arg_info = "Transformer/encoderblock_9/LayerNorm_1/bias"}, %arg160: tensor<192x768xf32> {jax.arg_info = "Transformer/encoderblock_9/MlpBlock_0/Dense_0/kernel"}, %arg161: tensor<768xf32> {jax.arg_info = "Transformer/encoderblock_9/MlpBlock_0/Dense_0/bias"}, %arg162: tensor<768x192xf32> {jax.arg_info = "Transformer/encoderblock_9/MlpBlock_0/Dense_1/kernel"}, %arg163: tensor<192xf32> {jax.arg_info = "Transformer/encoderblock_9/MlpBlock_0/Dense_1/bias"}, %arg164: tensor<192xf32> {jax.arg_info = "Transformer/encoderblock_10/LayerNorm_0/scale"}, %arg165: tensor<192xf32> {jax.arg_info = "Transformer/encoderblock_10/LayerNorm_0/bias"}, %arg166: tensor<192x3x64xf32> {jax.arg_info = "Transformer/encoderblock_10/MultiHeadDotProductAttention_0/query/kernel"}, %arg167: tensor<3x64xf32> {jax.arg_info = "Transformer/encoderblock_10/MultiHeadDotProductAttention_0/query/bias"}, %arg168: tensor<192x3x64xf32> {jax.arg_info = "Transformer/encoderblock_10/MultiHeadDotProductAttention_0/key/kernel"}, %arg169: tensor<3x64xf32> {jax.arg_info = "Transformer/encoderblock_10/MultiHeadDotProductAttention_0/key/bias"}, %arg170: tensor<192x3x64xf32> {jax.arg_info = "Transformer/encoderblock_10/MultiHeadDotProductAttention_0/value/kernel"}, %arg171: tensor<3x64xf32> {jax.arg_info = "Transformer/encoderblock_10/MultiHeadDotProductAttention_0/value/bias"}, %arg172: tensor<3x64x192xf32> {jax.arg_info = "Transformer/encoderblock_10/MultiHeadDotProductAttention_0/out/kernel"}, %arg173: tensor<192xf32> {jax.arg_info = "Transformer/encoderblock_10/MultiHeadDotProductAttention_0/out/bias"}, %arg174: tensor<192xf32> {jax.arg_info = "Transformer/encoderblock_10/LayerNorm_1/scale"}, %arg175: tensor<192xf32> {jax.arg_info = "Transformer/encoderblock_10/LayerNorm_1/bias"}, %arg176: tensor<192x768xf32> {jax.arg_info = "Transformer/encoderblock_10/MlpBlock_0/Dense_0/kernel"}, %arg177: tensor<768xf32> {jax.arg_info = "Transformer/encoderblock_10/MlpBlock_0/Dense_0/bias"}, %arg178: tensor<768x192xf32> {jax.arg_info = "Transformer/encoderblock_10/MlpBlock_0/Dense_1/kernel"}, %arg179: tensor<192xf32> {jax.arg_info = "Transformer/encoderblock_10/MlpBlock_0/Dense_1/bias"}, %arg180: tensor<192xf32> {jax.arg_info = "Transformer/encoderblock_11/LayerNorm_0/scale"}, %arg181: tensor<192xf32> {jax.arg_info = "Transformer/encoderblock_11/LayerNorm_0/bias"}, %arg182: tensor<192x3x64xf32> {jax.arg_info = "Transformer/encoderblock_11/MultiHeadDotProductAttention_0/query/kernel"}, %arg183: tensor<3x64xf32> {jax.arg_info = "Transformer/encoderblock_11/MultiHeadDotProductAttention_0/query/bias"}, %arg184: tensor<192x3x64xf32> {jax.arg_info = "Transformer/encoderblock_11/MultiHeadDotProductAttention_0/key/kernel"}, %arg185: tensor<3x64xf32> {jax.arg_info = "Transformer/encoderblock_11/MultiHeadDotProductAttention_0/key/bias"}, %arg186: tensor<192x3x64xf32> {jax.arg_info = "Transformer/encoderblock_11/MultiHeadDotProductAttention_0/value/kernel"}, %arg187: tensor<3x64xf32> {jax.arg_info = "Transformer/encoderblock_11/MultiHeadDotProductAttention_0/value/bias"}, %arg188: tensor<3x64x192xf32> {jax.arg_info = "Transformer/encoderblock_11/MultiHeadDotProductAttention_0/out/kernel"}, %arg189: tensor<192xf32> {jax.arg_info = "Transformer/encoderblock_11/MultiHeadDotProductAttention_0/out/bias"}, %arg190: tensor<192xf32> {jax.arg_info = "Transformer/encoderblock_11/LayerNorm_1/scale"}, %arg191: tensor<192xf32> {jax.arg_info = "Transformer/encoderblock_11/LayerNorm_1/bias"}, %arg192: tensor<192x768xf32> {jax.arg_info = "Transformer/encoderblock_11/MlpBlock_0/Dense_0/kernel"}, %arg193: tensor<768xf32> {jax.arg_info = "Transformer/encoderblock_11/MlpBlock_0/Dense_0/bias"}, %arg194: tensor<768x192xf32> {jax.arg_info = "Transformer/encoderblock_11/MlpBlock_0/Dense_1/kernel"}, %arg195: tensor<192xf32> {jax.arg_info = "Transformer/encoderblock_11/MlpBlock_0/Dense_1/bias"}, %arg196: tensor<192xf32> {jax.arg_info = "Transformer/encoder_norm/scale"}, %arg197: tensor<192xf32> {jax.arg_info = "Transformer/encoder_norm/bias"}, %arg198: tensor<192x1000xf32> {jax.arg_info = "head/kernel"}, %arg199: tensor<1000xf32> {jax.arg_info = "head/bias"}) -> (tensor<2x1000xf32> {jax.result_info = "logits"}, tensor<2x192xf32> {jax.result_info = "pre_logits"}, tensor<2x196x192xf32> {jax.result_info = "encoded"}) {
    %0 = stablehlo.convolution(%arg0, %arg1) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [16, 16], pad = [[0, 0], [0, 0]], lhs_dilate = [1, 1], rhs_dilate = [1, 1], reverse = [false, false]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64, precision_config = [#stablehlo<precision DEFAULT>, #stablehlo<precision DEFAULT>]} : (tensor<2x224x224x3xf32>, tensor<16x16x3x192xf32>) -> tensor<2x14x14x192xf32>
    %1 = stablehlo.broadcast_in_dim %arg2, dims = [3] : (tensor<192xf32>) -> tensor<2x14x14x192xf32>
    %2 = stablehlo.add %0, %1 : tensor<2x14x14x192xf32>
    %3 = stablehlo.reshape %2 : (tensor<2x14x14x192xf32>) -> tensor<2x196x192xf32>
    %4 = stablehlo.broadcast_in_dim %arg3, dims = [0, 1, 2] : (tensor<1x196x192xf32>) -> tensor<2x196x192xf32>
    %5 = stablehlo.add %3, %4 : tensor<2x196x192xf32>
    %6 = stablehlo.constant dense<0.0> : tensor<f32>
    %7 = stablehlo.reduce(%5 init: %6) applies stablehlo.add across dimensions = [2] : (tensor<2x196x192xf32>, tensor<f32>) -> tensor<2x196xf32>
    %8 = stablehlo.constant dense<192.0> : tensor<f32>
    %9 = stablehlo.broadcast_in_dim %8, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %10 = stablehlo.divide %7, %9 : tensor<2x196xf32>
    %11 = stablehlo.multiply %5, %5 : tensor<2x196x192xf32>
    %12 = stablehlo.constant dense<0.0> : tensor<f32>
    %13 = stablehlo.reduce(%11 init: %12) applies stablehlo.add across dimensions = [2] : (tensor<2x196x192xf32>, tensor<f32>) -> tensor<2x196xf32>
    %14 = stablehlo.constant dense<192.0> : tensor<f32>
    %15 = stablehlo.broadcast_in_dim %14, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %16 = stablehlo.divide %13, %15 : tensor<2x196xf32>
    %17 = stablehlo.multiply %10, %10 : tensor<2x196xf32>
    %18 = stablehlo.subtract %16, %17 : tensor<2x196xf32>
    %19 = stablehlo.constant dense<0.0> : tensor<f32>
    %20 = stablehlo.broadcast_in_dim %19, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %21 = stablehlo.maximum %18, %20 : tensor<2x196xf32>
    %22 = stablehlo.broadcast_in_dim %10, dims = [0, 1] : (tensor<2x196xf32>) -> tensor<2x196x192xf32>
    %23 = stablehlo.subtract %5, %22 : tensor<2x196x192xf32>
    %24 = stablehlo.constant dense<1.0E-6> : tensor<f32>
    %25 = stablehlo.broadcast_in_dim %24, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %26 = stablehlo.add %21, %25 : tensor<2x196xf32>
    %27 = stablehlo.rsqrt %26 : tensor<2x196xf32>
    %28 = stablehlo.broadcast_in_dim %27, dims = [0, 1] : (tensor<2x196xf32>) -> tensor<2x196x192xf32>
    %29 = stablehlo.multiply %23, %28 : tensor<2x196x192xf32>
    %30 = stablehlo.broadcast_in_dim %arg4, dims = [2] : (tensor<192xf32>) -> tensor<2x196x192xf32>
    %31 = stablehlo.multiply %29, %30 : tensor<2x196x192xf32>
    %32 = stablehlo.broadcast_in_dim %arg5, dims = [2] : (tensor<192xf32>) -> tensor<2x196x192xf32>
    %33 = stablehlo.add %31, %32 : tensor<2x196x192xf32>
    %34 = stablehlo.dot_general %33, %arg6, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x196x192xf32>, tensor<192x3x64xf32>) -> tensor<2x196x3x64xf32>
    %35 = stablehlo.broadcast_in_dim %arg7, dims = [2, 3] : (tensor<3x64xf32>) -> tensor<2x196x3x64xf32>
    %36 = stablehlo.add %34, %35 : tensor<2x196x3x64xf32>
    %37 = stablehlo.dot_general %33, %arg8, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x196x192xf32>, tensor<192x3x64xf32>) -> tensor<2x196x3x64xf32>
    %38 = stablehlo.broadcast_in_dim %arg9, dims = [2, 3] : (tensor<3x64xf32>) -> tensor<2x196x3x64xf32>
    %39 = stablehlo.add %37, %38 : tensor<2x196x3x64xf32>
    %40 = stablehlo.dot_general %33, %arg10, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x196x192xf32>, tensor<192x3x64xf32>) -> tensor<2x196x3x64xf32>
    %41 = stablehlo.broadcast_in_dim %arg11, dims = [2, 3] : (tensor<3x64xf32>) -> tensor<2x196x3x64xf32>
    %42 = stablehlo.add %40, %41 : tensor<2x196x3x64xf32>
    %43 = stablehlo.constant dense<0.125> : tensor<f32>
    %44 = stablehlo.broadcast_in_dim %43, dims = [] : (tensor<f32>) -> tensor<2x196x3x64xf32>
    %45 = stablehlo.multiply %36, %44 : tensor<2x196x3x64xf32>
    %46 = stablehlo.dot_general %45, %39, batching_dims = [0, 2] x [0, 2], contracting_dims = [3] x [3], precision = [DEFAULT, DEFAULT] : (tensor<2x196x3x64xf32>, tensor<2x196x3x64xf32>) -> tensor<2x3x196x196xf32>
    %47 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %48 = stablehlo.reduce(%46 init: %47) applies stablehlo.maximum across dimensions = [3] : (tensor<2x3x196x196xf32>, tensor<f32>) -> tensor<2x3x196xf32>
    %49 = stablehlo.broadcast_in_dim %48, dims = [0, 1, 2] : (tensor<2x3x196xf32>) -> tensor<2x3x196x196xf32>
    %50 = stablehlo.subtract %46, %49 : tensor<2x3x196x196xf32>
    %51 = stablehlo.exponential %50 : tensor<2x3x196x196xf32>
    %52 = stablehlo.constant dense<0.0> : tensor<f32>
    %53 = stablehlo.reduce(%51 init: %52) applies stablehlo.add across dimensions = [3] : (tensor<2x3x196x196xf32>, tensor<f32>) -> tensor<2x3x196xf32>
    %54 = stablehlo.broadcast_in_dim %53, dims = [0, 1, 2] : (tensor<2x3x196xf32>) -> tensor<2x3x196x196xf32>
    %55 = stablehlo.divide %51, %54 : tensor<2x3x196x196xf32>
    %56 = stablehlo.dot_general %55, %42, batching_dims = [0, 1] x [0, 2], contracting_dims = [3] x [1], precision = [DEFAULT, DEFAULT] : (tensor<2x3x196x196xf32>, tensor<2x196x3x64xf32>) -> tensor<2x3x196x64xf32>
    %57 = stablehlo.transpose %56, dims = [0, 2, 1, 3] : (tensor<2x3x196x64xf32>) -> tensor<2x196x3x64xf32>
    %58 = stablehlo.dot_general %57, %arg12, contracting_dims = [2, 3] x [0, 1], precision = [DEFAULT, DEFAULT] : (tensor<2x196x3x64xf32>, tensor<3x64x192xf32>) -> tensor<2x196x192xf32>
    %59 = stablehlo.broadcast_in_dim %arg13, dims = [2] : (tensor<192xf32>) -> tensor<2x196x192xf32>
    %60 = stablehlo.add %58, %59 : tensor<2x196x192xf32>
    %61 = stablehlo.add %5, %60 : tensor<2x196x192xf32>
    %62 = stablehlo.constant dense<0.0> : tensor<f32>
    %63 = stablehlo.reduce(%61 init: %62) applies stablehlo.add across dimensions = [2] : (tensor<2x196x192xf32>, tensor<f32>) -> tensor<2x196xf32>
    %64 = stablehlo.constant dense<192.0> : tensor<f32>
    %65 = stablehlo.broadcast_in_dim %64, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %66 = stablehlo.divide %63, %65 : tensor<2x196xf32>
    %67 = stablehlo.multiply %61, %61 : tensor<2x196x192xf32>
    %68 = stablehlo.constant dense<0.0> : tensor<f32>
    %69 = stablehlo.reduce(%67 init: %68) applies stablehlo.add across dimensions = [2] : (tensor<2x196x192xf32>, tensor<f32>) -> tensor<2x196xf32>
    %70 = stablehlo.constant dense<192.0> : tensor<f32>
    %71 = stablehlo.broadcast_in_dim %70, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %72 = stablehlo.divide %69, %71 : tensor<2x196xf32>
    %73 = stablehlo.multiply %66, %66 : tensor<2x196xf32>
    %74 = stablehlo.subtract %72, %73 : tensor<2x196xf32>
    %75 = stablehlo.constant dense<0.0> : tensor<f32>
    %76 = stablehlo.broadcast_in_dim %75, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %77 = stablehlo.maximum %74, %76 : tensor<2x196xf32>
    %78 = stablehlo.broadcast_in_dim %66, dims = [0, 1] : (tensor<2x196xf32>) -> tensor<2x196x192xf32>
    %79 = stablehlo.subtract %61, %78 : tensor<2x196x192xf32>
    %80 = stablehlo.constant dense<1.0E-6> : tensor<f32>
    %81 = stablehlo.broadcast_in_dim %80, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %82 = stablehlo.add %77, %81 : tensor<2x196xf32>
    %83 = stablehlo.rsqrt %82 : tensor<2x196xf32>
    %84 = stablehlo.broadcast_in_dim %83, dims = [0, 1] : (tensor<2x196xf32>) -> tensor<2x196x192xf32>
    %85 = stablehlo.multiply %79, %84 : tensor<2x196x192xf32>
    %86 = stablehlo.broadcast_in_dim %arg14, dims = [2] : (tensor<192xf32>) -> tensor<2x196x192xf32>
    %87 = stablehlo.multiply %85, %86 : tensor<2x196x192xf32>
    %88 = stablehlo.broadcast_in_dim %arg15, dims = [2] : (tensor<192xf32>) -> tensor<2x196x192xf32>
    %89 = stablehlo.add %87, %88 : tensor<2x196x192xf32>
    %90 = stablehlo.dot_general %89, %arg16, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x196x192xf32>, tensor<192x768xf32>) -> tensor<2x196x768xf32>
    %91 = stablehlo.broadcast_in_dim %arg17, dims = [2] : (tensor<768xf32>) -> tensor<2x196x768xf32>
    %92 = stablehlo.add %90, %91 : tensor<2x196x768xf32>
    %93 = stablehlo.multiply %92, %92 : tensor<2x196x768xf32>
    %94 = stablehlo.multiply %93, %92 : tensor<2x196x768xf32>
    %95 = stablehlo.constant dense<0.044715> : tensor<f32>
    %96 = stablehlo.broadcast_in_dim %95, dims = [] : (tensor<f32>) -> tensor<2x196x768xf32>
    %97 = stablehlo.multiply %94, %96 : tensor<2x196x768xf32>
    %98 = stablehlo.add %92, %97 : tensor<2x196x768xf32>
    %99 = stablehlo.constant dense<0.7978846> : tensor<f32>
    %100 = stablehlo.broadcast_in_dim %99, dims = [] : (tensor<f32>) -> tensor<2x196x768xf32>
    %101 = stablehlo.multiply %98, %100 : tensor<2x196x768xf32>
    %102 = stablehlo.constant dense<0.5> : tensor<f32>
    %103 = stablehlo.broadcast_in_dim %102, dims = [] : (tensor<f32>) -> tensor<2x196x768xf32>
    %104 = stablehlo.multiply %92, %103 : tensor<2x196x768xf32>
    %105 = stablehlo.tanh %101 : tensor<2x196x768xf32>
    %106 = stablehlo.constant dense<1.0> : tensor<f32>
    %107 = stablehlo.broadcast_in_dim %106, dims = [] : (tensor<f32>) -> tensor<2x196x768xf32>
    %108 = stablehlo.add %105, %107 : tensor<2x196x768xf32>
    %109 = stablehlo.multiply %104, %108 : tensor<2x196x768xf32>
    %110 = stablehlo.dot_general %109, %arg18, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x196x768xf32>, tensor<768x192xf32>) -> tensor<2x196x192xf32>
    %111 = stablehlo.broadcast_in_dim %arg19, dims = [2] : (tensor<192xf32>) -> tensor<2x196x192xf32>
    %112 = stablehlo.add %110, %111 : tensor<2x196x192xf32>
    %113 = stablehlo.add %61, %112 : tensor<2x196x192xf32>
    %114 = stablehlo.constant dense<0.0> : tensor<f32>
    %115 = stablehlo.reduce(%113 init: %114) applies stablehlo.add across dimensions = [2] : (tensor<2x196x192xf32>, tensor<f32>) -> tensor<2x196xf32>
    %116 = stablehlo.constant dense<192.0> : tensor<f32>
    %117 = stablehlo.broadcast_in_dim %116, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %118 = stablehlo.divide %115, %117 : tensor<2x196xf32>
    %119 = stablehlo.multiply %113, %113 : tensor<2x196x192xf32>
    %120 = stablehlo.constant dense<0.0> : tensor<f32>
    %121 = stablehlo.reduce(%119 init: %120) applies stablehlo.add across dimensions = [2] : (tensor<2x196x192xf32>, tensor<f32>) -> tensor<2x196xf32>
    %122 = stablehlo.constant dense<192.0> : tensor<f32>
    %123 = stablehlo.broadcast_in_dim %122, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %124 = stablehlo.divide %121, %123 : tensor<2x196xf32>
    %125 = stablehlo.multiply %118, %118 : tensor<2x196xf32>
    %126 = stablehlo.subtract %124, %125 : tensor<2x196xf32>
    %127 = stablehlo.constant dense<0.0> : tensor<f32>
    %128 = stablehlo.broadcast_in_dim %127, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %129 = stablehlo.maximum %126, %128 : tensor<2x196xf32>
    %130 = stablehlo.broadcast_in_dim %118, dims = [0, 1] : (tensor<2x196xf32>) -> tensor<2x196x192xf32>
    %131 = stablehlo.subtract %113, %130 : tensor<2x196x192xf32>
    %132 = stablehlo.constant dense<1.0E-6> : tensor<f32>
    %133 = stablehlo.broadcast_in_dim %132, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %134 = stablehlo.add %129, %133 : tensor<2x196xf32>
    %135 = stablehlo.rsqrt %134 : tensor<2x196xf32>
    %136 = stablehlo.broadcast_in_dim %135, dims = [0, 1] : (tensor<2x196xf32>) -> tensor<2x196x192xf32>
    %137 = stablehlo.multiply %131, %136 : tensor<2x196x192xf32>
    %138 = stablehlo.broadcast_in_dim %arg20, dims = [2] : (tensor<192xf32>) -> tensor<2x196x192xf32>
    %139 = stablehlo.multiply %137, %138 : tensor<2x196x192xf32>
    %140 = stablehlo.broadcast_in_dim %arg21, dims = [2] : (tensor<192xf32>) -> tensor<2x196x192xf32>
    %141 = stablehlo.add %139, %140 : tensor<2x196x192xf32>
    %142 = stablehlo.dot_general %141, %arg22, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x196x192xf32>, tensor<192x3x64xf32>) -> tensor<2x196x3x64xf32>
    %143 = stablehlo.broadcast_in_dim %arg23, dims = [2, 3] : (tensor<3x64xf32>) -> tensor<2x196x3x64xf32>
    %144 = stablehlo.add %142, %143 : tensor<2x196x3x64xf32>
    %145 = stablehlo.dot_general %141, %arg24, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x196x192xf32>, tensor<192x3x64xf32>) -> tensor<2x196x3x64xf32>
    %146 = stablehlo.broadcast_in_dim %arg25, dims = [2, 3] : (tensor<3x64xf32>) -> tensor<2x196x3x64xf32>
    %147 = stablehlo.add %145, %146 : tensor<2x196x3x64xf32>
    %148 = stablehlo.dot_general %141, %arg26, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x196x192xf32>, tensor<192x3x64xf32>) -> tensor<2x196x3x64xf32>
    %149 = stablehlo.broadcast_in_dim %arg27, dims = [2, 3] : (tensor<3x64xf32>) -> tensor<2x196x3x64xf32>
    %150 = stablehlo.add %148, %149 : tensor<2x196x3x64xf32>
    %151 = stablehlo.constant dense<0.125> : tensor<f32>
    %152 = stablehlo.broadcast_in_dim %151, dims = [] : (tensor<f32>) -> tensor<2x196x3x64xf32>
    %153 = stablehlo.multiply %144, %152 : tensor<2x196x3x64xf32>
    %154 = stablehlo.dot_general %153, %147, batching_dims = [0, 2] x [0, 2], contracting_dims = [3] x [3], precision = [DEFAULT, DEFAULT] : (tensor<2x196x3x64xf32>, tensor<2x196x3x64xf32>) -> tensor<2x3x196x196xf32>
    %155 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %156 = stablehlo.reduce(%154 init: %155) applies stablehlo.maximum across dimensions = [3] : (tensor<2x3x196x196xf32>, tensor<f32>) -> tensor<2x3x196xf32>
    %157 = stablehlo.broadcast_in_dim %156, dims = [0, 1, 2] : (tensor<2x3x196xf32>) -> tensor<2x3x196x196xf32>
    %158 = stablehlo.subtract %154, %157 : tensor<2x3x196x196xf32>
    %159 = stablehlo.exponential %158 : tensor<2x3x196x196xf32>
    %160 = stablehlo.constant dense<0.0> : tensor<f32>
    %161 = stablehlo.reduce(%159 init: %160) applies stablehlo.add across dimensions = [3] : (tensor<2x3x196x196xf32>, tensor<f32>) -> tensor<2x3x196xf32>
    %162 = stablehlo.broadcast_in_dim %161, dims = [0, 1, 2] : (tensor<2x3x196xf32>) -> tensor<2x3x196x196xf32>
    %163 = stablehlo.divide %159, %162 : tensor<2x3x196x196xf32>
    %164 = stablehlo.dot_general %163, %150, batching_dims = [0, 1] x [0, 2], contracting_dims = [3] x [1], precision = [DEFAULT, DEFAULT] : (tensor<2x3x196x196xf32>, tensor<2x196x3x64xf32>) -> tensor<2x3x196x64xf32>
    %165 = stablehlo.transpose %164, dims = [0, 2, 1, 3] : (tensor<2x3x196x64xf32>) -> tensor<2x196x3x64xf32>
    %166 = stablehlo.dot_general %165, %arg28, contracting_dims = [2, 3] x [0, 1], precision = [DEFAULT, DEFAULT] : (tensor<2x196x3x64xf32>, tensor<3x64x192xf32>) -> tensor<2x196x192xf32>
    %167 = stablehlo.broadcast_in_dim %arg29, dims = [2] : (tensor<192xf32>) -> tensor<2x196x192xf32>
    %168 = stablehlo.add %166, %167 : tensor<2x196x192xf32>
    %169 = stablehlo.add %113, %168 : tensor<2x196x192xf32>
    %170 = stablehlo.constant dense<0.0> : tensor<f32>
    %171 = stablehlo.reduce(%169 init: %170) applies stablehlo.add across dimensions = [2] : (tensor<2x196x192xf32>, tensor<f32>) -> tensor<2x196xf32>
    %172 = stablehlo.constant dense<192.0> : tensor<f32>
    %173 = stablehlo.broadcast_in_dim %172, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %174 = stablehlo.divide %171, %173 : tensor<2x196xf32>
    %175 = stablehlo.multiply %169, %169 : tensor<2x196x192xf32>
    %176 = stablehlo.constant dense<0.0> : tensor<f32>
    %177 = stablehlo.reduce(%175 init: %176) applies stablehlo.add across dimensions = [2] : (tensor<2x196x192xf32>, tensor<f32>) -> tensor<2x196xf32>
    %178 = stablehlo.constant dense<192.0> : tensor<f32>
    %179 = stablehlo.broadcast_in_dim %178, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %180 = stablehlo.divide %177, %179 : tensor<2x196xf32>
    %181 = stablehlo.multiply %174, %174 : tensor<2x196xf32>
    %182 = stablehlo.subtract %180, %181 : tensor<2x196xf32>
    %183 = stablehlo.constant dense<0.0> : tensor<f32>
    %184 = stablehlo.broadcast_in_dim %183, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %185 = stablehlo.maximum %182, %184 : tensor<2x196xf32>
    %186 = stablehlo.broadcast_in_dim %174, dims = [0, 1] : (tensor<2x196xf32>) -> tensor<2x196x192xf32>
    %187 = stablehlo.subtract %169, %186 : tensor<2x196x192xf32>
    %188 = stablehlo.constant dense<1.0E-6> : tensor<f32>
    %189 = stablehlo.broadcast_in_dim %188, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %190 = stablehlo.add %185, %189 : tensor<2x196xf32>
    %191 = stablehlo.rsqrt %190 : tensor<2x196xf32>
    %192 = stablehlo.broadcast_in_dim %191, dims = [0, 1] : (tensor<2x196xf32>) -> tensor<2x196x192xf32>
    %193 = stablehlo.multiply %187, %192 : tensor<2x196x192xf32>
    %194 = stablehlo.broadcast_in_dim %arg30, dims = [2] : (tensor<192xf32>) -> tensor<2x196x192xf32>
    %195 = stablehlo.multiply %193, %194 : tensor<2x196x192xf32>
    %196 = stablehlo.broadcast_in_dim %arg31, dims = [2] : (tensor<192xf32>) -> tensor<2x196x192xf32>
    %197 = stablehlo.add %195, %196 : tensor<2x196x192xf32>
    %198 = stablehlo.dot_general %197, %arg32, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x196x192xf32>, tensor<192x768xf32>) -> tensor<2x196x768xf32>
    %199 = stablehlo.broadcast_in_dim %arg33, dims = [2] : (tensor<768xf32>) -> tensor<2x196x768xf32>
    %200 = stablehlo.add %198, %199 : tensor<2x196x768xf32>
    %201 = stablehlo.multiply %200, %200 : tensor<2x196x768xf32>
    %202 = stablehlo.multiply %201, %200 : tensor<2x196x768xf32>
    %203 = stablehlo.constant dense<0.044715> : tensor<f32>
    %204 = stablehlo.broadcast_in_dim %203, dims = [] : (tensor<f32>) -> tensor<2x196x768xf32>
    %205 = stablehlo.multiply %202, %204 : tensor<2x196x768xf32>
    %206 = stablehlo.add %200, %205 : tensor<2x196x768xf32>
    %207 = stablehlo.constant dense<0.7978846> : tensor<f32>
    %208 = stablehlo.broadcast_in_dim %207, dims = [] : (tensor<f32>) -> tensor<2x196x768xf32>
    %209 = stablehlo.multiply %206, %208 : tensor<2x196x768xf32>
    %210 = stablehlo.constant dense<0.5> : tensor<f32>
    %211 = stablehlo.broadcast_in_dim %210, dims = [] : (tensor<f32>) -> tensor<2x196x768xf32>
    %212 = stablehlo.multiply %200, %211 : tensor<2x196x768xf32>
    %213 = stablehlo.tanh %209 : tensor<2x196x768xf32>
    %214 = stablehlo.constant dense<1.0> : tensor<f32>
    %215 = stablehlo.broadcast_in_dim %214, dims = [] : (tensor<f32>) -> tensor<2x196x768xf32>
    %216 = stablehlo.add %213, %215 : tensor<2x196x768xf32>
    %217 = stablehlo.multiply %212, %216 : tensor<2x196x768xf32>
    %218 = stablehlo.dot_general %217, %arg34, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x196x768xf32>, tensor<768x192xf32>) -> tensor<2x196x192xf32>
    %219 = stablehlo.broadcast_in_dim %arg35, dims = [2] : (tensor<192xf32>) -> tensor<2x196x192xf32>
    %220 = stablehlo.add %218, %219 : tensor<2x196x192xf32>
    %221 = stablehlo.add %169, %220 : tensor<2x196x192xf32>
    %222 = stablehlo.constant dense<0.0> : tensor<f32>
    %223 = stablehlo.reduce(%221 init: %222) applies stablehlo.add across dimensions = [2] : (tensor<2x196x192xf32>, tensor<f32>) -> tensor<2x196xf32>
    %224 = stablehlo.constant dense<192.0> : tensor<f32>
    %225 = stablehlo.broadcast_in_dim %224, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %226 = stablehlo.divide %223, %225 : tensor<2x196xf32>
    %227 = stablehlo.multiply %221, %221 : tensor<2x196x192xf32>
    %228 = stablehlo.constant dense<0.0> : tensor<f32>
    %229 = stablehlo.reduce(%227 init: %228) applies stablehlo.add across dimensions = [2] : (tensor<2x196x192xf32>, tensor<f32>) -> tensor<2x196xf32>
    %230 = stablehlo.constant dense<192.0> : tensor<f32>
    %231 = stablehlo.broadcast_in_dim %230, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %232 = stablehlo.divide %229, %231 : tensor<2x196xf32>
    %233 = stablehlo.multiply %226, %226 : tensor<2x196xf32>
    %234 = stablehlo.subtract %232, %233 : tensor<2x196xf32>
    %235 = stablehlo.constant dense<0.0> : tensor<f32>
    %236 = stablehlo.broadcast_in_dim %235, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %237 = stablehlo.maximum %234, %236 : tensor<2x196xf32>
    %238 = stablehlo.broadcast_in_dim %226, dims = [0, 1] : (tensor<2x196xf32>) -> tensor<2x196x192xf32>
    %239 = stablehlo.subtract %221, %238 : tensor<2x196x192xf32>
    %240 = stablehlo.constant dense<1.0E-6> : tensor<f32>
    %241 = stablehlo.broadcast_in_dim %240, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %242 = stablehlo.add %237, %241 : tensor<2x196xf32>
    %243 = stablehlo.rsqrt %242 : tensor<2x196xf32>
    %244 = stablehlo.broadcast_in_dim %243, dims = [0, 1] : (tensor<2x196xf32>) -> tensor<2x196x192xf32>
    %245 = stablehlo.multiply %239, %244 : tensor<2x196x192xf32>
    %246 = stablehlo.broadcast_in_dim %arg36, dims = [2] : (tensor<192xf32>) -> tensor<2x196x192xf32>
    %247 = stablehlo.multiply %245, %246 : tensor<2x196x192xf32>
    %248 = stablehlo.broadcast_in_dim %arg37, dims = [2] : (tensor<192xf32>) -> tensor<2x196x192xf32>
    %249 = stablehlo.add %247, %248 : tensor<2x196x192xf32>
    %250 = stablehlo.dot_general %249, %arg38, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x196x192xf32>, tensor<192x3x64xf32>) -> tensor<2x196x3x64xf32>
    %251 = stablehlo.broadcast_in_dim %arg39, dims = [2, 3] : (tensor<3x64xf32>) -> tensor<2x196x3x64xf32>
    %252 = stablehlo.add %250, %251 : tensor<2x196x3x64xf32>
    %253 = stablehlo.dot_general %249, %arg40, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x196x192xf32>, tensor<192x3x64xf32>) -> tensor<2x196x3x64xf32>
    %254 = stablehlo.broadcast_in_dim %arg41, dims = [2, 3] : (tensor<3x64xf32>) -> tensor<2x196x3x64xf32>
    %255 = stablehlo.add %253, %254 : tensor<2x196x3x64xf32>
    %256 = stablehlo.dot_general %249, %arg42, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x196x192xf32>, tensor<192x3x64xf32>) -> tensor<2x196x3x64xf32>
    %257 = stablehlo.broadcast_in_dim %arg43, dims = [2, 3] : (tensor<3x64xf32>) -> tensor<2x196x3x64xf32>
    %258 = stablehlo.add %256, %257 : tensor<2x196x3x64xf32>
    %259 = stablehlo.constant dense<0.125> : tensor<f32>
    %260 = stablehlo.broadcast_in_dim %259, dims = [] : (tensor<f32>) -> tensor<2x196x3x64xf32>
    %261 = stablehlo.multiply %252, %260 : tensor<2x196x3x64xf32>
    %262 = stablehlo.dot_general %261, %255, batching_dims = [0, 2] x [0, 2], contracting_dims = [3] x [3], precision = [DEFAULT, DEFAULT] : (tensor<2x196x3x64xf32>, tensor<2x196x3x64xf32>) -> tensor<2x3x196x196xf32>
    %263 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %264 = stablehlo.reduce(%262 init: %263) applies stablehlo.maximum across dimensions = [3] : (tensor<2x3x196x196xf32>, tensor<f32>) -> tensor<2x3x196xf32>
    %265 = stablehlo.broadcast_in_dim %264, dims = [0, 1, 2] : (tensor<2x3x196xf32>) -> tensor<2x3x196x196xf32>
    %266 = stablehlo.subtract %262, %265 : tensor<2x3x196x196xf32>
    %267 = stablehlo.exponential %266 : tensor<2x3x196x196xf32>
    %268 = stablehlo.constant dense<0.0> : tensor<f32>
    %269 = stablehlo.reduce(%267 init: %268) applies stablehlo.add across dimensions = [3] : (tensor<2x3x196x196xf32>, tensor<f32>) -> tensor<2x3x196xf32>
    %270 = stablehlo.broadcast_in_dim %269, dims = [0, 1, 2] : (tensor<2x3x196xf32>) -> tensor<2x3x196x196xf32>
    %271 = stablehlo.divide %267, %270 : tensor<2x3x196x196xf32>
    %272 = stablehlo.dot_general %271, %258, batching_dims = [0, 1] x [0, 2], contracting_dims = [3] x [1], precision = [DEFAULT, DEFAULT] : (tensor<2x3x196x196xf32>, tensor<2x196x3x64xf32>) -> tensor<2x3x196x64xf32>
    %273 = stablehlo.transpose %272, dims = [0, 2, 1, 3] : (tensor<2x3x196x64xf32>) -> tensor<2x196x3x64xf32>
    %274 = stablehlo.dot_general %273, %arg44, contracting_dims = [2, 3] x [0, 1], precision = [DEFAULT, DEFAULT] : (tensor<2x196x3x64xf32>, tensor<3x64x192xf32>) -> tensor<2x196x192xf32>
    %275 = stablehlo.broadcast_in_dim %arg45, dims = [2] : (tensor<192xf32>) -> tensor<2x196x192xf32>
    %276 = stablehlo.add %274, %275 : tensor<2x196x192xf32>
    %277 = stablehlo.add %221, %276 : tensor<2x196x192xf32>
    %278 = stablehlo.constant dense<0.0> : tensor<f32>
    %279 = stablehlo.reduce(%277 init: %278) applies stablehlo.add across dimensions = [2] : (tensor<2x196x192xf32>, tensor<f32>) -> tensor<2x196xf32>
    %280 = stablehlo.constant dense<192.0> : tensor<f32>
    %281 = stablehlo.broadcast_in_dim %280, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %282 = stablehlo.divide %279, %281 : tensor<2x196xf32>
    %283 = stablehlo.multiply %277, %277 : tensor<2x196x192xf32>
    %284 = stablehlo.constant dense<0.0> : tensor<f32>
    %285 = stablehlo.reduce(%283 init: %284) applies stablehlo.add across dimensions = [2] : (tensor<2x196x192xf32>, tensor<f32>) -> tensor<2x196xf32>
    %286 = stablehlo.constant dense<192.0> : tensor<f32>
    %287 = stablehlo.broadcast_in_dim %286, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %288 = stablehlo.divide %285, %287 : tensor<2x196xf32>
    %289 = stablehlo.multiply %282, %282 : tensor<2x196xf32>
    %290 = stablehlo.subtract %288, %289 : tensor<2x196xf32>
    %291 = stablehlo.constant dense<0.0> : tensor<f32>
    %292 = stablehlo.broadcast_in_dim %291, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %293 = stablehlo.maximum %290, %292 : tensor<2x196xf32>
    %294 = stablehlo.broadcast_in_dim %282, dims = [0, 1] : (tensor<2x196xf32>) -> tensor<2x196x192xf32>
    %295 = stablehlo.subtract %277, %294 : tensor<2x196x192xf32>
    %296 = stablehlo.constant dense<1.0E-6> : tensor<f32>
    %297 = stablehlo.broadcast_in_dim %296, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %298 = stablehlo.add %293, %297 : tensor<2x196xf32>
    %299 = stablehlo.rsqrt %298 : tensor<2x196xf32>
    %300 = stablehlo.broadcast_in_dim %299, dims = [0, 1] : (tensor<2x196xf32>) -> tensor<2x196x192xf32>
    %301 = stablehlo.multiply %295, %300 : tensor<2x196x192xf32>
    %302 = stablehlo.broadcast_in_dim %arg46, dims = [2] : (tensor<192xf32>) -> tensor<2x196x192xf32>
    %303 = stablehlo.multiply %301, %302 : tensor<2x196x192xf32>
    %304 = stablehlo.broadcast_in_dim %arg47, dims = [2] : (tensor<192xf32>) -> tensor<2x196x192xf32>
    %305 = stablehlo.add %303, %304 : tensor<2x196x192xf32>
    %306 = stablehlo.dot_general %305, %arg48, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x196x192xf32>, tensor<192x768xf32>) -> tensor<2x196x768xf32>
    %307 = stablehlo.broadcast_in_dim %arg49, dims = [2] : (tensor<768xf32>) -> tensor<2x196x768xf32>
    %308 = stablehlo.add %306, %307 : tensor<2x196x768xf32>
    %309 = stablehlo.multiply %308, %308 : tensor<2x196x768xf32>
    %310 = stablehlo.multiply %309, %308 : tensor<2x196x768xf32>
    %311 = stablehlo.constant dense<0.044715> : tensor<f32>
    %312 = stablehlo.broadcast_in_dim %311, dims = [] : (tensor<f32>) -> tensor<2x196x768xf32>
    %313 = stablehlo.multiply %310, %312 : tensor<2x196x768xf32>
    %314 = stablehlo.add %308, %313 : tensor<2x196x768xf32>
    %315 = stablehlo.constant dense<0.7978846> : tensor<f32>
    %316 = stablehlo.broadcast_in_dim %315, dims = [] : (tensor<f32>) -> tensor<2x196x768xf32>
    %317 = stablehlo.multiply %314, %316 : tensor<2x196x768xf32>
    %318 = stablehlo.constant dense<0.5> : tensor<f32>
    %319 = stablehlo.broadcast_in_dim %318, dims = [] : (tensor<f32>) -> tensor<2x196x768xf32>
    %320 = stablehlo.multiply %308, %319 : tensor<2x196x768xf32>
    %321 = stablehlo.tanh %317 : tensor<2x196x768xf32>
    %322 = stablehlo.constant dense<1.0> : tensor<f32>
    %323 = stablehlo.broadcast_in_dim %322, dims = [] : (tensor<f32>) -> tensor<2x196x768xf32>
    %324 = stablehlo.add %321, %323 : tensor<2x196x768xf32>
    %325 = stablehlo.multiply %320, %324 : tensor<2x196x768xf32>
    %326 = stablehlo.dot_general %325, %arg50, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x196x768xf32>, tensor<768x192xf32>) -> tensor<2x196x192xf32>
    %327 = stablehlo.broadcast_in_dim %arg51, dims = [2] : (tensor<192xf32>) -> tensor<2x196x192xf32>
    %328 = stablehlo.add %326, %327 : tensor<2x196x192xf32>
    %329 = stablehlo.add %277, %328 : tensor<2x196x192xf32>
    %330 = stablehlo.constant dense<0.0> : tensor<f32>
    %331 = stablehlo.reduce(%329 init: %330) applies stablehlo.add across dimensions = [2] : (tensor<2x196x192xf32>, tensor<f32>) -> tensor<2x196xf32>
    %332 = stablehlo.constant dense<192.0> : tensor<f32>
    %333 = stablehlo.broadcast_in_dim %332, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %334 = stablehlo.divide %331, %333 : tensor<2x196xf32>
    %335 = stablehlo.multiply %329, %329 : tensor<2x196x192xf32>
    %336 = stablehlo.constant dense<0.0> : tensor<f32>
    %337 = stablehlo.reduce(%335 init: %336) applies stablehlo.add across dimensions = [2] : (tensor<2x196x192xf32>, tensor<f32>) -> tensor<2x196xf32>
    %338 = stablehlo.constant dense<192.0> : tensor<f32>
    %339 = stablehlo.broadcast_in_dim %338, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %340 = stablehlo.divide %337, %339 : tensor<2x196xf32>
    %341 = stablehlo.multiply %334, %334 : tensor<2x196xf32>
    %342 = stablehlo.subtract %340, %341 : tensor<2x196xf32>
    %343 = stablehlo.constant dense<0.0> : tensor<f32>
    %344 = stablehlo.broadcast_in_dim %343, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %345 = stablehlo.maximum %342, %344 : tensor<2x196xf32>
    %346 = stablehlo.broadcast_in_dim %334, dims = [0, 1] : (tensor<2x196xf32>) -> tensor<2x196x192xf32>
    %347 = stablehlo.subtract %329, %346 : tensor<2x196x192xf32>
    %348 = stablehlo.constant dense<1.0E-6> : tensor<f32>
    %349 = stablehlo.broadcast_in_dim %348, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %350 = stablehlo.add %345, %349 : tensor<2x196xf32>
    %351 = stablehlo.rsqrt %350 : tensor<2x196xf32>
    %352 = stablehlo.broadcast_in_dim %351, dims = [0, 1] : (tensor<2x196xf32>) -> tensor<2x196x192xf32>
    %353 = stablehlo.multiply %347, %352 : tensor<2x196x192xf32>
    %354 = stablehlo.broadcast_in_dim %arg52, dims = [2] : (tensor<192xf32>) -> tensor<2x196x192xf32>
    %355 = stablehlo.multiply %353, %354 : tensor<2x196x192xf32>
    %356 = stablehlo.broadcast_in_dim %arg53, dims = [2] : (tensor<192xf32>) -> tensor<2x196x192xf32>
    %357 = stablehlo.add %355, %356 : tensor<2x196x192xf32>
    %358 = stablehlo.dot_general %357, %arg54, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x196x192xf32>, tensor<192x3x64xf32>) -> tensor<2x196x3x64xf32>
    %359 = stablehlo.broadcast_in_dim %arg55, dims = [2, 3] : (tensor<3x64xf32>) -> tensor<2x196x3x64xf32>
    %360 = stablehlo.add %358, %359 : tensor<2x196x3x64xf32>
    %361 = stablehlo.dot_general %357, %arg56, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x196x192xf32>, tensor<192x3x64xf32>) -> tensor<2x196x3x64xf32>
    %362 = stablehlo.broadcast_in_dim %arg57, dims = [2, 3] : (tensor<3x64xf32>) -> tensor<2x196x3x64xf32>
    %363 = stablehlo.add %361, %362 : tensor<2x196x3x64xf32>
    %364 = stablehlo.dot_general %357, %arg58, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x196x192xf32>, tensor<192x3x64xf32>) -> tensor<2x196x3x64xf32>
    %365 = stablehlo.broadcast_in_dim %arg59, dims = [2, 3] : (tensor<3x64xf32>) -> tensor<2x196x3x64xf32>
    %366 = stablehlo.add %364, %365 : tensor<2x196x3x64xf32>
    %367 = stablehlo.constant dense<0.125> : tensor<f32>
    %368 = stablehlo.broadcast_in_dim %367, dims = [] : (tensor<f32>) -> tensor<2x196x3x64xf32>
    %369 = stablehlo.multiply %360, %368 : tensor<2x196x3x64xf32>
    %370 = stablehlo.dot_general %369, %363, batching_dims = [0, 2] x [0, 2], contracting_dims = [3] x [3], precision = [DEFAULT, DEFAULT] : (tensor<2x196x3x64xf32>, tensor<2x196x3x64xf32>) -> tensor<2x3x196x196xf32>
    %371 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %372 = stablehlo.reduce(%370 init: %371) applies stablehlo.maximum across dimensions = [3] : (tensor<2x3x196x196xf32>, tensor<f32>) -> tensor<2x3x196xf32>
    %373 = stablehlo.broadcast_in_dim %372, dims = [0, 1, 2] : (tensor<2x3x196xf32>) -> tensor<2x3x196x196xf32>
    %374 = stablehlo.subtract %370, %373 : tensor<2x3x196x196xf32>
    %375 = stablehlo.exponential %374 : tensor<2x3x196x196xf32>
    %376 = stablehlo.constant dense<0.0> : tensor<f32>
    %377 = stablehlo.reduce(%375 init: %376) applies stablehlo.add across dimensions = [3] : (tensor<2x3x196x196xf32>, tensor<f32>) -> tensor<2x3x196xf32>
    %378 = stablehlo.broadcast_in_dim %377, dims = [0, 1, 2] : (tensor<2x3x196xf32>) -> tensor<2x3x196x196xf32>
    %379 = stablehlo.divide %375, %378 : tensor<2x3x196x196xf32>
    %380 = stablehlo.dot_general %379, %366, batching_dims = [0, 1] x [0, 2], contracting_dims = [3] x [1], precision = [DEFAULT, DEFAULT] : (tensor<2x3x196x196xf32>, tensor<2x196x3x64xf32>) -> tensor<2x3x196x64xf32>
    %381 = stablehlo.transpose %380, dims = [0, 2, 1, 3] : (tensor<2x3x196x64xf32>) -> tensor<2x196x3x64xf32>
    %382 = stablehlo.dot_general %381, %arg60, contracting_dims = [2, 3] x [0, 1], precision = [DEFAULT, DEFAULT] : (tensor<2x196x3x64xf32>, tensor<3x64x192xf32>) -> tensor<2x196x192xf32>
    %383 = stablehlo.broadcast_in_dim %arg61, dims = [2] : (tensor<192xf32>) -> tensor<2x196x192xf32>
    %384 = stablehlo.add %382, %383 : tensor<2x196x192xf32>
    %385 = stablehlo.add %329, %384 : tensor<2x196x192xf32>
    %386 = stablehlo.constant dense<0.0> : tensor<f32>
    %387 = stablehlo.reduce(%385 init: %386) applies stablehlo.add across dimensions = [2] : (tensor<2x196x192xf32>, tensor<f32>) -> tensor<2x196xf32>
    %388 = stablehlo.constant dense<192.0> : tensor<f32>
    %389 = stablehlo.broadcast_in_dim %388, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %390 = stablehlo.divide %387, %389 : tensor<2x196xf32>
    %391 = stablehlo.multiply %385, %385 : tensor<2x196x192xf32>
    %392 = stablehlo.constant dense<0.0> : tensor<f32>
    %393 = stablehlo.reduce(%391 init: %392) applies stablehlo.add across dimensions = [2] : (tensor<2x196x192xf32>, tensor<f32>) -> tensor<2x196xf32>
    %394 = stablehlo.constant dense<192.0> : tensor<f32>
    %395 = stablehlo.broadcast_in_dim %394, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %396 = stablehlo.divide %393, %395 : tensor<2x196xf32>
    %397 = stablehlo.multiply %390, %390 : tensor<2x196xf32>
    %398 = stablehlo.subtract %396, %397 : tensor<2x196xf32>
    %399 = stablehlo.constant dense<0.0> : tensor<f32>
    %400 = stablehlo.broadcast_in_dim %399, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %401 = stablehlo.maximum %398, %400 : tensor<2x196xf32>
    %402 = stablehlo.broadcast_in_dim %390, dims = [0, 1] : (tensor<2x196xf32>) -> tensor<2x196x192xf32>
    %403 = stablehlo.subtract %385, %402 : tensor<2x196x192xf32>
    %404 = stablehlo.constant dense<1.0E-6> : tensor<f32>
    %405 = stablehlo.broadcast_in_dim %404, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %406 = stablehlo.add %401, %405 : tensor<2x196xf32>
    %407 = stablehlo.rsqrt %406 : tensor<2x196xf32>
    %408 = stablehlo.broadcast_in_dim %407, dims = [0, 1] : (tensor<2x196xf32>) -> tensor<2x196x192xf32>
    %409 = stablehlo.multiply %403, %408 : tensor<2x196x192xf32>
    %410 = stablehlo.broadcast_in_dim %arg62, dims = [2] : (tensor<192xf32>) -> tensor<2x196x192xf32>
    %411 = stablehlo.multiply %409, %410 : tensor<2x196x192xf32>
    %412 = stablehlo.broadcast_in_dim %arg63, dims = [2] : (tensor<192xf32>) -> tensor<2x196x192xf32>
    %413 = stablehlo.add %411, %412 : tensor<2x196x192xf32>
    %414 = stablehlo.dot_general %413, %arg64, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x196x192xf32>, tensor<192x768xf32>) -> tensor<2x196x768xf32>
    %415 = stablehlo.broadcast_in_dim %arg65, dims = [2] : (tensor<768xf32>) -> tensor<2x196x768xf32>
    %416 = stablehlo.add %414, %415 : tensor<2x196x768xf32>
    %417 = stablehlo.multiply %416, %416 : tensor<2x196x768xf32>
    %418 = stablehlo.multiply %417, %416 : tensor<2x196x768xf32>
    %419 = stablehlo.constant dense<0.044715> : tensor<f32>
    %420 = stablehlo.broadcast_in_dim %419, dims = [] : (tensor<f32>) -> tensor<2x196x768xf32>
    %421 = stablehlo.multiply %418, %420 : tensor<2x196x768xf32>
    %422 = stablehlo.add %416, %421 : tensor<2x196x768xf32>
    %423 = stablehlo.constant dense<0.7978846> : tensor<f32>
    %424 = stablehlo.broadcast_in_dim %423, dims = [] : (tensor<f32>) -> tensor<2x196x768xf32>
    %425 = stablehlo.multiply %422, %424 : tensor<2x196x768xf32>
    %426 = stablehlo.constant dense<0.5> : tensor<f32>
    %427 = stablehlo.broadcast_in_dim %426, dims = [] : (tensor<f32>) -> tensor<2x196x768xf32>
    %428 = stablehlo.multiply %416, %427 : tensor<2x196x768xf32>
    %429 = stablehlo.tanh %425 : tensor<2x196x768xf32>
    %430 = stablehlo.constant dense<1.0> : tensor<f32>
    %431 = stablehlo.broadcast_in_dim %430, dims = [] : (tensor<f32>) -> tensor<2x196x768xf32>
    %432 = stablehlo.add %429, %431 : tensor<2x196x768xf32>
    %433 = stablehlo.multiply %428, %432 : tensor<2x196x768xf32>
    %434 = stablehlo.dot_general %433, %arg66, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x196x768xf32>, tensor<768x192xf32>) -> tensor<2x196x192xf32>
    %435 = stablehlo.broadcast_in_dim %arg67, dims = [2] : (tensor<192xf32>) -> tensor<2x196x192xf32>
    %436 = stablehlo.add %434, %435 : tensor<2x196x192xf32>
    %437 = stablehlo.add %385, %436 : tensor<2x196x192xf32>
    %438 = stablehlo.constant dense<0.0> : tensor<f32>
    %439 = stablehlo.reduce(%437 init: %438) applies stablehlo.add across dimensions = [2] : (tensor<2x196x192xf32>, tensor<f32>) -> tensor<2x196xf32>
    %440 = stablehlo.constant dense<192.0> : tensor<f32>
    %441 = stablehlo.broadcast_in_dim %440, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %442 = stablehlo.divide %439, %441 : tensor<2x196xf32>
    %443 = stablehlo.multiply %437, %437 : tensor<2x196x192xf32>
    %444 = stablehlo.constant dense<0.0> : tensor<f32>
    %445 = stablehlo.reduce(%443 init: %444) applies stablehlo.add across dimensions = [2] : (tensor<2x196x192xf32>, tensor<f32>) -> tensor<2x196xf32>
    %446 = stablehlo.constant dense<192.0> : tensor<f32>
    %447 = stablehlo.broadcast_in_dim %446, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %448 = stablehlo.divide %445, %447 : tensor<2x196xf32>
    %449 = stablehlo.multiply %442, %442 : tensor<2x196xf32>
    %450 = stablehlo.subtract %448, %449 : tensor<2x196xf32>
    %451 = stablehlo.constant dense<0.0> : tensor<f32>
    %452 = stablehlo.broadcast_in_dim %451, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %453 = stablehlo.maximum %450, %452 : tensor<2x196xf32>
    %454 = stablehlo.broadcast_in_dim %442, dims = [0, 1] : (tensor<2x196xf32>) -> tensor<2x196x192xf32>
    %455 = stablehlo.subtract %437, %454 : tensor<2x196x192xf32>
    %456 = stablehlo.constant dense<1.0E-6> : tensor<f32>
    %457 = stablehlo.broadcast_in_dim %456, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %458 = stablehlo.add %453, %457 : tensor<2x196xf32>
    %459 = stablehlo.rsqrt %458 : tensor<2x196xf32>
    %460 = stablehlo.broadcast_in_dim %459, dims = [0, 1] : (tensor<2x196xf32>) -> tensor<2x196x192xf32>
    %461 = stablehlo.multiply %455, %460 : tensor<2x196x192xf32>
    %462 = stablehlo.broadcast_in_dim %arg68, dims = [2] : (tensor<192xf32>) -> tensor<2x196x192xf32>
    %463 = stablehlo.multiply %461, %462 : tensor<2x196x192xf32>
    %464 = stablehlo.broadcast_in_dim %arg69, dims = [2] : (tensor<192xf32>) -> tensor<2x196x192xf32>
    %465 = stablehlo.add %463, %464 : tensor<2x196x192xf32>
    %466 = stablehlo.dot_general %465, %arg70, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x196x192xf32>, tensor<192x3x64xf32>) -> tensor<2x196x3x64xf32>
    %467 = stablehlo.broadcast_in_dim %arg71, dims = [2, 3] : (tensor<3x64xf32>) -> tensor<2x196x3x64xf32>
    %468 = stablehlo.add %466, %467 : tensor<2x196x3x64xf32>
    %469 = stablehlo.dot_general %465, %arg72, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x196x192xf32>, tensor<192x3x64xf32>) -> tensor<2x196x3x64xf32>
    %470 = stablehlo.broadcast_in_dim %arg73, dims = [2, 3] : (tensor<3x64xf32>) -> tensor<2x196x3x64xf32>
    %471 = stablehlo.add %469, %470 : tensor<2x196x3x64xf32>
    %472 = stablehlo.dot_general %465, %arg74, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x196x192xf32>, tensor<192x3x64xf32>) -> tensor<2x196x3x64xf32>
    %473 = stablehlo.broadcast_in_dim %arg75, dims = [2, 3] : (tensor<3x64xf32>) -> tensor<2x196x3x64xf32>
    %474 = stablehlo.add %472, %473 : tensor<2x196x3x64xf32>
    %475 = stablehlo.constant dense<0.125> : tensor<f32>
    %476 = stablehlo.broadcast_in_dim %475, dims = [] : (tensor<f32>) -> tensor<2x196x3x64xf32>
    %477 = stablehlo.multiply %468, %476 : tensor<2x196x3x64xf32>
    %478 = stablehlo.dot_general %477, %471, batching_dims = [0, 2] x [0, 2], contracting_dims = [3] x [3], precision = [DEFAULT, DEFAULT] : (tensor<2x196x3x64xf32>, tensor<2x196x3x64xf32>) -> tensor<2x3x196x196xf32>
    %479 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %480 = stablehlo.reduce(%478 init: %479) applies stablehlo.maximum across dimensions = [3] : (tensor<2x3x196x196xf32>, tensor<f32>) -> tensor<2x3x196xf32>
    %481 = stablehlo.broadcast_in_dim %480, dims = [0, 1, 2] : (tensor<2x3x196xf32>) -> tensor<2x3x196x196xf32>
    %482 = stablehlo.subtract %478, %481 : tensor<2x3x196x196xf32>
    %483 = stablehlo.exponential %482 : tensor<2x3x196x196xf32>
    %484 = stablehlo.constant dense<0.0> : tensor<f32>
    %485 = stablehlo.reduce(%483 init: %484) applies stablehlo.add across dimensions = [3] : (tensor<2x3x196x196xf32>, tensor<f32>) -> tensor<2x3x196xf32>
    %486 = stablehlo.broadcast_in_dim %485, dims = [0, 1, 2] : (tensor<2x3x196xf32>) -> tensor<2x3x196x196xf32>
    %487 = stablehlo.divide %483, %486 : tensor<2x3x196x196xf32>
    %488 = stablehlo.dot_general %487, %474, batching_dims = [0, 1] x [0, 2], contracting_dims = [3] x [1], precision = [DEFAULT, DEFAULT] : (tensor<2x3x196x196xf32>, tensor<2x196x3x64xf32>) -> tensor<2x3x196x64xf32>
    %489 = stablehlo.transpose %488, dims = [0, 2, 1, 3] : (tensor<2x3x196x64xf32>) -> tensor<2x196x3x64xf32>
    %490 = stablehlo.dot_general %489, %arg76, contracting_dims = [2, 3] x [0, 1], precision = [DEFAULT, DEFAULT] : (tensor<2x196x3x64xf32>, tensor<3x64x192xf32>) -> tensor<2x196x192xf32>
    %491 = stablehlo.broadcast_in_dim %arg77, dims = [2] : (tensor<192xf32>) -> tensor<2x196x192xf32>
    %492 = stablehlo.add %490, %491 : tensor<2x196x192xf32>
    %493 = stablehlo.add %437, %492 : tensor<2x196x192xf32>
    %494 = stablehlo.constant dense<0.0> : tensor<f32>
    %495 = stablehlo.reduce(%493 init: %494) applies stablehlo.add across dimensions = [2] : (tensor<2x196x192xf32>, tensor<f32>) -> tensor<2x196xf32>
    %496 = stablehlo.constant dense<192.0> : tensor<f32>
    %497 = stablehlo.broadcast_in_dim %496, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %498 = stablehlo.divide %495, %497 : tensor<2x196xf32>
    %499 = stablehlo.multiply %493, %493 : tensor<2x196x192xf32>
    %500 = stablehlo.constant dense<0.0> : tensor<f32>
    %501 = stablehlo.reduce(%499 init: %500) applies stablehlo.add across dimensions = [2] : (tensor<2x196x192xf32>, tensor<f32>) -> tensor<2x196xf32>
    %502 = stablehlo.constant dense<192.0> : tensor<f32>
    %503 = stablehlo.broadcast_in_dim %502, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %504 = stablehlo.divide %501, %503 : tensor<2x196xf32>
    %505 = stablehlo.multiply %498, %498 : tensor<2x196xf32>
    %506 = stablehlo.subtract %504, %505 : tensor<2x196xf32>
    %507 = stablehlo.constant dense<0.0> : tensor<f32>
    %508 = stablehlo.broadcast_in_dim %507, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %509 = stablehlo.maximum %506, %508 : tensor<2x196xf32>
    %510 = stablehlo.broadcast_in_dim %498, dims = [0, 1] : (tensor<2x196xf32>) -> tensor<2x196x192xf32>
    %511 = stablehlo.subtract %493, %510 : tensor<2x196x192xf32>
    %512 = stablehlo.constant dense<1.0E-6> : tensor<f32>
    %513 = stablehlo.broadcast_in_dim %512, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %514 = stablehlo.add %509, %513 : tensor<2x196xf32>
    %515 = stablehlo.rsqrt %514 : tensor<2x196xf32>
    %516 = stablehlo.broadcast_in_dim %515, dims = [0, 1] : (tensor<2x196xf32>) -> tensor<2x196x192xf32>
    %517 = stablehlo.multiply %511, %516 : tensor<2x196x192xf32>
    %518 = stablehlo.broadcast_in_dim %arg78, dims = [2] : (tensor<192xf32>) -> tensor<2x196x192xf32>
    %519 = stablehlo.multiply %517, %518 : tensor<2x196x192xf32>
    %520 = stablehlo.broadcast_in_dim %arg79, dims = [2] : (tensor<192xf32>) -> tensor<2x196x192xf32>
    %521 = stablehlo.add %519, %520 : tensor<2x196x192xf32>
    %522 = stablehlo.dot_general %521, %arg80, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x196x192xf32>, tensor<192x768xf32>) -> tensor<2x196x768xf32>
    %523 = stablehlo.broadcast_in_dim %arg81, dims = [2] : (tensor<768xf32>) -> tensor<2x196x768xf32>
    %524 = stablehlo.add %522, %523 : tensor<2x196x768xf32>
    %525 = stablehlo.multiply %524, %524 : tensor<2x196x768xf32>
    %526 = stablehlo.multiply %525, %524 : tensor<2x196x768xf32>
    %527 = stablehlo.constant dense<0.044715> : tensor<f32>
    %528 = stablehlo.broadcast_in_dim %527, dims = [] : (tensor<f32>) -> tensor<2x196x768xf32>
    %529 = stablehlo.multiply %526, %528 : tensor<2x196x768xf32>
    %530 = stablehlo.add %524, %529 : tensor<2x196x768xf32>
    %531 = stablehlo.constant dense<0.7978846> : tensor<f32>
    %532 = stablehlo.broadcast_in_dim %531, dims = [] : (tensor<f32>) -> tensor<2x196x768xf32>
    %533 = stablehlo.multiply %530, %532 : tensor<2x196x768xf32>
    %534 = stablehlo.constant dense<0.5> : tensor<f32>
    %535 = stablehlo.broadcast_in_dim %534, dims = [] : (tensor<f32>) -> tensor<2x196x768xf32>
    %536 = stablehlo.multiply %524, %535 : tensor<2x196x768xf32>
    %537 = stablehlo.tanh %533 : tensor<2x196x768xf32>
    %538 = stablehlo.constant dense<1.0> : tensor<f32>
    %539 = stablehlo.broadcast_in_dim %538, dims = [] : (tensor<f32>) -> tensor<2x196x768xf32>
    %540 = stablehlo.add %537, %539 : tensor<2x196x768xf32>
    %541 = stablehlo.multiply %536, %540 : tensor<2x196x768xf32>
    %542 = stablehlo.dot_general %541, %arg82, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x196x768xf32>, tensor<768x192xf32>) -> tensor<2x196x192xf32>
    %543 = stablehlo.broadcast_in_dim %arg83, dims = [2] : (tensor<192xf32>) -> tensor<2x196x192xf32>
    %544 = stablehlo.add %542, %543 : tensor<2x196x192xf32>
    %545 = stablehlo.add %493, %544 : tensor<2x196x192xf32>
    %546 = stablehlo.constant dense<0.0> : tensor<f32>
    %547 = stablehlo.reduce(%545 init: %546) applies stablehlo.add across dimensions = [2] : (tensor<2x196x192xf32>, tensor<f32>) -> tensor<2x196xf32>
    %548 = stablehlo.constant dense<192.0> : tensor<f32>
    %549 = stablehlo.broadcast_in_dim %548, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %550 = stablehlo.divide %547, %549 : tensor<2x196xf32>
    %551 = stablehlo.multiply %545, %545 : tensor<2x196x192xf32>
    %552 = stablehlo.constant dense<0.0> : tensor<f32>
    %553 = stablehlo.reduce(%551 init: %552) applies stablehlo.add across dimensions = [2] : (tensor<2x196x192xf32>, tensor<f32>) -> tensor<2x196xf32>
    %554 = stablehlo.constant dense<192.0> : tensor<f32>
    %555 = stablehlo.broadcast_in_dim %554, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %556 = stablehlo.divide %553, %555 : tensor<2x196xf32>
    %557 = stablehlo.multiply %550, %550 : tensor<2x196xf32>
    %558 = stablehlo.subtract %556, %557 : tensor<2x196xf32>
    %559 = stablehlo.constant dense<0.0> : tensor<f32>
    %560 = stablehlo.broadcast_in_dim %559, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %561 = stablehlo.maximum %558, %560 : tensor<2x196xf32>
    %562 = stablehlo.broadcast_in_dim %550, dims = [0, 1] : (tensor<2x196xf32>) -> tensor<2x196x192xf32>
    %563 = stablehlo.subtract %545, %562 : tensor<2x196x192xf32>
    %564 = stablehlo.constant dense<1.0E-6> : tensor<f32>
    %565 = stablehlo.broadcast_in_dim %564, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %566 = stablehlo.add %561, %565 : tensor<2x196xf32>
    %567 = stablehlo.rsqrt %566 : tensor<2x196xf32>
    %568 = stablehlo.broadcast_in_dim %567, dims = [0, 1] : (tensor<2x196xf32>) -> tensor<2x196x192xf32>
    %569 = stablehlo.multiply %563, %568 : tensor<2x196x192xf32>
    %570 = stablehlo.broadcast_in_dim %arg84, dims = [2] : (tensor<192xf32>) -> tensor<2x196x192xf32>
    %571 = stablehlo.multiply %569, %570 : tensor<2x196x192xf32>
    %572 = stablehlo.broadcast_in_dim %arg85, dims = [2] : (tensor<192xf32>) -> tensor<2x196x192xf32>
    %573 = stablehlo.add %571, %572 : tensor<2x196x192xf32>
    %574 = stablehlo.dot_general %573, %arg86, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x196x192xf32>, tensor<192x3x64xf32>) -> tensor<2x196x3x64xf32>
    %575 = stablehlo.broadcast_in_dim %arg87, dims = [2, 3] : (tensor<3x64xf32>) -> tensor<2x196x3x64xf32>
    %576 = stablehlo.add %574, %575 : tensor<2x196x3x64xf32>
    %577 = stablehlo.dot_general %573, %arg88, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x196x192xf32>, tensor<192x3x64xf32>) -> tensor<2x196x3x64xf32>
    %578 = stablehlo.broadcast_in_dim %arg89, dims = [2, 3] : (tensor<3x64xf32>) -> tensor<2x196x3x64xf32>
    %579 = stablehlo.add %577, %578 : tensor<2x196x3x64xf32>
    %580 = stablehlo.dot_general %573, %arg90, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x196x192xf32>, tensor<192x3x64xf32>) -> tensor<2x196x3x64xf32>
    %581 = stablehlo.broadcast_in_dim %arg91, dims = [2, 3] : (tensor<3x64xf32>) -> tensor<2x196x3x64xf32>
    %582 = stablehlo.add %580, %581 : tensor<2x196x3x64xf32>
    %583 = stablehlo.constant dense<0.125> : tensor<f32>
    %584 = stablehlo.broadcast_in_dim %583, dims = [] : (tensor<f32>) -> tensor<2x196x3x64xf32>
    %585 = stablehlo.multiply %576, %584 : tensor<2x196x3x64xf32>
    %586 = stablehlo.dot_general %585, %579, batching_dims = [0, 2] x [0, 2], contracting_dims = [3] x [3], precision = [DEFAULT, DEFAULT] : (tensor<2x196x3x64xf32>, tensor<2x196x3x64xf32>) -> tensor<2x3x196x196xf32>
    %587 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %588 = stablehlo.reduce(%586 init: %587) applies stablehlo.maximum across dimensions = [3] : (tensor<2x3x196x196xf32>, tensor<f32>) -> tensor<2x3x196xf32>
    %589 = stablehlo.broadcast_in_dim %588, dims = [0, 1, 2] : (tensor<2x3x196xf32>) -> tensor<2x3x196x196xf32>
    %590 = stablehlo.subtract %586, %589 : tensor<2x3x196x196xf32>
    %591 = stablehlo.exponential %590 : tensor<2x3x196x196xf32>
    %592 = stablehlo.constant dense<0.0> : tensor<f32>
    %593 = stablehlo.reduce(%591 init: %592) applies stablehlo.add across dimensions = [3] : (tensor<2x3x196x196xf32>, tensor<f32>) -> tensor<2x3x196xf32>
    %594 = stablehlo.broadcast_in_dim %593, dims = [0, 1, 2] : (tensor<2x3x196xf32>) -> tensor<2x3x196x196xf32>
    %595 = stablehlo.divide %591, %594 : tensor<2x3x196x196xf32>
    %596 = stablehlo.dot_general %595, %582, batching_dims = [0, 1] x [0, 2], contracting_dims = [3] x [1], precision = [DEFAULT, DEFAULT] : (tensor<2x3x196x196xf32>, tensor<2x196x3x64xf32>) -> tensor<2x3x196x64xf32>
    %597 = stablehlo.transpose %596, dims = [0, 2, 1, 3] : (tensor<2x3x196x64xf32>) -> tensor<2x196x3x64xf32>
    %598 = stablehlo.dot_general %597, %arg92, contracting_dims = [2, 3] x [0, 1], precision = [DEFAULT, DEFAULT] : (tensor<2x196x3x64xf32>, tensor<3x64x192xf32>) -> tensor<2x196x192xf32>
    %599 = stablehlo.broadcast_in_dim %arg93, dims = [2] : (tensor<192xf32>) -> tensor<2x196x192xf32>
    %600 = stablehlo.add %598, %599 : tensor<2x196x192xf32>
    %601 = stablehlo.add %545, %600 : tensor<2x196x192xf32>
    %602 = stablehlo.constant dense<0.0> : tensor<f32>
    %603 = stablehlo.reduce(%601 init: %602) applies stablehlo.add across dimensions = [2] : (tensor<2x196x192xf32>, tensor<f32>) -> tensor<2x196xf32>
    %604 = stablehlo.constant dense<192.0> : tensor<f32>
    %605 = stablehlo.broadcast_in_dim %604, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %606 = stablehlo.divide %603, %605 : tensor<2x196xf32>
    %607 = stablehlo.multiply %601, %601 : tensor<2x196x192xf32>
    %608 = stablehlo.constant dense<0.0> : tensor<f32>
    %609 = stablehlo.reduce(%607 init: %608) applies stablehlo.add across dimensions = [2] : (tensor<2x196x192xf32>, tensor<f32>) -> tensor<2x196xf32>
    %610 = stablehlo.constant dense<192.0> : tensor<f32>
    %611 = stablehlo.broadcast_in_dim %610, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %612 = stablehlo.divide %609, %611 : tensor<2x196xf32>
    %613 = stablehlo.multiply %606, %606 : tensor<2x196xf32>
    %614 = stablehlo.subtract %612, %613 : tensor<2x196xf32>
    %615 = stablehlo.constant dense<0.0> : tensor<f32>
    %616 = stablehlo.broadcast_in_dim %615, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %617 = stablehlo.maximum %614, %616 : tensor<2x196xf32>
    %618 = stablehlo.broadcast_in_dim %606, dims = [0, 1] : (tensor<2x196xf32>) -> tensor<2x196x192xf32>
    %619 = stablehlo.subtract %601, %618 : tensor<2x196x192xf32>
    %620 = stablehlo.constant dense<1.0E-6> : tensor<f32>
    %621 = stablehlo.broadcast_in_dim %620, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %622 = stablehlo.add %617, %621 : tensor<2x196xf32>
    %623 = stablehlo.rsqrt %622 : tensor<2x196xf32>
    %624 = stablehlo.broadcast_in_dim %623, dims = [0, 1] : (tensor<2x196xf32>) -> tensor<2x196x192xf32>
    %625 = stablehlo.multiply %619, %624 : tensor<2x196x192xf32>
    %626 = stablehlo.broadcast_in_dim %arg94, dims = [2] : (tensor<192xf32>) -> tensor<2x196x192xf32>
    %627 = stablehlo.multiply %625, %626 : tensor<2x196x192xf32>
    %628 = stablehlo.broadcast_in_dim %arg95, dims = [2] : (tensor<192xf32>) -> tensor<2x196x192xf32>
    %629 = stablehlo.add %627, %628 : tensor<2x196x192xf32>
    %630 = stablehlo.dot_general %629, %arg96, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x196x192xf32>, tensor<192x768xf32>) -> tensor<2x196x768xf32>
    %631 = stablehlo.broadcast_in_dim %arg97, dims = [2] : (tensor<768xf32>) -> tensor<2x196x768xf32>
    %632 = stablehlo.add %630, %631 : tensor<2x196x768xf32>
    %633 = stablehlo.multiply %632, %632 : tensor<2x196x768xf32>
    %634 = stablehlo.multiply %633, %632 : tensor<2x196x768xf32>
    %635 = stablehlo.constant dense<0.044715> : tensor<f32>
    %636 = stablehlo.broadcast_in_dim %635, dims = [] : (tensor<f32>) -> tensor<2x196x768xf32>
    %637 = stablehlo.multiply %634, %636 : tensor<2x196x768xf32>
    %638 = stablehlo.add %632, %637 : tensor<2x196x768xf32>
    %639 = stablehlo.constant dense<0.7978846> : tensor<f32>
    %640 = stablehlo.broadcast_in_dim %639, dims = [] : (tensor<f32>) -> tensor<2x196x768xf32>
    %641 = stablehlo.multiply %638, %640 : tensor<2x196x768xf32>
    %642 = stablehlo.constant dense<0.5> : tensor<f32>
    %643 = stablehlo.broadcast_in_dim %642, dims = [] : (tensor<f32>) -> tensor<2x196x768xf32>
    %644 = stablehlo.multiply %632, %643 : tensor<2x196x768xf32>
    %645 = stablehlo.tanh %641 : tensor<2x196x768xf32>
    %646 = stablehlo.constant dense<1.0> : tensor<f32>
    %647 = stablehlo.broadcast_in_dim %646, dims = [] : (tensor<f32>) -> tensor<2x196x768xf32>
    %648 = stablehlo.add %645, %647 : tensor<2x196x768xf32>
    %649 = stablehlo.multiply %644, %648 : tensor<2x196x768xf32>
    %650 = stablehlo.dot_general %649, %arg98, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x196x768xf32>, tensor<768x192xf32>) -> tensor<2x196x192xf32>
    %651 = stablehlo.broadcast_in_dim %arg99, dims = [2] : (tensor<192xf32>) -> tensor<2x196x192xf32>
    %652 = stablehlo.add %650, %651 : tensor<2x196x192xf32>
    %653 = stablehlo.add %601, %652 : tensor<2x196x192xf32>
    %654 = stablehlo.constant dense<0.0> : tensor<f32>
    %655 = stablehlo.reduce(%653 init: %654) applies stablehlo.add across dimensions = [2] : (tensor<2x196x192xf32>, tensor<f32>) -> tensor<2x196xf32>
    %656 = stablehlo.constant dense<192.0> : tensor<f32>
    %657 = stablehlo.broadcast_in_dim %656, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %658 = stablehlo.divide %655, %657 : tensor<2x196xf32>
    %659 = stablehlo.multiply %653, %653 : tensor<2x196x192xf32>
    %660 = stablehlo.constant dense<0.0> : tensor<f32>
    %661 = stablehlo.reduce(%659 init: %660) applies stablehlo.add across dimensions = [2] : (tensor<2x196x192xf32>, tensor<f32>) -> tensor<2x196xf32>
    %662 = stablehlo.constant dense<192.0> : tensor<f32>
    %663 = stablehlo.broadcast_in_dim %662, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %664 = stablehlo.divide %661, %663 : tensor<2x196xf32>
    %665 = stablehlo.multiply %658, %658 : tensor<2x196xf32>
    %666 = stablehlo.subtract %664, %665 : tensor<2x196xf32>
    %667 = stablehlo.constant dense<0.0> : tensor<f32>
    %668 = stablehlo.broadcast_in_dim %667, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %669 = stablehlo.maximum %666, %668 : tensor<2x196xf32>
    %670 = stablehlo.broadcast_in_dim %658, dims = [0, 1] : (tensor<2x196xf32>) -> tensor<2x196x192xf32>
    %671 = stablehlo.subtract %653, %670 : tensor<2x196x192xf32>
    %672 = stablehlo.constant dense<1.0E-6> : tensor<f32>
    %673 = stablehlo.broadcast_in_dim %672, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %674 = stablehlo.add %669, %673 : tensor<2x196xf32>
    %675 = stablehlo.rsqrt %674 : tensor<2x196xf32>
    %676 = stablehlo.broadcast_in_dim %675, dims = [0, 1] : (tensor<2x196xf32>) -> tensor<2x196x192xf32>
    %677 = stablehlo.multiply %671, %676 : tensor<2x196x192xf32>
    %678 = stablehlo.broadcast_in_dim %arg100, dims = [2] : (tensor<192xf32>) -> tensor<2x196x192xf32>
    %679 = stablehlo.multiply %677, %678 : tensor<2x196x192xf32>
    %680 = stablehlo.broadcast_in_dim %arg101, dims = [2] : (tensor<192xf32>) -> tensor<2x196x192xf32>
    %681 = stablehlo.add %679, %680 : tensor<2x196x192xf32>
    %682 = stablehlo.dot_general %681, %arg102, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x196x192xf32>, tensor<192x3x64xf32>) -> tensor<2x196x3x64xf32>
    %683 = stablehlo.broadcast_in_dim %arg103, dims = [2, 3] : (tensor<3x64xf32>) -> tensor<2x196x3x64xf32>
    %684 = stablehlo.add %682, %683 : tensor<2x196x3x64xf32>
    %685 = stablehlo.dot_general %681, %arg104, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x196x192xf32>, tensor<192x3x64xf32>) -> tensor<2x196x3x64xf32>
    %686 = stablehlo.broadcast_in_dim %arg105, dims = [2, 3] : (tensor<3x64xf32>) -> tensor<2x196x3x64xf32>
    %687 = stablehlo.add %685, %686 : tensor<2x196x3x64xf32>
    %688 = stablehlo.dot_general %681, %arg106, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x196x192xf32>, tensor<192x3x64xf32>) -> tensor<2x196x3x64xf32>
    %689 = stablehlo.broadcast_in_dim %arg107, dims = [2, 3] : (tensor<3x64xf32>) -> tensor<2x196x3x64xf32>
    %690 = stablehlo.add %688, %689 : tensor<2x196x3x64xf32>
    %691 = stablehlo.constant dense<0.125> : tensor<f32>
    %692 = stablehlo.broadcast_in_dim %691, dims = [] : (tensor<f32>) -> tensor<2x196x3x64xf32>
    %693 = stablehlo.multiply %684, %692 : tensor<2x196x3x64xf32>
    %694 = stablehlo.dot_general %693, %687, batching_dims = [0, 2] x [0, 2], contracting_dims = [3] x [3], precision = [DEFAULT, DEFAULT] : (tensor<2x196x3x64xf32>, tensor<2x196x3x64xf32>) -> tensor<2x3x196x196xf32>
    %695 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %696 = stablehlo.reduce(%694 init: %695) applies stablehlo.maximum across dimensions = [3] : (tensor<2x3x196x196xf32>, tensor<f32>) -> tensor<2x3x196xf32>
    %697 = stablehlo.broadcast_in_dim %696, dims = [0, 1, 2] : (tensor<2x3x196xf32>) -> tensor<2x3x196x196xf32>
    %698 = stablehlo.subtract %694, %697 : tensor<2x3x196x196xf32>
    %699 = stablehlo.exponential %698 : tensor<2x3x196x196xf32>
    %700 = stablehlo.constant dense<0.0> : tensor<f32>
    %701 = stablehlo.reduce(%699 init: %700) applies stablehlo.add across dimensions = [3] : (tensor<2x3x196x196xf32>, tensor<f32>) -> tensor<2x3x196xf32>
    %702 = stablehlo.broadcast_in_dim %701, dims = [0, 1, 2] : (tensor<2x3x196xf32>) -> tensor<2x3x196x196xf32>
    %703 = stablehlo.divide %699, %702 : tensor<2x3x196x196xf32>
    %704 = stablehlo.dot_general %703, %690, batching_dims = [0, 1] x [0, 2], contracting_dims = [3] x [1], precision = [DEFAULT, DEFAULT] : (tensor<2x3x196x196xf32>, tensor<2x196x3x64xf32>) -> tensor<2x3x196x64xf32>
    %705 = stablehlo.transpose %704, dims = [0, 2, 1, 3] : (tensor<2x3x196x64xf32>) -> tensor<2x196x3x64xf32>
    %706 = stablehlo.dot_general %705, %arg108, contracting_dims = [2, 3] x [0, 1], precision = [DEFAULT, DEFAULT] : (tensor<2x196x3x64xf32>, tensor<3x64x192xf32>) -> tensor<2x196x192xf32>
    %707 = stablehlo.broadcast_in_dim %arg109, dims = [2] : (tensor<192xf32>) -> tensor<2x196x192xf32>
    %708 = stablehlo.add %706, %707 : tensor<2x196x192xf32>
    %709 = stablehlo.add %653, %708 : tensor<2x196x192xf32>
    %710 = stablehlo.constant dense<0.0> : tensor<f32>
    %711 = stablehlo.reduce(%709 init: %710) applies stablehlo.add across dimensions = [2] : (tensor<2x196x192xf32>, tensor<f32>) -> tensor<2x196xf32>
    %712 = stablehlo.constant dense<192.0> : tensor<f32>
    %713 = stablehlo.broadcast_in_dim %712, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %714 = stablehlo.divide %711, %713 : tensor<2x196xf32>
    %715 = stablehlo.multiply %709, %709 : tensor<2x196x192xf32>
    %716 = stablehlo.constant dense<0.0> : tensor<f32>
    %717 = stablehlo.reduce(%715 init: %716) applies stablehlo.add across dimensions = [2] : (tensor<2x196x192xf32>, tensor<f32>) -> tensor<2x196xf32>
    %718 = stablehlo.constant dense<192.0> : tensor<f32>
    %719 = stablehlo.broadcast_in_dim %718, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %720 = stablehlo.divide %717, %719 : tensor<2x196xf32>
    %721 = stablehlo.multiply %714, %714 : tensor<2x196xf32>
    %722 = stablehlo.subtract %720, %721 : tensor<2x196xf32>
    %723 = stablehlo.constant dense<0.0> : tensor<f32>
    %724 = stablehlo.broadcast_in_dim %723, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %725 = stablehlo.maximum %722, %724 : tensor<2x196xf32>
    %726 = stablehlo.broadcast_in_dim %714, dims = [0, 1] : (tensor<2x196xf32>) -> tensor<2x196x192xf32>
    %727 = stablehlo.subtract %709, %726 : tensor<2x196x192xf32>
    %728 = stablehlo.constant dense<1.0E-6> : tensor<f32>
    %729 = stablehlo.broadcast_in_dim %728, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %730 = stablehlo.add %725, %729 : tensor<2x196xf32>
    %731 = stablehlo.rsqrt %730 : tensor<2x196xf32>
    %732 = stablehlo.broadcast_in_dim %731, dims = [0, 1] : (tensor<2x196xf32>) -> tensor<2x196x192xf32>
    %733 = stablehlo.multiply %727, %732 : tensor<2x196x192xf32>
    %734 = stablehlo.broadcast_in_dim %arg110, dims = [2] : (tensor<192xf32>) -> tensor<2x196x192xf32>
    %735 = stablehlo.multiply %733, %734 : tensor<2x196x192xf32>
    %736 = stablehlo.broadcast_in_dim %arg111, dims = [2] : (tensor<192xf32>) -> tensor<2x196x192xf32>
    %737 = stablehlo.add %735, %736 : tensor<2x196x192xf32>
    %738 = stablehlo.dot_general %737, %arg112, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x196x192xf32>, tensor<192x768xf32>) -> tensor<2x196x768xf32>
    %739 = stablehlo.broadcast_in_dim %arg113, dims = [2] : (tensor<768xf32>) -> tensor<2x196x768xf32>
    %740 = stablehlo.add %738, %739 : tensor<2x196x768xf32>
    %741 = stablehlo.multiply %740, %740 : tensor<2x196x768xf32>
    %742 = stablehlo.multiply %741, %740 : tensor<2x196x768xf32>
    %743 = stablehlo.constant dense<0.044715> : tensor<f32>
    %744 = stablehlo.broadcast_in_dim %743, dims = [] : (tensor<f32>) -> tensor<2x196x768xf32>
    %745 = stablehlo.multiply %742, %744 : tensor<2x196x768xf32>
    %746 = stablehlo.add %740, %745 : tensor<2x196x768xf32>
    %747 = stablehlo.constant dense<0.7978846> : tensor<f32>
    %748 = stablehlo.broadcast_in_dim %747, dims = [] : (tensor<f32>) -> tensor<2x196x768xf32>
    %749 = stablehlo.multiply %746, %748 : tensor<2x196x768xf32>
    %750 = stablehlo.constant dense<0.5> : tensor<f32>
    %751 = stablehlo.broadcast_in_dim %750, dims = [] : (tensor<f32>) -> tensor<2x196x768xf32>
    %752 = stablehlo.multiply %740, %751 : tensor<2x196x768xf32>
    %753 = stablehlo.tanh %749 : tensor<2x196x768xf32>
    %754 = stablehlo.constant dense<1.0> : tensor<f32>
    %755 = stablehlo.broadcast_in_dim %754, dims = [] : (tensor<f32>) -> tensor<2x196x768xf32>
    %756 = stablehlo.add %753, %755 : tensor<2x196x768xf32>
    %757 = stablehlo.multiply %752, %756 : tensor<2x196x768xf32>
    %758 = stablehlo.dot_general %757, %arg114, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x196x768xf32>, tensor<768x192xf32>) -> tensor<2x196x192xf32>
    %759 = stablehlo.broadcast_in_dim %arg115, dims = [2] : (tensor<192xf32>) -> tensor<2x196x192xf32>
    %760 = stablehlo.add %758, %759 : tensor<2x196x192xf32>
    %761 = stablehlo.add %709, %760 : tensor<2x196x192xf32>
    %762 = stablehlo.constant dense<0.0> : tensor<f32>
    %763 = stablehlo.reduce(%761 init: %762) applies stablehlo.add across dimensions = [2] : (tensor<2x196x192xf32>, tensor<f32>) -> tensor<2x196xf32>
    %764 = stablehlo.constant dense<192.0> : tensor<f32>
    %765 = stablehlo.broadcast_in_dim %764, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %766 = stablehlo.divide %763, %765 : tensor<2x196xf32>
    %767 = stablehlo.multiply %761, %761 : tensor<2x196x192xf32>
    %768 = stablehlo.constant dense<0.0> : tensor<f32>
    %769 = stablehlo.reduce(%767 init: %768) applies stablehlo.add across dimensions = [2] : (tensor<2x196x192xf32>, tensor<f32>) -> tensor<2x196xf32>
    %770 = stablehlo.constant dense<192.0> : tensor<f32>
    %771 = stablehlo.broadcast_in_dim %770, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %772 = stablehlo.divide %769, %771 : tensor<2x196xf32>
    %773 = stablehlo.multiply %766, %766 : tensor<2x196xf32>
    %774 = stablehlo.subtract %772, %773 : tensor<2x196xf32>
    %775 = stablehlo.constant dense<0.0> : tensor<f32>
    %776 = stablehlo.broadcast_in_dim %775, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %777 = stablehlo.maximum %774, %776 : tensor<2x196xf32>
    %778 = stablehlo.broadcast_in_dim %766, dims = [0, 1] : (tensor<2x196xf32>) -> tensor<2x196x192xf32>
    %779 = stablehlo.subtract %761, %778 : tensor<2x196x192xf32>
    %780 = stablehlo.constant dense<1.0E-6> : tensor<f32>
    %781 = stablehlo.broadcast_in_dim %780, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %782 = stablehlo.add %777, %781 : tensor<2x196xf32>
    %783 = stablehlo.rsqrt %782 : tensor<2x196xf32>
    %784 = stablehlo.broadcast_in_dim %783, dims = [0, 1] : (tensor<2x196xf32>) -> tensor<2x196x192xf32>
    %785 = stablehlo.multiply %779, %784 : tensor<2x196x192xf32>
    %786 = stablehlo.broadcast_in_dim %arg116, dims = [2] : (tensor<192xf32>) -> tensor<2x196x192xf32>
    %787 = stablehlo.multiply %785, %786 : tensor<2x196x192xf32>
    %788 = stablehlo.broadcast_in_dim %arg117, dims = [2] : (tensor<192xf32>) -> tensor<2x196x192xf32>
    %789 = stablehlo.add %787, %788 : tensor<2x196x192xf32>
    %790 = stablehlo.dot_general %789, %arg118, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x196x192xf32>, tensor<192x3x64xf32>) -> tensor<2x196x3x64xf32>
    %791 = stablehlo.broadcast_in_dim %arg119, dims = [2, 3] : (tensor<3x64xf32>) -> tensor<2x196x3x64xf32>
    %792 = stablehlo.add %790, %791 : tensor<2x196x3x64xf32>
    %793 = stablehlo.dot_general %789, %arg120, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x196x192xf32>, tensor<192x3x64xf32>) -> tensor<2x196x3x64xf32>
    %794 = stablehlo.broadcast_in_dim %arg121, dims = [2, 3] : (tensor<3x64xf32>) -> tensor<2x196x3x64xf32>
    %795 = stablehlo.add %793, %794 : tensor<2x196x3x64xf32>
    %796 = stablehlo.dot_general %789, %arg122, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x196x192xf32>, tensor<192x3x64xf32>) -> tensor<2x196x3x64xf32>
    %797 = stablehlo.broadcast_in_dim %arg123, dims = [2, 3] : (tensor<3x64xf32>) -> tensor<2x196x3x64xf32>
    %798 = stablehlo.add %796, %797 : tensor<2x196x3x64xf32>
    %799 = stablehlo.constant dense<0.125> : tensor<f32>
    %800 = stablehlo.broadcast_in_dim %799, dims = [] : (tensor<f32>) -> tensor<2x196x3x64xf32>
    %801 = stablehlo.multiply %792, %800 : tensor<2x196x3x64xf32>
    %802 = stablehlo.dot_general %801, %795, batching_dims = [0, 2] x [0, 2], contracting_dims = [3] x [3], precision = [DEFAULT, DEFAULT] : (tensor<2x196x3x64xf32>, tensor<2x196x3x64xf32>) -> tensor<2x3x196x196xf32>
    %803 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %804 = stablehlo.reduce(%802 init: %803) applies stablehlo.maximum across dimensions = [3] : (tensor<2x3x196x196xf32>, tensor<f32>) -> tensor<2x3x196xf32>
    %805 = stablehlo.broadcast_in_dim %804, dims = [0, 1, 2] : (tensor<2x3x196xf32>) -> tensor<2x3x196x196xf32>
    %806 = stablehlo.subtract %802, %805 : tensor<2x3x196x196xf32>
    %807 = stablehlo.exponential %806 : tensor<2x3x196x196xf32>
    %808 = stablehlo.constant dense<0.0> : tensor<f32>
    %809 = stablehlo.reduce(%807 init: %808) applies stablehlo.add across dimensions = [3] : (tensor<2x3x196x196xf32>, tensor<f32>) -> tensor<2x3x196xf32>
    %810 = stablehlo.broadcast_in_dim %809, dims = [0, 1, 2] : (tensor<2x3x196xf32>) -> tensor<2x3x196x196xf32>
    %811 = stablehlo.divide %807, %810 : tensor<2x3x196x196xf32>
    %812 = stablehlo.dot_general %811, %798, batching_dims = [0, 1] x [0, 2], contracting_dims = [3] x [1], precision = [DEFAULT, DEFAULT] : (tensor<2x3x196x196xf32>, tensor<2x196x3x64xf32>) -> tensor<2x3x196x64xf32>
    %813 = stablehlo.transpose %812, dims = [0, 2, 1, 3] : (tensor<2x3x196x64xf32>) -> tensor<2x196x3x64xf32>
    %814 = stablehlo.dot_general %813, %arg124, contracting_dims = [2, 3] x [0, 1], precision = [DEFAULT, DEFAULT] : (tensor<2x196x3x64xf32>, tensor<3x64x192xf32>) -> tensor<2x196x192xf32>
    %815 = stablehlo.broadcast_in_dim %arg125, dims = [2] : (tensor<192xf32>) -> tensor<2x196x192xf32>
    %816 = stablehlo.add %814, %815 : tensor<2x196x192xf32>
    %817 = stablehlo.add %761, %816 : tensor<2x196x192xf32>
    %818 = stablehlo.constant dense<0.0> : tensor<f32>
    %819 = stablehlo.reduce(%817 init: %818) applies stablehlo.add across dimensions = [2] : (tensor<2x196x192xf32>, tensor<f32>) -> tensor<2x196xf32>
    %820 = stablehlo.constant dense<192.0> : tensor<f32>
    %821 = stablehlo.broadcast_in_dim %820, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %822 = stablehlo.divide %819, %821 : tensor<2x196xf32>
    %823 = stablehlo.multiply %817, %817 : tensor<2x196x192xf32>
    %824 = stablehlo.constant dense<0.0> : tensor<f32>
    %825 = stablehlo.reduce(%823 init: %824) applies stablehlo.add across dimensions = [2] : (tensor<2x196x192xf32>, tensor<f32>) -> tensor<2x196xf32>
    %826 = stablehlo.constant dense<192.0> : tensor<f32>
    %827 = stablehlo.broadcast_in_dim %826, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %828 = stablehlo.divide %825, %827 : tensor<2x196xf32>
    %829 = stablehlo.multiply %822, %822 : tensor<2x196xf32>
    %830 = stablehlo.subtract %828, %829 : tensor<2x196xf32>
    %831 = stablehlo.constant dense<0.0> : tensor<f32>
    %832 = stablehlo.broadcast_in_dim %831, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %833 = stablehlo.maximum %830, %832 : tensor<2x196xf32>
    %834 = stablehlo.broadcast_in_dim %822, dims = [0, 1] : (tensor<2x196xf32>) -> tensor<2x196x192xf32>
    %835 = stablehlo.subtract %817, %834 : tensor<2x196x192xf32>
    %836 = stablehlo.constant dense<1.0E-6> : tensor<f32>
    %837 = stablehlo.broadcast_in_dim %836, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %838 = stablehlo.add %833, %837 : tensor<2x196xf32>
    %839 = stablehlo.rsqrt %838 : tensor<2x196xf32>
    %840 = stablehlo.broadcast_in_dim %839, dims = [0, 1] : (tensor<2x196xf32>) -> tensor<2x196x192xf32>
    %841 = stablehlo.multiply %835, %840 : tensor<2x196x192xf32>
    %842 = stablehlo.broadcast_in_dim %arg126, dims = [2] : (tensor<192xf32>) -> tensor<2x196x192xf32>
    %843 = stablehlo.multiply %841, %842 : tensor<2x196x192xf32>
    %844 = stablehlo.broadcast_in_dim %arg127, dims = [2] : (tensor<192xf32>) -> tensor<2x196x192xf32>
    %845 = stablehlo.add %843, %844 : tensor<2x196x192xf32>
    %846 = stablehlo.dot_general %845, %arg128, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x196x192xf32>, tensor<192x768xf32>) -> tensor<2x196x768xf32>
    %847 = stablehlo.broadcast_in_dim %arg129, dims = [2] : (tensor<768xf32>) -> tensor<2x196x768xf32>
    %848 = stablehlo.add %846, %847 : tensor<2x196x768xf32>
    %849 = stablehlo.multiply %848, %848 : tensor<2x196x768xf32>
    %850 = stablehlo.multiply %849, %848 : tensor<2x196x768xf32>
    %851 = stablehlo.constant dense<0.044715> : tensor<f32>
    %852 = stablehlo.broadcast_in_dim %851, dims = [] : (tensor<f32>) -> tensor<2x196x768xf32>
    %853 = stablehlo.multiply %850, %852 : tensor<2x196x768xf32>
    %854 = stablehlo.add %848, %853 : tensor<2x196x768xf32>
    %855 = stablehlo.constant dense<0.7978846> : tensor<f32>
    %856 = stablehlo.broadcast_in_dim %855, dims = [] : (tensor<f32>) -> tensor<2x196x768xf32>
    %857 = stablehlo.multiply %854, %856 : tensor<2x196x768xf32>
    %858 = stablehlo.constant dense<0.5> : tensor<f32>
    %859 = stablehlo.broadcast_in_dim %858, dims = [] : (tensor<f32>) -> tensor<2x196x768xf32>
    %860 = stablehlo.multiply %848, %859 : tensor<2x196x768xf32>
    %861 = stablehlo.tanh %857 : tensor<2x196x768xf32>
    %862 = stablehlo.constant dense<1.0> : tensor<f32>
    %863 = stablehlo.broadcast_in_dim %862, dims = [] : (tensor<f32>) -> tensor<2x196x768xf32>
    %864 = stablehlo.add %861, %863 : tensor<2x196x768xf32>
    %865 = stablehlo.multiply %860, %864 : tensor<2x196x768xf32>
    %866 = stablehlo.dot_general %865, %arg130, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x196x768xf32>, tensor<768x192xf32>) -> tensor<2x196x192xf32>
    %867 = stablehlo.broadcast_in_dim %arg131, dims = [2] : (tensor<192xf32>) -> tensor<2x196x192xf32>
    %868 = stablehlo.add %866, %867 : tensor<2x196x192xf32>
    %869 = stablehlo.add %817, %868 : tensor<2x196x192xf32>
    %870 = stablehlo.constant dense<0.0> : tensor<f32>
    %871 = stablehlo.reduce(%869 init: %870) applies stablehlo.add across dimensions = [2] : (tensor<2x196x192xf32>, tensor<f32>) -> tensor<2x196xf32>
    %872 = stablehlo.constant dense<192.0> : tensor<f32>
    %873 = stablehlo.broadcast_in_dim %872, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %874 = stablehlo.divide %871, %873 : tensor<2x196xf32>
    %875 = stablehlo.multiply %869, %869 : tensor<2x196x192xf32>
    %876 = stablehlo.constant dense<0.0> : tensor<f32>
    %877 = stablehlo.reduce(%875 init: %876) applies stablehlo.add across dimensions = [2] : (tensor<2x196x192xf32>, tensor<f32>) -> tensor<2x196xf32>
    %878 = stablehlo.constant dense<192.0> : tensor<f32>
    %879 = stablehlo.broadcast_in_dim %878, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %880 = stablehlo.divide %877, %879 : tensor<2x196xf32>
    %881 = stablehlo.multiply %874, %874 : tensor<2x196xf32>
    %882 = stablehlo.subtract %880, %881 : tensor<2x196xf32>
    %883 = stablehlo.constant dense<0.0> : tensor<f32>
    %884 = stablehlo.broadcast_in_dim %883, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %885 = stablehlo.maximum %882, %884 : tensor<2x196xf32>
    %886 = stablehlo.broadcast_in_dim %874, dims = [0, 1] : (tensor<2x196xf32>) -> tensor<2x196x192xf32>
    %887 = stablehlo.subtract %869, %886 : tensor<2x196x192xf32>
    %888 = stablehlo.constant dense<1.0E-6> : tensor<f32>
    %889 = stablehlo.broadcast_in_dim %888, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %890 = stablehlo.add %885, %889 : tensor<2x196xf32>
    %891 = stablehlo.rsqrt %890 : tensor<2x196xf32>
    %892 = stablehlo.broadcast_in_dim %891, dims = [0, 1] : (tensor<2x196xf32>) -> tensor<2x196x192xf32>
    %893 = stablehlo.multiply %887, %892 : tensor<2x196x192xf32>
    %894 = stablehlo.broadcast_in_dim %arg132, dims = [2] : (tensor<192xf32>) -> tensor<2x196x192xf32>
    %895 = stablehlo.multiply %893, %894 : tensor<2x196x192xf32>
    %896 = stablehlo.broadcast_in_dim %arg133, dims = [2] : (tensor<192xf32>) -> tensor<2x196x192xf32>
    %897 = stablehlo.add %895, %896 : tensor<2x196x192xf32>
    %898 = stablehlo.dot_general %897, %arg134, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x196x192xf32>, tensor<192x3x64xf32>) -> tensor<2x196x3x64xf32>
    %899 = stablehlo.broadcast_in_dim %arg135, dims = [2, 3] : (tensor<3x64xf32>) -> tensor<2x196x3x64xf32>
    %900 = stablehlo.add %898, %899 : tensor<2x196x3x64xf32>
    %901 = stablehlo.dot_general %897, %arg136, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x196x192xf32>, tensor<192x3x64xf32>) -> tensor<2x196x3x64xf32>
    %902 = stablehlo.broadcast_in_dim %arg137, dims = [2, 3] : (tensor<3x64xf32>) -> tensor<2x196x3x64xf32>
    %903 = stablehlo.add %901, %902 : tensor<2x196x3x64xf32>
    %904 = stablehlo.dot_general %897, %arg138, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x196x192xf32>, tensor<192x3x64xf32>) -> tensor<2x196x3x64xf32>
    %905 = stablehlo.broadcast_in_dim %arg139, dims = [2, 3] : (tensor<3x64xf32>) -> tensor<2x196x3x64xf32>
    %906 = stablehlo.add %904, %905 : tensor<2x196x3x64xf32>
    %907 = stablehlo.constant dense<0.125> : tensor<f32>
    %908 = stablehlo.broadcast_in_dim %907, dims = [] : (tensor<f32>) -> tensor<2x196x3x64xf32>
    %909 = stablehlo.multiply %900, %908 : tensor<2x196x3x64xf32>
    %910 = stablehlo.dot_general %909, %903, batching_dims = [0, 2] x [0, 2], contracting_dims = [3] x [3], precision = [DEFAULT, DEFAULT] : (tensor<2x196x3x64xf32>, tensor<2x196x3x64xf32>) -> tensor<2x3x196x196xf32>
    %911 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %912 = stablehlo.reduce(%910 init: %911) applies stablehlo.maximum across dimensions = [3] : (tensor<2x3x196x196xf32>, tensor<f32>) -> tensor<2x3x196xf32>
    %913 = stablehlo.broadcast_in_dim %912, dims = [0, 1, 2] : (tensor<2x3x196xf32>) -> tensor<2x3x196x196xf32>
    %914 = stablehlo.subtract %910, %913 : tensor<2x3x196x196xf32>
    %915 = stablehlo.exponential %914 : tensor<2x3x196x196xf32>
    %916 = stablehlo.constant dense<0.0> : tensor<f32>
    %917 = stablehlo.reduce(%915 init: %916) applies stablehlo.add across dimensions = [3] : (tensor<2x3x196x196xf32>, tensor<f32>) -> tensor<2x3x196xf32>
    %918 = stablehlo.broadcast_in_dim %917, dims = [0, 1, 2] : (tensor<2x3x196xf32>) -> tensor<2x3x196x196xf32>
    %919 = stablehlo.divide %915, %918 : tensor<2x3x196x196xf32>
    %920 = stablehlo.dot_general %919, %906, batching_dims = [0, 1] x [0, 2], contracting_dims = [3] x [1], precision = [DEFAULT, DEFAULT] : (tensor<2x3x196x196xf32>, tensor<2x196x3x64xf32>) -> tensor<2x3x196x64xf32>
    %921 = stablehlo.transpose %920, dims = [0, 2, 1, 3] : (tensor<2x3x196x64xf32>) -> tensor<2x196x3x64xf32>
    %922 = stablehlo.dot_general %921, %arg140, contracting_dims = [2, 3] x [0, 1], precision = [DEFAULT, DEFAULT] : (tensor<2x196x3x64xf32>, tensor<3x64x192xf32>) -> tensor<2x196x192xf32>
    %923 = stablehlo.broadcast_in_dim %arg141, dims = [2] : (tensor<192xf32>) -> tensor<2x196x192xf32>
    %924 = stablehlo.add %922, %923 : tensor<2x196x192xf32>
    %925 = stablehlo.add %869, %924 : tensor<2x196x192xf32>
    %926 = stablehlo.constant dense<0.0> : tensor<f32>
    %927 = stablehlo.reduce(%925 init: %926) applies stablehlo.add across dimensions = [2] : (tensor<2x196x192xf32>, tensor<f32>) -> tensor<2x196xf32>
    %928 = stablehlo.constant dense<192.0> : tensor<f32>
    %929 = stablehlo.broadcast_in_dim %928, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %930 = stablehlo.divide %927, %929 : tensor<2x196xf32>
    %931 = stablehlo.multiply %925, %925 : tensor<2x196x192xf32>
    %932 = stablehlo.constant dense<0.0> : tensor<f32>
    %933 = stablehlo.reduce(%931 init: %932) applies stablehlo.add across dimensions = [2] : (tensor<2x196x192xf32>, tensor<f32>) -> tensor<2x196xf32>
    %934 = stablehlo.constant dense<192.0> : tensor<f32>
    %935 = stablehlo.broadcast_in_dim %934, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %936 = stablehlo.divide %933, %935 : tensor<2x196xf32>
    %937 = stablehlo.multiply %930, %930 : tensor<2x196xf32>
    %938 = stablehlo.subtract %936, %937 : tensor<2x196xf32>
    %939 = stablehlo.constant dense<0.0> : tensor<f32>
    %940 = stablehlo.broadcast_in_dim %939, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %941 = stablehlo.maximum %938, %940 : tensor<2x196xf32>
    %942 = stablehlo.broadcast_in_dim %930, dims = [0, 1] : (tensor<2x196xf32>) -> tensor<2x196x192xf32>
    %943 = stablehlo.subtract %925, %942 : tensor<2x196x192xf32>
    %944 = stablehlo.constant dense<1.0E-6> : tensor<f32>
    %945 = stablehlo.broadcast_in_dim %944, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %946 = stablehlo.add %941, %945 : tensor<2x196xf32>
    %947 = stablehlo.rsqrt %946 : tensor<2x196xf32>
    %948 = stablehlo.broadcast_in_dim %947, dims = [0, 1] : (tensor<2x196xf32>) -> tensor<2x196x192xf32>
    %949 = stablehlo.multiply %943, %948 : tensor<2x196x192xf32>
    %950 = stablehlo.broadcast_in_dim %arg142, dims = [2] : (tensor<192xf32>) -> tensor<2x196x192xf32>
    %951 = stablehlo.multiply %949, %950 : tensor<2x196x192xf32>
    %952 = stablehlo.broadcast_in_dim %arg143, dims = [2] : (tensor<192xf32>) -> tensor<2x196x192xf32>
    %953 = stablehlo.add %951, %952 : tensor<2x196x192xf32>
    %954 = stablehlo.dot_general %953, %arg144, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x196x192xf32>, tensor<192x768xf32>) -> tensor<2x196x768xf32>
    %955 = stablehlo.broadcast_in_dim %arg145, dims = [2] : (tensor<768xf32>) -> tensor<2x196x768xf32>
    %956 = stablehlo.add %954, %955 : tensor<2x196x768xf32>
    %957 = stablehlo.multiply %956, %956 : tensor<2x196x768xf32>
    %958 = stablehlo.multiply %957, %956 : tensor<2x196x768xf32>
    %959 = stablehlo.constant dense<0.044715> : tensor<f32>
    %960 = stablehlo.broadcast_in_dim %959, dims = [] : (tensor<f32>) -> tensor<2x196x768xf32>
    %961 = stablehlo.multiply %958, %960 : tensor<2x196x768xf32>
    %962 = stablehlo.add %956, %961 : tensor<2x196x768xf32>
    %963 = stablehlo.constant dense<0.7978846> : tensor<f32>
    %964 = stablehlo.broadcast_in_dim %963, dims = [] : (tensor<f32>) -> tensor<2x196x768xf32>
    %965 = stablehlo.multiply %962, %964 : tensor<2x196x768xf32>
    %966 = stablehlo.constant dense<0.5> : tensor<f32>
    %967 = stablehlo.broadcast_in_dim %966, dims = [] : (tensor<f32>) -> tensor<2x196x768xf32>
    %968 = stablehlo.multiply %956, %967 : tensor<2x196x768xf32>
    %969 = stablehlo.tanh %965 : tensor<2x196x768xf32>
    %970 = stablehlo.constant dense<1.0> : tensor<f32>
    %971 = stablehlo.broadcast_in_dim %970, dims = [] : (tensor<f32>) -> tensor<2x196x768xf32>
    %972 = stablehlo.add %969, %971 : tensor<2x196x768xf32>
    %973 = stablehlo.multiply %968, %972 : tensor<2x196x768xf32>
    %974 = stablehlo.dot_general %973, %arg146, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x196x768xf32>, tensor<768x192xf32>) -> tensor<2x196x192xf32>
    %975 = stablehlo.broadcast_in_dim %arg147, dims = [2] : (tensor<192xf32>) -> tensor<2x196x192xf32>
    %976 = stablehlo.add %974, %975 : tensor<2x196x192xf32>
    %977 = stablehlo.add %925, %976 : tensor<2x196x192xf32>
    %978 = stablehlo.constant dense<0.0> : tensor<f32>
    %979 = stablehlo.reduce(%977 init: %978) applies stablehlo.add across dimensions = [2] : (tensor<2x196x192xf32>, tensor<f32>) -> tensor<2x196xf32>
    %980 = stablehlo.constant dense<192.0> : tensor<f32>
    %981 = stablehlo.broadcast_in_dim %980, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %982 = stablehlo.divide %979, %981 : tensor<2x196xf32>
    %983 = stablehlo.multiply %977, %977 : tensor<2x196x192xf32>
    %984 = stablehlo.constant dense<0.0> : tensor<f32>
    %985 = stablehlo.reduce(%983 init: %984) applies stablehlo.add across dimensions = [2] : (tensor<2x196x192xf32>, tensor<f32>) -> tensor<2x196xf32>
    %986 = stablehlo.constant dense<192.0> : tensor<f32>
    %987 = stablehlo.broadcast_in_dim %986, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %988 = stablehlo.divide %985, %987 : tensor<2x196xf32>
    %989 = stablehlo.multiply %982, %982 : tensor<2x196xf32>
    %990 = stablehlo.subtract %988, %989 : tensor<2x196xf32>
    %991 = stablehlo.constant dense<0.0> : tensor<f32>
    %992 = stablehlo.broadcast_in_dim %991, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %993 = stablehlo.maximum %990, %992 : tensor<2x196xf32>
    %994 = stablehlo.broadcast_in_dim %982, dims = [0, 1] : (tensor<2x196xf32>) -> tensor<2x196x192xf32>
    %995 = stablehlo.subtract %977, %994 : tensor<2x196x192xf32>
    %996 = stablehlo.constant dense<1.0E-6> : tensor<f32>
    %997 = stablehlo.broadcast_in_dim %996, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %998 = stablehlo.add %993, %997 : tensor<2x196xf32>
    %999 = stablehlo.rsqrt %998 : tensor<2x196xf32>
    %1000 = stablehlo.broadcast_in_dim %999, dims = [0, 1] : (tensor<2x196xf32>) -> tensor<2x196x192xf32>
    %1001 = stablehlo.multiply %995, %1000 : tensor<2x196x192xf32>
    %1002 = stablehlo.broadcast_in_dim %arg148, dims = [2] : (tensor<192xf32>) -> tensor<2x196x192xf32>
    %1003 = stablehlo.multiply %1001, %1002 : tensor<2x196x192xf32>
    %1004 = stablehlo.broadcast_in_dim %arg149, dims = [2] : (tensor<192xf32>) -> tensor<2x196x192xf32>
    %1005 = stablehlo.add %1003, %1004 : tensor<2x196x192xf32>
    %1006 = stablehlo.dot_general %1005, %arg150, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x196x192xf32>, tensor<192x3x64xf32>) -> tensor<2x196x3x64xf32>
    %1007 = stablehlo.broadcast_in_dim %arg151, dims = [2, 3] : (tensor<3x64xf32>) -> tensor<2x196x3x64xf32>
    %1008 = stablehlo.add %1006, %1007 : tensor<2x196x3x64xf32>
    %1009 = stablehlo.dot_general %1005, %arg152, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x196x192xf32>, tensor<192x3x64xf32>) -> tensor<2x196x3x64xf32>
    %1010 = stablehlo.broadcast_in_dim %arg153, dims = [2, 3] : (tensor<3x64xf32>) -> tensor<2x196x3x64xf32>
    %1011 = stablehlo.add %1009, %1010 : tensor<2x196x3x64xf32>
    %1012 = stablehlo.dot_general %1005, %arg154, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x196x192xf32>, tensor<192x3x64xf32>) -> tensor<2x196x3x64xf32>
    %1013 = stablehlo.broadcast_in_dim %arg155, dims = [2, 3] : (tensor<3x64xf32>) -> tensor<2x196x3x64xf32>
    %1014 = stablehlo.add %1012, %1013 : tensor<2x196x3x64xf32>
    %1015 = stablehlo.constant dense<0.125> : tensor<f32>
    %1016 = stablehlo.broadcast_in_dim %1015, dims = [] : (tensor<f32>) -> tensor<2x196x3x64xf32>
    %1017 = stablehlo.multiply %1008, %1016 : tensor<2x196x3x64xf32>
    %1018 = stablehlo.dot_general %1017, %1011, batching_dims = [0, 2] x [0, 2], contracting_dims = [3] x [3], precision = [DEFAULT, DEFAULT] : (tensor<2x196x3x64xf32>, tensor<2x196x3x64xf32>) -> tensor<2x3x196x196xf32>
    %1019 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %1020 = stablehlo.reduce(%1018 init: %1019) applies stablehlo.maximum across dimensions = [3] : (tensor<2x3x196x196xf32>, tensor<f32>) -> tensor<2x3x196xf32>
    %1021 = stablehlo.broadcast_in_dim %1020, dims = [0, 1, 2] : (tensor<2x3x196xf32>) -> tensor<2x3x196x196xf32>
    %1022 = stablehlo.subtract %1018, %1021 : tensor<2x3x196x196xf32>
    %1023 = stablehlo.exponential %1022 : tensor<2x3x196x196xf32>
    %1024 = stablehlo.constant dense<0.0> : tensor<f32>
    %1025 = stablehlo.reduce(%1023 init: %1024) applies stablehlo.add across dimensions = [3] : (tensor<2x3x196x196xf32>, tensor<f32>) -> tensor<2x3x196xf32>
    %1026 = stablehlo.broadcast_in_dim %1025, dims = [0, 1, 2] : (tensor<2x3x196xf32>) -> tensor<2x3x196x196xf32>
    %1027 = stablehlo.divide %1023, %1026 : tensor<2x3x196x196xf32>
    %1028 = stablehlo.dot_general %1027, %1014, batching_dims = [0, 1] x [0, 2], contracting_dims = [3] x [1], precision = [DEFAULT, DEFAULT] : (tensor<2x3x196x196xf32>, tensor<2x196x3x64xf32>) -> tensor<2x3x196x64xf32>
    %1029 = stablehlo.transpose %1028, dims = [0, 2, 1, 3] : (tensor<2x3x196x64xf32>) -> tensor<2x196x3x64xf32>
    %1030 = stablehlo.dot_general %1029, %arg156, contracting_dims = [2, 3] x [0, 1], precision = [DEFAULT, DEFAULT] : (tensor<2x196x3x64xf32>, tensor<3x64x192xf32>) -> tensor<2x196x192xf32>
    %1031 = stablehlo.broadcast_in_dim %arg157, dims = [2] : (tensor<192xf32>) -> tensor<2x196x192xf32>
    %1032 = stablehlo.add %1030, %1031 : tensor<2x196x192xf32>
    %1033 = stablehlo.add %977, %1032 : tensor<2x196x192xf32>
    %1034 = stablehlo.constant dense<0.0> : tensor<f32>
    %1035 = stablehlo.reduce(%1033 init: %1034) applies stablehlo.add across dimensions = [2] : (tensor<2x196x192xf32>, tensor<f32>) -> tensor<2x196xf32>
    %1036 = stablehlo.constant dense<192.0> : tensor<f32>
    %1037 = stablehlo.broadcast_in_dim %1036, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %1038 = stablehlo.divide %1035, %1037 : tensor<2x196xf32>
    %1039 = stablehlo.multiply %1033, %1033 : tensor<2x196x192xf32>
    %1040 = stablehlo.constant dense<0.0> : tensor<f32>
    %1041 = stablehlo.reduce(%1039 init: %1040) applies stablehlo.add across dimensions = [2] : (tensor<2x196x192xf32>, tensor<f32>) -> tensor<2x196xf32>
    %1042 = stablehlo.constant dense<192.0> : tensor<f32>
    %1043 = stablehlo.broadcast_in_dim %1042, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %1044 = stablehlo.divide %1041, %1043 : tensor<2x196xf32>
    %1045 = stablehlo.multiply %1038, %1038 : tensor<2x196xf32>
    %1046 = stablehlo.subtract %1044, %1045 : tensor<2x196xf32>
    %1047 = stablehlo.constant dense<0.0> : tensor<f32>
    %1048 = stablehlo.broadcast_in_dim %1047, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %1049 = stablehlo.maximum %1046, %1048 : tensor<2x196xf32>
    %1050 = stablehlo.broadcast_in_dim %1038, dims = [0, 1] : (tensor<2x196xf32>) -> tensor<2x196x192xf32>
    %1051 = stablehlo.subtract %1033, %1050 : tensor<2x196x192xf32>
    %1052 = stablehlo.constant dense<1.0E-6> : tensor<f32>
    %1053 = stablehlo.broadcast_in_dim %1052, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %1054 = stablehlo.add %1049, %1053 : tensor<2x196xf32>
    %1055 = stablehlo.rsqrt %1054 : tensor<2x196xf32>
    %1056 = stablehlo.broadcast_in_dim %1055, dims = [0, 1] : (tensor<2x196xf32>) -> tensor<2x196x192xf32>
    %1057 = stablehlo.multiply %1051, %1056 : tensor<2x196x192xf32>
    %1058 = stablehlo.broadcast_in_dim %arg158, dims = [2] : (tensor<192xf32>) -> tensor<2x196x192xf32>
    %1059 = stablehlo.multiply %1057, %1058 : tensor<2x196x192xf32>
    %1060 = stablehlo.broadcast_in_dim %arg159, dims = [2] : (tensor<192xf32>) -> tensor<2x196x192xf32>
    %1061 = stablehlo.add %1059, %1060 : tensor<2x196x192xf32>
    %1062 = stablehlo.dot_general %1061, %arg160, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x196x192xf32>, tensor<192x768xf32>) -> tensor<2x196x768xf32>
    %1063 = stablehlo.broadcast_in_dim %arg161, dims = [2] : (tensor<768xf32>) -> tensor<2x196x768xf32>
    %1064 = stablehlo.add %1062, %1063 : tensor<2x196x768xf32>
    %1065 = stablehlo.multiply %1064, %1064 : tensor<2x196x768xf32>
    %1066 = stablehlo.multiply %1065, %1064 : tensor<2x196x768xf32>
    %1067 = stablehlo.constant dense<0.044715> : tensor<f32>
    %1068 = stablehlo.broadcast_in_dim %1067, dims = [] : (tensor<f32>) -> tensor<2x196x768xf32>
    %1069 = stablehlo.multiply %1066, %1068 : tensor<2x196x768xf32>
    %1070 = stablehlo.add %1064, %1069 : tensor<2x196x768xf32>
    %1071 = stablehlo.constant dense<0.7978846> : tensor<f32>
    %1072 = stablehlo.broadcast_in_dim %1071, dims = [] : (tensor<f32>) -> tensor<2x196x768xf32>
    %1073 = stablehlo.multiply %1070, %1072 : tensor<2x196x768xf32>
    %1074 = stablehlo.constant dense<0.5> : tensor<f32>
    %1075 = stablehlo.broadcast_in_dim %1074, dims = [] : (tensor<f32>) -> tensor<2x196x768xf32>
    %1076 = stablehlo.multiply %1064, %1075 : tensor<2x196x768xf32>
    %1077 = stablehlo.tanh %1073 : tensor<2x196x768xf32>
    %1078 = stablehlo.constant dense<1.0> : tensor<f32>
    %1079 = stablehlo.broadcast_in_dim %1078, dims = [] : (tensor<f32>) -> tensor<2x196x768xf32>
    %1080 = stablehlo.add %1077, %1079 : tensor<2x196x768xf32>
    %1081 = stablehlo.multiply %1076, %1080 : tensor<2x196x768xf32>
    %1082 = stablehlo.dot_general %1081, %arg162, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x196x768xf32>, tensor<768x192xf32>) -> tensor<2x196x192xf32>
    %1083 = stablehlo.broadcast_in_dim %arg163, dims = [2] : (tensor<192xf32>) -> tensor<2x196x192xf32>
    %1084 = stablehlo.add %1082, %1083 : tensor<2x196x192xf32>
    %1085 = stablehlo.add %1033, %1084 : tensor<2x196x192xf32>
    %1086 = stablehlo.constant dense<0.0> : tensor<f32>
    %1087 = stablehlo.reduce(%1085 init: %1086) applies stablehlo.add across dimensions = [2] : (tensor<2x196x192xf32>, tensor<f32>) -> tensor<2x196xf32>
    %1088 = stablehlo.constant dense<192.0> : tensor<f32>
    %1089 = stablehlo.broadcast_in_dim %1088, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %1090 = stablehlo.divide %1087, %1089 : tensor<2x196xf32>
    %1091 = stablehlo.multiply %1085, %1085 : tensor<2x196x192xf32>
    %1092 = stablehlo.constant dense<0.0> : tensor<f32>
    %1093 = stablehlo.reduce(%1091 init: %1092) applies stablehlo.add across dimensions = [2] : (tensor<2x196x192xf32>, tensor<f32>) -> tensor<2x196xf32>
    %1094 = stablehlo.constant dense<192.0> : tensor<f32>
    %1095 = stablehlo.broadcast_in_dim %1094, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %1096 = stablehlo.divide %1093, %1095 : tensor<2x196xf32>
    %1097 = stablehlo.multiply %1090, %1090 : tensor<2x196xf32>
    %1098 = stablehlo.subtract %1096, %1097 : tensor<2x196xf32>
    %1099 = stablehlo.constant dense<0.0> : tensor<f32>
    %1100 = stablehlo.broadcast_in_dim %1099, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %1101 = stablehlo.maximum %1098, %1100 : tensor<2x196xf32>
    %1102 = stablehlo.broadcast_in_dim %1090, dims = [0, 1] : (tensor<2x196xf32>) -> tensor<2x196x192xf32>
    %1103 = stablehlo.subtract %1085, %1102 : tensor<2x196x192xf32>
    %1104 = stablehlo.constant dense<1.0E-6> : tensor<f32>
    %1105 = stablehlo.broadcast_in_dim %1104, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %1106 = stablehlo.add %1101, %1105 : tensor<2x196xf32>
    %1107 = stablehlo.rsqrt %1106 : tensor<2x196xf32>
    %1108 = stablehlo.broadcast_in_dim %1107, dims = [0, 1] : (tensor<2x196xf32>) -> tensor<2x196x192xf32>
    %1109 = stablehlo.multiply %1103, %1108 : tensor<2x196x192xf32>
    %1110 = stablehlo.broadcast_in_dim %arg164, dims = [2] : (tensor<192xf32>) -> tensor<2x196x192xf32>
    %1111 = stablehlo.multiply %1109, %1110 : tensor<2x196x192xf32>
    %1112 = stablehlo.broadcast_in_dim %arg165, dims = [2] : (tensor<192xf32>) -> tensor<2x196x192xf32>
    %1113 = stablehlo.add %1111, %1112 : tensor<2x196x192xf32>
    %1114 = stablehlo.dot_general %1113, %arg166, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x196x192xf32>, tensor<192x3x64xf32>) -> tensor<2x196x3x64xf32>
    %1115 = stablehlo.broadcast_in_dim %arg167, dims = [2, 3] : (tensor<3x64xf32>) -> tensor<2x196x3x64xf32>
    %1116 = stablehlo.add %1114, %1115 : tensor<2x196x3x64xf32>
    %1117 = stablehlo.dot_general %1113, %arg168, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x196x192xf32>, tensor<192x3x64xf32>) -> tensor<2x196x3x64xf32>
    %1118 = stablehlo.broadcast_in_dim %arg169, dims = [2, 3] : (tensor<3x64xf32>) -> tensor<2x196x3x64xf32>
    %1119 = stablehlo.add %1117, %1118 : tensor<2x196x3x64xf32>
    %1120 = stablehlo.dot_general %1113, %arg170, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x196x192xf32>, tensor<192x3x64xf32>) -> tensor<2x196x3x64xf32>
    %1121 = stablehlo.broadcast_in_dim %arg171, dims = [2, 3] : (tensor<3x64xf32>) -> tensor<2x196x3x64xf32>
    %1122 = stablehlo.add %1120, %1121 : tensor<2x196x3x64xf32>
    %1123 = stablehlo.constant dense<0.125> : tensor<f32>
    %1124 = stablehlo.broadcast_in_dim %1123, dims = [] : (tensor<f32>) -> tensor<2x196x3x64xf32>
    %1125 = stablehlo.multiply %1116, %1124 : tensor<2x196x3x64xf32>
    %1126 = stablehlo.dot_general %1125, %1119, batching_dims = [0, 2] x [0, 2], contracting_dims = [3] x [3], precision = [DEFAULT, DEFAULT] : (tensor<2x196x3x64xf32>, tensor<2x196x3x64xf32>) -> tensor<2x3x196x196xf32>
    %1127 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %1128 = stablehlo.reduce(%1126 init: %1127) applies stablehlo.maximum across dimensions = [3] : (tensor<2x3x196x196xf32>, tensor<f32>) -> tensor<2x3x196xf32>
    %1129 = stablehlo.broadcast_in_dim %1128, dims = [0, 1, 2] : (tensor<2x3x196xf32>) -> tensor<2x3x196x196xf32>
    %1130 = stablehlo.subtract %1126, %1129 : tensor<2x3x196x196xf32>
    %1131 = stablehlo.exponential %1130 : tensor<2x3x196x196xf32>
    %1132 = stablehlo.constant dense<0.0> : tensor<f32>
    %1133 = stablehlo.reduce(%1131 init: %1132) applies stablehlo.add across dimensions = [3] : (tensor<2x3x196x196xf32>, tensor<f32>) -> tensor<2x3x196xf32>
    %1134 = stablehlo.broadcast_in_dim %1133, dims = [0, 1, 2] : (tensor<2x3x196xf32>) -> tensor<2x3x196x196xf32>
    %1135 = stablehlo.divide %1131, %1134 : tensor<2x3x196x196xf32>
    %1136 = stablehlo.dot_general %1135, %1122, batching_dims = [0, 1] x [0, 2], contracting_dims = [3] x [1], precision = [DEFAULT, DEFAULT] : (tensor<2x3x196x196xf32>, tensor<2x196x3x64xf32>) -> tensor<2x3x196x64xf32>
    %1137 = stablehlo.transpose %1136, dims = [0, 2, 1, 3] : (tensor<2x3x196x64xf32>) -> tensor<2x196x3x64xf32>
    %1138 = stablehlo.dot_general %1137, %arg172, contracting_dims = [2, 3] x [0, 1], precision = [DEFAULT, DEFAULT] : (tensor<2x196x3x64xf32>, tensor<3x64x192xf32>) -> tensor<2x196x192xf32>
    %1139 = stablehlo.broadcast_in_dim %arg173, dims = [2] : (tensor<192xf32>) -> tensor<2x196x192xf32>
    %1140 = stablehlo.add %1138, %1139 : tensor<2x196x192xf32>
    %1141 = stablehlo.add %1085, %1140 : tensor<2x196x192xf32>
    %1142 = stablehlo.constant dense<0.0> : tensor<f32>
    %1143 = stablehlo.reduce(%1141 init: %1142) applies stablehlo.add across dimensions = [2] : (tensor<2x196x192xf32>, tensor<f32>) -> tensor<2x196xf32>
    %1144 = stablehlo.constant dense<192.0> : tensor<f32>
    %1145 = stablehlo.broadcast_in_dim %1144, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %1146 = stablehlo.divide %1143, %1145 : tensor<2x196xf32>
    %1147 = stablehlo.multiply %1141, %1141 : tensor<2x196x192xf32>
    %1148 = stablehlo.constant dense<0.0> : tensor<f32>
    %1149 = stablehlo.reduce(%1147 init: %1148) applies stablehlo.add across dimensions = [2] : (tensor<2x196x192xf32>, tensor<f32>) -> tensor<2x196xf32>
    %1150 = stablehlo.constant dense<192.0> : tensor<f32>
    %1151 = stablehlo.broadcast_in_dim %1150, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %1152 = stablehlo.divide %1149, %1151 : tensor<2x196xf32>
    %1153 = stablehlo.multiply %1146, %1146 : tensor<2x196xf32>
    %1154 = stablehlo.subtract %1152, %1153 : tensor<2x196xf32>
    %1155 = stablehlo.constant dense<0.0> : tensor<f32>
    %1156 = stablehlo.broadcast_in_dim %1155, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %1157 = stablehlo.maximum %1154, %1156 : tensor<2x196xf32>
    %1158 = stablehlo.broadcast_in_dim %1146, dims = [0, 1] : (tensor<2x196xf32>) -> tensor<2x196x192xf32>
    %1159 = stablehlo.subtract %1141, %1158 : tensor<2x196x192xf32>
    %1160 = stablehlo.constant dense<1.0E-6> : tensor<f32>
    %1161 = stablehlo.broadcast_in_dim %1160, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %1162 = stablehlo.add %1157, %1161 : tensor<2x196xf32>
    %1163 = stablehlo.rsqrt %1162 : tensor<2x196xf32>
    %1164 = stablehlo.broadcast_in_dim %1163, dims = [0, 1] : (tensor<2x196xf32>) -> tensor<2x196x192xf32>
    %1165 = stablehlo.multiply %1159, %1164 : tensor<2x196x192xf32>
    %1166 = stablehlo.broadcast_in_dim %arg174, dims = [2] : (tensor<192xf32>) -> tensor<2x196x192xf32>
    %1167 = stablehlo.multiply %1165, %1166 : tensor<2x196x192xf32>
    %1168 = stablehlo.broadcast_in_dim %arg175, dims = [2] : (tensor<192xf32>) -> tensor<2x196x192xf32>
    %1169 = stablehlo.add %1167, %1168 : tensor<2x196x192xf32>
    %1170 = stablehlo.dot_general %1169, %arg176, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x196x192xf32>, tensor<192x768xf32>) -> tensor<2x196x768xf32>
    %1171 = stablehlo.broadcast_in_dim %arg177, dims = [2] : (tensor<768xf32>) -> tensor<2x196x768xf32>
    %1172 = stablehlo.add %1170, %1171 : tensor<2x196x768xf32>
    %1173 = stablehlo.multiply %1172, %1172 : tensor<2x196x768xf32>
    %1174 = stablehlo.multiply %1173, %1172 : tensor<2x196x768xf32>
    %1175 = stablehlo.constant dense<0.044715> : tensor<f32>
    %1176 = stablehlo.broadcast_in_dim %1175, dims = [] : (tensor<f32>) -> tensor<2x196x768xf32>
    %1177 = stablehlo.multiply %1174, %1176 : tensor<2x196x768xf32>
    %1178 = stablehlo.add %1172, %1177 : tensor<2x196x768xf32>
    %1179 = stablehlo.constant dense<0.7978846> : tensor<f32>
    %1180 = stablehlo.broadcast_in_dim %1179, dims = [] : (tensor<f32>) -> tensor<2x196x768xf32>
    %1181 = stablehlo.multiply %1178, %1180 : tensor<2x196x768xf32>
    %1182 = stablehlo.constant dense<0.5> : tensor<f32>
    %1183 = stablehlo.broadcast_in_dim %1182, dims = [] : (tensor<f32>) -> tensor<2x196x768xf32>
    %1184 = stablehlo.multiply %1172, %1183 : tensor<2x196x768xf32>
    %1185 = stablehlo.tanh %1181 : tensor<2x196x768xf32>
    %1186 = stablehlo.constant dense<1.0> : tensor<f32>
    %1187 = stablehlo.broadcast_in_dim %1186, dims = [] : (tensor<f32>) -> tensor<2x196x768xf32>
    %1188 = stablehlo.add %1185, %1187 : tensor<2x196x768xf32>
    %1189 = stablehlo.multiply %1184, %1188 : tensor<2x196x768xf32>
    %1190 = stablehlo.dot_general %1189, %arg178, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x196x768xf32>, tensor<768x192xf32>) -> tensor<2x196x192xf32>
    %1191 = stablehlo.broadcast_in_dim %arg179, dims = [2] : (tensor<192xf32>) -> tensor<2x196x192xf32>
    %1192 = stablehlo.add %1190, %1191 : tensor<2x196x192xf32>
    %1193 = stablehlo.add %1141, %1192 : tensor<2x196x192xf32>
    %1194 = stablehlo.constant dense<0.0> : tensor<f32>
    %1195 = stablehlo.reduce(%1193 init: %1194) applies stablehlo.add across dimensions = [2] : (tensor<2x196x192xf32>, tensor<f32>) -> tensor<2x196xf32>
    %1196 = stablehlo.constant dense<192.0> : tensor<f32>
    %1197 = stablehlo.broadcast_in_dim %1196, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %1198 = stablehlo.divide %1195, %1197 : tensor<2x196xf32>
    %1199 = stablehlo.multiply %1193, %1193 : tensor<2x196x192xf32>
    %1200 = stablehlo.constant dense<0.0> : tensor<f32>
    %1201 = stablehlo.reduce(%1199 init: %1200) applies stablehlo.add across dimensions = [2] : (tensor<2x196x192xf32>, tensor<f32>) -> tensor<2x196xf32>
    %1202 = stablehlo.constant dense<192.0> : tensor<f32>
    %1203 = stablehlo.broadcast_in_dim %1202, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %1204 = stablehlo.divide %1201, %1203 : tensor<2x196xf32>
    %1205 = stablehlo.multiply %1198, %1198 : tensor<2x196xf32>
    %1206 = stablehlo.subtract %1204, %1205 : tensor<2x196xf32>
    %1207 = stablehlo.constant dense<0.0> : tensor<f32>
    %1208 = stablehlo.broadcast_in_dim %1207, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %1209 = stablehlo.maximum %1206, %1208 : tensor<2x196xf32>
    %1210 = stablehlo.broadcast_in_dim %1198, dims = [0, 1] : (tensor<2x196xf32>) -> tensor<2x196x192xf32>
    %1211 = stablehlo.subtract %1193, %1210 : tensor<2x196x192xf32>
    %1212 = stablehlo.constant dense<1.0E-6> : tensor<f32>
    %1213 = stablehlo.broadcast_in_dim %1212, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %1214 = stablehlo.add %1209, %1213 : tensor<2x196xf32>
    %1215 = stablehlo.rsqrt %1214 : tensor<2x196xf32>
    %1216 = stablehlo.broadcast_in_dim %1215, dims = [0, 1] : (tensor<2x196xf32>) -> tensor<2x196x192xf32>
    %1217 = stablehlo.multiply %1211, %1216 : tensor<2x196x192xf32>
    %1218 = stablehlo.broadcast_in_dim %arg180, dims = [2] : (tensor<192xf32>) -> tensor<2x196x192xf32>
    %1219 = stablehlo.multiply %1217, %1218 : tensor<2x196x192xf32>
    %1220 = stablehlo.broadcast_in_dim %arg181, dims = [2] : (tensor<192xf32>) -> tensor<2x196x192xf32>
    %1221 = stablehlo.add %1219, %1220 : tensor<2x196x192xf32>
    %1222 = stablehlo.dot_general %1221, %arg182, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x196x192xf32>, tensor<192x3x64xf32>) -> tensor<2x196x3x64xf32>
    %1223 = stablehlo.broadcast_in_dim %arg183, dims = [2, 3] : (tensor<3x64xf32>) -> tensor<2x196x3x64xf32>
    %1224 = stablehlo.add %1222, %1223 : tensor<2x196x3x64xf32>
    %1225 = stablehlo.dot_general %1221, %arg184, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x196x192xf32>, tensor<192x3x64xf32>) -> tensor<2x196x3x64xf32>
    %1226 = stablehlo.broadcast_in_dim %arg185, dims = [2, 3] : (tensor<3x64xf32>) -> tensor<2x196x3x64xf32>
    %1227 = stablehlo.add %1225, %1226 : tensor<2x196x3x64xf32>
    %1228 = stablehlo.dot_general %1221, %arg186, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x196x192xf32>, tensor<192x3x64xf32>) -> tensor<2x196x3x64xf32>
    %1229 = stablehlo.broadcast_in_dim %arg187, dims = [2, 3] : (tensor<3x64xf32>) -> tensor<2x196x3x64xf32>
    %1230 = stablehlo.add %1228, %1229 : tensor<2x196x3x64xf32>
    %1231 = stablehlo.constant dense<0.125> : tensor<f32>
    %1232 = stablehlo.broadcast_in_dim %1231, dims = [] : (tensor<f32>) -> tensor<2x196x3x64xf32>
    %1233 = stablehlo.multiply %1224, %1232 : tensor<2x196x3x64xf32>
    %1234 = stablehlo.dot_general %1233, %1227, batching_dims = [0, 2] x [0, 2], contracting_dims = [3] x [3], precision = [DEFAULT, DEFAULT] : (tensor<2x196x3x64xf32>, tensor<2x196x3x64xf32>) -> tensor<2x3x196x196xf32>
    %1235 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %1236 = stablehlo.reduce(%1234 init: %1235) applies stablehlo.maximum across dimensions = [3] : (tensor<2x3x196x196xf32>, tensor<f32>) -> tensor<2x3x196xf32>
    %1237 = stablehlo.broadcast_in_dim %1236, dims = [0, 1, 2] : (tensor<2x3x196xf32>) -> tensor<2x3x196x196xf32>
    %1238 = stablehlo.subtract %1234, %1237 : tensor<2x3x196x196xf32>
    %1239 = stablehlo.exponential %1238 : tensor<2x3x196x196xf32>
    %1240 = stablehlo.constant dense<0.0> : tensor<f32>
    %1241 = stablehlo.reduce(%1239 init: %1240) applies stablehlo.add across dimensions = [3] : (tensor<2x3x196x196xf32>, tensor<f32>) -> tensor<2x3x196xf32>
    %1242 = stablehlo.broadcast_in_dim %1241, dims = [0, 1, 2] : (tensor<2x3x196xf32>) -> tensor<2x3x196x196xf32>
    %1243 = stablehlo.divide %1239, %1242 : tensor<2x3x196x196xf32>
    %1244 = stablehlo.dot_general %1243, %1230, batching_dims = [0, 1] x [0, 2], contracting_dims = [3] x [1], precision = [DEFAULT, DEFAULT] : (tensor<2x3x196x196xf32>, tensor<2x196x3x64xf32>) -> tensor<2x3x196x64xf32>
    %1245 = stablehlo.transpose %1244, dims = [0, 2, 1, 3] : (tensor<2x3x196x64xf32>) -> tensor<2x196x3x64xf32>
    %1246 = stablehlo.dot_general %1245, %arg188, contracting_dims = [2, 3] x [0, 1], precision = [DEFAULT, DEFAULT] : (tensor<2x196x3x64xf32>, tensor<3x64x192xf32>) -> tensor<2x196x192xf32>
    %1247 = stablehlo.broadcast_in_dim %arg189, dims = [2] : (tensor<192xf32>) -> tensor<2x196x192xf32>
    %1248 = stablehlo.add %1246, %1247 : tensor<2x196x192xf32>
    %1249 = stablehlo.add %1193, %1248 : tensor<2x196x192xf32>
    %1250 = stablehlo.constant dense<0.0> : tensor<f32>
    %1251 = stablehlo.reduce(%1249 init: %1250) applies stablehlo.add across dimensions = [2] : (tensor<2x196x192xf32>, tensor<f32>) -> tensor<2x196xf32>
    %1252 = stablehlo.constant dense<192.0> : tensor<f32>
    %1253 = stablehlo.broadcast_in_dim %1252, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %1254 = stablehlo.divide %1251, %1253 : tensor<2x196xf32>
    %1255 = stablehlo.multiply %1249, %1249 : tensor<2x196x192xf32>
    %1256 = stablehlo.constant dense<0.0> : tensor<f32>
    %1257 = stablehlo.reduce(%1255 init: %1256) applies stablehlo.add across dimensions = [2] : (tensor<2x196x192xf32>, tensor<f32>) -> tensor<2x196xf32>
    %1258 = stablehlo.constant dense<192.0> : tensor<f32>
    %1259 = stablehlo.broadcast_in_dim %1258, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %1260 = stablehlo.divide %1257, %1259 : tensor<2x196xf32>
    %1261 = stablehlo.multiply %1254, %1254 : tensor<2x196xf32>
    %1262 = stablehlo.subtract %1260, %1261 : tensor<2x196xf32>
    %1263 = stablehlo.constant dense<0.0> : tensor<f32>
    %1264 = stablehlo.broadcast_in_dim %1263, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %1265 = stablehlo.maximum %1262, %1264 : tensor<2x196xf32>
    %1266 = stablehlo.broadcast_in_dim %1254, dims = [0, 1] : (tensor<2x196xf32>) -> tensor<2x196x192xf32>
    %1267 = stablehlo.subtract %1249, %1266 : tensor<2x196x192xf32>
    %1268 = stablehlo.constant dense<1.0E-6> : tensor<f32>
    %1269 = stablehlo.broadcast_in_dim %1268, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %1270 = stablehlo.add %1265, %1269 : tensor<2x196xf32>
    %1271 = stablehlo.rsqrt %1270 : tensor<2x196xf32>
    %1272 = stablehlo.broadcast_in_dim %1271, dims = [0, 1] : (tensor<2x196xf32>) -> tensor<2x196x192xf32>
    %1273 = stablehlo.multiply %1267, %1272 : tensor<2x196x192xf32>
    %1274 = stablehlo.broadcast_in_dim %arg190, dims = [2] : (tensor<192xf32>) -> tensor<2x196x192xf32>
    %1275 = stablehlo.multiply %1273, %1274 : tensor<2x196x192xf32>
    %1276 = stablehlo.broadcast_in_dim %arg191, dims = [2] : (tensor<192xf32>) -> tensor<2x196x192xf32>
    %1277 = stablehlo.add %1275, %1276 : tensor<2x196x192xf32>
    %1278 = stablehlo.dot_general %1277, %arg192, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x196x192xf32>, tensor<192x768xf32>) -> tensor<2x196x768xf32>
    %1279 = stablehlo.broadcast_in_dim %arg193, dims = [2] : (tensor<768xf32>) -> tensor<2x196x768xf32>
    %1280 = stablehlo.add %1278, %1279 : tensor<2x196x768xf32>
    %1281 = stablehlo.multiply %1280, %1280 : tensor<2x196x768xf32>
    %1282 = stablehlo.multiply %1281, %1280 : tensor<2x196x768xf32>
    %1283 = stablehlo.constant dense<0.044715> : tensor<f32>
    %1284 = stablehlo.broadcast_in_dim %1283, dims = [] : (tensor<f32>) -> tensor<2x196x768xf32>
    %1285 = stablehlo.multiply %1282, %1284 : tensor<2x196x768xf32>
    %1286 = stablehlo.add %1280, %1285 : tensor<2x196x768xf32>
    %1287 = stablehlo.constant dense<0.7978846> : tensor<f32>
    %1288 = stablehlo.broadcast_in_dim %1287, dims = [] : (tensor<f32>) -> tensor<2x196x768xf32>
    %1289 = stablehlo.multiply %1286, %1288 : tensor<2x196x768xf32>
    %1290 = stablehlo.constant dense<0.5> : tensor<f32>
    %1291 = stablehlo.broadcast_in_dim %1290, dims = [] : (tensor<f32>) -> tensor<2x196x768xf32>
    %1292 = stablehlo.multiply %1280, %1291 : tensor<2x196x768xf32>
    %1293 = stablehlo.tanh %1289 : tensor<2x196x768xf32>
    %1294 = stablehlo.constant dense<1.0> : tensor<f32>
    %1295 = stablehlo.broadcast_in_dim %1294, dims = [] : (tensor<f32>) -> tensor<2x196x768xf32>
    %1296 = stablehlo.add %1293, %1295 : tensor<2x196x768xf32>
    %1297 = stablehlo.multiply %1292, %1296 : tensor<2x196x768xf32>
    %1298 = stablehlo.dot_general %1297, %arg194, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x196x768xf32>, tensor<768x192xf32>) -> tensor<2x196x192xf32>
    %1299 = stablehlo.broadcast_in_dim %arg195, dims = [2] : (tensor<192xf32>) -> tensor<2x196x192xf32>
    %1300 = stablehlo.add %1298, %1299 : tensor<2x196x192xf32>
    %1301 = stablehlo.add %1249, %1300 : tensor<2x196x192xf32>
    %1302 = stablehlo.constant dense<0.0> : tensor<f32>
    %1303 = stablehlo.reduce(%1301 init: %1302) applies stablehlo.add across dimensions = [2] : (tensor<2x196x192xf32>, tensor<f32>) -> tensor<2x196xf32>
    %1304 = stablehlo.constant dense<192.0> : tensor<f32>
    %1305 = stablehlo.broadcast_in_dim %1304, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %1306 = stablehlo.divide %1303, %1305 : tensor<2x196xf32>
    %1307 = stablehlo.multiply %1301, %1301 : tensor<2x196x192xf32>
    %1308 = stablehlo.constant dense<0.0> : tensor<f32>
    %1309 = stablehlo.reduce(%1307 init: %1308) applies stablehlo.add across dimensions = [2] : (tensor<2x196x192xf32>, tensor<f32>) -> tensor<2x196xf32>
    %1310 = stablehlo.constant dense<192.0> : tensor<f32>
    %1311 = stablehlo.broadcast_in_dim %1310, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %1312 = stablehlo.divide %1309, %1311 : tensor<2x196xf32>
    %1313 = stablehlo.multiply %1306, %1306 : tensor<2x196xf32>
    %1314 = stablehlo.subtract %1312, %1313 : tensor<2x196xf32>
    %1315 = stablehlo.constant dense<0.0> : tensor<f32>
    %1316 = stablehlo.broadcast_in_dim %1315, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %1317 = stablehlo.maximum %1314, %1316 : tensor<2x196xf32>
    %1318 = stablehlo.broadcast_in_dim %1306, dims = [0, 1] : (tensor<2x196xf32>) -> tensor<2x196x192xf32>
    %1319 = stablehlo.subtract %1301, %1318 : tensor<2x196x192xf32>
    %1320 = stablehlo.constant dense<1.0E-6> : tensor<f32>
    %1321 = stablehlo.broadcast_in_dim %1320, dims = [] : (tensor<f32>) -> tensor<2x196xf32>
    %1322 = stablehlo.add %1317, %1321 : tensor<2x196xf32>
    %1323 = stablehlo.rsqrt %1322 : tensor<2x196xf32>
    %1324 = stablehlo.broadcast_in_dim %1323, dims = [0, 1] : (tensor<2x196xf32>) -> tensor<2x196x192xf32>
    %1325 = stablehlo.multiply %1319, %1324 : tensor<2x196x192xf32>
    %1326 = stablehlo.broadcast_in_dim %arg196, dims = [2] : (tensor<192xf32>) -> tensor<2x196x192xf32>
    %1327 = stablehlo.multiply %1325, %1326 : tensor<2x196x192xf32>
    %1328 = stablehlo.broadcast_in_dim %arg197, dims = [2] : (tensor<192xf32>) -> tensor<2x196x192xf32>
    %1329 = stablehlo.add %1327, %1328 : tensor<2x196x192xf32>
    %1330 = stablehlo.constant dense<0.0> : tensor<f32>
    %1331 = stablehlo.reduce(%1329 init: %1330) applies stablehlo.add across dimensions = [1] : (tensor<2x196x192xf32>, tensor<f32>) -> tensor<2x192xf32>
    %1332 = stablehlo.constant dense<196.0> : tensor<f32>
    %1333 = stablehlo.broadcast_in_dim %1332, dims = [] : (tensor<f32>) -> tensor<2x192xf32>
    %1334 = stablehlo.divide %1331, %1333 : tensor<2x192xf32>
    %1335 = stablehlo.dot_general %1334, %arg198, contracting_dims = [1] x [0], precision = [DEFAULT, DEFAULT] : (tensor<2x192xf32>, tensor<192x1000xf32>) -> tensor<2x1000xf32>
    %1336 = stablehlo.broadcast_in_dim %arg199, dims = [1] : (tensor<1000xf32>) -> tensor<2x1000xf32>
    %1337 = stablehlo.add %1335, %1336 : tensor<2x1000xf32>
    return %1337, %1334, %1329 : tensor<2x1000xf32>, tensor<2x192xf32>, tensor<2x196x192xf32>
  }
}
