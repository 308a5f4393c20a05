// WaitGroup: Wait with a zero counter returns at once; Wait returns once every Done
// has been called; a recovered negative counter is "sync: negative WaitGroup counter".
package main

import (
	"fmt"
	"sync"
)

func worker(id int, wg *sync.WaitGroup, out chan int) {
	out <- id * id
	wg.Done()
}

func waiter(gate *sync.WaitGroup, id int, woke chan int) {
	gate.Wait()
	woke <- id
}

func main() {
	var zero sync.WaitGroup
	zero.Wait()
	fmt.Println("wait at zero returned")
	var wg sync.WaitGroup
	out := make(chan int, 10)
	for i := 1; i <= 10; i++ {
		wg.Add(1)
		go worker(i, &wg, out)
	}
	wg.Wait()
	sum := 0
	for i := 0; i < 10; i++ {
		sum += <-out
	}
	fmt.Println("all done, sum", sum, "len", len(out))
	// Reused, and waited on by several goroutines at once: every waiter wakes.
	var gate sync.WaitGroup
	gate.Add(1)
	woke := make(chan int, 3)
	for i := 0; i < 3; i++ {
		go waiter(&gate, i, woke)
	}
	gate.Done()
	fmt.Println("waiters woke:", <-woke+<-woke+<-woke == 0+1+2)
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		var neg sync.WaitGroup
		neg.Add(-1)
	}()
}
