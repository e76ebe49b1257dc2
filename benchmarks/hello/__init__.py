"""A bare Django hello-world, served beside Harambee as the throughput yardstick."""
