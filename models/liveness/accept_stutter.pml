// runs: a af
// No claim: a deadlock in an accepting state is an accepting run that stutters
// (pan reports "accept stutter").
byte x;
active proctype P() {
	x < 2 -> x++;
accept_dead: x == 7
}
