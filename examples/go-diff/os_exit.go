// os.Exit from a goroutine ends the program at once with its status; deferred calls do
// not run and main's later output never appears.
package main

import (
	"fmt"
	"os"
)

func exiter(ready chan bool) {
	<-ready
	defer fmt.Println("deferred: not printed")
	fmt.Println("exiting with 3")
	os.Exit(3)
}

func main() {
	ready := make(chan bool)
	go exiter(ready)
	fmt.Println("main runs")
	ready <- true
	select {}
}
