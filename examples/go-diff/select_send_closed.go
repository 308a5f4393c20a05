// A select whose ready case is a send on a closed channel panics ("send on closed
// channel"), as a plain send does.
package main

import "fmt"

func main() {
	ch := make(chan int, 1)
	other := make(chan int)
	close(ch)
	fmt.Println("select send on closed")
	select {
	case ch <- 1:
		fmt.Println("sent")
	case <-other:
		fmt.Println("other")
	}
}
