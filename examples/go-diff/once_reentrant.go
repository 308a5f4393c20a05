// Once.Do called again from inside its own function waits for itself: Go's deadlock
// ("outer" is printed, "inner" never).
package main

import (
	"fmt"
	"sync"
)

func main() {
	var once sync.Once
	once.Do(func() {
		fmt.Println("outer")
		once.Do(func() { fmt.Println("inner") })
	})
}
