/* Constants and globals of include_files.pml; the proctype comes from worker.h, next to this file. */
#define N	2
byte total;
#include "worker.h"
