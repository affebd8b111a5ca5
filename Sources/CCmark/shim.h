#ifndef SALVE_CCMARK_SHIM_H
#define SALVE_CCMARK_SHIM_H
#include <cmark.h>
#endif
