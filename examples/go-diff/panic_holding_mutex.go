// A goroutine panics holding a Mutex that main then waits for: the panic ends the
// program (exit 2), not a deadlock report.
package main

import (
	"fmt"
	"sync"
	"time"
)

func holder(mu *sync.Mutex, locked chan bool) {
	mu.Lock()
	locked <- true
	time.Sleep(100 * time.Millisecond) // main prints, then waits for the Mutex
	panic("died holding the lock")
}

func main() {
	var mu sync.Mutex
	locked := make(chan bool)
	go holder(&mu, locked)
	<-locked
	fmt.Println("holder has it")
	mu.Lock()
	fmt.Println("not reached")
}
