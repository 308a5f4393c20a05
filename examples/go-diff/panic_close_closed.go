// An unrecovered close of a closed channel, in a goroutine other than main.
package main

import "fmt"

func closer(ch chan int) {
	close(ch)
}

func main() {
	ch := make(chan int)
	close(ch)
	fmt.Println("before")
	go closer(ch)
	select {}
}
