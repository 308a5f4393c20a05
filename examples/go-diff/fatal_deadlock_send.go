// main alone sending on an unbuffered channel nobody receives from: a deadlock.
package main

import "fmt"

func main() {
	ch := make(chan int)
	fmt.Println("main sends")
	ch <- 1
}
