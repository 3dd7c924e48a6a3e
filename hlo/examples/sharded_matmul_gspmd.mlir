// sharded_matmul.mlir with GSPMD annotations (mhlo.sharding) instead of Shardy: the 4x3 by 3x2 product
// split 2 ways over the rows of x. xla4j compiles a module without sdy attributes with
// use_shardy_partitioner=false. XLA warns that GSPMD propagation is being retired; prefer Shardy.
module @sharded_matmul_gspmd attributes {mhlo.num_partitions = 2 : i32, mhlo.num_replicas = 1 : i32} {
  func.func public @main(%arg0: tensor<4x3xf32> {mhlo.sharding = "{devices=[2,1]<=[2]}"}, %arg1: tensor<3x2xf32> {mhlo.sharding = "{replicated}"}) -> (tensor<4x2xf32> {jax.result_info = "result", mhlo.sharding = "{devices=[2,1]<=[2]}"}) {
    %0 = stablehlo.dot_general %arg0, %arg1, contracting_dims = [1] x [0], precision = [DEFAULT, DEFAULT] : (tensor<4x3xf32>, tensor<3x2xf32>) -> tensor<4x2xf32>
    return %0 : tensor<4x2xf32>
  }
}
