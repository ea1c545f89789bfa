#ifndef HULPATLAS_CGLPK_SHIM_H
#define HULPATLAS_CGLPK_SHIM_H
#include <glpk.h>
#endif
