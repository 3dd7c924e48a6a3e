// xla4j's small C helpers around the PJRT C API, compiled into the JavaCPP JNI library.
// Java cannot dlopen a library by path and fetch a symbol, nor set the process environment, so these
// few functions do it. Kept tiny on purpose; everything else goes through pjrt_c_api.h directly.
#ifndef XLA4J_PJRT_H_
#define XLA4J_PJRT_H_

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "xla/pjrt/c/pjrt_c_api.h"

// dlopen()s a PJRT plugin (RTLD_NOW | RTLD_LOCAL, so several plugins coexist) and calls its
// GetPjrtApi(). Returns NULL and writes a message into err on failure. The library stays loaded for
// the life of the process (PJRT plugins are never unloaded).
inline const PJRT_Api* xla4j_load_plugin(const char* path, char* err, size_t err_len) {
  err[0] = '\0';
  void* handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
  if (handle == NULL) {
    const char* msg = dlerror();
    snprintf(err, err_len, "dlopen failed: %s", msg != NULL ? msg : "unknown error");
    return NULL;
  }
  typedef const PJRT_Api* (*GetPjrtApiFn)(void);
  GetPjrtApiFn get_api = (GetPjrtApiFn)dlsym(handle, "GetPjrtApi");
  if (get_api == NULL) {
    snprintf(err, err_len, "%s does not export GetPjrtApi (not a PJRT plugin)", path);
    return NULL;
  }
  const PJRT_Api* api = get_api();
  if (api == NULL) {
    snprintf(err, err_len, "GetPjrtApi() of %s returned NULL", path);
  }
  return api;
}

// setenv(3), for variables a plugin reads when it loads (TPU_SKIP_MDS_QUERY for libtpu).
inline int xla4j_setenv(const char* name, const char* value, int overwrite) {
  return setenv(name, value, overwrite);
}

// getenv(3) as seen by native code (may differ from System.getenv after xla4j_setenv).
inline const char* xla4j_getenv(const char* name) {
  return getenv(name);
}

// Sends the process's stderr (file descriptor 2) into an unlinked temporary file, to collect what
// native libraries print while a plugin loads and initializes (static initializers and "before
// InitGoogle/InitializeLog" messages that no log-level knob reaches). Returns a duplicate of the
// previous stderr, for xla4j_stderr_capture_end, or -1 (nothing redirected) on failure. Not
// reentrant: xla4j serializes plugin loading.
inline int xla4j_stderr_capture_begin(void) {
  fflush(stderr);
  FILE* file = tmpfile();
  if (file == NULL) {
    return -1;
  }
  int saved = dup(2);
  if (saved < 0 || dup2(fileno(file), 2) < 0) {
    if (saved >= 0) {
      close(saved);
    }
    fclose(file);
    return -1;
  }
  fclose(file);  // descriptor 2 keeps the file open
  return saved;
}

// Restores stderr from xla4j_stderr_capture_begin's descriptor and copies what was captured (at
// most len - 1 bytes, NUL-terminated) into buf. Returns the number of bytes copied.
inline long xla4j_stderr_capture_end(int saved, char* buf, size_t len) {
  fflush(stderr);
  size_t n = 0;
  if (len > 0 && lseek(2, 0, SEEK_SET) == 0) {
    ssize_t r;
    while (n + 1 < len && (r = read(2, buf + n, len - 1 - n)) > 0) {
      n += (size_t)r;
    }
  }
  if (len > 0) {
    buf[n] = '\0';
  }
  dup2(saved, 2);
  close(saved);
  return (long)n;
}

#endif  // XLA4J_PJRT_H_
