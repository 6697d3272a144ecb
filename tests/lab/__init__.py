"""The README's first command, `make lab`, run as a reader would run it, and the series opened through it."""
