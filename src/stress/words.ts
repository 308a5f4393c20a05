// The stress run's shared scratch words (the Runtime's userWords), shared by its
// goroutines, its invariant sampler and the thread that reports.
export const U_STW = 0; // stop-the-worlds done
export const U_PROCS_CHANGES = 1; // GOMAXPROCS changes done
export const U_FINISHED = 2; // worker goroutines finished
export const U_STOP_SAMPLING = 3; // set to end the sampler
export const U_STOPPED_WORLD_BAD = 4; // times the world was "stopped" with mcpu > 1
export const U_CONTROLLER_UP = 5; // set once the controller runs; workers wait for it
export const U_PROGRESS = 8; // U_PROGRESS + i: pairs done by worker i
export const MAX_STRESS_THREADS = 48; // U_PROGRESS + MAX_STRESS_THREADS <= USER_WORDS
