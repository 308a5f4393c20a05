// An unbuffered channel is a rendezvous: a send with no receiver waiting would block
// (select's default shows it), len and cap are 0, and a value goes straight across.
package main

import "fmt"

func receiver(ch chan int, done chan bool) {
	for i := 0; i < 3; i++ {
		fmt.Println("received", <-ch)
	}
	done <- true
}

func main() {
	ch := make(chan int)
	fmt.Println("len", len(ch), "cap", cap(ch))
	select {
	case ch <- 1:
		fmt.Println("sent with nobody receiving")
	default:
		fmt.Println("send would block")
	}
	select {
	case v := <-ch:
		fmt.Println("received", v, "with nobody sending")
	default:
		fmt.Println("receive would block")
	}
	done := make(chan bool)
	go receiver(ch, done)
	for i := 1; i <= 3; i++ {
		ch <- i * 10
	}
	<-done
	fmt.Println("len", len(ch), "cap", cap(ch))
}
