// pan-cc: -DVECTORSZ=8192
// The 256th process cannot be created: pan stops with "too many processes".
proctype Q() { byte x; x = 1 }
active proctype P() { do :: run Q() od }
