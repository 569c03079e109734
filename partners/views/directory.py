"""Pages of the partner directory, people and hosted priorities (read-only for now)."""
