// Every send and receive written in a trace puts its channel in scope, one the trace can
// never reach too (pan compiles the whole body): the first loop never ends, yet its
// unreachable ch!3 makes the sends on ch observed, so P's offer ch!0 is an error where,
// with the receives on ch alone observed, Q's ch?0 would match. Found by fuzz.mjs --trace.
byte c;
chan ch = [0] of { byte };
active proctype P() { ch!c }
active proctype Q() { end: ch?_ }
trace { do :: ch?0 od; ch!3 }
