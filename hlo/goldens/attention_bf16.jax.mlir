module @jit_attention attributes {mhlo.num_partitions = 1 : i32, mhlo.num_replicas = 1 : i32} {
  func.func public @main(%arg0: tensor<4x8x16xbf16>, %arg1: tensor<16xbf16>, %arg2: tensor<16xbf16>, %arg3: tensor<16x2x8xbf16>, %arg4: tensor<16x2x8xbf16>, %arg5: tensor<16x2x8xbf16>, %arg6: tensor<2x8x16xbf16>) -> (tensor<4x8x16xbf16> {jax.result_info = "result"}) {
    %0 = stablehlo.convert %arg0 : (tensor<4x8x16xbf16>) -> tensor<4x8x16xf32>
    %cst = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %1 = stablehlo.reduce(%0 init: %cst) applies stablehlo.add across dimensions = [2] : (tensor<4x8x16xf32>, tensor<f32>) -> tensor<4x8xf32>
    %2 = stablehlo.broadcast_in_dim %1, dims = [0, 1] : (tensor<4x8xf32>) -> tensor<4x8x1xf32>
    %cst_0 = stablehlo.constant dense<1.600000e+01> : tensor<f32>
    %3 = stablehlo.broadcast_in_dim %cst_0, dims = [] : (tensor<f32>) -> tensor<4x8x1xf32>
    %4 = stablehlo.divide %2, %3 : tensor<4x8x1xf32>
    %5 = stablehlo.multiply %0, %0 : tensor<4x8x16xf32>
    %cst_1 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %6 = stablehlo.reduce(%5 init: %cst_1) applies stablehlo.add across dimensions = [2] : (tensor<4x8x16xf32>, tensor<f32>) -> tensor<4x8xf32>
    %7 = stablehlo.broadcast_in_dim %6, dims = [0, 1] : (tensor<4x8xf32>) -> tensor<4x8x1xf32>
    %cst_2 = stablehlo.constant dense<1.600000e+01> : tensor<f32>
    %8 = stablehlo.broadcast_in_dim %cst_2, dims = [] : (tensor<f32>) -> tensor<4x8x1xf32>
    %9 = stablehlo.divide %7, %8 : tensor<4x8x1xf32>
    %10 = stablehlo.multiply %4, %4 : tensor<4x8x1xf32>
    %11 = stablehlo.subtract %9, %10 : tensor<4x8x1xf32>
    %cst_3 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %12 = stablehlo.broadcast_in_dim %cst_3, dims = [] : (tensor<f32>) -> tensor<4x8x1xf32>
    %13 = stablehlo.maximum %12, %11 : tensor<4x8x1xf32>
    %14 = stablehlo.broadcast_in_dim %4, dims = [0, 1, 2] : (tensor<4x8x1xf32>) -> tensor<4x8x16xf32>
    %15 = stablehlo.subtract %0, %14 : tensor<4x8x16xf32>
    %cst_4 = stablehlo.constant dense<9.99999997E-7> : tensor<f32>
    %16 = stablehlo.broadcast_in_dim %cst_4, dims = [] : (tensor<f32>) -> tensor<4x8x1xf32>
    %17 = stablehlo.add %13, %16 : tensor<4x8x1xf32>
    %18 = stablehlo.rsqrt %17 : tensor<4x8x1xf32>
    %19 = stablehlo.broadcast_in_dim %18, dims = [0, 1, 2] : (tensor<4x8x1xf32>) -> tensor<4x8x16xf32>
    %20 = stablehlo.multiply %15, %19 : tensor<4x8x16xf32>
    %21 = stablehlo.convert %arg1 : (tensor<16xbf16>) -> tensor<16xf32>
    %22 = stablehlo.broadcast_in_dim %21, dims = [2] : (tensor<16xf32>) -> tensor<1x1x16xf32>
    %23 = stablehlo.broadcast_in_dim %22, dims = [0, 1, 2] : (tensor<1x1x16xf32>) -> tensor<4x8x16xf32>
    %24 = stablehlo.multiply %20, %23 : tensor<4x8x16xf32>
    %25 = stablehlo.convert %arg2 : (tensor<16xbf16>) -> tensor<16xf32>
    %26 = stablehlo.broadcast_in_dim %25, dims = [2] : (tensor<16xf32>) -> tensor<1x1x16xf32>
    %27 = stablehlo.broadcast_in_dim %26, dims = [0, 1, 2] : (tensor<1x1x16xf32>) -> tensor<4x8x16xf32>
    %28 = stablehlo.add %24, %27 : tensor<4x8x16xf32>
    %29 = stablehlo.convert %28 : (tensor<4x8x16xf32>) -> tensor<4x8x16xbf16>
    %30 = stablehlo.dot_general %29, %arg3, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<4x8x16xbf16>, tensor<16x2x8xbf16>) -> tensor<4x8x2x8xbf16>
    %cst_5 = stablehlo.constant dense<2.828130e+00> : tensor<bf16>
    %31 = stablehlo.broadcast_in_dim %cst_5, dims = [] : (tensor<bf16>) -> tensor<4x8x2x8xbf16>
    %32 = stablehlo.divide %30, %31 : tensor<4x8x2x8xbf16>
    %33 = stablehlo.dot_general %29, %arg4, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<4x8x16xbf16>, tensor<16x2x8xbf16>) -> tensor<4x8x2x8xbf16>
    %34 = stablehlo.dot_general %29, %arg5, contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<4x8x16xbf16>, tensor<16x2x8xbf16>) -> tensor<4x8x2x8xbf16>
    %35 = stablehlo.dot_general %32, %33, batching_dims = [0, 2] x [0, 2], contracting_dims = [3] x [3], precision = [DEFAULT, DEFAULT] : (tensor<4x8x2x8xbf16>, tensor<4x8x2x8xbf16>) -> tensor<4x2x8x8xf32>
    %cst_6 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %36 = stablehlo.reduce(%35 init: %cst_6) applies stablehlo.maximum across dimensions = [3] : (tensor<4x2x8x8xf32>, tensor<f32>) -> tensor<4x2x8xf32>
    %cst_7 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %37 = stablehlo.broadcast_in_dim %cst_7, dims = [] : (tensor<f32>) -> tensor<4x2x8xf32>
    %38 = stablehlo.maximum %37, %36 : tensor<4x2x8xf32>
    %39 = stablehlo.broadcast_in_dim %38, dims = [0, 1, 2] : (tensor<4x2x8xf32>) -> tensor<4x2x8x1xf32>
    %40 = stablehlo.broadcast_in_dim %39, dims = [0, 1, 2, 3] : (tensor<4x2x8x1xf32>) -> tensor<4x2x8x8xf32>
    %41 = stablehlo.subtract %35, %40 : tensor<4x2x8x8xf32>
    %42 = stablehlo.exponential %41 : tensor<4x2x8x8xf32>
    %cst_8 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
    %43 = stablehlo.reduce(%42 init: %cst_8) applies stablehlo.add across dimensions = [3] : (tensor<4x2x8x8xf32>, tensor<f32>) -> tensor<4x2x8xf32>
    %44 = stablehlo.broadcast_in_dim %43, dims = [0, 1, 2] : (tensor<4x2x8xf32>) -> tensor<4x2x8x1xf32>
    %45 = stablehlo.broadcast_in_dim %44, dims = [0, 1, 2, 3] : (tensor<4x2x8x1xf32>) -> tensor<4x2x8x8xf32>
    %46 = stablehlo.divide %42, %45 : tensor<4x2x8x8xf32>
    %47 = stablehlo.convert %46 : (tensor<4x2x8x8xf32>) -> tensor<4x2x8x8xbf16>
    %48 = stablehlo.dot_general %34, %47, batching_dims = [0, 2] x [0, 1], contracting_dims = [1] x [3], precision = [DEFAULT, DEFAULT] : (tensor<4x8x2x8xbf16>, tensor<4x2x8x8xbf16>) -> tensor<4x2x8x8xbf16>
    %49 = stablehlo.transpose %48, dims = [0, 3, 1, 2] : (tensor<4x2x8x8xbf16>) -> tensor<4x8x2x8xbf16>
    %50 = stablehlo.dot_general %49, %arg6, contracting_dims = [3, 2] x [1, 0], precision = [DEFAULT, DEFAULT] : (tensor<4x8x2x8xbf16>, tensor<2x8x16xbf16>) -> tensor<4x8x16xbf16>
    %51 = stablehlo.add %arg0, %50 : tensor<4x8x16xbf16>
    return %51 : tensor<4x8x16xbf16>
  }
}
