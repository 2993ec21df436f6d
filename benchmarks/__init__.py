"""yorum benchmarks: speed and quality, run with `make bench`."""
