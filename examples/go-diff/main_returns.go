// The program ends when main returns, whatever its other goroutines are doing (blocked
// on a channel, sleeping, spinning in system calls): exit 0.
package main

import (
	"fmt"
	"time"
)

func blocked(ch chan int) {
	<-ch
}

func sleeper() {
	for {
		time.Sleep(time.Second)
	}
}

func main() {
	go blocked(make(chan int))
	go sleeper()
	done := make(chan bool)
	go func() { done <- true }()
	<-done
	fmt.Println("main returns")
}
