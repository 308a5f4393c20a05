// A goroutine blocked in a system call holds no cpu slot: at GOMAXPROCS 1 another
// goroutine runs meanwhile, and its write ends the blocked read. Run with GOMAXPROCS=1.
package main

import (
	"fmt"
	"sort"
	"syscall"
)

func reader(fd int, out chan string) {
	buf := make([]byte, 16)
	n, _ := syscall.Read(fd, buf)
	out <- "reader got " + string(buf[:n])
}

func writer(fd int, started chan bool, out chan string) {
	started <- true
	s := 0
	for i := 0; i < 1000000; i++ {
		s += i
	}
	syscall.Write(fd, []byte("hello"))
	out <- fmt.Sprint("writer ran while the reader was blocked, sum ", s)
}

func main() {
	var p [2]int
	if err := syscall.Pipe(p[:]); err != nil {
		panic(err)
	}
	out := make(chan string, 2)
	started := make(chan bool, 1)
	go reader(p[0], out)
	go writer(p[1], started, out)
	<-started
	lines := []string{<-out, <-out}
	sort.Strings(lines)
	fmt.Println(lines[0])
	fmt.Println(lines[1])
}
