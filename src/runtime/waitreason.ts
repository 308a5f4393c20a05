// What a parked goroutine waits on: the commit's g->waitreason strings, stored in the G
// row (G_WAITREASON) as a code, and named in deadlock reports as Go names them.

export const WR_NONE = 0;
export const WR_CHAN_RECEIVE = 1;
export const WR_CHAN_SEND = 2;
export const WR_SELECT = 3;
export const WR_SEMACQUIRE = 4;
export const WR_SLEEP = 5;
export const WR_SELECT_NO_CASES = 6;
export const WR_CHAN_RECEIVE_NIL = 7;
export const WR_CHAN_SEND_NIL = 8;
export const WR_SYSCALL_PROMISE = 9;

export const WAIT_REASONS = [
  '', 'chan receive', 'chan send', 'select', 'semacquire', 'sleep', 'select (no cases)',
  'chan receive (nil chan)', 'chan send (nil chan)', 'syscall',
];
