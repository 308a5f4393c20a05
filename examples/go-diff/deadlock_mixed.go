// Every goroutine blocked, each in another way: main in WaitGroup.Wait and a goroutine in
// Mutex.Lock (both [semacquire]), one in a send, one in a select, one receiving from a nil
// channel: the deadlock report lists each goroutine with its own state.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	ch := make(chan int)
	mu.Lock()
	wg.Add(3)
	go func() { ch <- 1; wg.Done() }()
	go func() { mu.Lock(); wg.Done() }()
	go func() { select { case <-ch: case <-make(chan int): }; wg.Done() }()
	go func() { var nilch chan int; <-nilch }()
	fmt.Println("waiting")
	wg.Wait()
	ch <- 2
}
