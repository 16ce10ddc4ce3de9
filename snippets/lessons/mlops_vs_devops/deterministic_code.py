"""Section 1: traditional code is deterministic."""

# --8<-- [start:example]
def add(a, b):
    return a + b

# Always returns same output for same input
add(2, 3)  # Always 5

if __name__ == "__main__":
    results = {add(2, 3) for _ in range(1_000)}
    print(f"add(2, 3) called 1000 times -> distinct results: {results}")
# --8<-- [end:example]
# prints: add(2, 3) called 1000 times -> distinct results: {5}
