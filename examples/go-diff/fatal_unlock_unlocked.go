// Unlock of an unlocked Mutex is a fatal error (not a panic): exit 2.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	mu.Lock()
	mu.Unlock()
	fmt.Println("before")
	defer func() { fmt.Println("recovered", recover()) }()
	mu.Unlock()
}
