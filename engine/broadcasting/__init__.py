"""Broadcasting: why two shapes broadcast, or exactly why they don't."""
