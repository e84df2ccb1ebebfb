"""The fault suite: the stack under broker and database cuts, kill -9, duplicates and poison."""
