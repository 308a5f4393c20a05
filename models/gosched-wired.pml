// pan-args: -m1000000
/*
 * gosched's own scheduling protocol, written from src/sched (not from proc.p).
 *
 * gosched runs each goroutine on a worker thread whose JavaScript stack cannot
 * move, so every started goroutine is wired to its M (the commit's lockedm/lockedg
 * path). This model checks that path with the commit's atomic fast paths, the run
 * queue of wired goroutines, parking and readying, stop-the-world and GOMAXPROCS
 * changes, and the deadlock detector:
 *
 *   - the commit's two monitor invariants, in every state where nobody holds
 *     schedlock (as proc.p's monitor checks them);
 *   - no false "all goroutines are asleep": whenever nextgandunlock finds
 *     grunning == 0, every goroutine really is parked (Go issue 2337 was such a
 *     false report, which proc.p could not see because it does not model the
 *     detector);
 *   - stoptheworld returns only with no other M on a cpu;
 *   - exitsyscall's fast path takes a cpu only while fewer than GOMAXPROCS are
 *     taken (an assertion the commit's model lacks: proc.p accepts a fast path
 *     that tests > instead of >=).
 *
 * The run queue is binding, as in src/sched: a yield queues at its tail, and a freed cpu
 * goes to its head, never to a goroutine that comes late (gput and exitsyscall's fast
 * path below; both differ from the commit there). Its head is a segment of goroutines
 * back from a system call (gputfront), served before the goroutines behind it, but at
 * most BYPASS_MAX times in a row while one waits behind it (gget in ggetnextg): see
 * BYPASS_MAX. schedlock is src/sched's lock that does not starve a waiter (schedlock()
 * below; the commit's barges). Liveness properties (models/liveness-wired) are checked
 * on this model with LIVENESS 1.
 *
 * Each of the M processes runs its one wired goroutine forever. A goroutine parks
 * only while another goroutine is left to ready it, as proc.p's gsleep does, so a
 * real deadlock cannot happen and the detector must never fire.
 *
 * Check it with:  gosched check models/gosched-wired.pml --max-depth 1000000
 * or with SPIN:   spin -o1 -o2 -o3 -a gosched-wired.pml
 *                 gcc -O2 -DSAFETY -DNOREDUCE -o pan pan.c && ./pan -m1000000
 */

#define M 3

/*
 * 1: the commit's protocol (CAS fast paths in entersyscall/exitsyscall);
 * 0: the pre-commit protocol (every entersyscall/exitsyscall takes schedlock).
 * src/sched has both; models/variants/gosched-wired-lock.json checks the second.
 */
#define ATOMIC_FASTPATHS 1

/*
 * 1: the model as models/liveness-wired checks liveness on it: a goroutine that calls
 * ready, GOMAXPROCS or stops the world then yields (Go 2011 cannot preempt: a goroutine
 * that never reaches a scheduling point blocks stoptheworld forever, which no scheduler
 * protocol can prevent), and ghost bits record who waits in exitsyscall's slow path.
 * 0: the model as written for safety (the figures in gosched-wired.expected.json).
 */
#define LIVENESS 0

/*
 * The bypass bound of the run queue's head segment (src/sched/queue.ts, BYPASS_MAX, 64
 * there): how many goroutines gget takes from the segment in a row while a goroutine
 * waits behind it, before it takes that one.
 *
 * Why a small bound stands for src/sched's 64, and how far. The bound enters the protocol
 * only through gget's test gbypass < BYPASS_MAX, and gbypass counts only the takes that
 * pass the goroutine waiting first behind the segment: it is reset when that goroutine
 * is taken, when nothing is behind the segment, or when the segment is empty (then gget
 * takes the head, which is that goroutine). So, for every finite bound, a goroutine
 * behind the segment is passed over at most BYPASS_MAX times, and a cycle that starves
 * it must have no gget at all while it waits: a cycle in which some other part of the
 * protocol stops handing cpus on, which the bound neither causes nor cures. The model
 * checks `runs` exhaustively with 1 (here) and 2 (regen.mjs --larger-bound); 2 reaches
 * queue orders that 1 does not (the segment served twice in a row), and no cycle of the
 * kind above appears with either. For 64 that is an argument, not a proof: a larger
 * bound reaches more queue orders still, and the model checks only these two.
 * What this does not cover: how long the wait is (up to 64 takes in src/sched, 1
 * here), and gget's other reason to take the goroutine behind (an idle M or a caller
 * with nothing to run: the model has neither, every M having its wired goroutine), nor
 * the fresh-M hand-off (mstealfresh, revokefresh in src/sched/handoff.ts: the model has
 * no thread that is still starting; a revoked goroutine goes back behind the segment as
 * the next to be taken, and M's stay fresh only until their thread starts).
 */
