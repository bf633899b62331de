#ifndef AIPROD_CESPEAKNG_SHIM_H
#define AIPROD_CESPEAKNG_SHIM_H
#include <espeak-ng/speak_lib.h>
#endif
