// close: receivers drain the buffer, then get the zero value and ok == false at once;
// a blocked receiver is woken by close; send on a closed channel, close of a closed
// channel and close of a nil channel panic (recovered here to print the message).
// gosched's channels are untyped: its "zero value" is undefined, printed here as "zero"
// on both sides (values sent are never 0).
package main

import "fmt"

func show(v int) string {
	if v == 0 {
		return "zero"
	}
	return fmt.Sprint(v)
}

func try(what string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println(what, "panics:", r)
		}
	}()
	f()
	fmt.Println(what, "returns")
}

func blockedReceiver(ch chan int, out chan string) {
	v, ok := <-ch
	out <- fmt.Sprint("blocked receiver woke: ", show(v), " ", ok)
}

func main() {
	ch := make(chan int, 2)
	ch <- 7
	ch <- 8
	close(ch)
	for i := 0; i < 4; i++ {
		v, ok := <-ch
		fmt.Println(show(v), ok, len(ch))
	}
	try("send on closed", func() { ch <- 1 })
	try("close of closed", func() { close(ch) })
	var nilch chan int
	try("close of nil", func() { close(nilch) })
	un := make(chan int)
	out := make(chan string)
	go blockedReceiver(un, out)
	go blockedReceiver(un, out)
	close(un)
	fmt.Println(<-out)
	fmt.Println(<-out)
	for v := range ch {
		fmt.Println("range over closed got", v)
	}
	fmt.Println("range over closed and drained ends")
}