#define BYPASS_MAX 1

byte gomaxprocs = 2;

/* scheduler state */
bit sched_lock;
bit sched_stopped;
bit gc_lock, gcwaiting;
bit atomic_gwaiting, atomic_waitstop;
byte atomic_mcpu, atomic_mcpumax;
byte grunning;		/* goroutines on a cpu or in a syscall */

/*
 * The run queue of wired goroutines, FIFO as src/sched/queue.ts keeps it: ghead and
 * gtail, and for each goroutine in the queue schedlink, the one after it. A goroutine
 * is named by its M's number; NIL ends the list. gget clears the link of the
 * goroutine it takes (src/sched leaves it stale), so that one queue is one state.
 */
#define NIL M
byte ghead = NIL, gtail = NIL;
byte schedlink[M] = NIL;
byte gwait;
byte gret = NIL;	/* the last goroutine of the head segment (S_GRETTAIL), NIL if empty */
byte gbypass;		/* takes from the segment in a row while one waited behind (S_GBYPASS) */

/* goroutines blocked until another readies them */
bit parked[M];
byte nparked;

/* M struct fields: handing a goroutine back to its M */
bit m_nextg[M];
bit m_waitnextg[M];
bit m_havenextg[M];

#if LIVENESS
bit queued[M];		/* ghost: this M's goroutine is in the run queue */
bit exiting[M];		/* ghost: this M is in exitsyscall's slow path */
bit sleeping[M];	/* ghost: this M sleeps on its note in nextgandunlock */
#endif

inline lock(x) {
	d_step { x == 0; x = 1 }
}

inline unlock(x) {
	d_step { assert x == 1; x = 0 }
}

inline notewakeup(x) {
	d_step { assert x == 0; x = 1 }
}

/*
 * schedlock: src/sched/lock.ts's no-starve lock (lockNoStarve/unlockNoStarve).
 * sched_lock is the state word's LOCKED bit; sl_fifo holds the starving waiters in ticket
 * order (the count in the state word, and tail); sl_handed is the M the last hand-off went
 * to (grant), until it takes the lock. The lock's spinning, SLEEPERS bit and futex sleeps
 * are not modelled: a waiter is simply enabled when the lock is free, as before.
 *
 * Time is a choice: a waiter may join the FIFO at any step while the lock is held (in
 * lock.ts, when its Atomics.wait times out after STARVE_MS), which covers every real
 * timing. Under weak fairness an M at the lock's `if` is always enabled (to barge when
 * the lock is free, to join the FIFO when it is held), so it cannot be overtaken for ever:
 * it takes the lock or joins the FIFO, and the FIFO bounds its wait. lock.ts's commit
 * (the count) and its ticket are two steps; here they are one, which only fixes the
 * order of two waiters that starve at once.
 *
 * gc_lock keeps the plain lock above: src/sched has no gc lock; it stands for the
 * runtime's rule that one goroutine at a time stops the world.
 */
#define SL_NONE M
chan sl_fifo = [M] of { byte };
byte sl_handed = SL_NONE;

inline schedlock() {
	if
	:: d_step { sched_lock == 0 -> sched_lock = 1 }	/* the CAS from 0: barging */
	:: d_step { sched_lock == 1 -> sl_fifo!me } ->	/* starved: commit, take a ticket */
		d_step { sl_handed == me -> sl_handed = SL_NONE }	/* grant passed the ticket */
	fi
}

