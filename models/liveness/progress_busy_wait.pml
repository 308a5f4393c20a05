// runs: l lf
// A busy-waiting loop without progress: a non-progress cycle, also under fairness
// because the waiting process itself spins forever.
bit go;
byte spins;
active proctype Waiter() {
	do
	:: go == 0 -> spins = 1 - spins
	:: go == 1 -> break
	od;
progress: skip
}
active proctype Starter() {
	do
	:: go = 1 - go
	od
}
