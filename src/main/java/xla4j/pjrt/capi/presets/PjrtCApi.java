package xla4j.pjrt.capi.presets;

import org.bytedeco.javacpp.annotation.Platform;
import org.bytedeco.javacpp.annotation.Properties;
import org.bytedeco.javacpp.tools.Info;
import org.bytedeco.javacpp.tools.InfoMap;
import org.bytedeco.javacpp.tools.InfoMapper;

/**
 * JavaCPP presets for XLA's {@code pjrt_c_api.h}. At build time JavaCPP parses the header (fetched by
 * {@code tools/fetch-xla}) into {@code xla4j.pjrt.capi} (one class per struct, functions and constants
 * in {@code xla4j.pjrt.capi.global.PjrtC}) and compiles the JNI glue. Nothing generated is committed.
 */
@Properties(
    target = "xla4j.pjrt.capi",
    global = "xla4j.pjrt.capi.global.PjrtC",
    value = @Platform(
        value = "linux-x86_64",
        include = {"xla/pjrt/c/pjrt_c_api.h", "xla4j_pjrt.h"},
        link = "dl"))
public class PjrtCApi implements InfoMapper {
  @Override
  public void map(InfoMap infoMap) {
    // Expand the traits macro into a constant per struct. The value stays the header's own enum
    // constant (offsetof(last_field) + sizeof(last_field)), read by a JNI getter: never a copied number.
    infoMap.put(new Info("PJRT_DEFINE_STRUCT_TRAITS").cppText(
        "#define PJRT_DEFINE_STRUCT_TRAITS(sname, last_field) extern const size_t sname##_STRUCT_SIZE;"));
    infoMap.put(new Info("PJRT_STRUCT_SIZE", "PJRT_CHECK_STRUCT_SIZE").skip());
    // Arrays of arrays whose levels are const-qualified: JavaCPP would emit only getters declaring an
    // uninitialized "const rptr". Expose them as plain pointer-to-pointer members with a setter.
    infoMap.put(new Info("PJRT_LoadedExecutable_Execute_Args::argument_lists").javaText(
        "public native @Cast(\"PJRT_Buffer*const*const*\") PointerPointer argument_lists();\n"
            + "public native PJRT_LoadedExecutable_Execute_Args argument_lists("
            + "@Cast(\"PJRT_Buffer*const*const*\") PointerPointer setter);"));
    infoMap.put(new Info("PJRT_LoadedExecutable_Execute_Args::output_lists").javaText(
        "public native @Cast(\"PJRT_Buffer**const*\") PointerPointer output_lists();\n"
            + "public native PJRT_LoadedExecutable_Execute_Args output_lists("
            + "@Cast(\"PJRT_Buffer**const*\") PointerPointer setter);"));
  }
}
