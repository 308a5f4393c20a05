// Closing a channel that a goroutine is blocked sending on makes that send panic
// ("send on closed channel"), which ends the program: exit 2.
package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan int)
	go func() { ch <- 1 }()
	time.Sleep(100 * time.Millisecond)
	fmt.Println("closing with a sender blocked")
	close(ch)
	time.Sleep(500 * time.Millisecond)
	fmt.Println("not reached")
}
