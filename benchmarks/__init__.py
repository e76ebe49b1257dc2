"""Load, latency, throughput, memory and write benchmarks. Run by hand: ``make bench``."""
