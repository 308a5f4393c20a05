// GOMAXPROCS: 0 and negative numbers query; a change returns the previous setting and
// goroutines go on running at every setting. Run with GOMAXPROCS=2 in the environment.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func work(n int, wg *sync.WaitGroup, out chan int) {
	s := 0
	for i := 0; i < n; i++ {
		s += i
	}
	out <- s
	wg.Done()
}

func round(procs int) {
	var wg sync.WaitGroup
	out := make(chan int, 4)
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go work(1000, &wg, out)
	}
	wg.Wait()
	fmt.Println("4 goroutines done at GOMAXPROCS", procs, "sum", <-out+<-out+<-out+<-out)
}

func main() {
	fmt.Println("from env", runtime.GOMAXPROCS(0))
	round(runtime.GOMAXPROCS(0))
	fmt.Println("set 3, was", runtime.GOMAXPROCS(3))
	fmt.Println("query 0", runtime.GOMAXPROCS(0))
	fmt.Println("query -1", runtime.GOMAXPROCS(-1))
	round(runtime.GOMAXPROCS(0))
	fmt.Println("set 1, was", runtime.GOMAXPROCS(1))
	round(runtime.GOMAXPROCS(0))
	fmt.Println("set 1 again, was", runtime.GOMAXPROCS(1))
	fmt.Println("NumGoroutine", runtime.NumGoroutine())
}
