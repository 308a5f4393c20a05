// panic with a string value (JavaScript: throw of a string, not an Error).
package main

import "fmt"

func main() {
	fmt.Println("before")
	panic("plain string")
}