inline schedunlock() {
	d_step {
		assert sched_lock == 1;
		if
		:: nempty(sl_fifo) -> sl_fifo?sl_handed	/* hand-off: the lock stays held */
		:: empty(sl_fifo) -> sched_lock = 0	/* the CAS to 0 (and a wake of a sleeper) */
		fi
	}
}

/* mnextg(m, g): g is m's wired goroutine; the caller did mcpu++ */
inline mnextg(who) {
	d_step {
		grunning++;
		m_nextg[who] = 1;
		if
		:: m_waitnextg[who] ->
			m_waitnextg[who] = 0;
			assert m_havenextg[who] == 0;
			m_havenextg[who] = 1
		:: else
		fi
	}
}

/*
 * One turn of matchmg's loop: gget takes the head of the run queue, or the first
 * goroutine behind the head segment once the segment has been served BYPASS_MAX times
 * in a row while that one waited (src/sched/queue.ts gget, whose caller here is never
 * an M with nothing to run and never finds an idle M); mget finds the goroutine's own
 * M (every goroutine is wired), mnextg hands it over.
 */
inline ggetnextg() {
	atomic {
		d_step {
			if
			:: gret != NIL && schedlink[gret] != NIL && gbypass >= BYPASS_MAX ->
				/* the first goroutine behind the segment */
				gbypass = 0;
				gp = schedlink[gret];
				schedlink[gret] = schedlink[gp];
				gtail = (gtail == gp -> gret : gtail)
			:: else ->
				if
				:: gret != NIL && schedlink[gret] != NIL -> gbypass = gbypass + 1
				:: else -> gbypass = 0
				fi;
				gp = ghead;
				ghead = schedlink[gp];
				gtail = (gtail == gp -> NIL : gtail);
				gret = (gret == gp -> NIL : gret)
			fi;
			schedlink[gp] = NIL;
#if LIVENESS
			queued[gp] = 0;
#endif
			gwait--;
			if
			:: gwait == 0 -> atomic_gwaiting = 0
			:: else
			fi
		}
		mnextg(gp);
		gp = 0
	}
}

/* matchmg: while haveg() && canaddmcpu() */
inline matchmg() {
	do
	:: d_step { gwait > 0 && atomic_mcpu < atomic_mcpumax -> atomic_mcpu++ } ->
		ggetnextg()
	:: else -> break
	od
}

/* gput's queueing half: g goes to the tail of the run queue */
inline gputtail(who) {
	d_step {
		if
		:: gtail == NIL -> ghead = who
		:: else -> schedlink[gtail] = who
		fi;
		gtail = who;
#if LIVENESS
		queued[who] = 1;
#endif
		gwait++;
		if
		:: gwait == 1 -> atomic_gwaiting = 1
		:: else
		fi
	}
}

/* gputfront: g, back from a system call, joins the head segment after the goroutines
 * already there (src/sched/queue.ts gputfront) */
inline gputfront(who) {
	d_step {
		if
		:: gret == NIL -> schedlink[who] = ghead; ghead = who
		:: else -> schedlink[who] = schedlink[gret]; schedlink[gret] = who
		fi;
		if
		:: schedlink[who] == NIL -> gtail = who
		:: else
		fi;
		gret = who;
#if LIVENESS
		queued[who] = 1;
#endif
		gwait++;
		if
		:: gwait == 1 -> atomic_gwaiting = 1
		:: else
		fi
	}
}

/* gput(g, front) for a wired g: straight to its M if a cpu is free and no goroutine
 * waits, else queued: in the head segment if it is back from a system call (front),
 * else at the tail (src/sched/queue.ts; the commit's gput hands any wired g back while a
 * cpu is free, ahead of the queue: mutant readyonstop_jumps_queue in liveness-wired
 * breaks `runs` so) */
inline gput(who, front) {
	if
	:: d_step { gwait == 0 && atomic_mcpu < atomic_mcpumax -> atomic_mcpu++ } ->
		mnextg(who)
	:: else ->
		if
		:: front -> gputfront(who)
		:: else -> gputtail(who)
		fi
	fi
}

