// for-range over a channel receives every value in order until the channel is closed.
package main

import "fmt"

func produce(ch chan string, n int) {
	for i := 0; i < n; i++ {
		ch <- fmt.Sprint("v", i)
	}
	close(ch)
}

func main() {
	ch := make(chan string)
	go produce(ch, 5)
	for v := range ch {
		fmt.Println(v)
	}
	buf := make(chan string, 10)
	go produce(buf, 7)
	n := 0
	for range buf {
		n++
	}
	fmt.Println("buffered range got", n)
}
