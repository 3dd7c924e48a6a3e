// Stand-in for MLIR's mlir/IR/BuiltinOps.h, first on the include path.
//
// The tensorflow-cpu wheel ships XLA's and MLIR's own headers but not LLVM's, and
// xla/pjrt/pjrt_client.h includes this header only to declare virtual methods that take an
// mlir::ModuleOp by value. The plugin never calls those overloads (it parses StableHLO text
// through xla::ParseMlirModuleStringAndConvertToXlaComputation), so declaring the type is
// enough: like the real ModuleOp it is a class holding one mlir::Operation*, which keeps the
// vtable layout of PjRtClient identical.
#ifndef XLA4J_SHIM_MLIR_IR_BUILTINOPS_H_
#define XLA4J_SHIM_MLIR_IR_BUILTINOPS_H_
namespace mlir {
class Operation;
class ModuleOp {
 public:
  ModuleOp() = default;
  Operation* getOperation() const { return state_; }

 private:
  Operation* state_ = nullptr;
};
}  // namespace mlir
#endif
