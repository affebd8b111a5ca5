#ifndef SALVE_CLIBYAML_SHIM_H
#define SALVE_CLIBYAML_SHIM_H
#include <yaml.h>
#endif
