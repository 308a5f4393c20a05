// Mutex: increments under the lock are never lost; TryLock fails while it is held; a
// Mutex is not tied to a goroutine: one may unlock what another locked.
package main

import (
	"fmt"
	"sync"
)

func adder(mu *sync.Mutex, n int, counter *int, wg *sync.WaitGroup) {
	for i := 0; i < n; i++ {
		mu.Lock()
		*counter++
		mu.Unlock()
	}
	wg.Done()
}

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	counter := 0
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go adder(&mu, 500, &counter, &wg)
	}
	wg.Wait()
	fmt.Println("counter", counter)
	fmt.Println("trylock free", mu.TryLock())
	fmt.Println("trylock held", mu.TryLock())
	mu.Unlock()
	fmt.Println("trylock after unlock", mu.TryLock())
	done := make(chan bool)
	go unlockFor(&mu, done)
	<-done
	mu.Lock()
	fmt.Println("locked again after another goroutine unlocked it")
	mu.Unlock()
}

func unlockFor(mu *sync.Mutex, done chan bool) {
	mu.Unlock()
	done <- true
}
