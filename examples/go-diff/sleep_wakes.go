// A sleeping goroutine is not blocked for ever: main waiting only on sleepers is no
// deadlock, and each wakes. (Which wakes first is not compared: under load a thread
// start can take longer than the gap between the two sleeps.)
package main

import (
	"fmt"
	"time"
)

func sleeper(ms int, out chan int) {
	time.Sleep(time.Duration(ms) * time.Millisecond)
	out <- ms
}

func main() {
	out := make(chan int)
	go sleeper(300, out)
	go sleeper(20, out)
	a, b := <-out, <-out
	fmt.Println("both awake, after", a+b, "ms of sleep in all")
}
