// A select of one case and no default is that case's channel operation (Go compiles it
// so): in a deadlock report the goroutine waits in "chan send", "chan receive", or on a
// nil channel, not in "select".
package main

import "fmt"

func sendOne(c chan int) {
	select {
	case c <- 1:
	}
}

func recvOne(c chan int) {
	select {
	case v, ok := <-c:
		fmt.Println("received", v, ok)
	}
}

func sendNil() {
	var c chan int
	select {
	case c <- 1:
	}
}

func main() {
	go sendOne(make(chan int))
	go recvOne(make(chan int))
	go sendNil()
	fmt.Println("main selects on one channel")
	var off chan int
	select {
	case <-off:
	}
}
