// A chan field with a channel type in a typedef makes one channel per instance: pan's
// iniglobals creates the channels of chan variables first (plain, though declared last),
// then those of structures in declaration order, element by element and field by field
// (nested structures where they stand); a process creates those of its locals in
// declaration order when it starts, numbered on from the channels alive (Worker(1)
// gets 14 on, or 9 on when Worker(0) has ended and taken its channels with it).
typedef Link { byte id; chan c = [1] of { byte } };
typedef Node { Link in; chan spare; chan out[2] = [2] of { byte, byte } };

Node nodes[2];
Link solo;
chan plain = [1] of { byte };
byte seen;

proctype Worker(byte me) {
  Link mine;
  chan own = [1] of { byte };
  Node pair;
  byte v, w;
  assert(pair.spare == 0 && (me == 0 && own == 10 && pair.out[1] == 13 || me == 1 && (pair.in.c == 16 || pair.in.c == 11 && _nr_pr == 2)));
  nodes[me].out[1]!me, mine.c;
  mine.c!me;
  own!mine.c;
  mine.c?v;
  own?w;
  nodes[me].out[1]?v, w;
  seen = seen + w
}

init {
  byte v;
  assert(plain == 1 && nodes[0].in.c == 2 && nodes[0].out[1] == 4 && nodes[1].in.c == 5 && solo.c == 8);
  solo.c!7;
  plain!solo.c;
  nodes[0].in.c!nodes[1].out[0];
  nodes[0].in.c?v;
  assert(v == nodes[1].out[0]);
  run Worker(0); run Worker(1);
  (_nr_pr == 1);
  assert(seen == 9 + 14 || seen == 9 + 9)
}
