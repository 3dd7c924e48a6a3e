module @attention_bf16_sharded_shardy attributes {mhlo.num_partitions = 2 : i32, mhlo.num_replicas = 1 : i32} {
  sdy.mesh @mesh = <["x"=2]>
  func.func public @main(%arg0: tensor<4x8x16xbf16> {jax.arg_info = "x", sdy.sharding = #sdy.sharding<@mesh, [{"x"}, {}, {}]>}, %arg1: tensor<16xbf16> {jax.arg_info = "ln/scale", sdy.sharding = #sdy.sharding<@mesh, [{}]>}, %arg2: tensor<16xbf16> {jax.arg_info = "ln/bias", sdy.sharding = #sdy.sharding<@mesh, [{}]>}, %arg3: tensor<16x2x8xbf16> {jax.arg_info = "query/kernel", sdy.sharding = #sdy.sharding<@mesh, [{}, {}, {}]>}, %arg4: tensor<16x2x8xbf16> {jax.arg_info = "key/kernel", sdy.sharding = #sdy.sharding<@mesh, [{}, {}, {}]>}, %arg5: tensor<16x2x8xbf16> {jax.arg_info = "value/kernel", sdy.sharding = #sdy.sharding<@mesh, [{}, {}, {}]>}, %arg6: tensor<2x8x16xbf16> {jax.arg_info = "out/kernel", sdy.sharding = #sdy.sharding<@mesh, [{}, {}, {}]>}) -> (tensor<4x8x16xbf16> {jax.result_info = "y", sdy.sharding = #sdy.sharding<@mesh, [{"x"}, {}, {}]>}) {
    %0 = stablehlo.convert %arg0 : (tensor<4x8x16xbf16>) -> tensor<4x8x16xf32>
    %1 = stablehlo.convert %arg1 : (tensor<16xbf16>) -> tensor<16xf32>
    %2 = stablehlo.convert %arg2 : (tensor<16xbf16>) -> tensor<16xf32>
    %3 = stablehlo.constant dense<0.0> : tensor<f32>
    %4 = stablehlo.reduce(%0 init: %3) applies stablehlo.add across dimensions = [2] : (tensor<4x8x16xf32>, tensor<f32>) -> tensor<4x8xf32>
    %5 = stablehlo.constant dense<16.0> : tensor<f32>
    %6 = stablehlo.broadcast_in_dim %5, dims = [] : (tensor<f32>) -> tensor<4x8xf32>
    %7 = stablehlo.divide %4, %6 : tensor<4x8xf32>
    %8 = stablehlo.multiply %0, %0 : tensor<4x8x16xf32>
    %9 = stablehlo.constant dense<0.0> : tensor<f32>
    %10 = stablehlo.reduce(%8 init: %9) applies stablehlo.add across dimensions = [2] : (tensor<4x8x16xf32>, tensor<f32>) -> tensor<4x8xf32>
    %11 = stablehlo.constant dense<16.0> : tensor<f32>
    %12 = stablehlo.broadcast_in_dim %11, dims = [] : (tensor<f32>) -> tensor<4x8xf32>
    %13 = stablehlo.divide %10, %12 : tensor<4x8xf32>
    %14 = stablehlo.multiply %7, %7 : tensor<4x8xf32>
    %15 = stablehlo.subtract %13, %14 : tensor<4x8xf32>
    %16 = stablehlo.constant dense<0.0> : tensor<f32>
    %17 = stablehlo.broadcast_in_dim %16, dims = [] : (tensor<f32>) -> tensor<4x8xf32>
    %18 = stablehlo.maximum %15, %17 : tensor<4x8xf32>
    %19 = stablehlo.broadcast_in_dim %7, dims = [0, 1] : (tensor<4x8xf32>) -> tensor<4x8x16xf32>
    %20 = stablehlo.subtract %0, %19 : tensor<4x8x16xf32>
    %21 = stablehlo.constant dense<1.0E-6> : tensor<f32>
    %22 = stablehlo.broadcast_in_dim %21, dims = [] : (tensor<f32>) -> tensor<4x8xf32>
    %23 = stablehlo.add %18, %22 : tensor<4x8xf32>
    %24 = stablehlo.rsqrt %23 : tensor<4x8xf32>
    %25 = stablehlo.broadcast_in_dim %24, dims = [0, 1] : (tensor<4x8xf32>) -> tensor<4x8x16xf32>
    %26 = stablehlo.multiply %20, %25 : tensor<4x8x16xf32>
    %27 = stablehlo.broadcast_in_dim %1, dims = [2] : (tensor<16xf32>) -> tensor<4x8x16xf32>
    %28 = stablehlo.multiply %26, %27 : tensor<4x8x16xf32>
    %29 = stablehlo.broadcast_in_dim %2, dims = [2] : (tensor<16xf32>) -> tensor<4x8x16xf32>
    %30 = stablehlo.add %28, %29 : tensor<4x8x16xf32>
    %31 = stablehlo.convert %30 : (tensor<4x8x16xf32>) -> tensor<4x8x16xbf16>
    %32 = sdy.sharding_constraint %31 <@mesh, [{"x"}, {}, {}]> : tensor<4x8x16xbf16>
    %33 = stablehlo.dot_general %32, %arg3, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<4x8x16xbf16>, tensor<16x2x8xbf16>) -> tensor<4x8x2x8xbf16>
    %34 = stablehlo.constant dense<2.828125> : tensor<bf16>
    %35 = stablehlo.broadcast_in_dim %34, dims = [] : (tensor<bf16>) -> tensor<4x8x2x8xbf16>
    %36 = stablehlo.divide %33, %35 : tensor<4x8x2x8xbf16>
    %37 = stablehlo.dot_general %32, %arg4, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<4x8x16xbf16>, tensor<16x2x8xbf16>) -> tensor<4x8x2x8xbf16>
    %38 = stablehlo.dot_general %32, %arg5, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<4x8x16xbf16>, tensor<16x2x8xbf16>) -> tensor<4x8x2x8xbf16>
    %39 = stablehlo.dot_general %36, %37, batching_dims = [0, 2] x [0, 2], contracting_dims = [3] x [3], precision = [DEFAULT, DEFAULT] : (tensor<4x8x2x8xbf16>, tensor<4x8x2x8xbf16>) -> tensor<4x2x8x8xf32>
    %40 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %41 = stablehlo.reduce(%39 init: %40) applies stablehlo.maximum across dimensions = [3] : (tensor<4x2x8x8xf32>, tensor<f32>) -> tensor<4x2x8xf32>
    %42 = stablehlo.broadcast_in_dim %41, dims = [0, 1, 2] : (tensor<4x2x8xf32>) -> tensor<4x2x8x8xf32>
    %43 = stablehlo.subtract %39, %42 : tensor<4x2x8x8xf32>
    %44 = stablehlo.exponential %43 : tensor<4x2x8x8xf32>
    %45 = stablehlo.constant dense<0.0> : tensor<f32>
    %46 = stablehlo.reduce(%44 init: %45) applies stablehlo.add across dimensions = [3] : (tensor<4x2x8x8xf32>, tensor<f32>) -> tensor<4x2x8xf32>
    %47 = stablehlo.broadcast_in_dim %46, dims = [0, 1, 2] : (tensor<4x2x8xf32>) -> tensor<4x2x8x8xf32>
    %48 = stablehlo.divide %44, %47 : tensor<4x2x8x8xf32>
    %49 = stablehlo.convert %48 : (tensor<4x2x8x8xf32>) -> tensor<4x2x8x8xbf16>
    %50 = stablehlo.dot_general %49, %38, batching_dims = [0, 1] x [0, 2], contracting_dims = [3] x [1], precision = [DEFAULT, DEFAULT] : (tensor<4x2x8x8xbf16>, tensor<4x8x2x8xbf16>) -> tensor<4x2x8x8xbf16>
    %51 = stablehlo.transpose %50, dims = [0, 2, 1, 3] : (tensor<4x2x8x8xbf16>) -> tensor<4x8x2x8xbf16>
    %52 = stablehlo.dot_general %51, %arg6, contracting_dims = [2, 3] x [0, 1], precision = [DEFAULT, DEFAULT] : (tensor<4x8x2x8xbf16>, tensor<2x8x16xbf16>) -> tensor<4x8x16xbf16>
    %53 = stablehlo.add %arg0, %52 : tensor<4x8x16xbf16>
    return %53 : tensor<4x8x16xbf16>
  }
}
