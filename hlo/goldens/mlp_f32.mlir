module @mlp_f32 attributes {mhlo.num_partitions = 1 : i32, mhlo.num_replicas = 1 : i32} {
  func.func public @main(%arg0: tensor<4x16xf32> {jax.arg_info = "x"}, %arg1: tensor<16x32xf32> {jax.arg_info = "w1"}, %arg2: tensor<32xf32> {jax.arg_info = "b1"}, %arg3: tensor<32x8xf32> {jax.arg_info = "w2"}, %arg4: tensor<8xf32> {jax.arg_info = "b2"}) -> (tensor<4x8xf32> {jax.result_info = "probs"}) {
    %0 = stablehlo.dot_general %arg0, %arg1, contracting_dims = [1] x [0], precision = [DEFAULT, DEFAULT] : (tensor<4x16xf32>, tensor<16x32xf32>) -> tensor<4x32xf32>
    %1 = stablehlo.broadcast_in_dim %arg2, dims = [1] : (tensor<32xf32>) -> tensor<4x32xf32>
    %2 = stablehlo.add %0, %1 : tensor<4x32xf32>
    %3 = stablehlo.constant dense<0.5> : tensor<f32>
    %4 = stablehlo.broadcast_in_dim %3, dims = [] : (tensor<f32>) -> tensor<4x32xf32>
    %5 = stablehlo.multiply %2, %4 : tensor<4x32xf32>
    %6 = stablehlo.constant dense<0.70710677> : tensor<f32>
    %7 = stablehlo.broadcast_in_dim %6, dims = [] : (tensor<f32>) -> tensor<4x32xf32>
    %8 = stablehlo.multiply %2, %7 : tensor<4x32xf32>
    %9 = chlo.erf %8 : tensor<4x32xf32> -> tensor<4x32xf32>
    %10 = stablehlo.constant dense<1.0> : tensor<f32>
    %11 = stablehlo.broadcast_in_dim %10, dims = [] : (tensor<f32>) -> tensor<4x32xf32>
    %12 = stablehlo.add %9, %11 : tensor<4x32xf32>
    %13 = stablehlo.multiply %5, %12 : tensor<4x32xf32>
    %14 = stablehlo.dot_general %13, %arg3, contracting_dims = [1] x [0], precision = [DEFAULT, DEFAULT] : (tensor<4x32xf32>, tensor<32x8xf32>) -> tensor<4x8xf32>
    %15 = stablehlo.broadcast_in_dim %arg4, dims = [1] : (tensor<8xf32>) -> tensor<4x8xf32>
    %16 = stablehlo.add %14, %15 : tensor<4x8xf32>
    %17 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %18 = stablehlo.reduce(%16 init: %17) applies stablehlo.maximum across dimensions = [1] : (tensor<4x8xf32>, tensor<f32>) -> tensor<4xf32>
    %19 = stablehlo.broadcast_in_dim %18, dims = [0] : (tensor<4xf32>) -> tensor<4x8xf32>
    %20 = stablehlo.subtract %16, %19 : tensor<4x8xf32>
    %21 = stablehlo.exponential %20 : tensor<4x8xf32>
    %22 = stablehlo.constant dense<0.0> : tensor<f32>
    %23 = stablehlo.reduce(%21 init: %22) applies stablehlo.add across dimensions = [1] : (tensor<4x8xf32>, tensor<f32>) -> tensor<4xf32>
    %24 = stablehlo.broadcast_in_dim %23, dims = [0] : (tensor<4xf32>) -> tensor<4x8xf32>
    %25 = stablehlo.divide %21, %24 : tensor<4x8xf32>
    return %25 : tensor<4x8xf32>
  }
}
