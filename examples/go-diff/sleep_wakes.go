// A sleeping goroutine is not blocked for ever: main waiting only on sleepers is no
// deadlock, and each wakes after its time (shortest first).
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
	fmt.Println("first awake after", <-out, "ms")
	fmt.Println("second awake after", <-out, "ms")
}
