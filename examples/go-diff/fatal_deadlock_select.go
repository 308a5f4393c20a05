// An empty select blocks forever; alone, that is a deadlock.
package main

import "fmt"

func main() {
	fmt.Println("main selects")
	select {}
}
