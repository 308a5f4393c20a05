// A panic in a goroutine other than main ends the whole program while main is blocked:
// "panic: <message>", the goroutine, exit 2. Output printed before it stays.
package main

import (
	"errors"
	"fmt"
)

func thrower(ready chan bool) {
	<-ready
	panic(errors.New("something broke"))
}

func main() {
	ready := make(chan bool)
	go thrower(ready)
	fmt.Println("main runs")
	ready <- true
	select {}
}
