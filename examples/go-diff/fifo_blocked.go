// Goroutines blocked sending on a channel are served in the order they blocked, and so are
// goroutines blocked receiving (Go's FIFO wait queues). Each goroutine says it has started
// before the next is started, and blocks at once after; the pause lets it get there.
package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan int)
	started := make(chan bool, 1)
	for i := 1; i <= 4; i++ {
		go func(i int) { started <- true; ch <- i }(i)
		<-started
		time.Sleep(100 * time.Millisecond)
	}
	for i := 0; i < 4; i++ {
		fmt.Println("blocked sender served:", <-ch)
	}
	out := make(chan string)
	for i := 1; i <= 4; i++ {
		go func(i int) { started <- true; v := <-ch; out <- fmt.Sprint("receiver ", i, " got ", v) }(i)
		<-started
		time.Sleep(100 * time.Millisecond)
	}
	for i := 1; i <= 4; i++ {
		ch <- i * 10
		fmt.Println(<-out)
	}
}
