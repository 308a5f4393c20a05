// Steps inside an atomic sequence count toward the depth though their states are not stored;
// a small bound cuts through the middle of the sequences.
// pan-args: -m12
byte a, b;

active [2] proctype P() {
	atomic { a++; a++; a++; a++; a++ }
	b++;
	atomic { a--; a--; a--; a--; a-- }
	b++
}
