// Every goroutine blocked: "fatal error: all goroutines are asleep - deadlock!", each
// goroutine with what it waits on, exit 2.
package main

import (
	"fmt"
	"sync"
)

func waitOn(wg *sync.WaitGroup) {
	wg.Wait()
}

func sendTo(ch chan int) {
	ch <- 1
}

func lockTwice(mu *sync.Mutex) {
	mu.Lock()
	mu.Lock()
}

func selectTwo(a, b chan int) {
	select {
	case <-a:
	case b <- 1:
	}
}

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	var mu sync.Mutex
	go waitOn(&wg)
	go sendTo(make(chan int))
	go lockTwice(&mu)
	go selectTwo(make(chan int), make(chan int))
	fmt.Println("main blocks")
	<-make(chan int)
}
