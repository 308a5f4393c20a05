// A chan field in a typedef: it holds a channel's number (0, no channel, until assigned),
// is copied with the structure, travels in messages and names a channel in sends,
// receives and channel functions.
typedef Route { byte id; chan via };

chan a = [2] of { byte };
chan b = [1] of { byte };
chan routes = [2] of { Route };
Route table[2];

active proctype Sender() {
  Route r;
  table[0].id = 1; table[0].via = a;
  table[1].id = 2; table[1].via = b;
  r.via = table[0].via;
  r.id = 3;
  routes!r;
  routes!table[1];
  if
  :: table[0].via!table[0].id; table[1].via!table[1].id
  :: table[1].via!table[1].id; table[0].via!table[0].id
  fi
}

active proctype Receiver() {
  Route got;
  byte v;
  routes?got; got.via?v; assert(v == 1 && got.id == 3);
  routes?got;
  assert(full(got.via) || empty(got.via));
  got.via?v;
  assert(v == 2 && got.via == b && got.via != a && len(a) == 0)
}
