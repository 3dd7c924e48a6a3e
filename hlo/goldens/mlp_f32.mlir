module @mlp_f32 attributes {mhlo.num_partitions = 1 : i32, mhlo.num_replicas = 1 : i32} {
  func.func public @main(%arg0: tensor<4x16xf32> {jax.arg_info = "x"}, %arg1: tensor<16x32xf32> {jax.arg_info = "w1"}, %arg2: tensor<32xf32> {jax.arg_info = "b1"}, %arg3: tensor<32x8xf32> {jax.arg_info = "w2"}, %arg4: tensor<8xf32> {jax.arg_info = "b2"}) -> (tensor<4x8xf32> {jax.result_info = "probs"}) {
    %0 = stablehlo.dot_general %arg0, %arg1, contracting_dims = [1] x [0], precision = [DEFAULT, DEFAULT] : (tensor<4x16xf32>, tensor<16x32xf32>) -> tensor<4x32xf32>
    %1 = stablehlo.broadcast_in_dim %arg2, dims = [1] : (tensor<32xf32>) -> tensor<4x32xf32>
    %2 = stablehlo.add %0, %1 : tensor<4x32xf32>
    %3 = stablehlo.constant dense<0.5> : tensor<f32>
    %4 = stablehlo.broadcast_in_dim %3, dims = [] : (tensor<f32>) -> tensor<4x32xf32>
    %5 = stablehlo.multiply %2, %4 : tensor<4x32xf32>
    %6 = stablehlo.negate %2 : tensor<4x32xf32>
    %7 = stablehlo.constant dense<0.70710677> : tensor<f32>
    %8 = stablehlo.broadcast_in_dim %7, dims = [] : (tensor<f32>) -> tensor<4x32xf32>
    %9 = stablehlo.multiply %6, %8 : tensor<4x32xf32>
    %10 = chlo.erfc %9 : tensor<4x32xf32> -> tensor<4x32xf32>
    %11 = stablehlo.multiply %5, %10 : tensor<4x32xf32>
    %12 = stablehlo.dot_general %11, %arg3, contracting_dims = [1] x [0], precision = [DEFAULT, DEFAULT] : (tensor<4x32xf32>, tensor<32x8xf32>) -> tensor<4x8xf32>
    %13 = stablehlo.broadcast_in_dim %arg4, dims = [1] : (tensor<8xf32>) -> tensor<4x8xf32>
    %14 = stablehlo.add %12, %13 : tensor<4x8xf32>
    %15 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %16 = stablehlo.reduce(%14 init: %15) applies stablehlo.maximum across dimensions = [1] : (tensor<4x8xf32>, tensor<f32>) -> tensor<4xf32>
    %17 = stablehlo.broadcast_in_dim %16, dims = [0] : (tensor<4xf32>) -> tensor<4x8xf32>
    %18 = stablehlo.subtract %14, %17 : tensor<4x8xf32>
    %19 = stablehlo.exponential %18 : tensor<4x8xf32>
    %20 = stablehlo.constant dense<0.0> : tensor<f32>
    %21 = stablehlo.reduce(%19 init: %20) applies stablehlo.add across dimensions = [1] : (tensor<4x8xf32>, tensor<f32>) -> tensor<4xf32>
    %22 = stablehlo.broadcast_in_dim %21, dims = [0] : (tensor<4xf32>) -> tensor<4x8xf32>
    %23 = stablehlo.divide %19, %22 : tensor<4x8xf32>
    return %23 : tensor<4x8xf32>
  }
}
