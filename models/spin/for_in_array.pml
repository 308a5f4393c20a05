// SPIN 6's `for (i in arr)`: i runs over the array's indices, 0 .. length - 1, as in
// `for (i : 0 .. N - 1)`; also over an array field of a structure, nested, and left by break.
typedef Row { byte cell[2] };
#define N 3
byte arr[N];
Row rows[2];
byte sum;
active proctype Fill() {
	byte i, j;
	for (i in arr) {
		if
		:: arr[i] = i
		:: arr[i] = 2
		fi
	};
	for (i in rows) {
		for (j in rows[i].cell) {
			rows[i].cell[j] = (arr[i] + j) % 3
		}
	}
}
active proctype Sum() {
	byte k;
	for (k in arr) {
		if
		:: arr[k] == 2 -> break
		:: else -> sum = (sum + arr[k]) % 4
		fi
	}
}
