// A panic while the program initialises (Go: in init; JavaScript: in the module's
// top-level code) ends it before main: "panic: ...", goroutine 1, exit 2.
package main

import "fmt"

func init() {
	fmt.Println("initialising")
	panic("init failed")
}

func main() {
	fmt.Println("main: not reached")
}