/*
 * nextgandunlock for an M with a wired goroutine (m->lockedg != nil), then the
 * sleep on havenextg. The detector's condition in src/sched is
 * grunning == 0 && gcount != 0; every goroutine here is alive.
 */
inline nextgandunlock() {
	if
	:: m_nextg[me] ->
		m_nextg[me] = 0;
		schedunlock()
	:: else ->
		if
		:: gwait != 0 -> matchmg()
		:: else
		fi;
		if
		:: m_nextg[me] ->
			m_nextg[me] = 0;
			schedunlock()
		:: else ->
			/* "all goroutines are asleep - deadlock!" must be true when said */
			assert grunning > 0 || nparked == M;
			d_step {
				m_waitnextg[me] = 1;
				m_havenextg[me] = 0
#if LIVENESS
				; sleeping[me] = 1
#endif
			}
			if
			:: atomic_waitstop && atomic_mcpu <= atomic_mcpumax ->
				atomic_waitstop = 0;
				notewakeup(sched_stopped)
			:: else
			fi;
			schedunlock();
			d_step {
				m_havenextg[me] == 1;
				assert m_nextg[me];
				m_nextg[me] = 0
#if LIVENESS
				; sleeping[me] = 0
#endif
			}
		fi
	fi
}

/* schedule(gp) for the running, wired goroutine of M me: why is 0 (yield: at the
 * tail of the run queue, not straight back to this M as the commit's gput would, so
 * that a queued goroutine gets the cpu; src/sched/schedule.ts says why),
 * 1 (park, while another goroutine is left to ready it; decided under schedlock,
 * as proc.p decides gsleep), 2 (back from exitsyscall's slow path: readyonstop, into
 * the head segment if it must queue) */
inline schedule(why) {
	schedlock();
	d_step {
		grunning--;
		atomic_mcpu--;
		assert atomic_mcpu <= M
	}
	if
	:: why == 0 -> gputtail(me)	/* a yield queues at the tail: see schedule.ts */
	:: why == 1 && nparked + 1 < M -> d_step { parked[me] = 1; nparked++ }
	:: why == 1 && nparked + 1 >= M -> gput(me, 0)	/* nobody would be left to ready it */
	:: why == 2 -> gput(me, 1); matchmg()	/* readylocked */
	fi;
	nextgandunlock()
}

/* ready(g): a running goroutine wakes a parked one, if one is still parked once
 * it holds schedlock (another may have readied it meanwhile) */
inline ready() {
	schedlock();
	atomic {
		if
		:: parked[0] -> parked[0] = 0; other = 0
		:: parked[1] -> parked[1] = 0; other = 1
		:: parked[2] -> parked[2] = 0; other = 2
		:: else -> other = M
		fi
	}
	if
	:: other < M ->
		nparked--;
		gput(other, 0);
		matchmg()
	:: else
	fi;
	schedunlock();
	other = 0
}

#if ATOMIC_FASTPATHS
inline entersyscall() {
	atomic {
		if
		:: atomic_gwaiting -> skip
		:: atomic_waitstop && atomic_mcpu-1 <= atomic_mcpumax -> skip
		:: else ->
			atomic_mcpu--;
			goto Lentered
		fi
	}
	schedlock();
	d_step { atomic_mcpu-- }
	if
	:: atomic_gwaiting -> matchmg()
	:: else
	fi;
	if
	:: atomic_waitstop && atomic_mcpu <= atomic_mcpumax ->
		atomic_waitstop = 0;
		notewakeup(sched_stopped)
	:: else
	fi;
	schedunlock();
Lentered:
	skip
}

/* the fast path is not taken while goroutines wait (src/sched/syscall-atomic.ts; the
 * commit tests only mcpu < mcpumax: mutant exitsyscall_fast_ignores_gwaiting) */
