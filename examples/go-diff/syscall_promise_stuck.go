// A goroutine stuck for ever in a system call (a read of a pipe nobody writes to) does
// not stop the program: main goes on, prints, and its return ends the program (exit 0).
package main

import (
	"fmt"
	"syscall"
	"time"
)

func stuck(started chan bool) {
	var fds [2]int
	if err := syscall.Pipe(fds[:]); err != nil {
		panic(err)
	}
	started <- true
	buf := make([]byte, 1)
	syscall.Read(fds[0], buf)
	fmt.Println("never printed")
}

func main() {
	started := make(chan bool)
	go stuck(started)
	<-started
	time.Sleep(50 * time.Millisecond)
	fmt.Println("main returns while a goroutine is stuck in a system call")
}
