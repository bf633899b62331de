#ifndef AIPROD_CFLUIDSYNTH_SHIM_H
#define AIPROD_CFLUIDSYNTH_SHIM_H
#include <fluidsynth.h>

// fluid_log's level table is variadic-adjacent; silence fluidsynth's own console output:
// errors come back as return codes.
static inline void aiprod_fluid_quiet(void) {
    fluid_set_log_function(FLUID_PANIC, NULL, NULL);
    fluid_set_log_function(FLUID_ERR, NULL, NULL);
    fluid_set_log_function(FLUID_WARN, NULL, NULL);
    fluid_set_log_function(FLUID_INFO, NULL, NULL);
    fluid_set_log_function(FLUID_DBG, NULL, NULL);
}
#endif