inline exitsyscall() {
	atomic {
		if
		:: atomic_gwaiting || atomic_mcpu >= atomic_mcpumax -> skip
		:: else ->
			atomic_mcpu++;
			/* the bound the fast path promises: no more M's on a cpu than GOMAXPROCS */
			assert atomic_mcpu <= atomic_mcpumax;
			goto Lexited
		fi
	}
#if LIVENESS
	exiting[me] = 1;
#endif
exit_lock:
	schedlock();
	d_step { atomic_mcpu++ }
	schedunlock();
exit_relock:
	schedule(2);
#if LIVENESS
	exiting[me] = 0;
#endif
Lexited:
	skip
}
#else
inline entersyscall() {
	schedlock();
	d_step { atomic_mcpu-- }
	if
	:: gwait != 0 -> matchmg()
	:: else
	fi;
	if
	:: atomic_waitstop && atomic_mcpu <= atomic_mcpumax ->
		atomic_waitstop = 0;
		notewakeup(sched_stopped)
	:: else
	fi;
	schedunlock()
}

inline exitsyscall() {
	schedlock();
	d_step { atomic_mcpu++ }
	if
	:: atomic_mcpu <= atomic_mcpumax ->
		schedunlock()
	:: else ->
#if LIVENESS
		exiting[me] = 1;
#endif
		schedunlock();
exit_relock:
		schedule(2)
#if LIVENESS
		; exiting[me] = 0
#endif
	fi
}
#endif

inline stoptheworld() {
	schedlock();
	gcwaiting = 1;
	atomic_mcpumax = 1;
	do
	:: d_step { atomic_mcpu > 1 ->
		sched_stopped = 0;
		assert !atomic_waitstop;
		atomic_waitstop = 1 }
		schedunlock();
stw_wait:	sched_stopped == 1;
		schedlock()
	:: else -> break
	od;
	/* the world is stopped: only this M is on a cpu */
stw_done:
	assert atomic_mcpu <= 1;
	schedunlock()
}

inline starttheworld() {
	schedlock();
	gcwaiting = 0;
	atomic_mcpumax = gomaxprocs;
	matchmg();
	schedunlock()
}

inline gomaxprocsfunc() {
	schedlock();
	atomic {
		if
		:: gomaxprocs != 1 -> gomaxprocs = 1
		:: gomaxprocs != 2 -> gomaxprocs = 2
		fi
	}
	if
	:: gcwaiting != 0 ->
		assert atomic_mcpumax == 1;
		schedunlock()
	:: else ->
		atomic_mcpumax = gomaxprocs;
		if
		:: atomic_mcpu > gomaxprocs ->
			schedunlock();
			schedule(0)
		:: else ->
			matchmg();
			schedunlock()
		fi
	fi
}

/* An M and its wired goroutine. With GOMAXPROCS 2, the goroutines of M 0 and
 * M 1 start on a cpu; M 2's starts queued, its M asleep in nextgandunlock. */
proctype mproc(byte me) {
	byte other;
	byte gp;	/* gget's scratch, 0 between steps */

	if
	:: me == M - 1 ->
		d_step {
			m_havenextg[me] == 1;
			m_nextg[me] = 0
#if LIVENESS
			; sleeping[me] = 0
#endif
		}
	:: else
	fi;
	do
	:: schedule(0)
	:: entersyscall(); exitsyscall()
	:: schedule(1)
	:: nparked > 0 -> ready()
#if LIVENESS
		; schedule(0)
#endif
	:: lock(gc_lock) ->
		stoptheworld();
		starttheworld();
		unlock(gc_lock)
#if LIVENESS
		; schedule(0)
#endif
	:: gomaxprocsfunc()
#if LIVENESS
		; schedule(0)
#endif
	od
}

active proctype monitor() {
	d_step {
		atomic_mcpu = 2;
		atomic_mcpumax = gomaxprocs;
		grunning = 2;
		ghead = 2;
		gtail = 2;
		gwait = 1;
		atomic_gwaiting = 1;
		m_waitnextg[2] = 1
#if LIVENESS
		; queued[2] = 1
		; sleeping[2] = 1
#endif
	}
	atomic {
		run mproc(0);
		run mproc(1);
		run mproc(2)
	}
	do
	:: !sched_lock && gwait > 0 && atomic_mcpu < atomic_mcpumax ->
		assert 0
	:: !sched_lock && atomic_waitstop && atomic_mcpu <= atomic_mcpumax ->
		assert 0
	od
}
