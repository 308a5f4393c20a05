// A buffered channel: sends do not block until it is full, values come out in FIFO
// order, len counts what is buffered, and a sender blocked on a full channel is let in
// (in order) as a receiver drains it.
package main

import "fmt"

func fill(ch chan int, from, n int, done chan bool) {
	for i := from; i < from+n; i++ {
		ch <- i
	}
	done <- true
}

func main() {
	ch := make(chan int, 3)
	for i := 1; i <= 5; i++ {
		select {
		case ch <- i:
			fmt.Println("buffered", i, "len", len(ch), "cap", cap(ch))
		default:
			fmt.Println("full at", i, "len", len(ch))
		}
	}
	for len(ch) > 0 {
		fmt.Println("got", <-ch, "len", len(ch))
	}
	done := make(chan bool)
	go fill(ch, 100, 8, done)
	sum := 0
	order := true
	prev := 99
	for i := 0; i < 8; i++ {
		v := <-ch
		if v != prev+1 {
			order = false
		}
		prev = v
		sum += v
	}
	<-done
	fmt.Println("sum", sum, "in order", order, "len", len(ch))
}
