// A select whose cases are all on nil channels blocks for ever (no default): alone, a
// deadlock, the goroutine shown in select.
package main

import "fmt"

func main() {
	var a, b chan int
	fmt.Println("main selects on nil channels")
	select {
	case <-a:
	case b <- 1:
	}
}
