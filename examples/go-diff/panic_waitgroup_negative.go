// An unrecovered negative WaitGroup counter, from a goroutine.
package main

import (
	"fmt"
	"sync"
)

func extraDone(wg *sync.WaitGroup) {
	wg.Done()
	wg.Done()
}

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	fmt.Println("before")
	go extraDone(&wg)
	select {}
}
