// An unrecovered send on a closed channel ends the program: exit 2, "panic: ...".
package main

import "fmt"

func main() {
	ch := make(chan int, 1)
	close(ch)
	fmt.Println("before")
	ch <- 1
	fmt.Println("not reached")
}
