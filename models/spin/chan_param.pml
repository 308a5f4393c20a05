// Channels passed as parameters and sent inside messages: each worker gets its own reply
// channel through the request channel.
chan req = [2] of { chan, byte };
chan r0 = [1] of { byte };
chan r1 = [1] of { byte };

proctype server(chan in) {
	chan back;
	byte v;
end:
	do
	:: in?back,v -> back!v * 2
	od
}

proctype client(chan mine; byte v) {
	byte got;
	req!mine,v;
	mine?got;
	assert(got == v * 2)
}

init {
	atomic {
		run server(req);
		run client(r0, 3);
		run client(r1, 4)
	}
}
