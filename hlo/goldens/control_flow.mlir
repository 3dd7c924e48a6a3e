module @control_flow attributes {mhlo.num_partitions = 1 : i32, mhlo.num_replicas = 1 : i32} {
  func.func public @main(%arg0: tensor<3xf32> {jax.arg_info = "x"}, %arg1: tensor<i32> {jax.arg_info = "n"}) -> (tensor<3xf32> {jax.result_info = "y"}, tensor<i32> {jax.result_info = "steps"}) {
    %0 = stablehlo.constant dense<0> : tensor<i32>
    %1:2 = "stablehlo.while"(%0, %arg0) ({
    ^bb0(%arg2: tensor<i32>, %arg3: tensor<3xf32>):
      %2 = stablehlo.compare LT, %arg2, %arg1, SIGNED : (tensor<i32>, tensor<i32>) -> tensor<i1>
      stablehlo.return %2 : tensor<i1>
    }, {
    ^bb0(%arg4: tensor<i32>, %arg5: tensor<3xf32>):
      %3 = stablehlo.constant dense<1> : tensor<i32>
      %4 = stablehlo.add %arg4, %3 : tensor<i32>
      %5 = stablehlo.constant dense<2.0> : tensor<f32>
      %6 = stablehlo.broadcast_in_dim %5, dims = [] : (tensor<f32>) -> tensor<3xf32>
      %7 = stablehlo.multiply %arg5, %6 : tensor<3xf32>
      stablehlo.return %4, %7 : tensor<i32>, tensor<3xf32>
    }) : (tensor<i32>, tensor<3xf32>) -> (tensor<i32>, tensor<3xf32>)
    %8 = stablehlo.constant dense<0.0> : tensor<f32>
    %9 = stablehlo.reduce(%1#1 init: %8) applies stablehlo.add across dimensions = [0] : (tensor<3xf32>, tensor<f32>) -> tensor<f32>
    %10 = stablehlo.constant dense<0.0> : tensor<f32>
    %11 = stablehlo.compare LT, %9, %10, FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
    %12 = "stablehlo.if"(%11) ({
      %13 = stablehlo.negate %1#1 : tensor<3xf32>
      stablehlo.return %13 : tensor<3xf32>
    }, {
      stablehlo.return %1#1 : tensor<3xf32>
    }) : (tensor<i1>) -> tensor<3xf32>
    return %12, %1#0 : tensor<3xf32>, tensor<i32>
  }
}
