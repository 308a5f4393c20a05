// Eight goroutines panic at once (GOMAXPROCS 1: with more, Go may print two panics
// interleaved): one panic is reported, exit 2; none is reported as a deadlock.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	start := make(chan bool)
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			<-start
			panic("one of many")
		}()
	}
	fmt.Println("starting")
	close(start)
	wg.Wait()
}
