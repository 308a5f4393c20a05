// Where a thread is inside the scheduler, for the watchdog's report of a stuck thread.
// Each M writes its current place into its M row (M_WHERE) before it may block.

export const W_RUNNING = 0; // executing its goroutine (user code or a syscall)
export const W_SCHEDLOCK = 1; // waiting to acquire schedlock
export const W_HAVENEXTG = 2; // notesleep(&m->havenextg) in nextgandunlock
export const W_STOPPED = 3; // notesleep(&sched.stopped) in stoptheworld
export const W_IDLE = 4; // no goroutine: on the idle M list
export const W_EXITED = 5; // the thread has ended

export const WHERE_NAMES = [
  'running its goroutine',
  'waiting for schedlock',
  'nextgandunlock: notesleep(&m->havenextg)',
  'stoptheworld: notesleep(&sched.stopped)',
  'idle',
  'exited',
];
