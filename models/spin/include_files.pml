// #include "file", as SPIN's cpp reads it: the included text in place, a path relative to
// the directory of the file that holds the directive (defs.h includes worker.h from its
// own directory, include_files/), macros defined there visible after it.
byte done;
#include "include_files/defs.h"

init {
	atomic { run worker(1); run worker(2) }
	(done == N);
	assert(total == 3)
}
