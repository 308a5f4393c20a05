// panic(nil) in a goroutine while main waits: Go 1.19 prints `panic: nil`.
package main

import "fmt"

func fail(ready chan bool) {
	<-ready
	panic(nil)
}

func main() {
	ready := make(chan bool)
	go fail(ready)
	fmt.Println("before")
	ready <- true
	select {}
}
