// A panic's value that is a float64 prints in the runtime's own form (+d.dddddde+ddd);
// an int prints as itself. Here a goroutine panics with a float while main waits.
package main

import "fmt"

func thrower(ready chan bool, x float64) {
	<-ready
	panic(x / 8)
}

func main() {
	ready := make(chan bool)
	go thrower(ready, 3)
	fmt.Println("main waits")
	ready <- true
	select {}
}
