// Goroutines start goroutines: a tree three levels deep reports every leaf; NumGoroutine
// counts the goroutines that are alive and blocked.
package main

import (
	"fmt"
	"runtime"
	"sort"
)

func node(depth, id int, out chan int) {
	if depth == 0 {
		out <- id
		return
	}
	for i := 0; i < 3; i++ {
		go node(depth-1, id*10+i, out)
	}
}

func block(ch chan int) {
	<-ch
}

func main() {
	out := make(chan int)
	go node(3, 1, out)
	var leaves []int
	for i := 0; i < 27; i++ {
		leaves = append(leaves, <-out)
	}
	sort.Ints(leaves)
	fmt.Println(len(leaves), "leaves, first", leaves[0], "last", leaves[26])
	release := make(chan int)
	for i := 0; i < 5; i++ {
		go block(release)
	}
	for runtime.NumGoroutine() != 6 {
		runtime.Gosched()
	}
	fmt.Println("NumGoroutine with 5 blocked", runtime.NumGoroutine())
	close(release)
	for runtime.NumGoroutine() != 1 {
		runtime.Gosched()
	}
	fmt.Println("NumGoroutine after release", runtime.NumGoroutine())
}
