// select: default when nothing is ready; among several ready cases each gets chosen
// over many runs (Go picks uniformly); send and receive cases together; a closed
// channel's case is always ready (zero value, ok false) and beats default; a nil
// channel's case is never chosen (the idiom that turns a case off).
package main

import "fmt"

func main() {
	a := make(chan int, 1)
	b := make(chan int, 1)
	select {
	case v := <-a:
		fmt.Println("a", v)
	case v := <-b:
		fmt.Println("b", v)
	default:
		fmt.Println("nothing ready: default")
	}

	counts := [2]int{}
	for i := 0; i < 400; i++ {
		a <- 1
		b <- 2
		select {
		case <-a:
			counts[0]++
			<-b
		case <-b:
			counts[1]++
			<-a
		}
	}
	fmt.Println("two ready receives, both chosen:", counts[0] > 0 && counts[1] > 0, "total", counts[0]+counts[1])

	sendRecv := [2]int{}
	for i := 0; i < 400; i++ {
		b <- 3
		select {
		case a <- 4:
			sendRecv[0]++
			<-a
			<-b
		case <-b:
			sendRecv[1]++
		}
	}
	fmt.Println("ready send and receive, both chosen:", sendRecv[0] > 0 && sendRecv[1] > 0, "total", sendRecv[0]+sendRecv[1])

	closed := make(chan int)
	close(closed)
	select {
	case v, ok := <-closed:
		fmt.Println("closed case chosen over default: zero", v == 0, "ok", ok)
	default:
		fmt.Println("default")
	}

	var off chan int
	chosen := 0
	for i := 0; i < 100; i++ {
		a <- 5
		select {
		case <-off:
			fmt.Println("nil channel chosen")
		case off <- 1:
			fmt.Println("nil channel chosen")
		case <-a:
			chosen++
		}
	}
	fmt.Println("nil cases never chosen, the live one", chosen, "times")
	select {
	case <-off:
		fmt.Println("nil chosen")
	default:
		fmt.Println("only nil cases: default")
	}
}
