"""The resource library: resources with file versions, and collections."""
