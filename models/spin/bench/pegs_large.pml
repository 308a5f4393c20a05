/* A benchmark model for `gosched bench-check --large`: peg solitaire on a ROWS x COLS
 * board, one process per hole offering the jumps that end in it to a referee through a
 * one-place channel. Each hole process keeps tables about the board (the holes two steps
 * away, every hole's distance), computed once at its start, in local arrays, so the state
 * vector is large (about 700 bytes) while only the board, the channel and a few program
 * counters change from state to state: the class of model where the time per state goes
 * to copying, hashing and comparing the vector, not to the moves. Written for this
 * repository (no corpus file is copied). */
#define ROWS 4
#define COLS 5
#define HOLES 20
#define START 7   /* the hole left empty at the start */

byte peg[HOLES];
byte pegs;
byte ready;   /* holes that have set up their tables: they do so one after another */
chan jump = [1] of { byte, byte };   /* from, to; the hole jumped over is between */

proctype hole(byte at) {
  /* from[d]: the hole two steps away in direction d (right, left, down, up), or HOLES
   * where the board ends; dist[h]: how many steps (across and down) hole h is away. */
  byte from[4];
  byte dist[HOLES];
  byte r = at / COLS;
  byte c = at % COLS;
  byte h;
  ready == at;
  atomic {
    from[0] = (c + 2 < COLS -> at + 2 : HOLES);
    from[1] = (c >= 2 -> at - 2 : HOLES);
    from[2] = (r + 2 < ROWS -> at + 2 * COLS : HOLES);
    from[3] = (r >= 2 -> at - 2 * COLS : HOLES);
    do
    :: h < HOLES ->
       dist[h] = (h / COLS > r -> h / COLS - r : r - h / COLS) + (h % COLS > c -> h % COLS - c : c - h % COLS);
       h++
    :: else -> break
    od;
    ready++
  }
  /* Play starts when every hole has its tables (ready == HOLES in each guard: a wait of
   * its own would let the holes pass it in any order, 2^HOLES states). */
end:
  do
  :: atomic { ready == HOLES && from[0] < HOLES && nfull(jump) && peg[from[0]] && peg[(from[0] + at) / 2] && !peg[at] -> assert(dist[from[0]] == 2); jump!from[0], at }
  :: atomic { ready == HOLES && from[1] < HOLES && nfull(jump) && peg[from[1]] && peg[(from[1] + at) / 2] && !peg[at] -> assert(dist[from[1]] == 2); jump!from[1], at }
  :: atomic { ready == HOLES && from[2] < HOLES && nfull(jump) && peg[from[2]] && peg[(from[2] + at) / 2] && !peg[at] -> assert(dist[from[2]] == 2); jump!from[2], at }
  :: atomic { ready == HOLES && from[3] < HOLES && nfull(jump) && peg[from[3]] && peg[(from[3] + at) / 2] && !peg[at] -> assert(dist[from[3]] == 2); jump!from[3], at }
  od
}

/* Takes a jump and makes it; a jump offered for a board that has changed since is dropped. */
proctype referee() {
  byte f, t;
end:
  do
  :: atomic {
       jump?f, t ->
       if
       :: peg[f] && peg[(f + t) / 2] && !peg[t] -> peg[f] = 0; peg[(f + t) / 2] = 0; peg[t] = 1; pegs--
       :: else -> skip
       fi;
       f = 0; t = 0
     }
  od
}

init {
  byte i;
  atomic {
    do
    :: i < HOLES -> peg[i] = (i != START); i++
    :: else -> break
    od;
    pegs = HOLES - 1;
    i = 0;
    do
    :: i < HOLES -> run hole(i); i++
    :: else -> break
    od;
    run referee()
  }
  ready == HOLES;
  assert(pegs >= 1)
}
