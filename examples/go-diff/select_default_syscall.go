// At GOMAXPROCS 1, main polls with a select whose default yields (runtime.Gosched) while
// producers come back from a blocking call (time.Sleep stands in for gosched's syscall)
// and send: each yield must let a producer back from its call run. Run with GOMAXPROCS=1.
package main

import (
	"fmt"
	"runtime"
	"time"
)

func producer(c chan int, base int) {
	for j := 0; j < 2; j++ {
		time.Sleep(2 * time.Millisecond)
		c <- base + j
	}
}

func main() {
	a, b := make(chan int, 1), make(chan int, 1)
	go producer(a, 0)
	go producer(b, 100)
	sa, sb := 0, 0
	for got := 0; got < 4; {
		select {
		case v := <-a:
			sa += v
			got++
		case v := <-b:
			sb += v
			got++
		default:
			runtime.Gosched()
		}
	}
	fmt.Println("sums", sa, sb)
}
