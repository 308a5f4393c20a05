// An unrecovered close of a nil channel.
package main

import "fmt"

func main() {
	var ch chan int
	fmt.Println("before")
	close(ch)
}
