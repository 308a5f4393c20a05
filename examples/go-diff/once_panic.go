// A Once whose function panics counts as done: the panic is recovered, and a second Do
// does not run its function.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var once sync.Once
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		once.Do(func() { panic("first") })
	}()
	ran := false
	once.Do(func() { ran = true })
	fmt.Println("second ran:", ran)
}
